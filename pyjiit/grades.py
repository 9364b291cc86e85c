"""Grades: the grade card, SGPA and CGPA per semester, and the student's programme."""

from __future__ import annotations

from dataclasses import dataclass, field

from pyjiit._parse import (
    JSONObject,
    get_bool,
    get_flag,
    get_float,
    get_id,
    get_int,
    get_object,
    get_objects,
    get_text,
    optional,
    require_object,
)

__all__ = [
    "CurrentSemester",
    "GradeCard",
    "GradeCardEntry",
    "SemesterResult",
    "SemesterResults",
    "StudentProgram",
]


@dataclass(frozen=True)
class GradeCardEntry:
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

    subject_id: str
    subject_code: str
    subject_name: str
    grade: str
    grade_point: float
    credits: float
    earned_credits: float
    points_secured: float
    semester_number: int
    minor: bool
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> GradeCardEntry:
        """Build an entry from one item of the grade card answer's ``gradecard``.

        Raises:
            ResponseFormatError: A field is missing or of the wrong type.
        """
        what = "grade card entry"
        data = require_object(response, what)
        return cls(
            subject_id=get_id(data, "subjectid", what),
            subject_code=get_text(data, "subjectcode", what),
            subject_name=get_text(data, "subjectdesc", what),
            grade=get_text(data, "grade", what),
            grade_point=get_float(data, "gradepoint", what),
            credits=get_float(data, "coursecreditpoint", what),
            earned_credits=get_float(data, "earnedcredit", what),
            points_secured=get_float(data, "pointsecured", what),
            semester_number=get_int(data, "stynumber", what),
            minor=get_flag(data, "minorsubject", what),
            raw=data,
        )


@dataclass(frozen=True)
class GradeCard:
    """A semester's grade card (``/studentgradecard/showstudentgradecard``).

    Attributes:
        entries: One entry per subject.
        show_report: The portal's ``clientwiseshowreport`` flag, or ``None`` if absent.
        raw: The answer's ``response`` as the portal sent it.
    """

    entries: tuple[GradeCardEntry, ...]
    show_report: bool | None
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> GradeCard:
        """Build the grade card from the ``response`` of the grade card request.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        what = "grade card"
        data = require_object(response, what)
        return cls(
            entries=tuple(GradeCardEntry.from_response(row) for row in get_objects(data, "gradecard", what)),
            show_report=optional(get_bool, data, "clientwiseshowreport", what),
            raw=data,
        )


@dataclass(frozen=True)
class SemesterResult:
    """One semester's SGPA, CGPA and credits.

    The portal's names for the credit fields mislead, so the attributes have
    honest names.  The mapping, checked against real answers (the running
    totals add up semester by semester, and CGPA is cumulative grade points
    over cumulative earned credits):

    =================================  ============================
    attribute                          portal field
    =================================  ============================
    ``course_credits``                 ``totalcoursecredit``
    ``registered_credits``             ``registeredcredit``
    ``earned_credits``                 ``totalearnedcredit`` (this semester, despite "total")
    ``cumulative_earned_credits``      ``totalearnedcredits`` (plural: the running total)
    ``cumulative_registered_credits``  ``totalregisteredcredit`` (a running total)
    ``grade_points``                   ``earnedgradepoints``
    ``cumulative_grade_points``        ``prograsivegradepoints`` (sic)
    =================================  ============================

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

    semester_number: int
    sgpa: float
    cgpa: float
    course_credits: float
    registered_credits: float
    earned_credits: float
    cumulative_earned_credits: float
    cumulative_registered_credits: float
    grade_points: float
    cumulative_grade_points: float
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> SemesterResult:
        """Build a result from one item of the SGPA/CGPA answer's ``semesterList``.

        Raises:
            ResponseFormatError: A field is missing or of the wrong type.
        """
        what = "semester result"
        data = require_object(response, what)
        return cls(
            semester_number=get_int(data, "stynumber", what),
            sgpa=get_float(data, "sgpa", what),
            cgpa=get_float(data, "cgpa", what),
            course_credits=get_float(data, "totalcoursecredit", what),
            registered_credits=get_float(data, "registeredcredit", what),
            earned_credits=get_float(data, "totalearnedcredit", what),
            cumulative_earned_credits=get_float(data, "totalearnedcredits", what),
            cumulative_registered_credits=get_float(data, "totalregisteredcredit", what),
            grade_points=get_float(data, "earnedgradepoints", what),
            cumulative_grade_points=get_float(data, "prograsivegradepoints", what),
            raw=data,
        )


@dataclass(frozen=True)
class SemesterResults:
    """SGPA and CGPA of every graded semester (``/studentsgpacgpa/getallsemesterdata``).

    Attributes:
        semesters: One result per semester, oldest first as the portal sends them.
        raw: The answer's ``response`` as the portal sent it.
    """

    semesters: tuple[SemesterResult, ...]
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> SemesterResults:
        """Build the results from the ``response`` of the SGPA/CGPA request.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        data = require_object(response, "semester results")
        rows = get_objects(data, "semesterList", "semester results")
        return cls(semesters=tuple(SemesterResult.from_response(row) for row in rows), raw=data)


@dataclass(frozen=True)
class CurrentSemester:
    """The student's current semester number (``/studentsgpacgpa/checkIfstudentmasterexist``).

    Attributes:
        semester_number: The current semester of the programme (``studentlov.currentsemester``).
        raw: The answer's ``response`` as the portal sent it.
    """

    semester_number: int
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> CurrentSemester:
        """Build it from the ``response`` of the student master request.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        what = "current semester"
        data = require_object(response, what)
        student = get_object(data, "studentlov", what)
        return cls(semester_number=get_int(student, "currentsemester", f"{what} studentlov"), raw=data)


@dataclass(frozen=True)
class StudentProgram:
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

    program_id: str
    branch_id: str
    program_code: str
    branch_code: str
    program_name: str | None
    branch_name: str | None
    max_semesters: int | None
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> StudentProgram:
        """Build it from the ``response`` of the grade card student info request.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        what = "student program"
        data = require_object(response, what)
        info = get_object(data, "studentinfo", what)
        return cls(
            program_id=get_id(info, "programid", what),
            branch_id=get_id(info, "branchid", what),
            program_code=get_text(info, "programcode", what),
            branch_code=get_text(info, "branchcode", what),
            program_name=optional(get_text, info, "programdesc", what),
            branch_name=optional(get_text, info, "branchdesc", what),
            max_semesters=optional(get_int, info, "stymax", what),
            raw=data,
        )
