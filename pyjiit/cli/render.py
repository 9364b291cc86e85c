"""How the command shows its reports: rich tables on a terminal, JSON with ``--json``.

Tables and messages go to standard output, errors and the spinner to standard
error, so ``--json`` output (and only it) is on standard output.  Rich turns
colours off by itself when the output is not a terminal or ``NO_COLOR`` is set.
Output that is not a terminal is not wrapped: a subject's name stays on one
line for ``grep`` to find.
"""

from __future__ import annotations

import contextlib
import functools
import json
import sys
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from pyjiit.cli.reports import (
    Account,
    AttendanceReport,
    DailyReport,
    DemoReport,
    ExamsReport,
    FeesReport,
    GradesReport,
    LogoutReport,
    MarksReport,
    SubjectRow,
)
from pyjiit.models import to_data
from pyjiit.utils import IST

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterator
    from decimal import Decimal

    from rich.console import RenderableType

    from pyjiit.cli.reports import Report

__all__ = ["Output"]

#: Shown where a value is missing (a room not assigned yet, no classes held).
MISSING = "-"

#: The width tables get when standard output is not a terminal: wider than any
#: row the portal's data makes, so that nothing wraps (rich needs a number).
_UNWRAPPED_WIDTH = 100_000

#: The width of a rule between sections when standard output is not a terminal.
_RULE_WIDTH = 80


class _Console(Console):
    """A rich console that lets a closed pipe reach the command (rich's own handling exits with 1)."""

    def on_broken_pipe(self) -> None:
        """Raise :class:`BrokenPipeError` again, for :func:`pyjiit.cli.app.run` to end the command quietly."""
        raise BrokenPipeError


class Output:
    """Where the command writes: its report, its errors, and a spinner while it waits.

    Args:
        json_mode: Write reports (and errors) as JSON on standard output instead of tables.
    """

    def __init__(self, *, json_mode: bool = False) -> None:
        self.json_mode = json_mode
        # markup=False: portal text such as "[LAB]" must print as it is; soft_wrap:
        # sentences (an error above all) stay one line for the terminal to wrap.
        self.console = _Console(markup=False, highlight=False, emoji=False, soft_wrap=True)
        self.errors = _Console(stderr=True, markup=False, highlight=False, emoji=False, soft_wrap=True)
        if not self.console.is_terminal:
            self.console.width = _UNWRAPPED_WIDTH

    @contextlib.contextmanager
    def busy(self, message: str) -> Iterator[Callable[[str], None]]:
        """Show a spinner with ``message`` on a terminal while the block runs.

        Yields:
            A function that replaces the message (it does nothing without a terminal).
        """
        if not self.errors.is_terminal:
            yield _ignore
            return
        with self.errors.status(message) as status:
            yield status.update

    def show(self, report: Report) -> None:
        """Write ``report``: as JSON, or as tables and sentences."""
        if self.json_mode:
            _write_json(to_data(report))
        else:
            render(report, self.console)

    def error(self, message: str, *, code: int, kind: str) -> None:
        """Report a failure: one line on standard error (and, with ``--json``, an object on standard output).

        Args:
            message: What went wrong, in one line.
            code: The exit code the command ends with.
            kind: A short name for the failure, for scripts reading the JSON.
        """
        self.errors.print(Text(f"pyjiit: error: {message}", style="bold red"))
        if self.json_mode:
            _write_json({"error": {"code": code, "kind": kind, "message": message}})


def _rule(console: Console, title: str = "") -> None:
    """Draw a line across a terminal, or a line of :data:`_RULE_WIDTH` when not writing to one."""
    console.print(Rule(title), width=None if console.is_terminal else _RULE_WIDTH)


def _ignore(_message: str) -> None:
    """Accept a spinner message and do nothing: there is no terminal to show it on."""


def _write_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    sys.stdout.flush()


# -- formatting values -------------------------------------------------------------------------


def _percent(value: float | None) -> str:
    return MISSING if value is None else f"{value:.1f}%"


def _number(value: float) -> str:
    """Write a grade point or credit count without a needless ``.0``."""
    return f"{value:g}"


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def _text(value: object) -> str:
    return MISSING if value is None else str(value)


def _clock(value: dt.datetime | None) -> str:
    return MISSING if value is None else value.astimezone(IST).strftime("%H:%M")


def _span(start: dt.datetime | None, end: dt.datetime | None) -> str:
    return MISSING if start is None else f"{_clock(start)}-{_clock(end)}"


def _table(
    title: str | None, *columns: str, right: tuple[str, ...] = (), wrap: tuple[str, ...] = ()
) -> Table:
    """A table with the ``columns`` named, aligned right if in ``right``; show it with :func:`_print_table`.

    The columns in ``wrap`` hold text (names, remarks), which wraps in a
    narrow terminal; the others hold values (numbers, amounts, dates, times,
    codes), which never wrap nor are cut: their headers wrap instead.
    """
    table = Table(title=title, title_justify="left", title_style="bold")
    for column in columns:
        table.add_column(
            # A header wraps (and folds a word too long for its column) even above values that do not.
            Text(column, no_wrap=False, overflow="fold"),
            justify="right" if column in right else "left",
            no_wrap=column not in wrap,
            overflow="fold",
        )
    return table


def _print_table(console: Console, table: Table) -> None:
    """Print ``table`` narrowed to the console's width, if it is wider, without cutting a value.

    Rich narrows every column alike once its text columns can narrow no more,
    cutting values short with "…".  Here the values keep their width, and the
    text and the headers give way: they wrap, with words whole while there is
    room, then folded, down to :data:`_NARROWEST` characters.  A table wider
    than the console even so is printed at its own width: the terminal wraps
    its lines, but every value is there, whole.
    """
    columns = table.columns
    room = console.width - _frame_width(table)
    values = [max((_width(cell) for cell in column.cells), default=0) for column in columns]
    natural = [max(value, _width(column.header)) for value, column in zip(values, columns, strict=True)]
    if sum(natural) <= room:
        console.print(table)
        return
    texts = [not column.no_wrap for column in columns]
    # A column's longest word: of its text, or of its header and its values (which do not wrap).
    words = [
        max([_words(column.header), *(_words(cell) if text else _width(cell) for cell in column.cells)])
        for column, text in zip(columns, texts, strict=True)
    ]
    # The least: every value whole, text and headers folded.
    widths = [
        max(min(word, _NARROWEST), 0 if text else value)
        for word, text, value in zip(words, texts, values, strict=True)
    ]
    if sum(widths) > room:
        # Two characters more: no padding outside the first and last columns.
        table.pad_edge = False
        room = console.width - _frame_width(table)
    # Then, while there is room: text with whole words, headers too, text on one line, headers too.
    for goal, text_first in ((words, True), (words, False), (natural, True), (natural, False)):
        for index, text in enumerate(texts):
            if text is text_first:
                widths[index] += max(0, min(goal[index] - widths[index], room - sum(widths)))
    for column, width in zip(columns, widths, strict=True):
        # Both bounds: rich measures the column at exactly this width.
        column.min_width = column.max_width = width
    # At a width of its own, rich does not narrow it further when it is wider than the console.
    table.width = sum(widths) + _frame_width(table)
    console.print(table)


#: The narrowest a column of text, or a header, gets in a narrow terminal (or its longest word, if shorter).
_NARROWEST = 4


def _frame_width(table: Table) -> int:
    """The width of ``table``'s frame: a border after each column and before the first, and its padding."""
    columns = len(table.columns)
    return columns + 1 + 2 * columns - (0 if table.pad_edge else 2)


def _plain(cell: RenderableType) -> str:
    """The text of a cell (a table holds only text)."""
    return cell.plain if isinstance(cell, Text) else str(cell)


def _width(cell: RenderableType) -> int:
    """The width of a cell's longest line."""
    return max((cell_len(line) for line in _plain(cell).splitlines()), default=0)


def _words(cell: RenderableType) -> int:
    """The width of a cell's longest word."""
    return max((cell_len(word) for word in _plain(cell).split()), default=0)


# -- one renderer per report -------------------------------------------------------------------


@functools.singledispatch
def render(report: object, console: Console) -> None:  # noqa: ARG001 (the renderers' signature)
    """Write ``report`` to ``console`` for a person to read."""
    raise TypeError(f"no renderer for {type(report).__name__}")


@render.register
def _account(report: Account, console: Console) -> None:
    console.print(Text.assemble("Logged in as ", (report.name, "bold"), f" ({report.enrollment_no})"))
    details = [
        ("Institute", report.institute),
        ("Programme", report.program),
        ("Branch", report.branch),
        ("Semester", report.semester),
        ("Email", report.email),
        ("Portal", report.portal),
    ]
    if report.expires is not None:
        details.append(("Session expires", report.expires.astimezone(IST).strftime("%Y-%m-%d %H:%M IST")))
    shown = [(label, str(value)) for label, value in details if value is not None]
    width = max(len(label) for label, _ in shown)
    for label, value in shown:
        console.print(Text.assemble((label.ljust(width), "dim"), "  ", value))


@render.register
def _logout(report: LogoutReport, console: Console) -> None:
    console.print("Logged out: the saved session is deleted." if report.had_session else "Not logged in.")


def _goal_style(row: SubjectRow) -> str:
    return "red" if row.classes_needed else "green"


@render.register
def _attendance(report: AttendanceReport, console: Console) -> None:
    if report.semester is None:
        console.print("The portal has no attendance for you yet.")
        return
    if not report.subjects:
        console.print(f"No attendance recorded in {report.semester} yet.")
        return
    goal = f"{report.goal:g}%"
    table = _table(
        f"Attendance, {report.semester} (goal {goal})",
        "Code",
        "Subject",
        "Attended",
        "%",
        f"Need for {goal}",
        "Can miss",
        right=("Attended", "%", f"Need for {goal}", "Can miss"),
        wrap=("Subject",),
    )
    for row in report.subjects:
        table.add_row(
            row.code,
            row.name,
            f"{row.attended}/{row.total}",
            Text(_percent(row.percentage), style=_goal_style(row)),
            str(row.classes_needed),
            str(row.classes_can_miss),
        )
    _print_table(console, table)


@render.register
def _daily(report: DailyReport, console: Console) -> None:
    row = report.subject
    console.print(Text.assemble((row.name, "bold"), f" ({row.code}), {report.semester}"))
    goal = f"{report.goal:g}%"
    if row.classes_needed:
        advice = f"attend the next {row.classes_needed} to reach {goal}"
    else:
        advice = f"{row.classes_can_miss} can be missed staying at {goal} or above"
    console.print(
        Text.assemble(
            f"{row.attended} of {row.total} classes attended, ",
            (_percent(row.percentage), _goal_style(row)),
            f": {advice}",
        )
    )
    table = _table(None, "Date", "Time", "Class", "Mark", wrap=("Class", "Mark"))
    for entry in report.classes:
        table.add_row(
            entry.date.isoformat(),
            _span(entry.start, entry.end),
            entry.component.name.title() if entry.component else "",
            Text(entry.mark, style="green" if entry.present else "red"),
        )
    _print_table(console, table)


@render.register
def _exams(report: ExamsReport, console: Console) -> None:
    if report.semester is None:
        console.print("The portal lists no semester with exams yet.")
        return
    if report.event is None:
        console.print(f"No exam events in {report.semester} yet.")
        return
    title = f"{report.event.name} ({report.event.code}), {report.semester}"
    if not report.exams:
        console.print(f"{title}: no schedule published yet.")
    else:
        table = _table(title, "Date", "Time", "Code", "Subject", "Room", "Seat", wrap=("Subject",))
        for exam in report.exams:
            table.add_row(
                exam.date.isoformat(),
                _span(exam.start, exam.end),
                exam.code,
                exam.name,
                _text(exam.room),
                _text(exam.seat),
            )
        _print_table(console, table)
    others = [event.code for event in report.events if event != report.event]
    if others:
        console.print(f"Other events: {', '.join(others)} (choose one with --event CODE).", style="dim")


@render.register
def _grades(report: GradesReport, console: Console) -> None:
    if not report.results:
        console.print("No results yet.")
    else:
        table = _table("Results", "Semester", "SGPA", "CGPA", "Credits earned", right=("SGPA", "CGPA"))
        for result in report.results:
            table.add_row(
                str(result.semester),
                f"{result.sgpa:.2f}",
                f"{result.cgpa:.2f}",
                _number(result.earned_credits),
            )
        _print_table(console, table)
    if report.grade_card_semester is not None:
        card = _table(
            f"Grade card, {report.grade_card_semester}",
            "Code",
            "Subject",
            "Credits",
            "Grade",
            right=("Credits",),
            wrap=("Subject",),
        )
        for grade in report.grade_card:
            card.add_row(grade.code, grade.name, _number(grade.credits), Text(grade.grade, style="bold"))
        _print_table(console, card)


@render.register
def _fees(report: FeesReport, console: Console) -> None:
    if report.fees:
        table = _table("Fees", "Semester", "Year", "Fee", "Paid", "Due", right=("Fee", "Paid", "Due"))
        for fee in report.fees:
            table.add_row(
                str(fee.semester),
                fee.academic_year,
                _money(fee.fee),
                _money(fee.received),
                Text(_money(fee.due), style="red" if fee.due else ""),
            )
        _print_table(console, table)
    if report.charges:
        charges = _table(
            "Pending fines and charges",
            "For",
            "Amount",
            "Remarks",
            right=("Amount",),
            wrap=("For", "Remarks"),
        )
        for charge in report.charges:
            charges.add_row(charge.service, _money(charge.amount), _text(charge.remarks))
        _print_table(console, charges)
    else:
        console.print("No pending fines or charges.")
    if report.total_due:
        console.print(Text(f"Total due: {_money(report.total_due)}", style="bold red"))
    else:
        console.print(Text("Nothing due.", style="green"))


@render.register
def _marks(report: MarksReport, console: Console) -> None:
    console.print(f"Saved the marks of {report.semester} to {report.path} ({report.size:,} bytes).")


@render.register
def _demo(report: DemoReport, console: Console) -> None:
    for title, part in (
        ("Who", report.account),
        ("Attendance", report.attendance),
        ("Exams", report.exams),
        ("Grades", report.grades),
        ("Fees", report.fees),
    ):
        _rule(console, title)
        render(part, console)
    _rule(console)
    console.print("That was the demo portal. Log in to the real one with: pyjiit login ENROLLMENT_NO")
