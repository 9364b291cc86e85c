"""Attendance metadata: the student's headers and semesters (pyjiit 0.1.0a9's ``pyjiit.attendance``).

These classes keep pyjiit 0.1.0a9's names, fields and constructors, and give
the same attribute values for the same answer.  What changed: an answer of
the wrong shape raises :class:`~pyjiit.exceptions.ResponseFormatError` naming
the object and the field, instead of a bare ``KeyError``.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyjiit._parse import JSONObject, get_objects, get_str, require_object
from pyjiit.exceptions import NoDataFound

__all__ = ["AttendanceHeader", "AttendanceMeta", "NoEntriesFound", "Semester"]


class NoEntriesFound(NoDataFound, IndexError):
    """An answer's list is empty, so it has no "latest" entry.

    It is a :class:`~pyjiit.exceptions.NoDataFound`, and also an
    :class:`IndexError`, which is what pyjiit 0.1.0a9 raised here, so old
    ``except IndexError`` clauses still catch it.
    """


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
