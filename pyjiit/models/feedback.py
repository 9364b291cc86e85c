"""Teacher feedback: the open events, the subjects to rate, their questions and the rating scale."""

from __future__ import annotations

from enum import Enum

from pyjiit._parse import JSONObject, field_error, get_id, get_int, get_str, get_text, get_words
from pyjiit.models._table import Model, as_sent, rows, wire

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


class FeedbackEvent(Model, what="feedback event"):
    """A feedback event: a period in which students rate their teachers.

    Attributes:
        event_id: The portal's id of the event.
        code: The event's code.
        description: The event's description, which the questions request sends back.
        raw: The item as the portal sent it.
    """

    event_id: str = wire("eventid", get_id)
    code: str | None = wire("eventcode", get_text, optional=True)
    description: str = wire("eventdescription", get_str)
    raw: JSONObject = as_sent()


class FeedbackEvents(Model, what="feedback events"):
    """The feedback events (``/feedbackformcontroller/getFeedbackEvent``).

    Attributes:
        events: The events, in the portal's order (oldest first).
        raw: The answer's ``response`` as the portal sent it.
    """

    events: tuple[FeedbackEvent, ...] = wire("eventList", rows(FeedbackEvent))
    raw: JSONObject = as_sent()

    @property
    def latest(self) -> FeedbackEvent | None:
        """The newest event (the portal lists it last), or ``None`` when there is none."""
        return self.events[-1] if self.events else None


class FeedbackSubject(Model, what="feedback subject"):
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

    faculty_id: str = wire("employeeid", get_id)
    faculty_name: str = wire("employeename", get_words)
    subject_id: str = wire("subjectid", get_id)
    subject_code: str = wire("subjectcode", get_text)
    subject_name: str = wire("subjectdescription", get_text)
    component_code: str = wire("subjectcomponentcode", get_text)
    component_id: str = wire("subjectcomponentid", get_id)
    registration_id: str = wire("registrationid", get_id)
    student_id: str = wire("studentid", get_id)
    raw: JSONObject = as_sent()


class FeedbackGrid(Model, what="feedback grid"):
    """Every teacher and component still to be rated in an event (``getGriddataForFeedback``).

    Attributes:
        subjects: The subject components to rate.
        raw: The answer's ``response`` as the portal sent it.
    """

    subjects: tuple[FeedbackSubject, ...] = wire("gridData", rows(FeedbackSubject))
    raw: JSONObject = as_sent()


class FeedbackQuestion(Model, what="feedback question"):
    """A feedback question.

    Saving feedback sends each question back as the portal sent it, plus a
    rating: :attr:`raw` keeps it for that.

    Attributes:
        question_id: The portal's id of the question.
        text: The question (``questiondescription``).
        rating: The rating already given, or ``None``.
        sequence: The question's position in the form, or ``None``.
        raw: The item as the portal sent it.
    """

    question_id: str = wire("questionid", get_id)
    text: str = wire("questiondescription", get_text)
    rating: Rating | None = wire("rating", _rating, optional=True)
    sequence: int | None = wire("sequence", get_int, optional=True)
    raw: JSONObject = as_sent()


class FeedbackQuestions(Model, what="feedback questions"):
    """The questions of a feedback form (``/feedbackformcontroller/getIemQuestion``).

    Attributes:
        questions: The questions, in the portal's order.
        raw: The answer's ``response`` as the portal sent it.
    """

    questions: tuple[FeedbackQuestion, ...] = wire("questionList", rows(FeedbackQuestion))
    raw: JSONObject = as_sent()
