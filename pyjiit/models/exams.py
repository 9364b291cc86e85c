"""Exams: events, schedules and JSON marks.

:class:`ExamEvent` is pyjiit 0.1.0a9's class, with its fields and values;
the other models are new.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from pyjiit._parse import (
    JSONObject,
    clock_time,
    get_id,
    get_number,
    get_str,
    get_text,
    parse_datetime,
    require_object,
    require_objects,
    without_code,
)
from pyjiit.exceptions import ResponseFormatError
from pyjiit.models._table import CompatModel, Model, as_sent, derived, rows, wire

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from typing_extensions import Self

__all__ = ["ExamEvent", "ExamEvents", "ExamMarks", "ExamSchedule", "ExamScheduleEntry"]


class ExamEvent(CompatModel, what="exam event", frozen=False):
    """An exam event of a semester, such as a mid-term test.

    Attributes:
        exam_event_code: Its code, e.g. ``"TEST-1"``.
        event_from: When it starts, in milliseconds since the Unix epoch.
        exam_event_desc: Its description, e.g. ``"TEST-1 OF 2026 ODD SEM"``.
        registration_id: The id of its semester.
        exam_event_id: The portal's id of it, sent to ask for its schedule.
    """

    exam_event_code: str = wire("exameventcode", get_str)
    event_from: int | float = wire("eventfrom", get_number)
    exam_event_desc: str = wire("exameventdesc", get_str)
    registration_id: str = wire("registrationid", get_str)
    exam_event_id: str = wire("exameventid", get_str)


class ExamEvents(Model, what="exam events"):
    """A semester's exam events (``/studentcommonsontroller/getstudentexamevents``).

    It compares by its events but cannot be hashed (``hash()`` raises
    :class:`TypeError`): each event is an :class:`ExamEvent`, pyjiit 0.1.0a9's
    mutable class, which cannot be hashed either.

    Attributes:
        events: The events, in the portal's order; schedule requests take them.
        raw: The answer's ``response`` as the portal sent it.
    """

    events: tuple[ExamEvent, ...] = wire("eventcode.examevent", rows(ExamEvent))
    raw: JSONObject = as_sent()

    #: Unhashable: its events are mutable.
    __hash__: ClassVar[None] = None  # type: ignore[assignment]  # unhashable, as typeshed writes list

    @property
    def by_start(self) -> tuple[ExamEvent, ...]:
        """The events in the order they start."""
        return tuple(sorted(self.events, key=lambda event: event.event_from))


# "03:30 pm to 04:30 pm"
_EXAM_TIMES = re.compile(
    r"\s*(?P<start>\d{1,2}:\d{2})\s*(?P<start_half>[AP]M)\s*to\s*(?P<end>\d{1,2}:\d{2})\s*(?P<end_half>[AP]M)\s*",
    re.IGNORECASE,
)


def _exam_day(data: JSONObject, key: str, what: str) -> dt.date:
    text = get_str(data, key, what)
    return parse_datetime(text, "%d/%m/%Y", what=what, key=key, example="12/10/2026").date()


def _exam_time(side: str) -> Callable[[JSONObject, str, str], dt.datetime | None]:
    """A reader of a paper's ``side`` (start or end) in IST; ``None`` when the portal's text is unreadable."""

    def read(data: JSONObject, key: str, what: str) -> dt.datetime | None:
        times = _EXAM_TIMES.fullmatch(get_str(data, key, what))
        if times is None:
            return None
        return clock_time(_exam_day(data, "datetime", what), times[side], times[f"{side}_half"])

    return read


class ExamScheduleEntry(Model, what="exam schedule entry"):
    """One paper in an exam event's schedule.

    Attributes:
        date: The day of the paper.
        start: When it starts, in IST; ``None`` if the portal's text could not be read.
        end: When it ends, in IST; ``None`` if the portal's text could not be read.
        subject_id: The portal's id of the subject.
        subject_code: The subject's code.
        subject_name: The subject's name.
        room: The room code, or ``None`` until the portal assigns one (about a day before).
        seat: The seat number, or ``None`` until the portal assigns one.
        raw: The item as the portal sent it.
    """

    date: dt.date = wire("datetime", _exam_day)
    start: dt.datetime | None = wire("datetimeupto", _exam_time("start"), optional=True)
    end: dt.datetime | None = wire("datetimeupto", _exam_time("end"), optional=True)
    subject_id: str = wire("subjectid", get_id)
    subject_code: str = wire("subjectcode", get_text)
    subject_name: str = wire("subjectdesc", without_code("subjectcode"))
    room: str | None = wire("roomcode", get_text, optional=True)
    seat: str | None = wire("seatno", get_text, optional=True)
    raw: JSONObject = as_sent()


class ExamSchedule(Model, what="exam schedule"):
    """An exam event's schedule (``/studentsttattview/getstudent-examschedule``).

    Attributes:
        entries: The papers, in the portal's order.
        raw: The answer's ``response`` as the portal sent it.
    """

    entries: tuple[ExamScheduleEntry, ...] = wire("subjectinfo", rows(ExamScheduleEntry))
    raw: JSONObject = as_sent()


def _records(answer: object, what: str) -> tuple[JSONObject, ...]:
    """The records of the marks answer, one per subject, from a list or from an object holding one.

    No client records this answer's shape, so each form the portal's answers
    take is read (see :class:`ExamMarks`).

    Raises:
        ResponseFormatError: The answer is neither a list of objects nor an
            object, or it is an object holding several lists of objects (which
            of them holds the records is not known).
    """
    if isinstance(answer, list):
        return tuple(require_objects(answer, what))
    data = require_object(answer, what)
    lists = [
        key
        for key, value in data.items()
        if isinstance(value, list) and all(isinstance(item, dict) for item in value)
    ]
    if not lists:  # a single record
        return (data,)
    if len(lists) > 1:
        raise ResponseFormatError(
            f"{what}: expected a list of records or an object holding one, got an object with several lists ("
            + ", ".join(repr(key) for key in lists)
            + ")"
        )
    (key,) = lists
    return tuple(require_objects(data[key], f"{what} {key}"))


class ExamMarks(Model, what="exam marks"):
    """A semester's marks as JSON (``/studentsexamview/getstudent-exammarks``): one record per subject.

    No public client documents this answer: the one that asks for it (KT in
    the protocol reference, #23) keeps it as raw JSON and says only that it
    holds one record per subject, where the marks PDF has every exam.  So the
    records are kept as the portal sends them, and the answer is read in each
    form the portal's answers take: a list of records; an object holding the
    list under a key, beside any other values (``{"studentmarks": [...]}``,
    the fake portal's form); or, with no list of objects in it, a single
    record.

    It compares by its records but cannot be hashed (``hash()`` raises
    :class:`TypeError`): the records are the portal's JSON objects, mutable
    dicts.

    Attributes:
        records: The records, one per subject, each a JSON object as sent.
        raw: The answer's ``response`` as the portal sent it.
    """

    records: tuple[JSONObject, ...] = derived(_records)
    raw: object = as_sent()

    #: Unhashable: its records are dicts.
    __hash__: ClassVar[None] = None  # type: ignore[assignment]  # unhashable, as typeshed writes list

    @classmethod
    def _empty(cls) -> Self:
        """No records: the portal's "NO RECORD FOUND", as for every answer that is a list."""
        return cls.from_response([])
