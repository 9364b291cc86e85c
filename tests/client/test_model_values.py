"""What the typed calls' models are as values: equality, hashing, repr, empty answers, against FakePortal."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyjiit import Webportal


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
