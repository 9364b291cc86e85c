"""Logging in (#1-#6) and changing the password (#9).

The public clients named by tag (KT, UNK, JSc...) are those of docs/protocol.md section 0.
"""

from __future__ import annotations

import base64
import datetime as dt
import struct
import zlib

import pytest
import requests

from pyjiit import endpoints
from pyjiit.testing import FakePortal, Fault
from pyjiit.testing._protocol import LEGACY_TOKEN_PATH
from pyjiit.utils import IST
from tests.testing.portal_client import PortalClient, envelope_failure, envelope_ok


def test_captcha_rotates_and_is_a_png(client: PortalClient) -> None:
    first = envelope_ok(client.get(endpoints.CAPTCHA.path))["captcha"]
    second = envelope_ok(client.get(endpoints.CAPTCHA.path))["captcha"]
    assert first["captcha"] == second["captcha"] == ""
    assert first["hidden"] != second["hidden"]
    image = base64.b64decode(first["image"])
    assert image.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", image[16:24])
    assert (width, height) == (120, 40)
    # The IDAT chunk inflates to one filter byte plus one byte per pixel, per row.
    length = struct.unpack(">I", image[33:37])[0]
    assert len(zlib.decompress(image[41 : 41 + length])) == height * (width + 1)


def test_login_flow(client: PortalClient) -> None:
    portal, student = client.portal, client.portal.student
    pretoken = client.pretoken()
    assert set(pretoken) == {"random", "otppwd", "username"}
    assert pretoken["username"] == portal.username
    response = envelope_ok(client.generate_token(pretoken, portal.password))
    regdata = response["regdata"]
    assert regdata["institutelist"] == [{"label": student.institute_name, "value": student.institute_id}]
    assert {
        k: regdata[k] for k in ("memberid", "userid", "clientid", "membertype", "name", "enrollmentno")
    } == {
        "memberid": student.memberid,
        "userid": student.userid,
        "clientid": student.clientid,
        "membertype": "S",
        "name": student.name,
        "enrollmentno": portal.username,
    }
    client.token = regdata["token"]
    assert envelope_ok(client.call(endpoints.ATTENDANCE_META, {"instituteid": student.institute_id}))


def legacy_login(client: PortalClient) -> requests.Response:
    """Steps #2 and #3 of the login, #3 at its former path, in its ENC-raw form."""
    payload = {**client.pretoken(), "Modulename": "STUDENTMODULE", "passwordotpvalue": client.portal.password}
    return client.post(LEGACY_TOKEN_PATH, payload, "raw")


def test_former_token_path_is_404_by_default(client: PortalClient) -> None:
    response = legacy_login(client)
    assert response.status_code == 404
    assert response.json()["path"] == "/StudentPortalAPI/token/generate-token1"


def test_former_token_path_with_legacy_token_path() -> None:
    with FakePortal(legacy_token_path=True) as portal, requests.Session() as session:
        client = PortalClient(portal, session)
        regdata = envelope_ok(legacy_login(client))["regdata"]
        assert regdata["enrollmentno"] == portal.username
        assert portal.requests[-1].path == LEGACY_TOKEN_PATH  # logged as called
        client.token = regdata["token"]
        assert envelope_ok(
            client.call(endpoints.ATTENDANCE_META, {"instituteid": portal.student.institute_id})
        )
        client.login()  # the current path still works
        assert portal.requests[-1].path == endpoints.GENERATE_TOKEN.path


def test_faults_for_the_former_token_path_with_legacy_token_path() -> None:
    """So that a test of an older client can make its login fail too."""
    with FakePortal(legacy_token_path=True) as portal, requests.Session() as session:
        client = PortalClient(portal, session)
        portal.inject(LEGACY_TOKEN_PATH, Fault.unavailable())
        assert legacy_login(client).status_code == 513
        assert envelope_ok(legacy_login(client))["regdata"]["enrollmentno"] == portal.username
    with FakePortal() as portal, pytest.raises(ValueError, match="no endpoint has the path"):
        portal.inject(LEGACY_TOKEN_PATH, Fault.unavailable())  # served only with legacy_token_path


def test_captcha_is_not_checked(client: PortalClient) -> None:
    payload = {
        "username": client.portal.username,
        "usertype": "S",
        "captcha": {"captcha": "phw5n", "hidden": "gmBctEffdSg="},
    }
    assert envelope_ok(client.call(endpoints.PRETOKEN_CHECK, payload))["random"]


def test_pretoken_check_in_the_jsjiit_form(client: PortalClient) -> None:
    # jsjiit sends the raw ciphertext with Content-Type: application/json.
    payload = {"username": client.portal.username, "usertype": "S", "captcha": {"captcha": "", "hidden": ""}}
    response = client.post(
        endpoints.PRETOKEN_CHECK.path, payload, "raw", headers={"Content-Type": "application/json"}
    )
    assert envelope_ok(response)["random"]


@pytest.mark.parametrize(("username", "usertype"), [("99999999", "S"), (None, "E")])
def test_unknown_user_fails(client: PortalClient, username: str | None, usertype: str) -> None:
    payload = {"username": username or client.portal.username, "usertype": usertype, "captcha": {}}
    status = envelope_failure(client.call(endpoints.PRETOKEN_CHECK, payload))
    assert status["errors"]


def test_wrong_password_fails(client: PortalClient) -> None:
    status = envelope_failure(client.generate_token(client.pretoken(), client.portal.password + "x"))
    assert status["errors"] == ["Invalid Password"]


def test_random_is_single_use(client: PortalClient) -> None:
    pretoken = client.pretoken()
    envelope_failure(client.generate_token(pretoken, "wrong"))
    # The failed attempt used the random up: the right password is too late.
    status = envelope_failure(client.generate_token(pretoken, client.portal.password))
    assert "login again" in status["errors"][0]
    pretoken = client.pretoken()
    envelope_ok(client.generate_token(pretoken, client.portal.password))
    envelope_failure(client.generate_token(pretoken, client.portal.password))


def test_unknown_random_fails(client: PortalClient) -> None:
    pretoken = {**client.pretoken(), "random": "made-up"}
    envelope_failure(client.generate_token(pretoken, client.portal.password))


def test_wrong_module_name_fails(client: PortalClient) -> None:
    payload = {**client.pretoken(), "Modulename": "ADMINMODULE", "passwordotpvalue": client.portal.password}
    envelope_failure(client.call(endpoints.GENERATE_TOKEN, payload))


def test_login_fields_are_required(client: PortalClient) -> None:
    response = client.call(endpoints.GENERATE_TOKEN, client.pretoken())  # no password, no Modulename
    assert response.status_code == 500


# -- Refresh, config, Google sign-in -----------------------------------------------------------


@pytest.mark.parametrize(
    "tokendate",
    [
        lambda now: f"{now:%d/%m/%Y}",  # UNK's form
        lambda now: f"{now:%a %b %d %Y %H:%M:%S} GMT+0530 (India Standard Time)",  # KT's form
    ],
)
def test_refresh_answers_a_message_and_no_token(student: PortalClient, tokendate: object) -> None:
    now = student.portal.now().astimezone(IST)
    payload = {"username": student.portal.username, "tokendate": tokendate(now)}  # type: ignore[operator]
    response = envelope_ok(student.call(endpoints.REFRESH_TOKEN, payload))
    assert set(response) == {"msg"}
    assert response["msg"].startswith("Token Referesh at the time of Login differnce timing = ")


@pytest.mark.parametrize("tokendate", ["2026-09-21", "1790000000", "2026-09-21T10:00:00+05:30"])
def test_refresh_rejects_other_date_forms(student: PortalClient, tokendate: str) -> None:
    response = student.call(
        endpoints.REFRESH_TOKEN, {"username": student.portal.username, "tokendate": tokendate}
    )
    assert response.status_code == 500
    assert response.json() == {"exception": "java.lang.IllegalArgumentException"}


def test_refresh_for_another_user_fails(student: PortalClient) -> None:
    envelope_failure(
        student.call(endpoints.REFRESH_TOKEN, {"username": "someone", "tokendate": "01/01/2026"})
    )


def test_refresh_minutes_count_from_tokendate(student: PortalClient) -> None:
    earlier = (student.portal.now() - dt.timedelta(minutes=90)).astimezone(IST)
    payload = {"username": student.portal.username, "tokendate": f"{earlier:%a %b %d %Y %H:%M:%S} GMT+0530"}
    message = envelope_ok(student.call(endpoints.REFRESH_TOKEN, payload))["msg"]
    assert message.endswith("= 90")


def test_portal_config_points_at_the_google_exchange(client: PortalClient) -> None:
    config = envelope_ok(client.get(endpoints.PORTAL_CONFIG.path))
    assert config["loadGoogleButtonShow"] == "Y"
    assert config["logoClientWise"] == "JIIT"
    assert config["loadGoogleClientId"].endswith(".apps.googleusercontent.com")
    assert config["URLapiBase"] == client.portal.sso_url + endpoints.GOOGLE_SIGN_IN.path


def test_google_sign_in_gives_a_flat_session(client: PortalClient) -> None:
    portal = client.portal
    payload = {"googleToken": portal.google_credential, "modulename": "studentportal"}
    session = envelope_ok(client.call(endpoints.GOOGLE_SIGN_IN, payload))
    assert "regdata" not in session
    assert session["Username"] == session["enrollmentno"] == portal.username
    assert (session["value"], session["label"]) == (
        portal.student.institute_id,
        portal.student.institute_name,
    )
    assert {"token", "clientid", "memberid", "userid", "name", "membertype"} <= set(session)
    client.token = session["token"]
    assert envelope_ok(client.call(endpoints.ATTENDANCE_META, {"instituteid": session["value"]}))


@pytest.mark.parametrize(
    "payload",
    [
        {"googleToken": "eyJhbGciOiJIUzI1NiJ9.e30.c2ln", "modulename": "studentportal"},
        {"googleToken": None, "modulename": "studentportal"},
        {"googleToken": "CREDENTIAL", "modulename": "adminportal"},
    ],
)
def test_google_sign_in_refuses_bad_credentials(client: PortalClient, payload: dict[str, object]) -> None:
    if payload["googleToken"] == "CREDENTIAL":
        payload = {**payload, "googleToken": client.portal.google_credential}
    response = client.call(endpoints.GOOGLE_SIGN_IN, payload)
    if payload["googleToken"] is None:
        assert response.status_code == 500
    else:
        envelope_failure(response)


def test_a_session_token_is_not_a_google_credential(client: PortalClient) -> None:
    payload = {"googleToken": client.portal.issue_token(), "modulename": "studentportal"}
    envelope_failure(client.call(endpoints.GOOGLE_SIGN_IN, payload))


# -- Password change ---------------------------------------------------------------------------


def change(student: PortalClient, old: str, new: str, confirm: str | None = None) -> object:
    payload = {"membertype": "S", "oldpassword": old, "newpassword": new, "confirmpassword": confirm or new}
    return student.call(endpoints.CHANGE_PASSWORD, payload)


def test_change_password_then_log_in_with_the_new_one(student: PortalClient) -> None:
    old = student.portal.password
    envelope_ok(change(student, old, "n3w-Secret"))  # type: ignore[arg-type]
    assert student.portal.password == "n3w-Secret"
    envelope_failure(student.generate_token(student.pretoken(), old))
    assert student.login("n3w-Secret")["token"]


@pytest.mark.parametrize(
    ("old", "new", "confirm", "error"),
    [
        ("wrong", "abc", None, "Old Password is not correct"),
        (None, "abc", "abd", "New Password and Confirm Password do not match"),
        (None, "", "", "New Password can not be blank"),
    ],
)
def test_change_password_failures(
    student: PortalClient, old: str | None, new: str, confirm: str | None, error: str
) -> None:
    before = student.portal.password
    payload = {
        "membertype": "S",
        "oldpassword": old or before,
        "newpassword": new,
        "confirmpassword": new if confirm is None else confirm,
    }
    status = envelope_failure(student.call(endpoints.CHANGE_PASSWORD, payload))
    assert status["errors"] == [error]
    assert student.portal.password == before
