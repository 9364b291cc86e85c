"""The pieces the pipeline tests are made of: a clone of HEAD and nox runs in it."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.pipeline.outer import outer_env

REPOSITORY = Path(__file__).resolve().parents[2]


def clean_env(**extra: str) -> dict[str, str]:
    """The outer environment (see :mod:`tests.pipeline.outer`) without colours, plus ``extra``."""
    return outer_env(NO_COLOR="1", **extra)


def tool(name: str) -> str:
    """The path of a pipeline tool on the outer PATH."""
    path = shutil.which(name, path=clean_env()["PATH"])
    if path is None:
        pytest.fail(f"{name} is not on PATH: run these tests with `nox -s pipeline`")
    return path


@dataclass(frozen=True)
class Run:
    """A finished command: its exit code and everything it printed."""

    returncode: int
    output: str


@dataclass(frozen=True)
class Clone:
    """A git clone of this repository's HEAD, where the tests run nox."""

    path: Path
    base: str

    @classmethod
    def of_head(cls, path: Path) -> Clone:
        """Clone this repository's HEAD (never its uncommitted changes) into ``path``."""
        subprocess.run(["git", "clone", "--quiet", str(REPOSITORY), str(path)], check=True, env=clean_env())
        made = cls(path, base="")
        for key, value in {
            "user.name": "Pipeline Test",
            "user.email": "pipeline-test@localhost",
            "commit.gpgsign": "false",
            "tag.gpgsign": "false",
        }.items():
            made.git("config", key, value)
        return cls(path, base=made.git("rev-parse", "HEAD"))

    def git(self, *args: str) -> str:
        """Run git in the clone; return its output, stripped."""
        done = subprocess.run(
            ["git", *args], cwd=self.path, check=True, capture_output=True, text=True, env=clean_env()
        )
        return done.stdout.strip()

    def nox(self, *args: str, **env: str) -> Run:
        """Run nox in the clone with a clean environment plus ``env``."""
        done = subprocess.run(
            [tool("nox"), "--no-color", *args],
            cwd=self.path,
            env=clean_env(**env),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=600,
            check=False,
        )
        return Run(done.returncode, done.stdout)

    def reset(self, commit: str | None = None) -> None:
        """Put the clone back at ``commit`` (default: the cloned HEAD), untagged, keeping .nox."""
        self.git("reset", "--quiet", "--hard", commit or self.base)
        self.git("clean", "-ffdxq", "--exclude=/.nox/")
        tags = self.git("tag", "--list").split()
        if tags:
            self.git("tag", "--delete", *tags)

    def version(self) -> str:
        """The version in the clone's pyproject.toml."""
        text = (self.path / "pyproject.toml").read_text(encoding="utf-8")
        match = re.search(r'^version = "([^"]+)"$', text, re.MULTILINE)
        assert match, "pyproject.toml has no version"
        return match.group(1)

    def commit_version(self, version: str) -> str:
        """Set the version with poetry and commit it; return the commit."""
        subprocess.run(
            [tool("poetry"), "version", version],
            cwd=self.path,
            env=clean_env(),
            check=True,
            capture_output=True,
        )
        self.git("commit", "--quiet", "--all", "--message", f"Version {version}")
        return self.git("rev-parse", "HEAD")

    def build_artifact(self) -> Path:
        """Build HEAD with ``nox -s build``; move ``dist/`` to ``release-dist/``, where the workflow puts it.

        ``nox -s publish -- --dist release-dist`` then takes exactly these files, as the publish job does.
        """
        built = self.nox("-R", "-s", "build")
        assert built.returncode == 0, built.output
        return (self.path / "dist").rename(self.path / "release-dist")


def files_containing(root: Path, secret: str) -> list[Path]:
    """Every file under ``root`` whose bytes contain ``secret``."""
    needle = secret.encode()
    return [
        path
        for path in root.rglob("*")
        if path.is_file() and not path.is_symlink() and needle in path.read_bytes()
    ]
