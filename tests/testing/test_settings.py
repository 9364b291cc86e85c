"""A FakePortal's settings: what it refuses, what `verify=` to pass it, and that portals share no data."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pyjiit import Webportal
from pyjiit.testing import FakePortal, RecordingServer
from pyjiit.testing.__main__ import main
from pyjiit.testing.data import DEMO, meetings, semester_results


def test_each_portal_serves_its_own_copy_of_the_demo_student() -> None:
    """A test that changes its portal's data leaves the next test's portal (and the demo) as seeded."""
    seeded = DEMO.hostel["presenthosteldetail"]["allotedroomno"]
    with FakePortal() as changed:
        changed.student.hostel["presenthosteldetail"]["allotedroomno"] = "999"
        changed.student.personal["generalinformation"]["studentname"] = "SOMEONE ELSE"
        with Webportal(changed.url) as client:
            client.account.login(changed.username, changed.password)
            assert client.student.hostel().room == "999"
    with FakePortal() as fresh, Webportal(fresh.url) as client:
        client.account.login(fresh.username, fresh.password)
        assert client.student.hostel().room == seeded
        assert client.student.personal_info().name == DEMO.name
    assert DEMO.hostel["presenthosteldetail"]["allotedroomno"] == seeded


def test_a_portal_shares_only_the_demo_data_that_cannot_change() -> None:
    """The frozen records are shared, not copied again for each portal: each must be immutable through.

    ``hash`` of a frozen dataclass hashes every field, so it fails on a list or
    dict anywhere inside: one added to these records would then be shared by
    every portal, and this test says so.
    """
    portal = FakePortal()
    shared = {
        "semesters": (portal.student.semesters, DEMO.semesters),
        "choice_semesters": (portal.student.choice_semesters, DEMO.choice_semesters),
        "feedback_events": (portal.student.feedback_events, DEMO.feedback_events),
    }
    for name, (mine, demo) in shared.items():
        assert demo, name
        assert all(record is seeded for record, seeded in zip(mine, demo, strict=True)), name
        hash(mine)
    hash(semester_results(DEMO))
    semester = DEMO.current
    hash(meetings(semester, semester.subjects[0], semester.subjects[0].components[0]))
    # What can change is the portal's own.
    assert portal.student.hostel == DEMO.hostel
    assert portal.student.hostel is not DEMO.hostel
    assert portal.student.feedback_questions[0] is not DEMO.feedback_questions[0]


@pytest.mark.parametrize("port", [-1, 65536, 99999, 1.5, True, "8080"])
def test_a_port_out_of_range_is_refused(port: object) -> None:
    with pytest.raises(ValueError, match="port must be a whole number, 0 to 65535"):
        FakePortal(port=port)  # type: ignore[arg-type]


@pytest.mark.parametrize("port", ["99999", "-5", "http"])
def test_the_command_refuses_a_port_out_of_range(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--port", port])
    assert exited.value.code == 2
    assert f"argument --port: must be a whole number, 0 to 65535, got {port!r}" in capsys.readouterr().err


@pytest.mark.parametrize("setting", ["username", "password"])
def test_an_empty_or_wrong_typed_credential_is_refused(setting: str) -> None:
    """Not silently replaced by the demo's: a test that set one expects it to be used."""
    with pytest.raises(ValueError, match=f"{setting} must not be empty"):
        FakePortal(**{setting: ""})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=f"{setting} must be a str, got int"):
        FakePortal(**{setting: 99103999})  # type: ignore[arg-type]


def test_a_given_password_is_the_one_to_log_in_with() -> None:
    with FakePortal(username="99100001", password="pw-1") as portal, Webportal(portal.url) as client:
        assert (portal.username, portal.password) == ("99100001", "pw-1")
        client.account.login("99100001", "pw-1")
        assert client.session is not None
        assert client.session.enrollmentno == "99100001"


@pytest.mark.parametrize("tls", [False, True], ids=["http", "https"])
def test_verify_is_what_a_client_passes_over_http_and_https(tls: bool) -> None:
    """One fixture for both: `verify=fake.verify` type-checks, and works, where `fake.ca_file` is None."""
    with FakePortal(tls=tls) as portal, Webportal(portal.url, verify=portal.verify) as client:
        assert portal.verify == (portal.ca_file if tls else True)
        client.account.login(portal.username, portal.password)
    with RecordingServer(tls=tls) as server:
        assert server.verify == (server.ca_file if tls else True)
        assert (server.ca_file is not None) == tls


def test_another_student_is_served_and_the_demo_is_left_as_it_was() -> None:
    current = DEMO.current
    absent = replace(current.subjects[0], presence=0.0)
    student = replace(DEMO, semesters=(replace(current, subjects=(absent,)), *DEMO.semesters[1:]))
    with FakePortal(student=student) as portal, Webportal(portal.url) as client:
        assert portal.student == student
        client.account.login(portal.username, portal.password)
        (subject,) = client.attendance.detail().subjects
        assert (subject.code, subject.attended) == (absent.clean_code, 0)
        assert subject.total > 0
    with FakePortal() as portal, Webportal(portal.url) as client:
        client.account.login(portal.username, portal.password)
        assert len(client.attendance.detail().subjects) == len(current.subjects)


def test_a_student_that_is_not_one_is_refused() -> None:
    with pytest.raises(TypeError, match=r"student must be a pyjiit\.testing\.data\.DemoStudent, .* got dict"):
        FakePortal(student={"username": "99100001"})  # type: ignore[arg-type]


def test_a_student_without_a_semester_is_refused() -> None:
    """The portal's answers name the running semester: without one, the fake could not answer."""
    with pytest.raises(ValueError, match="student must have at least one semester, the running one first"):
        FakePortal(student=replace(DEMO, semesters=()))
