"""Exams and marks: events, schedules, the marks report PDF and its JSON summary (#18-#23).

The public clients named by tag (KT, UNK, JSc...) are those of docs/protocol.md section 0.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from pyjiit import endpoints
from pyjiit.testing._pdf import text_pdf
from pyjiit.testing._replies import Reply
from pyjiit.testing._routing import Call, RouteTable, epoch_ms, no_data
from pyjiit.testing.data import marks
from pyjiit.utils import IST

if TYPE_CHECKING:
    from pyjiit.testing.data import DemoStudent, ExamEvent, Semester, Subject

__all__ = ["routes"]

#: The fake portal's routes for the exams endpoints, collected into its route table.
routes = RouteTable()

_PAPER_TIMES = (dt.time(9), dt.time(11, 30), dt.time(15, 30))
#: Rooms and seats are published about a day before each paper (KT).
_SEATING_NOTICE = dt.timedelta(days=1)


def _event_row(event: ExamEvent, semester: Semester) -> dict[str, Any]:
    return {
        "exameventcode": event.exameventcode,
        "eventfrom": epoch_ms(event.start),
        "exameventdesc": event.description,
        "registrationid": semester.registrationid,
        "exameventid": event.exameventid,
    }


@routes.add(endpoints.EXAM_EVENT_SEMESTERS, "clientid", "instituteid")
def exam_event_semesters(call: Call) -> Any:  # noqa: ANN401
    """#18: the semesters that have exam events, newest first."""
    return {
        "semesterCodeinfo": {
            "semestercode": [
                {
                    "registrationdesc": s.description,
                    "registrationid": s.registrationid,
                    "registrationcode": s.registrationcode,
                }
                for s in call.student.semesters
            ]
        }
    }


@routes.add(endpoints.EXAM_EVENTS, "instituteid")
def exam_events(call: Call) -> Any:  # noqa: ANN401
    """#19: a semester's exam events, found by the misspelt ``registationid``.

    The correct spelling finds nothing, as on the real portal, and neither does
    an unknown semester: both answer Success with an empty list.
    """
    semester = call.student.semester(str(call.payload.get("registationid")))
    events = [] if semester is None else [_event_row(e, semester) for e in semester.exam_events]
    return {"eventcode": {"examevent": events}}


def _papers(semester: Semester, event: ExamEvent) -> list[tuple[Subject, dt.datetime]]:
    """Each theory subject's paper and its start (IST): one a day from the event's first day."""
    theory = [s for s in semester.subjects if s.theory]
    return [
        (
            subject,
            dt.datetime.combine(event.start + dt.timedelta(days=n), _PAPER_TIMES[n % len(_PAPER_TIMES)], IST),
        )
        for n, subject in enumerate(theory)
    ]


def _clock(moment: dt.datetime) -> str:
    return moment.strftime("%I:%M %p").lower()


@routes.add(endpoints.EXAM_SCHEDULE, "instituteid", "registrationid", "exameventid")
def exam_schedule(call: Call) -> Any:  # noqa: ANN401
    """#20: the papers of an exam event; room and seat stay null until a day before each."""
    semester = call.semester()
    event = semester.exam_event(str(call.payload["exameventid"]))
    if event is None:
        raise no_data()
    student, now = call.student, call.state.now()
    rows = []
    for number, (subject, start) in enumerate(_papers(semester, event), start=1):
        seated = now >= start - _SEATING_NOTICE
        end = start + dt.timedelta(hours=event.hours)
        rows.append(
            {
                "datetime": f"{start:%d/%m/%Y}",
                "datetimefrom": _clock(start),
                "datetimeupto": f"{_clock(start)} to {_clock(end)}",
                "subjectcode": subject.clean_code,
                "subjectdesc": f"{subject.name} ({subject.clean_code}) ",
                "subjectid": subject.subjectid,
                "roomcode": f"CR-{300 + number}" if seated else None,
                "seatno": str(10 + number) if seated else None,
                "branchcode": student.branchcode,
                "programcode": student.programcode,
                "dsid": f"{event.exameventid}-{number:02d}",
                "groupwiseds": "N",
                "groupwiseexclude": "N",
                "examcode": event.kind,
                "status": "A",
            }
        )
    return {"subjectinfo": rows}


def _marked_events(semester: Semester) -> tuple[ExamEvent, ...]:
    return semester.exam_events[: semester.marks_through]


@routes.add(endpoints.MARKS_SEMESTERS, "instituteid")
def marks_semesters(call: Call) -> Any:  # noqa: ANN401
    """#21: semesters with marks, newest first, and their exam events."""
    semesters = [s for s in call.student.semesters if _marked_events(s)]
    return {
        "semestercode": [
            {
                "registrationdatefrom": epoch_ms(s.start),
                "registrationdateto": epoch_ms(s.end),
                "registrationdesc": s.description,
                "registrationid": s.registrationid,
                "registrationcode": s.registrationcode,
            }
            for s in semesters
        ],
        "examevent": [_event_row(e, s) for s in semesters for e in _marked_events(s)],
    }


def _mark_text(subject: Subject, event: ExamEvent, semester: Semester) -> str:
    if event not in _marked_events(semester):
        return "-"
    obtained = marks(subject, event)
    return f"{'ABS' if obtained is None else f'{obtained:g}'}/{event.full_marks}"


def _report(student: DemoStudent, semester: Semester) -> list[str]:
    """The text of the marks report: a header, then one row per theory subject."""
    events = semester.exam_events
    lines = [
        student.institute_name,
        f"STUDENT MARKS REPORT - {semester.registrationcode}",
        "",
        f"Name: {student.name}    Enrollment No: {student.username}",
        f"Program: {student.programcode} ({student.branchcode})    Semester: {semester.stynumber}",
        "",
        f"{'Code':<12}{'Subject':<44}" + "".join(f"{e.kind:>10}" for e in events),
    ]
    for subject in (s for s in semester.subjects if s.theory):
        marks_cells = "".join(f"{_mark_text(subject, e, semester):>10}" for e in events)
        lines.append(f"{subject.clean_code:<12}{subject.name[:42]:<44}{marks_cells}")
    return lines


@routes.add(endpoints.MARKS_PDF)
def marks_pdf(call: Call) -> Any:  # noqa: ANN401
    """#22: the marks report PDF; a JSON "NO DATA FOUND" envelope for an unknown semester."""
    parameters = [unquote(part) for part in call.path.removeprefix(endpoints.MARKS_PDF.path + "/").split("/")]
    if len(parameters) != 3:  # noqa: PLR2004 (instituteid, registrationid, registrationcode)
        raise no_data()
    instituteid, registrationid, registrationcode = parameters
    semester = call.student.semester(registrationid)
    if (
        instituteid != call.student.institute_id
        or semester is None
        or semester.registrationcode != registrationcode
        or not _marked_events(semester)
    ):
        raise no_data()
    title = f"Marks {semester.registrationcode} {call.student.username}"
    return Reply(200, text_pdf(_report(call.student, semester), title), "application/pdf")


@routes.add(endpoints.MARKS, "instituteid", "registrationid")
def marks_summary(call: Call) -> Any:  # noqa: ANN401
    """#23: one record per theory subject, for its latest exam with marks.

    KT says this gives "only one record per subject"; no client documents the
    shape, so the key holding the list and the records' field names are the
    fake's own.  pyjiit's model reads one record per subject from this form
    and from a bare list of records alike.
    """
    semester = call.semester()
    marked = _marked_events(semester)
    if not marked:
        raise no_data()
    latest = marked[-1]
    return {
        "studentmarks": [
            {
                "subjectid": subject.subjectid,
                "subjectcode": subject.clean_code,
                "subjectdesc": subject.name,
                "exameventcode": latest.exameventcode,
                "obtainedmarks": marks(subject, latest),
                "fullmarks": latest.full_marks,
            }
            for subject in semester.subjects
            if subject.theory
        ]
    }
