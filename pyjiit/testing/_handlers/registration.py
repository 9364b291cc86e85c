"""Registrations, subject choices and credits (#13-#17)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pyjiit import endpoints
from pyjiit.testing._routing import Call, RouteTable, no_data
from pyjiit.testing.data import academic_year, semester_results

if TYPE_CHECKING:
    from pyjiit.testing.data import ChoiceSemester, SubjectChoice

__all__ = ["routes"]

#: The fake portal's routes for the registration endpoints, collected into its route table.
routes = RouteTable()


@routes.add(endpoints.REGISTERED_SEMESTERS, "instituteid")
def registered_semesters(call: Call) -> Any:  # noqa: ANN401
    """#13: the registered semesters, newest first."""
    return {
        "registrations": [
            {"registrationcode": s.registrationcode, "registrationid": s.registrationid}
            for s in call.student.semesters
        ]
    }


@routes.add(endpoints.REGISTERED_SUBJECTS, "instituteid", "registrationid")
def registered_subjects(call: Call) -> Any:  # noqa: ANN401
    """#14: one row per subject component, with its teacher, and the semester's credits."""
    semester = call.semester()
    return {
        "registrations": [
            {
                "audtsubject": "N",
                "credits": subject.credits,
                "employeecode": component.faculty.employeecode,
                "employeename": component.faculty.name,
                "minorsubject": "N",
                "remarks": "REGULAR",
                "stytype": "REG",
                "subjectcode": subject.code,
                "subjectcomponentcode": component.kind,
                "subjectdesc": subject.name,
                "subjectid": subject.subjectid,
            }
            for subject in semester.subjects
            for component in subject.components
        ],
        "totalcreditpoints": semester.credits,
    }


def _choice_row(call: Call, semester: ChoiceSemester, choice: SubjectChoice) -> dict[str, Any]:
    student = call.student
    allotted = "Y" if choice.allotted else "N"
    return {
        "academicyear": academic_year(semester.registrationcode),
        "subjecttypedesc": "ELECTIVE",
        "subjectcode": choice.subjectcode,
        "running": allotted,
        "subjectrunning": allotted,
        "basketdesc": choice.basketdesc,
        "basketcode": choice.basketcode,
        "credits": choice.credits,
        "preference": choice.preference,
        "maxsubject": 1,
        "finalizedcount": 1 if semester.frozen else 0,
        "subjectdesc": choice.subjectdesc,
        "auditsubject": "N",
        "electivetype": "E",
        "subjecttype": "E",
        "freezeddatetime": "05/07/2026 10:00 AM" if semester.frozen else None,
        "studentname": student.name,
        "registrationno": student.username,
        "stynumber": str(semester.stynumber),
        "stynumberregistration": str(semester.stynumber),
        "stytype": "REG",
        "stytypedesc": "REGULAR",
        "sectionid": "JISEC0000004",
        "programid": student.programid,
    }


@routes.add(endpoints.SUBJECT_CHOICES, "instituteid", "registrationid")
def subject_choices(call: Call) -> Any:  # noqa: ANN401
    """#15: the elective-choice form of a semester; allotted rows have ``subjectrunning == "Y"``."""
    registrationid = call.payload["registrationid"]
    semester = next((s for s in call.student.choice_semesters if s.registrationid == registrationid), None)
    if semester is None:
        raise no_data()
    rows = [_choice_row(call, semester, choice) for choice in semester.choices]
    return {"total": len(rows), "subjectpreferencegrid": rows}


@routes.add(endpoints.CHOICE_SEMESTERS)
def choice_semesters(call: Call) -> Any:  # noqa: ANN401
    """#16: the semesters with a choice form, including the next, not yet registered one."""
    student = call.student
    return {
        "name": student.name,
        "registrationnumber": student.username,
        "registrationcodelist": [
            {
                "registrationid": s.registrationid,
                "registrationcode": s.registrationcode,
                "preventfreezed": "Y" if s.frozen else "N",
            }
            for s in student.choice_semesters
        ],
    }


@routes.add(endpoints.CREDITS, "enrollmentNo")
def credits_summary(call: Call) -> Any:  # noqa: ANN401
    """#17: credits registered this semester, earned so far, and required for the degree."""
    student = call.student
    results = semester_results(student)
    return {
        "registeredCredits": student.current.credits,
        "totalreqcredit": student.required_credits,
        "earnedcredit": results[-1].total_earned if results else 0,
        "studentName": student.name,
        "semester": str(student.current.stynumber),
        "enrollmentno": student.username,
    }
