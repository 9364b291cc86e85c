"""Serve the fake portal until Ctrl-C: ``python -m pyjiit.testing [--port N] [--tls] [--latency S] ...``."""

from __future__ import annotations

import argparse
import functools
import signal
import sys
import threading
from typing import TYPE_CHECKING

from pyjiit._checks import argument_type, seconds
from pyjiit.testing.portal import FakePortal

if TYPE_CHECKING:
    from collections.abc import Sequence
    from types import FrameType

__all__ = ["main"]


#: A latency: a finite number of seconds, 0 or more.
_latency = argument_type(functools.partial(seconds, zero=True), float)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pyjiit.testing",
        description="Serve a local fake JIIT webportal with one demo student until interrupted.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s)")
    parser.add_argument("--port", type=int, default=0, help="port to bind (default: any free port)")
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
    stop = threading.Event()

    def request_stop(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    # Ctrl-C (Ctrl-Break on Windows) and termination all end the wait below,
    # so the portal always stops cleanly, without a KeyboardInterrupt traceback.
    signals = [signal.SIGINT, signal.SIGTERM]
    if sys.platform == "win32":
        signals.append(signal.SIGBREAK)
    previous = {number: signal.signal(number, request_stop) for number in signals}
    try:
        return _serve(args, stop)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _serve(args: argparse.Namespace, stop: threading.Event) -> int:
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
        while not stop.wait(0.5):  # a timed wait lets signals in on every platform
            pass
    finally:
        portal.stop()
    print("Stopped.", flush=True)  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
