"""Exam events (pyjiit 0.1.0a9's ``pyjiit.exam``)."""

from __future__ import annotations

from dataclasses import dataclass

from pyjiit._parse import get_number, get_str

__all__ = ["ExamEvent"]


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
