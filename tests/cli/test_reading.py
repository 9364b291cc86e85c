"""The commands that only read: attendance, exams, grades, fees, marks, whoami (one login per mode)."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

import pytest

from pyjiit import __version__
from pyjiit.cli.exits import ExitCode
from pyjiit.testing.data import meetings, semester_results

if TYPE_CHECKING:
    from pathlib import Path

    from pyjiit.testing import FakePortal
    from pyjiit.testing.data import Semester, Subject
    from tests.cli.conftest import Cli


def counts(semester: Semester, subject: Subject) -> tuple[int, int]:
    """The demo student's classes attended and held in ``subject``, by the fake portal's own data."""
    classes = [meeting for part in subject.components for meeting in meetings(semester, subject, part)]
    return sum(meeting.present for meeting in classes), len(classes)


def test_attendance_table_and_json(cli: Cli, portal: FakePortal) -> None:
    semester = portal.student.current
    table = cli("attendance")
    assert table.code == 0, table.stderr
    assert f"Attendance, {semester.registrationcode} (goal 75%)" in table.stdout
    data = cli("--json", "attendance").json()
    assert data["semester"] == semester.registrationcode
    assert data["goal"] == 75
    rows = {row["code"]: row for row in data["subjects"]}
    assert set(rows) == {subject.clean_code for subject in semester.subjects}
    for subject in semester.subjects:
        row = rows[subject.clean_code]
        assert (row["attended"], row["total"]) == counts(semester, subject)
        assert row["name"] == subject.name
        assert row["percentage"] == pytest.approx(100 * row["attended"] / row["total"])
        assert f"{row['attended']}/{row['total']}" in table.stdout
        assert subject.name in table.stdout


@pytest.mark.parametrize("goal", [75, 90])
def test_attendance_goal_arithmetic(here: Cli, goal: int) -> None:
    data = here("--json", "attendance", "--goal", str(goal)).json()
    assert data["goal"] == goal
    for row in data["subjects"]:
        attended, total, need, miss = (
            row["attended"],
            row["total"],
            row["classes_needed"],
            row["classes_can_miss"],
        )
        # Attending `need` more classes reaches the goal, one fewer does not.
        assert 100 * (attended + need) >= goal * (total + need)
        if need:
            assert 100 * (attended + need - 1) < goal * (total + need - 1)
        # Missing `miss` more classes keeps the goal, one more does not.
        assert 100 * attended >= goal * (total + miss) or miss == 0
        assert 100 * attended < goal * (total + miss + 1)


@pytest.mark.parametrize("goal", ["0", "100", "-5", "lots"])
def test_bad_goal_is_a_usage_error(here: Cli, goal: str) -> None:
    result = here("attendance", "--goal", goal)
    assert result.code == 2
    assert "--goal" in result.stderr
    assert result.stdout == ""


def test_daily_attendance_of_one_subject(cli: Cli, portal: FakePortal) -> None:
    semester = portal.student.current
    subject = semester.subjects[0]
    attended, total = counts(semester, subject)
    # Matched by part of its name, in any case.
    query = subject.name.split()[-1].lower()
    if sum(query in other.name.lower() for other in semester.subjects) > 1:
        query = subject.clean_code
    data = cli("--json", "attendance", query, "--daily").json()
    assert data["subject"]["code"] == subject.clean_code
    assert (data["subject"]["attended"], data["subject"]["total"]) == (attended, total)
    assert len(data["classes"]) == total
    assert sum(entry["present"] for entry in data["classes"]) == attended
    assert Counter(entry["component"] for entry in data["classes"]) == {
        part.kind: len(meetings(semester, subject, part)) for part in subject.components
    }
    assert [entry["date"] for entry in data["classes"]] == sorted(entry["date"] for entry in data["classes"])
    text = cli("attendance", subject.clean_code, "--daily")
    assert text.code == 0, text.stderr
    assert f"{attended} of {total} classes attended" in text.stdout
    assert text.stdout.count("Present") == attended


def test_one_subject_row(here: Cli, portal: FakePortal) -> None:
    subject = portal.student.current.subjects[-1]
    data = here("--json", "attendance", subject.clean_code.lower()).json()
    assert [row["code"] for row in data["subjects"]] == [subject.clean_code]


def test_unknown_and_ambiguous_subjects(here: Cli, portal: FakePortal) -> None:
    subjects = portal.student.current.subjects
    unknown = here("attendance", "UNDERWATER BASKET WEAVING", "--daily")
    assert unknown.code == 2
    assert "no subject matches 'UNDERWATER BASKET WEAVING'" in unknown.stderr
    assert subjects[0].clean_code in unknown.stderr
    words = Counter(word for subject in subjects for word in set(subject.name.split()))
    shared = next((word for word, times in words.items() if times > 1), None)
    assert shared is not None, "the demo semester has no two subjects sharing a word"
    ambiguous = here("attendance", shared)
    assert ambiguous.code == 2
    assert "matches several subjects" in ambiguous.stderr
    assert here("attendance", "--daily").code == 2


def test_unknown_semester_names_the_known_ones(cli: Cli, portal: FakePortal) -> None:
    result = cli("--json", "attendance", "--semester", "1999ODDSEM")
    assert result.code == 2
    assert portal.student.current.registrationcode in result.stderr
    assert result.json()["error"] == {
        "code": 2,
        "kind": "usage",
        "message": result.stderr.split("error: ", 1)[1].strip(),
    }


def test_exams_show_the_latest_event(cli: Cli, portal: FakePortal) -> None:
    semester = portal.student.current
    latest = max(semester.exam_events, key=lambda event: event.start)
    data = cli("--json", "exams").json()
    assert data["semester"] == semester.registrationcode
    assert data["event"]["code"] == latest.exameventcode
    assert [event["code"] for event in data["events"]] == [
        event.exameventcode for event in sorted(semester.exam_events, key=lambda event: event.start)
    ]
    assert {exam["code"] for exam in data["exams"]} == {s.clean_code for s in semester.subjects if s.theory}
    assert [exam["date"] for exam in data["exams"]] == sorted(exam["date"] for exam in data["exams"])
    text = cli("exams")
    assert text.code == 0, text.stderr
    assert f"{latest.description} ({latest.exameventcode}), {semester.registrationcode}" in text.stdout


def test_json_times_are_in_ist(here: Cli, portal: FakePortal) -> None:
    assert here("--json", "whoami").json()["expires"].endswith("+05:30")
    data = here("--json", "exams").json()
    events = sorted(portal.student.current.exam_events, key=lambda event: event.start)
    assert [event["starts"] for event in data["events"]] == [
        f"{event.start.isoformat()}T00:00:00+05:30" for event in events
    ]
    assert data["event"] == data["events"][-1]
    assert data["exams"]
    for exam in data["exams"]:
        assert exam["start"].startswith(exam["date"])
        assert exam["start"].endswith("+05:30")
        assert exam["end"].endswith("+05:30")


def test_exams_of_a_chosen_event(here: Cli, portal: FakePortal) -> None:
    first = portal.student.current.exam_events[0]
    data = here("--json", "exams", "--event", first.exameventcode.lower()).json()
    assert data["event"]["code"] == first.exameventcode
    wrong = here("exams", "--event", "T9")
    assert wrong.code == 2
    assert first.exameventcode in wrong.stderr


def test_grades(cli: Cli, portal: FakePortal) -> None:
    results = semester_results(portal.student)
    graded = [semester for semester in portal.student.semesters if semester.graded]
    data = cli("--json", "grades").json()
    assert [(row["semester"], row["sgpa"], row["cgpa"]) for row in data["results"]] == [
        (result.semester.stynumber, result.sgpa, result.cgpa) for result in results
    ]
    assert data["grade_card_semester"] == graded[0].registrationcode
    assert {row["code"]: row["grade"] for row in data["grade_card"]} == {
        subject.clean_code: subject.grade for subject in graded[0].subjects
    }
    older = cli("--json", "grades", "--semester", graded[-1].registrationcode).json()
    assert older["grade_card_semester"] == graded[-1].registrationcode
    text = cli("grades")
    assert text.code == 0, text.stderr
    assert f"Grade card, {graded[0].registrationcode}" in text.stdout
    assert f"{results[-1].cgpa:.2f}" in text.stdout


def test_fees_with_nothing_pending(cli: Cli, portal: FakePortal) -> None:
    semesters = portal.student.semesters
    data = cli("--json", "fees").json()
    assert sorted(row["semester"] for row in data["fees"]) == sorted(s.stynumber for s in semesters)
    assert data["charges"] == []
    assert data["total_due"] == sum(semester.fee_due for semester in semesters)
    text = cli("fees")
    assert text.code == 0, text.stderr
    assert "No pending fines or charges." in text.stdout


def test_whoami(cli: Cli, portal: FakePortal) -> None:
    data = cli("--json", "whoami").json()
    assert data["name"] == portal.student.name
    assert data["enrollment_no"] == portal.username
    assert data["portal"] == portal.url
    assert data["branch"] == portal.student.branchdesc
    text = cli("whoami")
    assert f"Logged in as {portal.student.name} ({portal.username})" in text.stdout


def test_marks_pdf(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "marks.pdf"
    data = cli("--json", "marks", "--output", str(target)).json()
    assert target.read_bytes().startswith(b"%PDF-")
    assert data["path"] == str(target)
    assert data["size"] == target.stat().st_size
    unwritable = cli("marks", "--output", str(tmp_path / "missing" / "marks.pdf"))
    assert unwritable.code == 1
    assert "missing" in unwritable.stderr


def test_version_and_help(here: Cli) -> None:
    version = here("--version")
    assert (version.code, version.stdout.strip()) == (0, f"pyjiit {__version__}")
    usage = here("--help")
    assert usage.code == 0
    assert "exit codes:" in usage.stdout
    assert "3    not logged in" in usage.stdout
    assert here("no-such-command").code == 2
    assert here().code == 2


@pytest.mark.parametrize("columns", [40, 80])
def test_help_fits_the_terminal(here: Cli, columns: int) -> None:
    result = here("--help", env={"COLUMNS": str(columns)})
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns, result.stdout
    # The lists keep a line per item: every exit code starts one, and every variable.
    codes = re.findall(r"^  (\d+) +\S", result.stdout, flags=re.MULTILINE)
    assert [int(code) for code in codes] == [int(code) for code in ExitCode]
    for variable in ("PYJIIT_PASSWORD", "PYJIIT_GOOGLE_CREDENTIAL", "PYJIIT_CACHE_DIR", "NO_COLOR"):
        assert any(line.split() and line.split()[0] == variable for line in lines), variable
