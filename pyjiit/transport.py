"""Sending one request to the portal and turning its answer into data or an exception.

The transport owns the pooled HTTP connection, the headers every request
carries (a fresh ``LocalName`` keyed on the portal's IST day, the bearer token),
the body form of each endpoint, retries of requests that are safe to repeat,
and the mapping of every way the portal can fail to one of
:mod:`pyjiit.exceptions`.  It knows nothing of what the endpoints mean.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from typing import TYPE_CHECKING, Any, NoReturn

import requests

from pyjiit.clock import ServerClock
from pyjiit.encryption import generate_local_name, serialize_payload
from pyjiit.endpoints import Body, Endpoint
from pyjiit.exceptions import (
    AccessDenied,
    APIError,
    EmptyResponse,
    NoDataFound,
    PortalError,
    PortalUnavailable,
    ProtocolError,
    SessionExpired,
    is_no_data_message,
)
from pyjiit.utils import ist_date

if TYPE_CHECKING:
    from collections.abc import Mapping

    from pyjiit.exceptions import PyjiitError

__all__ = ["RETRY_STATUSES", "Timeout", "Transport"]

logger = logging.getLogger("pyjiit")

#: ``(connect, read)`` seconds, or one number for both, as in requests.
Timeout = float | tuple[float, float]

#: Statuses meaning "down for a moment": a read that gets one is retried.
RETRY_STATUSES = frozenset({502, 503, 504, 513})

_SNIPPET = 80
_UTC = dt.timezone.utc


class _Retry(Exception):
    """A failure after which a retry-safe request may be sent again."""

    def __init__(self, error: PyjiitError) -> None:
        super().__init__(str(error))
        self.error = error


def _keep_headers(request: requests.PreparedRequest) -> requests.PreparedRequest:
    """An auth hook that leaves the request's own ``Authorization`` header alone."""
    return request


def _snippet(text: str) -> str:
    """A short, single-line quote of an answer's body for an error message."""
    flat = " ".join(text.split())
    return flat if len(flat) <= _SNIPPET else flat[: _SNIPPET - 3] + "..."


class Transport:
    """Sends requests to the portal on one pooled, keep-alive connection.

    Args:
        base_url: The API base, e.g. ``https://host:6011/StudentPortalAPI``.
        sso_url: The base of the Google sign-in exchange.
        timeout: Seconds to wait for a connection and for an answer.
        verify: TLS verification: ``True``, ``False`` or a CA bundle path.
        retries: How many times a retry-safe request is repeated after a
            connection failure or a 502/503/504/513.
        backoff: Seconds before the first retry; each next wait doubles.
        user_agent: The ``User-Agent`` header.
        http: A ``requests.Session`` to use instead of a new one (for proxies,
            adapters, ...); it is closed by :meth:`close`.
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
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.sso_url = sso_url.rstrip("/")
        self.timeout = timeout
        self.verify = verify
        self.retries = retries
        self.backoff = backoff
        self.clock = ServerClock()
        self.http = http or requests.Session()
        # An explicit (no-op) auth stops requests from reading ~/.netrc on every
        # request, which is slow and, for a host listed there, would replace the
        # bearer token with Basic credentials.  Proxies and CA bundles from the
        # environment still apply.
        self.http.auth = _keep_headers
        self.http.headers["User-Agent"] = user_agent
        self.http.headers["Accept"] = "application/json, text/plain, */*"

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
        answer = self._send(endpoint, payload, token=token)
        self._check_status(endpoint, answer)
        return self._envelope(endpoint, answer, error)

    def download(self, endpoint: Endpoint, suffix: str, *, token: str | None) -> requests.Response:
        """GET ``endpoint`` + ``suffix`` and return the answer, for non-JSON bodies such as PDFs.

        HTTP and transport failures raise as in :meth:`call`; a JSON answer is
        an error envelope and raises like one.
        """
        answer = self._send(endpoint, None, token=token, suffix=suffix)
        self._check_status(endpoint, answer)
        if "json" in answer.headers.get("Content-Type", "") or answer.content.lstrip().startswith(b"{"):
            self._envelope(endpoint, answer, APIError)
            raise ProtocolError(f"{endpoint.path}: expected a document, got a JSON Success answer")
        if answer.status_code != 200:  # noqa: PLR2004
            raise ProtocolError(f"{endpoint.path}: HTTP {answer.status_code}: {_snippet(answer.text)}")
        return answer

    # -- sending -------------------------------------------------------------------------

    def _send(
        self,
        endpoint: Endpoint,
        payload: Mapping[str, Any] | None,
        *,
        token: str | None,
        suffix: str = "",
    ) -> requests.Response:
        attempts = 1 + (self.retries if endpoint.retry_safe else 0)
        for attempt in range(attempts):
            try:
                return self._attempt(endpoint, payload, token=token, suffix=suffix)
            except _Retry as retry:
                if attempt + 1 == attempts:
                    raise retry.error from retry.__cause__
                delay = self.backoff * 2**attempt
                logger.info("%s failed (%s); retrying in %.2f s", endpoint.path, retry.error, delay)
                time.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _attempt(
        self, endpoint: Endpoint, payload: Mapping[str, Any] | None, *, token: str | None, suffix: str
    ) -> requests.Response:
        """Send once; raise ``_Retry`` for failures worth another attempt."""
        day = ist_date(self.clock.now())
        answer = self._exchange(endpoint, payload, token=token, suffix=suffix, day=day)
        if answer.status_code == 200 and not answer.content and ist_date(self.clock.now()) != day:  # noqa: PLR2004
            # The answer's Date header showed that the portal is on another IST
            # day than the key we used (its clock is minutes off around
            # midnight): it refused the LocalName without acting, so sending
            # again with its day's key is harmless, even for a login.
            logger.info("%s: the portal is on another IST day; resending with its key", endpoint.path)
            answer = self._exchange(
                endpoint, payload, token=token, suffix=suffix, day=ist_date(self.clock.now())
            )
        if answer.status_code in RETRY_STATUSES:
            raise _Retry(self._unavailable(endpoint, answer))
        return answer

    def _exchange(
        self,
        endpoint: Endpoint,
        payload: Mapping[str, Any] | None,
        *,
        token: str | None,
        suffix: str,
        day: dt.date,
    ) -> requests.Response:
        headers = {"LocalName": generate_local_name(day)}
        if endpoint.authenticated:
            headers["Authorization"] = f"Bearer {token or ''}"
        body: str | None = None
        if endpoint.body is not Body.NONE:
            headers["Content-Type"] = "application/json"
            body = (
                serialize_payload(payload or {}, day)
                if endpoint.body is Body.ENCRYPTED
                else json.dumps(payload or {}, separators=(",", ":"), ensure_ascii=False)
            )
        sent = dt.datetime.now(_UTC)
        try:
            answer = self.http.request(
                endpoint.method,
                self.url(endpoint, suffix),
                data=body.encode("utf-8") if body is not None else None,
                headers=headers,
                timeout=self.timeout,
                verify=self.verify,
            )
        except requests.Timeout as exc:
            unavailable = PortalUnavailable(
                f"{endpoint.path}: the portal did not answer within {self.timeout} s"
            )
            if isinstance(exc, requests.ConnectTimeout):
                raise _Retry(unavailable) from exc
            raise unavailable from exc
        except requests.exceptions.SSLError as exc:
            # Not retried: a certificate that is not trusted now will not be on the next try.
            raise PortalUnavailable(
                f"{endpoint.path}: the TLS handshake with the portal failed (is its certificate "
                f"trusted? see Webportal's verify): {exc}"
            ) from exc
        except requests.ConnectionError as exc:
            raise _Retry(
                PortalUnavailable(f"{endpoint.path}: could not reach the portal ({type(exc).__name__})")
            ) from exc
        except requests.RequestException as exc:
            raise PortalUnavailable(f"{endpoint.path}: request failed ({type(exc).__name__})") from exc
        self.clock.observe(answer.headers.get("Date"), sent, dt.datetime.now(_UTC))
        logger.debug(
            "%s %s -> %s (%d bytes)", endpoint.method, endpoint.path, answer.status_code, len(answer.content)
        )
        return answer

    # -- reading answers -----------------------------------------------------------------

    def _check_status(self, endpoint: Endpoint, answer: requests.Response) -> None:
        """Raise for the HTTP statuses and bodies that say the call failed whatever the content."""
        status = answer.status_code
        if status == 401:  # noqa: PLR2004
            raise SessionExpired(f"{endpoint.path}: the portal rejected the session token (HTTP 401)")
        if status == 403:  # noqa: PLR2004
            raise AccessDenied(
                f"{endpoint.path}: the portal refused access (HTTP 403): {_snippet(answer.text)}"
            )
        if status >= 500:  # noqa: PLR2004
            raise self._unavailable(endpoint, answer)
        if not answer.content and status == 200:  # noqa: PLR2004
            raise EmptyResponse(
                f"{endpoint.path}: the portal answered with an empty body; this usually "
                "means it rejected the LocalName header (a date key of another IST day)"
            )

    def _envelope(self, endpoint: Endpoint, answer: requests.Response, error: type[PortalError]) -> Any:  # noqa: ANN401
        """Read the JSON envelope; return its ``response`` or raise its failure."""
        status = answer.status_code
        document = self._json(endpoint, answer)
        if not isinstance(document, dict):
            raise ProtocolError(f"{endpoint.path}: expected a JSON object, got: {_snippet(answer.text)}")
        envelope_status = document.get("status")
        if envelope_status == 401:  # noqa: PLR2004 (Spring's error body)
            raise SessionExpired(f"{endpoint.path}: the portal rejected the session token")
        if not isinstance(envelope_status, dict) or "responseStatus" not in envelope_status:
            raise ProtocolError(
                f"{endpoint.path}: HTTP {status} answer without a status envelope: {_snippet(answer.text)}"
            )
        if envelope_status["responseStatus"] != "Success":
            self._raise_failure(endpoint, status, envelope_status, error)
        if not 200 <= status < 300:  # noqa: PLR2004
            raise ProtocolError(f"{endpoint.path}: HTTP {status} with a Success envelope")
        return document.get("response")

    @staticmethod
    def _raise_failure(
        endpoint: Endpoint, status: int, envelope: Mapping[str, Any], error: type[PortalError]
    ) -> NoReturn:
        raw_errors = envelope.get("errors") or []
        errors = [str(item) for item in raw_errors] if isinstance(raw_errors, list) else [str(raw_errors)]
        identifier = envelope.get("identifier")
        identifier = None if identifier is None else str(identifier)
        if error is APIError and any(is_no_data_message(item) for item in errors):
            error = NoDataFound
        reason = "; ".join(errors) or identifier or "no reason given"
        raise error(
            f"{endpoint.path}: the portal answered Failure: {reason}",
            errors=errors,
            identifier=identifier,
            status_code=status,
            endpoint=endpoint.path,
        )

    @staticmethod
    def _json(endpoint: Endpoint, answer: requests.Response) -> Any:  # noqa: ANN401
        try:
            return answer.json()
        except ValueError:
            pass
        if answer.text.lstrip().startswith("<"):
            raise PortalUnavailable(
                f"{endpoint.path}: the portal answered an HTML page (HTTP {answer.status_code}) "
                f"instead of JSON: {_snippet(answer.text)}"
            )
        raise ProtocolError(
            f"{endpoint.path}: the portal's answer is not JSON (HTTP {answer.status_code}): "
            f"{_snippet(answer.text)}"
        )

    @staticmethod
    def _unavailable(endpoint: Endpoint, answer: requests.Response) -> PortalUnavailable:
        detail = ""
        try:
            document = answer.json()
        except ValueError:
            document = None
        if isinstance(document, dict) and document.get("exception"):
            detail = f": {document['exception']}"
        elif answer.text.strip():
            detail = f": {_snippet(answer.text)}"
        return PortalUnavailable(
            f"{endpoint.path}: the portal is unavailable (HTTP {answer.status_code}){detail}"
        )
