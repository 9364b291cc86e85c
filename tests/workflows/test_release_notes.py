"""A GitHub release's notes are CHANGELOG.md's section for its version (``nox -s release-notes -- X.Y.Z``).

The session runs as the release workflow runs it, with nox, on a copy of
``noxfile.py`` beside a changelog written for each test.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from tests.workflows.expressions import evaluate, truthy
from tests.workflows.model import ROOT, event, workflow

if TYPE_CHECKING:
    from pathlib import Path

CHANGELOG = """\
# Changelog

Intro text.

## [Unreleased]

### Added

- Something not released yet.

## [1.2.0] - 2026-11-20

### Fixed

- A fix, on
  two lines.

## [1.2.0rc1] - 2026-11-10

- The candidate.

## [1.1.0] - 2026-10-01

- The oldest.

[1.2.0]: https://example.org/compare/v1.1.0...v1.2.0
"""


@dataclass
class Run:
    """What the session printed and how it ended."""

    returncode: int
    stdout: str
    stderr: str


def release_notes(folder: Path, changelog: str, *arguments: str) -> Run:
    """Run ``nox -s release-notes -- ARGUMENTS`` on a copy of the noxfile beside ``changelog``."""
    for name in ("noxfile.py", "pyproject.toml"):
        shutil.copyfile(ROOT / name, folder / name)
    (folder / "CHANGELOG.md").write_text(changelog, encoding="utf-8")
    nox = shutil.which("nox")
    if nox is None:
        pytest.fail("nox is not on PATH: install the pipeline's tools (.ci/requirements.txt)")
    command = [nox, "-f", str(folder / "noxfile.py"), "-s", "release-notes", "--", *arguments]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    return Run(result.returncode, result.stdout, result.stderr)


@pytest.mark.parametrize(
    ("version", "notes"),
    [
        ("1.2.0", "### Fixed\n\n- A fix, on\n  two lines.\n"),
        ("1.2.0rc1", "- The candidate.\n"),  # not 1.2.0's, though it starts the same
        ("1.1.0", "- The oldest.\n"),  # the last section stops before the link definitions
        ("1.1", "- The oldest.\n"),  # versions compare as versions, not strings
    ],
)
def test_prints_exactly_the_section_of_the_version(tmp_path: Path, version: str, notes: str) -> None:
    run = release_notes(tmp_path, CHANGELOG, version)
    assert run.returncode == 0, run.stderr
    assert run.stdout == notes


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["1.3.0"], "CHANGELOG.md has no section for 1.3.0 (`## [1.3.0] - YYYY-MM-DD`)"),
        (["Unreleased"], "'Unreleased' is not a version (PEP 440)"),
        ([], "give one version, e.g. `nox -s release-notes -- 0.2.0`"),
    ],
)
def test_refuses_a_version_without_notes_and_says_why(
    tmp_path: Path, arguments: list[str], message: str
) -> None:
    run = release_notes(tmp_path, CHANGELOG, *arguments)
    assert run.returncode != 0
    assert message in run.stderr
    assert run.stdout == "", "nothing may pass for notes"


def test_refuses_an_empty_section(tmp_path: Path) -> None:
    run = release_notes(tmp_path, CHANGELOG.replace("- The candidate.\n", ""), "1.2.0rc1")
    assert run.returncode != 0
    assert "CHANGELOG.md's section for 1.2.0rc1 is empty" in run.stderr
    assert run.stdout == ""


@pytest.mark.parametrize(
    ("context", "takes_notes"),
    [
        (event("release", "refs/tags/v1.2.0"), True),
        (event("workflow_dispatch", "refs/tags/v1.2.0", publish=True), True),
        (event("workflow_dispatch", "refs/heads/main", publish=False), False),
        (event("release", "refs/tags/v1.2.0", act=True), False),
    ],
)
def test_the_build_job_takes_the_notes_of_v_tags_only(context: dict[str, object], takes_notes: bool) -> None:
    # Before any upload, so that a tag without notes stops the release; and the
    # attach job sets them wherever it runs (it needs the build job, on a tag).
    steps = {step.get("name"): step for step in workflow("release").jobs["build"]["steps"]}
    for name in ("Take the release notes from CHANGELOG.md", "Keep the release notes"):
        assert truthy(evaluate(steps[name]["if"], context)) is takes_notes, name
    assert "gh release edit" in workflow("release").jobs["attach"]["steps"][-1]["run"]
