"""The demo student's seed data: consistent and deterministic."""

from __future__ import annotations

import pytest

from pyjiit.testing.data import DEMO, GRADE_POINTS, HOLIDAYS, academic_year, marks, meetings, semester_results


@pytest.mark.parametrize(
    ("code", "year"), [("2026ODDSEM", "2026-2027"), ("2026EVESEM", "2025-2026"), ("2024ODDSEM", "2024-2025")]
)
def test_academic_year(code: str, year: str) -> None:
    assert academic_year(code) == year


def test_semesters_newest_first_with_unique_ids() -> None:
    numbers = [s.stynumber for s in DEMO.semesters]
    assert numbers == sorted(numbers, reverse=True)
    assert DEMO.current is DEMO.semesters[0]
    ids = [x.subjectid for s in DEMO.semesters for x in s.subjects]
    assert len(ids) == len(set(ids))
    components = [c.componentid for s in DEMO.semesters for x in s.subjects for c in x.components]
    assert len(components) == len(set(components))


def test_semesters_without_attendance_have_no_classes() -> None:
    without = [s for s in DEMO.semesters if s.attendance_until is None]
    assert without
    for semester in without:
        subject = semester.subjects[0]
        assert meetings(semester, subject, subject.components[0]) == ()


def test_classes_fall_in_term_on_working_days() -> None:
    semester = DEMO.current
    assert semester.attendance_until is not None
    for subject in semester.subjects:
        for component in subject.components:
            classes = meetings(semester, subject, component)
            assert classes
            for meeting in classes:
                day = meeting.start.date()
                assert semester.start <= day <= semester.attendance_until
                assert day not in HOLIDAYS
                assert day.weekday() < 5


def test_marks_are_half_steps_within_full_marks() -> None:
    for semester in DEMO.semesters:
        for subject in semester.subjects:
            for event in semester.exam_events:
                obtained = marks(subject, event)
                if event.kind in subject.absent_in:
                    assert obtained is None
                else:
                    assert obtained is not None
                    assert 0 <= obtained <= event.full_marks
                    assert (obtained * 2).is_integer()


def test_results_only_for_graded_semesters() -> None:
    results = semester_results(DEMO)
    assert [r.semester.stynumber for r in results] == sorted(s.stynumber for s in DEMO.semesters if s.graded)
    assert all(s.grade in GRADE_POINTS for r in results for s in r.semester.subjects)
    assert not DEMO.current.graded
    assert 0 < results[-1].cgpa <= 10
