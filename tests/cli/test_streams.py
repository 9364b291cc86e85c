"""The command between pipes and terminals: a reader that goes away, tables for grep, a closed prompt."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import io
import os
import re
import select
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any
from unittest import mock

import pytest

from pyjiit.cli import main
from pyjiit.cli.exits import ExitCode
from pyjiit.utils import IST

if TYPE_CHECKING:
    from pyjiit.testing import FakePortal
    from tests.cli.conftest import Cli

#: Runs ``python ARGS`` as the leader of a new session whose controlling terminal is its standard
#: input, as a shell in a terminal runs commands: getpass then opens /dev/tty, and Ctrl-C sends SIGINT.
#: Make the pseudo-terminal the command's controlling terminal, as a person's is.  SIGINT goes
#: back to its default too: a shell that ran the tests in the background left it ignored, and
#: exec would pass that on, so Ctrl-C would do nothing.
IN_A_TERMINAL = (
    "import fcntl, os, signal, sys, termios; os.setsid(); fcntl.ioctl(0, termios.TIOCSCTTY, 0); "
    "signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.executable, [sys.executable, *sys.argv[1:]])"
)

ONLY_POSIX_TERMINALS = pytest.mark.skipif(
    sys.platform == "win32", reason="pseudo-terminals and Ctrl-D as end of input are POSIX's"
)


ONLY_POSIX = pytest.mark.skipif(sys.platform == "win32", reason="closes a descriptor, then execs: POSIX's")

#: A command whose report is JSON, and one whose report is a rich table.
REPORTS = pytest.mark.parametrize("args", [("--json", "fees"), ("attendance",)], ids=["json", "table"])

#: The reports, and the help that argparse writes.
WRITERS = pytest.mark.parametrize(
    "args", [("--json", "fees"), ("attendance",), ("--help",)], ids=["json", "table", "help"]
)

#: Runs ``python ARGS`` with its standard output closed, as a shell runs ``pyjiit ... >&-``.
WITHOUT_STDOUT = "import os, sys; os.close(1); os.execv(sys.executable, [sys.executable, *sys.argv[1:]])"

#: A file every write to fails with "No space left on device" (Linux has one).
FULL = Path("/dev/full")

NEEDS_FULL = pytest.mark.skipif(not FULL.exists(), reason=f"needs {FULL}")

#: What the command says when standard output is full.
NO_SPACE = f"pyjiit: error: cannot write to standard output: {os.strerror(errno.ENOSPC)}\n"


@WRITERS
def test_closed_pipe_ends_quietly(here: Cli, args: tuple[str, ...]) -> None:
    # `pyjiit ... | head -n 0`, as a subprocess (``here`` only lends its saved session):
    # the reader is gone before the command writes.
    with here.spawn(
        *args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()
        stderr = process.stderr.read().decode()
        code = process.wait(timeout=60)
    assert (code, stderr) == (ExitCode.BROKEN_PIPE, "")


@REPORTS
def test_closed_pipe_in_process(here: Cli, args: tuple[str, ...]) -> None:
    reader, writer = os.pipe()
    os.close(reader)
    stderr = io.StringIO()
    with os.fdopen(writer, "w", encoding="utf-8") as stdout, mock.patch.object(sys, "stdout", stdout):
        with here.in_environment(), contextlib.redirect_stderr(stderr):
            code = main(list(args))
        # Standard output now goes to the null device: Python's last flush at exit succeeds.
        print("more", file=stdout, flush=True)
    assert (code, stderr.getvalue()) == (ExitCode.BROKEN_PIPE, "")


@NEEDS_FULL
@REPORTS
def test_full_stdout_is_one_line(here: Cli, args: tuple[str, ...]) -> None:
    # `pyjiit ... > /dev/full`, as a subprocess (``here`` only lends its saved session).
    with (
        FULL.open("w", encoding="utf-8") as full,
        here.spawn(*args, stdin=subprocess.DEVNULL, stdout=full, stderr=subprocess.PIPE) as process,
    ):
        assert process.stderr is not None
        stderr = process.stderr.read().decode()
        code = process.wait(timeout=60)
    assert (code, stderr) == (ExitCode.ERROR, NO_SPACE)


@NEEDS_FULL
@REPORTS
def test_full_stdout_in_process(here: Cli, args: tuple[str, ...]) -> None:
    stderr = io.StringIO()
    with FULL.open("w", encoding="utf-8") as stdout, mock.patch.object(sys, "stdout", stdout):
        with here.in_environment(), contextlib.redirect_stderr(stderr):
            code = main(list(args))
        # Standard output now goes to the null device: what is left in its buffer is flushed at exit.
        print("more", file=stdout, flush=True)
    assert (code, stderr.getvalue()) == (ExitCode.ERROR, NO_SPACE)


@ONLY_POSIX
@REPORTS
def test_closed_stdout_is_one_line(here: Cli, args: tuple[str, ...]) -> None:
    # `pyjiit ... >&-`, as a subprocess (``here`` only lends its saved session).
    with here.spawn(
        *args, python=("-c", WITHOUT_STDOUT), stdin=subprocess.DEVNULL, stderr=subprocess.PIPE
    ) as process:
        assert process.stderr is not None
        stderr = process.stderr.read().decode()
        code = process.wait(timeout=60)
    assert (code, stderr) == (
        ExitCode.ERROR,
        "pyjiit: error: cannot write to standard output: it is closed\n",
    )


def test_closed_stdout_asks_nothing_of_the_portal(here: Cli, portal: FakePortal) -> None:
    # Python gives a program started without standard output None for sys.stdout.
    portal.requests.clear()
    stderr = io.StringIO()
    with mock.patch.object(sys, "stdout", None), here.in_environment(), contextlib.redirect_stderr(stderr):
        code = main(["--json", "fees"])
    assert (code, stderr.getvalue()) == (
        ExitCode.ERROR,
        "pyjiit: error: cannot write to standard output: it is closed\n",
    )
    assert portal.requests == []


@pytest.mark.parametrize(("command", "rows"), [("attendance", "subjects"), ("grades", "grade_card")])
def test_piped_tables_do_not_wrap(cli: Cli, command: str, rows: str) -> None:
    names = [row["name"] for row in cli("--json", command).json()[rows]]
    assert max(len(name) for name in names) > 20
    # COLUMNS=40 would wrap every subject's name if the width of a terminal applied.
    result = cli(command, env={"COLUMNS": "40"})
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    for name in names:
        assert any(name in line for line in lines), (name, result.stdout)
    # Tables are as wide as their rows, not as the width they may take.
    assert max(len(line) for line in lines) < 150


#: A terminal 40 columns wide, as a phone's is: FORCE_COLOR makes rich take standard output for
#: a terminal (NO_COLOR, set for every run, keeps colours out; bold and the spinner stay).
NARROW = {"FORCE_COLOR": "1", "COLUMNS": "40"}

#: The escape sequences of styles and of the spinner.
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def money(amount: float) -> str:
    return f"{Decimal(str(amount)):,.2f}"


def clock(when: str) -> str:
    return dt.datetime.fromisoformat(when).astimezone(IST).strftime("%H:%M")


def shown_values(args: tuple[str, ...], data: Any) -> list[str]:
    """The numbers, amounts, dates, times and codes the table of ``pyjiit ARGS`` shows, from its JSON."""
    if args == ("fees",):
        return [
            value
            for row in data["fees"]
            for value in (
                str(row["semester"]),
                row["academic_year"],
                *map(money, (row["fee"], row["received"], row["due"])),
            )
        ]
    if args == ("attendance",):
        return [
            value
            for row in data["subjects"]
            for value in (row["code"], f"{row['attended']}/{row['total']}", f"{row['percentage']:.1f}%")
        ]
    if args[-1] == "--daily":
        return [f"{row['date']} │ {clock(row['start'])}-{clock(row['end'])}" for row in data["classes"]]
    if args == ("exams",):
        return [
            f"{row['date']} │ {clock(row['start'])}-{clock(row['end'])} │ {row['code']}"
            for row in data["exams"]
        ]
    assert args == ("grades",)
    results = [value for row in data["results"] for value in (f"{row['sgpa']:.2f}", f"{row['cgpa']:.2f}")]
    return results + [row["code"] for row in data["grade_card"]]


@pytest.mark.parametrize(
    "args",
    [("fees",), ("attendance",), ("attendance", "SUBJECT", "--daily"), ("exams",), ("grades",)],
    ids=["fees", "attendance", "daily", "exams", "grades"],
)
def test_a_narrow_terminal_cuts_no_value(here: Cli, portal: FakePortal, args: tuple[str, ...]) -> None:
    subject = portal.student.current.subjects[0].clean_code
    args = tuple(subject if arg == "SUBJECT" else arg for arg in args)
    # In-process: the width is rich's reading of COLUMNS, the same in a subprocess.
    data = here("--json", *args).json()
    result = here(*args, env=NARROW)
    assert result.code == 0, result.stderr
    # Spaces are compared as one: rich 13.0, the lowest allowed, pads the first column unevenly.
    shown = re.sub(" +", " ", ESCAPES.sub("", result.stdout))
    assert "…" not in shown, shown
    for value in shown_values(args, data):
        assert value in shown, (value, shown)


def run_in_a_terminal(cli: Cli, args: tuple[str, ...], *, prompt: bytes, keys: bytes) -> tuple[str, int]:
    """Run ``pyjiit ARGS`` in a new pseudo-terminal, type ``keys`` once ``prompt`` shows.

    Returns:
        Everything the terminal showed, and the exit code.
    """
    import pty  # noqa: PLC0415 (POSIX only)

    primary, secondary = pty.openpty()
    # TERM=dumb: rich writes no escape codes to the terminal.
    with cli.spawn(
        *args,
        python=("-c", IN_A_TERMINAL),
        env={"TERM": "dumb"},
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
    ) as process:
        os.close(secondary)
        shown = b""
        try:
            while prompt not in shown:
                chunk = _read(primary)
                assert chunk, f"ended before the prompt: {shown!r}"
                shown += chunk
            os.write(primary, keys)
            while chunk := _read(primary):
                shown += chunk
        finally:
            os.close(primary)
            code = process.wait(timeout=60)
    return shown.decode(), code


def _read(terminal: int) -> bytes:
    """Read what the terminal shows next; ``b""`` once the command has ended."""
    ready, _, _ = select.select([terminal], [], [], 60)
    assert ready, "the command wrote nothing for a minute"
    try:
        return os.read(terminal, 4096)
    except OSError as error:
        # Linux reports the other side's close as EIO.
        if error.errno == errno.EIO:
            return b""
        raise


NOT_UTF8 = "the password is not UTF-8 text (a byte of it is not): check the terminal's or variable's encoding"


@ONLY_POSIX_TERMINALS
@pytest.mark.parametrize(
    ("keys", "code", "message"),
    [
        (b"\x04", ExitCode.USAGE, "no password given: the input ended (Ctrl-D) at the prompt"),
        (b"\x03", ExitCode.INTERRUPTED, "interrupted"),
        # A byte that is not UTF-8, typed at the prompt: an error that shows no byte of it.
        (b"a\xffb\n", ExitCode.USAGE, NOT_UTF8),
    ],
    ids=["ctrl-d", "ctrl-c", "not-utf8"],
)
def test_leaving_the_password_prompt(
    fresh_here: Cli, portal: FakePortal, keys: bytes, code: int, message: str
) -> None:
    # A subprocess in a terminal of its own (``fresh_here`` only lends an empty cache).
    prompt = f"Password for {portal.username}: "
    shown, ended = run_in_a_terminal(
        fresh_here, ("--portal-url", portal.url, "login", portal.username), prompt=prompt.encode(), keys=keys
    )
    assert ended == code
    # The error on a line of its own, and nothing else: no traceback.
    assert shown.splitlines() == [prompt, f"pyjiit: error: {message}"]
    assert not fresh_here.cache.exists()
