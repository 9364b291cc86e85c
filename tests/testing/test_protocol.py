"""The protocol checks every request goes through (docs/protocol.md 2.x), over real HTTP."""

from __future__ import annotations

import base64
import datetime as dt
import email.utils
import json

import pytest
import requests

from pyjiit import endpoints
from pyjiit.encryption import encrypt, generate_local_name, serialize_payload
from pyjiit.testing import FakePortal
from pyjiit.testing._webtokens import b64url_decode
from pyjiit.utils import IST, ist_date
from tests.testing.portal_client import Mode, PortalClient, envelope_failure, envelope_ok

META = endpoints.ATTENDANCE_META
REGISTRATIONS = endpoints.REGISTERED_SEMESTERS


def institute(portal: FakePortal) -> dict[str, str]:
    return {"instituteid": portal.student.institute_id}


# -- LocalName and the server's day ------------------------------------------------------------


def test_missing_local_name_gets_empty_200(client: PortalClient) -> None:
    response = client.session.get(client.url(endpoints.CAPTCHA.path), timeout=10)
    assert response.status_code == 200
    assert response.content == b""
    assert "Content-Type" not in response.headers
    assert response.headers["Content-Length"] == "0"


@pytest.mark.parametrize(
    "local_name",
    [
        pytest.param("not base64 at all!", id="not-base64"),
        pytest.param("QUJD", id="not-a-whole-cipher-block"),
        # The name is random, so the id is not: xdist's workers must collect the same tests.
        pytest.param(generate_local_name(dt.date(2001, 1, 1)), id="another-days-key"),
    ],
)
def test_invalid_local_name_gets_empty_200(client: PortalClient, local_name: str) -> None:
    response = client.session.get(
        client.url(endpoints.CAPTCHA.path), headers={"LocalName": local_name}, timeout=10
    )
    assert (response.status_code, response.content) == (200, b"")


def test_local_name_must_hold_the_dateseq(client: PortalClient) -> None:
    # Right key, but the sixteen characters do not carry the day's DATESEQ at 4..11.
    day = client.server_day()
    forged = base64.b64encode(encrypt(b"abcdXXXXXXXefghi", day)).decode()
    response = client.session.get(
        client.url(endpoints.CAPTCHA.path), headers={"LocalName": forged}, timeout=10
    )
    assert response.content == b""
    assert envelope_ok(client.get(endpoints.CAPTCHA.path))["captcha"]["captcha"] == ""


def seconds_to_next_ist_midnight() -> float:
    now = dt.datetime.now(IST)
    midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(), IST)
    return (midnight - now).total_seconds()


def test_slow_server_clock_keeps_yesterday_after_ist_midnight(client: PortalClient) -> None:
    # The client's clock says 00:05 IST; the server runs 508 s slow, so it is
    # still 23:56:32 of the previous IST day there (docs/protocol.md 2.2).
    client_offset = dt.timedelta(seconds=seconds_to_next_ist_midnight() + 300)
    client_now = dt.datetime.now(dt.timezone.utc) + client_offset
    client.portal.clock_offset = client_offset - dt.timedelta(seconds=508)
    client_day, server_day = ist_date(client_now), ist_date(client.portal.now())
    assert server_day == client_day - dt.timedelta(days=1)

    refused = client.session.get(
        client.url(endpoints.CAPTCHA.path), headers={"LocalName": generate_local_name(client_day)}, timeout=10
    )
    assert (refused.status_code, refused.content) == (200, b"")
    accepted = client.session.get(
        client.url(endpoints.CAPTCHA.path), headers={"LocalName": generate_local_name(server_day)}, timeout=10
    )
    assert envelope_ok(accepted)["captcha"]["hidden"]


def test_fast_server_clock_moves_to_the_next_day(client: PortalClient) -> None:
    assert client.portal.clock_offset == dt.timedelta(0)
    client.portal.clock_offset = dt.timedelta(seconds=seconds_to_next_ist_midnight() + 60)
    today = dt.datetime.now(IST).date()
    assert client.server_day() == today + dt.timedelta(days=1)
    refused = client.get(endpoints.CAPTCHA.path, headers={"LocalName": generate_local_name(today)})
    assert refused.content == b""
    assert envelope_ok(client.get(endpoints.CAPTCHA.path))


def test_date_header_follows_the_server_clock(client: PortalClient) -> None:
    client.portal.clock_offset = dt.timedelta(seconds=-508)
    for response in (
        client.get(endpoints.CAPTCHA.path),
        client.session.get(client.url("/nowhere"), timeout=10),
    ):
        served = email.utils.parsedate_to_datetime(response.headers["Date"])
        skew = served - dt.datetime.now(dt.timezone.utc)
        assert abs(skew.total_seconds() + 508) < 5


def test_payload_encrypted_with_another_day_is_a_java_error(student: PortalClient) -> None:
    yesterday = student.server_day() - dt.timedelta(days=1)
    ciphertext = serialize_payload(institute(student.portal), yesterday)
    response = student.session.post(
        student.url(REGISTRATIONS.path), data=ciphertext, headers=student.headers(), timeout=10
    )
    assert response.status_code == 500
    assert response.json() == {"exception": "java.lang.IllegalArgumentException"}


# -- Body modes --------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["raw", "json"])
def test_both_encrypted_forms_are_accepted(student: PortalClient, mode: Mode) -> None:
    extra = {"Content-Type": "application/json"} if mode == "raw" else {}
    response = student.post(REGISTRATIONS.path, institute(student.portal), mode, headers=extra)
    registrations = envelope_ok(response)["registrations"]
    assert [r["registrationid"] for r in registrations] == [
        s.registrationid for s in student.portal.student.semesters
    ]


def test_raw_ciphertext_without_content_type(student: PortalClient) -> None:
    response = student.post(REGISTRATIONS.path, institute(student.portal), "raw")
    assert "Content-Type" not in response.request.headers
    assert envelope_ok(response)["registrations"]


def test_plain_json_to_an_encrypted_endpoint_is_400(student: PortalClient) -> None:
    response = student.post(REGISTRATIONS.path, institute(student.portal), "plain")
    assert response.status_code == 400
    assert response.json()["error"] == "Bad Request"


@pytest.mark.parametrize("mode", ["raw", "json"])
def test_ciphertext_to_a_plain_endpoint_is_400(student: PortalClient, mode: Mode) -> None:
    assert student.post(META.path, institute(student.portal), mode).status_code == 400


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"   ",
        b"{not json",
        b"[1, 2]",
        b"\xff\xfe",
        # Jackson refuses these too; Python's own json would read NaN, and fail on the nesting.
        pytest.param(b'{"clientid": NaN}', id="nan"),
        pytest.param(b"[" * 100_000 + b"]" * 100_000, id="nested-too-deep"),
    ],
)
def test_bad_plain_bodies_are_400(student: PortalClient, body: bytes) -> None:
    response = student.session.post(
        student.url(META.path),
        data=body,
        headers={**student.headers(), "Content-Type": "application/json"},
        timeout=10,
    )
    assert response.status_code == 400


@pytest.mark.parametrize("body", [b"", b'"unterminated', b"%%%not-base64%%%", b"\xff\xfe"])
def test_bad_encrypted_bodies_are_refused(student: PortalClient, body: bytes) -> None:
    response = student.session.post(
        student.url(REGISTRATIONS.path), data=body, headers=student.headers(), timeout=10
    )
    assert response.status_code in {400, 500}
    if response.status_code == 500:
        assert response.json()["exception"].startswith("java.lang.")


def test_ciphertext_of_a_non_object_is_500(student: PortalClient) -> None:
    response = student.post(REGISTRATIONS.path, ["instituteid"], "raw")
    assert response.status_code == 500
    assert response.json() == {"exception": "java.lang.ClassCastException"}


def test_missing_required_key_is_a_null_pointer(student: PortalClient) -> None:
    response = student.post(META.path, {"clientid": "JAYPEE"}, "plain")
    assert response.status_code == 500
    assert response.json() == {"exception": "java.lang.NullPointerException"}


def test_extra_keys_are_ignored(student: PortalClient) -> None:
    payload = {**institute(student.portal), "clinetid": "SOAU", "whatever": [1, 2]}
    assert envelope_ok(student.post(endpoints.PERSONAL_INFO.path, payload, "plain"))["generalinformation"]


@pytest.mark.parametrize(
    ("key", "value"),
    [("instituteid", "OTHER"), ("studentid", "JIIT0000"), ("clientid", "SOAU"), ("memberid", "X")],
)
def test_identity_keys_must_name_the_student(student: PortalClient, key: str, value: str) -> None:
    payload = {**institute(student.portal), key: value}
    status = envelope_failure(student.post(META.path, payload, "plain"))
    assert status["errors"] == ["NO DATA FOUND"]


# -- Bearer tokens -----------------------------------------------------------------------------


def test_authenticated_endpoint_without_token_is_401(client: PortalClient) -> None:
    response = client.post(META.path, institute(client.portal), "plain")
    assert response.status_code == 401
    body = response.json()
    assert (body["status"], body["error"]) == (401, "Unauthorized")
    assert body["path"] == "/StudentPortalAPI" + META.path


@pytest.mark.parametrize("authorization", ["Bearer", "Bearer ", "Basic abc", "token-without-scheme"])
def test_malformed_authorization_is_401(client: PortalClient, authorization: str) -> None:
    response = client.post(
        META.path, institute(client.portal), "plain", headers={"Authorization": authorization}
    )
    assert response.status_code == 401


def test_token_of_another_portal_is_401(client: PortalClient) -> None:
    with FakePortal() as other:
        foreign = other.issue_token()
    response = client.post(META.path, institute(client.portal), "plain", token=foreign)
    assert response.status_code == 401
    assert "signature" in response.json()["message"]


@pytest.mark.parametrize("token", ["a.b", "x.y.z", "eyJhbGciOiJub25lIn0.e30.", "é.é.é"])
def test_garbage_tokens_are_401(client: PortalClient, token: str) -> None:
    headers = {"Authorization": f"Bearer {token}".encode().decode("latin-1")}
    response = client.post(META.path, institute(client.portal), "plain", headers=headers)
    assert response.status_code == 401


def test_token_expires_by_the_server_clock(client: PortalClient) -> None:
    portal = client.portal
    token = portal.issue_token(dt.timedelta(minutes=5))
    assert envelope_ok(client.post(META.path, institute(portal), "plain", token=token))
    portal.clock_offset = dt.timedelta(minutes=6)
    response = client.post(META.path, institute(portal), "plain", token=token)
    assert response.status_code == 401
    assert response.json()["message"] == "the token has expired"


def test_already_expired_token(client: PortalClient) -> None:
    token = client.portal.issue_token(dt.timedelta(seconds=-1))
    assert client.post(META.path, institute(client.portal), "plain", token=token).status_code == 401


def test_expire_tokens_kills_issued_tokens_only(student: PortalClient) -> None:
    portal = student.portal
    old = student.token
    portal.expire_tokens()
    assert student.post(META.path, institute(portal), "plain").status_code == 401
    student.login()
    assert student.token != old
    assert envelope_ok(student.post(META.path, institute(portal), "plain"))


def test_token_claims(student: PortalClient) -> None:
    assert student.token is not None
    header, claims, _ = student.token.split(".")
    assert json.loads(b64url_decode(header)) == {"alg": "HS256", "typ": "JWT"}
    decoded = json.loads(b64url_decode(claims))
    assert decoded["sub"] == student.portal.username
    lifetime = decoded["exp"] - student.portal.now().timestamp()
    assert 2 * 3600 - 10 < lifetime <= 2 * 3600
    assert "=" not in student.token
    # By default also plain base64, which pyjiit 0.1.0a9's b64decode and jsjiit's atob read.
    assert json.loads(base64.b64decode(claims, validate=True)) == decoded


def test_awkward_tokens_need_base64url_decoding() -> None:
    with FakePortal(awkward_tokens=True) as portal, requests.Session() as session:
        client = PortalClient(portal, session)
        client.login()
        assert client.token is not None
        claims = client.token.split(".")[1]
        # Unpadded base64url with a '-': what pyjiit 0.1.0a9's b64decode chokes on.
        assert len(claims) % 4
        assert "-" in claims
        assert json.loads(b64url_decode(claims))["sub"] == portal.username
        assert envelope_ok(client.post(META.path, institute(portal), "plain"))  # the portal accepts it


def test_token_lifetime_is_configurable() -> None:
    with FakePortal(token_lifetime=dt.timedelta(minutes=10)) as portal:
        claims = json.loads(b64url_decode(portal.issue_token().split(".")[1]))
        assert 590 < claims["exp"] - portal.now().timestamp() <= 600


# -- Paths and methods -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/StudentPortalAPI/no/such/endpoint", "/elsewhere", "/CLXSSOAPI/token/getcaptcha"]
)
def test_unknown_paths_are_404(client: PortalClient, path: str) -> None:
    origin = client.portal.url.removesuffix("/StudentPortalAPI")
    response = client.session.post(origin + path, headers=client.headers(), timeout=10)
    assert response.status_code == 404
    assert response.json()["error"] == "Not Found"


def test_wrong_method_is_405(client: PortalClient) -> None:
    response = client.session.get(client.url(META.path), headers=client.headers(), timeout=10)
    assert response.status_code == 405
    response = client.session.put(client.url(endpoints.CAPTCHA.path), headers=client.headers(), timeout=10)
    assert response.status_code == 405


def test_query_string_is_ignored(client: PortalClient) -> None:
    assert envelope_ok(client.get(endpoints.CAPTCHA.path + "?_=123"))["captcha"]


def test_sso_endpoint_lives_under_the_sso_base(client: PortalClient) -> None:
    wrong_base = client.post(
        endpoints.GOOGLE_SIGN_IN.path, {"googleToken": "x", "modulename": "studentportal"}, "plain"
    )
    assert wrong_base.status_code == 404
