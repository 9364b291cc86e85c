"""Attendance: semesters, per-subject percentages and the daily lists behind them (#10-#12).

The percentages of #11 are computed from the same class lists #12 returns, so
a client that recomputes them (as jportal does) gets the same numbers.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from pyjiit import endpoints
from pyjiit.testing._replies import Abort, java_exception
from pyjiit.testing._routing import Call, RouteTable, no_data
from pyjiit.testing.data import meetings

if TYPE_CHECKING:
    from pyjiit.testing.data import Semester, Subject

__all__ = ["routes"]

#: The fake portal's routes for the attendance endpoints, collected into its route table.
routes = RouteTable()

_NO_ATTENDANCE = "NO Attendance Found"


@routes.add(endpoints.ATTENDANCE_META, "instituteid")
def attendance_meta(call: Call) -> Any:  # noqa: ANN401
    """#10: one header and one entry per registered semester, newest first."""
    student = call.student
    return {
        "headerlist": [
            {
                "branchdesc": student.branchdesc,
                "name": student.name,
                "programdesc": student.programdesc,
                "stynumber": str(semester.stynumber),
            }
            for semester in student.semesters
        ],
        "semlist": [
            {"registrationcode": s.registrationcode, "registrationid": s.registrationid}
            for s in student.semesters
        ],
        "client": [{"clientid": student.clientid, "clientname": "JAYPEE GROUP"}],
    }


@functools.cache  # like meetings(): the data never changes, and every attendance answer needs these
def _percent(semester: Semester, subject: Subject, kinds: str) -> float | None:
    """The share of ``subject``'s classes of ``kinds`` (``"LT"``: lectures, tutorials) attended, rounded."""
    classes = [
        meeting
        for component in subject.components
        if component.kind in kinds
        for meeting in meetings(semester, subject, component)
    ]
    if not classes:
        return None
    return round(100 * sum(c.present for c in classes) / len(classes), 1)


def _attendance_row(call: Call, semester: Semester, subject: Subject) -> dict[str, Any]:
    row: dict[str, Any] = {
        "studentid": call.student.memberid,
        "registrationid": semester.registrationid,
        "instituteid": call.student.institute_id,
        "subjectid": subject.subjectid,
        "subjectcode": f"{subject.name}({subject.clean_code})",
        "individualsubjectcode": subject.code,
        "LTpercantage": _percent(semester, subject, "LT"),  # sic
    }
    for kind in "LTP":
        row[f"{kind}percentage"] = row[f"{kind}prepercentage"] = _percent(semester, subject, kind)
    for component in subject.components:
        row[f"{component.kind}subjectcomponentid"] = component.componentid
    return row


def _attendance_semester(call: Call) -> Semester:
    semester = call.semester(errors=_NO_ATTENDANCE)
    if semester.registrationcode != call.payload["registrationcode"] or semester.attendance_until is None:
        raise no_data(_NO_ATTENDANCE)
    return semester


@routes.add(endpoints.ATTENDANCE_DETAIL, "instituteid", "registrationcode", "registrationid", "stynumber")
def attendance_detail(call: Call) -> Any:  # noqa: ANN401
    """#11: percentages per subject; "NO Attendance Found" for older semesters.

    ``stynumber`` is required but not compared: clients send the latest
    header's number whatever semester they ask about.
    """
    semester = _attendance_semester(call)
    return {
        "studentattendancelist": [_attendance_row(call, semester, s) for s in semester.subjects],
        "currentSem": str(call.student.current.stynumber),
    }


@routes.add(
    endpoints.SUBJECT_DAILY_ATTENDANCE,
    "cmpidkey",
    "instituteid",
    "registrationcode",
    "registrationid",
    "subjectcode",
    "subjectid",
)
def daily_attendance(call: Call) -> Any:  # noqa: ANN401
    """#12: every class of the chosen components of one subject, oldest first."""
    semester = _attendance_semester(call)
    subject = semester.subject(str(call.payload["subjectid"]))
    if subject is None or str(call.payload["subjectcode"]).strip() != subject.clean_code:
        raise no_data(_NO_ATTENDANCE)
    keys = call.payload["cmpidkey"]
    if not isinstance(keys, list) or not all(isinstance(k, dict) for k in keys):
        raise Abort(java_exception("java.lang.ClassCastException"))
    wanted = {k.get("subjectcomponentid") for k in keys}
    classes = sorted(
        (
            (meeting, component.faculty.name)
            for component in subject.components
            if component.componentid in wanted
            for meeting in meetings(semester, subject, component)
        ),
        key=lambda pair: pair[0].start,
    )
    if not classes:
        raise no_data(_NO_ATTENDANCE)
    return {
        "studentAttdsummarylist": [
            {
                "attendanceby": faculty,
                "attendancestatus": "Current",
                "classtype": "Regular",
                "datetime": meeting.portal_datetime,
                "present": "Present" if meeting.present else "Absent",
            }
            for meeting, faculty in classes
        ]
    }
