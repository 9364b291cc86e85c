"""A semester's registered subjects and their teachers.

:class:`RegisteredSubject` and :class:`Registrations` are pyjiit 0.1.0a9's
classes: they keep values exactly as the portal sends them, including the
stray tab some ``subject_code`` values end with.  :class:`SubjectRegistrations`
and :class:`RegisteredComponent` are their typed successors, with clean
values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from pyjiit._parse import (
    JSONObject,
    field_error,
    get_flag,
    get_float,
    get_id,
    get_number,
    get_objects,
    get_str,
    get_text,
    require_object,
)

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


@dataclass
class RegisteredSubject:
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

    employee_name: str
    employee_code: str
    minor_subject: str
    remarks: str
    stytype: str
    credits: int | float
    subject_code: str
    subject_component_code: str
    subject_desc: str
    subject_id: str
    audtsubject: str

    @staticmethod
    def from_json(resp: object) -> RegisteredSubject:
        """Build a subject from one item of the faculties answer's ``registrations``.

        Raises:
            ResponseFormatError: A field is missing or of the wrong type.
        """
        what = "registered subject"
        return RegisteredSubject(
            employee_name=get_str(resp, "employeename", what),
            employee_code=get_str(resp, "employeecode", what),
            minor_subject=get_str(resp, "minorsubject", what),
            remarks=get_str(resp, "remarks", what),
            stytype=get_str(resp, "stytype", what),
            credits=get_number(resp, "credits", what),
            subject_code=get_str(resp, "subjectcode", what),
            subject_component_code=get_str(resp, "subjectcomponentcode", what),
            subject_desc=get_str(resp, "subjectdesc", what),
            subject_id=get_str(resp, "subjectid", what),
            audtsubject=get_str(resp, "audtsubject", what),
        )


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
        self.subjects = [
            RegisteredSubject.from_json(item) for item in get_objects(data, "registrations", "registrations")
        ]


@dataclass(frozen=True)
class RegisteredComponent:
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

    subject_id: str
    subject_code: str
    subject_name: str
    component: Component
    faculty_name: str
    faculty_code: str
    credits: float
    audit: bool
    minor: bool
    remarks: str
    registration_type: str
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> RegisteredComponent:
        """Build a component from one item of the faculties answer's ``registrations``.

        Raises:
            ResponseFormatError: A field is missing or of the wrong type.
        """
        what = "registered component"
        data = require_object(response, what)
        return cls(
            subject_id=get_id(data, "subjectid", what),
            subject_code=get_text(data, "subjectcode", what),
            subject_name=get_text(data, "subjectdesc", what),
            component=Component.read(data, "subjectcomponentcode", what),
            faculty_name=" ".join(get_str(data, "employeename", what).split()),
            faculty_code=get_text(data, "employeecode", what),
            credits=get_float(data, "credits", what),
            audit=get_flag(data, "audtsubject", what),
            minor=get_flag(data, "minorsubject", what),
            remarks=get_text(data, "remarks", what),
            registration_type=get_text(data, "stytype", what),
            raw=data,
        )


@dataclass(frozen=True)
class SubjectRegistrations:
    """A semester's registered subject components and its total credits.

    Attributes:
        total_credits: The semester's total credits (``totalcreditpoints``).
        components: One entry per subject component.
        raw: The answer's ``response`` as the portal sent it.
    """

    total_credits: float
    components: tuple[RegisteredComponent, ...]
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> SubjectRegistrations:
        """Build the registrations from the ``response`` of the faculties request.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        what = "subject registrations"
        data = require_object(response, what)
        return cls(
            total_credits=get_float(data, "totalcreditpoints", what),
            components=tuple(
                RegisteredComponent.from_response(row) for row in get_objects(data, "registrations", what)
            ),
            raw=data,
        )
