"""Injected faults: each kind, how they are used up, and bad injections."""

from __future__ import annotations

import math
import threading
import time

import pytest
import requests

from pyjiit import endpoints
from pyjiit.encryption import generate_local_name
from pyjiit.testing import FakePortal, Fault
from tests.testing.portal_client import PortalClient, envelope_ok

CAPTCHA = endpoints.CAPTCHA.path


def test_unavailable_is_513_html(client: PortalClient) -> None:
    client.portal.inject(CAPTCHA, Fault.unavailable())
    response = client.get(CAPTCHA)
    assert response.status_code == 513
    assert response.headers["Content-Type"].startswith("text/html")
    assert "temporarily unavailable" in response.text
    assert envelope_ok(client.get(CAPTCHA))  # used up


def test_server_error_is_500_json(client: PortalClient) -> None:
    client.portal.inject(CAPTCHA, Fault.server_error())
    client.portal.inject(CAPTCHA, Fault.server_error("java.lang.ArithmeticException"))
    assert client.get(CAPTCHA).json() == {"exception": "java.lang.NullPointerException"}
    second = client.get(CAPTCHA)
    assert (second.status_code, second.json()) == (500, {"exception": "java.lang.ArithmeticException"})


def test_empty_is_200_without_body(client: PortalClient) -> None:
    client.portal.inject(CAPTCHA, Fault.empty())
    response = client.get(CAPTCHA)
    assert (response.status_code, response.content) == (200, b"")


def test_not_json(client: PortalClient) -> None:
    client.portal.inject(CAPTCHA, Fault.not_json())
    client.portal.inject(CAPTCHA, Fault.not_json("<p>maintenance</p>"))
    first = client.get(CAPTCHA)
    assert first.status_code == 200
    assert first.headers["Content-Type"].startswith("text/html")
    assert first.text.startswith("<html>")
    assert client.get(CAPTCHA).text == "<p>maintenance</p>"


def test_failure_envelope(client: PortalClient) -> None:
    client.portal.inject(
        endpoints.ATTENDANCE_DETAIL.path, Fault.failure(["Invalid URL"], identifier="Invalid URL")
    )
    client.portal.inject(endpoints.ATTENDANCE_DETAIL.path, Fault.failure())
    first = client.post(endpoints.ATTENDANCE_DETAIL.path, {}, "json")  # the fault comes before any check
    assert first.status_code == 200
    assert first.json() == {
        "status": {"responseStatus": "Failure", "errors": ["Invalid URL"], "identifier": "Invalid URL"},
        "response": None,
    }
    assert client.post(endpoints.ATTENDANCE_DETAIL.path, {}, "json").json()["status"]["errors"] == [
        "NO DATA FOUND"
    ]


def test_failure_needs_a_list_of_errors() -> None:
    with pytest.raises(TypeError, match="list of strings"):
        Fault.failure("NO DATA FOUND")


@pytest.mark.parametrize(
    ("code", "body", "content_type"),
    [
        (401, "", "text/plain"),
        (403, "Invalid CORS request", "text/plain"),
        (502, "<h1>Bad Gateway</h1>", "text/html"),
    ],
)
def test_any_status(client: PortalClient, code: int, body: str, content_type: str) -> None:
    client.portal.inject(CAPTCHA, Fault.status(code, body, content_type))
    response = client.get(CAPTCHA)
    assert (response.status_code, response.text, response.headers["Content-Type"]) == (
        code,
        body,
        content_type,
    )


@pytest.mark.parametrize("code", [99, 600])
def test_status_must_be_http(code: int) -> None:
    with pytest.raises(ValueError, match="between 100 and 599"):
        Fault.status(code)


def test_delay_then_normal_answer(client: PortalClient) -> None:
    client.portal.inject(CAPTCHA, Fault.delay(0.3))
    started = time.monotonic()
    assert envelope_ok(client.get(CAPTCHA))
    assert time.monotonic() - started >= 0.3


def test_delay_trips_a_client_timeout(client: PortalClient) -> None:
    client.portal.inject(CAPTCHA, Fault.delay(1.0))
    with pytest.raises(requests.exceptions.ReadTimeout):
        client.session.get(client.url(CAPTCHA), headers=client.headers(), timeout=0.2)


@pytest.mark.parametrize("seconds", [-1.0, math.inf, math.nan])
def test_delay_must_be_finite_and_positive(seconds: float) -> None:
    with pytest.raises(
        ValueError, match=r"^delay must be a number of seconds, 0 or more and at most 86,400, got "
    ):
        Fault.delay(seconds)


def test_drop_closes_without_answer(client: PortalClient) -> None:
    client.portal.inject(CAPTCHA, Fault.drop())
    with pytest.raises(requests.exceptions.ConnectionError):
        client.get(CAPTCHA)
    assert client.portal.requests[-1].status is None
    assert envelope_ok(client.get(CAPTCHA))


def test_times_and_order(client: PortalClient) -> None:
    client.portal.inject(CAPTCHA, Fault.unavailable(), times=2)
    client.portal.inject(CAPTCHA, Fault.empty())
    statuses = [client.get(CAPTCHA) for _ in range(4)]
    assert [(r.status_code, r.content[:1]) for r in statuses] == [
        (513, b"<"),
        (513, b"<"),
        (200, b""),
        (200, b"{"),
    ]


def test_faults_are_per_endpoint(client: PortalClient) -> None:
    client.portal.inject(endpoints.PORTAL_CONFIG.path, Fault.unavailable())
    assert envelope_ok(client.get(CAPTCHA))
    assert client.get(endpoints.PORTAL_CONFIG.path).status_code == 513


def test_sso_path_and_pdf_prefix(client: PortalClient) -> None:
    portal = client.portal
    portal.inject(endpoints.GOOGLE_SIGN_IN.path, Fault.status(502))
    response = client.post(endpoints.GOOGLE_SIGN_IN.path, {}, "plain", sso=True)
    assert response.status_code == 502
    portal.inject(endpoints.MARKS_PDF.path, Fault.empty())
    assert client.get(endpoints.MARKS_PDF.path + "/a/b/c").content == b""


@pytest.mark.parametrize(
    "path", ["/token/nope", "token/getcaptcha", "/StudentPortalAPI/token/getcaptcha", ""]
)
def test_inject_refuses_unknown_paths(portal: FakePortal, path: str) -> None:
    with pytest.raises(ValueError, match="no endpoint has the path"):
        portal.inject(path, Fault.empty())


@pytest.mark.parametrize("times", [0, -1, 1.5, True, "2"])
def test_inject_refuses_times_that_are_not_a_count(portal: FakePortal, times: object) -> None:
    with pytest.raises(ValueError, match="times must be a whole number, 1 or more"):
        portal.inject(CAPTCHA, Fault.empty(), times=times)  # type: ignore[arg-type]


@pytest.mark.parametrize("fault", ["unavailable", None, 503, Fault.unavailable])
def test_inject_refuses_what_is_not_a_fault(portal: FakePortal, client: PortalClient, fault: object) -> None:
    """Refused at once: met by a request, it would break the fake, which drops the connection (an outage)."""
    with pytest.raises(
        TypeError, match=r"fault must be a pyjiit\.testing\.Fault, such as Fault\.unavailable\(\)"
    ):
        portal.inject(CAPTCHA, fault)  # type: ignore[arg-type]
    envelope_ok(client.get(CAPTCHA))  # nothing was queued


def test_reply_faults_need_a_reply() -> None:
    with pytest.raises(ValueError, match="reply"):
        Fault("reply")
    with pytest.raises(ValueError, match="reply"):
        Fault("drop", Fault.empty().reply)


def test_stop_cuts_a_delay_short() -> None:
    portal = FakePortal().start()
    portal.inject(CAPTCHA, Fault.delay(30))
    url, headers = portal.url + CAPTCHA, {"LocalName": generate_local_name()}
    errors: list[BaseException] = []

    def call() -> None:
        try:
            requests.get(url, headers=headers, timeout=30)
        except requests.exceptions.ConnectionError as error:
            errors.append(error)

    caller = threading.Thread(target=call)
    caller.start()
    time.sleep(0.3)  # the request reaches the server and starts its delay
    started = time.monotonic()
    portal.stop()
    caller.join(10)
    assert time.monotonic() - started < 5
    assert len(errors) == 1
    # The server had received it, and dropped it when stopping.
    assert [(r.path, r.status) for r in portal.requests] == [(CAPTCHA, None)]
