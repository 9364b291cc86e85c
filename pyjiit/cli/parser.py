"""The command line's grammar: global options, commands and their arguments."""

from __future__ import annotations

import argparse
import functools
import math
import re
import sys
import textwrap
from typing import TYPE_CHECKING

from pyjiit import __version__
from pyjiit._checks import argument_type, count, http_url, seconds
from pyjiit._fanout import DEFAULT_IN_FLIGHT
from pyjiit.attendance_math import DEFAULT_GOAL
from pyjiit.cli import commands
from pyjiit.cli.exits import EXIT_CODES_HELP
from pyjiit.cli.store import CACHE_DIR_VARIABLE
from pyjiit.wrapper import DEFAULT_TIMEOUT

if TYPE_CHECKING:
    from collections.abc import Callable

    from _typeshed import SupportsWrite

__all__ = ["DEFAULT_TIMEOUT_SECONDS", "build_parser"]

#: ``--timeout``'s default: the library's read timeout (connecting keeps the library's default).
DEFAULT_TIMEOUT_SECONDS = max(DEFAULT_TIMEOUT)

_DESCRIPTION = """\
Your JIIT webportal from the terminal: attendance, exams, grades, fees and marks.
Log in once with `pyjiit login`; the session is kept in your cache directory
until it expires. Try it without an account: `pyjiit demo`.

Global options go before or after the command: `pyjiit attendance --json`.
Tables piped to another program are not wrapped, so `pyjiit grades | grep`
finds whole subject names; `pyjiit ... | head` ends quietly (exit code 141)."""

_ENVIRONMENT = f"""\
environment:
  {commands.PASSWORD_VARIABLE:<26}the password for `login` (otherwise it is asked for)
  {commands.GOOGLE_CREDENTIAL_VARIABLE:<26}the credential for `login --google`
  {CACHE_DIR_VARIABLE:<26}where the session is kept (default: your cache directory)
  NO_COLOR                  any value turns colours off"""


#: A line of a list in the description or epilog: spaces, a name, two spaces or more, then its text.
_LIST_ITEM = re.compile(r"(\s+\S+\s{2,})(\S.*)")


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps the description and the epilog to the terminal, keeping their paragraphs and lists.

    A line that starts with spaces is an item of a list (an exit code, a
    variable): it keeps a line of its own, and what wraps of its text lines up
    under that text (or, in a narrow terminal, goes on indented lines below
    the item's name).  Other lines run together into paragraphs.
    """

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        fill = functools.partial(textwrap.fill, width=width, break_long_words=False, break_on_hyphens=False)
        lines: list[str] = []
        paragraph: list[str] = []

        def end_paragraph() -> None:
            if paragraph:
                lines.append(fill(" ".join(paragraph), initial_indent=indent, subsequent_indent=indent))
                paragraph.clear()

        for line in text.splitlines():
            if line.strip() and not line[0].isspace():
                paragraph.append(line.strip())
                continue
            end_paragraph()
            item = _LIST_ITEM.fullmatch(line)
            if item is None:  # a blank line, or an indented one with no name to line up under
                lines.append(fill(line.strip(), initial_indent=indent, subsequent_indent=indent))
                continue
            name, words = item.groups()
            if len(name) <= width // 2:
                lines.append(
                    fill(words, initial_indent=indent + name, subsequent_indent=indent + " " * len(name))
                )
            else:
                lines.append(indent + name.rstrip())
                under = indent + " " * (len(name) - len(name.lstrip()) + 4)
                lines.append(fill(words, initial_indent=under, subsequent_indent=under))
        end_paragraph()
        return "\n".join(lines)


class _Parser(argparse.ArgumentParser):
    """An argument parser that lets a failed write of its help reach the command.

    argparse ignores it, so ``pyjiit --help | head -n 0`` would end with 0:
    :func:`pyjiit.cli.app.run` ends it with 141, as any other command.
    """

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        target = file or sys.stderr
        if message and target is not None:
            target.write(message)


def _number(text: str) -> float:
    """Read a finite number."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"not a finite number: {text!r}")
    return value


def _goal(text: str) -> float:
    """Read an attendance goal: a number of percent strictly between 0 and 100."""
    value = _number(text)
    if not 0 < value < 100:  # noqa: PLR2004 (percent)
        raise argparse.ArgumentTypeError(f"must be between 0 and 100 (exclusive), got {text}")
    return value


#: A timeout: a finite number of seconds above 0.
_timeout = argument_type(seconds, float)
#: A delay: a finite number of seconds, 0 or more.
_delay = argument_type(functools.partial(seconds, zero=True), float)
#: A base URL: http(s), with a host.
_url = argument_type(http_url)


#: A number of requests in flight: a whole number, 1 or more.
_requests = argument_type(functools.partial(count, minimum=1), int)


def _add_global_options(add_argument: Callable[..., argparse.Action], *, with_defaults: bool) -> None:
    """Add the options every command takes, before or after its name.

    Args:
        add_argument: The ``add_argument`` of the top-level parser, or of the
            group of global options in every command's parser.
        with_defaults: Whether the options get their defaults.  The top level
            gives them; after the command they must have none
            (``argparse.SUPPRESS``), or an option left out there would undo the
            same option given before the command.
    """

    def default(value: object) -> object:
        return value if with_defaults else argparse.SUPPRESS

    add_argument(
        "--portal-url",
        type=_url,
        metavar="URL",
        default=default(None),
        help="the portal's API base (default: the JIIT webportal, or the saved session's)",
    )
    add_argument(
        "--sso-url",
        type=_url,
        metavar="URL",
        default=default(None),
        help="the base of the Google sign-in exchange",
    )
    add_argument(
        "--ca-file",
        metavar="FILE",
        default=default(None),
        help="a CA bundle to trust the portal's certificate with",
    )
    add_argument(
        "--timeout",
        type=_timeout,
        metavar="SECONDS",
        default=default(DEFAULT_TIMEOUT_SECONDS),
        help=f"how long to wait for each answer of the portal (default: {DEFAULT_TIMEOUT_SECONDS:g})",
    )
    add_argument(
        "--max-in-flight",
        type=_requests,
        metavar="N",
        default=default(DEFAULT_IN_FLIGHT),
        help=f"requests sent to the portal at once; 1 sends them in turn (default: {DEFAULT_IN_FLIGHT})",
    )
    add_argument(
        "--json",
        action="store_true",
        default=default(value=False),
        help="write JSON on standard output, and nothing else",
    )
    add_argument(
        "--debug",
        action="store_true",
        default=default(value=False),
        help="show tracebacks, the portal's paths in errors, and log the requests",
    )


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the ``pyjiit`` command; each command sets ``handler`` to its function."""
    parser = _Parser(
        prog="pyjiit",
        description=_DESCRIPTION,
        epilog=f"{EXIT_CODES_HELP}\n\n{_ENVIRONMENT}",
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"pyjiit {__version__}")
    _add_global_options(parser.add_argument, with_defaults=True)
    after_command = _Parser(add_help=False)
    global_options = after_command.add_argument_group("global options (also accepted before the command)")
    _add_global_options(global_options.add_argument, with_defaults=False)
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    def command(name: str, help_text: str, handler: object) -> argparse.ArgumentParser:
        sub = subparsers.add_parser(
            name,
            help=help_text,
            description=help_text[0].upper() + help_text[1:] + ".",
            parents=[after_command],
        )
        sub.set_defaults(handler=handler)
        return sub

    def semester_option(sub: argparse.ArgumentParser, what: str) -> None:
        sub.add_argument(
            "--semester", metavar="CODE", help=f"the semester, e.g. 2026ODDSEM (default: the newest {what})"
        )

    login = command("login", "log in and save the session", commands.login)
    login.add_argument("username", nargs="?", metavar="USERNAME", help="your enrollment number")
    login.add_argument(
        "--google",
        nargs="?",
        const="",
        metavar="CREDENTIAL",
        help=f"log in with a Google sign-in credential (or set {commands.GOOGLE_CREDENTIAL_VARIABLE})",
    )
    command("logout", "forget the saved session", commands.logout)
    command("whoami", "show who is logged in (asks the portal)", commands.whoami)

    attendance = command(
        "attendance", "show attendance per subject, or one subject's classes", commands.attendance
    )
    attendance.add_argument(
        "subject", nargs="?", metavar="SUBJECT", help="a subject's code or part of its name"
    )
    attendance.add_argument("--daily", action="store_true", help="list SUBJECT's classes one by one")
    semester_option(attendance, "with attendance")
    attendance.add_argument(
        "--goal",
        type=_goal,
        default=float(DEFAULT_GOAL),
        metavar="PERCENT",
        help=f"the attendance to aim for (default: {DEFAULT_GOAL})",
    )

    exams = command("exams", "show an exam event's schedule", commands.exams)
    semester_option(exams, "with exams")
    exams.add_argument("--event", metavar="CODE", help="the exam event, e.g. T1 (default: the latest)")

    grades = command("grades", "show SGPA/CGPA per semester and a grade card", commands.grades)
    semester_option(grades, "with a grade card")

    command("fees", "show fees and pending fines", commands.fees)

    marks = command("marks", "download a semester's marks as a PDF", commands.marks)
    semester_option(marks, "with marks")
    marks.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="where to save it: a file, or a folder to save marks-CODE.pdf in (default: marks-CODE.pdf)",
    )

    demo = command("demo", "try it all on a built-in fake portal, no account needed", commands.demo)
    demo.add_argument(
        "--latency",
        type=_delay,
        default=commands.DEMO_LATENCY,
        metavar="SECONDS",
        help=f"how long each of its answers takes (default: {commands.DEMO_LATENCY:g}; the real portal's "
        "take 0.3 or more)",
    )
    return parser
