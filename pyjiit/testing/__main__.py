"""Serve the fake portal until Ctrl-C: ``python -m pyjiit.testing [--port N] [--tls] [--latency S] ...``."""

from __future__ import annotations

import argparse
import contextlib
import functools
import signal
import socket
import sys
from typing import TYPE_CHECKING

from pyjiit._checks import argument_type, count, seconds
from pyjiit.testing.portal import MAX_PORT, FakePortal

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from types import FrameType

__all__ = ["main"]


#: A latency: a finite number of seconds, 0 or more.
_latency = argument_type(functools.partial(seconds, zero=True), float)
_port = argument_type(functools.partial(count, maximum=MAX_PORT), int)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pyjiit.testing",
        description="Serve a local fake JIIT webportal with one demo student until interrupted.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s)")
    parser.add_argument("--port", type=_port, default=0, help="port to bind (default: any free port)")
    parser.add_argument("--tls", action="store_true", help="serve HTTPS with a throwaway CA")
    parser.add_argument(
        "--awkward-tokens",
        action="store_true",
        help="issue tokens whose claims need base64url decoding with re-padding "
        "(by default they are plain base64 too, as pyjiit 0.1.0a9 and jsjiit expect)",
    )
    parser.add_argument(
        "--legacy-token-path",
        action="store_true",
        help="also answer the login at /token/generate-token1, as jsjiit 0.0.24 calls it",
    )
    parser.add_argument(
        "--latency",
        type=_latency,
        default=0.0,
        metavar="SECONDS",
        help="wait this long before every answer, as the real portal does (e.g. 0.3; default: 0)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    with _stop_signals() as wait_for_stop:
        return _serve(args, wait_for_stop)


@contextlib.contextmanager
def _stop_signals() -> Iterator[Callable[[], None]]:
    """Catch Ctrl-C (Ctrl-Break on Windows) and termination; yield a function that waits for one.

    So the portal always stops cleanly, without a KeyboardInterrupt traceback.
    The signals' handler does nothing: Python runs it between two steps of the
    main thread, which may hold a lock just then (an ``Event``'s, inside its
    ``wait()``), so a handler that takes one (``Event.set()``) can deadlock.
    Python's own C handler writes each signal to the wakeup socket instead
    (:func:`signal.set_wakeup_fd`), where the main thread reads it.
    """
    signals = [signal.SIGINT, signal.SIGTERM]
    if sys.platform == "win32":
        signals.append(signal.SIGBREAK)
    reader, writer = socket.socketpair()
    with reader, writer:
        writer.settimeout(0)  # non-blocking, as set_wakeup_fd requires: a full buffer must not block
        previous_wakeup = signal.set_wakeup_fd(writer.fileno())
        previous = {number: signal.signal(number, _arrived) for number in signals}

        def wait_for_stop() -> None:
            # Any signal with a handler in Python is written here: wait for ours.
            while reader.recv(1)[0] not in signals:
                pass

        try:
            yield wait_for_stop
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)
            signal.set_wakeup_fd(previous_wakeup)


def _arrived(_signum: int, _frame: FrameType | None) -> None:
    """Take a stop signal: it was written to the wakeup socket already, which is all it needs."""


def _serve(args: argparse.Namespace, wait_for_stop: Callable[[], None]) -> int:
    try:
        portal = FakePortal(
            tls=args.tls,
            host=args.host,
            port=args.port,
            awkward_tokens=args.awkward_tokens,
            legacy_token_path=args.legacy_token_path,
            latency=args.latency,
        ).start()
    except (OSError, ImportError) as error:
        print(f"error: cannot start the fake portal: {error}", file=sys.stderr)  # noqa: T201
        return 1
    try:
        lines = [
            f"API URL:   {portal.url}",
            f"SSO URL:   {portal.sso_url}",
            *([f"CA file:   {portal.ca_file}"] if portal.ca_file else []),
            f"Username:  {portal.username}",
            f"Password:  {portal.password}",
            f"Google credential: {portal.google_credential}",
            *([f"Latency:   {portal.latency:g} s per answer"] if portal.latency else []),
            "Press Ctrl-C to stop.",
        ]
        print("\n".join(lines), flush=True)  # noqa: T201
        wait_for_stop()
    finally:
        portal.stop()
    print("Stopped.", flush=True)  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
