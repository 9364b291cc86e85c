"""What the typed calls' models are as values: equality, hashing, repr, empty answers, against FakePortal."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from pyjiit.exceptions import NoDataFound

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
