"""Attendance arithmetic at its edges: no classes, exactly at the goal, 0 % and 100 %."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pyjiit.attendance_math import attendance_percentage, classes_can_miss, classes_needed


def test_no_classes_has_no_percentage_and_nothing_to_do() -> None:
    assert attendance_percentage(0, 0) is None
    assert classes_needed(0, 0) == 0
    assert classes_can_miss(0, 0) == 0


def test_exactly_at_the_goal_needs_nothing_and_spares_nothing() -> None:
    assert attendance_percentage(3, 4) == 75.0
    assert classes_needed(3, 4, goal=75) == 0
    assert classes_can_miss(3, 4, goal=75) == 0
    # 2/3 is exactly 66.666...%: a Fraction goal meets it, floats never round it away.
    assert classes_needed(2, 3, goal=Fraction(200, 3)) == 0
    assert classes_can_miss(2, 3, goal=Fraction(200, 3)) == 0


def test_float_goal_is_read_as_written() -> None:
    # 749 of 1000 is exactly 74.9 %: the goal 74.9 is met, not missed by a binary rounding error.
    assert classes_needed(749, 1000, goal=74.9) == 0
    assert classes_can_miss(749, 1000, goal=74.9) == 0


def test_all_present() -> None:
    assert attendance_percentage(10, 10) == 100.0
    assert classes_needed(10, 10) == 0
    assert classes_can_miss(10, 10) == 3  # 10 of 13 is 76.9 %, 10 of 14 is 71.4 %


def test_all_absent() -> None:
    assert attendance_percentage(0, 10) == 0.0
    assert classes_needed(0, 10) == 30  # 30 of 40 is 75 %
    assert classes_can_miss(0, 10) == 0


def test_below_the_goal() -> None:
    assert classes_needed(5, 10) == 10  # 15 of 20
    assert classes_needed(5, 10, goal=60) == 3  # 8 of 13 is 61.5 %, 7 of 12 is 58.3 %


@pytest.mark.parametrize("goal", [0, 100, -5, 150, 0.0, 100.0, float("nan"), float("inf")])
def test_goal_outside_0_to_100_is_rejected(goal: float) -> None:
    with pytest.raises(ValueError, match="goal must be between 0 and 100"):
        classes_needed(1, 2, goal=goal)
    with pytest.raises(ValueError, match="goal must be between 0 and 100"):
        classes_can_miss(1, 2, goal=goal)


def test_goal_of_the_wrong_type_is_rejected() -> None:
    with pytest.raises(TypeError, match="goal must be a number"):
        classes_needed(1, 2, goal="75")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="goal must be a number"):
        classes_needed(1, 2, goal=True)


@pytest.mark.parametrize(
    ("attended", "total", "message"),
    [(-1, 2, "attended must not be negative"), (3, 2, r"attended \(3\) must not exceed total \(2\)")],
)
def test_impossible_counts_are_rejected(attended: int, total: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        attendance_percentage(attended, total)


counts = st.integers(min_value=0, max_value=500).flatmap(
    lambda total: st.tuples(st.integers(min_value=0, max_value=total), st.just(total))
)
goals = st.fractions(min_value=Fraction(1, 100), max_value=Fraction(9999, 100))


@given(counts, goals)
def test_needed_reaches_the_goal_and_no_fewer_would(pair: tuple[int, int], goal: Fraction) -> None:
    attended, total = pair
    needed = classes_needed(attended, total, goal)
    assert 100 * (attended + needed) >= goal * (total + needed)
    if needed:
        assert 100 * (attended + needed - 1) < goal * (total + needed - 1)


@given(counts, goals)
def test_can_miss_stays_at_the_goal_and_one_more_would_not(pair: tuple[int, int], goal: Fraction) -> None:
    attended, total = pair
    spare = classes_can_miss(attended, total, goal)
    if 100 * attended >= goal * total:
        assert 100 * attended >= goal * (total + spare)
        assert 100 * attended < goal * (total + spare + 1)
    else:
        assert spare == 0
