"""Teacher feedback: events, the teachers to rate, the questions, and saving (#32-#35).

The public clients named by tag (KT, UNK, JSc...) are those of docs/protocol.md section 0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pyjiit import endpoints
from pyjiit.testing._replies import Abort, failure
from pyjiit.testing._routing import Call, RouteTable, no_data

if TYPE_CHECKING:
    from pyjiit.testing.data import FeedbackEvent

__all__ = ["RATINGS", "routes"]

#: The fake portal's routes for the feedback endpoints, collected into its route table.
routes = RouteTable()

#: The answers a question accepts (jsjiit ``src/feedback.js``, KT ``Rating``).
RATINGS = frozenset({"UNSATISFIED", "SATISFIED", "GOOD", "VERY_GOOD", "EXCELLENT"})


def _event(call: Call) -> FeedbackEvent:
    eventid = call.payload["eventid"]
    event = next((e for e in call.student.feedback_events if e.eventid == eventid), None)
    if event is None:
        raise no_data()
    return event


@routes.add(endpoints.FEEDBACK_EVENTS, "instituteid")
def feedback_events(call: Call) -> Any:  # noqa: ANN401
    """#32: the feedback rounds, oldest first (jsjiit takes the last as the current one)."""
    return {
        "eventList": [
            {"eventid": e.eventid, "eventcode": e.eventcode, "eventdescription": e.eventdescription}
            for e in call.student.feedback_events
        ]
    }


@routes.add(endpoints.FEEDBACK_GRID, "instituteid", "studentid", "eventid")
def feedback_grid(call: Call) -> Any:  # noqa: ANN401
    """#33: one row per teacher and subject component to rate in a round."""
    semester = call.student.semester(_event(call).registrationid)
    assert semester is not None, "seed data: every feedback event names a registered semester"
    return {
        "gridData": [
            {
                "employeeid": component.faculty.employeeid,
                "employeename": component.faculty.name,
                "registrationid": semester.registrationid,
                "studentid": call.student.memberid,
                "subjectcode": subject.clean_code,
                "subjectcomponentcode": component.kind,
                "subjectcomponentid": component.componentid,
                "subjectdescription": subject.name,
                "subjectid": subject.subjectid,
            }
            for subject in semester.subjects
            for component in subject.components
        ]
    }


@routes.add(
    endpoints.FEEDBACK_QUESTIONS,
    "instituteid",
    "eventid",
    "facultyid",
    "registrationid",
    "subjectid",
    "subjectcomponentid",
)
def feedback_questions(call: Call) -> Any:  # noqa: ANN401
    """#34: the questions of a round, unrated."""
    _event(call)
    return {"questionList": [dict(question) for question in call.student.feedback_questions]}


@routes.add(
    endpoints.FEEDBACK_SUBMIT,
    "instituteid",
    "studentid",
    "eventid",
    "subjectid",
    "facultyid",
    "registrationid",
    "questionid",
)
def feedback_submit(call: Call) -> Any:  # noqa: ANN401
    """#35: save the ratings; every question needs one of :data:`RATINGS`."""
    _event(call)
    answers = call.payload["questionid"]
    known = {q["questionid"] for q in call.student.feedback_questions}
    if (
        not isinstance(answers, list)
        or {a.get("questionid") for a in answers if isinstance(a, dict)} != known
        or not all(isinstance(a, dict) and a.get("rating") in RATINGS for a in answers)
    ):
        raise Abort(failure(["Please rate all the questions"]))
    return {"message": "Saved"}
