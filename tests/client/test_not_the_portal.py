"""Answers that are not the portal's: redirects, sign-in pages, HTTP 511, a wrong base URL.

None is followed or retried.
"""

from __future__ import annotations

import json
import re
import time
from http import HTTPStatus
from typing import TYPE_CHECKING

import pytest

from pyjiit import Webportal
from pyjiit.endpoints import CHANGE_PASSWORD, GENERATE_TOKEN, PERSONAL_INFO
from pyjiit.exceptions import NotThePortal, PortalUnavailable, ProtocolError
from pyjiit.testing import FakePortal, Fault, RecordingServer
from pyjiit.testing._replies import Reply

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture
def elsewhere() -> Iterator[RecordingServer]:
    with RecordingServer() as server:
        yield server


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_is_not_followed(
    logged_in: Webportal, portal: FakePortal, elsewhere: RecordingServer, status: int
) -> None:
    target = elsewhere.origin + "/StudentPortalAPI" + PERSONAL_INFO.path
    portal.inject(PERSONAL_INFO.path, Fault.redirect(target, status), times=3)
    with pytest.raises(NotThePortal, match=re.escape(f"HTTP {status} redirect to '{target}'")) as caught:
        logged_in.get_student_personal_information()
    assert (caught.value.location, caught.value.status_code) == (target, status)
    assert not isinstance(caught.value, PortalUnavailable)
    assert [request.path for request in portal.requests] == [PERSONAL_INFO.path]  # not retried
    assert (elsewhere.connections, elsewhere.requests) == (0, [])


def test_the_password_is_not_sent_where_a_login_redirects(
    client: Webportal, portal: FakePortal, elsewhere: RecordingServer
) -> None:
    portal.inject(GENERATE_TOKEN.path, Fault.redirect(elsewhere.origin + "/steal", 307))
    with pytest.raises(NotThePortal, match="307 redirect"):
        client.student_login(portal.username, portal.password)
    assert (elsewhere.connections, elsewhere.requests) == (0, [])
    assert client.session is None


def test_a_password_change_that_redirects_is_not_sent_again(
    logged_in: Webportal, portal: FakePortal, elsewhere: RecordingServer
) -> None:
    portal.inject(CHANGE_PASSWORD.path, Fault.redirect(elsewhere.origin + "/clxuser/changepassword", 308))
    with pytest.raises(NotThePortal):
        logged_in.set_password(portal.password, "New-password-1")
    assert (elsewhere.connections, elsewhere.requests) == (0, [])


@pytest.mark.parametrize("status", [300, 304, 305, 399])
def test_any_3xx_is_refused(logged_in: Webportal, portal: FakePortal, status: int) -> None:
    portal.inject(PERSONAL_INFO.path, Fault.status(status))
    with pytest.raises(NotThePortal, match=f"HTTP {status} redirect to nowhere") as caught:
        logged_in.get_student_personal_information()
    assert caught.value.location is None


def test_the_body_of_a_redirect_is_never_read(
    logged_in: Webportal, portal: FakePortal, elsewhere: RecordingServer
) -> None:
    """requests reads a redirect's whole body even when not following it; an endless one would never end."""
    endless_redirect = Reply(
        302, b" " * 65536, "text/html", (("Location", elsewhere.origin + "/"),), endless=True
    )
    portal.inject(PERSONAL_INFO.path, Fault("reply", endless_redirect))
    started = time.monotonic()
    with pytest.raises(NotThePortal, match="302 redirect"):
        logged_in.get_student_personal_information()
    assert time.monotonic() - started < 1.0
    assert elsewhere.requests == []


def test_a_wifi_sign_in_page_is_not_the_portal(logged_in: Webportal, portal: FakePortal) -> None:
    portal.inject(PERSONAL_INFO.path, Fault.captive_portal(), times=3)
    with pytest.raises(NotThePortal, match=r"this is not the portal.*sign in") as caught:
        logged_in.get_student_personal_information()
    assert caught.value.status_code == 200
    assert len(portal.requests) == 1  # not worth retrying: the network is in the way


def test_network_authentication_required_is_not_the_portal(logged_in: Webportal, portal: FakePortal) -> None:
    portal.inject(PERSONAL_INFO.path, Fault.status(511, "", "text/plain"), times=3)
    with pytest.raises(NotThePortal, match=r"the network asks you to sign in \(HTTP 511\)"):
        logged_in.get_student_personal_information()
    assert len(portal.requests) == 1


def test_the_portals_own_outage_page_is_still_unavailable(logged_in: Webportal, portal: FakePortal) -> None:
    """HTML with a 5xx is the portal (or its gateway) being down: worth trying later."""
    portal.inject(PERSONAL_INFO.path, Fault.unavailable(), times=3)
    with pytest.raises(PortalUnavailable, match="513"):
        logged_in.get_student_personal_information()


def test_a_wrong_path_on_the_portals_host_is_not_the_portal(portal: FakePortal) -> None:
    """The portal's server answers Spring's 404 for a path it has no handler for: a wrong base URL."""
    with Webportal(portal.url + "/wrong", verify=portal.verify) as client:
        with pytest.raises(NotThePortal, match="no such endpoint at this address") as caught:
            client.student_login(portal.username, portal.password)
        assert client.session is None
    assert caught.value.status_code == 404
    assert "HTTP 404 Not Found: No static resource StudentPortalAPI/wrong/token/pretoken-check" in str(
        caught.value
    )


def _spring_error(status: int, message: str | None) -> Fault:
    reason = HTTPStatus(status).phrase
    body = {"timestamp": "2025-08-01T10:00:00.000+00:00", "status": status, "error": reason}
    if message is not None:
        body["message"] = message
    return Fault.status(status, json.dumps(body), "application/json")


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (404, None),  # Spring hides its messages by default
        (404, ""),
        (404, "No endpoint POST /StudentPortalAPI/studentpersinfo/getstudent-personalinformation."),
        (405, "Request method 'POST' is not supported"),
    ],
)
def test_no_handler_for_the_request_is_not_the_portal(
    logged_in: Webportal, portal: FakePortal, status: int, message: str | None
) -> None:
    portal.inject(PERSONAL_INFO.path, _spring_error(status, message), times=3)
    said = re.escape(f"no such endpoint at this address (HTTP {status} {HTTPStatus(status).phrase}")
    with pytest.raises(NotThePortal, match=said) as caught:
        logged_in.get_student_personal_information()
    assert caught.value.status_code == status
    assert [request.path for request in portal.requests] == [PERSONAL_INFO.path]  # not retried


@pytest.mark.parametrize("status", [404, 405, 400])
def test_a_refusal_of_the_portals_own_in_springs_error_object_is_not_a_wrong_address(
    client: Webportal, portal: FakePortal, status: int
) -> None:
    """A message of the portal's own means the endpoint is there (a bad captcha gives a 404)."""
    portal.inject(GENERATE_TOKEN.path, _spring_error(status, "Invalid captcha submitted.."))
    with pytest.raises(ProtocolError, match=f"HTTP {status} answer without a status envelope") as caught:
        client.student_login(portal.username, portal.password)
    assert not isinstance(caught.value, NotThePortal)
    assert str(caught.value).endswith(f"{HTTPStatus(status).phrase}: Invalid captcha submitted..")
