"""``portal.feedback``: rating teachers in a feedback event (#32-#35)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pyjiit import endpoints
from pyjiit._checks import member, sendable_text
from pyjiit.calls._base import Calls, Request, check_model
from pyjiit.exceptions import NoDataFound
from pyjiit.models.feedback import FeedbackEvents, FeedbackGrid, FeedbackQuestions, Rating

if TYPE_CHECKING:
    from collections.abc import Iterable

    from pyjiit.models.feedback import FeedbackEvent, FeedbackQuestion, FeedbackSubject

__all__ = ["FeedbackCalls"]

#: What an event argument must be, as a wrong one's error says.
_EVENT = "a pyjiit FeedbackEvent (from portal.feedback.events())"
#: What a subject argument must be.
_SUBJECT = "a pyjiit FeedbackSubject (from portal.feedback.grid())"
#: What each of the questions must be.
_QUESTION = "a pyjiit FeedbackQuestion (from portal.feedback.questions())"

#: The keys of a grid row the questions request sends back as they came.
_SUBJECT_KEYS = (
    "registrationid",
    "subjectcode",
    "subjectcomponentcode",
    "subjectcomponentid",
    "subjectdescription",
    "subjectid",
)


class FeedbackCalls(Calls):
    """Teacher feedback: ``portal.feedback``."""

    def events(self) -> FeedbackEvents:
        """The feedback events, the periods in which teachers are rated, oldest first (#32)."""
        return self._read(
            FeedbackEvents, Request(endpoints.FEEDBACK_EVENTS, self._ids("instituteid", "studentid"))
        )

    def grid(self, event: FeedbackEvent) -> FeedbackGrid:
        """The subject components and teachers to rate in ``event`` (#33)."""
        check_model("event", event, _EVENT, "event_id")
        payload = {**self._ids("instituteid", "studentid"), "eventid": event.event_id}
        return self._read(FeedbackGrid, Request(endpoints.FEEDBACK_GRID, payload))

    def questions(self, event: FeedbackEvent, subject: FeedbackSubject) -> FeedbackQuestions:
        """The questions about one teacher of one subject component (#34)."""
        check_model("event", event, _EVENT, "event_id", "description")
        check_model("subject", subject, _SUBJECT, "raw")
        row = subject.raw
        payload = {
            **self._ids("instituteid", "studentid"),
            "eventid": event.event_id,
            "eventdescription": event.description,
            "facultyid": row.get("employeeid"),
            "facultyname": row.get("employeename"),
            **{key: row.get(key) for key in _SUBJECT_KEYS},
        }
        return self._read(FeedbackQuestions, Request(endpoints.FEEDBACK_QUESTIONS, payload))

    def submit(
        self,
        event: FeedbackEvent,
        subject: FeedbackSubject,
        questions: Iterable[FeedbackQuestion],
        rating: Rating,
        *,
        faculty_comments: str | None = None,
        course_comments: str | None = None,
    ) -> None:
        """Rate every question about one teacher with ``rating``, with optional comments, and save it (#35).

        Never retried: a repeat could save twice.

        Raises:
            TypeError: ``event``, ``subject`` or a question is not one, or a
                comment is neither a ``str`` nor ``None``; nothing is sent.
            ValueError: ``rating`` is not a :class:`~pyjiit.models.Rating`, or a
                comment holds text that UTF-8 cannot encode; nothing is sent.
        """
        check_model("event", event, _EVENT, "event_id")
        check_model("subject", subject, _SUBJECT, "raw")
        value = member("rating", rating, Rating).value
        for name, comment in (("faculty_comments", faculty_comments), ("course_comments", course_comments)):
            if comment is not None:
                sendable_text(name, comment, what="a str or None", empty=True)
        answers = []
        for index, question in enumerate(questions):
            check_model(f"questions[{index}]", question, _QUESTION, "raw")
            answers.append({**question.raw, "rating": value})
        row = subject.raw
        payload = {
            **self._ids("instituteid", "studentid"),
            "eventid": event.event_id,
            "subjectid": row.get("subjectid"),
            "facultyid": row.get("employeeid"),
            "registrationid": row.get("registrationid"),
            "questionid": answers,
            "facultycomments": faculty_comments,
            "coursecomments": course_comments,
        }
        self._send(Request(endpoints.FEEDBACK_SUBMIT, payload))

    def fill(self, rating: Rating, event: FeedbackEvent | None = None) -> tuple[FeedbackSubject, ...]:
        """Give every question about every teacher in a feedback event the same ``rating``.

        Args:
            rating: The rating for every question.
            event: The event; by default the latest.

        Returns:
            The subject components whose feedback was saved.

        Raises:
            NoDataFound: There is no feedback event.
            TypeError: ``event`` is not one; nothing is sent.
            ValueError: ``rating`` is not a :class:`~pyjiit.models.Rating`; nothing is sent.
        """
        rating = member("rating", rating, Rating)
        if event is None:
            event = self.events().latest
            if event is None:
                raise NoDataFound("no feedback event to fill", endpoint=endpoints.FEEDBACK_EVENTS.path)
        else:
            check_model("event", event, _EVENT, "event_id", "description")
        grid = self.grid(event)
        for subject in grid.subjects:
            self.submit(event, subject, self.questions(event, subject).questions, rating)
        return grid.subjects
