"""``nox -s release -- X``: a release commit, made only from a clean tree and a new version."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from packaging.version import Version

if TYPE_CHECKING:
    from tests.pipeline.harness import Clone, Run

pytestmark = pytest.mark.pipeline


def next_minor(project: Clone) -> str:
    current = Version(project.version())
    return f"{current.major}.{current.minor + 1}.0"


def unreleased_notes(changelog: str) -> str:
    _, _, rest = changelog.partition("\n## [Unreleased]\n")
    return rest.partition("\n## ")[0]


def assert_refused(project: Clone, run: Run, message: str) -> None:
    assert run.returncode != 0, run.output
    assert message in run.output, run.output
    assert project.git("rev-parse", "HEAD") == project.base, "nothing may be committed"
    assert project.git("tag", "--list") == "", "nothing may be tagged"


def test_release_commits_the_version_and_dated_notes(project: Clone) -> None:
    changelog = project.path / "CHANGELOG.md"
    notes = unreleased_notes(changelog.read_text(encoding="utf-8"))
    assert notes.strip(), "the cloned CHANGELOG.md must have unreleased notes"
    version = next_minor(project)
    before = dt.datetime.now(dt.timezone.utc).date()
    run = project.nox("-s", "release", "--", version)
    after = dt.datetime.now(dt.timezone.utc).date()

    assert run.returncode == 0, run.output
    assert project.version() == version
    text = changelog.read_text(encoding="utf-8")
    assert any(
        f"\n## [Unreleased]\n\n## [{version}] - {day.isoformat()}\n{notes}\n## " in text + "\n## "
        for day in {before, after}
    ), text
    assert unreleased_notes(text).strip() == ""
    assert project.git("log", "-1", "--format=%s") == f"Release {version}"
    assert project.git("rev-parse", "HEAD~1") == project.base
    assert project.git("show", "--name-only", "--format=", "HEAD").split() == [
        "CHANGELOG.md",
        "pyproject.toml",
    ]
    assert project.git("status", "--porcelain") == ""
    assert project.git("tag", "--list") == "", "tagging is the maintainer's step"
    # The origin is this checkout: neither the commit nor a tag may have reached it.
    remote = {
        ref: sha
        for sha, ref in (line.split("\t") for line in project.git("ls-remote", "origin").splitlines())
    }
    assert project.git("rev-parse", "HEAD") not in remote.values(), "it must push nothing"
    assert f"refs/tags/v{version}" not in remote
    assert f'git tag -a v{version} -m "pyjiit {version}"' in run.output


def test_release_refuses_a_dirty_tree(project: Clone) -> None:
    (project.path / "notes.txt").write_text("untracked\n", encoding="utf-8")
    run = project.nox("-s", "release", "--", next_minor(project))
    assert_refused(project, run, "the work tree has uncommitted changes (notes.txt)")


def test_release_refuses_an_existing_tag(project: Clone) -> None:
    version = next_minor(project)
    project.git("tag", f"v{version}")
    run = project.nox("-s", "release", "--", version)
    assert run.returncode != 0, run.output
    assert f"tag v{version} already exists" in run.output
    assert project.git("rev-parse", "HEAD") == project.base
    assert project.version() != version


def test_release_refuses_a_lower_version(project: Clone) -> None:
    run = project.nox("-s", "release", "--", "0.0.1")
    assert_refused(project, run, f"0.0.1 is lower than the current version {project.version()}")


def test_release_refuses_without_notes(project: Clone) -> None:
    first = next_minor(project)
    assert project.nox("-s", "release", "--", first).returncode == 0
    released = project.git("rev-parse", "HEAD")
    run = project.nox("-s", "release", "--", f"{first}.1")
    assert run.returncode != 0, run.output
    assert "no notes under `## [Unreleased]`" in run.output
    assert project.git("rev-parse", "HEAD") == released
    assert project.version() == first
