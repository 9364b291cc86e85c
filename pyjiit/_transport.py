"""Sending one request to the portal and turning its answer into data or an exception.

The transport owns the pooled HTTP connection, the headers every request
carries (a fresh ``LocalName`` keyed on the portal's IST day, the bearer token),
the body form of each endpoint, retries of requests that are safe to repeat,
and the mapping of every way the portal can fail to one of
:mod:`pyjiit.exceptions`.  It knows nothing of what the endpoints mean.

Every request ends within its deadline (connect timeout + read timeout,
retries included), reads at most ``max_answer_bytes`` of JSON or
``max_document_bytes`` of a document, and follows no redirect: an answer
that is not the portal's is an error, and nothing goes anywhere else.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import ssl
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ReadTimeoutError
from urllib3.util.ssl_match_hostname import CertificateError

from pyjiit import _json
from pyjiit._clock import ServerClock
from pyjiit._deadline import Deadline, DeadlineAdapter
from pyjiit._parse import describe
from pyjiit._stream import ACCEPT_ENCODING, read_body
from pyjiit.encryption import generate_local_name, serialize_payload
from pyjiit.endpoints import Answer, Body, Endpoint
from pyjiit.exceptions import (
    AccessDenied,
    AnswerTooLarge,
    APIError,
    EmptyResponse,
    NoDataFound,
    NotThePortal,
    PortalError,
    PortalUnavailable,
    ProtocolError,
    PyjiitError,
    ResponseFormatError,
    SessionError,
    SessionExpired,
    UntrustedCertificate,
    is_no_data_message,
)
from pyjiit.utils import ist_date

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence


__all__ = [
    "BYTES_PER_VALUE",
    "DEFAULT_MAX_ANSWER_BYTES",
    "DEFAULT_MAX_DOCUMENT_BYTES",
    "MIN_VALUES",
    "RETRY_STATUSES",
    "Timeout",
    "Transport",
    "deadline_seconds",
]

logger = logging.getLogger("pyjiit")

#: ``(connect, read)`` seconds, or one number for both, as in requests.
Timeout = float | tuple[float, float]

#: Statuses meaning "down for a moment": a read that gets one is retried.
RETRY_STATUSES = frozenset({502, 503, 504, 513})

#: The largest JSON answer read, in bytes after decompression: the portal's
#: answers are kilobytes (a photo and signature make the largest).
DEFAULT_MAX_ANSWER_BYTES = 4 * 1024 * 1024
#: The largest document (the marks PDF) read, in bytes after decompression.
DEFAULT_MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
#: A JSON answer may hold one value per this many bytes of ``max_answer_bytes`` (131 072 by
#: default; the portal's answers hold a few thousand), and :data:`MIN_VALUES` whatever the limit:
#: Python objects take more room than their text (up to ~28 times); this keeps them bounded too.
BYTES_PER_VALUE = 32
#: The values a JSON answer may hold however small ``max_answer_bytes`` is (an envelope alone has ten).
MIN_VALUES = 4096

#: 511 Network Authentication Required: the status a captive portal is meant to answer with.
_NETWORK_SIGN_IN = 511
#: 501 Not Implemented: the server does not take the request's method.  The
#: portal takes every call's, so this one is another server (a wrong URL).
_NOT_IMPLEMENTED = 501
#: The statuses of Spring's error object for a path or method the server has no handler for.
_NO_HANDLER = frozenset({404, 405})
#: How Spring's own ``message`` starts when no handler took the request (Spring 6's texts; the
#: message is empty where the server hides them).  A message of the portal's own, such as
#: "Invalid captcha submitted..", means the endpoint is there and refused.
_NO_HANDLER_MESSAGES = ("No static resource", "No endpoint", "No handler found", "Request method")
_SNIPPET = 80
#: How much of a body is looked at to quote it in a message or tell HTML from JSON.
_PEEK = 4096
_UTC = dt.timezone.utc
#: What a header can carry: printable ASCII (a JWT is base64url and dots).
_HEADER_SAFE = re.compile(r"[\x21-\x7e]*")
#: X509_V_ERR_HOSTNAME/EMAIL/IP_ADDRESS_MISMATCH: the certificate is valid, but for other names.
_NAME_MISMATCHES = frozenset({62, 63, 64})


def timeout_parts(timeout: Timeout) -> tuple[float, float]:
    """``(connect, read)`` seconds of a timeout given as requests takes it: a pair or one number for both."""
    return timeout if isinstance(timeout, tuple) else (timeout, timeout)


def deadline_seconds(timeout: Timeout) -> float:
    """How long one request may take, retries included: the connect timeout plus the read timeout.

    ``Webportal(timeout=(10, 60))`` (the default) gives each request 70 s;
    ``timeout=5`` gives 10 s.
    """
    return sum(timeout_parts(timeout))


#: The JSON types (and their names) of a ``response`` of each :class:`~pyjiit.endpoints.Answer` kind.
_ANSWER_KINDS: dict[Answer, tuple[tuple[type, ...], str]] = {
    Answer.OBJECT: ((dict,), "an object"),
    Answer.LIST: ((list,), "a list"),
    Answer.RECORDS: ((dict, list), "an object or a list"),
}


class about:  # noqa: N801 (named for its call sites, `with about(endpoint):`, as contextlib.suppress is)
    """Mark every pyjiit error raised in the block with the call it is about.

    Sets :attr:`~pyjiit.exceptions.PyjiitError.endpoint` (and ``status_code``,
    when the answer's is known) where the error does not say already, so every
    error of a call carries them without each ``raise`` repeating them.  A
    class, not a generator, since every call enters it twice.
    """

    __slots__ = ("endpoint", "status_code")

    def __init__(self, endpoint: Endpoint, status_code: int | None = None) -> None:
        self.endpoint = endpoint
        self.status_code = status_code

    def __enter__(self) -> None:
        """Nothing to set up."""

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, _tb: object) -> None:
        """Mark a pyjiit error on its way out (it goes on being raised)."""
        if isinstance(error, PyjiitError):
            if error.endpoint is None:
                error.endpoint = self.endpoint.path
            if error.status_code is None:
                error.status_code = self.status_code


class _Retry(Exception):
    """A failure after which a retry-safe request may be sent again."""

    def __init__(self, error: PyjiitError) -> None:
        super().__init__(str(error))
        self.error = error


class _Redirected(Exception):
    """Raised by the response hook on a 3xx, before requests reads the redirect's body."""

    def __init__(self, response: requests.Response) -> None:
        super().__init__(response.status_code)
        self.response = response


#: What a secret echoed by an answer is replaced with in a message.
_HIDDEN = "[hidden]"


def _secrets(
    endpoint: Endpoint, payload: Mapping[str, Any] | None, token: str | None, body: bytes | None
) -> tuple[str, ...]:
    """What the request carried that no message may repeat.

    The bearer token, the payload's secret fields and, if there are any, the
    body holding them: an encrypted payload is as good as the password for
    anyone who knows the day's key, and everyone can know it.
    """
    found = [str(payload[field]) for field in endpoint.secret_fields if payload and payload.get(field)]
    if found and body:
        found.append(body.decode("utf-8"))
    if token:
        found.append(token)
    return tuple(found)


def _hide(text: str, secrets: Sequence[str]) -> str:
    """``text`` with each of ``secrets``, as sent or as JSON escapes it, replaced by :data:`_HIDDEN`.

    Only error messages need this, so the work is done here, not for every answer.
    """
    forms = {*secrets, *(json.dumps(secret)[1:-1] for secret in secrets)} - {""}
    for form in sorted(forms, key=len, reverse=True):  # longest first: one may hold another
        text = text.replace(form, _HIDDEN)
    return text


def _spring_error(document: Mapping[str, Any], secrets: Sequence[str]) -> str | None:
    """Spring's error object as a short line (``Not Found: No static resource x``), without the secrets.

    ``None`` for any other object.  The portal's server sends Spring's object
    (``{"status": 404, "error": "Not Found", "message": ..., "path": ...}``)
    where it answers without the portal's envelope.
    """
    if type(document.get("status")) is not int or not isinstance(document.get("error"), str):
        return None
    parts = [str(document.get(key) or "") for key in ("error", "message")]
    return _quote(": ".join(part for part in parts if part), secrets)


def _no_handler(document: Mapping[str, Any]) -> bool:
    """Whether Spring's error object ``document`` says that no handler took the request."""
    message = document.get("message") or ""
    return isinstance(message, str) and (not message or message.startswith(_NO_HANDLER_MESSAGES))


def _quote(text: str, secrets: Sequence[str]) -> str:
    """``text`` on one line, without the secrets, and cut to :data:`_SNIPPET` characters: for a message."""
    flat = _hide(" ".join(text.split()), secrets)
    return flat if len(flat) <= _SNIPPET else flat[: _SNIPPET - 3] + "..."


@dataclass(frozen=True)
class _Answer:
    """An answer read in full (within the limits): its status, type and body, and the secrets sent."""

    status: int
    content_type: str
    body: bytes
    secrets: tuple[str, ...] = ()

    @property
    def snippet(self) -> str:
        """A short, single-line quote of the body for an error message, without the secrets sent."""
        return _quote(self.body[:_PEEK].decode("utf-8", "replace"), self.secrets)

    @property
    def is_html(self) -> bool:
        """Whether the body is markup (by its start: plain text is often sent as ``text/html``)."""
        return self.body[:_PEEK].lstrip().startswith(b"<")

    @property
    def is_json(self) -> bool:
        """Whether the body says it is JSON (by its type, or by its first character)."""
        return "json" in self.content_type.lower() or self.body[:_PEEK].lstrip().startswith((b"{", b"["))


def _keep_headers(request: requests.PreparedRequest) -> requests.PreparedRequest:
    """An auth hook that leaves the request's own ``Authorization`` header alone."""
    return request


def _refuse_redirects(response: requests.Response, *args: object, **kwargs: object) -> None:  # noqa: ARG001 (requests' hook signature)
    """A response hook: stop at a redirect before requests reads its body or prepares to follow it."""
    if 300 <= response.status_code < 400:  # noqa: PLR2004
        raise _Redirected(response)


def _keep_deadlines(http: requests.Session) -> None:
    """Use :class:`DeadlineAdapter` where ``http`` has requests' own adapter, with the same settings.

    An adapter of another class (a user's own) is left alone: the deadline
    is then checked between the body's pieces only.
    """
    for prefix in ("https://", "http://"):
        adapter = http.adapters.get(prefix)
        if type(adapter) is HTTPAdapter:
            replacement = DeadlineAdapter()
            # requests' pickling support (absent from its stubs): pool sizes, retries, blocking.
            replacement.__setstate__(adapter.__getstate__())  # type: ignore[attr-defined]
            adapter.close()
            http.mount(prefix, replacement)


def _certificate_failure(error: BaseException) -> tuple[str, str] | None:
    """What is wrong with the server's certificate, and the TLS layer's words, if that is what ``error`` is.

    The first is ``"is for another host"`` or ``"is not trusted"``; ``None`` when no
    certificate check failed anywhere in the chain of ``error``.
    """
    pending: list[object] = [error]
    seen: set[int] = set()
    while pending:
        item = pending.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, ssl.SSLCertVerificationError):
            what = "is for another host" if item.verify_code in _NAME_MISMATCHES else "is not trusted"
            return what, str(item.verify_message)
        if isinstance(item, CertificateError):  # urllib3 1.26 matches an IP address's name itself
            return "is for another host", str(item)
        pending.extend((item.__cause__, item.__context__, getattr(item, "reason", None), *item.args))
    return None


def _is_read_timeout(error: requests.RequestException) -> bool:
    """Whether ``error`` is a read that timed out, before the headers or (wrapped by requests) in the body."""
    if isinstance(error, requests.ReadTimeout):
        return True
    return isinstance(error, requests.ConnectionError) and any(
        isinstance(argument, ReadTimeoutError) for argument in error.args
    )


class Transport:
    """Sends requests to the portal on one pooled, keep-alive connection.

    Args:
        base_url: The API base, e.g. ``https://host:6011/StudentPortalAPI``.
        sso_url: The base of the Google sign-in exchange.
        timeout: Seconds to wait for a connection and for an answer; their sum
            is each request's deadline (:func:`deadline_seconds`).
        verify: TLS verification: ``True``, ``False`` or a CA bundle path.
        retries: How many times a retry-safe request is repeated after a
            connection failure or a 502/503/504/513.
        backoff: Seconds before the first retry; each next wait doubles.
        user_agent: The ``User-Agent`` header.
        http: A ``requests.Session`` to use instead of a new one (for proxies,
            adapters, ...); it is closed by :meth:`close`.
        max_answer_bytes: The largest JSON answer read, after decompression.
        max_document_bytes: The largest document (the marks PDF) read.
    """

    def __init__(
        self,
        base_url: str,
        sso_url: str,
        *,
        timeout: Timeout,
        verify: bool | str,
        retries: int,
        backoff: float,
        user_agent: str,
        http: requests.Session | None = None,
        max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
        max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.sso_url = sso_url.rstrip("/")
        self.timeout = timeout
        self.verify = verify
        self.retries = retries
        self.backoff = backoff
        self.max_answer_bytes = max_answer_bytes
        self.max_document_bytes = max_document_bytes
        self.clock = ServerClock()
        self.http = http or requests.Session()
        # An explicit (no-op) auth stops requests from reading ~/.netrc on every
        # request, which is slow and, for a host listed there, would replace the
        # bearer token with Basic credentials.  Proxies and CA bundles from the
        # environment still apply.
        self.http.auth = _keep_headers
        self.http.headers["User-Agent"] = user_agent
        self.http.headers["Accept"] = "application/json, text/plain, */*"
        self.http.headers["Accept-Encoding"] = ACCEPT_ENCODING
        _keep_deadlines(self.http)

    @property
    def deadline(self) -> float:
        """Seconds each request may take, retries included (:func:`deadline_seconds` of the timeout)."""
        return deadline_seconds(self.timeout)

    def close(self) -> None:
        """Close the pooled connections."""
        self.http.close()

    def url(self, endpoint: Endpoint, suffix: str = "") -> str:
        """The full URL of ``endpoint`` (plus a path ``suffix``)."""
        return (self.sso_url if endpoint.sso else self.base_url) + endpoint.path + suffix

    def call(
        self,
        endpoint: Endpoint,
        payload: Mapping[str, Any] | None = None,
        *,
        token: str | None = None,
        error: type[PortalError] = APIError,
    ) -> Any:  # noqa: ANN401 (the portal's JSON)
        """Send ``payload`` to ``endpoint`` and return the ``response`` part of its answer.

        Args:
            endpoint: What to call.
            payload: The request's JSON object (encrypted if the endpoint says so).
            token: The bearer token, for authenticated endpoints.
            error: The class raised for a ``Failure`` envelope (``NoDataFound``
                instead of ``APIError`` for "NO ... FOUND" answers).

        Raises:
            PyjiitError: a subclass for every way the call can fail (see :mod:`pyjiit.exceptions`).
        """
        with about(endpoint):
            answer = self._send(endpoint, payload, token=token)
        with about(endpoint, answer.status):
            self._check_status(endpoint, answer)
            response = self._envelope(endpoint, answer, error)
            self._check_kind(endpoint, response)
        return response

    def download(self, endpoint: Endpoint, suffix: str, *, token: str | None) -> bytes:
        """GET ``endpoint`` + ``suffix`` and return the body, for non-JSON answers such as PDFs.

        HTTP and transport failures raise as in :meth:`call`; a JSON answer is
        an error envelope and raises like one.
        """
        with about(endpoint):
            answer = self._send(endpoint, None, token=token, suffix=suffix)
        with about(endpoint, answer.status):
            self._check_status(endpoint, answer)
            if answer.is_json:
                self._envelope(endpoint, answer, APIError)
                raise ProtocolError(f"{endpoint.path}: expected a document, got a JSON Success answer")
            if answer.is_html:
                raise self._not_the_portal(endpoint, answer, "an HTML page answered")
            if answer.status != 200:  # noqa: PLR2004
                raise ProtocolError(f"{endpoint.path}: HTTP {answer.status}: {answer.snippet}")
            return answer.body

    # -- sending -------------------------------------------------------------------------

    def _send(
        self,
        endpoint: Endpoint,
        payload: Mapping[str, Any] | None,
        *,
        token: str | None,
        suffix: str = "",
    ) -> _Answer:
        deadline = Deadline.start(self.deadline)
        attempts = 1 + (self.retries if endpoint.retry_safe else 0)
        with deadline.applied():
            for attempt in range(attempts):
                try:
                    return self._attempt(endpoint, payload, token=token, suffix=suffix, deadline=deadline)
                except _Retry as retry:
                    error, cause = retry.error, retry.__cause__
                delay = self.backoff * 2**attempt
                # No retry that the deadline would cut short: the last error says more.
                if attempt + 1 == attempts or delay >= deadline.remaining():
                    # Raised outside the except clause, and not held by this frame: the error's
                    # __context__ would be the _Retry holding it, and this frame is in its
                    # traceback.  Either cycle would keep the failed attempt's frames, and
                    # its connection, alive until the garbage collector ran.
                    try:
                        raise error from cause
                    finally:
                        del error, cause
                logger.info("%s failed (%s); retrying in %.2f s", endpoint.path, error, delay)
                time.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _attempt(
        self,
        endpoint: Endpoint,
        payload: Mapping[str, Any] | None,
        *,
        token: str | None,
        suffix: str,
        deadline: Deadline,
    ) -> _Answer:
        """Send once; raise ``_Retry`` for failures worth another attempt."""
        day = ist_date(self.clock.now())
        answer = self._exchange(endpoint, payload, token=token, suffix=suffix, day=day, deadline=deadline)
        if answer.status == 200 and not answer.body and ist_date(self.clock.now()) != day:  # noqa: PLR2004
            # The answer's Date header showed that the portal is on another IST
            # day than the key we used (its clock is minutes off around
            # midnight): it refused the LocalName without acting, so sending
            # again with its day's key is harmless, even for a login.
            logger.info("%s: the portal is on another IST day; resending with its key", endpoint.path)
            answer = self._exchange(
                endpoint,
                payload,
                token=token,
                suffix=suffix,
                day=ist_date(self.clock.now()),
                deadline=deadline,
            )
        if answer.status in RETRY_STATUSES:
            raise _Retry(self._unavailable(endpoint, answer))
        return answer

    def _headers(self, endpoint: Endpoint, token: str | None, day: dt.date) -> dict[str, str]:
        headers = {"LocalName": generate_local_name(day)}
        if endpoint.authenticated:
            if token and not _HEADER_SAFE.fullmatch(token):
                # Sent as is, it would fail deep in http.client (or smuggle a header in).
                raise SessionError("the session token holds characters a header cannot carry: log in again")
            headers["Authorization"] = f"Bearer {token or ''}"
        if endpoint.body is not Body.NONE:
            headers["Content-Type"] = "application/json"
        return headers

    def _exchange(
        self,
        endpoint: Endpoint,
        payload: Mapping[str, Any] | None,
        *,
        token: str | None,
        suffix: str,
        day: dt.date,
        deadline: Deadline,
    ) -> _Answer:
        if deadline.passed:
            raise deadline.exceeded(endpoint.path)
        headers = self._headers(endpoint, token, day)
        body: bytes | None = None
        if endpoint.body is Body.ENCRYPTED:
            body = serialize_payload(payload or {}, day).encode("ascii")
        elif endpoint.body is Body.PLAIN:
            body = _json.encode(payload or {})
        connect, read = timeout_parts(self.timeout)
        sent = dt.datetime.now(_UTC)
        try:
            response = self.http.request(
                endpoint.method,
                self.url(endpoint, suffix),
                data=body,
                headers=headers,
                timeout=(deadline.bound(connect), deadline.bound(read)),
                verify=self.verify,
                stream=True,
                allow_redirects=False,
                hooks={"response": [_refuse_redirects]},
            )
        except _Redirected as redirect:
            redirect.response.close()
            raise self._redirect(endpoint, redirect.response) from None
        except requests.RequestException as exc:
            raise self._failure(endpoint, exc, deadline) from exc
        try:
            self.clock.observe(response.headers.get("Date"), sent, dt.datetime.now(_UTC))
            if response.status_code < 200 or response.status_code == 204:  # noqa: PLR2004
                # HTTP gives these answers no body, so none is read, and pyjiit._leftovers, which
                # looks once an answer is read, may not see one sent anyway: it would stay on the
                # connection, inside TLS, and be read as the next answer.  Close the connection
                # now, while the answer holds it.  (A 304 is a redirect: refused above.)
                response.raw.close()
            limit = self.max_document_bytes if endpoint.answer is Answer.DOCUMENT else self.max_answer_bytes
            content = read_body(response, limit=limit, deadline=deadline, what=endpoint.path)
        except requests.RequestException as exc:
            raise self._failure(endpoint, exc, deadline) from exc
        finally:
            response.close()  # back to the pool once read in full; closed otherwise
        logger.debug(
            "%s %s -> %s (%d bytes)", endpoint.method, endpoint.path, response.status_code, len(content)
        )
        secrets = _secrets(endpoint, payload, token, body)
        return _Answer(response.status_code, response.headers.get("Content-Type", ""), content, secrets)

    def _failure(  # noqa: PLR0911 (one return per kind of failure)
        self, endpoint: Endpoint, error: requests.RequestException, deadline: Deadline
    ) -> Exception:
        """The exception (or ``_Retry``) for a request that failed with requests' ``error``."""
        path = endpoint.path
        if deadline.passed:
            return deadline.exceeded(path)
        if isinstance(error, requests.exceptions.SSLError):
            # Not retried: a certificate that is not trusted now will not be on the next try.
            return self._tls_failure(endpoint, error)
        connect, read = timeout_parts(self.timeout)
        if isinstance(error, requests.ConnectTimeout):
            return _Retry(PortalUnavailable(f"{path}: could not connect to the portal within {connect:g} s"))
        if _is_read_timeout(error):
            # Not repeated: the portal may still be working on it.
            return PortalUnavailable(f"{path}: the portal did not answer within {read:g} s")
        if isinstance(error, requests.ConnectionError):
            return _Retry(PortalUnavailable(f"{path}: could not reach the portal ({type(error).__name__})"))
        if isinstance(error, requests.exceptions.ContentDecodingError):
            return ProtocolError(f"{path}: the answer's compressed body is corrupt")
        return PortalUnavailable(f"{path}: request failed ({type(error).__name__})")

    @staticmethod
    def _tls_failure(endpoint: Endpoint, error: requests.exceptions.SSLError) -> PyjiitError:
        failure = _certificate_failure(error)
        if failure is None:
            return PortalUnavailable(f"{endpoint.path}: the TLS handshake with the portal failed: {error}")
        what, reason = failure
        return UntrustedCertificate(
            f"{endpoint.path}: the TLS handshake failed: the server's certificate {what} "
            f"({reason}), so it may not be the portal.  Nothing was sent.  Is a network "
            "sign-in page or a proxy intercepting HTTPS?",
            advice=(
                "If the portal's certificate changed, pass Webportal's verify= a CA bundle that trusts it."
            ),
        )

    @staticmethod
    def _redirect(endpoint: Endpoint, response: requests.Response) -> NotThePortal:
        location = response.headers.get("Location")
        where = repr(location[:200]) if location else "nowhere (no Location header)"
        return NotThePortal(
            f"{endpoint.path}: HTTP {response.status_code} redirect to {where}: the portal's API never "
            "redirects, so this answer is not the portal's (a network sign-in page, a proxy, a moved "
            "portal?).  The redirect was not followed: nothing was sent there.",
            location=location,
            status_code=response.status_code,
        )

    # -- reading answers -----------------------------------------------------------------

    @staticmethod
    def _unauthorized(endpoint: Endpoint, how: str) -> SessionExpired | AccessDenied:
        """The error of a 401: an expired token where one was sent; where none was (a login), a refusal."""
        if endpoint.authenticated:
            return SessionExpired(f"{endpoint.path}: the portal rejected the session token ({how})")
        return AccessDenied(
            f"{endpoint.path}: the portal refused access ({how}), though this call sends no session token"
        )

    def _check_status(self, endpoint: Endpoint, answer: _Answer) -> None:
        """Raise for the HTTP statuses and bodies that say the call failed whatever the content."""
        status = answer.status
        if status == 401:  # noqa: PLR2004
            raise self._unauthorized(endpoint, "HTTP 401")
        if status == 403:  # noqa: PLR2004
            raise AccessDenied(f"{endpoint.path}: the portal refused access (HTTP 403): {answer.snippet}")
        if status == _NETWORK_SIGN_IN:
            raise self._not_the_portal(endpoint, answer, "the network asks you to sign in")
        if status == _NOT_IMPLEMENTED:
            raise self._not_the_portal(
                endpoint, answer, f"the server does not take {endpoint.method} requests"
            )
        if status >= 500:  # noqa: PLR2004
            raise self._unavailable(endpoint, answer)
        if not answer.body and status == 200:  # noqa: PLR2004
            raise EmptyResponse(
                f"{endpoint.path}: the portal answered with an empty body; this usually "
                "means it rejected the LocalName header (a date key of another IST day)"
            )

    def _envelope(self, endpoint: Endpoint, answer: _Answer, error: type[PortalError]) -> Any:  # noqa: ANN401
        """Read the JSON envelope; return its ``response`` or raise its failure."""
        status = answer.status
        document = self._json(endpoint, answer)
        if not isinstance(document, dict):
            raise ProtocolError(
                f"{endpoint.path}: expected a JSON object, got {describe(document)}: {answer.snippet}"
            )
        envelope_status = document.get("status")
        if envelope_status == 401 and type(envelope_status) is int:  # noqa: PLR2004 (Spring's error body)
            raise self._unauthorized(endpoint, "status 401 in the answer")
        spring = _spring_error(document, answer.secrets)
        if spring is not None and status in _NO_HANDLER and _no_handler(document):
            raise NotThePortal(
                f"{endpoint.path}: no such endpoint at this address (HTTP {status} {spring}); it is not "
                "the portal's API, or the portal no longer has this endpoint",
                status_code=status,
            )
        if not isinstance(envelope_status, dict) or not isinstance(
            envelope_status.get("responseStatus"), str
        ):
            raise ProtocolError(
                f"{endpoint.path}: HTTP {status} answer without a status envelope "
                f"('status' is {describe(envelope_status)}): {spring or answer.snippet}"
            )
        if envelope_status["responseStatus"] != "Success":
            self._raise_failure(endpoint, answer, envelope_status, error)
        if not 200 <= status < 300:  # noqa: PLR2004
            raise ProtocolError(f"{endpoint.path}: HTTP {status} with a Success envelope")
        return document.get("response")

    @staticmethod
    def _check_kind(endpoint: Endpoint, response: object) -> None:
        """Raise unless ``response`` is of the :class:`~pyjiit.endpoints.Answer` kind of ``endpoint``."""
        expected = _ANSWER_KINDS.get(endpoint.answer)
        if expected is not None and not isinstance(response, expected[0]):
            raise ResponseFormatError(
                f"{endpoint.path}: expected {expected[1]} as the answer's 'response', "
                f"got {describe(response)}"
            )

    @staticmethod
    def _raise_failure(
        endpoint: Endpoint, answer: _Answer, envelope: Mapping[str, Any], error: type[PortalError]
    ) -> NoReturn:
        raw_errors = envelope.get("errors") or []
        raw_errors = raw_errors if isinstance(raw_errors, list) else [raw_errors]
        errors = [_hide(str(item), answer.secrets) for item in raw_errors]
        identifier = envelope.get("identifier")
        identifier = None if identifier is None else _hide(str(identifier), answer.secrets)
        if error is APIError and any(is_no_data_message(item) for item in errors):
            error = NoDataFound
        reason = "; ".join(errors) or identifier or "no reason given"
        raise error(
            f"{endpoint.path}: the portal answered Failure: {reason}",
            errors=errors,
            identifier=identifier,
            status_code=answer.status,
            endpoint=endpoint.path,
        )

    def _decode(self, body: bytes) -> Any:  # noqa: ANN401 (any JSON value)
        """``body`` as strict JSON with a bounded number of values (see :mod:`pyjiit._json`)."""
        return _json.decode(body, max_values=max(MIN_VALUES, self.max_answer_bytes // BYTES_PER_VALUE))

    def _json(self, endpoint: Endpoint, answer: _Answer) -> Any:  # noqa: ANN401
        try:
            return self._decode(answer.body)
        except _json.TooManyValues as error:
            raise AnswerTooLarge(
                f"{endpoint.path}: the answer holds {error}.",
                limit=self.max_answer_bytes,
                advice=(
                    f"Raise Webportal's max_answer_bytes (which allows one value per {BYTES_PER_VALUE} "
                    "bytes) if the portal's answers really are this large."
                ),
            ) from None
        except _json.BadJSON as error:
            raise ProtocolError(f"{endpoint.path}: the portal's JSON answer is unusable: {error}") from None
        except _json.NotJSON as error:
            reason = str(error)
        if answer.is_html:
            raise self._not_the_portal(endpoint, answer, "an HTML page answered")
        raise ProtocolError(
            f"{endpoint.path}: the portal's answer is not JSON ({reason}) (HTTP {answer.status}): "
            f"{answer.snippet}"
        )

    @staticmethod
    def _not_the_portal(endpoint: Endpoint, answer: _Answer, what: str) -> NotThePortal:
        return NotThePortal(
            f"{endpoint.path}: {what} (HTTP {answer.status}): this is not the portal.  Is the network "
            f"asking you to sign in (a Wi-Fi login page), or a proxy in the way?  It says: {answer.snippet}",
            status_code=answer.status,
        )

    def _unavailable(self, endpoint: Endpoint, answer: _Answer) -> PortalUnavailable:
        detail = ""
        try:
            document = self._decode(answer.body)
        except ValueError:
            document = None
        if isinstance(document, dict) and document.get("exception"):
            detail = f": {str(document['exception'])[:_SNIPPET]}"
        elif answer.snippet:
            detail = f": {answer.snippet}"
        message = f"{endpoint.path}: the portal is unavailable (HTTP {answer.status}){detail}"
        unavailable = PortalUnavailable(message)
        unavailable.status_code = answer.status
        return unavailable
