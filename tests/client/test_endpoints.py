"""One test per Webportal method against FakePortal over HTTPS (issue: every endpoint)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pyjiit import Webportal, WebportalSession, endpoints
from pyjiit.attendance import AttendanceDetail, AttendanceMeta, DailyAttendance, Semester
from pyjiit.choices import SubjectChoices
from pyjiit.endpoints import Body, Endpoint
from pyjiit.exam import ExamEvent, ExamMarks, ExamSchedule
from pyjiit.exceptions import APIError, NoDataFound, ProtocolError
from pyjiit.feedback import FeedbackEvents, FeedbackGrid, FeedbackQuestions, Rating
from pyjiit.fees import FeeSummary
from pyjiit.grades import CurrentSemester, GradeCard, SemesterResults
from pyjiit.mooc import MoocStatus
from pyjiit.portal import PortalConfig
from pyjiit.registration import Registrations
from pyjiit.semesters import ChoiceSemesters, MoocSemesters
from pyjiit.student import BankInfo, Credits, HostelAllocation, PersonalInfo
from pyjiit.testing import FakePortal, Fault


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


def latest(semesters: list[Semester]) -> Semester:
    assert semesters, "the demo student has semesters"
    return semesters[0]


def test_portal_config(client: Webportal, portal: FakePortal) -> None:
    config = PortalConfig.from_response(client.get_portal_config())
    assert config.raw
    only_request(portal, endpoints.PORTAL_CONFIG)


def test_refresh_token(logged_in: Webportal, portal: FakePortal) -> None:
    answer = logged_in.refresh_token()
    assert "msg" in answer
    payload = only_request(portal, endpoints.REFRESH_TOKEN)
    assert set(payload) == {"username", "tokendate"}


def test_personal_information(logged_in: Webportal) -> None:
    info = PersonalInfo.from_response(logged_in.get_student_personal_information())
    assert info.raw


def test_bank_information(logged_in: Webportal) -> None:
    assert BankInfo.from_response(logged_in.get_student_bank_info()).raw


def test_credits(logged_in: Webportal, portal: FakePortal) -> None:
    assert Credits.from_response(logged_in.get_credits()).raw
    assert only_request(portal, endpoints.CREDITS) == {"enrollmentNo": portal.username}


def test_hostel(logged_in: Webportal) -> None:
    assert HostelAllocation.from_response(logged_in.get_hostel_details()).raw


def test_attendance_meta_and_attendance(logged_in: Webportal, portal: FakePortal) -> None:
    meta = logged_in.get_attendance_meta()
    assert isinstance(meta, AttendanceMeta)
    answer = logged_in.get_attendance(meta.latest_header(), meta.latest_semester())
    detail = AttendanceDetail.from_response(answer)
    assert detail.subjects
    payload = only_request(portal, endpoints.ATTENDANCE_DETAIL)
    assert payload["stynumber"] == meta.latest_header().stynumber
    assert payload["registrationid"] == meta.latest_semester().registration_id


def test_daily_attendance(logged_in: Webportal, portal: FakePortal) -> None:
    meta = logged_in.get_attendance_meta()
    semester = meta.latest_semester()
    subject = AttendanceDetail.from_response(
        logged_in.get_attendance(meta.latest_header(), semester)
    ).subjects[0]
    component = subject.components[0]
    answer = logged_in.get_subject_daily_attendance(
        semester, subject.subject_id, subject.code, [component.component_id]
    )
    daily = DailyAttendance.from_response(answer)
    assert daily.total > 0
    payload = only_request(portal, endpoints.SUBJECT_DAILY_ATTENDANCE)
    assert payload["cmpidkey"] == [{"subjectcomponentid": component.component_id}]


def test_attendance_detail_counts_from_daily_lists(logged_in: Webportal) -> None:
    meta = logged_in.get_attendance_meta()
    detail = logged_in.get_attendance_detail(meta.latest_header(), meta.latest_semester())
    for subject in detail.subjects:
        assert 0 <= subject.attended <= subject.total
        assert subject.total == sum(part.total for part in subject.components)


def test_registrations(logged_in: Webportal, portal: FakePortal) -> None:
    semester = latest(logged_in.get_registered_semesters())
    registrations = logged_in.get_registered_subjects_and_faculties(semester)
    assert isinstance(registrations, Registrations)
    assert registrations.subjects
    assert registrations.total_credits
    payload = only_request(portal, endpoints.REGISTERED_SUBJECTS)
    assert payload["registrationid"] == semester.registration_id


def test_subject_choices(logged_in: Webportal) -> None:
    semester = latest(logged_in.get_registered_semesters())
    assert SubjectChoices.from_response(logged_in.get_subject_choices(semester)).raw


def test_choice_semesters(logged_in: Webportal) -> None:
    assert ChoiceSemesters.from_response(logged_in.get_choice_semesters()).raw


def test_exam_events_and_schedule(logged_in: Webportal, portal: FakePortal) -> None:
    semester = latest(logged_in.get_semesters_for_exam_events())
    events = logged_in.get_exam_events(semester)
    assert events
    assert all(isinstance(event, ExamEvent) for event in events)
    payload = only_request(portal, endpoints.EXAM_EVENTS)
    assert payload["registationid"] == semester.registration_id  # the portal's spelling
    schedule = ExamSchedule.from_response(logged_in.get_exam_schedule(events[0]))
    assert schedule.raw


def test_marks(logged_in: Webportal, tmp_path: Path) -> None:
    semester = latest(logged_in.get_semesters_for_marks())
    document = logged_in.download_marks(semester)
    assert document.startswith(b"%PDF-")
    assert document.rstrip().endswith(b"%%EOF")
    saved = logged_in.save_marks(semester, tmp_path / "marks.pdf")
    assert saved.read_bytes() == document
    assert ExamMarks.from_response(logged_in.get_marks(semester)).raw


def test_marks_of_unknown_semester_is_an_api_error(logged_in: Webportal) -> None:
    with pytest.raises(APIError):
        logged_in.download_marks(Semester(registration_code="NOPE", registration_id="NOPE"))


def test_marks_answer_that_is_not_a_pdf(logged_in: Webportal, portal: FakePortal) -> None:
    semester = latest(logged_in.get_semesters_for_marks())
    portal.inject(endpoints.MARKS_PDF.path, Fault.status(200, "plain text", "text/plain"))
    with pytest.raises(ProtocolError, match="not a PDF"):
        logged_in.download_marks(semester)


def test_grade_card_asks_for_ids_once(logged_in: Webportal, portal: FakePortal) -> None:
    semester = latest(logged_in.get_semesters_for_grade_card())
    first = GradeCard.from_response(logged_in.get_grade_card(semester))
    second = GradeCard.from_response(logged_in.get_grade_card(semester))
    assert first == second
    assert first.entries
    paths = [request.path for request in portal.requests]
    assert paths.count(endpoints.GRADE_CARD_STUDENT_INFO.path) == 1


def test_grade_card_ids_belong_to_their_session(logged_in: Webportal, portal: FakePortal) -> None:
    # Code of 0.1.0a9's era replaces the session by assignment, not through a login method.
    semester = latest(logged_in.get_semesters_for_grade_card())
    logged_in.get_grade_card(semester)
    assert logged_in.session is not None
    logged_in.session = WebportalSession.from_dict(logged_in.session.to_dict())
    logged_in.get_grade_card(semester)
    paths = [request.path for request in portal.requests]
    assert paths.count(endpoints.GRADE_CARD_STUDENT_INFO.path) == 2


def test_current_semester_and_sgpa(logged_in: Webportal) -> None:
    current = CurrentSemester.from_response(logged_in.get_current_semester())
    results = SemesterResults.from_response(logged_in.get_sgpa_cgpa(current.semester_number))
    assert results.semesters


def test_fines_when_nothing_is_due(logged_in: Webportal) -> None:
    with pytest.raises(NoDataFound) as caught:
        logged_in.get_fines_msc_charges()
    assert caught.value.errors == ("NO APPROVED REQUEST FOUND",)


def test_fee_summary(logged_in: Webportal) -> None:
    assert FeeSummary.from_response(logged_in.get_fee_summary()).raw


def test_mooc(logged_in: Webportal) -> None:
    semesters = MoocSemesters.from_response(logged_in.get_mooc_semesters())
    assert semesters.raw is not None
    semester = latest(logged_in.get_registered_semesters())
    assert MoocStatus.from_response(logged_in.get_mooc_status(semester)).raw


def test_feedback_forms(logged_in: Webportal, portal: FakePortal) -> None:
    events = FeedbackEvents.from_response(logged_in.get_feedback_events()).events
    assert events
    grid = FeedbackGrid.from_response(logged_in.get_feedback_grid(events[-1]))
    assert grid.subjects
    questions = FeedbackQuestions.from_response(
        logged_in.get_feedback_questions(events[-1], grid.subjects[0])
    )
    assert questions.questions
    portal.requests.clear()
    rated = logged_in.fill_feedback_form(Rating.GOOD)
    assert rated == list(grid.subjects)
    saved = [request for request in portal.requests if request.path == endpoints.FEEDBACK_SUBMIT.path]
    assert len(saved) == len(grid.subjects)
    for request in saved:
        assert {question["rating"] for question in request.payload["questionid"]} == {"GOOD"}


def test_feedback_is_never_retried(logged_in: Webportal, portal: FakePortal) -> None:
    portal.inject(endpoints.FEEDBACK_SUBMIT.path, Fault.unavailable())
    with pytest.raises(Exception, match="513"):
        logged_in.fill_feedback_form(Rating.EXCELLENT)
    saved = [request for request in portal.requests if request.path == endpoints.FEEDBACK_SUBMIT.path]
    assert len(saved) == 1


def test_daily_attendance_before_the_first_class_is_empty(logged_in: Webportal, portal: FakePortal) -> None:
    meta = logged_in.get_attendance_meta()
    semester = meta.latest_semester()
    subject = AttendanceDetail.from_response(
        logged_in.get_attendance(meta.latest_header(), semester)
    ).subjects[0]
    portal.inject(endpoints.SUBJECT_DAILY_ATTENDANCE.path, Fault.failure(errors=["NO Attendance Found"]))
    answer = logged_in.get_subject_daily_attendance(
        semester, subject.subject_id, subject.code, [subject.components[0].component_id]
    )
    assert DailyAttendance.from_response(answer).total == 0
