"""Attendance: the metadata, each subject's attendance and the daily class list.

:class:`AttendanceHeader`, :class:`Semester` and :class:`AttendanceMeta` are
pyjiit 0.1.0a9's classes, with its names, fields, constructors and values;
an answer of the wrong shape raises
:class:`~pyjiit.exceptions.ResponseFormatError` naming the object and the
field, instead of a bare ``KeyError``.

Since January 2026 the portal's attendance answer carries only percentages,
so class counts come from the daily lists of classes:
:meth:`pyjiit.calls.attendance.AttendanceCalls.detail` asks for one list per
subject (all its components at once) and attaches it; with
``by_component=True`` it asks for one per component instead, which also
tells each class's component.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import TYPE_CHECKING

from pyjiit._checks import member
from pyjiit._parse import (
    JSONObject,
    clock_time,
    get_float,
    get_id,
    get_int,
    get_str,
    get_text,
    get_words,
    optional,
    parse_datetime,
    require_object,
    without_code,
)
from pyjiit.attendance_math import AttendanceCounts
from pyjiit.exceptions import NoDataFound, PyjiitError
from pyjiit.models._table import CompatModel, Model, as_sent, derived, rows, wire
from pyjiit.models.registration import Component

if TYPE_CHECKING:
    import datetime as dt

    from pyjiit.models.semesters import SemesterRecord

__all__ = [
    "AttendanceDetail",
    "AttendanceHeader",
    "AttendanceMeta",
    "AttendanceNotLoaded",
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


class AttendanceNotLoaded(PyjiitError, ValueError):
    """Class counts were asked of attendance built without its daily lists.

    :meth:`~pyjiit.calls.attendance.AttendanceCalls.detail` attaches them;
    attendance built with ``from_response`` (or ``daily=False``) has only the
    portal's percentages.  It is also a :class:`ValueError`, as before.
    """


class AttendanceHeader(CompatModel, what="attendance header", frozen=False):
    """The student's line in the attendance metadata.

    Attributes:
        branchdesc: The branch, e.g. ``"COMPUTER SCIENCE & ENGINEERING"``.
        name: The student's name.
        programdesc: The programme, e.g. ``"BACHELOR OF TECHNOLOGY"``.
        stynumber: The student's current semester number, as the string the
            portal sends (``"5"``); attendance requests send it back.
    """

    branchdesc: str = wire("branchdesc", get_str)
    name: str = wire("name", get_str)
    programdesc: str = wire("programdesc", get_str)
    stynumber: str = wire("stynumber", get_str)


class Semester(CompatModel, what="semester", frozen=False):
    """A semester the portal has records for.

    Attributes:
        registration_code: Its code, e.g. ``"2026ODDSEM"``.
        registration_id: The portal's id of it, sent in requests about it.
    """

    registration_code: str = wire("registrationcode", get_str)
    registration_id: str = wire("registrationid", get_str)


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
        self.headers = list(rows(AttendanceHeader)(data, "headerlist", "attendance metadata"))
        self.semesters = list(rows(Semester)(data, "semlist", "attendance metadata"))

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


@functools.lru_cache(maxsize=1024)
def _class_times(text: str, what: str, key: str) -> tuple[dt.date, dt.datetime | None, dt.datetime | None]:
    """A class's day and, when readable, its start and end in IST, from the portal's text for its time.

    Cached: three fields read the same text, and a semester repeats its timetable.
    """
    match = _CLASS_TIME.fullmatch(text)
    prefix = match or _CLASS_DATE.match(text)
    example = "18/09/2026 (10:00:AM - 10:50 AM)"
    # Without a readable time range the class still counts, on its day.
    day = parse_datetime(
        prefix[1] if prefix else text, "%d/%m/%Y", what=what, key=key, example=example
    ).date()
    if match is None:
        return day, None, None
    return (
        day,
        clock_time(day, match["start"], match["start_half"]),
        clock_time(day, match["end"], match["end_half"]),
    )


def _class_day(data: JSONObject, key: str, what: str) -> dt.date:
    return _class_times(get_str(data, key, what), what, key)[0]


def _class_start(data: JSONObject, key: str, what: str) -> dt.datetime | None:
    return _class_times(get_str(data, key, what), what, key)[1]


def _class_end(data: JSONObject, key: str, what: str) -> dt.datetime | None:
    return _class_times(get_str(data, key, what), what, key)[2]


def _is_present(data: JSONObject, key: str, what: str) -> bool:
    return get_text(data, key, what).casefold() == "present"


class ClassEntry(Model, what="class entry"):
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

    date: dt.date = wire("datetime", _class_day)
    start: dt.datetime | None = wire("datetime", _class_start)
    end: dt.datetime | None = wire("datetime", _class_end)
    present: bool = wire("present", _is_present)
    mark: str = wire("present", get_text)
    class_type: str | None = wire("classtype", get_text, optional=True)
    attendance_status: str | None = wire("attendancestatus", get_text, optional=True)
    taken_by: str | None = wire("attendanceby", get_text, optional=True)
    time_text: str = wire("datetime", get_str)
    raw: JSONObject = as_sent()


class DailyAttendance(AttendanceCounts, Model, what="daily attendance"):
    """The daily attendance answer: every class of a subject (or of some of its components).

    Attributes:
        classes: The classes, as the portal lists them (newest first).
        raw: The answer's ``response`` as the portal sent it.
    """

    classes: tuple[ClassEntry, ...] = wire("studentAttdsummarylist", rows(ClassEntry), repr=False)
    raw: JSONObject = as_sent()

    @property
    def attended(self) -> int:
        """The number of classes marked present."""
        return sum(entry.present for entry in self.classes)

    @property
    def total(self) -> int:
        """The number of classes held."""
        return len(self.classes)


@dataclasses.dataclass(frozen=True)
class ComponentAttendance(AttendanceCounts):
    """The attendance of one component (lecture, tutorial or practical) of a subject.

    Counts come from :attr:`daily`, the component's classes, which
    :meth:`~pyjiit.calls.attendance.AttendanceCalls.detail` attaches.

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
            raise AttendanceNotLoaded(
                f"the daily attendance of component {self.component.value} ({self.component_id}) is not "
                "loaded: read attendance with portal.attendance.detail(by_component=True), which attaches "
                "each component's classes (plain detail() attaches one list per subject)"
            )
        return self.daily

    @property
    def attended(self) -> int:
        """The number of classes attended.

        Raises:
            AttendanceNotLoaded: The daily list is not attached.
        """
        return self._loaded().attended

    @property
    def total(self) -> int:
        """The number of classes held.

        Raises:
            AttendanceNotLoaded: The daily list is not attached.
        """
        return self._loaded().total


#: The attendance answer's keys for each component: its id and the portal's percentage.
_COMPONENT_KEYS = {
    Component.LECTURE: ("Lsubjectcomponentid", "Lpercentage"),
    Component.TUTORIAL: ("Tsubjectcomponentid", "Tpercentage"),
    Component.PRACTICAL: ("Psubjectcomponentid", "Ppercentage"),
}


def _components(data: object, what: str) -> tuple[ComponentAttendance, ...]:
    """The components a subject has: those with an id, in the order lecture, tutorial, practical."""
    return tuple(
        ComponentAttendance(kind, component_id, optional(get_float, data, percentage_key, what))
        for kind, (id_key, percentage_key) in _COMPONENT_KEYS.items()
        if (component_id := optional(get_id, data, id_key, what)) is not None
    )


class SubjectAttendance(AttendanceCounts, Model, what="subject attendance"):
    """One subject's attendance, made of its components.

    A subject's counts come from its classes: from :attr:`daily`, the list of
    all of them that :meth:`~pyjiit.calls.attendance.AttendanceCalls.detail`
    attaches, or, where every component has its own list attached
    (``by_component=True``), from the sums of its components' counts.

    Attributes:
        subject_id: The portal's id of the subject.
        code: The subject's code, e.g. ``"24B11CS313"`` (stray whitespace removed).
        name: The subject's name, e.g. ``"COMPUTER NETWORKS"``.
        title: The portal's title for it, ``"NAME(CODE)"``.
        portal_percentage: The overall percentage the portal reports (``LTpercantage``), or ``None``.
        components: The subject's components, in the order lecture, tutorial, practical.
        raw: The item as the portal sent it.
        daily: Every class of the subject, over all its components, in one
            list, once attached; ``None`` before.
    """

    subject_id: str = wire("subjectid", get_id)
    code: str = wire("individualsubjectcode", get_text)
    name: str = wire("subjectcode", without_code("individualsubjectcode"))
    title: str = wire("subjectcode", get_words)
    portal_percentage: float | None = wire("LTpercantage", get_float, optional=True)
    components: tuple[ComponentAttendance, ...] = derived(_components)
    raw: JSONObject = as_sent()
    daily: DailyAttendance | None = None

    def _whole(self) -> DailyAttendance | None:
        """The subject's one list of classes, when its components' own lists are not all attached."""
        if self.daily is not None and any(part.daily is None for part in self.components):
            return self.daily
        return None

    def _lists(self) -> tuple[AttendanceCounts, ...]:
        """What the counts add up: the subject's one list, or else each component.

        A component's counts raise :class:`AttendanceNotLoaded` without its own list.
        """
        whole = self._whole()
        return (whole,) if whole is not None else self.components

    @property
    def attended(self) -> int:
        """The number of classes attended, over all components.

        Raises:
            AttendanceNotLoaded: No list of the subject's classes is attached.
        """
        return sum(counts.attended for counts in self._lists())

    @property
    def total(self) -> int:
        """The number of classes held, over all components.

        Raises:
            AttendanceNotLoaded: No list of the subject's classes is attached.
        """
        return sum(counts.total for counts in self._lists())

    @property
    def classes(self) -> tuple[tuple[Component | None, ClassEntry], ...]:
        """Every class of the subject with its component, oldest first.

        The component is ``None`` for classes read in one list for the whole
        subject (:attr:`daily`), which does not say; ``by_component=True``
        attaches each component's own list.

        Raises:
            AttendanceNotLoaded: No list of the subject's classes is attached.
        """
        whole = self._whole()
        found: list[tuple[Component | None, ClassEntry]] = (
            [(None, entry) for entry in whole.classes]
            if whole is not None
            else [(part.component, entry) for part in self.components for entry in part._loaded().classes]
        )
        return tuple(sorted(found, key=lambda item: (item[1].date, item[1].start is not None, item[1].start)))

    def component(self, kind: Component | str) -> ComponentAttendance | None:
        """Return the component of that kind (``Component.LECTURE`` or ``"L"``), or ``None``."""
        wanted = member("kind", kind, Component)
        return next((part for part in self.components if part.component == wanted), None)

    def with_classes(self, daily: DailyAttendance) -> SubjectAttendance:
        """Return a copy of this subject with ``daily``, all its classes in one list, attached."""
        return dataclasses.replace(self, daily=daily)

    def with_daily(self, kind: Component | str, daily: DailyAttendance) -> SubjectAttendance:
        """Return a copy of this subject with ``daily`` attached to its component ``kind``.

        Raises:
            ValueError: The subject has no such component.
        """
        wanted = member("kind", kind, Component)
        if self.component(wanted) is None:
            raise ValueError(f"subject {self.code} has no {wanted.name.lower()} component")
        components = tuple(
            dataclasses.replace(part, daily=daily) if part.component == wanted else part
            for part in self.components
        )
        return dataclasses.replace(self, components=components)


class AttendanceDetail(Model, what="attendance detail"):
    """A semester's attendance: one :class:`SubjectAttendance` per subject.

    Attributes:
        subjects: The subjects.
        current_semester: The student's current semester number (``currentSem``), or ``None``.
        raw: The answer's ``response`` as the portal sent it.
        semester: The semester this is the attendance of, when the client
            that asked knows it; ``None`` when built with ``from_response``.
    """

    subjects: tuple[SubjectAttendance, ...] = wire("studentattendancelist", rows(SubjectAttendance))
    current_semester: int | None = wire("currentSem", get_int, optional=True)
    raw: JSONObject = as_sent()
    semester: Semester | SemesterRecord | None = dataclasses.field(default=None, compare=False)
