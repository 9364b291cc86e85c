"""The request log: what is recorded, for accepted and refused requests alike."""

from __future__ import annotations

import json

from pyjiit import endpoints
from pyjiit.testing import ReceivedRequest
from tests.testing.portal_client import PortalClient, envelope_ok


def test_records_decrypted_payloads(student: PortalClient) -> None:
    portal = student.portal
    portal.requests.clear()
    payload = {"instituteid": portal.student.institute_id, "studentid": portal.student.memberid}
    envelope_ok(student.post(endpoints.REGISTERED_SEMESTERS.path, payload, "json"))
    envelope_ok(student.post(endpoints.REGISTERED_SEMESTERS.path, payload, "raw"))
    json_form, raw_form = portal.requests
    for record in (json_form, raw_form):
        assert isinstance(record, ReceivedRequest)
        assert (record.method, record.path, record.status) == (
            "POST",
            endpoints.REGISTERED_SEMESTERS.path,
            200,
        )
        assert record.payload == payload
        assert record.header("localname") == record.headers["LocalName"]
        assert record.header("AUTHORIZATION") == f"Bearer {student.token}"
    assert json_form.body.startswith(b'"')
    assert json.loads(json_form.body) == raw_form.body.decode()
    assert json_form.header("Content-Type") == "application/json"
    assert raw_form.header("Content-Type") is None


def test_records_plain_payloads_and_gets(student: PortalClient) -> None:
    portal = student.portal
    portal.requests.clear()
    student.post(endpoints.ATTENDANCE_META.path, {"instituteid": portal.student.institute_id}, "plain")
    student.get(endpoints.CAPTCHA.path)
    plain, get = portal.requests
    assert plain.payload == {"instituteid": portal.student.institute_id}
    assert (get.method, get.payload, get.body) == ("GET", None, b"")


def test_records_refused_requests(client: PortalClient) -> None:
    portal = client.portal
    portal.requests.clear()
    client.session.get(client.url(endpoints.CAPTCHA.path), timeout=10)  # no LocalName
    client.post(endpoints.ATTENDANCE_META.path, {"instituteid": "X"}, "plain")  # no token
    client.post(endpoints.REGISTERED_SEMESTERS.path, {"instituteid": "X"}, "plain")  # wrong mode, no token
    client.session.post(portal.url + "/no/such", timeout=10)
    statuses = [(r.path, r.status) for r in portal.requests]
    assert statuses == [
        (endpoints.CAPTCHA.path, 200),
        (endpoints.ATTENDANCE_META.path, 401),
        (endpoints.REGISTERED_SEMESTERS.path, 401),
        ("/no/such", 404),
    ]
    assert portal.requests[1].payload == {"instituteid": "X"}
    assert portal.requests[2].payload is None  # not decodable in the endpoint's mode
    assert portal.requests[3].payload is None


def test_records_outside_the_bases_by_full_path(client: PortalClient) -> None:
    origin = client.portal.url.removesuffix("/StudentPortalAPI")
    client.session.get(origin + "/favicon.ico?x=1", timeout=10)
    assert client.portal.requests[-1].path == "/favicon.ico"


def test_repr_hides_secrets(student: PortalClient) -> None:
    student.pretoken()
    student.login()
    for record in student.portal.requests:
        text = repr(record)
        assert student.portal.password not in text
        for secret in ("LocalName", "Bearer", "payload", "body"):
            assert secret not in text
    assert repr(student.portal.requests[-1]) == (
        f"ReceivedRequest(method='POST', path='{endpoints.GENERATE_TOKEN.path}', status=200)"
    )
    assert student.portal.password not in repr(student.portal)
