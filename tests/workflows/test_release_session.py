"""``nox -s release -- X.Y.Z``'s refusals, its function run directly in a git repository of the test's own.

tests/pipeline proves the release commit itself in a clone of HEAD; here,
which versions it refuses and what it leaves behind when it stops.
"""

from __future__ import annotations

import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest

import noxfile
from tests.workflows.model import ROOT
from tests.workflows.noxfile_session import FakeSession, Stopped

if TYPE_CHECKING:
    from pathlib import Path

CHANGELOG = """\
# Changelog

## [Unreleased]

- A fix.

## [0.1.0] - 2026-01-01

- The first.
"""

RELEASED = CHANGELOG.replace("- A fix.\n\n## [0.1.0]", "## [0.2.0] - 2026-02-01\n\n- A fix.\n\n## [0.1.0]")


def git(repository: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repository), *args], capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip()


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with this project's pyproject.toml and a changelog, where the session runs."""
    if shutil.which("poetry") is None:
        pytest.fail("poetry is not on PATH: install the pipeline's tools (.ci/requirements.txt)")
    shutil.copyfile(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "CHANGELOG.md").write_text(CHANGELOG, encoding="utf-8")
    git(tmp_path, "init", "--quiet")
    for key, value in {
        "user.name": "Release Test",
        "user.email": "release-test@localhost",
        "commit.gpgsign": "false",
        "tag.gpgsign": "false",
        "core.hooksPath": str(tmp_path / ".git" / "hooks"),
    }.items():
        git(tmp_path, "config", key, value)
    git(tmp_path, "add", "pyproject.toml", "CHANGELOG.md")
    git(tmp_path, "commit", "--quiet", "-m", "Start")
    monkeypatch.chdir(tmp_path)  # where nox runs a session: beside the noxfile
    monkeypatch.setattr(noxfile, "ROOT", tmp_path)
    monkeypatch.setattr(noxfile, "CHANGELOG", tmp_path / "CHANGELOG.md")
    return tmp_path


def release(version: str) -> str:
    """Run the release session for ``version``; return why it stopped."""
    with pytest.raises(Stopped) as stopped:
        noxfile.release(FakeSession(version, name="release").as_session())
    return stopped.value.message


def commit_changelog(repository: Path, text: str) -> None:
    (repository / "CHANGELOG.md").write_text(text, encoding="utf-8")
    git(repository, "commit", "--quiet", "-am", "Changelog")


def test_a_tag_is_found_by_version_not_by_string(repository: Path) -> None:
    git(repository, "tag", "v0.2.0")
    assert release("0.2") == "tag v0.2.0 already exists: 0.2 is taken, release the next version"


def test_a_changelog_section_is_found_by_version_not_by_string(repository: Path) -> None:
    commit_changelog(repository, RELEASED.replace("## [Unreleased]\n", "## [Unreleased]\n\n- Another fix.\n"))
    assert release("0.2").startswith("CHANGELOG.md already has a section for 0.2 (`## [0.2.0]`)")


def test_running_it_again_after_a_release_says_it_is_released(repository: Path) -> None:
    commit_changelog(repository, RELEASED)  # what a release of 0.2.0 leaves: its section, no notes
    assert release("0.2.0").startswith("CHANGELOG.md already has a section for 0.2.0")


def test_a_local_version_is_refused(repository: Path) -> None:
    assert release("0.2.0+local") == "0.2.0+local has a local part (+local): PyPI refuses local versions"


def test_a_failed_commit_puts_the_files_back(repository: Path) -> None:
    hook = repository / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    assert release("0.2.0").startswith("the release commit of 0.2.0 failed")
    assert git(repository, "status", "--porcelain") == ""
    assert git(repository, "log", "--format=%s") == "Start"
    hook.unlink()  # the cause fixed, it runs again as if the first had not run
    noxfile.release(FakeSession("0.2.0", name="release").as_session())
    assert git(repository, "log", "-1", "--format=%s") == "Release 0.2.0"
