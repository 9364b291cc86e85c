"""Every typed call of pyjiit, once, against a local fake portal.

Each call's result is annotated with the model it returns, so that
``mypy --strict`` checks this file as it checks an app: a wrong attribute or
a misused field is an error before anything runs.  The numbers are those of
the endpoints in the protocol reference.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from pyjiit import (
    AttendanceDetail,
    AttendanceMeta,
    BankInfo,
    Captcha,
    ChoiceSemesters,
    Credits,
    CurrentSemester,
    DailyAttendance,
    ExamEvents,
    ExamMarks,
    ExamSchedule,
    ExamSemesters,
    FeedbackEvents,
    FeedbackGrid,
    FeedbackQuestions,
    FeedbackSubject,
    FeeSummary,
    GradeCard,
    GradeCardSemesters,
    HostelAllocation,
    MarksSemesters,
    MoocSemesters,
    MoocStatus,
    PendingCharges,
    PersonalInfo,
    PortalConfig,
    Rating,
    SemesterResults,
    StudentProgram,
    SubjectAttendance,
    SubjectChoices,
    SubjectRegistrations,
    SubjectSemesters,
    TokenRefresh,
    Webportal,
    WebportalSession,
)
from pyjiit.testing import FakePortal

if TYPE_CHECKING:
    from decimal import Decimal


def call_everything(  # noqa: PLR0915 (one statement per call, on purpose)
    portal: Webportal, username: str, password: str, credential: str, folder: Path
) -> list[str]:
    """Log in and make every typed call once; return a line about each."""
    lines: list[str] = []
    captcha: Captcha = portal.account.captcha()  # 1
    config: PortalConfig = portal.account.config()  # 5
    lines.append(f"portal: {config.client}, Google sign-in shown: {config.google_sign_in_shown}")
    session: WebportalSession = portal.account.login(username, password, captcha)  # 2, 3
    session = portal.account.google_login(credential)  # 6
    lines.append(f"logged in: {session.name} ({session.enrollmentno})")
    refresh: TokenRefresh = portal.account.refresh_token()  # 4
    lines.append(f"token refresh: {refresh.message}")
    portal.account.change_password(password, password + "!")  # 9
    portal.account.change_password(password + "!", password)

    info: PersonalInfo = portal.student.personal_info()  # 7
    bank: BankInfo = portal.student.bank_info()  # 8
    hostel: HostelAllocation = portal.student.hostel()  # 31
    current: CurrentSemester = portal.student.current_semester()  # 27
    lines.append(f"student: {info.name}, {info.branch}, semester {current.semester_number}")
    lines.append(f"bank: {bank.bank_name}; hostel: {hostel.hostel}, room {hostel.room}")

    meta: AttendanceMeta = portal.attendance.meta()  # 10
    attendance: AttendanceDetail = portal.attendance.detail()  # 11, and 12 per component
    subject: SubjectAttendance = attendance.subjects[0]
    daily: DailyAttendance = portal.attendance.daily(meta.latest_semester(), subject)  # 12
    percent = "-" if subject.percentage is None else f"{subject.percentage:.1f} %"
    lines.append(
        f"attendance: {subject.name} {subject.attended}/{subject.total} ({percent}), {daily.total} classes"
    )

    semesters: SubjectSemesters = portal.registration.semesters()  # 13
    registered: SubjectRegistrations = portal.registration.subjects(semesters[0])  # 14
    choice_semesters: ChoiceSemesters = portal.registration.choice_semesters()  # 16
    choices: SubjectChoices = portal.registration.choices(choice_semesters[0])  # 15
    credits: Credits = portal.registration.credits()  # 17
    lines.append(f"registered: {len(registered.components)} components, {registered.total_credits} credits")
    lines.append(f"choices: {len(choices.allotted)} allotted; credits still to earn: {credits.remaining}")

    exam_semesters: ExamSemesters = portal.exams.semesters()  # 18
    events: ExamEvents = portal.exams.events(exam_semesters[0])  # 19
    schedule: ExamSchedule = portal.exams.schedule(events.by_start[-1])  # 20
    marks_semesters: MarksSemesters = portal.exams.marks_semesters()  # 21
    pdf: Path = portal.exams.save_marks_pdf(marks_semesters[0], folder / "marks.pdf")  # 22
    marks: ExamMarks = portal.exams.marks(marks_semesters[0])  # 23
    lines.append(f"exams: {len(events.events)} events, {len(schedule.entries)} papers in the latest")
    lines.append(f"marks: {pdf.stat().st_size} bytes of PDF, {len(marks.records)} JSON records")

    card_semesters: GradeCardSemesters = portal.grades.semesters()  # 24
    program: StudentProgram = portal.grades.program()  # 25
    card: GradeCard = portal.grades.card(card_semesters[0])  # 26
    results: SemesterResults = portal.grades.results()  # 28
    cgpa = results.latest.cgpa if results.latest else None
    lines.append(
        f"grades: {program.branch_code}, {len(card.entries)} grades in "
        f"{card_semesters[0].registration_code}, CGPA {cgpa}"
    )

    charges: PendingCharges = portal.fees.charges()  # 29
    fees: FeeSummary = portal.fees.summary()  # 30
    due: Decimal = fees.total_due + charges.total
    lines.append(f"fees: {due} due")

    events_to_rate: FeedbackEvents = portal.feedback.events()  # 32
    event = events_to_rate.latest
    if event is not None:
        grid: FeedbackGrid = portal.feedback.grid(event)  # 33
        teacher: FeedbackSubject = grid.subjects[0]
        questions: FeedbackQuestions = portal.feedback.questions(event, teacher)  # 34
        portal.feedback.submit(event, teacher, questions.questions, Rating.EXCELLENT)  # 35
        lines.append(f"feedback: rated {teacher.faculty_name} on {len(questions.questions)} questions")

    mooc_semesters: MoocSemesters = portal.mooc.semesters()  # 36
    status: MoocStatus = portal.mooc.status(mooc_semesters[0])  # 37
    lines.append(
        f"MOOC: {len(status.requests)} requests, {sum(r.approved for r in status.requests)} approved"
    )
    return lines


if __name__ == "__main__":
    with (
        FakePortal() as fake,
        Webportal(fake.url, sso_url=fake.sso_url) as client,
        tempfile.TemporaryDirectory() as folder,
    ):
        for line in call_everything(
            client, fake.username, fake.password, fake.google_credential, Path(folder)
        ):
            sys.stdout.write(line + "\n")
