"""The documentation's example files work as the pages say.

The pages' inline examples are doctests, run by ``nox -s docs``; the files
under ``docs/examples/`` are included verbatim, so they are run here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

from pyjiit.testing import FakePortal

DOCS = Path(__file__).resolve().parent.parent / "docs"
EXAMPLES = DOCS / "examples"


def run_python(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run this Python as a reader would, from ``cwd`` (with ``env`` added), and return what it printed."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_quickstart_prints_the_output_the_quickstart_shows(tmp_path: Path) -> None:
    script = tmp_path / "attendance.py"  # the name the quickstart tells readers to save it under
    script.write_text((EXAMPLES / "quickstart.py").read_text(encoding="utf-8"), encoding="utf-8")
    result = run_python(str(script), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (EXAMPLES / "quickstart.out").read_text(encoding="utf-8")


def test_quickstart_output_is_one_row_per_subject_of_the_demo_student() -> None:
    shown = (EXAMPLES / "quickstart.out").read_text(encoding="utf-8").splitlines()
    with FakePortal() as fake:
        current = fake.student.current
    codes = [line.split()[0] for line in shown[1:]]
    assert codes == [subject.code.strip() for subject in current.subjects]


def test_the_testing_page_example_suite_passes(tmp_path: Path) -> None:
    # The outcome is read from a JUnit report, not from pytest's summary line:
    # that line is coloured wherever FORCE_COLOR is set, as it is in CI.
    report = tmp_path / "report.xml"
    result = run_python(
        "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={report}",
        str(EXAMPLES / "test_my_app.py"),
        cwd=tmp_path, env={"FORCE_COLOR": "1"},
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    suite = ElementTree.parse(report).getroot().find("testsuite")  # noqa: S314 (pytest wrote it, just now)
    assert suite is not None, report.read_text(encoding="utf-8")
    counts = {key: int(suite.get(key, "-1")) for key in ("tests", "failures", "errors", "skipped")}
    assert counts == {"tests": 3, "failures": 0, "errors": 0, "skipped": 0}, result.stdout


def test_standalone_portal_prints_what_the_testing_page_shows() -> None:
    page = (DOCS / "testing.md").read_text(encoding="utf-8")
    shown = page.split("$ python -m pyjiit.testing --port 8011\n", 1)[1].split("```", 1)[0].splitlines()
    with subprocess.Popen(
        [sys.executable, "-m", "pyjiit.testing"], stdout=subprocess.PIPE, text=True, encoding="utf-8"
    ) as server:
        assert server.stdout is not None
        try:
            printed = [server.stdout.readline().rstrip("\n") for _ in shown]
            server.terminate()
            server.communicate(timeout=30)  # let it print its last line and stop
        finally:
            server.kill()  # after a timeout, else leaving the block waits for it forever
    with FakePortal() as fake:
        values = {"Username:": fake.username, "Password:": fake.password}
    assert len(printed) == len(shown) >= 6
    for shown_line, printed_line in zip(shown, printed, strict=True):
        label = shown_line.split(":", 1)[0] + ":" if ":" in shown_line else shown_line
        assert printed_line.startswith(label), (shown_line, printed_line)
        if label in values:
            assert shown_line.split()[-1] == printed_line.split()[-1] == values[label]
