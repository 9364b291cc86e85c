"""One test per endpoint's typed call against FakePortal over HTTPS (issue: every endpoint).

The typed calls live in the client's endpoint groups; pyjiit 0.1.0a9's
methods send the same requests, and the tests at the end check that each
returns what its typed call read, as the portal sent it.
"""

from __future__ import annotations

import importlib.util
import signal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pyjiit import Webportal, WebportalSession, endpoints
from pyjiit.endpoints import Body, Endpoint
from pyjiit.exceptions import APIError, FileNotSaved, NoDataFound, ProtocolError
from pyjiit.models import (
    AttendanceMeta,
    Captcha,
    Component,
    ExamEvent,
    Rating,
    Registrations,
    Semester,
    SemesterList,
    SemesterRecord,
    SubjectRegistrations,
)
from pyjiit.testing import FakePortal, Fault

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType


def only_request(portal: FakePortal, endpoint: Endpoint) -> dict[str, object]:
    """The one request sent to ``endpoint``, checked for its body mode; its payload."""
    sent = [request for request in portal.requests if request.path.startswith(endpoint.path)]
    assert len(sent) == 1, [request.path for request in portal.requests]
    (request,) = sent
    if endpoint.body is Body.ENCRYPTED:
        assert not request.body.lstrip().startswith(
            (b"{", b'"')
        )  # bare ciphertext, as the portal's front end
    elif endpoint.body is Body.PLAIN:
        assert request.body.startswith(b"{")
    assert isinstance(request.payload, dict) or endpoint.body is Body.NONE
    return request.payload or {}


def latest(semesters: SemesterList) -> SemesterRecord:
    assert semesters, "the demo student has semesters"
    return semesters[0]


def test_captcha(client: Webportal, portal: FakePortal) -> None:
    captcha = client.account.captcha()
    assert isinstance(captcha, Captcha)
    assert captcha.hidden
    only_request(portal, endpoints.CAPTCHA)


def test_portal_config(client: Webportal, portal: FakePortal) -> None:
    config = client.account.config()
    assert config.raw
    assert config.google_client_id
    only_request(portal, endpoints.PORTAL_CONFIG)


def test_refresh_token(logged_in: Webportal, portal: FakePortal) -> None:
    answer = logged_in.account.refresh_token()
    assert answer.message
    assert "msg" in answer.raw
    payload = only_request(portal, endpoints.REFRESH_TOKEN)
    assert set(payload) == {"username", "tokendate"}


def test_personal_information(logged_in: Webportal) -> None:
    info = logged_in.student.personal_info()
    assert info.raw
    assert info.enrollment_no


def test_bank_information(logged_in: Webportal) -> None:
    assert logged_in.student.bank_info().raw


def test_credits(logged_in: Webportal, portal: FakePortal) -> None:
    assert logged_in.registration.credits().raw
    assert only_request(portal, endpoints.CREDITS) == {"enrollmentNo": portal.username}


def test_hostel(logged_in: Webportal) -> None:
    assert logged_in.student.hostel().raw


def test_attendance_meta_and_attendance(logged_in: Webportal, portal: FakePortal) -> None:
    meta = logged_in.attendance.meta()
    assert isinstance(meta, AttendanceMeta)
    portal.requests.clear()
    detail = logged_in.attendance.detail(meta.latest_semester(), daily=False)
    assert detail.subjects
    assert detail.semester == meta.latest_semester()
    payload = only_request(portal, endpoints.ATTENDANCE_DETAIL)
    assert payload["stynumber"] == meta.latest_header().stynumber
    assert payload["registrationid"] == meta.latest_semester().registration_id


def test_daily_attendance(logged_in: Webportal, portal: FakePortal) -> None:
    detail = logged_in.attendance.detail(daily=False)
    assert detail.semester is not None
    subject = detail.subjects[0]
    component = subject.components[0]
    portal.requests.clear()
    daily = logged_in.attendance.daily(detail.semester, subject, component.component)
    assert daily.total > 0
    payload = only_request(portal, endpoints.SUBJECT_DAILY_ATTENDANCE)
    assert payload["cmpidkey"] == [{"subjectcomponentid": component.component_id}]


def test_daily_attendance_of_every_component_in_one_request(logged_in: Webportal, portal: FakePortal) -> None:
    detail = logged_in.attendance.detail(daily=False)
    assert detail.semester is not None
    subject = max(detail.subjects, key=lambda item: len(item.components))
    assert len(subject.components) > 1
    portal.requests.clear()
    both = logged_in.attendance.daily(detail.semester, subject)
    payload = only_request(portal, endpoints.SUBJECT_DAILY_ATTENDANCE)
    assert payload["cmpidkey"] == [{"subjectcomponentid": part.component_id} for part in subject.components]
    loaded = logged_in.attendance.with_daily(detail.semester, subject)
    assert both.total == loaded.total


def test_attendance_detail_counts_from_daily_lists(logged_in: Webportal) -> None:
    detail = logged_in.attendance.detail()
    by_component = logged_in.attendance.detail(by_component=True)
    for subject, parts in zip(detail.subjects, by_component.subjects, strict=True):
        assert subject.daily is not None
        assert 0 <= subject.attended <= subject.total
        assert len(subject.classes) == subject.total
        # One list for the subject holds what its components' lists hold.
        assert (subject.attended, subject.total) == (parts.attended, parts.total)
        assert parts.total == sum(part.total for part in parts.components)
        entries = sorted(repr(entry) for _, entry in subject.classes)
        assert entries == sorted(repr(entry) for _, entry in parts.classes)
        assert {component for component, _ in parts.classes} == {part.component for part in parts.components}
        assert {component for component, _ in subject.classes} == {None}


def test_attendance_falls_back_to_the_previous_semester(logged_in: Webportal, portal: FakePortal) -> None:
    # A semester that just began has nothing recorded yet: the one before is the current one.
    meta = logged_in.attendance.meta()
    portal.inject(endpoints.ATTENDANCE_DETAIL.path, Fault.failure(errors=["NO Attendance Found"]), times=1)
    detail = logged_in.attendance.detail(daily=False)
    assert detail.semester == meta.semesters[1]
    assert detail.subjects


def test_attendance_of_a_semester_without_any(logged_in: Webportal, portal: FakePortal) -> None:
    meta = logged_in.attendance.meta()
    portal.inject(endpoints.ATTENDANCE_DETAIL.path, Fault.failure(errors=["NO Attendance Found"]), times=2)
    detail = logged_in.attendance.detail()
    assert detail.semester == meta.semesters[0]
    assert detail.subjects == ()


def test_registrations(logged_in: Webportal, portal: FakePortal) -> None:
    semester = latest(logged_in.registration.semesters())
    registrations = logged_in.registration.subjects(semester)
    assert isinstance(registrations, SubjectRegistrations)
    assert registrations.components
    assert registrations.total_credits
    assert {part.component for part in registrations.components} <= set(Component)
    payload = only_request(portal, endpoints.REGISTERED_SUBJECTS)
    assert payload["registrationid"] == semester.registration_id


def test_subject_choices(logged_in: Webportal) -> None:
    semester = latest(logged_in.registration.semesters())
    assert logged_in.registration.choices(semester).raw


def test_daily_attendance_of_a_component_the_subject_lacks_is_refused_unsent(
    logged_in: Webportal, portal: FakePortal
) -> None:
    detail = logged_in.attendance.detail(daily=False)
    assert detail.semester is not None
    subject = next(subject for subject in detail.subjects if subject.component(Component.TUTORIAL) is None)
    portal.requests.clear()
    for component in ("T", Component.TUTORIAL):
        with pytest.raises(ValueError, match=rf"^subject {subject.code} has no tutorial component"):
            logged_in.attendance.daily(detail.semester, subject, component)
    assert portal.requests == []


def test_a_component_or_rating_that_is_not_one_is_refused_by_name_unsent(
    logged_in: Webportal, portal: FakePortal
) -> None:
    detail = logged_in.attendance.detail(daily=False)
    assert detail.semester is not None
    subject = detail.subjects[0]
    portal.requests.clear()
    with pytest.raises(ValueError, match=r"^component must be one of 'L', 'T', 'P', got 'X'$"):
        logged_in.attendance.daily(detail.semester, subject, "X")
    with pytest.raises(ValueError, match=r"^kind must be one of 'L', 'T', 'P', got 'lecture'$"):
        subject.component("lecture")
    with pytest.raises(
        ValueError, match=r"^rating must be one of 'UNSATISFIED', .*'EXCELLENT', got 'great'$"
    ):
        logged_in.feedback.fill("great")  # type: ignore[arg-type]
    assert portal.requests == []


def test_choice_semesters(logged_in: Webportal) -> None:
    semesters = logged_in.registration.choice_semesters()
    assert semesters.raw
    assert logged_in.registration.choices(latest(semesters)).choices


def test_exam_events_and_schedule(logged_in: Webportal, portal: FakePortal) -> None:
    semester = latest(logged_in.exams.semesters())
    events = logged_in.exams.events(semester).events
    assert events
    assert all(isinstance(event, ExamEvent) for event in events)
    payload = only_request(portal, endpoints.EXAM_EVENTS)
    assert payload["registationid"] == semester.registration_id  # the portal's spelling
    schedule = logged_in.exams.schedule(events[0])
    assert schedule.raw


def test_marks(logged_in: Webportal, tmp_path: Path) -> None:
    semester = latest(logged_in.exams.marks_semesters())
    document = logged_in.exams.marks_pdf(semester)
    assert document.startswith(b"%PDF-")
    assert document.rstrip().endswith(b"%%EOF")
    saved = logged_in.exams.save_marks_pdf(semester, tmp_path / "marks.pdf")
    assert saved.read_bytes() == document
    assert logged_in.exams.marks(semester).raw


@pytest.mark.parametrize(
    ("code", "semester_id"),
    [("2026ODDSEM", "../../../token/getcaptcha?"), ("..", ".."), ("a/b#c", "x?y=1")],
)
def test_marks_pdf_request_stays_under_its_endpoint(
    logged_in: Webportal, portal: FakePortal, code: str, semester_id: str
) -> None:
    """Each part of the path is sent as one segment, whatever it holds: the request carries the token."""
    with pytest.raises(NoDataFound):
        logged_in.exams.marks_pdf(Semester(registration_code=code, registration_id=semester_id))
    (request,) = portal.requests
    assert request.path.startswith(endpoints.MARKS_PDF.path + "/")
    assert request.path.count("/") == endpoints.MARKS_PDF.path.count("/") + 3


def test_marks_pdf_file_that_cannot_be_written(logged_in: Webportal, tmp_path: Path) -> None:
    semester = latest(logged_in.exams.marks_semesters())
    folder = tmp_path / "folder"
    folder.mkdir()
    for path, reason, cause in [
        (tmp_path / "missing" / "marks.pdf", "No such file or directory", FileNotFoundError),
        (folder, "Is a directory", IsADirectoryError),
    ]:
        with pytest.raises(FileNotSaved) as caught:
            logged_in.exams.save_marks_pdf(semester, path)
        assert str(caught.value) == f"cannot save the marks PDF to {path}: {reason}"
        assert isinstance(caught.value.__cause__, cause)
        assert caught.value.path == str(path)
    assert list(tmp_path.rglob("*")) == [folder]  # nothing left behind


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs file size limits (POSIX)")
def test_marks_pdf_that_cannot_be_written_whole_leaves_no_part(logged_in: Webportal, tmp_path: Path) -> None:
    resource = pytest.importorskip("resource")
    semester = latest(logged_in.exams.marks_semesters())
    document = logged_in.exams.marks_pdf(semester)
    target = tmp_path / "marks.pdf"
    target.write_bytes(b"the older file")
    # A file size limit, which binds root too, makes the write fail midway as a full disk would.
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    ignored = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of the signal
    resource.setrlimit(resource.RLIMIT_FSIZE, (len(document) // 2, hard))
    try:
        with pytest.raises(FileNotSaved) as caught:
            logged_in.exams.save_marks_pdf(semester, target)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, ignored)
    assert str(caught.value) == f"cannot save the marks PDF to {target}: File too large"
    assert [path.name for path in tmp_path.iterdir()] == ["marks.pdf"]
    assert target.read_bytes() == b"the older file"


def test_marks_of_unknown_semester_is_an_api_error(logged_in: Webportal) -> None:
    with pytest.raises(APIError):
        logged_in.exams.marks_pdf(Semester(registration_code="NOPE", registration_id="NOPE"))


def test_marks_answer_that_is_not_a_pdf(logged_in: Webportal, portal: FakePortal) -> None:
    semester = latest(logged_in.exams.marks_semesters())
    portal.inject(endpoints.MARKS_PDF.path, Fault.status(200, "plain text", "text/plain"))
    with pytest.raises(ProtocolError, match="not a PDF"):
        logged_in.exams.marks_pdf(semester)


def test_grade_card_asks_for_ids_once(logged_in: Webportal, portal: FakePortal) -> None:
    semester = latest(logged_in.grades.semesters())
    first = logged_in.grades.card(semester)
    second = logged_in.grades.card(semester)
    assert first == second
    assert first.entries
    paths = [request.path for request in portal.requests]
    assert paths.count(endpoints.GRADE_CARD_STUDENT_INFO.path) == 1
    assert logged_in.grades.program().program_id


def test_grade_card_ids_belong_to_their_session(logged_in: Webportal, portal: FakePortal) -> None:
    # Code of 0.1.0a9's era replaces the session by assignment, not through a login method.
    semester = latest(logged_in.grades.semesters())
    logged_in.grades.card(semester)
    assert logged_in.session is not None
    logged_in.session = WebportalSession.from_dict(logged_in.session.to_dict())
    logged_in.grades.card(semester)
    paths = [request.path for request in portal.requests]
    assert paths.count(endpoints.GRADE_CARD_STUDENT_INFO.path) == 2


def test_current_semester_and_sgpa(logged_in: Webportal) -> None:
    current = logged_in.student.current_semester()
    results = logged_in.grades.results(current.semester_number)
    assert results.semesters
    assert results.latest == results.semesters[-1]


def test_fines_when_nothing_is_due(logged_in: Webportal) -> None:
    # "NO APPROVED REQUEST FOUND" is an empty list of charges for the typed call...
    charges = logged_in.fees.charges()
    assert charges.charges == ()
    assert charges.total == 0
    # ...and, as in 0.1.0a9, a NoDataFound for the 0.1.0a9 method.
    with pytest.raises(NoDataFound) as caught:
        logged_in.get_fines_msc_charges()
    assert caught.value.errors == ("NO APPROVED REQUEST FOUND",)


def test_fee_summary(logged_in: Webportal) -> None:
    assert logged_in.fees.summary().raw


def test_mooc(logged_in: Webportal) -> None:
    semesters = logged_in.mooc.semesters()
    assert semesters.raw is not None
    semester = latest(logged_in.registration.semesters())
    assert logged_in.mooc.status(semester).raw


def test_feedback_forms(logged_in: Webportal, portal: FakePortal) -> None:
    events = logged_in.feedback.events().events
    assert events
    grid = logged_in.feedback.grid(events[-1])
    assert grid.subjects
    questions = logged_in.feedback.questions(events[-1], grid.subjects[0])
    assert questions.questions
    portal.requests.clear()
    rated = logged_in.feedback.fill(Rating.GOOD)
    assert rated == grid.subjects
    saved = [request for request in portal.requests if request.path == endpoints.FEEDBACK_SUBMIT.path]
    assert len(saved) == len(grid.subjects)
    for request in saved:
        assert {question["rating"] for question in request.payload["questionid"]} == {"GOOD"}


def test_feedback_with_comments(logged_in: Webportal, portal: FakePortal) -> None:
    event = logged_in.feedback.events().latest
    assert event is not None
    teacher = logged_in.feedback.grid(event).subjects[0]
    questions = logged_in.feedback.questions(event, teacher).questions
    portal.requests.clear()
    logged_in.feedback.submit(event, teacher, questions, Rating.EXCELLENT, faculty_comments="Clear lectures.")
    payload = only_request(portal, endpoints.FEEDBACK_SUBMIT)
    assert payload["facultycomments"] == "Clear lectures."


def test_feedback_is_never_retried(logged_in: Webportal, portal: FakePortal) -> None:
    portal.inject(endpoints.FEEDBACK_SUBMIT.path, Fault.unavailable())
    with pytest.raises(Exception, match="513"):
        logged_in.feedback.fill(Rating.EXCELLENT)
    saved = [request for request in portal.requests if request.path == endpoints.FEEDBACK_SUBMIT.path]
    assert len(saved) == 1


def test_daily_attendance_before_the_first_class_is_empty(logged_in: Webportal, portal: FakePortal) -> None:
    detail = logged_in.attendance.detail(daily=False)
    assert detail.semester is not None
    subject = detail.subjects[0]
    portal.inject(endpoints.SUBJECT_DAILY_ATTENDANCE.path, Fault.failure(errors=["NO Attendance Found"]))
    assert logged_in.attendance.daily(detail.semester, subject, subject.components[0].component).total == 0


def test_marks_before_any_are_recorded_are_no_records(logged_in: Webportal, portal: FakePortal) -> None:
    # The marks are a list of records, so "NO RECORD FOUND" is that list, empty.
    semester = latest(logged_in.exams.marks_semesters())
    portal.inject(endpoints.MARKS.path, Fault.failure(errors=["NO RECORD FOUND"]))
    marks = logged_in.exams.marks(semester)
    assert (marks.records, marks.raw) == ((), [])


def test_a_no_data_answer_is_an_error_where_no_list_is_asked_for(
    logged_in: Webportal, portal: FakePortal
) -> None:
    portal.inject(endpoints.HOSTEL.path, Fault.failure(errors=["NO DATA FOUND"]))
    with pytest.raises(NoDataFound):
        logged_in.student.hostel()


def load_example(name: str) -> ModuleType:
    """A module of ``docs/examples``, which are scripts rather than a package."""
    path = Path(__file__).resolve().parents[2] / "docs" / "examples" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"docs_example_{name}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_endpoint_has_a_typed_call(client: Webportal, portal: FakePortal, tmp_path: Path) -> None:
    # The docs' example that makes every typed call, and that mypy --strict checks, reaches every endpoint.
    example = load_example("every_call")
    lines = example.call_everything(
        client, portal.username, portal.password, portal.google_credential, tmp_path
    )
    assert len(lines) >= 14
    called = {request.path for request in portal.requests}
    missing = [
        endpoint.path
        for endpoint in endpoints.ALL
        if not any(path == endpoint.path or path.startswith(endpoint.path + "/") for path in called)
    ]
    assert missing == []
    assert len(endpoints.ALL) == 37


# -- pyjiit 0.1.0a9's methods: the same requests, the answers as the portal sent them ----------------------

RAW_FACADES: list[tuple[str, Callable[[Webportal], object], Callable[[Webportal], object]]] = [
    (
        "personal information",
        Webportal.get_student_personal_information,
        lambda p: p.student.personal_info().raw,
    ),
    ("bank information", Webportal.get_student_bank_info, lambda p: p.student.bank_info().raw),
    ("fee summary", Webportal.get_fee_summary, lambda p: p.fees.summary().raw),
    ("SGPA/CGPA", lambda p: p.get_sgpa_cgpa(5), lambda p: p.grades.results(5).raw),
    (
        "grade card",
        lambda p: p.get_grade_card(p.get_semesters_for_grade_card()[0]),
        lambda p: p.grades.card(p.grades.semesters()[0]).raw,
    ),
    (
        "subject choices",
        lambda p: p.get_subject_choices(p.get_registered_semesters()[0]),
        lambda p: p.registration.choices(p.registration.semesters()[0]).raw,
    ),
    (
        "exam schedule",
        lambda p: p.get_exam_schedule(p.get_exam_events(p.get_semesters_for_exam_events()[0])[0]),
        lambda p: p.exams.schedule(p.exams.events(p.exams.semesters()[0]).events[0]).raw,
    ),
    (
        "attendance",
        lambda p: p.get_attendance(
            p.get_attendance_meta().latest_header(), p.get_attendance_meta().latest_semester()
        ),
        lambda p: p.attendance.detail(p.attendance.meta().latest_semester(), daily=False).raw,
    ),
]


@pytest.mark.parametrize(("what", "old", "typed"), RAW_FACADES, ids=[row[0] for row in RAW_FACADES])
def test_0_1_0a9_methods_return_the_answer_the_typed_call_read(
    logged_in: Webportal, what: str, old: Callable[[Webportal], object], typed: Callable[[Webportal], object]
) -> None:
    raw = old(logged_in)
    assert isinstance(raw, dict), what
    assert raw == typed(logged_in)


def test_0_1_0a9_semester_lists_are_its_semester_objects(logged_in: Webportal) -> None:
    pairs = [
        (logged_in.get_registered_semesters(), logged_in.registration.semesters()),
        (logged_in.get_semesters_for_exam_events(), logged_in.exams.semesters()),
        (logged_in.get_semesters_for_marks(), logged_in.exams.marks_semesters()),
        (logged_in.get_semesters_for_grade_card(), logged_in.grades.semesters()),
    ]
    for old, typed in pairs:
        assert old
        assert all(type(semester) is Semester for semester in old)
        assert old == [record.to_semester() for record in typed]


def test_0_1_0a9_objects(logged_in: Webportal) -> None:
    semester = logged_in.get_registered_semesters()[0]
    registrations = logged_in.get_registered_subjects_and_faculties(semester)
    assert isinstance(registrations, Registrations)
    assert len(registrations.subjects) == len(logged_in.registration.subjects(semester).components)
    events = logged_in.get_exam_events(logged_in.get_semesters_for_exam_events()[0])
    assert events == list(logged_in.exams.events(logged_in.exams.semesters()[0]).events)
    assert isinstance(logged_in.get_captcha(), Captcha)
    marks_semester = logged_in.get_semesters_for_marks()[0]
    assert logged_in.download_marks(marks_semester) == logged_in.exams.marks_pdf(marks_semester)
