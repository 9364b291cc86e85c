"""Finer points, in-process: a portal with nothing to show, the cache directory, the spinner, exit codes."""

from __future__ import annotations

import errno
import itertools
import json
import os
import re
import runpy
import subprocess
import sys
import sysconfig
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
import pytest

from pyjiit import __version__, endpoints
from pyjiit.cli.exits import ExitCode, describe, exit_code
from pyjiit.cli.render import render
from pyjiit.cli.store import default_cache_dir
from pyjiit.exceptions import NoDataFound
from pyjiit.models import to_data
from pyjiit.testing import Fault
from tests.portal_clients import answered

if TYPE_CHECKING:
    from pyjiit.testing import FakePortal
    from tests.cli.conftest import Cli

NOTHING = Fault.failure(["NO DATA FOUND"])


def test_no_attendance_recorded_yet(here: Cli, portal: FakePortal) -> None:
    # Nothing in the newest semester nor the one before it.
    portal.inject(endpoints.ATTENDANCE_DETAIL.path, NOTHING, times=2)
    data = here("--json", "attendance").json()
    assert data == {"semester": portal.student.current.registrationcode, "goal": 75, "subjects": []}
    portal.inject(endpoints.ATTENDANCE_DETAIL.path, NOTHING, times=2)
    assert here("attendance").stdout.strip() == f"No attendance recorded in {data['semester']} yet."
    portal.inject(endpoints.ATTENDANCE_DETAIL.path, NOTHING, times=2)
    daily = here("attendance", "x", "--daily")
    assert (daily.code, daily.stderr) == (
        1,
        f"pyjiit: error: no attendance recorded in {data['semester']} yet\n",
    )


def test_newest_semester_without_attendance_falls_back(here: Cli, portal: FakePortal) -> None:
    portal.inject(endpoints.ATTENDANCE_DETAIL.path, NOTHING, times=1)
    data = here("--json", "attendance").json()
    assert data["semester"] == portal.student.semesters[1].registrationcode


def test_subject_without_classes(here: Cli, portal: FakePortal) -> None:
    subject = portal.student.current.subjects[0]
    # The classes are asked for one component at a time: none of them has any.
    portal.inject(endpoints.SUBJECT_DAILY_ATTENDANCE.path, NOTHING, times=len(subject.components))
    code = subject.clean_code
    data = here("--json", "attendance", code).json()
    row = data["subjects"][0]
    assert (row["attended"], row["total"], row["percentage"], row["classes_needed"]) == (0, 0, None, 0)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (endpoints.EXAM_EVENT_SEMESTERS.path, "The portal lists no semester with exams yet."),
        (endpoints.EXAM_EVENTS.path, "No exam events in {semester} yet."),
        (endpoints.EXAM_SCHEDULE.path, "{event}: no schedule published yet."),
    ],
)
def test_no_exams(here: Cli, portal: FakePortal, path: str, message: str) -> None:
    semester = portal.student.current
    event = max(semester.exam_events, key=lambda item: item.start)
    portal.inject(path, NOTHING)
    result = here("exams")
    assert result.code == 0, result.stderr
    expected = message.format(
        semester=semester.registrationcode,
        event=f"{event.description} ({event.exameventcode}), {semester.registrationcode}",
    )
    assert result.stdout.splitlines()[0] == expected


def test_no_grades_yet(here: Cli, portal: FakePortal) -> None:
    portal.inject(endpoints.SGPA_CGPA.path, NOTHING)
    portal.inject(endpoints.GRADE_CARD_SEMESTERS.path, NOTHING)
    result = here("grades")
    assert result.stdout.strip() == "No results yet."


def test_no_marks_yet(here: Cli, portal: FakePortal, tmp_path: Path) -> None:
    portal.inject(endpoints.MARKS_SEMESTERS.path, NOTHING)
    result = here("marks", "--output", str(tmp_path / "marks.pdf"))
    assert (result.code, result.stderr) == (1, "pyjiit: error: the portal has no marks for you yet\n")
    assert not (tmp_path / "marks.pdf").exists()


def test_default_marks_file_name(
    here: Cli, portal: FakePortal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = here("--json", "marks").json()
    assert Path(data["path"]).name == f"marks-{data['semester']}.pdf"
    assert (tmp_path / data["path"]).read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("folder", ["sub", "sub/"], ids=["folder", "slash"])
def test_marks_into_a_folder(here: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str) -> None:
    # A folder that exists, named with or without a slash: the file goes in it, under its default name.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    data = here("--json", "marks", "--output", folder).json()
    saved = tmp_path / "sub" / f"marks-{data['semester']}.pdf"
    assert Path(data["path"]) == Path("sub", saved.name)
    assert saved.read_bytes().startswith(b"%PDF-")
    assert [path.name for path in tmp_path.iterdir()] == ["sub"]


def test_marks_into_a_missing_folder(here: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A slash says it is a folder: one that is missing is an error, not a file named after it.
    monkeypatch.chdir(tmp_path)
    result = here("marks", "--output", "missing/")
    assert result.code == ExitCode.ERROR
    assert result.stderr.startswith("pyjiit: error: cannot save the marks PDF to missing/marks-")
    assert result.stderr.endswith(f".pdf: {os.strerror(errno.ENOENT)}\n")
    assert list(tmp_path.iterdir()) == []


def test_marks_to_standard_output_is_refused(
    here: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = here("marks", "-o", "-")
    assert (result.code, result.stdout) == (ExitCode.USAGE, "")
    assert result.stderr == (
        "pyjiit: error: --output -: the PDF is not written to standard output: "
        "name a file (./- for one named -)\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_marks_to_a_full_disk_names_the_file(here: Cli) -> None:
    result = here("marks", "-o", "/dev/full")
    assert (result.code, result.stdout) == (ExitCode.ERROR, "")
    assert result.stderr == (
        f"pyjiit: error: cannot save the marks PDF to /dev/full: {os.strerror(errno.ENOSPC)}\n"
    )


def test_spinner_goes_to_stderr(here: Cli) -> None:
    # FORCE_COLOR makes standard error count as a terminal, so the spinner runs.
    result = here("--json", "fees", env={"FORCE_COLOR": "1"})
    assert result.code == 0
    assert "total_due" in json.loads(result.stdout)


def test_cache_directory_variable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PYJIIT_CACHE_DIR", str(tmp_path / "sessions"))
    assert default_cache_dir() == tmp_path / "sessions"
    # Empty is unset.
    monkeypatch.setenv("PYJIIT_CACHE_DIR", "")
    assert default_cache_dir() == Path(platformdirs.user_cache_dir("pyjiit", appauthor=False))


def cache_dir_before_platformdirs() -> Path:
    """Where the command kept its session when it had its own rules (never released)."""
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return (Path(local) if local else Path.home() / "AppData" / "Local") / "pyjiit" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "pyjiit"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(xdg) if Path(xdg).is_absolute() else Path.home() / ".cache") / "pyjiit"


@pytest.mark.parametrize("xdg_cache_home", [None, "relative/cache", "absolute"])
def test_cache_directory_is_where_it_was(
    xdg_cache_home: str | None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("PYJIIT_CACHE_DIR", raising=False)
    if xdg_cache_home is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        # The XDG spec says to ignore a relative XDG_CACHE_HOME.
        xdg = tmp_path / "xdg" if xdg_cache_home == "absolute" else Path(xdg_cache_home)
        monkeypatch.setenv("XDG_CACHE_HOME", str(xdg))
    expected = cache_dir_before_platformdirs()
    if xdg_cache_home == "absolute" and sys.platform == "darwin":
        # The one change: platformdirs honours XDG_CACHE_HOME on macOS too.
        expected = tmp_path / "xdg" / "pyjiit"
    assert default_cache_dir() == expected


def test_exit_codes_and_messages() -> None:
    assert exit_code(KeyboardInterrupt()) == ExitCode.INTERRUPTED
    assert int(ExitCode.INTERRUPTED) == 130  # 128 + SIGINT, as shells report it
    assert int(ExitCode.BROKEN_PIPE) == 141  # 128 + SIGPIPE
    assert describe(KeyboardInterrupt()) == "interrupted"
    assert exit_code(NoDataFound("nothing")) == ExitCode.REFUSED
    assert describe(OSError(errno.ENOSPC, "No space left on device")) == "No space left on device"
    assert exit_code(ValueError("odd")) == ExitCode.ERROR
    assert describe(ValueError("odd")) == "unexpected ValueError: odd (run with --debug for the traceback)"


def test_json_and_tables_refuse_unknown_values() -> None:
    assert to_data(Decimal("12.50")) == 12.5
    assert to_data(Decimal("12.00")) == 12
    with pytest.raises(TypeError, match="cannot write a set as plain data"):
        to_data({1})
    with pytest.raises(TypeError, match="no renderer for int"):
        render(1, None)  # type: ignore[arg-type]


def test_python_dash_m(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["pyjiit", "--version"])
    with pytest.raises(SystemExit) as stop:
        runpy.run_module("pyjiit", run_name="__main__")
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"pyjiit {__version__}\n"


def test_console_script() -> None:
    script = Path(sysconfig.get_path("scripts")) / ("pyjiit.exe" if sys.platform == "win32" else "pyjiit")
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False, timeout=60)
    assert (done.returncode, done.stdout) == (0, f"pyjiit {__version__}\n")


def test_missing_ca_file_is_a_usage_error(here: Cli, portal: FakePortal) -> None:
    result = here(
        "--portal-url", portal.url, "--ca-file", "missing-ca.pem", "login", portal.username, password="x"
    )
    assert result.code == ExitCode.USAGE
    assert "--ca-file 'missing-ca.pem' is not a file" in result.stderr


def test_ca_file_without_a_certificate_is_a_usage_error(
    here: Cli, portal: FakePortal, tmp_path: Path
) -> None:
    # Not "unexpected ValueError", nor "unavailable, try again later", which would never help.
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate\n")
    portal.requests.clear()
    result = here("--portal-url", portal.url, "--ca-file", str(junk), "login", portal.username, password="x")
    assert result.code == ExitCode.USAGE
    assert "--ca-file must be a file of CA certificates OpenSSL reads (" in result.stderr
    assert portal.requests == []


def test_attendance_shows_progress_per_subject(here: Cli, portal: FakePortal) -> None:
    subjects = portal.student.current.subjects
    # Slow answers keep each message up for several of the spinner's frames.
    portal.latency = 0.2
    try:
        result = here("attendance", env={"FORCE_COLOR": "1"})
    finally:
        portal.latency = 0
    assert result.code == 0, result.stderr
    assert f"Counting classes of {len(subjects)} subjects" in result.stderr
    shown = re.findall(rf"Counting classes: (\d) of {len(subjects)} subjects \((.+?)\)", result.stderr)
    assert shown
    assert {name for _, name in shown} <= {subject.name for subject in subjects}


@pytest.mark.parametrize("command", ["attendance", "grades", "fees"])
def test_max_in_flight_changes_nothing_but_the_pace(here: Cli, command: str) -> None:
    side_by_side = here("--json", command).json()
    assert here("--json", command, "--max-in-flight", "1").json() == side_by_side
    # A global option: before the command too.
    assert here("--max-in-flight", "1", "--json", command).json() == side_by_side


#: The requests each command sends side by side (then, for the grades, the grade card).
SIDE_BY_SIDE = {
    "grades": {endpoints.SGPA_CGPA, endpoints.GRADE_CARD_SEMESTERS, endpoints.GRADE_CARD_STUDENT_INFO},
    "fees": {endpoints.FEE_SUMMARY, endpoints.PENDING_PAYMENTS},
}


@pytest.mark.parametrize("command", SIDE_BY_SIDE)
@pytest.mark.parametrize("in_flight", ["1", "4"])
def test_independent_reads_are_sent_side_by_side(
    here: Cli, portal: FakePortal, command: str, in_flight: str
) -> None:
    # Each answer waits long enough that requests sent together overlap at the portal.
    portal.latency = 0.2
    portal.requests.clear()
    try:
        result = here(command, "--max-in-flight", in_flight)
    finally:
        portal.latency = 0
    assert result.code == 0, result.stderr
    paths = {endpoint.path for endpoint in SIDE_BY_SIDE[command]}
    reads = sorted((r for r in portal.requests if r.path in paths), key=lambda r: r.received)
    assert {r.path for r in reads} == paths
    assert len(reads) == len(paths)
    if in_flight == "1":  # each sent once the one before was answered
        assert all(later.received >= answered(earlier) for earlier, later in itertools.pairwise(reads))
    else:  # all sent before any was answered
        assert reads[-1].received < min(answered(r) for r in reads)
    cards = [r for r in portal.requests if r.path == endpoints.GRADE_CARD.path]
    assert len(cards) == (command == "grades")
    assert all(card.received >= max(answered(r) for r in reads) for card in cards)


def test_a_failure_of_the_programme_side_by_side_is_the_grade_cards_to_raise(
    here: Cli, portal: FakePortal
) -> None:
    program = endpoints.GRADE_CARD_STUDENT_INFO.path
    # Once: the grade card asks for the programme again, and the command succeeds.
    portal.inject(program, Fault.failure(["Try later"]))
    portal.requests.clear()
    result = here("--json", "grades")
    assert result.code == 0, result.stderr
    assert result.json()["grade_card"]
    assert sum(r.path == program for r in portal.requests) == 2
    # Twice: the grade card fails with the portal's message, as it would one by one.
    portal.inject(program, Fault.failure(["Try later"]), times=2)
    result = here("grades")
    assert result.code == ExitCode.REFUSED
    assert "Try later" in result.stderr


@pytest.mark.parametrize("value", ["0", "-2", "two", "1.5"])
def test_max_in_flight_must_be_a_whole_number(here: Cli, value: str) -> None:
    result = here("attendance", "--max-in-flight", value)
    assert result.code == 2
    assert f"argument --max-in-flight: must be a whole number, 1 or more, got {value!r}" in result.stderr
    assert result.stdout == ""
