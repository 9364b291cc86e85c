"""What the typed calls' models are as values: equality, hashing, repr, empty answers, against FakePortal."""

from __future__ import annotations

import copy
import dataclasses
import json
from typing import TYPE_CHECKING

import pytest

from pyjiit import endpoints
from pyjiit.exceptions import NoDataFound
from pyjiit.models import to_data
from pyjiit.testing import Fault

if TYPE_CHECKING:
    from pyjiit import Webportal
    from pyjiit.testing import FakePortal


def test_the_same_semester_from_two_lists_is_equal(logged_in: Webportal) -> None:
    registered = logged_in.registration.semesters()[0]
    exam_semesters = logged_in.exams.semesters()
    same = next(s for s in exam_semesters if s.registration_id == registered.registration_id)
    assert registered.description != same.description  # the lists differ in their details
    assert registered == same
    assert hash(registered) == hash(same)
    assert registered in exam_semesters
    assert len({registered, same}) == 1
    for listing in (logged_in.grades.semesters(), logged_in.exams.marks_semesters()):
        assert all((s == registered) == (s.registration_id == registered.registration_id) for s in listing)


def test_subjects_of_a_semester_with_nothing_registered_are_empty(logged_in: Webportal) -> None:
    future = logged_in.registration.choice_semesters()[0]
    assert future not in logged_in.registration.semesters()  # chosen for, not registered yet
    registered = logged_in.registration.subjects(future)
    assert (registered.components, registered.total_credits) == ((), 0)
    # as the other calls that return a list do for the same semester
    assert logged_in.grades.card(future).entries == ()
    assert logged_in.exams.events(future).events == ()
    with pytest.raises(NoDataFound):  # pyjiit 0.1.0a9's method raises, as 0.1.0a9 did
        logged_in.get_registered_subjects_and_faculties(future.to_semester())


def typed_results(portal: Webportal) -> list[object]:
    """The models of a read-only typed call of each group, from the demo student's newest semesters."""
    exam_semester = portal.exams.semesters()[0]
    events = portal.exams.events(exam_semester)
    marks_semester = portal.exams.marks_semesters()[0]
    grade_semester = portal.grades.semesters()[0]
    detail = portal.attendance.detail()
    feedback = portal.feedback.events()
    assert feedback.latest is not None
    grid = portal.feedback.grid(feedback.latest)
    return [
        portal.student.personal_info(),
        portal.student.bank_info(),
        portal.student.hostel(),
        portal.student.current_semester(),
        detail,
        *detail.subjects,
        portal.registration.semesters(),
        portal.registration.subjects(portal.registration.semesters()[0]),
        portal.registration.choices(portal.registration.choice_semesters()[0]),
        portal.registration.credits(),
        exam_semester,
        events,
        *events.events,
        portal.exams.schedule(events.events[0]),
        portal.exams.marks(marks_semester),
        grade_semester,
        portal.grades.card(grade_semester),
        portal.grades.results(),
        portal.grades.program(),
        portal.fees.summary(),
        portal.fees.charges(),
        portal.mooc.status(portal.mooc.semesters()[0]),
        feedback,
        grid,
        portal.feedback.questions(feedback.latest, grid.subjects[0]),
    ]


def test_models_hash_or_say_they_cannot(logged_in: Webportal) -> None:
    unhashable = set()
    for result in typed_results(logged_in):
        if type(result).__hash__ is None:  # explicitly unhashable, which type checkers also see
            unhashable.add(type(result).__name__)
            with pytest.raises(TypeError, match="unhashable"):
                hash(result)
        else:
            assert hash(result) == hash(copy.deepcopy(result)), type(result)
    # pyjiit 0.1.0a9's mutable ExamEvent, the events holding them, and the marks' JSON records
    assert unhashable == {"ExamEvent", "ExamEvents", "ExamMarks"}


@pytest.mark.parametrize("by_component", [False, True])
def test_attendance_repr_stays_short(logged_in: Webportal, *, by_component: bool) -> None:
    """A bot that logs a semester's attendance with %r logs a few lines, not every class of it."""
    detail = logged_in.attendance.detail(by_component=by_component)
    assert len(detail.subjects) == 5
    assert sum(subject.total for subject in detail.subjects) > 250  # every class is attached
    assert len(repr(detail)) < 5_000
    for subject in detail.subjects:
        assert len(repr(subject)) < 1_000
        assert f"=<{subject.total} ClassEntry>" in repr(subject) or by_component


def test_marks_are_one_record_per_subject(logged_in: Webportal, portal: FakePortal) -> None:
    semester = logged_in.exams.marks_semesters()[0]
    marks = logged_in.exams.marks(semester)
    codes = [record["subjectcode"] for record in marks.records]
    assert len(codes) > 1
    assert len(set(codes)) == len(codes)
    assert all("obtainedmarks" in record for record in marks.records)
    # The same records sent as a bare list read the same.
    portal.inject(endpoints.MARKS.path, Fault.wrong_response(list(marks.records)))
    assert logged_in.exams.marks(semester).records == marks.records


def test_every_model_becomes_plain_data_json_takes(logged_in: Webportal) -> None:
    for result in typed_results(logged_in):
        data = to_data(result)
        assert json.loads(json.dumps(data)) == data, type(result)
        if dataclasses.is_dataclass(result):
            assert "raw" not in data, type(result)
            assert "raw" in to_data(result, raw=True) or not hasattr(result, "raw"), type(result)


def test_plain_data_keeps_values_and_leaves_out_what_repr_hides(logged_in: Webportal) -> None:
    bank = logged_in.student.bank_info()
    assert bank.account_number
    assert "account_number" not in to_data(bank)
    assert to_data(bank, hidden=True)["account_number"] == bank.account_number
    assert bank.account_number not in json.dumps(to_data(logged_in.student.personal_info()))
    hostel = to_data(logged_in.student.hostel())
    assert hostel["allotted_on"].endswith("+05:30")  # the portal's IST, as an ISO 8601 string
    fees = logged_in.fees.summary()
    assert to_data(fees)["heads"][0]["fee_amount"] == float(fees.heads[0].fee_amount)
    # A long list left out of repr() is data all the same.
    subject = logged_in.attendance.detail().subjects[0]
    assert subject.daily is not None
    assert len(to_data(subject)["daily"]["classes"]) == len(subject.daily.classes) > 0
