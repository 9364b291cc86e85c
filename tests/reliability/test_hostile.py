"""Hostile servers: each misbehaviour ends in a PyjiitError, in time, in bounded memory, sending nothing away.

Each fault meets four kinds of call: a read without a session (the captcha),
a login (the fault hits the request carrying the password), a read with the
session's token (personal information) and a document (the marks PDF).  Each
call must raise the documented PyjiitError within the request's deadline
(connect + read timeout), with peak memory growth (tracemalloc) under 50 MB,
without a request reaching the other origin a redirect points to, without
the password or the token in any message or log record, and (through
``leak_check``) without leaving a thread, a socket or an unclosed resource.
"""

from __future__ import annotations

import logging
import time
import tracemalloc
from typing import TYPE_CHECKING, NamedTuple

import pytest

from pyjiit import Webportal, endpoints
from pyjiit._transport import BYTES_PER_VALUE, DEFAULT_MAX_ANSWER_BYTES, deadline_seconds
from pyjiit.exceptions import (
    AnswerTooLarge,
    NotThePortal,
    PortalError,
    PortalUnavailable,
    ProtocolError,
    PyjiitError,
    UntrustedCertificate,
)
from pyjiit.testing import FakePortal, Fault, RecordingServer
from tests.portal_clients import make_client

from .conftest import BACKOFF, RETRIES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from pyjiit.attendance import Semester

pytestmark = pytest.mark.filterwarnings("error::ResourceWarning")

#: ``(connect, read)`` for the answers slow on purpose: each trickled byte comes well
#: within the read timeout, and the deadline is what ends them.
TIMEOUT = (0.5, 0.5)
DEADLINE = deadline_seconds(TIMEOUT)
#: For every other answer, whose limit is not the deadline: room to read and refuse 16 MiB
#: (an endless document, a gzip bomb) on a loaded machine, which took more than 1.5 s under act.
ROOMY_TIMEOUT = (5.0, 5.0)
#: Room for TLS, the portal's work and a loaded 2-core machine.
SLACK = 1.0
#: The issue's bound on peak memory growth, whatever the server sends.
MEMORY_BOUND = 50_000_000
TRICKLE = 0.05
ATTEMPTS = 1 + RETRIES


class Hostile(NamedTuple):
    """A misbehaviour (which Fault constructor plays it), its error, whether it lasts to the deadline."""

    name: str
    constructor: str
    fault: Callable[[RecordingServer], Fault]
    error: type[PyjiitError]
    message: str
    slow: bool = False


def _redirect(status: int) -> Hostile:
    return Hostile(
        f"redirect{status}",
        "redirect",
        lambda elsewhere: Fault.redirect(elsewhere.origin + "/StudentPortalAPI/token/getcaptcha", status),
        NotThePortal,
        rf"HTTP {status} redirect to 'http://127\.0\.0\.1:\d+/StudentPortalAPI",
    )


CASES = [
    Hostile("trickle", "trickle", lambda _: Fault.trickle(TRICKLE), PortalUnavailable, "too slow", slow=True),
    Hostile(
        "trickle_headers",
        "trickle",
        lambda _: Fault.trickle(TRICKLE, slow_headers=True),
        PortalUnavailable,
        "too slow",
        slow=True,
    ),
    Hostile("endless", "endless", lambda _: Fault.endless(), AnswerTooLarge, "larger than the limit"),
    Hostile("gzip_bomb", "gzip_bomb", lambda _: Fault.gzip_bomb(), AnswerTooLarge, "larger than the limit"),
    Hostile(
        "deep_nesting", "deep_nesting", lambda _: Fault.deep_nesting(), ProtocolError, "more than 64 levels"
    ),
    # Deep, but not deep enough for the parser to fail: deep enough for code that walks it.
    Hostile(
        "nesting_500", "deep_nesting", lambda _: Fault.deep_nesting(500), ProtocolError, "more than 64 levels"
    ),
    Hostile(
        "invalid_utf8", "invalid_utf8", lambda _: Fault.invalid_utf8(), ProtocolError, "invalid UTF-8 at byte"
    ),
    Hostile("nan", "non_finite", lambda _: Fault.non_finite(), ProtocolError, "NaN is not a JSON number"),
    Hostile(
        "infinity", "non_finite", lambda _: Fault.non_finite("-Infinity"), ProtocolError, "-Infinity is not"
    ),
    Hostile(
        "not_an_object",
        "not_an_object",
        lambda _: Fault.not_an_object(),
        ProtocolError,
        "expected a JSON object, got a list",
    ),
    Hostile(
        "wrong_status", "wrong_status", lambda _: Fault.wrong_status(), ProtocolError, "'status' is a string"
    ),
    # The document is not JSON: there, a Success envelope is the error, whatever its response.
    Hostile(
        "wrong_response",
        "wrong_response",
        lambda _: Fault.wrong_response(),
        ProtocolError,
        "'response', got a string|got a JSON Success answer",
    ),
    *(_redirect(status) for status in (301, 302, 303, 307, 308)),
    Hostile(
        "captive_portal",
        "captive_portal",
        lambda _: Fault.captive_portal(),
        NotThePortal,
        "this is not the portal",
    ),
    # Answers that repeat the request (its password, token and encrypted payload): as an error
    # page, as a retried 503 (whose error is also logged) and as the portal's own error string.
    Hostile("echo", "echo", lambda _: Fault.echo(), ProtocolError, r"\(HTTP 400\): |HTTP 400: "),
    Hostile("echo_503", "echo", lambda _: Fault.echo(503), PortalUnavailable, r"unavailable \(HTTP 503\)"),
    Hostile(
        "echo_failure",
        "echo",
        lambda _: Fault.echo(as_failure=True),
        PortalError,
        "the portal answered Failure: (GET|POST) /StudentPortalAPI/",
    ),
]

CALLS = {
    "read": endpoints.CAPTCHA,
    "login": endpoints.GENERATE_TOKEN,
    "authenticated_read": endpoints.PERSONAL_INFO,
    "document": endpoints.MARKS_PDF,
}


@pytest.fixture
def elsewhere() -> Iterator[RecordingServer]:
    """Another origin: a redirect's target, which must receive nothing."""
    with RecordingServer() as server:
        yield server


@pytest.fixture
def client_timeout() -> tuple[float, float]:
    """The client's ``(connect, read)`` timeout: roomy, unless a test parametrises it (a slow case)."""
    return ROOMY_TIMEOUT


@pytest.fixture
def hostile_client(portal: FakePortal, client_timeout: tuple[float, float]) -> Iterator[Webportal]:
    """A logged-in client with ``client_timeout``."""
    with make_client(portal, timeout=client_timeout, retries=RETRIES, backoff=BACKOFF) as webportal:
        webportal.student_login(portal.username, portal.password)
        yield webportal


def action(client: Webportal, portal: FakePortal, call: str) -> Callable[[], object]:
    """The public method that makes ``call``, with what it needs fetched beforehand."""
    if call == "read":
        return client.get_captcha
    if call == "login":
        return lambda: client.student_login(portal.username, portal.password)
    if call == "authenticated_read":
        return client.get_student_personal_information
    semester = client.get_semesters_for_marks()[0]
    return lambda: client.download_marks(semester)


def texts_of(error: BaseException) -> list[str]:
    """Every message and repr along the exception's chain."""
    texts: list[str] = []
    current: BaseException | None = error
    while current is not None:
        texts += [str(current), repr(current)]
        current = current.__cause__ or current.__context__
    return texts


def assert_no_secrets(texts: list[str], *secrets: str) -> None:
    """No secret in ``texts``, nor the start of one: a quote cut short must not show it either."""
    for secret in secrets:
        start = secret[:16]
        assert not any(start in text for text in texts), "a secret is in a message"


@pytest.mark.parametrize("call", list(CALLS))
@pytest.mark.parametrize(
    ("case", "client_timeout"),
    [pytest.param(case, TIMEOUT if case.slow else ROOMY_TIMEOUT, id=case.name) for case in CASES],
)
def test_hostile_answer_ends_in_a_pyjiit_error(
    *,
    hostile_client: Webportal,
    portal: FakePortal,
    elsewhere: RecordingServer,
    caplog: pytest.LogCaptureFixture,
    case: Hostile,
    client_timeout: tuple[float, float],
    call: str,
) -> None:
    token = hostile_client.session.token if hostile_client.session else ""
    assert token
    run = action(hostile_client, portal, call)
    portal.inject(CALLS[call].path, case.fault(elsewhere), times=ATTEMPTS)
    caplog.set_level(logging.DEBUG)
    tracemalloc.start()
    try:
        started = time.monotonic()
        with pytest.raises(case.error, match=case.message) as caught:
            run()
        elapsed = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert elapsed < deadline_seconds(client_timeout) + SLACK
    if case.slow:
        assert elapsed >= DEADLINE - 0.05
    assert peak < MEMORY_BOUND, f"peak memory growth {peak / 1e6:.1f} MB"
    assert (elsewhere.connections, elsewhere.requests) == (0, [])
    # A login's encrypted payload is as good as the password: anyone can know the day's key.
    payloads = [request.body.decode() for request in portal.requests if request.path == CALLS["login"].path]
    assert_no_secrets(
        texts_of(caught.value) + [record.getMessage() for record in caplog.records],
        portal.password,
        token,
        *payloads,
    )
    # Nothing was left half-read on the pooled connection: the next call works.
    assert hostile_client.get_sgpa_cgpa()


@pytest.fixture
def logged_in_elsewhere(portal: FakePortal) -> Iterator[tuple[Webportal, Semester]]:
    """A session and a semester from the real (fake) portal, to call another server with."""
    with make_client(portal) as client:
        client.student_login(portal.username, portal.password)
        yield client, client.get_semesters_for_marks()[0]


@pytest.mark.parametrize("call", list(CALLS))
@pytest.mark.parametrize(
    ("hosts", "message"),
    [
        (("127.0.0.1",), "certificate is not trusted"),
        (("portal.invalid",), "certificate is for another host"),
    ],
    ids=["untrusted", "another_host"],
)
def test_a_certificate_that_is_not_the_portals_is_refused_before_anything_is_sent(
    *,
    portal: FakePortal,
    logged_in_elsewhere: tuple[Webportal, Semester],
    caplog: pytest.LogCaptureFixture,
    hosts: tuple[str, ...],
    message: str,
    call: str,
) -> None:
    trusted, semester = logged_in_elsewhere
    assert trusted.session is not None
    caplog.set_level(logging.DEBUG)
    with RecordingServer(tls=True, certificate_hosts=hosts) as impostor:
        # Trusting the impostor's CA makes a wrong host name the only fault; not trusting it, the CA.
        verify = (impostor.ca_file or False) if hosts == ("portal.invalid",) else True
        with Webportal(
            impostor.origin + "/StudentPortalAPI",
            sso_url=impostor.origin + "/CLXSSOAPI",
            verify=verify,
            timeout=TIMEOUT,
            retries=RETRIES,
            backoff=BACKOFF,
            session=trusted.session,
        ) as client:
            actions: dict[str, Callable[[], object]] = {
                "read": client.get_captcha,
                "login": lambda: client.student_login(portal.username, portal.password),
                "authenticated_read": client.get_student_personal_information,
                "document": lambda: client.download_marks(semester),
            }
            started = time.monotonic()
            with pytest.raises(UntrustedCertificate, match=message) as caught:
                actions[call]()
            assert time.monotonic() - started < DEADLINE
        # One handshake, refused: not retried, and no request (so no body, token or cookie) sent.
        assert (impostor.connections, impostor.requests) == (1, [])
    assert isinstance(caught.value, NotThePortal)
    assert_no_secrets(
        texts_of(caught.value) + [record.getMessage() for record in caplog.records],
        portal.password,
        trusted.session.token,
    )


def json_within_the_byte_limit(shape: str) -> bytes:
    """A Success envelope under the default byte limit whose values, parsed, would take the most room."""
    head = b'{"status":{"responseStatus":"Success","errors":null,"identifier":null},"response":'
    if shape == "tiny_values":  # 590 000 one-key objects: some 115 MB as Python objects
        return head + b"[" + b'{"":0},' * 589_999 + b'{"":0}]}'
    # Just under the value cap, in the costliest shape measured: one object with that many keys.
    keys = DEFAULT_MAX_ANSWER_BYTES // BYTES_PER_VALUE - 16
    return head + b"{" + b",".join(b'"%x":0' % key for key in range(keys)) + b"}}"


@pytest.mark.parametrize(("shape", "error"), [("tiny_values", AnswerTooLarge), ("many_keys", None)])
def test_json_within_the_byte_limit_stays_within_memory_too(
    hostile_client: Webportal, portal: FakePortal, shape: str, error: type[PyjiitError] | None
) -> None:
    """Parsed, JSON takes up to ~28 times its size: the value cap keeps that bounded as well."""
    body = json_within_the_byte_limit(shape)
    assert len(body) < DEFAULT_MAX_ANSWER_BYTES
    portal.inject(endpoints.PERSONAL_INFO.path, Fault.status(200, body, "application/json"))
    del body
    tracemalloc.start()
    try:
        if error is None:
            assert len(hostile_client.get_student_personal_information()) > 100_000
        else:
            with pytest.raises(error, match="more than 131,072 values"):
                hostile_client.get_student_personal_information()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_BOUND, f"peak memory growth {peak / 1e6:.1f} MB"
