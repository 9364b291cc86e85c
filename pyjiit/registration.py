"""A semester's registered subjects and their faculty (pyjiit 0.1.0a9's ``pyjiit.registration``).

Values are kept exactly as the portal sends them, as in 0.1.0a9, including
the stray tab some ``subject_code`` values end with.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyjiit._parse import JSONObject, get_number, get_objects, get_str, require_object

__all__ = ["RegisteredSubject", "Registrations"]


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
