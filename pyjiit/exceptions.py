"""Every error pyjiit raises, under one base class.

The classes of pyjiit 0.1.0a9 keep their names and their place in the tree
(``LoginError`` is an ``APIError``; ``SessionExpired`` and ``NotLoggedIn`` are
``SessionError``; ``AccountAPIError`` is not an ``APIError``), so ``except``
clauses written for 0.1.0a9 catch what they caught.  Everything now also
derives from :class:`PyjiitError`, so one clause can catch all of it::

    PyjiitError
    ├── PortalError              the portal answered "Failure"
    │   ├── APIError
    │   │   ├── LoginError
    │   │   └── NoDataFound      a "NO ... FOUND" answer
    │   └── AccountAPIError
    ├── SessionError
    │   ├── SessionExpired
    │   ├── NotLoggedIn
    │   └── SessionNotSaved      the session file could not be written (also a FileNotSaved)
    ├── AccessDenied             HTTP 403, or 401 where no session is needed
    ├── PortalUnavailable        5xx, 513, timeouts, too slow, refused connections
    ├── NotThePortal             a Wi-Fi sign-in page, a redirect, an HTML page instead of the API
    │   └── UntrustedCertificate a TLS certificate that is not trusted or is for another host
    ├── ProtocolError            an answer that breaks the protocol
    │   ├── EmptyResponse        200 with no body: LocalName or date key rejected
    │   ├── ResponseFormatError  JSON of an unexpected shape
    │   └── AnswerTooLarge       an answer past the client's size limit
    ├── PayloadError             ciphertext that cannot be decrypted or decoded
    └── FileNotSaved             a file (the marks PDF, a saved session) could not be written
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "APIError",
    "AccessDenied",
    "AccountAPIError",
    "AnswerTooLarge",
    "EmptyResponse",
    "FileNotSaved",
    "LoginError",
    "NoDataFound",
    "NotLoggedIn",
    "NotThePortal",
    "PayloadError",
    "PortalError",
    "PortalUnavailable",
    "ProtocolError",
    "PyjiitError",
    "ResponseFormatError",
    "SessionError",
    "SessionExpired",
    "SessionNotSaved",
    "UntrustedCertificate",
]


class PyjiitError(Exception):
    """An error raised by pyjiit (the base class of all of them).

    Every class takes any positional arguments, as pyjiit 0.1.0a9's plain
    exceptions did, and can be raised bare (``raise APIError``,
    ``mock.side_effect = APIError``): the message is then the first line of
    the class's description.

    Attributes:
        endpoint: The portal path the failed call went to (``/token/pretoken-check``),
            or ``None`` for an error that belongs to no call.
        status_code: The HTTP status of the portal's answer, or ``None`` when
            there was no answer (a timeout, a refused connection) or no call.
        advice: What Python code can do about the failure, such as a
            ``Webportal`` parameter to pass, which the message ends with; ``None``
            where code can do nothing.  Kept apart so that a program with other
            means (the ``pyjiit`` command's options) can say its own instead.
    """

    endpoint: str | None = None
    status_code: int | None = None
    advice: str | None = None

    def __init__(self, *args: object, advice: str | None = None) -> None:
        if advice is not None:
            # The message says what went wrong, then what to do, as one text (str(error)).
            args = (f"{args[0] if args else self._summary()}  {advice}", *args[1:])
            self.advice = advice
        super().__init__(*(args or (self._summary(),)))

    @classmethod
    def _summary(cls) -> str:
        """The first line of the class's docstring (or of its nearest pyjiit base's), as plain text."""
        for klass in cls.__mro__:
            if issubclass(klass, PyjiitError) and klass.__doc__:
                return " ".join(klass.__doc__.strip().split("\n\n")[0].split()).replace("``", "")
        return cls.__name__  # docstrings stripped (python -OO)


class PortalError(PyjiitError):
    """The portal answered with a ``Failure`` envelope.

    Attributes:
        errors: The portal's error strings (``status.errors``), possibly empty.
        identifier: The portal's ``status.identifier``, often the failing service's name.
        status_code: The HTTP status of the answer.
        endpoint: The portal path that was called, e.g. ``/token/pretoken-check``.
    """

    def __init__(
        self,
        *args: object,
        errors: Sequence[str] = (),
        identifier: str | None = None,
        status_code: int | None = None,
        endpoint: str | None = None,
    ) -> None:
        super().__init__(*args)
        self.errors: tuple[str, ...] = tuple(errors)
        self.identifier = identifier
        self.status_code = status_code
        self.endpoint = endpoint

    @property
    def no_data(self) -> bool:
        """Whether the portal said it has nothing to show ("NO ... FOUND")."""
        return any(is_no_data_message(error) for error in self.errors)


class APIError(PortalError):
    """The portal refused a request (pyjiit 0.1.0a9's general error)."""


class LoginError(APIError):
    """Logging in failed: wrong credentials, a rejected captcha or a refused account."""


class NoDataFound(APIError):
    """The portal has no data for the request, e.g. ``NO APPROVED REQUEST FOUND``."""


class AccountAPIError(PortalError):
    """An account operation (such as a password change) was refused."""


class SessionError(PyjiitError):
    """The login session is missing, expired or cannot be saved or loaded (the base class of its errors)."""


class SessionExpired(SessionError):
    """The session's token is past its expiry, or the portal rejected it (HTTP 401)."""


class NotLoggedIn(SessionError):
    """An authenticated method was called before logging in."""


class AccessDenied(PyjiitError):
    """The portal refused access (HTTP 403, or 401 to a call that sends no session token).

    A 403 usually comes of a foreign ``Origin`` header.
    """


class PortalUnavailable(PyjiitError):
    """The portal could not be reached, is down or is too slow (5xx, 513, timeouts, refused connections).

    Such failures are usually temporary and worth retrying later.
    """


class NotThePortal(PyjiitError):
    """Something other than the portal's API answered, or the server could not be proven to be the portal.

    A network's sign-in page (a captive portal on campus or hotel Wi-Fi), a
    proxy's page, a redirect, an HTML page where the API answers JSON, a
    server with no such endpoint at the address (a wrong base URL).  The
    portal's API never redirects, and pyjiit never follows a redirect: nothing
    is sent to the place it points to.  Retrying does not help until the
    network is fixed: sign in to it, or check the portal's URL.

    Attributes:
        location: Where a redirect pointed (its ``Location`` header), else ``None``.
        status_code: The HTTP status of the answer, or ``None`` when there was none
            (a failed TLS handshake).
    """

    def __init__(
        self,
        *args: object,
        location: str | None = None,
        status_code: int | None = None,
        advice: str | None = None,
    ) -> None:
        super().__init__(*args, advice=advice)
        self.location = location
        self.status_code = status_code


class UntrustedCertificate(NotThePortal):
    """The server's TLS certificate is not trusted, or is for another host.

    The handshake failed, so nothing was sent.  Either something on the
    network intercepts HTTPS (a captive portal, a filtering proxy), or the
    portal's certificate changed to one this machine's CA bundle does not
    trust: then pass ``verify=`` the path of a bundle that does.  Never retried.
    """


class ProtocolError(PyjiitError):
    """The portal's answer does not follow the protocol pyjiit knows."""


class EmptyResponse(ProtocolError):
    """The portal answered 200 with an empty body.

    The portal does this when it rejects the ``LocalName`` header, most often
    because the client's date key (the IST day) does not match the server's.
    """


class ResponseFormatError(ProtocolError):
    """A JSON answer lacks a field pyjiit needs, or has it in an unexpected type."""


class AnswerTooLarge(ProtocolError):
    """An answer was larger than the client's limit, counted after decompression.

    The limits are ``Webportal``'s ``max_answer_bytes`` (JSON answers) and
    ``max_document_bytes`` (documents such as the marks PDF); reading stops at
    the limit, so memory stays bounded whatever the server sends.

    Attributes:
        limit: The limit that was passed, in bytes.
    """

    def __init__(self, *args: object, limit: int | None = None, advice: str | None = None) -> None:
        super().__init__(*args, advice=advice)
        self.limit = limit


class PayloadError(PyjiitError, ValueError):
    """A payload could not be decrypted or decoded: it is corrupt, foreign, or of another day."""


class FileNotSaved(PyjiitError):
    """A file could not be written: its folder is missing or not writable, or its path is a folder.

    Nothing is left behind, not even part of the file, and a file that was
    there is kept.  The message names the path and the system's reason; the
    :class:`OSError` is chained as ``__cause__``.

    Attributes:
        path: The path that could not be written, or ``None``.
    """

    def __init__(self, *args: object, path: str | None = None) -> None:
        super().__init__(*args)
        self.path = path


class SessionNotSaved(SessionError, FileNotSaved):
    """The session could not be saved: :meth:`~pyjiit.Webportal.save_session` could not write its file.

    Both a :class:`SessionError`, as 0.1.0a9-era code expects of session
    trouble, and a :class:`FileNotSaved`, as code that handles every file
    pyjiit writes expects.  What was at the path is kept.
    """


def is_no_data_message(message: str) -> bool:
    """Tell whether a portal error string means "nothing found" (e.g. ``NO DATA FOUND``)."""
    upper = message.upper()
    return upper.startswith("NO ") and "FOUND" in upper
