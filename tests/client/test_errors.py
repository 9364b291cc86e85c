"""Every way the portal can fail maps to one documented exception, within the timeout."""

from __future__ import annotations

import socket
import time
import weakref

import pytest
import requests

import pyjiit
from pyjiit import Webportal, endpoints
from pyjiit.endpoints import FEE_SUMMARY, GENERATE_TOKEN
from pyjiit.exceptions import (
    AccessDenied,
    AnswerTooLarge,
    APIError,
    EmptyResponse,
    LoginError,
    NoDataFound,
    NotThePortal,
    PortalUnavailable,
    ProtocolError,
    PyjiitError,
    ResponseFormatError,
    SessionError,
    SessionExpired,
    UntrustedCertificate,
)
from pyjiit.testing import FakePortal, Fault
from tests.portal_clients import TIMEOUT, make_client

PATH = FEE_SUMMARY.path


def call(client: Webportal) -> object:
    return client.get_fee_summary()


@pytest.mark.parametrize(
    ("fault", "error", "message"),
    [
        (
            Fault.status(401, '{"status":401,"error":"Unauthorized"}', "application/json"),
            SessionExpired,
            "401",
        ),
        (
            Fault.status(200, '{"status":401,"error":"Unauthorized"}', "application/json"),
            SessionExpired,
            "token",
        ),
        (Fault.status(403, "Invalid CORS request"), AccessDenied, "Invalid CORS request"),
        (Fault.server_error("java.lang.NullPointerException"), PortalUnavailable, "NullPointerException"),
        (Fault.status(400, ""), ProtocolError, "HTTP 400"),
        (Fault.empty(), EmptyResponse, "LocalName"),
        (Fault.not_json("<html><body>Maintenance</body></html>"), NotThePortal, "HTML page"),
        (Fault.not_json("I am a teapot"), ProtocolError, "I am a teapot"),
        (Fault.status(200, "[1, 2]", "application/json"), ProtocolError, "JSON object"),
        (Fault.status(200, '{"hello": 1}', "application/json"), ProtocolError, "status envelope"),
        (Fault.status(404, "Not Found"), ProtocolError, "404"),
        # A plain web server's answer to a POST: another server, not the portal down for a while.
        (
            Fault.status(501, "<html><body>Unsupported method ('POST')</body></html>", "text/html"),
            NotThePortal,
            r"does not take POST requests \(HTTP 501\): this is not the portal",
        ),
    ],
)
def test_fault_maps_to_exception(
    logged_in: Webportal, portal: FakePortal, fault: Fault, error: type[PyjiitError], message: str
) -> None:
    portal.inject(PATH, fault)
    with pytest.raises(error, match=message):
        call(logged_in)


@pytest.mark.parametrize(
    "fault",
    [
        Fault.status(401, '{"status":401,"error":"Unauthorized"}', "application/json"),
        Fault.status(200, '{"status":401,"error":"Unauthorized"}', "application/json"),
    ],
    ids=["http", "body"],
)
def test_a_401_to_a_login_is_a_refusal_not_an_expired_session(
    client: Webportal, portal: FakePortal, fault: Fault
) -> None:
    # The login sends no token, so "log in again" (SessionExpired) would be no help.
    portal.inject(GENERATE_TOKEN.path, fault)
    with pytest.raises(AccessDenied, match="though this call sends no session token") as caught:
        client.student_login(portal.username, portal.password)
    assert not isinstance(caught.value, SessionError)


@pytest.mark.parametrize(
    ("fault", "status"),
    [
        (Fault.status(401, '{"status":401}', "application/json"), 401),
        (Fault.status(403, "Invalid CORS request"), 403),
        (Fault.unavailable(), 513),
        (Fault.server_error(), 500),
        (Fault.empty(), 200),
        (Fault.captive_portal(), 200),
        (Fault.status(200, "[1, 2]", "application/json"), 200),
        (Fault.failure(errors=["Invalid URL"]), 200),
        (Fault.delay(5), None),  # no answer: no status
        (Fault.drop(), None),
    ],
)
def test_every_error_of_a_call_names_its_endpoint_and_status(
    portal: FakePortal, fault: Fault, status: int | None
) -> None:
    # A 1 s read timeout: the delayed answer is given up on after 1 s, not the shared clients' 3 s.
    with make_client(portal, timeout=(0.5, 1.0)) as client:
        client.student_login(portal.username, portal.password)
        portal.inject(PATH, fault, times=3)  # retries see it too
        with pytest.raises(PyjiitError) as caught:
            call(client)
    assert (caught.value.endpoint, caught.value.status_code) == (PATH, status)


def test_an_answer_of_the_wrong_shape_names_its_endpoint(logged_in: Webportal, portal: FakePortal) -> None:
    # Raised while building the typed model, after the transport is done with the answer.
    portal.inject(
        endpoints.CREDITS.path,
        Fault.status(200, '{"status": {"responseStatus": "Success"}, "response": {}}', "application/json"),
    )
    with pytest.raises(ResponseFormatError) as caught:
        logged_in.registration.credits()
    assert caught.value.endpoint == endpoints.CREDITS.path


def test_failure_envelope(logged_in: Webportal, portal: FakePortal) -> None:
    portal.inject(PATH, Fault.failure(errors=["Invalid URL"], identifier="Invalid URL"))
    with pytest.raises(APIError) as caught:
        call(logged_in)
    error = caught.value
    assert not isinstance(error, NoDataFound)
    assert error.errors == ("Invalid URL",)
    assert error.identifier == "Invalid URL"
    assert error.endpoint == PATH
    assert error.status_code is not None
    assert not error.no_data
    assert "Invalid URL" in str(error)


def test_no_data_found_is_recognisable(logged_in: Webportal, portal: FakePortal) -> None:
    portal.inject(PATH, Fault.failure(errors=["NO APPROVED REQUEST FOUND"], identifier="X"))
    with pytest.raises(NoDataFound) as caught:
        call(logged_in)
    assert caught.value.no_data
    assert isinstance(caught.value, APIError)


@pytest.mark.parametrize("fault", [Fault.unavailable(), Fault.status(502, "Bad Gateway"), Fault.drop()])
def test_reads_are_retried_through_transient_failures(
    logged_in: Webportal, portal: FakePortal, fault: Fault
) -> None:
    portal.inject(PATH, fault, times=2)
    assert call(logged_in)
    assert [request.path for request in portal.requests] == [PATH] * 3


def test_retries_give_up_with_the_cause(logged_in: Webportal, portal: FakePortal) -> None:
    portal.inject(PATH, Fault.drop(), times=3)
    with pytest.raises(PortalUnavailable, match="could not reach") as caught:
        call(logged_in)
    assert isinstance(caught.value.__cause__, requests.ConnectionError)
    assert len(portal.requests) == 3


def test_513_is_unavailable_after_retries(logged_in: Webportal, portal: FakePortal) -> None:
    portal.inject(PATH, Fault.unavailable(), times=3)
    with pytest.raises(PortalUnavailable, match="513"):
        call(logged_in)


@pytest.mark.usefixtures("collector_off")
def test_an_error_after_retries_is_freed_when_dropped(logged_in: Webportal, portal: FakePortal) -> None:
    # An error held in a reference cycle would keep the frames of every failed attempt (and
    # their connections) alive until the collector next ran.
    portal.inject(PATH, Fault.unavailable(), times=3)
    try:
        call(logged_in)
    except PortalUnavailable as error:
        dropped = weakref.ref(error)
    else:
        pytest.fail("the failure was not raised")
    assert len(portal.requests) == 3
    assert dropped() is None


def test_server_error_500_is_not_retried(logged_in: Webportal, portal: FakePortal) -> None:
    portal.inject(PATH, Fault.server_error(), times=1)
    with pytest.raises(PortalUnavailable):
        call(logged_in)
    assert len(portal.requests) == 1


def test_slow_answer_times_out_within_the_timeout(portal: FakePortal) -> None:
    with make_client(portal, timeout=(1.0, 0.5)) as client:
        client.student_login(portal.username, portal.password)
        portal.inject(PATH, Fault.delay(3.0))
        started = time.monotonic()
        with pytest.raises(PortalUnavailable, match="did not answer within") as caught:
            call(client)
        assert time.monotonic() - started < 2.5
        assert isinstance(caught.value.__cause__, requests.Timeout)


def test_delay_shorter_than_the_timeout_is_fine(logged_in: Webportal, portal: FakePortal) -> None:
    portal.inject(PATH, Fault.delay(0.2))
    assert call(logged_in)


def test_refused_connection_is_unavailable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with Webportal(f"http://127.0.0.1:{port}/StudentPortalAPI", timeout=TIMEOUT, backoff=0.01) as client:
        with pytest.raises(PortalUnavailable) as caught:
            client.get_captcha()
        assert isinstance(caught.value.__cause__, requests.ConnectionError)


def test_untrusted_certificate_is_refused_unretried_with_cause(portal: FakePortal) -> None:
    with Webportal(portal.url, timeout=TIMEOUT, retries=2, backoff=0.01) as client:
        with pytest.raises(UntrustedCertificate, match="certificate is not trusted") as caught:
            client.get_captcha()
        assert isinstance(caught.value.__cause__, requests.exceptions.SSLError)
        assert len(portal.requests) == 0
        assert caught.value.advice == (
            "If the portal's certificate changed, pass Webportal's verify= a CA bundle that trusts it."
        )
        assert str(caught.value).endswith(f"intercepting HTTPS?  {caught.value.advice}")


def test_component_without_classes_counts_zero(logged_in: Webportal, portal: FakePortal) -> None:
    portal.inject(
        endpoints.SUBJECT_DAILY_ATTENDANCE.path, Fault.failure(errors=["NO Attendance Found"]), times=1
    )
    # One request at a time, so that the failure is the first subject's first component's answer.
    detail = logged_in.attendance.detail(by_component=True, max_in_flight=1)
    first = detail.subjects[0].components[0]
    assert (first.attended, first.total, first.percentage) == (0, 0, None)


def test_subject_without_classes_counts_zero(logged_in: Webportal, portal: FakePortal) -> None:
    portal.inject(
        endpoints.SUBJECT_DAILY_ATTENDANCE.path, Fault.failure(errors=["NO Attendance Found"]), times=1
    )
    first, *others = logged_in.attendance.detail(max_in_flight=1).subjects
    assert (first.attended, first.total, first.percentage, first.classes) == (0, 0, None, ())
    assert all(subject.total for subject in others)


@pytest.mark.parametrize("token", ["eyJ.x.y\r\nX-Injected: 1", "eyJ.tökén.y", "eyJ x y"])
def test_a_token_no_header_can_carry_is_refused_before_sending(
    logged_in: Webportal, portal: FakePortal, token: str
) -> None:
    """Such a token (from a login answer or a file): it would fail in http.client or smuggle a header."""
    assert logged_in.session is not None
    logged_in.session.token = token
    with pytest.raises(SessionError, match="log in again") as caught:
        logged_in.get_fee_summary()
    assert token not in str(caught.value)
    assert portal.requests == []


#: Every exception class an app can import from pyjiit: pyjiit.exceptions' and the models' own.
EXCEPTIONS = [
    value
    for name in sorted(pyjiit.__all__)
    if isinstance(value := getattr(pyjiit, name), type) and issubclass(value, BaseException)
]


@pytest.mark.parametrize("error", EXCEPTIONS, ids=[error.__name__ for error in EXCEPTIONS])
def test_every_exception_can_be_raised_bare(error: type[PyjiitError]) -> None:
    """As pyjiit 0.1.0a9's plain exceptions were: ``raise APIError``, ``mock.side_effect = APIError``."""
    with pytest.raises(error) as caught:
        raise error
    message = str(caught.value)
    assert message.strip()
    assert caught.value.args == (message,)
    assert "``" not in message
    assert (caught.value.endpoint, caught.value.status_code, caught.value.advice) == (None, None, None)


def test_exceptions_hold_empty_fields_bare_and_what_they_are_given_otherwise() -> None:
    portal_error = APIError()
    assert (portal_error.errors, portal_error.identifier, portal_error.no_data) == ((), None, False)
    assert NoDataFound().errors == ()
    assert NotThePortal().location is None
    assert AnswerTooLarge().limit is None
    assert (
        str(LoginError()) == "Logging in failed: wrong credentials, a rejected captcha or a refused account."
    )
    assert str(NoDataFound()) == "The portal has no data for the request, e.g. NO APPROVED REQUEST FOUND."
    error = NoDataFound(
        "NO DATA FOUND", errors=["NO DATA FOUND"], identifier="x", status_code=200, endpoint="/e"
    )
    assert (str(error), error.args, error.errors) == ("NO DATA FOUND", ("NO DATA FOUND",), ("NO DATA FOUND",))
    assert (error.identifier, error.status_code, error.endpoint, error.no_data) == ("x", 200, "/e", True)
    assert (str(AnswerTooLarge("big", limit=5)), AnswerTooLarge("big", limit=5).limit) == ("big", 5)
    moved = NotThePortal("moved", location="http://elsewhere/", status_code=302)
    assert (str(moved), moved.location, moved.status_code) == ("moved", "http://elsewhere/", 302)
    assert PortalUnavailable("down", "twice").args == ("down", "twice")
    # Advice ends the message, and stays apart for a program that says its own instead.
    advised = AnswerTooLarge("big.", limit=5, advice="Raise it.")
    assert (advised.args, advised.advice, advised.limit) == (("big.  Raise it.",), "Raise it.", 5)
    bare = UntrustedCertificate(advice="Trust it.")
    assert str(bare) == f"{UntrustedCertificate._summary()}  Trust it."
    assert APIError("refused", {"status": "Failure"}).args == ("refused", {"status": "Failure"})
