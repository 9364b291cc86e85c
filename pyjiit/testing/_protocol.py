"""The portal's protocol, request by request: from bytes received to the reply to send.

Independent of sockets and threads (see :mod:`pyjiit.testing._server`), this
module decides each answer in the order the real portal appears to check
things (docs/protocol.md 2.x):

1. the path: unknown paths get Spring's 404;
2. an injected :class:`~pyjiit.testing.faults.Fault`, which replaces
   everything below (a delay only postpones it, a trickle only slows it, an
   overlong fault only adds bytes after it);
3. the HTTP method: Spring's 405;
4. the ``LocalName`` header, decrypted with the key of the *server's* IST day:
   missing or wrong gives HTTP 200 with an empty body;
5. the bearer token on authenticated endpoints: Spring's 401;
6. the body mode: a JSON object sent to an encrypted endpoint, or ciphertext
   to a plain one, is a 400; ciphertext that does not decrypt is a 500;
7. the endpoint's own checks and answer (:mod:`pyjiit.testing._routing`).

Every request is recorded as a :class:`ReceivedRequest`, refused ones too.
"""

from __future__ import annotations

import base64
import binascii
import collections
import dataclasses
import json
import logging
import threading
import time
import traceback
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from pyjiit import _json, endpoints
from pyjiit._checks import count, wrong_type
from pyjiit.encryption import decrypt, deserialize_payload
from pyjiit.exceptions import PayloadError
from pyjiit.testing._replies import EMPTY, OWN_FAILURE, Reply, echo, failure, java_exception, spring_error
from pyjiit.testing._routing import Call, answer
from pyjiit.testing._webtokens import TokenError
from pyjiit.testing.faults import Fault
from pyjiit.utils import generate_date_seq

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Mapping

    from pyjiit.endpoints import Endpoint
    from pyjiit.testing._routing import RouteTable
    from pyjiit.testing._state import PortalState

__all__ = ["API_BASE", "LEGACY_TOKEN_PATH", "SSO_BASE", "Exchange", "ReceivedRequest"]

logger = logging.getLogger("pyjiit.testing")

#: Where the API lives on the server, as on the real one.
API_BASE = "/StudentPortalAPI"
#: Where the Google sign-in exchange lives (another port of the real portal, the same server here).
SSO_BASE = "/CLXSSOAPI"
#: The login's token step (#3) at its name until April 2026, which older clients still call
#: (pyjiit 0.1.0a8 and older, jsjiit 0.0.24 and older; docs/protocol.md #3).  The real portal no longer
#: answers there; a ``FakePortal(legacy_token_path=True)`` does, so those clients can log in to it.
LEGACY_TOKEN_PATH = "/token/generate-token1"  # noqa: S105 (a path, not a password)

_LOCAL_NAME_LENGTH = 16


@dataclass(frozen=True)
class ReceivedRequest:
    """A request the fake portal received, as it was sent and as it was answered.

    The repr shows only the method, path and status: headers, body and
    payload hold tokens and passwords.

    Attributes:
        method: The HTTP method.
        path: The path below the API or sign-in base (``/token/pretoken-check``),
            or the whole path if it is under neither.
        headers: The request headers as sent.
        body: The raw body.
        payload: The decoded body: decrypted for encrypted endpoints (with the
            server day's key), parsed for plain ones; ``None`` when there is
            no body or it cannot be decoded.
        status: The HTTP status answered, or ``None`` if the connection was
            dropped (:meth:`Fault.drop <pyjiit.testing.Fault.drop>`) or the
            answer is not ready yet.
        received: When the request had arrived, in :func:`time.monotonic` seconds.
        answered: When its answer was ready to send (or the connection was
            dropped), latency and delays included; ``None`` while it is not
            (:attr:`in_flight`).  With ``received``, it tells which requests a
            client had in flight at once.
    """

    method: str
    path: str
    headers: dict[str, str] = field(repr=False)
    body: bytes = field(repr=False)
    payload: Any = field(repr=False)
    status: int | None
    received: float = field(default=0.0, repr=False)
    answered: float | None = field(default=None, repr=False)

    @property
    def in_flight(self) -> bool:
        """Whether its answer is not ready yet: a latency, a delay fault or a handler still at work."""
        return self.answered is None

    def header(self, name: str) -> str | None:
        """Return the value of header ``name``, whatever its case, or ``None``."""
        return _header(self.headers, name)


def _header(headers: Mapping[str, str], name: str) -> str | None:
    wanted = name.lower()
    return next((value for key, value in headers.items() if key.lower() == wanted), None)


def _split(path: str, *, legacy_token_path: bool) -> tuple[str, Endpoint | None]:
    """Return the base-relative form of a request path and the endpoint serving it."""
    for base, sso in ((API_BASE, False), (SSO_BASE, True)):
        if path.startswith(base + "/"):
            relative = path[len(base) :]
            if legacy_token_path and not sso and relative == LEGACY_TOKEN_PATH:
                return relative, endpoints.GENERATE_TOKEN
            return relative, endpoints.by_path(relative, sso=sso)
    return path, None


def local_name_ok(value: str | None, day: dt.date) -> bool:
    """Whether a ``LocalName`` header decrypts, with ``day``'s key, to 16 characters holding its DATESEQ."""
    if not value:
        return False
    try:
        name = decrypt(base64.b64decode(value, validate=True), day).decode("ascii")
    except (binascii.Error, ValueError, PayloadError):  # UnicodeDecodeError is a ValueError
        return False
    return len(name) == _LOCAL_NAME_LENGTH and name[4:11] == generate_date_seq(day)


class _Refused(Exception):
    def __init__(self, reply: Reply) -> None:
        super().__init__(reply.status)
        self.reply = reply


def _bad_request(path: str, state: PortalState, message: str) -> _Refused:
    return _Refused(spring_error(400, path, state.now(), message))


def decode_body(endpoint: Endpoint, body: bytes, path: str, state: PortalState) -> dict[str, Any]:
    """Decode ``body`` in ``endpoint``'s mode, as the portal reads it.

    Encrypted endpoints take the bare base64 ciphertext (ENC-raw) or a JSON
    string literal holding it (ENC-json).  Plain endpoints take a JSON object.
    ``path`` (the full request path) goes into error answers.

    Raises:
        _Refused: The body is in the wrong mode or missing (400), or does not
            decrypt to a JSON object (500).
    """
    if endpoint.body is endpoints.Body.NONE:
        return {}
    try:
        text = body.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise _bad_request(path, state, "JSON parse error: invalid UTF-8") from None
    if not text:
        raise _bad_request(path, state, "Required request body is missing")
    if endpoint.body is endpoints.Body.PLAIN:
        try:
            payload = _json.decode(body)
        except ValueError:  # Jackson refuses what pyjiit's strict decoder does (NaN, deep nesting) too
            raise _bad_request(path, state, "JSON parse error") from None
        if not isinstance(payload, dict):
            raise _bad_request(path, state, "JSON parse error: expected an object")
        return payload
    if text[0] in "{[":
        raise _bad_request(path, state, "Encrypted payload expected")
    if text[0] == '"':
        try:
            text = json.loads(text)
        except json.JSONDecodeError:
            raise _bad_request(path, state, "JSON parse error") from None
    try:
        payload = deserialize_payload(str(text), state.today())
    except PayloadError:
        raise _Refused(java_exception("java.lang.IllegalArgumentException")) from None
    if not isinstance(payload, dict):
        raise _Refused(java_exception("java.lang.ClassCastException"))
    return payload


class Exchange:
    """Answers requests for one fake portal and records them.

    Args:
        state: The portal's state.
        routes: The endpoints' handlers.
        wait: Sleeps for a delay fault; returns ``True`` if the server is
            stopping meanwhile (the connection is then dropped).
    """

    def __init__(self, state: PortalState, routes: RouteTable, wait: Callable[[float], bool]) -> None:
        self.state = state
        self.routes = routes
        self.requests: list[ReceivedRequest] = []
        #: Seconds every answer waits before it is sent (FakePortal.latency).
        self.latency = 0.0
        self._wait = wait
        self._faults: dict[Endpoint, collections.deque[Fault]] = collections.defaultdict(collections.deque)
        self._lock = threading.Lock()

    def inject(self, path: str, fault: Fault, times: int = 1) -> None:
        """Queue ``fault`` for the next ``times`` calls to ``path`` (see :meth:`FakePortal.inject`).

        Raises:
            ValueError: ``path`` is no endpoint's, or ``times`` is not a whole number, 1 or more.
            TypeError: ``fault`` is not a :class:`~pyjiit.testing.Fault`.
        """
        endpoint = endpoints.by_path(path) or endpoints.by_path(path, sso=True)
        if path == LEGACY_TOKEN_PATH and self.state.legacy_token_path:
            endpoint = endpoints.GENERATE_TOKEN  # served there too: one queue for both paths
        if endpoint is None:
            raise ValueError(
                f"no endpoint has the path {path!r}: use a path of pyjiit.endpoints, "
                "relative to the API base, such as '/token/pretoken-check'"
            )
        # Checked here, not when a request meets it: a fault that breaks the fake mid-answer
        # drops the connection, which a test expecting an outage would take for one.
        if not isinstance(fault, Fault):
            raise wrong_type("fault", "a pyjiit.testing.Fault, such as Fault.unavailable()", fault)
        count("times", times, minimum=1)
        with self._lock:
            self._faults[endpoint].extend([fault] * times)

    def now(self) -> dt.datetime:
        """Return the server clock's time."""
        return self.state.now()

    def _next_fault(self, endpoint: Endpoint) -> Fault | None:
        with self._lock:
            queue = self._faults.get(endpoint)
            return queue.popleft() if queue else None

    def handle(self, method: str, target: str, headers: Mapping[str, str], body: bytes) -> Reply | None:
        """Return the reply to one request, or ``None`` to drop the connection.

        The request is in :attr:`requests` from its arrival, so that a test
        sees what a client sent while the answer waits (a latency, a delay
        fault) and after the client gave up on it; its entry is replaced by
        the answered one once the answer is ready, before it is sent.
        """
        received = time.monotonic()
        full_path = urlsplit(target).path
        path, endpoint = _split(full_path, legacy_token_path=self.state.legacy_token_path)
        decoded: dict[str, Any] | Reply | None = None  # a Reply: the body is refused with it
        if endpoint is not None:
            try:
                decoded = decode_body(endpoint, body, full_path, self.state)
            except _Refused as refused:
                # Its reply, not the exception: the exception's traceback holds this frame, and so
                # the connection's (and its socket) until the garbage collector breaks the cycle.
                decoded = refused.reply
        has_payload = endpoint is not None and endpoint.body is not endpoints.Body.NONE
        payload = decoded if has_payload and isinstance(decoded, dict) else None
        arrived = ReceivedRequest(method, path, dict(headers), body, payload, None, received, None)
        self.requests.append(arrived)
        reply: Reply | None = None  # None: dropped, or cut short by stop()
        try:
            if not (self.latency and self._wait(self.latency)):
                reply = self._answer(
                    method,
                    full_path,
                    path=path,
                    endpoint=endpoint,
                    headers=headers,
                    body=body,
                    decoded=decoded,
                )
        except Exception:  # noqa: BLE001 (a bug of the fake's own: said loudly, answered as a portal would)
            # At ERROR, which Python shows even where logging is not set up: the connection
            # quietly dropped would look like an outage to the client, and a test expecting one
            # would pass.  The traceback as text, for the reason PortalServer.handle_error gives.
            logger.error(  # noqa: TRY400 (the traceback as text: see above)
                "%s %s: the fake portal failed to answer, a bug in pyjiit.testing; it answers HTTP 500:\n%s",
                method,
                target,
                traceback.format_exc().rstrip(),
            )
            reply = OWN_FAILURE
        status = None if reply is None else reply.status
        self._replace(arrived, dataclasses.replace(arrived, status=status, answered=time.monotonic()))
        return reply

    def _replace(self, arrived: ReceivedRequest, answered: ReceivedRequest) -> None:
        """Put ``answered`` in ``arrived``'s place in :attr:`requests`, unless the list was cleared since."""
        with self._lock:
            requests = self.requests
            # From the end: the request is among the latest, unless a client keeps many in flight.
            for index in range(len(requests) - 1, -1, -1):
                if requests[index] is arrived:
                    requests[index] = answered
                    return

    def _answer(
        self,
        method: str,
        full_path: str,
        *,
        path: str,
        endpoint: Endpoint | None,
        headers: Mapping[str, str],
        body: bytes,
        decoded: dict[str, Any] | Reply | None,
    ) -> Reply | None:
        """Decide the answer; ``full_path`` is for error bodies, ``path`` for handlers."""
        if endpoint is None or decoded is None:
            return spring_error(
                404, full_path, self.state.now(), "No static resource " + full_path.lstrip("/")
            )
        fault = self._next_fault(endpoint)
        if fault is not None:
            if fault.kind == "drop":
                return None
            if fault.kind == "reply":
                return fault.reply
            if fault.kind == "echo":
                payload = decoded if isinstance(decoded, dict) else None
                return echo(fault.reply or failure([]), f"{method} {full_path}", headers, body, payload)
            if fault.kind == "delay" and self._wait(fault.seconds):  # cut short by stop()
                return None
        answer = self._check_and_answer(
            method, full_path, path, endpoint=endpoint, headers=headers, decoded=decoded
        )
        return answer if fault is None else fault._sent_as(answer)

    def _check_and_answer(
        self,
        method: str,
        full_path: str,
        path: str,
        *,
        endpoint: Endpoint,
        headers: Mapping[str, str],
        decoded: dict[str, Any] | Reply,
    ) -> Reply:
        """The answer of a portal without faults."""
        state = self.state
        if method != endpoint.method:
            return spring_error(405, full_path, state.now(), f"Request method '{method}' is not supported")
        if not local_name_ok(_header(headers, "LocalName"), state.today()):
            return EMPTY
        if endpoint.authenticated:
            refusal = self._check_bearer(_header(headers, "Authorization"), full_path)
            if refusal is not None:
                return refusal
        if isinstance(decoded, Reply):
            return decoded
        route = self.routes.get(endpoint)
        assert route is not None, f"no handler for {endpoint.path}"
        return answer(route, Call(state, decoded, path))

    def _check_bearer(self, authorization: str | None, path: str) -> Reply | None:
        scheme, _, token = (authorization or "").partition(" ")
        if scheme != "Bearer" or not token.strip():
            return spring_error(401, path, self.state.now(), "Full authentication is required")
        try:
            self.state.check_token(token.strip())
        except TokenError as error:
            return spring_error(401, path, self.state.now(), str(error))
        return None
