"""Grades: the grade card, SGPA and CGPA per semester, and the student's programme."""

from __future__ import annotations

from pyjiit._parse import JSONObject, get_bool, get_flag, get_float, get_id, get_int, get_text
from pyjiit.models._table import Model, as_sent, rows, wire

__all__ = [
    "CurrentSemester",
    "GradeCard",
    "GradeCardEntry",
    "SemesterResult",
    "SemesterResults",
    "StudentProgram",
]


class GradeCardEntry(Model, what="grade card entry"):
    """One subject's grade on a semester's grade card.

    Attributes:
        subject_id: The portal's id of the subject.
        subject_code: The subject's code.
        subject_name: The subject's name.
        grade: The letter grade, e.g. ``"A+"``.
        grade_point: The grade's points, e.g. 10 for A+.
        credits: The subject's credits (``coursecreditpoint``).
        earned_credits: The credits earned (0 for a failed or audit subject).
        points_secured: Grade points times credits (``pointsecured``).
        semester_number: The student's semester number when it was graded.
        minor: Whether it is a minor subject.
        raw: The item as the portal sent it.
    """

    subject_id: str = wire("subjectid", get_id)
    subject_code: str = wire("subjectcode", get_text)
    subject_name: str = wire("subjectdesc", get_text)
    grade: str = wire("grade", get_text)
    grade_point: float = wire("gradepoint", get_float)
    credits: float = wire("coursecreditpoint", get_float)
    earned_credits: float = wire("earnedcredit", get_float)
    points_secured: float = wire("pointsecured", get_float)
    semester_number: int = wire("stynumber", get_int)
    minor: bool = wire("minorsubject", get_flag)
    raw: JSONObject = as_sent()


class GradeCard(Model, what="grade card"):
    """A semester's grade card (``/studentgradecard/showstudentgradecard``).

    Attributes:
        entries: One entry per subject.
        show_report: The portal's ``clientwiseshowreport`` flag, or ``None`` if absent.
        raw: The answer's ``response`` as the portal sent it.
    """

    entries: tuple[GradeCardEntry, ...] = wire("gradecard", rows(GradeCardEntry))
    show_report: bool | None = wire("clientwiseshowreport", get_bool, optional=True)
    raw: JSONObject = as_sent()


class SemesterResult(Model, what="semester result"):
    """One semester's SGPA, CGPA and credits.

    The portal's names for the credit fields mislead, so the attributes have
    honest names.  The mapping was checked against real answers: the running
    totals add up semester by semester, and CGPA is cumulative grade points
    over cumulative earned credits.  ``totalearnedcredit`` is this semester's
    despite "total"; ``totalearnedcredits`` (plural) is the running total;
    ``prograsivegradepoints`` is the portal's spelling.

    Attributes:
        semester_number: Which semester of the programme (``stynumber``), from 1.
        sgpa: The semester's grade point average.
        cgpa: The cumulative grade point average up to this semester.
        course_credits: The credits of the semester's courses.
        registered_credits: The credits registered this semester.
        earned_credits: The credits earned this semester.
        cumulative_earned_credits: The credits earned up to and including this semester.
        cumulative_registered_credits: The credits registered up to and including this semester.
        grade_points: The grade points earned this semester.
        cumulative_grade_points: The grade points earned up to and including this semester.
        raw: The item as the portal sent it.
    """

    semester_number: int = wire("stynumber", get_int)
    sgpa: float = wire("sgpa", get_float)
    cgpa: float = wire("cgpa", get_float)
    course_credits: float = wire("totalcoursecredit", get_float)
    registered_credits: float = wire("registeredcredit", get_float)
    earned_credits: float = wire("totalearnedcredit", get_float)
    cumulative_earned_credits: float = wire("totalearnedcredits", get_float)
    cumulative_registered_credits: float = wire("totalregisteredcredit", get_float)
    grade_points: float = wire("earnedgradepoints", get_float)
    cumulative_grade_points: float = wire("prograsivegradepoints", get_float)
    raw: JSONObject = as_sent()


class SemesterResults(Model, what="semester results"):
    """SGPA and CGPA of every graded semester (``/studentsgpacgpa/getallsemesterdata``).

    Attributes:
        semesters: One result per semester, oldest first as the portal sends them.
        raw: The answer's ``response`` as the portal sent it.
    """

    semesters: tuple[SemesterResult, ...] = wire("semesterList", rows(SemesterResult))
    raw: JSONObject = as_sent()

    @property
    def latest(self) -> SemesterResult | None:
        """The newest semester's result, or ``None`` before the first grades."""
        return self.semesters[-1] if self.semesters else None


class CurrentSemester(Model, what="current semester"):
    """The student's current semester number (``/studentsgpacgpa/checkIfstudentmasterexist``).

    Attributes:
        semester_number: The current semester of the programme (``studentlov.currentsemester``).
        raw: The answer's ``response`` as the portal sent it.
    """

    semester_number: int = wire("studentlov.currentsemester", get_int)
    raw: JSONObject = as_sent()


class StudentProgram(Model, what="student program"):
    """The student's programme and branch (``/studentgradecard/getstudentinfo``).

    The grade card request needs :attr:`program_id` and :attr:`branch_id`.

    Attributes:
        program_id: The portal's id of the programme.
        branch_id: The portal's id of the branch.
        program_code: e.g. ``"B.T"``.
        branch_code: e.g. ``"CSE"``.
        program_name: e.g. ``"BACHELOR OF TECHNOLOGY"``, or ``None``.
        branch_name: e.g. ``"COMPUTER SCIENCE & ENGINEERING"``, or ``None``.
        max_semesters: The programme's number of semesters (``stymax``), or ``None``.
        raw: The answer's ``response`` as the portal sent it.
    """

    program_id: str = wire("studentinfo.programid", get_id)
    branch_id: str = wire("studentinfo.branchid", get_id)
    program_code: str = wire("studentinfo.programcode", get_text)
    branch_code: str = wire("studentinfo.branchcode", get_text)
    program_name: str | None = wire("studentinfo.programdesc", get_text, optional=True)
    branch_name: str | None = wire("studentinfo.branchdesc", get_text, optional=True)
    max_semesters: int | None = wire("studentinfo.stymax", get_int, optional=True)
    raw: JSONObject = as_sent()
