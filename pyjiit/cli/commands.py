"""The commands: each asks the portal what it needs and returns a report.

The ``*_report`` functions do the asking for a logged-in client; the command
functions (``attendance(context)``...) read the command line, open the saved
session and call them.  ``demo`` calls the same functions on a fake portal.
"""

from __future__ import annotations

import contextlib
import functools
import getpass
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pyjiit._checks import Refused, check_ca_bundle, sendable_text
from pyjiit._fanout import DEFAULT_IN_FLIGHT, side_by_side
from pyjiit.attendance_math import DEFAULT_GOAL
from pyjiit.cli.exits import CommandError, UsageError
from pyjiit.cli.reports import (
    Account,
    AttendanceReport,
    ChargeRow,
    ClassRow,
    DailyReport,
    DemoReport,
    ExamEventRow,
    ExamRow,
    ExamsReport,
    FeeRow,
    FeesReport,
    GradeRow,
    GradesReport,
    LogoutReport,
    MarksReport,
    ResultRow,
    SubjectRow,
)
from pyjiit.cli.store import PortalAddress
from pyjiit.exceptions import NotLoggedIn, PyjiitError
from pyjiit.models import Semester, SemesterRecord
from pyjiit.wrapper import API, Webportal

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence

    from pyjiit.cli.render import Output
    from pyjiit.cli.store import SessionStore
    from pyjiit.models import AttendanceDetail, SubjectAttendance
    from pyjiit.session import WebportalSession

__all__ = [
    "DEMO_LATENCY",
    "GOOGLE_CREDENTIAL_VARIABLE",
    "PASSWORD_VARIABLE",
    "Context",
    "attendance",
    "attendance_report",
    "daily_report",
    "demo",
    "exams",
    "exams_report",
    "fees",
    "fees_report",
    "grades",
    "grades_report",
    "log_in",
    "login",
    "logout",
    "marks",
    "whoami",
]

#: The environment variable ``login`` takes the password from instead of asking.
PASSWORD_VARIABLE = "PYJIIT_PASSWORD"  # noqa: S105 (a variable name, not a password)
#: The environment variable ``login --google`` takes the credential from when none is given.
GOOGLE_CREDENTIAL_VARIABLE = "PYJIIT_GOOGLE_CREDENTIAL"

#: A semester of any of the portal's lists.
_S = TypeVar("_S", Semester, SemesterRecord)


@dataclass
class Context:
    """What a command works with.

    Attributes:
        args: The parsed command line.
        store: Where the session is saved.
        output: Where to show progress.
        portal: The portal the command talks to, once it is known (error messages name its host).
    """

    args: argparse.Namespace
    store: SessionStore
    output: Output
    portal: PortalAddress | None = None

    def _ca_file(self) -> str | None:
        """``--ca-file``, made absolute so that the saved session finds it from any directory."""
        ca_file = self.args.ca_file
        if not ca_file:
            return None
        if not Path(ca_file).is_file():
            raise UsageError(f"--ca-file {ca_file!r} is not a file")
        try:
            check_ca_bundle("--ca-file", ca_file)
        except Refused as refused:
            raise UsageError(str(refused)) from None
        return str(Path(ca_file).resolve())

    def address(self) -> PortalAddress:
        """The portal the command line names (the real portal unless ``--portal-url`` says otherwise)."""
        return PortalAddress(self.args.portal_url or API, self.args.sso_url, self._ca_file())

    def connect(self, address: PortalAddress) -> Webportal:
        """A client of ``address`` (not logged in), waiting as long as ``--timeout`` says."""
        self.portal = address
        return address.connect(self.args.timeout)

    def open(self) -> Webportal:
        """A client logged in with the saved session.

        Raises:
            NotLoggedIn: No session is saved for the portal the command line names.
        """
        address = self.store.address(self.args.portal_url, sso_url=self.args.sso_url, ca_file=self._ca_file())
        return self.store.load(self.connect(address))


def _session(portal: Webportal) -> WebportalSession:
    if portal.session is None:  # pragma: no cover - SessionStore.open always loads one
        raise NotLoggedIn("not logged in: run `pyjiit login`")
    return portal.session


def _find(semesters: Sequence[_S], code: str, what: str) -> _S:
    """Return the semester with the code ``code`` (in any case).

    Raises:
        UsageError: No semester has that code.
    """
    for semester in semesters:
        if semester.registration_code.casefold() == code.strip().casefold():
            return semester
    listed = ", ".join(semester.registration_code for semester in semesters) or "none"
    raise UsageError(f"no semester {code!r} with {what}; the portal lists: {listed}")


def _choose(semesters: Sequence[_S], code: str | None, what: str) -> _S | None:
    """Return the semester ``code`` names, or the newest when it is ``None`` (``None`` if there is none).

    Raises:
        UsageError: No semester has that code.
    """
    if code is not None:
        return _find(semesters, code, what)
    return semesters[0] if semesters else None


# -- logging in and out ----------------------------------------------------------------------------


def log_in(
    context: Context,
    address: PortalAddress,
    how: Callable[[Webportal], WebportalSession],
    store: SessionStore | None = None,
) -> tuple[Account, Webportal]:
    """Log in to the portal at ``address`` with ``how`` (e.g. ``lambda p: p.account.login(...)``).

    Args:
        context: The command's context (its output and timeout).
        address: The portal.
        how: Logs a client in and returns its session.
        store: Where to save the session, if anywhere.

    Returns:
        Who logged in, and the logged-in client (the caller closes it).
    """
    portal = context.connect(address)
    try:
        with context.output.busy("Logging in"):
            session = how(portal)
        if store is not None:
            store.save(portal, address)
    except BaseException:
        portal.close()
        raise
    return Account.from_session(session, address.url), portal


def _password(username: str) -> str:
    """The password from the environment, or asked for (without echo) on a terminal.

    Raises:
        UsageError: There is no password: no terminal to ask for it on, or the
            input ended (Ctrl-D) at the prompt.
    """
    password = os.environ.get(PASSWORD_VARIABLE)
    # Without a terminal getpass would read a piped stdin with a warning, or on
    # Windows wait on a console nobody sees: say what to do instead.
    if not password and sys.stdin is not None and sys.stdin.isatty():
        try:
            password = getpass.getpass(f"Password for {username}: ")
        except (EOFError, KeyboardInterrupt, UnicodeDecodeError) as stop:
            # getpass ends the prompt's line only after an answer: end it, so
            # that the error starts a line of its own.
            if sys.stderr is not None and sys.stderr.isatty():
                sys.stderr.write("\n")
            if isinstance(stop, KeyboardInterrupt):
                raise
            if isinstance(stop, UnicodeDecodeError):
                # Not its message: that shows a byte of the password, and where it is.
                raise _not_utf8("the password") from None
            raise UsageError("no password given: the input ended (Ctrl-D) at the prompt") from None
    if not password:
        raise UsageError(
            f"no password given: set {PASSWORD_VARIABLE}, or type it at the prompt in a terminal"
        )
    return password


def _not_utf8(what: str) -> UsageError:
    """The error for ``what`` (a credential) read from bytes that are not UTF-8; it never shows them."""
    return UsageError(
        f"{what} is not UTF-8 text (a byte of it is not): check the terminal's or variable's encoding"
    )


def _check_text(what: str, text: str) -> str:
    """Return ``text`` if it can be sent: bytes that were not UTF-8 (from a terminal, a variable) cannot.

    Raises:
        UsageError: It cannot; the message names ``what``, never the text (a password, say).
    """
    try:
        return sendable_text(what, text, empty=True)  # an empty one is refused before, in its own words
    except Refused:
        raise _not_utf8(what) from None


def login(context: Context) -> Account:
    """``pyjiit login``: log in and save the session."""
    args = context.args
    how: Callable[[Webportal], WebportalSession]
    if args.google is not None:
        if args.username:
            raise UsageError("give a USERNAME or --google, not both")
        credential = args.google or os.environ.get(GOOGLE_CREDENTIAL_VARIABLE)
        if not credential:
            raise UsageError(f"--google needs a CREDENTIAL, or set {GOOGLE_CREDENTIAL_VARIABLE}")
        _check_text("the Google credential", credential)

        def how(portal: Webportal) -> WebportalSession:
            return portal.account.google_login(credential)
    else:
        if not args.username:
            raise UsageError("give your enrollment number (pyjiit login USERNAME) or --google CREDENTIAL")
        username = _check_text("the enrollment number", args.username)
        password = _check_text("the password", _password(username))

        def how(portal: Webportal) -> WebportalSession:
            return portal.account.login(username, password)

    account, portal = log_in(context, context.address(), how, context.store)
    portal.close()
    return account


def logout(context: Context) -> LogoutReport:
    """``pyjiit logout``: forget the saved session."""
    return LogoutReport(had_session=context.store.clear())


def whoami(context: Context) -> Account:
    """``pyjiit whoami``: who is logged in, checked with the portal."""
    with context.open() as portal, context.output.busy("Asking the portal who you are"):
        info = portal.student.personal_info()
        return Account.from_session(_session(portal), portal.base_url, info)


# -- attendance -----------------------------------------------------------------------------------


def _semester_attendance(portal: Webportal, code: str | None) -> AttendanceDetail:
    """The attendance of the semester ``code`` names, or of the current one, without its classes yet.

    Raises:
        UsageError: No semester has the code ``code``.
    """
    chosen = None if code is None else _find(portal.attendance.meta().semesters, code, "attendance")
    return portal.attendance.detail(chosen, daily=False)


def _match_subject(subjects: Sequence[SubjectAttendance], query: str, semester: str) -> SubjectAttendance:
    """Return the subject whose code is ``query``, else the one whose name contains it.

    Raises:
        UsageError: No subject, or more than one, matches.
    """
    wanted = query.strip().casefold()
    for subject in subjects:
        if wanted in (subject.code.casefold(), subject.name.casefold()):
            return subject
    found = [
        subject
        for subject in subjects
        if wanted in subject.name.casefold() or wanted in subject.code.casefold()
    ]
    if len(found) == 1:
        return found[0]
    listed = ", ".join(f"{subject.code} ({subject.name})" for subject in found or subjects)
    if not found:
        raise UsageError(f"no subject matches {query!r} in {semester}; its subjects: {listed}")
    raise UsageError(f"{query!r} matches several subjects: {listed}; give its code")


def attendance_report(
    portal: Webportal,
    output: Output,
    *,
    semester: str | None = None,
    goal: float = DEFAULT_GOAL,
    subject: str | None = None,
    max_in_flight: int = DEFAULT_IN_FLIGHT,
) -> AttendanceReport:
    """Attendance per subject of a semester (the newest by default), counted class by class.

    Args:
        portal: A logged-in client.
        output: Where to show progress.
        semester: A semester code, or ``None`` for the newest with attendance.
        goal: The attendance goal, in percent.
        subject: Show only the subject with this code or name.
        max_in_flight: At most this many requests at once.

    Raises:
        UsageError: ``semester`` or ``subject`` matches nothing.
    """
    with output.busy("Fetching attendance (the portal can take a while)") as progress:
        detail = _semester_attendance(portal, semester)
        if detail.semester is None:
            return AttendanceReport(semester=None, goal=goal, subjects=())
        code = detail.semester.registration_code
        chosen = detail.subjects if subject is None else (_match_subject(detail.subjects, subject, code),)
        counted: list[str] = []

        def count(item: SubjectAttendance) -> None:
            counted.append(item.name)
            progress(f"Counting classes: {len(counted)} of {len(chosen)} subjects ({item.name})")

        progress(f"Counting classes of {len(chosen)} subjects")
        loaded = portal.attendance.with_daily_all(
            detail.semester, chosen, max_in_flight=max_in_flight, progress=count
        )
    rows = tuple(SubjectRow.build(item, goal) for item in loaded)
    return AttendanceReport(semester=code, goal=goal, subjects=rows)


def daily_report(
    portal: Webportal,
    output: Output,
    *,
    subject: str,
    semester: str | None = None,
    goal: float = DEFAULT_GOAL,
    max_in_flight: int = DEFAULT_IN_FLIGHT,
) -> DailyReport:
    """Class-by-class attendance of one subject (at most ``max_in_flight`` requests at once).

    Raises:
        UsageError: ``semester`` or ``subject`` matches nothing.
        CommandError: The portal has no attendance in the semester.
    """
    with output.busy("Fetching attendance (the portal can take a while)"):
        detail = _semester_attendance(portal, semester)
        if detail.semester is None:
            raise CommandError("the portal has no attendance for you yet")
        code = detail.semester.registration_code
        if not detail.subjects:
            raise CommandError(f"no attendance recorded in {code} yet")
        # A list per component, so that each class says its component: no slower, they are sent together.
        (item,) = portal.attendance.with_daily_all(
            detail.semester,
            [_match_subject(detail.subjects, subject, code)],
            by_component=True,
            max_in_flight=max_in_flight,
        )
    classes = tuple(ClassRow.build(entry, component) for component, entry in item.classes)
    return DailyReport(semester=code, goal=goal, subject=SubjectRow.build(item, goal), classes=classes)


def attendance(context: Context) -> AttendanceReport | DailyReport:
    """``pyjiit attendance``: the attendance table, or one subject's classes with ``--daily``."""
    args = context.args
    if args.daily and not args.subject:
        raise UsageError("--daily needs a SUBJECT (its code or part of its name)")
    with context.open() as portal:
        if args.daily:
            return daily_report(
                portal,
                context.output,
                subject=args.subject,
                semester=args.semester,
                goal=args.goal,
                max_in_flight=args.max_in_flight,
            )
        return attendance_report(
            portal,
            context.output,
            semester=args.semester,
            goal=args.goal,
            subject=args.subject,
            max_in_flight=args.max_in_flight,
        )


# -- exams, grades, fees, marks ------------------------------------------------------------------------


def exams_report(
    portal: Webportal, output: Output, *, semester: str | None = None, event: str | None = None
) -> ExamsReport:
    """The schedule of an exam event: the latest of the newest semester by default.

    Raises:
        UsageError: ``semester`` or ``event`` matches nothing.
    """
    with output.busy("Fetching the exam schedule"):
        chosen = _choose(portal.exams.semesters(), semester, "exam events")
        if chosen is None:
            return ExamsReport(semester=None, event=None, events=(), exams=())
        events = portal.exams.events(chosen).by_start
        rows = tuple(ExamEventRow.build(item) for item in events)
        if not events:
            return ExamsReport(semester=chosen.registration_code, event=None, events=(), exams=())
        if event is None:
            index = len(events) - 1
        else:
            wanted = event.strip().casefold()
            matches = [
                number
                for number, item in enumerate(events)
                if wanted in (item.exam_event_code.casefold(), item.exam_event_id.casefold())
            ]
            if not matches:
                listed = ", ".join(row.code for row in rows)
                raise UsageError(
                    f"no exam event {event!r} in {chosen.registration_code}; its events: {listed}"
                )
            index = matches[0]
        schedule = portal.exams.schedule(events[index]).entries
    return ExamsReport(
        semester=chosen.registration_code,
        event=rows[index],
        events=rows,
        exams=tuple(sorted((ExamRow.build(entry) for entry in schedule), key=lambda row: row.date)),
    )


def exams(context: Context) -> ExamsReport:
    """``pyjiit exams``: an exam event's schedule."""
    with context.open() as portal:
        return exams_report(portal, context.output, semester=context.args.semester, event=context.args.event)


def grades_report(
    portal: Webportal,
    output: Output,
    *,
    semester: str | None = None,
    max_in_flight: int = DEFAULT_IN_FLIGHT,
) -> GradesReport:
    """SGPA and CGPA of every semester, and the grade card of one (the newest by default).

    The results, the list of grade cards and the programme (whose ids the
    grade card needs) are asked for side by side, then the grade card: two
    answers waited for, where one after another would be four.

    Raises:
        UsageError: No grade card semester has the code ``semester``.
    """
    with output.busy("Fetching grades"):
        results, semesters, _ = side_by_side(
            portal.grades.results,
            portal.grades.semesters,
            functools.partial(_ask_for_program, portal),
            max_in_flight=max_in_flight,
        )
        chosen = _choose(semesters, semester, "a grade card")
        card = () if chosen is None else portal.grades.card(chosen).entries
    return GradesReport(
        results=tuple(ResultRow.build(result) for result in results.semesters),
        grade_card_semester=chosen.registration_code if chosen else None,
        grade_card=tuple(GradeRow.build(entry) for entry in card),
    )


def _ask_for_program(portal: Webportal) -> None:
    """Ask for the programme now, for the grade card to use; a failure here is the grade card's to raise.

    The client keeps the programme for its session, so the grade card asks
    again only if this failed, and then fails (or not) in its own turn, as it
    would have without this.
    """
    with contextlib.suppress(PyjiitError):
        portal.grades.program()


def grades(context: Context) -> GradesReport:
    """``pyjiit grades``: results and a grade card."""
    args = context.args
    with context.open() as portal:
        return grades_report(portal, context.output, semester=args.semester, max_in_flight=args.max_in_flight)


def fees_report(portal: Webportal, output: Output, *, max_in_flight: int = DEFAULT_IN_FLIGHT) -> FeesReport:
    """The fee summary and pending fines, asked for side by side.

    Nothing due is an empty list, not an error.
    """
    with output.busy("Fetching fees"):
        summary, charges = side_by_side(portal.fees.summary, portal.fees.charges, max_in_flight=max_in_flight)
    return FeesReport(
        fees=tuple(FeeRow.build(head) for head in summary.heads),
        charges=tuple(ChargeRow.build(charge) for charge in charges.charges),
        total_due=summary.total_due + charges.total,
    )


def fees(context: Context) -> FeesReport:
    """``pyjiit fees``: fees and pending fines."""
    with context.open() as portal:
        return fees_report(portal, context.output, max_in_flight=context.args.max_in_flight)


def marks(context: Context) -> MarksReport:
    """``pyjiit marks``: download a semester's marks as a PDF.

    ``--output`` names the file, or a folder (one that exists, or any path
    ending with a slash) to save it in under the default name.

    Raises:
        UsageError: ``--output -``: the PDF is not written to standard output.
        CommandError: The portal has no marks yet.
        FileNotSaved: The file cannot be written.
    """
    args = context.args
    if args.output == "-":
        raise UsageError(
            "--output -: the PDF is not written to standard output: name a file (./- for one named -)"
        )
    with context.open() as portal, context.output.busy("Downloading marks"):
        chosen = _choose(portal.exams.marks_semesters(), args.semester, "marks")
        if chosen is None:
            raise CommandError("the portal has no marks for you yet")
        target = _marks_file(args.output, chosen.registration_code)
        portal.exams.save_marks_pdf(chosen, target)
    return MarksReport(semester=chosen.registration_code, path=target, size=target.stat().st_size)


def _marks_file(output: str | None, semester: str) -> Path:
    """Where ``marks --output OUTPUT`` saves the marks of ``semester``.

    ``None``, a folder that exists, or a path ending with a slash (a folder,
    whether it exists or not) means the default name, ``marks-SEMESTER.pdf``,
    in that folder.
    """
    name = f"marks-{semester}.pdf"
    if output is None:
        return Path(name)
    separators = tuple(separator for separator in (os.sep, os.altsep) if separator)
    if output.endswith(separators) or Path(output).is_dir():
        return Path(output) / name
    return Path(output)


# -- the demo ----------------------------------------------------------------------------------------


#: Seconds each of the demo portal's answers takes by default (``demo --latency``):
#: a little of the real portal's slowness, so that the spinner and its progress are seen.
DEMO_LATENCY = 0.1


def demo(context: Context) -> DemoReport:
    """``pyjiit demo``: start a fake portal, log in as its demo student and show their records.

    The saved session (if any) is left alone: the demo keeps its own in memory.
    """
    from pyjiit.testing import FakePortal  # noqa: PLC0415 (only the demo needs the fake portal)

    output = context.output
    with FakePortal(tls=False, latency=context.args.latency) as fake:

        def how(portal: Webportal) -> WebportalSession:
            return portal.account.login(fake.username, fake.password)

        account, portal = log_in(context, PortalAddress(fake.url, fake.sso_url), how)
        in_flight = context.args.max_in_flight
        with portal:
            return DemoReport(
                account=account,
                attendance=attendance_report(portal, output, max_in_flight=in_flight),
                exams=exams_report(portal, output),
                grades=grades_report(portal, output, max_in_flight=in_flight),
                fees=fees_report(portal, output, max_in_flight=in_flight),
            )
