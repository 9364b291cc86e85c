"""Grades: grade-card semesters, program ids, grade cards, current semester, SGPA/CGPA (#24-#28).

The public clients named by tag (KT, UNK, JSc...) are those of docs/protocol.md section 0.
"""

from __future__ import annotations

from typing import Any

from pyjiit import endpoints
from pyjiit.testing._routing import Call, RouteTable, no_data
from pyjiit.testing.data import GRADE_POINTS, semester_results

__all__ = ["routes"]

#: The fake portal's routes for the grades endpoints, collected into its route table.
routes = RouteTable()


@routes.add(endpoints.GRADE_CARD_SEMESTERS, "instituteid")
def grade_card_semesters(call: Call) -> Any:  # noqa: ANN401
    """#24: the semesters whose grade card is out, newest first."""
    return {
        "registrations": [
            {
                "registrationcode": s.registrationcode,
                "registrationdesc": s.description,
                "registrationid": s.registrationid,
            }
            for s in call.student.semesters
            if s.graded
        ]
    }


@routes.add(endpoints.GRADE_CARD_STUDENT_INFO, "instituteid")
def grade_card_student_info(call: Call) -> Any:  # noqa: ANN401
    """#25: the program and branch ids #26 needs."""
    student = call.student
    return {
        "studentinfo": {
            "branchid": student.branchid,
            "branchcode": student.branchcode,
            "programcode": student.programcode,
            "stymax": student.stymax,
            "programdesc": student.programdesc,
            "instituteid": student.institute_id,
            "branchdesc": student.branchdesc,
            "programid": student.programid,
        }
    }


@routes.add(endpoints.GRADE_CARD, "branchid", "instituteid", "programid", "registrationid")
def grade_card(call: Call) -> Any:  # noqa: ANN401
    """#26: one row per subject of a graded semester.

    jsjiit sends ``branchid`` undefined, which JSON drops: the missing key
    makes this answer HTTP 500, as the real portal's would.
    """
    semester = call.semester()
    result = next((r for r in semester_results(call.student) if r.semester == semester), None)
    if result is None:
        raise no_data()
    student = call.student
    rows = []
    for subject in semester.subjects:
        grade = subject.grade or "F"
        points = GRADE_POINTS[grade]
        rows.append(
            {
                "branchid": student.branchid,
                "branchcode": student.branchcode,
                "gradeid": f"JIGRD{points:04d}",
                "academicyear": semester.academicyear,
                "cgpapoints": result.cgpa,
                "gradepoint": points,
                "subjectcode": subject.clean_code,
                "minorsubject": "N",
                "subjectid": subject.subjectid,
                "subjectdesc": subject.name,
                "stynumber": semester.stynumber,
                "studentid": student.memberid,
                "programcode": student.programcode,
                "earnedcredit": 0 if grade == "F" else subject.credits,
                "credits": subject.credits,
                "grade": grade,
                "name": student.name,
                "sgpapoints": result.sgpa,
                "enrollmentno": student.username,
                "coursecreditpoint": subject.credits,
                "pointsecured": points * subject.credits,
                "programid": student.programid,
            }
        )
    return {"clientwiseshowreport": True, "gradecard": rows}


@routes.add(endpoints.CURRENT_SEMESTER, "instituteid", "studentid")
def current_semester(call: Call) -> Any:  # noqa: ANN401
    """#27: the student's current semester number (jsjiit passes it to #28)."""
    student = call.student
    return {
        "studentlov": {
            "currentsemester": student.current.stynumber,
            "studentid": student.memberid,
            "name": student.name,
            "enrollmentno": student.username,
            "programid": student.programid,
            "branchid": student.branchid,
        }
    }


@routes.add(endpoints.SGPA_CGPA, "instituteid", "stynumber")
def sgpa_cgpa(call: Call) -> Any:  # noqa: ANN401
    """#28: every graded semester, first semester first, whatever ``stynumber`` says.

    The field names mislead, as on the portal (KT ``model/Grades.kt``): the
    singular ``totalearnedcredit`` is this semester's, the plural
    ``totalearnedcredits`` and ``totalregisteredcredit`` are running totals.
    """
    return {
        "semesterList": [
            {
                "stynumber": str(r.semester.stynumber),
                "sgpa": r.sgpa,
                "cgpa": r.cgpa,
                "totalcoursecredit": r.registered,
                "earnedgradepoints": r.grade_points,
                "totalearnedcredit": r.earned,
                "totalearnedcredits": r.total_earned,
                "totalregisteredcredit": r.total_registered,
                "registeredcredit": r.registered,
                "totalpointsecuredsgpa": r.grade_points,
                "totalpointsecuredcgpa": r.total_grade_points,
                "totalgradepoints": r.total_grade_points,
                "prograsivegradepoints": r.total_grade_points,  # sic
                "prograsivetotalearnedcredit": r.total_earned,
                "prograde": "PASS" if r.earned == r.registered else "PROMOTED",
            }
            for r in semester_results(call.student)
        ]
    }
