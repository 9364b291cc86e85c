"""The pieces the pipeline tests are made of: a clone, nox runs in it, a package index."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.request import urlopen

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

REPOSITORY = Path(__file__).resolve().parents[2]
#: Variables that would steer the runs under test (a tag build, real credentials, colours).
STEERING = ("TWINE_", "GITHUB_", "ACTIONS_", "NOX_")


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment, less what would steer the runs under test, plus ``extra``."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(STEERING) and name not in {"VIRTUAL_ENV", "FORCE_COLOR"}
    }
    # The tools (nox, poetry, uv) are the ones that run this session, not this session's own.
    own_bin = str(Path(sys.prefix) / "bin")
    env["PATH"] = os.pathsep.join(part for part in env["PATH"].split(os.pathsep) if part != own_bin)
    env["NO_COLOR"] = "1"
    return env | extra


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


@dataclass(frozen=True)
class PackageIndex:
    """A pypiserver on 127.0.0.1 that takes uploads from one user."""

    url: str
    simple_url: str
    directory: Path
    username: str
    password: str

    def files(self) -> list[str]:
        """The names of the files the index holds."""
        return sorted(path.name for path in self.directory.iterdir())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(url: str) -> bool:
    try:
        with urlopen(url, timeout=1):  # noqa: S310 (our own server's http URL)
            return True
    except OSError:  # URLError included: not listening yet
        return False


def _serving(process: subprocess.Popen[bytes], url: str) -> bool:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and process.poll() is None:
        if _answers(url):
            return True
        time.sleep(0.05)
    return False


def _write_htpasswd(path: Path, username: str, password: str) -> None:
    path.touch(mode=0o600)  # a hash, but a secret's hash: private from the start
    with warnings.catch_warnings():
        # passlib 1.7.4 imports the standard library's crypt, deprecated in 3.11 and 3.12.
        warnings.simplefilter("ignore", DeprecationWarning)
        from passlib.apache import HtpasswdFile  # noqa: PLC0415
    entries = HtpasswdFile(str(path), new=True)
    entries.set_password(username, password)
    entries.save()


def serve_index(root: Path) -> Iterator[PackageIndex]:
    """Run a real package index (pypiserver) in ``root`` until the generator is closed."""
    directory = root / "packages"
    directory.mkdir()
    username, password = "maintainer", secrets.token_urlsafe(24)
    _write_htpasswd(root / "htpasswd", username, password)
    log = root / "server.log"
    # pypiserver cannot report a port the system picked, so take a free one, and
    # another if something grabbed it before the server bound it.
    for _ in range(3):
        port = _free_port()
        with log.open("wb") as sink:
            process = subprocess.Popen(
                [
                    sys.executable, "-m", "pypiserver", "run",
                    "--host", "127.0.0.1", "--port", str(port), "--server", "wsgiref",
                    "--passwords", str(root / "htpasswd"), "--authenticate", "update",
                    "--disable-fallback",  # never redirect to another index
                    str(directory),
                ],
                stdout=sink,
                stderr=subprocess.STDOUT,
            )  # fmt: skip
        url = f"http://127.0.0.1:{port}/"
        if _serving(process, f"{url}health"):
            break
        process.kill()
        process.wait()
    else:
        pytest.fail(f"pypiserver did not start:\n{log.read_text()}")
    try:
        yield PackageIndex(url, f"{url}simple/", directory, username, password)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def files_containing(root: Path, secret: str) -> list[Path]:
    """Every file under ``root`` whose bytes contain ``secret``."""
    needle = secret.encode()
    return [
        path
        for path in root.rglob("*")
        if path.is_file() and not path.is_symlink() and needle in path.read_bytes()
    ]
