"""Exit codes of the ``pyjiit`` command, and the one-line message for each failure."""

from __future__ import annotations

import enum

from pyjiit.exceptions import (
    AccessDenied,
    NotLoggedIn,
    PortalError,
    PortalUnavailable,
    PyjiitError,
    SessionExpired,
)

__all__ = ["EXIT_CODES_HELP", "CommandError", "ExitCode", "UsageError", "describe", "exit_code", "kind"]


class ExitCode(enum.IntEnum):
    """What the command's exit status means."""

    OK = 0
    #: Anything not covered below: a protocol error, a file that cannot be written...
    ERROR = 1
    #: Bad command line: an unknown option, semester or subject.
    USAGE = 2
    #: No saved session, or it expired: run ``pyjiit login``.
    NOT_LOGGED_IN = 3
    #: The portal is down or unreachable: try again later.
    UNAVAILABLE = 4
    #: The portal refused the request (wrong password, access denied...).
    REFUSED = 5
    #: Stopped with Ctrl-C.
    INTERRUPTED = 130


#: The exit codes as ``--help`` and the docs list them.
EXIT_CODES_HELP = """\
exit codes:
  0    success
  1    any other error
  2    usage error (bad option, unknown semester or subject)
  3    not logged in, or the session expired: run `pyjiit login`
  4    the portal is unavailable: try again later
  5    the portal refused (wrong password, access denied, ...)
  130  interrupted"""


class UsageError(Exception):
    """Input the argument parser cannot check: an unknown semester or subject, a missing credential."""


class CommandError(Exception):
    """A command cannot do what was asked, e.g. download marks the portal does not have yet."""


def exit_code(error: BaseException) -> ExitCode:
    """Return the exit code for ``error``."""
    if isinstance(error, UsageError):
        return ExitCode.USAGE
    if isinstance(error, (NotLoggedIn, SessionExpired)):
        return ExitCode.NOT_LOGGED_IN
    if isinstance(error, PortalUnavailable):
        return ExitCode.UNAVAILABLE
    if isinstance(error, (PortalError, AccessDenied)):
        return ExitCode.REFUSED
    if isinstance(error, KeyboardInterrupt):
        return ExitCode.INTERRUPTED
    return ExitCode.ERROR


#: The message of each kind of failure, first match wins; ``{error}`` is the error's own message.
_MESSAGES: tuple[tuple[type[BaseException] | tuple[type[BaseException], ...], str], ...] = (
    (SessionExpired, "your session has expired: run `pyjiit login` to log in again"),
    (PortalUnavailable, "the portal is unavailable, try again later ({error})"),
    ((PortalError, AccessDenied), "the portal refused: {error}"),
    (KeyboardInterrupt, "interrupted"),
    ((PyjiitError, UsageError, CommandError), "{error}"),
)


def describe(error: BaseException) -> str:
    """Return one line that says what went wrong and, where there is one, what to do about it."""
    for kinds, message in _MESSAGES:
        if isinstance(error, kinds):
            return message.format(error=error)
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename is not None else ""
        return f"{where}{error.strerror or error}"
    return f"unexpected {type(error).__name__}: {error} (run with --debug for the traceback)"


def kind(error: BaseException) -> str:
    """Return a short, stable name for the failure, for ``--json`` error objects."""
    if isinstance(error, SessionExpired):
        return "session_expired"
    return exit_code(error).name.lower()
