"""Exams: events, schedules and JSON marks.

:class:`ExamEvent` is pyjiit 0.1.0a9's class, with its fields and values;
the other models are new.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pyjiit._parse import (
    JSONObject,
    clock_time,
    get_id,
    get_number,
    get_object,
    get_objects,
    get_str,
    get_text,
    optional,
    parse_datetime,
    require_object,
    require_objects,
    strip_code_suffix,
)

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["ExamEvent", "ExamEvents", "ExamMarks", "ExamSchedule", "ExamScheduleEntry"]


@dataclass
class ExamEvent:
    """An exam event of a semester, such as a mid-term test.

    Attributes:
        exam_event_code: Its code, e.g. ``"TEST-1"``.
        event_from: When it starts, in milliseconds since the Unix epoch.
        exam_event_desc: Its description, e.g. ``"TEST-1 OF 2026 ODD SEM"``.
        registration_id: The id of its semester.
        exam_event_id: The portal's id of it, sent to ask for its schedule.
    """

    exam_event_code: str
    event_from: int | float
    exam_event_desc: str
    registration_id: str
    exam_event_id: str

    @staticmethod
    def from_json(resp: object) -> ExamEvent:
        """Build an event from one item of the exam events answer's ``eventcode.examevent``.

        Raises:
            ResponseFormatError: A field is missing or of the wrong type.
        """
        what = "exam event"
        return ExamEvent(
            exam_event_code=get_str(resp, "exameventcode", what),
            event_from=get_number(resp, "eventfrom", what),
            exam_event_desc=get_str(resp, "exameventdesc", what),
            registration_id=get_str(resp, "registrationid", what),
            exam_event_id=get_str(resp, "exameventid", what),
        )


@dataclass(frozen=True)
class ExamEvents:
    """A semester's exam events (``/studentcommonsontroller/getstudentexamevents``).

    Attributes:
        events: The events, as the :class:`ExamEvent` objects schedule requests take.
        raw: The answer's ``response`` as the portal sent it.
    """

    events: tuple[ExamEvent, ...]
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> ExamEvents:
        """Build the events from the ``response`` of the exam events request.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        what = "exam events"
        data = require_object(response, what)
        rows = get_objects(get_object(data, "eventcode", what), "examevent", what)
        return cls(events=tuple(ExamEvent.from_json(row) for row in rows), raw=data)


# "03:30 pm to 04:30 pm"
_EXAM_TIMES = re.compile(
    r"\s*(?P<start>\d{1,2}:\d{2})\s*(?P<start_half>[AP]M)\s*to\s*(?P<end>\d{1,2}:\d{2})\s*(?P<end_half>[AP]M)\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ExamScheduleEntry:
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

    date: dt.date
    start: dt.datetime | None
    end: dt.datetime | None
    subject_id: str
    subject_code: str
    subject_name: str
    room: str | None
    seat: str | None
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> ExamScheduleEntry:
        """Build an entry from one item of the exam schedule answer's ``subjectinfo``.

        Raises:
            ResponseFormatError: A field is missing or of the wrong type.
        """
        what = "exam schedule entry"
        data = require_object(response, what)
        day = parse_datetime(
            get_str(data, "datetime", what), "%d/%m/%Y", what=what, key="datetime", example="12/10/2026"
        ).date()
        times = _EXAM_TIMES.fullmatch(optional(get_str, data, "datetimeupto", what) or "")
        code = get_text(data, "subjectcode", what)
        return cls(
            date=day,
            start=clock_time(day, times["start"], times["start_half"]) if times else None,
            end=clock_time(day, times["end"], times["end_half"]) if times else None,
            subject_id=get_id(data, "subjectid", what),
            subject_code=code,
            subject_name=strip_code_suffix(get_str(data, "subjectdesc", what), code),
            room=optional(get_text, data, "roomcode", what),
            seat=optional(get_text, data, "seatno", what),
            raw=data,
        )


@dataclass(frozen=True)
class ExamSchedule:
    """An exam event's schedule (``/studentsttattview/getstudent-examschedule``).

    Attributes:
        entries: The papers, in the portal's order.
        raw: The answer's ``response`` as the portal sent it.
    """

    entries: tuple[ExamScheduleEntry, ...]
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> ExamSchedule:
        """Build the schedule from the ``response`` of the exam schedule request.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        data = require_object(response, "exam schedule")
        rows = get_objects(data, "subjectinfo", "exam schedule")
        return cls(entries=tuple(ExamScheduleEntry.from_response(row) for row in rows), raw=data)


@dataclass(frozen=True)
class ExamMarks:
    """A semester's marks as JSON (``/studentsexamview/getstudent-exammarks``).

    No public client documents this answer's fields, and it holds only one
    record per subject (the marks PDF is the complete source), so the records
    are kept as the portal sends them.  The answer may be a list of records
    or a single record object.

    Attributes:
        records: The records, each a JSON object.
        raw: The answer's ``response`` as the portal sent it.
    """

    records: tuple[JSONObject, ...]
    raw: object = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> ExamMarks:
        """Build the marks from the ``response`` of the JSON marks request.

        Raises:
            ResponseFormatError: The answer is neither an object nor a list of objects.
        """
        if isinstance(response, list):
            return cls(records=tuple(require_objects(response, "exam marks")), raw=response)
        return cls(records=(require_object(response, "exam marks"),), raw=response)
