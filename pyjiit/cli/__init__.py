"""The ``pyjiit`` command: the webportal from a terminal (``pip install "pyjiit[cli]"``).

Run ``pyjiit --help`` for the commands, or ``pyjiit demo`` to try them on a
fake portal.  The command needs rich and platformdirs (the ``cli`` extra); the
library does not.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from pyjiit.cli.exits import ExitCode

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``pyjiit`` command with ``argv`` (default: ``sys.argv[1:]``); return its exit code.

    Without the ``cli`` extra's packages installed, say how to get them and
    return the usage exit code.
    """
    try:
        # Only to see that the cli extra is installed.
        import platformdirs  # noqa: F401, PLC0415
        import rich  # noqa: F401, PLC0415
    except ImportError:
        sys.stderr.write('pyjiit: the command line needs the "cli" extra: pip install "pyjiit[cli]"\n')
        return ExitCode.USAGE
    from pyjiit.cli.app import run  # noqa: PLC0415 (imports rich)

    return run(argv)
