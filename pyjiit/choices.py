"""Subject choices: the student's elective preferences and what was allotted."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pyjiit._parse import (
    JSONObject,
    get_flag,
    get_float,
    get_int,
    get_objects,
    get_str,
    get_text,
    optional,
    parse_datetime,
    require_object,
)
from pyjiit.utils import IST

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["SubjectChoice", "SubjectChoices"]


def _frozen_at(data: JSONObject, key: str, what: str) -> dt.datetime:
    # Seen with both "-" and "/" between the date's parts.
    example = "24-07-2026 12:29 PM"
    text = get_str(data, key, what).replace("/", "-")
    moment = parse_datetime(text, "%d-%m-%Y %I:%M %p", what=what, key=key, example=example)
    return moment.replace(tzinfo=IST)


@dataclass(frozen=True)
class SubjectChoice:
    """One line of the subject choice print: a subject and the student's preference for it.

    Attributes:
        subject_code: The subject's code.
        subject_name: The subject's name.
        subject_type: e.g. ``"Core"`` or ``"Departmental Electives"`` (``subjecttypedesc``).
        basket_code: The code of the basket the subject is chosen from, e.g. ``"DE-2"``.
        basket_name: The basket's name.
        credits: The subject's credits.
        preference: The student's preference, 1 being the first pick; 0 for a subject given without a pick.
        allotted: Whether the subject was allotted (the portal's ``running`` flag).
        audit: Whether it is an audit subject.
        elective_type: The portal's ``electivetype`` code as sent (seen as ``"Y"``/``"N"`` and as
            ``"E"``; no public capture says what each means), or ``None``.
        max_subjects: How many subjects the basket gives out, or ``None``.
        frozen_at: When the choices were frozen, in IST, or ``None``.
        raw: The item as the portal sent it.
    """

    subject_code: str
    subject_name: str
    subject_type: str | None
    basket_code: str | None
    basket_name: str | None
    credits: float
    preference: int
    allotted: bool
    audit: bool
    elective_type: str | None
    max_subjects: int | None
    frozen_at: dt.datetime | None
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> SubjectChoice:
        """Build a line from one item of the subject choices answer's ``subjectpreferencegrid``.

        Raises:
            ResponseFormatError: A field is missing or of the wrong type.
        """
        what = "subject choice"
        data = require_object(response, what)
        return cls(
            subject_code=get_text(data, "subjectcode", what),
            subject_name=get_text(data, "subjectdesc", what),
            subject_type=optional(get_text, data, "subjecttypedesc", what),
            basket_code=optional(get_text, data, "basketcode", what),
            basket_name=optional(get_text, data, "basketdesc", what),
            credits=get_float(data, "credits", what),
            preference=get_int(data, "preference", what),
            allotted=get_flag(data, "running", what),
            audit=optional(get_flag, data, "auditsubject", what) or False,
            elective_type=optional(get_text, data, "electivetype", what),
            max_subjects=optional(get_int, data, "maxsubject", what),
            frozen_at=optional(_frozen_at, data, "freezeddatetime", what),
            raw=data,
        )


@dataclass(frozen=True)
class SubjectChoices:
    """A semester's subject choices (``/studentchoiceprint/getsubjectpreference``).

    Attributes:
        total_credits: The total credits of the choices (the portal's ``total``), or ``None``.
        choices: One line per subject and preference.
        raw: The answer's ``response`` as the portal sent it.
    """

    total_credits: float | None
    choices: tuple[SubjectChoice, ...]
    raw: JSONObject = field(repr=False, compare=False)

    @property
    def allotted(self) -> tuple[SubjectChoice, ...]:
        """The subjects that were allotted."""
        return tuple(choice for choice in self.choices if choice.allotted)

    @classmethod
    def from_response(cls, response: object) -> SubjectChoices:
        """Build the choices from the ``response`` of the subject choices request.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        what = "subject choices"
        data = require_object(response, what)
        rows = get_objects(data, "subjectpreferencegrid", what)
        return cls(
            total_credits=optional(get_float, data, "total", what),
            choices=tuple(SubjectChoice.from_response(row) for row in rows),
            raw=data,
        )
