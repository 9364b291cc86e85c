"""Running the command: parse the line, run the command, show its report, map failures to exit codes."""

from __future__ import annotations

import logging
import traceback
from typing import TYPE_CHECKING

from pyjiit.cli.commands import Context
from pyjiit.cli.exits import ExitCode, describe, exit_code, kind
from pyjiit.cli.parser import build_parser
from pyjiit.cli.render import Output
from pyjiit.cli.store import SessionStore, default_cache_dir

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["run"]


def run(argv: Sequence[str] | None = None) -> int:
    """Run the ``pyjiit`` command line ``argv`` (default: this process's) and return its exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        # argparse exits after --help, --version (0) or a usage error (2).
        return stop.code if isinstance(stop.code, int) else ExitCode.USAGE
    if args.debug:
        logging.basicConfig(format="%(name)s: %(message)s")
        logging.getLogger("pyjiit").setLevel(logging.DEBUG)
    output = Output(json_mode=args.json)
    try:
        report = args.handler(Context(args, SessionStore(default_cache_dir()), output))
    # Every failure, ours or a library's, becomes one line and an exit code.
    except (Exception, KeyboardInterrupt) as error:  # noqa: BLE001
        if args.debug:
            traceback.print_exc()
        output.error(describe(error), code=exit_code(error), kind=kind(error))
        return exit_code(error)
    output.show(report)
    return ExitCode.OK
