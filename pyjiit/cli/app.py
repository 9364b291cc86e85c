"""Running the command: parse the line, run the command, show its report, map failures to exit codes."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sys
import traceback
from typing import TYPE_CHECKING

from pyjiit.cli.commands import Context
from pyjiit.cli.exits import ExitCode, describe, exit_code, kind
from pyjiit.cli.parser import build_parser
from pyjiit.cli.render import Output
from pyjiit.cli.store import SessionStore, default_cache_dir

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

__all__ = ["run"]


def run(argv: Sequence[str] | None = None) -> int:
    """Run the ``pyjiit`` command line ``argv`` (default: this process's) and return its exit code.

    When standard output is closed early (``pyjiit fees | head -n 0``), the
    command stops quietly with :attr:`ExitCode.BROKEN_PIPE`, as other
    programs do when the reader of their output goes away.  When it cannot be
    written otherwise (a full disk, or closed before the command started),
    the command says so in one line and ends with :attr:`ExitCode.ERROR`.
    """
    if sys.stdout is None:
        # Started with standard output closed (`pyjiit fees >&-`): whatever it did, nobody would see it.
        _report("cannot write to standard output: it is closed")
        return ExitCode.ERROR
    debug = False
    try:
        args = _parse(argv)
        if isinstance(args, int):
            code = args
        else:
            debug = args.debug
            code = _run(args)
        # Flush here, not at exit, so that a failed write is noticed where it can be handled.
        sys.stdout.flush()
    except OSError as error:
        # _run turns the command's own failures into exit codes: what gets here failed to write.
        _discard_stdout()
        if _closed_pipe(error):
            return ExitCode.BROKEN_PIPE
        if debug:
            traceback.print_exc()
        _report(f"cannot write to standard output: {error.strerror or error}")
        return ExitCode.ERROR
    return code


def _parse(argv: Sequence[str] | None) -> argparse.Namespace | int:
    """Return the parsed command line, or the exit code when argparse has ended the command."""
    try:
        return build_parser().parse_args(argv)
    except SystemExit as stop:
        # argparse exits after --help, --version (0) or a usage error (2).
        return stop.code if isinstance(stop.code, int) else ExitCode.USAGE


def _run(args: argparse.Namespace) -> int:
    if args.debug:
        logging.basicConfig(format="%(name)s: %(message)s")
        logging.getLogger("pyjiit").setLevel(logging.DEBUG)
    output = Output(json_mode=args.json)
    context = Context(args, SessionStore(default_cache_dir()), output)
    try:
        report = args.handler(context)
    # Every failure, ours or a library's, becomes one line and an exit code.
    except (Exception, KeyboardInterrupt) as error:  # noqa: BLE001
        if args.debug:
            traceback.print_exc()
        message = describe(error, portal=context.portal, debug=args.debug)
        output.error(message, code=exit_code(error), kind=kind(error))
        return exit_code(error)
    output.show(report)
    return ExitCode.OK


def _report(message: str) -> None:
    """Say on standard error that standard output cannot be written (never as JSON: it would go there)."""
    # If standard error cannot be written either, the exit code is all that is left.
    with contextlib.suppress(OSError):
        Output().error(message, code=ExitCode.ERROR, kind=ExitCode.ERROR.name.lower())


def _closed_pipe(error: OSError) -> bool:
    """Tell whether ``error`` means that the reader of our output has gone away."""
    # Windows reports a write to a closed pipe as EINVAL (see subprocess's own handling of it).
    return isinstance(error, BrokenPipeError) or (sys.platform == "win32" and error.errno == errno.EINVAL)


def _discard_stdout() -> None:
    """Point standard output at the null device.

    What is still buffered for it (a closed pipe, a full disk) would otherwise
    fail again when Python flushes standard output at exit, with an
    "Exception ignored" message.
    """
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, ValueError, OSError):
        return  # not a file (a test's StringIO): nothing is flushed at exit
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, descriptor)
    finally:
        os.close(null)
