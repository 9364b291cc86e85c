"""Subject choices: the student's elective preferences and what was allotted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pyjiit._parse import JSONObject, get_flag, get_float, get_int, get_str, get_text, parse_datetime
from pyjiit.models._table import Model, as_sent, rows, wire
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


class SubjectChoice(Model, what="subject choice"):
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

    subject_code: str = wire("subjectcode", get_text)
    subject_name: str = wire("subjectdesc", get_text)
    subject_type: str | None = wire("subjecttypedesc", get_text, optional=True)
    basket_code: str | None = wire("basketcode", get_text, optional=True)
    basket_name: str | None = wire("basketdesc", get_text, optional=True)
    credits: float = wire("credits", get_float)
    preference: int = wire("preference", get_int)
    allotted: bool = wire("running", get_flag)
    audit: bool = wire("auditsubject", get_flag, optional=True, missing=False)
    elective_type: str | None = wire("electivetype", get_text, optional=True)
    max_subjects: int | None = wire("maxsubject", get_int, optional=True)
    frozen_at: dt.datetime | None = wire("freezeddatetime", _frozen_at, optional=True)
    raw: JSONObject = as_sent()


class SubjectChoices(Model, what="subject choices"):
    """A semester's subject choices (``/studentchoiceprint/getsubjectpreference``).

    Attributes:
        total_credits: The total credits of the choices (the portal's ``total``), or ``None``.
        choices: One line per subject and preference.
        raw: The answer's ``response`` as the portal sent it.
    """

    total_credits: float | None = wire("total", get_float, optional=True)
    choices: tuple[SubjectChoice, ...] = wire("subjectpreferencegrid", rows(SubjectChoice))
    raw: JSONObject = as_sent()

    @property
    def allotted(self) -> tuple[SubjectChoice, ...]:
        """The subjects that were allotted."""
        return tuple(choice for choice in self.choices if choice.allotted)
