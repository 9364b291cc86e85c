"""Attendance arithmetic: percentages and how many classes to attend or may miss for a goal.

The portal stopped sending class counts in January 2026, so these work from
counts taken from the daily attendance list: ``attended`` classes (marked
"Present") out of ``total`` classes held.

All comparisons use exact rational arithmetic (:class:`fractions.Fraction`),
so being exactly at the goal counts as meeting it: 3 of 4 classes is 75 %,
which meets a 75 % goal with nothing needed and nothing to spare.  A float
goal is read as the decimal it was written as (``74.9`` means 749/10).
"""

from __future__ import annotations

import math
from fractions import Fraction

__all__ = [
    "DEFAULT_GOAL",
    "AttendanceCounts",
    "attendance_percentage",
    "classes_can_miss",
    "classes_needed",
]

#: The attendance goal, in percent, when none is given: JIIT's usual minimum.
DEFAULT_GOAL = 75


def _check_counts(attended: int, total: int) -> None:
    for name, value in (("attended", attended), ("total", total)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an int, got {type(value).__name__}")
        if value < 0:
            raise ValueError(f"{name} must not be negative, got {value}")
    if attended > total:
        raise ValueError(f"attended ({attended}) must not exceed total ({total})")


def _goal_fraction(goal: float | Fraction) -> Fraction:
    """Return ``goal`` as an exact fraction, checking that 0 < goal < 100."""
    if isinstance(goal, bool) or not isinstance(goal, (int, float, Fraction)):
        raise TypeError(f"goal must be a number of percent, got {type(goal).__name__}")
    if isinstance(goal, float):
        if not math.isfinite(goal):
            raise ValueError(f"goal must be between 0 and 100 percent (exclusive), got {goal}")
        # repr() gives the shortest decimal that reads back as this float: what the caller wrote.
        exact = Fraction(repr(goal))
    else:
        exact = Fraction(goal)
    if not 0 < exact < 100:  # noqa: PLR2004 - percent bounds
        raise ValueError(f"goal must be between 0 and 100 percent (exclusive), got {goal}")
    return exact


def attendance_percentage(attended: int, total: int) -> float | None:
    """Return ``attended`` as a percentage of ``total``, or ``None`` when no class was held.

    No classes is neither 0 % nor 100 %, so it is ``None``; callers decide how
    to show it.

    Raises:
        ValueError: A count is negative, or ``attended`` exceeds ``total``.
    """
    _check_counts(attended, total)
    if total == 0:
        return None
    return 100 * attended / total


def classes_needed(attended: int, total: int, goal: float | Fraction = DEFAULT_GOAL) -> int:
    """Return how many more classes must be attended, in a row, to reach ``goal`` percent.

    This is ``ceil((goal * total - 100 * attended) / (100 - goal))``, and 0 when
    the goal is already met (or no class was held yet).

    Raises:
        ValueError: ``goal`` is not strictly between 0 and 100, a count is
            negative, or ``attended`` exceeds ``total``.
    """
    _check_counts(attended, total)
    exact_goal = _goal_fraction(goal)
    return max(0, math.ceil((exact_goal * total - 100 * attended) / (100 - exact_goal)))


def classes_can_miss(attended: int, total: int, goal: float | Fraction = DEFAULT_GOAL) -> int:
    """Return how many of the next classes can be missed while staying at or above ``goal`` percent.

    This is ``floor((100 * attended - goal * total) / goal)``, and 0 when the
    attendance is below the goal (or no class was held yet).

    Raises:
        ValueError: ``goal`` is not strictly between 0 and 100, a count is
            negative, or ``attended`` exceeds ``total``.
    """
    _check_counts(attended, total)
    exact_goal = _goal_fraction(goal)
    return max(0, math.floor((100 * attended - exact_goal * total) / exact_goal))


class AttendanceCounts:
    """Percentages and goal arithmetic for anything that knows its ``attended`` and ``total`` classes.

    Subclasses provide the two counts; this adds :attr:`percentage`,
    :meth:`classes_needed` and :meth:`classes_can_miss` on top of them.
    """

    @property
    def attended(self) -> int:
        """The number of classes attended."""
        raise NotImplementedError

    @property
    def total(self) -> int:
        """The number of classes held."""
        raise NotImplementedError

    @property
    def percentage(self) -> float | None:
        """The attendance in percent, or ``None`` when no class was held."""
        return attendance_percentage(self.attended, self.total)

    def classes_needed(self, goal: float | Fraction = DEFAULT_GOAL) -> int:
        """Return how many classes in a row must be attended to reach ``goal`` percent (0 if met)."""
        return classes_needed(self.attended, self.total, goal)

    def classes_can_miss(self, goal: float | Fraction = DEFAULT_GOAL) -> int:
        """Return how many classes can be missed while staying at or above ``goal`` percent."""
        return classes_can_miss(self.attended, self.total, goal)
