"""The portal's lists of semesters, one model per answer that carries one.

The portal calls a semester a *registration* (``registrationid``,
``registrationcode`` such as ``"2026ODDSEM"``).  Several endpoints list them,
each under its own key and with a few extra fields; all of them give
:class:`SemesterRecord` items.  :meth:`SemesterRecord.to_semester` turns one
into the :class:`~pyjiit.attendance.Semester` that request methods take.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, TypeVar

from pyjiit._parse import (
    JSONObject,
    get_epoch_ms,
    get_id,
    get_object,
    get_objects,
    get_text,
    optional,
    require_object,
    require_objects,
)
from pyjiit.attendance import Semester

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

_L = TypeVar("_L", bound="SemesterList")


@dataclass(frozen=True)
class SemesterRecord:
    """A semester, as the portal's semester lists give it.

    Attributes:
        registration_id: The portal's id of the semester.
        registration_code: Its code, e.g. ``"2026ODDSEM"``.
        description: Its description (``registrationdesc``) where the list has one, else ``None``.
        starts: When it starts, in IST, where the list says (``registrationdatefrom``), else ``None``.
        ends: When it ends, in IST, where the list says (``registrationdateto``), else ``None``.
        raw: The item as the portal sent it.
    """

    registration_id: str
    registration_code: str
    description: str | None
    starts: dt.datetime | None
    ends: dt.datetime | None
    raw: JSONObject = field(repr=False, compare=False)

    def to_semester(self) -> Semester:
        """Return this semester as the :class:`~pyjiit.attendance.Semester` request methods take."""
        return Semester(registration_code=self.registration_code, registration_id=self.registration_id)

    @classmethod
    def from_response(cls, response: object) -> SemesterRecord:
        """Build a semester from one item of a semester list.

        Raises:
            ResponseFormatError: A field is missing or of the wrong type.
        """
        what = "semester"
        data = require_object(response, what)
        return cls(
            registration_id=get_id(data, "registrationid", what),
            registration_code=get_text(data, "registrationcode", what),
            description=optional(get_text, data, "registrationdesc", what),
            starts=optional(get_epoch_ms, data, "registrationdatefrom", what),
            ends=optional(get_epoch_ms, data, "registrationdateto", what),
            raw=data,
        )


@dataclass(frozen=True)
class SemesterList:
    """A list of semesters, newest first as the portal sends them.

    Each subclass reads one endpoint's answer; they differ only in where the
    list sits in it.

    Attributes:
        semesters: The semesters.
        raw: The answer's ``response`` as the portal sent it.
    """

    #: The keys leading from the answer's ``response`` to the list; empty when ``response`` is the list.
    _PATH: ClassVar[tuple[str, ...]] = ()
    #: The answer's name in error messages.
    _WHAT: ClassVar[str] = "semester list"

    semesters: tuple[SemesterRecord, ...]
    raw: object = field(repr=False, compare=False)

    @classmethod
    def from_response(cls: type[_L], response: object) -> _L:
        """Build the list from the ``response`` of the endpoint this class reads.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        if not cls._PATH:
            rows = require_objects(response, cls._WHAT)
        else:
            *parents, last = cls._PATH
            node: object = response
            for key in parents:
                node = get_object(node, key, cls._WHAT)
            rows = get_objects(node, last, cls._WHAT)
        return cls(semesters=tuple(SemesterRecord.from_response(row) for row in rows), raw=response)


class SubjectSemesters(SemesterList):
    """The semesters with registered subjects (``/reqsubfaculty/getregistrationList``)."""

    _PATH = ("registrations",)
    _WHAT = "subject semesters"


class ExamSemesters(SemesterList):
    """The semesters with exam events (``/studentcommonsontroller/getsemestercode-withstudentexamevents``)."""

    _PATH = ("semesterCodeinfo", "semestercode")
    _WHAT = "exam semesters"


class MarksSemesters(SemesterList):
    """The semesters with exam marks (``/studentcommonsontroller/getsemestercode-exammarks``)."""

    _PATH = ("semestercode",)
    _WHAT = "marks semesters"


class GradeCardSemesters(SemesterList):
    """The semesters with a grade card (``/studentgradecard/getregistrationList``)."""

    _PATH = ("registrations",)
    _WHAT = "grade card semesters"


class MoocSemesters(SemesterList):
    """The semesters with MOOC requests (``/moocsubjectstatus/getsemestercodelist``; a bare list)."""

    _WHAT = "MOOC semesters"


@dataclass(frozen=True)
class ChoiceSemesters:
    """The semesters with subject choices (``/studentchoiceprint/getsemestercodelist``).

    Attributes:
        student_name: The student's name, or ``None``.
        registration_number: The student's enrolment number, or ``None``.
        semesters: The semesters; each item's ``preventfreezed`` flag stays in its ``raw``.
        raw: The answer's ``response`` as the portal sent it.
    """

    student_name: str | None
    registration_number: str | None
    semesters: tuple[SemesterRecord, ...]
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> ChoiceSemesters:
        """Build the list from the ``response`` of the choice semesters request.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        what = "choice semesters"
        data = require_object(response, what)
        rows = get_objects(data, "registrationcodelist", what)
        return cls(
            student_name=optional(get_text, data, "name", what),
            registration_number=optional(get_id, data, "registrationnumber", what),
            semesters=tuple(SemesterRecord.from_response(row) for row in rows),
            raw=data,
        )
