"""The environment a nox session was started from, for the tools that the session runs in turn.

A session's own environment would steer what it runs: its virtual environment
comes first on PATH, and variables such as ``GITHUB_REF`` or ``TWINE_PASSWORD``
would make a nested ``nox -s publish`` build a tag or upload as someone.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: Variables that would steer the runs under test (a tag build, real credentials, colours).
STEERING = ("TWINE_", "GITHUB_", "ACTIONS_", "NOX_")


def outer_env(**extra: str) -> dict[str, str]:
    """This process's environment, less what would steer the runs under test, plus ``extra``."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(STEERING) and name not in {"VIRTUAL_ENV", "FORCE_COLOR"}
    }
    # The tools (nox, poetry, uv) are the ones that run this session, not this session's own.
    own_bin = str(Path(sys.prefix) / ("Scripts" if sys.platform == "win32" else "bin"))
    env["PATH"] = os.pathsep.join(part for part in env["PATH"].split(os.pathsep) if part != own_bin)
    return env | extra
