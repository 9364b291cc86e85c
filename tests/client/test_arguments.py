"""A call given something else where a model, text or a number belongs refuses it by name, before sending.

A model argument is checked for the fields the call reads, not for its class:
pyjiit 0.1.0a9's objects and an app's own keep working, as they did.  Text
(a user name, a password, a comment) must be a ``str``, and an empty user
name or password is refused too.  Sent, a ``None`` would be answered with an
HTTP 500, which reads as "the portal is unavailable, try again later".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import pytest

from pyjiit.exceptions import LoginError
from pyjiit.models import Rating
from pyjiit.testing import FakePortal
from tests.portal_clients import make_client

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from pyjiit import Webportal
    from pyjiit.models import (
        AttendanceHeader,
        ExamEvent,
        FeedbackEvent,
        FeedbackQuestion,
        FeedbackSubject,
        Semester,
        SubjectAttendance,
    )


@dataclass(frozen=True)
class Known:
    """Models of the demo student, for the arguments that are right."""

    semester: Semester
    header: AttendanceHeader
    subject: SubjectAttendance
    exam_event: ExamEvent
    event: FeedbackEvent
    teacher: FeedbackSubject
    questions: tuple[FeedbackQuestion, ...]
    tmp_path: Path


@pytest.fixture(scope="module")
def portal() -> Iterator[FakePortal]:
    """One portal for the module: its tests send nothing that changes it (most send nothing)."""
    with FakePortal(tls=True) as fake:
        yield fake


@pytest.fixture(scope="module")
def logged_in(portal: FakePortal) -> Iterator[Webportal]:
    """One logged-in client for the module."""
    with make_client(portal) as client:
        client.student_login(portal.username, portal.password)
        yield client


@pytest.fixture(autouse=True)
def _requests_of_this_test_only(portal: FakePortal) -> None:
    portal.requests.clear()


@pytest.fixture(scope="module")
def known(logged_in: Webportal, portal: FakePortal, tmp_path_factory: pytest.TempPathFactory) -> Known:
    meta = logged_in.attendance.meta()
    event = logged_in.feedback.events().latest
    assert event is not None
    teacher = logged_in.feedback.grid(event).subjects[0]
    found = Known(
        semester=meta.latest_semester(),
        header=meta.latest_header(),
        subject=logged_in.attendance.detail(daily=False).subjects[0],
        exam_event=logged_in.exams.events(logged_in.exams.semesters()[0]).events[0],
        event=event,
        teacher=teacher,
        questions=logged_in.feedback.questions(event, teacher).questions,
        tmp_path=tmp_path_factory.mktemp("marks"),
    )
    portal.requests.clear()
    return found


Call = Callable[[Any, Known, Any], object]

#: Each typed call with a model parameter: its name, the parameter, and the call with ``bad`` in its place.
CALLS: list[tuple[str, str, Call]] = [
    ("account.login", "captcha", lambda p, k, bad: p.account.login("user", "password", bad)),
    ("attendance.detail", "semester", lambda p, k, bad: p.attendance.detail(bad)),
    ("attendance.daily", "semester", lambda p, k, bad: p.attendance.daily(bad, k.subject)),
    ("attendance.daily", "subject", lambda p, k, bad: p.attendance.daily(k.semester, bad)),
    ("attendance.with_daily", "semester", lambda p, k, bad: p.attendance.with_daily(bad, k.subject)),
    ("attendance.with_daily", "subject", lambda p, k, bad: p.attendance.with_daily(k.semester, bad)),
    (
        "attendance.with_daily_all",
        "subjects[1]",
        lambda p, k, bad: p.attendance.with_daily_all(k.semester, [k.subject, bad]),
    ),
    ("registration.subjects", "semester", lambda p, k, bad: p.registration.subjects(bad)),
    ("registration.choices", "semester", lambda p, k, bad: p.registration.choices(bad)),
    ("exams.events", "semester", lambda p, k, bad: p.exams.events(bad)),
    ("exams.schedule", "event", lambda p, k, bad: p.exams.schedule(bad)),
    ("exams.marks", "semester", lambda p, k, bad: p.exams.marks(bad)),
    ("exams.marks_pdf", "semester", lambda p, k, bad: p.exams.marks_pdf(bad)),
    ("exams.save_marks_pdf", "semester", lambda p, k, bad: p.exams.save_marks_pdf(bad, k.tmp_path / "m.pdf")),
    ("grades.card", "semester", lambda p, k, bad: p.grades.card(bad)),
    ("mooc.status", "semester", lambda p, k, bad: p.mooc.status(bad)),
    ("feedback.grid", "event", lambda p, k, bad: p.feedback.grid(bad)),
    ("feedback.questions", "event", lambda p, k, bad: p.feedback.questions(bad, k.teacher)),
    ("feedback.questions", "subject", lambda p, k, bad: p.feedback.questions(k.event, bad)),
    (
        "feedback.submit",
        "subject",
        lambda p, k, bad: p.feedback.submit(k.event, bad, k.questions, Rating.GOOD),
    ),
    (
        "feedback.submit",
        "questions[0]",
        lambda p, k, bad: p.feedback.submit(k.event, k.teacher, [bad], Rating.GOOD),
    ),
    ("feedback.fill", "event", lambda p, k, bad: p.feedback.fill(Rating.GOOD, bad)),
    # pyjiit 0.1.0a9's methods send the same requests.
    ("get_attendance", "header", lambda p, k, bad: p.get_attendance(bad, k.semester)),
    ("get_grade_card", "semester", lambda p, k, bad: p.get_grade_card(bad)),
    ("get_exam_schedule", "event", lambda p, k, bad: p.get_exam_schedule(bad)),
]


#: Wrong arguments, with the type the message says was given.
WRONG: list[tuple[object, str]] = [("2026ODDSEM", "str"), (None, "None"), ({}, "dict")]
#: The calls for which None is the default: the current semester, the latest event.
NONE_IS_DEFAULT = {"attendance.detail", "feedback.fill"}


def type_error_before_sending(
    logged_in: Webportal, portal: FakePortal, known: Known, call: Call, bad: object
) -> str:
    """The message of the ``TypeError`` that ``call`` with ``bad`` raises, once sure nothing was sent."""
    with pytest.raises(TypeError) as caught:
        call(logged_in, known, bad)
    assert portal.requests == []
    return str(caught.value)


@pytest.mark.parametrize(
    ("case", "wrong"),
    [
        pytest.param(case, (bad, given), id=f"{case[0]}-{case[1]}-{given}")
        for case in CALLS
        for bad, given in WRONG
        if not (bad is None and case[0] in NONE_IS_DEFAULT)
    ],
)
def test_a_wrong_type_is_refused_by_name_before_sending(
    logged_in: Webportal,
    portal: FakePortal,
    known: Known,
    case: tuple[str, str, Call],
    wrong: tuple[object, str],
) -> None:
    method, parameter, call = case
    bad, given = wrong
    message = type_error_before_sending(logged_in, portal, known, call, bad)
    assert message.startswith(f"{parameter} must be a pyjiit "), method
    assert message.endswith(f", got {given}"), method


def test_objects_with_the_fields_a_call_reads_pass_and_others_do_not(
    logged_in: Webportal, portal: FakePortal, known: Known
) -> None:
    # An app's own semester (or 0.1.0a9's), and an exam event where a semester's id is all that is read.
    semester = SimpleNamespace(
        registration_id=known.semester.registration_id, registration_code=known.semester.registration_code
    )
    assert logged_in.attendance.detail(semester, daily=False).subjects  # type: ignore[arg-type]
    assert logged_in.exams.marks(known.exam_event).raw  # type: ignore[arg-type]
    assert logged_in.feedback.grid(SimpleNamespace(event_id=known.event.event_id)).subjects  # type: ignore[arg-type]
    portal.requests.clear()
    with pytest.raises(TypeError, match=r"^semester must be .*, got ExamEvent$"):
        logged_in.attendance.detail(known.exam_event)  # type: ignore[arg-type]  # it has no registration code
    assert portal.requests == []


#: Each text argument a call sends, by the name its errors use, with the call given ``bad`` in its place.
TEXT_CALLS: list[tuple[str, str, Call]] = [
    ("account.login", "username", lambda p, k, bad: p.account.login(bad, "password")),
    ("account.login", "password", lambda p, k, bad: p.account.login("user", bad)),
    ("account.google_login", "credential", lambda p, k, bad: p.account.google_login(bad)),
    (
        "account.change_password",
        "old_password",
        lambda p, k, bad: p.account.change_password(bad, "new-password"),
    ),
    (
        "account.change_password",
        "new_password",
        lambda p, k, bad: p.account.change_password("old-password", bad),
    ),
    # pyjiit 0.1.0a9's methods, by the names of their own arguments.
    ("student_login", "username", lambda p, k, bad: p.student_login(bad, "password")),
    ("student_login", "password", lambda p, k, bad: p.student_login("user", bad)),
    ("set_password", "old_pswd", lambda p, k, bad: p.set_password(bad, "new-password")),
    ("set_password", "new_pswd", lambda p, k, bad: p.set_password("old-password", bad)),
]
#: The comments of a feedback submission, which may also be None (no comment), or empty.
COMMENT_CALLS: list[tuple[str, str, Call]] = [
    (
        "feedback.submit",
        "faculty_comments",
        lambda p, k, bad: p.feedback.submit(
            k.event, k.teacher, k.questions, Rating.GOOD, faculty_comments=bad
        ),
    ),
    (
        "feedback.submit",
        "course_comments",
        lambda p, k, bad: p.feedback.submit(
            k.event, k.teacher, k.questions, Rating.GOOD, course_comments=bad
        ),
    ),
]
#: Wrong values for text, with the type the message says was given.  The bytes stand for a secret
#: given as bytes: the message must not repeat them.
WRONG_TEXT: list[tuple[object, str]] = [
    (None, "None"),
    (b"s3cret", "bytes"),
    (True, "bool"),
    (2.5, "float"),
    (["s3cret"], "list"),
]


@pytest.mark.parametrize(
    ("case", "wrong"),
    [
        pytest.param(case, (bad, given), id=f"{case[0]}-{case[1]}-{given}")
        for case in [*TEXT_CALLS, *COMMENT_CALLS]
        for bad, given in WRONG_TEXT
        if not (bad is None and case in COMMENT_CALLS)
    ]
    # An int is an enrollment number where the username goes (below), and wrong elsewhere.
    + [
        pytest.param(case, (12345, "int"), id=f"{case[0]}-{case[1]}-int")
        for case in TEXT_CALLS
        if case[1] != "username"
    ],
)
def test_text_of_another_type_is_refused_by_name_before_sending(
    logged_in: Webportal,
    portal: FakePortal,
    known: Known,
    case: tuple[str, str, Call],
    wrong: tuple[object, str],
) -> None:
    _, parameter, call = case
    bad, given = wrong
    message = type_error_before_sending(logged_in, portal, known, call, bad)
    assert message.startswith(f"{parameter} must be a str"), message
    assert message.endswith(f", got {given}"), message
    assert "s3cret" not in message


@pytest.mark.parametrize(
    "case", TEXT_CALLS, ids=[f"{method}-{parameter}" for method, parameter, _ in TEXT_CALLS]
)
def test_empty_text_is_refused_by_name_before_sending(
    logged_in: Webportal, portal: FakePortal, known: Known, case: tuple[str, str, Call]
) -> None:
    _, parameter, call = case
    with pytest.raises(ValueError, match=f"^{parameter} must not be empty$"):
        call(logged_in, known, "")
    assert portal.requests == []


def test_an_int_username_is_sent_as_it_is_as_in_0_1_0a9(logged_in: Webportal, portal: FakePortal) -> None:
    # A regression guard, not the fix: 0.1.0a9 sent an int enrollment number, and so does pyjiit.
    with pytest.raises(LoginError):  # the fake knows its student by the text of the number
        logged_in.student_login(12345, portal.password)  # type: ignore[arg-type]
    assert [request.payload["username"] for request in portal.requests] == [12345]


#: Each call that sends a semester number, with ``number`` in its place.
STYNUMBER_CALLS: dict[str, Callable[[Any, object], object]] = {
    "grades.results": lambda p, number: p.grades.results(number),
    "get_sgpa_cgpa": lambda p, number: p.get_sgpa_cgpa(number),
}


@pytest.mark.parametrize("bad", [None, True, False, -1, 5.0, "abc", "", "5 ", "-1", "\u0665"], ids=repr)
@pytest.mark.parametrize("method", STYNUMBER_CALLS)
def test_a_semester_number_that_is_not_one_is_refused_before_sending(
    logged_in: Webportal, portal: FakePortal, method: str, bad: object
) -> None:
    with pytest.raises(ValueError, match=r"^stynumber must be a whole number, 0 or more, got "):
        STYNUMBER_CALLS[method](logged_in, bad)
    assert portal.requests == []


@pytest.mark.parametrize("number", [0, 5, "5"], ids=repr)
@pytest.mark.parametrize("method", STYNUMBER_CALLS)
def test_a_semester_number_is_sent_as_it_is(
    logged_in: Webportal, portal: FakePortal, method: str, number: object
) -> None:
    # 0 is 0.1.0a9's default; "5" is the attendance header's form, which other clients send.
    STYNUMBER_CALLS[method](logged_in, number)
    assert [request.payload["stynumber"] for request in portal.requests] == [number]
