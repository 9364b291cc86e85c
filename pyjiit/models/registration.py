"""A semester's registered subjects and their teachers.

:class:`RegisteredSubject` and :class:`Registrations` are pyjiit 0.1.0a9's
classes: they keep values exactly as the portal sends them, including the
stray tab some ``subject_code`` values end with.  :class:`SubjectRegistrations`
and :class:`RegisteredComponent` are their typed successors, with clean
values.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from pyjiit._parse import (
    JSONObject,
    field_error,
    get_flag,
    get_float,
    get_id,
    get_number,
    get_str,
    get_text,
    get_words,
    require_object,
)
from pyjiit.models._table import CompatModel, Model, as_sent, rows, wire

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["Component", "RegisteredComponent", "RegisteredSubject", "Registrations", "SubjectRegistrations"]


class Component(str, Enum):
    """A part of a subject, by the one-letter code the portal uses for it."""

    LECTURE = "L"
    TUTORIAL = "T"
    PRACTICAL = "P"

    @classmethod
    def read(cls, data: object, key: str, what: str) -> Component:
        """Read a component code field (``"L"``, ``"T"`` or ``"P"``).

        Raises:
            ResponseFormatError: The field is missing or holds another value.
        """
        code = get_text(data, key, what)
        try:
            return cls(code.upper())
        except ValueError:
            raise field_error(what, key, '"L", "T" or "P"', code) from None


class RegisteredSubject(CompatModel, what="registered subject", frozen=False):
    """One component (lecture, tutorial or practical) of a registered subject.

    Attributes:
        employee_name: The teacher's name.
        employee_code: The teacher's code.
        minor_subject: ``"Y"`` if it is a minor subject, else ``"N"``.
        remarks: The portal's remark, e.g. ``"REG"`` or ``"Audit"``.
        stytype: The registration type, e.g. ``"REG"``.
        credits: The subject's credits, a number as sent (``3.0``).
        subject_code: The subject's code, as sent (it may end with a tab).
        subject_component_code: ``"L"``, ``"T"`` or ``"P"``.
        subject_desc: The subject's name.
        subject_id: The portal's id of the subject.
        audtsubject: ``"Y"`` if it is an audit subject, else ``"N"``.
    """

    employee_name: str = wire("employeename", get_str)
    employee_code: str = wire("employeecode", get_str)
    minor_subject: str = wire("minorsubject", get_str)
    remarks: str = wire("remarks", get_str)
    stytype: str = wire("stytype", get_str)
    credits: int | float = wire("credits", get_number)
    subject_code: str = wire("subjectcode", get_str)
    subject_component_code: str = wire("subjectcomponentcode", get_str)
    subject_desc: str = wire("subjectdesc", get_str)
    subject_id: str = wire("subjectid", get_str)
    audtsubject: str = wire("audtsubject", get_str)


class Registrations:
    """A semester's registered subjects and its total credits.

    Args:
        resp: The ``response`` of the faculties request, with
            ``registrations`` and ``totalcreditpoints``.

    Attributes:
        raw_response: ``resp``, as it came.
        total_credits: The semester's total credits, a number as sent (``21.0``).
        subjects: One :class:`RegisteredSubject` per subject component.

    Raises:
        ResponseFormatError: ``resp`` is not of the expected shape.
    """

    def __init__(self, resp: object) -> None:
        data: JSONObject = require_object(resp, "registrations")
        self.raw_response = resp
        self.total_credits = get_number(data, "totalcreditpoints", "registrations")
        self.subjects = list(rows(RegisteredSubject)(data, "registrations", "registrations"))


class RegisteredComponent(Model, what="registered component"):
    """One component of a registered subject, with its teacher.

    A subject with a lecture, a tutorial and a practical appears three times.

    Attributes:
        subject_id: The portal's id of the subject.
        subject_code: The subject's code, without the portal's stray whitespace.
        subject_name: The subject's name.
        component: Which component this is.
        faculty_name: The teacher's name, with runs of spaces collapsed.
        faculty_code: The teacher's code.
        credits: The subject's credits.
        audit: Whether it is an audit subject (no grade points).
        minor: Whether it is a minor subject.
        remarks: The portal's remark, e.g. ``"REG"`` or ``"Audit"``.
        registration_type: e.g. ``"REG"`` (the portal's ``stytype``).
        raw: The item as the portal sent it.
    """

    subject_id: str = wire("subjectid", get_id)
    subject_code: str = wire("subjectcode", get_text)
    subject_name: str = wire("subjectdesc", get_text)
    component: Component = wire("subjectcomponentcode", Component.read)
    faculty_name: str = wire("employeename", get_words)
    faculty_code: str = wire("employeecode", get_text)
    credits: float = wire("credits", get_float)
    audit: bool = wire("audtsubject", get_flag)
    minor: bool = wire("minorsubject", get_flag)
    remarks: str = wire("remarks", get_text)
    registration_type: str = wire("stytype", get_text)
    raw: JSONObject = as_sent()


class SubjectRegistrations(Model, what="subject registrations"):
    """A semester's registered subject components and its total credits.

    A semester with nothing registered (the portal's "NO DATA FOUND") has no
    components and 0 credits, as every answer that is a list is empty then.

    Attributes:
        total_credits: The semester's total credits (``totalcreditpoints``).
        components: One entry per subject component.
        raw: The answer's ``response`` as the portal sent it.
    """

    total_credits: float = wire("totalcreditpoints", get_float)
    components: tuple[RegisteredComponent, ...] = wire("registrations", rows(RegisteredComponent))
    raw: JSONObject = as_sent()

    @classmethod
    def _empty(cls) -> Self:
        """Nothing registered: no components, and so no credits."""
        return cls.from_response({"registrations": [], "totalcreditpoints": 0})
