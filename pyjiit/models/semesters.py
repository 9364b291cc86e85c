"""The portal's lists of semesters, one model per answer that carries one.

The portal calls a semester a *registration* (``registrationid``,
``registrationcode`` such as ``"2026ODDSEM"``).  Several endpoints list them,
each under its own key and with a few extra fields; all of them give
:class:`SemesterRecord` items, which every call about a semester takes.  A
list is a sequence of them: ``portal.grades.semesters()[0]``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, overload

from pyjiit._parse import JSONObject, get_epoch_ms, get_id, get_text
from pyjiit.models._table import Model, as_sent, derived, each, rows, wire
from pyjiit.models.attendance import Semester

if TYPE_CHECKING:
    import datetime as dt

__all__ = [
    "ChoiceSemesters",
    "ExamSemesters",
    "GradeCardSemesters",
    "MarksSemesters",
    "MoocSemesters",
    "SemesterList",
    "SemesterRecord",
    "SubjectSemesters",
]


class SemesterRecord(Model, what="semester"):
    """A semester, as the portal's semester lists give it.

    Two records of the same semester are equal, and hash alike, whichever
    lists they come from: only :attr:`registration_id` and
    :attr:`registration_code` count.  :attr:`description`, :attr:`starts` and
    :attr:`ends` differ from list to list (one list has a description, another
    has none or another one), so they do not; a semester from
    ``portal.registration.semesters()`` is found ``in
    portal.exams.semesters()``.

    Attributes:
        registration_id: The portal's id of the semester.
        registration_code: Its code, e.g. ``"2026ODDSEM"``.
        description: Its description (``registrationdesc``) where the list has one, else ``None``.
        starts: When it starts, in IST, where the list says (``registrationdatefrom``), else ``None``.
        ends: When it ends, in IST, where the list says (``registrationdateto``), else ``None``.
        raw: The item as the portal sent it.
    """

    registration_id: str = wire("registrationid", get_id)
    registration_code: str = wire("registrationcode", get_text)
    description: str | None = wire("registrationdesc", get_text, optional=True, compare=False)
    starts: dt.datetime | None = wire("registrationdatefrom", get_epoch_ms, optional=True, compare=False)
    ends: dt.datetime | None = wire("registrationdateto", get_epoch_ms, optional=True, compare=False)
    raw: JSONObject = as_sent()

    def to_semester(self) -> Semester:
        """Return this semester as pyjiit 0.1.0a9's :class:`~pyjiit.models.attendance.Semester`."""
        return Semester(registration_code=self.registration_code, registration_id=self.registration_id)


class SemesterList(Model, Sequence[SemesterRecord], what="semester list"):
    """A list of semesters, newest first as the portal sends them; a sequence of its semesters.

    Each subclass reads one endpoint's answer; they differ only in where the
    list sits in it.  This class reads an answer that is the bare list.

    Attributes:
        semesters: The semesters.
        raw: The answer's ``response`` as the portal sent it.
    """

    semesters: tuple[SemesterRecord, ...] = derived(each(SemesterRecord))
    raw: object = as_sent()

    @overload
    def __getitem__(self, index: int) -> SemesterRecord: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[SemesterRecord]: ...
    def __getitem__(self, index: int | slice) -> SemesterRecord | Sequence[SemesterRecord]:
        return self.semesters[index]

    def __len__(self) -> int:
        return len(self.semesters)

    def __iter__(self) -> Iterator[SemesterRecord]:
        return iter(self.semesters)


class SubjectSemesters(SemesterList, what="subject semesters"):
    """The semesters with registered subjects (``/reqsubfaculty/getregistrationList``)."""

    semesters: tuple[SemesterRecord, ...] = wire("registrations", rows(SemesterRecord))


class ExamSemesters(SemesterList, what="exam semesters"):
    """The semesters with exam events (``/studentcommonsontroller/getsemestercode-withstudentexamevents``)."""

    semesters: tuple[SemesterRecord, ...] = wire("semesterCodeinfo.semestercode", rows(SemesterRecord))


class MarksSemesters(SemesterList, what="marks semesters"):
    """The semesters with exam marks (``/studentcommonsontroller/getsemestercode-exammarks``)."""

    semesters: tuple[SemesterRecord, ...] = wire("semestercode", rows(SemesterRecord))


class GradeCardSemesters(SemesterList, what="grade card semesters"):
    """The semesters with a grade card (``/studentgradecard/getregistrationList``)."""

    semesters: tuple[SemesterRecord, ...] = wire("registrations", rows(SemesterRecord))


class MoocSemesters(SemesterList, what="MOOC semesters"):
    """The semesters with MOOC requests (``/moocsubjectstatus/getsemestercodelist``; a bare list)."""


class ChoiceSemesters(SemesterList, what="choice semesters"):
    """The semesters with subject choices (``/studentchoiceprint/getsemestercodelist``).

    Attributes:
        student_name: The student's name, or ``None``.
        registration_number: The student's enrolment number, or ``None``.
    """

    semesters: tuple[SemesterRecord, ...] = wire("registrationcodelist", rows(SemesterRecord))
    student_name: str | None = wire("name", get_text, optional=True)
    registration_number: str | None = wire("registrationnumber", get_id, optional=True)
