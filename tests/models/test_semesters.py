"""The semester lists of the various endpoints."""

from __future__ import annotations

import datetime as dt

from pyjiit.models import (
    ChoiceSemesters,
    CurrentSemester,
    ExamSemesters,
    GradeCardSemesters,
    MarksSemesters,
    MoocSemesters,
    Semester,
    SubjectSemesters,
)
from pyjiit.utils import IST
from tests.models import samples


def test_subject_semesters_convert_to_request_semesters() -> None:
    listing = SubjectSemesters.from_response(samples.SUBJECT_SEMESTERS)
    rows = samples.SUBJECT_SEMESTERS["registrations"]
    assert [record.to_semester() for record in listing.semesters] == [
        Semester(row["registrationcode"], row["registrationid"]) for row in rows
    ]
    assert listing.semesters[0].description is None
    assert listing.semesters[0].starts is None


def test_exam_semesters_read_the_nested_list() -> None:
    listing = ExamSemesters.from_response(samples.EXAM_SEMESTERS)
    assert [(s.registration_code, s.description) for s in listing.semesters] == [("2026ODDSEM", "2026ODDSEM")]


def test_marks_semesters_have_dates_in_ist() -> None:
    listing = MarksSemesters.from_response(samples.MARKS_SEMESTERS)
    first = listing.semesters[0]
    assert first.starts == dt.datetime(2026, 7, 1, 0, 0, tzinfo=IST)  # 1782844200000 ms
    assert first.ends is not None
    assert first.ends.tzinfo is IST
    assert listing.semesters[1].description == "EVEN SEMESTER 2025 (JAN - JUNE 2025) JIIT"


def test_grade_card_and_mooc_semesters() -> None:
    grade_card = GradeCardSemesters.from_response(samples.GRADE_CARD_SEMESTERS)
    assert grade_card.semesters[0].registration_id == "FAKE56068EADB65B"
    mooc = MoocSemesters.from_response(samples.MOOC_SEMESTERS)
    assert mooc.semesters[0].registration_code == "2026ODDSEM"
    assert mooc.raw is samples.MOOC_SEMESTERS


def test_choice_semesters() -> None:
    listing = ChoiceSemesters.from_response(samples.CHOICE_SEMESTERS)
    assert (listing.student_name, listing.registration_number) == ("TEST NAME", "E1")
    assert [s.registration_code for s in listing.semesters] == ["2026ODDSEM", "2026EVESEM"]
    assert listing.semesters[0].raw["preventfreezed"] == "Y"


def test_current_semester_is_a_number() -> None:
    assert CurrentSemester.from_response(samples.CURRENT_SEMESTER).semester_number == 5


def test_a_semester_from_two_lists_is_equal_and_hashes_alike() -> None:
    registered = SubjectSemesters.from_response(samples.SUBJECT_SEMESTERS)[0]
    marks = MarksSemesters.from_response(samples.MARKS_SEMESTERS)
    with_dates = marks[0]
    assert registered.registration_id == with_dates.registration_id
    assert (registered.description, registered.starts) == (None, None)
    assert with_dates.description is not None
    assert with_dates.starts is not None
    assert registered == with_dates
    assert hash(registered) == hash(with_dates)
    assert registered in marks
    assert len({registered, with_dates}) == 1
    assert registered != marks[1]  # another semester
