"""Teacher feedback: the open events, the subjects to rate, their questions and the rating scale."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from pyjiit._parse import (
    JSONObject,
    field_error,
    get_id,
    get_int,
    get_objects,
    get_str,
    get_text,
    optional,
    require_object,
)

__all__ = [
    "FeedbackEvent",
    "FeedbackEvents",
    "FeedbackGrid",
    "FeedbackQuestion",
    "FeedbackQuestions",
    "FeedbackSubject",
    "Rating",
]


class Rating(str, Enum):
    """A feedback rating, worst to best.

    Each value is the exact string the portal takes as a question's
    ``rating`` when feedback is saved.
    """

    UNSATISFIED = "UNSATISFIED"
    SATISFIED = "SATISFIED"
    GOOD = "GOOD"
    VERY_GOOD = "VERY_GOOD"
    EXCELLENT = "EXCELLENT"


def _rating(data: JSONObject, key: str, what: str) -> Rating:
    value = get_text(data, key, what)
    try:
        return Rating(value.upper())
    except ValueError:
        raise field_error(what, key, "a rating (" + ", ".join(r.value for r in Rating) + ")", value) from None


@dataclass(frozen=True)
class FeedbackEvent:
    """A feedback event: a period in which students rate their teachers.

    Attributes:
        event_id: The portal's id of the event.
        code: The event's code.
        description: The event's description, which the questions request sends back.
        raw: The item as the portal sent it.
    """

    event_id: str
    code: str | None
    description: str
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> FeedbackEvent:
        """Build an event from one item of the feedback events answer's ``eventList``.

        Raises:
            ResponseFormatError: A field is missing or of the wrong type.
        """
        what = "feedback event"
        data = require_object(response, what)
        return cls(
            event_id=get_id(data, "eventid", what),
            code=optional(get_text, data, "eventcode", what),
            description=get_str(data, "eventdescription", what),
            raw=data,
        )


@dataclass(frozen=True)
class FeedbackEvents:
    """The feedback events (``/feedbackformcontroller/getFeedbackEvent``).

    Attributes:
        events: The events, in the portal's order (oldest first).
        raw: The answer's ``response`` as the portal sent it.
    """

    events: tuple[FeedbackEvent, ...]
    raw: JSONObject = field(repr=False, compare=False)

    @property
    def latest(self) -> FeedbackEvent | None:
        """The newest event (the portal lists it last), or ``None`` when there is none."""
        return self.events[-1] if self.events else None

    @classmethod
    def from_response(cls, response: object) -> FeedbackEvents:
        """Build the events from the ``response`` of the feedback events request.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        data = require_object(response, "feedback events")
        rows = get_objects(data, "eventList", "feedback events")
        return cls(events=tuple(FeedbackEvent.from_response(row) for row in rows), raw=data)


@dataclass(frozen=True)
class FeedbackSubject:
    """A subject component and its teacher, waiting to be rated.

    The questions and save requests send several of these values back under
    other names (``facultyid`` is :attr:`faculty_id`, and so on); :attr:`raw`
    keeps the values exactly as the portal sent them for that.

    Attributes:
        faculty_id: The teacher's id (``employeeid``).
        faculty_name: The teacher's name.
        subject_id: The portal's id of the subject.
        subject_code: The subject's code.
        subject_name: The subject's name (``subjectdescription``).
        component_code: The component's code, e.g. ``"L"``.
        component_id: The portal's id of the component.
        registration_id: The portal's id of the semester.
        student_id: The student's id.
        raw: The item as the portal sent it.
    """

    faculty_id: str
    faculty_name: str
    subject_id: str
    subject_code: str
    subject_name: str
    component_code: str
    component_id: str
    registration_id: str
    student_id: str
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> FeedbackSubject:
        """Build it from one item of the feedback grid answer's ``gridData``.

        Raises:
            ResponseFormatError: A field is missing or of the wrong type.
        """
        what = "feedback subject"
        data = require_object(response, what)
        return cls(
            faculty_id=get_id(data, "employeeid", what),
            faculty_name=" ".join(get_str(data, "employeename", what).split()),
            subject_id=get_id(data, "subjectid", what),
            subject_code=get_text(data, "subjectcode", what),
            subject_name=get_text(data, "subjectdescription", what),
            component_code=get_text(data, "subjectcomponentcode", what),
            component_id=get_id(data, "subjectcomponentid", what),
            registration_id=get_id(data, "registrationid", what),
            student_id=get_id(data, "studentid", what),
            raw=data,
        )


@dataclass(frozen=True)
class FeedbackGrid:
    """Every teacher and component still to be rated in an event (``getGriddataForFeedback``).

    Attributes:
        subjects: The subject components to rate.
        raw: The answer's ``response`` as the portal sent it.
    """

    subjects: tuple[FeedbackSubject, ...]
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> FeedbackGrid:
        """Build the grid from the ``response`` of the feedback grid request.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        data = require_object(response, "feedback grid")
        rows = get_objects(data, "gridData", "feedback grid")
        return cls(subjects=tuple(FeedbackSubject.from_response(row) for row in rows), raw=data)


@dataclass(frozen=True)
class FeedbackQuestion:
    """A feedback question.

    Saving feedback sends each question back as the portal sent it, plus a
    rating: use :attr:`raw` for that.

    Attributes:
        question_id: The portal's id of the question.
        text: The question (``questiondescription``).
        rating: The rating already given, or ``None``.
        sequence: The question's position in the form, or ``None``.
        raw: The item as the portal sent it.
    """

    question_id: str
    text: str
    rating: Rating | None
    sequence: int | None
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> FeedbackQuestion:
        """Build it from one item of the questions answer's ``questionList``.

        Raises:
            ResponseFormatError: A field is missing or of the wrong type.
        """
        what = "feedback question"
        data = require_object(response, what)
        return cls(
            question_id=get_id(data, "questionid", what),
            text=get_text(data, "questiondescription", what),
            rating=optional(_rating, data, "rating", what),
            sequence=optional(get_int, data, "sequence", what),
            raw=data,
        )


@dataclass(frozen=True)
class FeedbackQuestions:
    """The questions of a feedback form (``/feedbackformcontroller/getIemQuestion``).

    Attributes:
        questions: The questions, in the portal's order.
        raw: The answer's ``response`` as the portal sent it.
    """

    questions: tuple[FeedbackQuestion, ...]
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> FeedbackQuestions:
        """Build the questions from the ``response`` of the feedback questions request.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        data = require_object(response, "feedback questions")
        rows = get_objects(data, "questionList", "feedback questions")
        return cls(questions=tuple(FeedbackQuestion.from_response(row) for row in rows), raw=data)
