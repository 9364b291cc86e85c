"""Run the ``pyjiit`` command against a fake portal: as a subprocess, and in-process for coverage.

Every test that takes ``cli`` (or ``fresh_cli``) runs twice: once through
``python -m pyjiit`` in a subprocess (the real command, as a user runs it)
and once through ``pyjiit.cli.main(argv)`` in this process, so that coverage
sees the code.  Tests of finer points take ``here``, which runs in-process
only: a subprocess costs a third of a second, mostly imports.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from unittest import mock

import pytest

from pyjiit.cli import main
from pyjiit.testing import FakePortal

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence
    from pathlib import Path

#: Variables of the outer environment that would change the command's behaviour.
_CLEARED = (
    "PYJIIT_PASSWORD",
    "PYJIIT_GOOGLE_CREDENTIAL",
    "PYJIIT_CACHE_DIR",
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "NO_COLOR",
    "COLUMNS",
)

MODES = ("subprocess", "in-process")


@dataclass(frozen=True)
class Result:
    """How a run ended: its exit code and what it wrote."""

    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        """The standard output, which must be JSON and nothing else."""
        return json.loads(self.stdout)


class Cli:
    """Runs ``pyjiit`` with one cache directory, colours off and wide tables.

    Args:
        cache: The ``PYJIIT_CACHE_DIR``.
        mode: ``"subprocess"`` or ``"in-process"``.
    """

    def __init__(self, cache: Path, mode: str) -> None:
        self.cache = cache
        self.mode = mode

    def environment(
        self, password: str | None = None, env: Mapping[str, str] | None = None
    ) -> dict[str, str]:
        """The variables the command runs with, over the outer ones (less those in ``_CLEARED``)."""
        environment = {"PYJIIT_CACHE_DIR": str(self.cache), "NO_COLOR": "1", "COLUMNS": "200", **(env or {})}
        if password is not None:
            environment["PYJIIT_PASSWORD"] = password
        return environment

    def spawn(
        self, *args: str, python: Sequence[str] = (), env: Mapping[str, str] | None = None, **streams: Any
    ) -> subprocess.Popen[Any]:
        """Start ``python [PYTHON] -m pyjiit ARGS``; ``streams`` go to :class:`subprocess.Popen`."""
        outer = {key: value for key, value in os.environ.items() if key not in _CLEARED}
        return subprocess.Popen(
            [sys.executable, *python, "-m", "pyjiit", *args],
            env={**outer, **self.environment(env=env)},
            **streams,
        )

    def __call__(
        self, *args: str, password: str | None = None, env: Mapping[str, str] | None = None
    ) -> Result:
        environment = self.environment(password, env)
        if self.mode == "subprocess":
            with self.spawn(
                *args,
                env=environment,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            ) as process:
                try:
                    stdout, stderr = process.communicate(timeout=60)
                finally:
                    process.kill()  # after a timeout; does nothing once it has ended
            return Result(process.returncode, stdout, stderr)
        stdout, stderr = io.StringIO(), io.StringIO()
        with (
            self.in_environment(env=environment),
            contextlib.redirect_stdout(stdout),
            contextlib.redirect_stderr(stderr),
        ):
            code = main(list(args))
        return Result(code, stdout.getvalue(), stderr.getvalue())

    @contextlib.contextmanager
    def in_environment(
        self, password: str | None = None, env: Mapping[str, str] | None = None
    ) -> Iterator[None]:
        """Run the block with :meth:`environment` as this process's own, as an in-process run has it."""
        with mock.patch.dict(os.environ):
            for key in _CLEARED:
                os.environ.pop(key, None)
            os.environ.update(self.environment(password, env))
            yield


@pytest.fixture(scope="module")
def portal() -> Iterator[FakePortal]:
    """One fake portal for a test module; tests that change it put it back."""
    with FakePortal(tls=False) as fake:
        yield fake


@pytest.fixture(scope="module", params=MODES)
def mode(request: pytest.FixtureRequest) -> str:
    """How the command runs: as a subprocess, or in-process."""
    return str(request.param)


@pytest.fixture
def fresh_cli(mode: str, tmp_path: Path) -> Cli:
    """A command with an empty cache: not logged in."""
    return Cli(tmp_path / "cache", mode)


@pytest.fixture
def fresh_here(tmp_path: Path) -> Cli:
    """An in-process command with an empty cache."""
    return Cli(tmp_path / "cache", "in-process")


def logged_in(portal: FakePortal, cache: Path, mode: str) -> Cli:
    """A command logged in to ``portal`` as the demo student."""
    command = Cli(cache, mode)
    result = command("--portal-url", portal.url, "login", portal.username, password=portal.password)
    assert result.code == 0, result.stderr
    return command


@pytest.fixture(scope="module")
def cli(mode: str, portal: FakePortal, tmp_path_factory: pytest.TempPathFactory) -> Cli:
    """A command logged in to ``portal`` (once per module and mode)."""
    return logged_in(portal, tmp_path_factory.mktemp("cache"), mode)


@pytest.fixture(scope="module")
def here(portal: FakePortal, tmp_path_factory: pytest.TempPathFactory) -> Cli:
    """An in-process command logged in to ``portal`` (once per module)."""
    return logged_in(portal, tmp_path_factory.mktemp("cache"), "in-process")
