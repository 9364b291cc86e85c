"""Attendance: the metadata, each subject's attendance and the daily class list.

:class:`AttendanceHeader`, :class:`Semester` and :class:`AttendanceMeta` are
pyjiit 0.1.0a9's classes, with its names, fields, constructors and values.
What changed: an answer of the wrong shape raises
:class:`~pyjiit.exceptions.ResponseFormatError` naming the object and the
field, instead of a bare ``KeyError``.

The typed models (:class:`AttendanceDetail`, :class:`SubjectAttendance`,
:class:`ComponentAttendance`, :class:`DailyAttendance`, :class:`ClassEntry`)
are new.  Since January 2026 the portal's attendance answer carries only
percentages, so class counts come from the daily list, asked for once per
subject component and attached with :meth:`SubjectAttendance.with_daily`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pyjiit._parse import (
    JSONObject,
    clock_time,
    get_float,
    get_id,
    get_int,
    get_objects,
    get_str,
    get_text,
    optional,
    parse_datetime,
    require_object,
    strip_code_suffix,
)
from pyjiit.attendance_math import AttendanceCounts
from pyjiit.exceptions import NoDataFound
from pyjiit.registration import Component

if TYPE_CHECKING:
    import datetime as dt

__all__ = [
    "AttendanceDetail",
    "AttendanceHeader",
    "AttendanceMeta",
    "ClassEntry",
    "ComponentAttendance",
    "DailyAttendance",
    "NoEntriesFound",
    "Semester",
    "SubjectAttendance",
]


class NoEntriesFound(NoDataFound, IndexError):
    """An answer's list is empty, so it has no "latest" entry.

    It is a :class:`~pyjiit.exceptions.NoDataFound`, and also an
    :class:`IndexError`, which is what pyjiit 0.1.0a9 raised here, so old
    ``except IndexError`` clauses still catch it.
    """

    @property
    def no_data(self) -> bool:
        """Always true: this error means there is nothing to show."""
        return True


@dataclass
class AttendanceHeader:
    """The student's line in the attendance metadata.

    Attributes:
        branchdesc: The branch, e.g. ``"COMPUTER SCIENCE & ENGINEERING"``.
        name: The student's name.
        programdesc: The programme, e.g. ``"BACHELOR OF TECHNOLOGY"``.
        stynumber: The student's current semester number, as the string the
            portal sends (``"5"``); attendance requests send it back.
    """

    branchdesc: str
    name: str
    programdesc: str
    stynumber: str

    @staticmethod
    def from_json(resp: object) -> AttendanceHeader:
        """Build a header from one item of the attendance metadata's ``headerlist``.

        Raises:
            ResponseFormatError: A field is missing or not a string.
        """
        what = "attendance header"
        return AttendanceHeader(
            branchdesc=get_str(resp, "branchdesc", what),
            name=get_str(resp, "name", what),
            programdesc=get_str(resp, "programdesc", what),
            stynumber=get_str(resp, "stynumber", what),
        )


@dataclass
class Semester:
    """A semester the portal has records for.

    Attributes:
        registration_code: Its code, e.g. ``"2026ODDSEM"``.
        registration_id: The portal's id of it, sent in requests about it.
    """

    registration_code: str
    registration_id: str

    @staticmethod
    def from_json(resp: object) -> Semester:
        """Build a semester from an object with ``registrationcode`` and ``registrationid``.

        Raises:
            ResponseFormatError: A field is missing or not a string.
        """
        return Semester(
            registration_code=get_str(resp, "registrationcode", "semester"),
            registration_id=get_str(resp, "registrationid", "semester"),
        )


class AttendanceMeta:
    """The attendance metadata: the student's headers and semesters, newest first.

    Args:
        resp: The ``response`` of the attendance metadata request, with
            ``headerlist`` and ``semlist``.

    Attributes:
        raw_response: ``resp``, as it came.
        headers: The student's headers.
        semesters: The semesters with attendance, newest first.

    Raises:
        ResponseFormatError: ``resp`` is not of the expected shape.
    """

    def __init__(self, resp: object) -> None:
        data: JSONObject = require_object(resp, "attendance metadata")
        self.raw_response = resp
        self.headers = [
            AttendanceHeader.from_json(item)
            for item in get_objects(data, "headerlist", "attendance metadata")
        ]
        self.semesters = [
            Semester.from_json(item) for item in get_objects(data, "semlist", "attendance metadata")
        ]

    def latest_header(self) -> AttendanceHeader:
        """Return the newest header.

        Raises:
            NoEntriesFound: The portal sent no header.
        """
        if not self.headers:
            raise NoEntriesFound("the attendance metadata has no student header")
        return self.headers[0]

    def latest_semester(self) -> Semester:
        """Return the newest semester.

        Raises:
            NoEntriesFound: The portal lists no semester.
        """
        if not self.semesters:
            raise NoEntriesFound("the attendance metadata lists no semester")
        return self.semesters[0]


# "18/09/2026 (10:00:AM - 10:50 AM)": the portal puts a stray colon before the
# first AM/PM, and sometimes before the second one too.
_CLASS_TIME = re.compile(
    r"\s*(?P<date>\d{1,2}/\d{1,2}/\d{4})\s*"
    r"\(\s*(?P<start>\d{1,2}:\d{2})\s*:?\s*(?P<start_half>[AP]M)\s*-"
    r"\s*(?P<end>\d{1,2}:\d{2})\s*:?\s*(?P<end_half>[AP]M)\s*\)\s*",
    re.IGNORECASE,
)
_CLASS_DATE = re.compile(r"\s*(\d{1,2}/\d{1,2}/\d{4})")


def _class_times(text: str, what: str) -> tuple[dt.date, dt.datetime | None, dt.datetime | None]:
    """Read a class's day and, when readable, its start and end (in IST) from the portal's text."""
    example = "18/09/2026 (10:00:AM - 10:50 AM)"
    match = _CLASS_TIME.fullmatch(text)
    if match is None:
        # Without a readable time range the class still counts: keep its day.
        prefix = _CLASS_DATE.match(text)
        date_text = prefix[1] if prefix else text
        day = parse_datetime(date_text, "%d/%m/%Y", what=what, key="datetime", example=example).date()
        return day, None, None
    day = parse_datetime(match["date"], "%d/%m/%Y", what=what, key="datetime", example=example).date()
    start = clock_time(day, match["start"], match["start_half"])
    return day, start, clock_time(day, match["end"], match["end_half"])


@dataclass(frozen=True)
class ClassEntry:
    """One class in the daily attendance list.

    Attributes:
        date: The day of the class.
        start: When it started, in IST; ``None`` if the portal's text could not be read.
        end: When it ended, in IST; ``None`` if the portal's text could not be read.
        present: Whether the student was marked present.
        mark: The mark as the portal sent it, e.g. ``"Present"`` or ``"Absent"``.
        class_type: e.g. ``"Regular"``, or ``None``.
        attendance_status: e.g. ``"Current"``, or ``None``.
        taken_by: The portal's id of who took the attendance, or ``None``.
        time_text: The portal's text for the class time, e.g. ``"18/09/2026 (10:00:AM - 10:50 AM)"``.
        raw: The item as the portal sent it.
    """

    date: dt.date
    start: dt.datetime | None
    end: dt.datetime | None
    present: bool
    mark: str
    class_type: str | None
    attendance_status: str | None
    taken_by: str | None
    time_text: str
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> ClassEntry:
        """Build an entry from one item of the daily attendance answer's ``studentAttdsummarylist``.

        Raises:
            ResponseFormatError: A field is missing or unreadable.
        """
        what = "class entry"
        data = require_object(response, what)
        time_text = get_str(data, "datetime", what)
        date, start, end = _class_times(time_text, what)
        mark = get_text(data, "present", what)
        return cls(
            date=date,
            start=start,
            end=end,
            present=mark.casefold() == "present",
            mark=mark,
            class_type=optional(get_text, data, "classtype", what),
            attendance_status=optional(get_text, data, "attendancestatus", what),
            taken_by=optional(get_text, data, "attendanceby", what),
            time_text=time_text,
            raw=data,
        )


@dataclass(frozen=True)
class DailyAttendance(AttendanceCounts):
    """The daily attendance answer: every class of a subject (or of some of its components).

    Attributes:
        classes: The classes, as the portal lists them (newest first).
        raw: The answer's ``response`` as the portal sent it.
    """

    classes: tuple[ClassEntry, ...]
    raw: JSONObject = field(repr=False, compare=False)

    @property
    def attended(self) -> int:
        """The number of classes marked present."""
        return sum(entry.present for entry in self.classes)

    @property
    def total(self) -> int:
        """The number of classes held."""
        return len(self.classes)

    @classmethod
    def from_response(cls, response: object) -> DailyAttendance:
        """Build the list from the ``response`` of the daily attendance request.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        data = require_object(response, "daily attendance")
        rows = get_objects(data, "studentAttdsummarylist", "daily attendance")
        return cls(classes=tuple(ClassEntry.from_response(row) for row in rows), raw=data)


@dataclass(frozen=True)
class ComponentAttendance(AttendanceCounts):
    """The attendance of one component (lecture, tutorial or practical) of a subject.

    Counts come from :attr:`daily`, which is ``None`` until the daily list is
    attached with :meth:`SubjectAttendance.with_daily`; the counting
    properties raise :class:`ValueError` until then.

    Attributes:
        component: Which component this is.
        component_id: The portal's id of the component, which the daily attendance request needs.
        portal_percentage: The percentage the portal reports, which is sometimes wrong, or ``None``.
        daily: The component's classes, once attached.
    """

    component: Component
    component_id: str
    portal_percentage: float | None
    daily: DailyAttendance | None = None

    def _loaded(self) -> DailyAttendance:
        if self.daily is None:
            raise ValueError(
                f"the daily attendance of component {self.component.value} ({self.component_id}) is not "
                "loaded: fetch it and attach it with SubjectAttendance.with_daily()"
            )
        return self.daily

    @property
    def attended(self) -> int:
        """The number of classes attended.

        Raises:
            ValueError: The daily list is not attached.
        """
        return self._loaded().attended

    @property
    def total(self) -> int:
        """The number of classes held.

        Raises:
            ValueError: The daily list is not attached.
        """
        return self._loaded().total


#: The attendance answer's keys for each component: its id and the portal's percentage.
_COMPONENT_KEYS = {
    Component.LECTURE: ("Lsubjectcomponentid", "Lpercentage"),
    Component.TUTORIAL: ("Tsubjectcomponentid", "Tpercentage"),
    Component.PRACTICAL: ("Psubjectcomponentid", "Ppercentage"),
}


@dataclass(frozen=True)
class SubjectAttendance(AttendanceCounts):
    """One subject's attendance, made of its components.

    A subject's counts are the sums of its components' counts; see
    :class:`ComponentAttendance` for where they come from.

    Attributes:
        subject_id: The portal's id of the subject.
        code: The subject's code, e.g. ``"24B11CS313"`` (stray whitespace removed).
        name: The subject's name, e.g. ``"COMPUTER NETWORKS"``.
        title: The portal's title for it, ``"NAME(CODE)"``.
        portal_percentage: The overall percentage the portal reports (``LTpercantage``), or ``None``.
        components: The subject's components, in the order lecture, tutorial, practical.
        raw: The item as the portal sent it.
    """

    subject_id: str
    code: str
    name: str
    title: str
    portal_percentage: float | None
    components: tuple[ComponentAttendance, ...]
    raw: JSONObject = field(repr=False, compare=False)

    @property
    def attended(self) -> int:
        """The number of classes attended, over all components.

        Raises:
            ValueError: A component's daily list is not attached.
        """
        return sum(component.attended for component in self.components)

    @property
    def total(self) -> int:
        """The number of classes held, over all components.

        Raises:
            ValueError: A component's daily list is not attached.
        """
        return sum(component.total for component in self.components)

    def component(self, kind: Component | str) -> ComponentAttendance | None:
        """Return the component of that kind (``Component.LECTURE`` or ``"L"``), or ``None``."""
        return next((part for part in self.components if part.component == Component(kind)), None)

    def with_daily(self, kind: Component | str, daily: DailyAttendance) -> SubjectAttendance:
        """Return a copy of this subject with ``daily`` attached to its component ``kind``.

        Raises:
            ValueError: The subject has no such component.
        """
        wanted = Component(kind)
        if self.component(wanted) is None:
            raise ValueError(f"subject {self.code} has no {wanted.name.lower()} component")
        components = tuple(
            dataclasses.replace(part, daily=daily) if part.component == wanted else part
            for part in self.components
        )
        return dataclasses.replace(self, components=components)

    @classmethod
    def from_response(cls, response: object) -> SubjectAttendance:
        """Build a subject from one item of the attendance answer's ``studentattendancelist``.

        Raises:
            ResponseFormatError: A field is missing or of the wrong type.
        """
        what = "subject attendance"
        data = require_object(response, what)
        code = get_text(data, "individualsubjectcode", what)
        title = " ".join(get_str(data, "subjectcode", what).split())
        components = tuple(
            ComponentAttendance(
                component=kind,
                component_id=component_id,
                portal_percentage=optional(get_float, data, percentage_key, what),
            )
            for kind, (id_key, percentage_key) in _COMPONENT_KEYS.items()
            if (component_id := optional(get_id, data, id_key, what)) is not None
        )
        return cls(
            subject_id=get_id(data, "subjectid", what),
            code=code,
            name=strip_code_suffix(title, code),
            title=title,
            portal_percentage=optional(get_float, data, "LTpercantage", what),
            components=components,
            raw=data,
        )


@dataclass(frozen=True)
class AttendanceDetail:
    """A semester's attendance: one :class:`SubjectAttendance` per subject.

    Attributes:
        subjects: The subjects.
        current_semester: The student's current semester number (``currentSem``), or ``None``.
        raw: The answer's ``response`` as the portal sent it.
    """

    subjects: tuple[SubjectAttendance, ...]
    current_semester: int | None
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> AttendanceDetail:
        """Build the attendance from the ``response`` of the attendance detail request.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        what = "attendance detail"
        data = require_object(response, what)
        rows = get_objects(data, "studentattendancelist", what)
        return cls(
            subjects=tuple(SubjectAttendance.from_response(row) for row in rows),
            current_semester=optional(get_int, data, "currentSem", what),
            raw=data,
        )
