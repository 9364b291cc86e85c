"""A stand-in for ``nox.Session``, to call noxfile.py's functions directly in a test.

Only what those functions use of a session is here: its arguments, its name,
``error`` (which stops, as nox's does), ``log``, and ``run`` for the commands
they run themselves (git).
"""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING, NoReturn, cast

import nox.command

if TYPE_CHECKING:
    import nox


class Stopped(Exception):
    """``session.error`` was called: the session would stop with ``message``."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class FakeSession:
    """The parts of a nox session that noxfile.py's checks use."""

    def __init__(self, *posargs: str, name: str = "session", bin: str = "/nonexistent/bin") -> None:
        self.posargs = list(posargs)
        self.name = name
        #: The folder of the session's environment's programs (``session.bin``).
        self.bin = bin
        self.logged: list[str] = []

    def error(self, message: str) -> NoReturn:
        """Stop, as nox's ``session.error`` does."""
        raise Stopped(message)

    def log(self, message: str) -> None:
        """Keep what the session said."""
        self.logged.append(message)

    def run(self, *args: str, env: dict[str, str | None] | None = None, **_: object) -> str:
        """Run a command here, as ``session.run(..., external=True, silent=True)``; return its output."""
        assert env is None, "this stand-in runs commands in the test's own environment"
        done = subprocess.run(args, capture_output=True, text=True, check=False, timeout=60)
        if done.returncode:
            raise nox.command.CommandFailed(done.stderr)
        return done.stdout

    def as_session(self) -> nox.Session:
        """This, typed as what noxfile.py's functions take."""
        return cast("nox.Session", self)
