"""Exit codes of the ``pyjiit`` command, and the one-line message for each failure."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from pyjiit import endpoints
from pyjiit.exceptions import (
    AccessDenied,
    NotLoggedIn,
    NotThePortal,
    PayloadError,
    PortalError,
    PortalUnavailable,
    ProtocolError,
    PyjiitError,
    SessionExpired,
    UntrustedCertificate,
)
from pyjiit.wrapper import SSO_API

if TYPE_CHECKING:
    from pyjiit.cli.store import PortalAddress

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
    #: Something else answered: a network's sign-in page, a redirect, a certificate not trusted.
    NOT_THE_PORTAL = 6
    #: Stopped with Ctrl-C.
    INTERRUPTED = 130
    #: Standard output was closed early (``pyjiit ... | head``): 128 + SIGPIPE, as a shell
    #: reports any other program stopped that way.
    BROKEN_PIPE = 141


#: The exit codes as ``--help`` and the docs list them.
EXIT_CODES_HELP = """\
exit codes:
  0    success
  1    any other error
  2    usage error (bad option, unknown semester or subject, no password)
  3    not logged in, or the session expired: run `pyjiit login`
  4    the portal is unavailable: try again later
  5    the portal refused (wrong password, access denied, ...)
  6    something else answered: sign in to the network, or check the portal's address and certificate
  130  interrupted (Ctrl-C)
  141  standard output closed early, e.g. by `| head` (nothing is printed)"""


class UsageError(Exception):
    """Input the argument parser cannot check: an unknown semester or subject, a missing credential."""


class CommandError(Exception):
    """A command cannot do what was asked, e.g. download marks the portal does not have yet."""


#: The exit code of each kind of failure, first match wins; anything else is ``ERROR``.
_CODES: tuple[tuple[type[BaseException] | tuple[type[BaseException], ...], ExitCode], ...] = (
    (UsageError, ExitCode.USAGE),
    ((NotLoggedIn, SessionExpired), ExitCode.NOT_LOGGED_IN),
    (PortalUnavailable, ExitCode.UNAVAILABLE),
    (NotThePortal, ExitCode.NOT_THE_PORTAL),
    ((PortalError, AccessDenied), ExitCode.REFUSED),
    (KeyboardInterrupt, ExitCode.INTERRUPTED),
)


def exit_code(error: BaseException) -> ExitCode:
    """Return the exit code for ``error``."""
    return next((code for kinds, code in _CODES if isinstance(error, kinds)), ExitCode.ERROR)


#: The message of each kind of failure, first match wins; ``{error}`` is the error's own message,
#: ``{where}`` names the portal's host (" at HOST") when it is known.
_MESSAGES: tuple[tuple[type[BaseException] | tuple[type[BaseException], ...], str], ...] = (
    (SessionExpired, "your session has expired: run `pyjiit login` to log in again"),
    (PortalUnavailable, "the portal{where} is unavailable, try again later ({error})"),
    (
        NotThePortal,
        (
            "the server{where} is not the portal ({error}): sign in to the network if it asks you to, "
            "or check --portal-url and --ca-file"
        ),
    ),
    ((PortalError, AccessDenied), "the portal{where} refused: {error}"),
    ((ProtocolError, PayloadError), "the portal{where} sent an answer pyjiit cannot read: {error}"),
    (KeyboardInterrupt, "interrupted"),
    ((PyjiitError, UsageError, CommandError), "{error}"),
)

#: What the command line advises instead of the library's advice for Python code
#: (``Webportal``'s parameters): its own option.  Where it has none, it advises nothing.
_ADVICE: tuple[tuple[type[PyjiitError], str], ...] = (
    (UntrustedCertificate, "If the portal's certificate changed, give --ca-file a CA bundle that trusts it."),
)


def describe(error: BaseException, *, portal: PortalAddress | None = None, debug: bool = False) -> str:
    """Return one line that says what went wrong and, where there is one, what to do about it.

    What to do is said the command line's way: where the library's message
    ends with advice for Python code (``error.advice``: pass ``Webportal`` a
    parameter), the line names the command's option instead (``--ca-file``),
    or drops the advice where the command has none.

    Args:
        error: The failure.
        portal: The portal the command talked to: messages about it name its host.
        debug: Keep the portal's endpoint path that the library puts at the
            start of a failed request's message (a user needs the host, a
            developer the path too).
    """
    text = str(error)
    path = getattr(error, "endpoint", None)  # set on every error of a call to the portal
    endpoint = _endpoint_at(path) if isinstance(path, str) else None
    if endpoint is not None and not debug:
        # The library starts the message of a failed request with the endpoint's path.
        text = text.removeprefix(f"{path}: ")
    if isinstance(error, PyjiitError) and error.advice is not None:
        text = "  ".join([text.removesuffix(error.advice).rstrip(), *_advice(error)])
    where = f" at {_host(portal, endpoint)}" if portal is not None else ""
    for kinds, message in _MESSAGES:
        if isinstance(error, kinds):
            return message.format(error=text, where=where)
    if isinstance(error, OSError):
        file = f"{error.filename}: " if error.filename is not None else ""
        return f"{file}{error.strerror or error}"
    return f"unexpected {type(error).__name__}: {error} (run with --debug for the traceback)"


def _advice(error: PyjiitError) -> list[str]:
    """Return what the command line advises about ``error`` instead of the library (none or one line)."""
    return next(([advice] for kinds, advice in _ADVICE if isinstance(error, kinds)), [])


def _endpoint_at(path: str) -> endpoints.Endpoint | None:
    """Return the endpoint at ``path`` (the portal's first, then the sign-in server's), if any."""
    return endpoints.by_path(path) or endpoints.by_path(path, sso=True)


def _host(portal: PortalAddress, endpoint: endpoints.Endpoint | None) -> str:
    """Return the host (and port) of the server ``portal`` sends ``endpoint`` to."""
    url = (portal.sso_url or SSO_API) if endpoint is not None and endpoint.sso else portal.url
    # Host and port only: a user and password in the URL, if any, stay out of messages.
    return urlsplit(url).netloc.rpartition("@")[2] or url


def kind(error: BaseException) -> str:
    """Return a short, stable name for the failure, for ``--json`` error objects."""
    if isinstance(error, SessionExpired):
        return "session_expired"
    return exit_code(error).name.lower()
