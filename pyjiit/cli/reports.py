"""What each command shows, as plain data: the rows of its tables and its ``--json`` output.

Every report is a frozen dataclass built from the library's typed models, so
the command's output does not depend on the portal's raw field names.
:func:`pyjiit.models.to_data` turns any report into JSON-compatible data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pyjiit.utils import IST

if TYPE_CHECKING:
    from decimal import Decimal
    from pathlib import PurePath

    from pyjiit.models import (
        ClassEntry,
        Component,
        ExamEvent,
        ExamScheduleEntry,
        FeeHead,
        GradeCardEntry,
        PendingCharge,
        PersonalInfo,
        SemesterResult,
        SubjectAttendance,
    )
    from pyjiit.session import WebportalSession

__all__ = [
    "Account",
    "AttendanceReport",
    "ChargeRow",
    "ClassRow",
    "DailyReport",
    "DemoReport",
    "ExamEventRow",
    "ExamRow",
    "ExamsReport",
    "FeeRow",
    "FeesReport",
    "GradeRow",
    "GradesReport",
    "LogoutReport",
    "MarksReport",
    "Report",
    "ResultRow",
    "SubjectRow",
]


@dataclass(frozen=True)
class Account:
    """Who is logged in, where, and until when (``login`` and ``whoami``).

    Attributes:
        name: The student's name.
        enrollment_no: The enrolment number.
        institute: The institute's name.
        portal: The portal's API base.
        expires: When the session's token expires, or ``None`` if it does not say.
        program: The programme (``whoami`` only).
        branch: The branch (``whoami`` only).
        semester: The current semester number (``whoami`` only).
        email: The institute email address (``whoami`` only).
    """

    name: str
    enrollment_no: str
    institute: str
    portal: str
    expires: dt.datetime | None
    program: str | None = None
    branch: str | None = None
    semester: int | None = None
    email: str | None = None

    @classmethod
    def from_session(
        cls, session: WebportalSession, portal: str, info: PersonalInfo | None = None
    ) -> Account:
        """Describe ``session`` on ``portal``, with the details of ``info`` when given."""
        return cls(
            name=session.name,
            enrollment_no=info.enrollment_no if info else session.enrollmentno,
            institute=session.institute,
            portal=portal,
            # In IST, as every other time the command shows (expires_at is in UTC).
            expires=session.expires_at.astimezone(IST) if session.expires_at else None,
            program=info.program if info else None,
            branch=info.branch if info else None,
            semester=info.semester if info else None,
            email=info.email if info else None,
        )


@dataclass(frozen=True)
class LogoutReport:
    """The answer of ``logout``.

    Attributes:
        had_session: Whether a saved session was deleted.
    """

    had_session: bool


@dataclass(frozen=True)
class SubjectRow:
    """One subject's line in the attendance table.

    Attributes:
        code: The subject's code.
        name: The subject's name.
        attended: Classes attended.
        total: Classes held.
        percentage: ``attended`` in percent of ``total``, or ``None`` when no class was held.
        classes_needed: Classes to attend in a row to reach the goal (0 when it is met).
        classes_can_miss: Classes that can be missed while staying at or above the goal.
        portal_percentage: The percentage the portal itself reports (sometimes wrong), or ``None``.
    """

    code: str
    name: str
    attended: int
    total: int
    percentage: float | None
    classes_needed: int
    classes_can_miss: int
    portal_percentage: float | None

    @classmethod
    def build(cls, subject: SubjectAttendance, goal: float) -> SubjectRow:
        """Make the line of ``subject`` (its classes attached), for an attendance ``goal`` in percent."""
        return cls(
            code=subject.code,
            name=subject.name,
            attended=subject.attended,
            total=subject.total,
            percentage=subject.percentage,
            classes_needed=subject.classes_needed(goal),
            classes_can_miss=subject.classes_can_miss(goal),
            portal_percentage=subject.portal_percentage,
        )


@dataclass(frozen=True)
class AttendanceReport:
    """The answer of ``attendance``: a semester's subjects.

    Attributes:
        semester: The semester's code; ``None`` when the portal has no attendance at all.
        goal: The attendance goal, in percent.
        subjects: One line per subject (empty when nothing is recorded yet).
    """

    semester: str | None
    goal: float
    subjects: tuple[SubjectRow, ...]


@dataclass(frozen=True)
class ClassRow:
    """One class in ``attendance SUBJECT --daily``.

    Attributes:
        date: The day of the class.
        start: When it started, or ``None`` if the portal's text is unreadable.
        end: When it ended, or ``None`` if the portal's text is unreadable.
        component: ``"L"`` (lecture), ``"T"`` (tutorial) or ``"P"`` (practical); ``None``
            for a class read in one list for the whole subject, which does not say.
        present: Whether the student was marked present.
        mark: The portal's mark, e.g. ``"Present"``.
        class_type: e.g. ``"Regular"``, or ``None``.
    """

    date: dt.date
    start: dt.datetime | None
    end: dt.datetime | None
    component: Component | None
    present: bool
    mark: str
    class_type: str | None

    @classmethod
    def build(cls, entry: ClassEntry, component: Component | None) -> ClassRow:
        """Make the line of one class of ``component``."""
        return cls(entry.date, entry.start, entry.end, component, entry.present, entry.mark, entry.class_type)


@dataclass(frozen=True)
class DailyReport:
    """The answer of ``attendance SUBJECT --daily``: one subject, class by class.

    Attributes:
        semester: The semester's code.
        goal: The attendance goal, in percent.
        subject: The subject's totals.
        classes: Its classes, oldest first.
    """

    semester: str
    goal: float
    subject: SubjectRow
    classes: tuple[ClassRow, ...]


@dataclass(frozen=True)
class ExamRow:
    """One paper of an exam schedule.

    Attributes:
        date: The day of the paper.
        start: When it starts, or ``None`` if unknown.
        end: When it ends, or ``None`` if unknown.
        code: The subject's code.
        name: The subject's name.
        room: The room, or ``None`` until the portal assigns one (about a day before).
        seat: The seat, or ``None`` until then.
    """

    date: dt.date
    start: dt.datetime | None
    end: dt.datetime | None
    code: str
    name: str
    room: str | None
    seat: str | None

    @classmethod
    def build(cls, entry: ExamScheduleEntry) -> ExamRow:
        """Make the line of one paper."""
        return cls(
            entry.date, entry.start, entry.end, entry.subject_code, entry.subject_name, entry.room, entry.seat
        )


@dataclass(frozen=True)
class ExamEventRow:
    """An exam event a schedule can be asked for.

    Attributes:
        code: The event's code, e.g. ``"T1"``.
        name: Its description.
        starts: When it starts.
    """

    code: str
    name: str
    starts: dt.datetime

    @classmethod
    def build(cls, event: ExamEvent) -> ExamEventRow:
        """Make the line of one event."""
        starts = dt.datetime.fromtimestamp(event.event_from / 1000, IST)
        return cls(event.exam_event_code, event.exam_event_desc, starts)


@dataclass(frozen=True)
class ExamsReport:
    """The answer of ``exams``: an exam event's schedule.

    Attributes:
        semester: The semester's code, or ``None`` when the portal lists none.
        event: The event shown, or ``None`` when the semester has none.
        events: Every event of the semester, for ``--event``.
        exams: The papers, by date.
    """

    semester: str | None
    event: ExamEventRow | None
    events: tuple[ExamEventRow, ...]
    exams: tuple[ExamRow, ...]


@dataclass(frozen=True)
class ResultRow:
    """One semester's SGPA and CGPA.

    Attributes:
        semester: The semester number (1 for the first).
        sgpa: The semester's grade point average.
        cgpa: The cumulative grade point average after it.
        earned_credits: The credits earned in it.
    """

    semester: int
    sgpa: float
    cgpa: float
    earned_credits: float

    @classmethod
    def build(cls, result: SemesterResult) -> ResultRow:
        """Make the line of one semester."""
        return cls(result.semester_number, result.sgpa, result.cgpa, result.earned_credits)


@dataclass(frozen=True)
class GradeRow:
    """One subject of a grade card.

    Attributes:
        code: The subject's code.
        name: The subject's name.
        grade: The letter grade.
        grade_point: The grade's points.
        credits: The subject's credits.
    """

    code: str
    name: str
    grade: str
    grade_point: float
    credits: float

    @classmethod
    def build(cls, entry: GradeCardEntry) -> GradeRow:
        """Make the line of one subject."""
        return cls(entry.subject_code, entry.subject_name, entry.grade, entry.grade_point, entry.credits)


@dataclass(frozen=True)
class GradesReport:
    """The answer of ``grades``: SGPA/CGPA per semester and one grade card.

    Attributes:
        results: SGPA and CGPA per semester, first semester first.
        grade_card_semester: The code of the semester whose grade card is shown, or ``None``.
        grade_card: Its subjects.
    """

    results: tuple[ResultRow, ...]
    grade_card_semester: str | None
    grade_card: tuple[GradeRow, ...]


@dataclass(frozen=True)
class FeeRow:
    """One semester's fees.

    Attributes:
        semester: The semester number.
        academic_year: The academic year code.
        fee: The fee charged.
        received: The amount received.
        due: The amount still due.
        currency: The currency code, or ``None``.
    """

    semester: int
    academic_year: str
    fee: Decimal
    received: Decimal
    due: Decimal
    currency: str | None

    @classmethod
    def build(cls, head: FeeHead) -> FeeRow:
        """Make the line of one semester."""
        return cls(
            head.semester_number,
            head.academic_year,
            head.fee_amount,
            head.received_amount,
            head.due_amount,
            head.currency,
        )


@dataclass(frozen=True)
class ChargeRow:
    """A fine or other charge waiting to be paid.

    Attributes:
        service: What it is for.
        amount: What it costs.
        remarks: The office's remark, or ``None``.
    """

    service: str
    amount: Decimal
    remarks: str | None

    @classmethod
    def build(cls, charge: PendingCharge) -> ChargeRow:
        """Make the line of one charge."""
        return cls(charge.service_name, charge.amount, charge.remarks_by_authority)


@dataclass(frozen=True)
class FeesReport:
    """The answer of ``fees``: fees per semester and pending charges.

    Attributes:
        fees: One line per semester.
        charges: Pending fines and charges (empty when nothing is due).
        total_due: Fees due plus pending charges.
    """

    fees: tuple[FeeRow, ...]
    charges: tuple[ChargeRow, ...]
    total_due: Decimal


@dataclass(frozen=True)
class MarksReport:
    """The answer of ``marks``.

    Attributes:
        semester: The semester's code.
        path: Where the PDF was saved.
        size: Its size in bytes.
    """

    semester: str
    path: PurePath
    size: int


@dataclass(frozen=True)
class DemoReport:
    """The answer of ``demo``: a tour of the demo student's records.

    Attributes:
        account: Who the demo student is.
        attendance: Their attendance.
        exams: Their latest exam schedule.
        grades: Their grades.
        fees: Their fees.
    """

    account: Account
    attendance: AttendanceReport
    exams: ExamsReport
    grades: GradesReport
    fees: FeesReport


#: Everything a command can answer.
Report = (
    Account
    | LogoutReport
    | AttendanceReport
    | DailyReport
    | ExamsReport
    | GradesReport
    | FeesReport
    | MarksReport
    | DemoReport
)
