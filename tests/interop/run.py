"""Other people's clients, unchanged, against one FakePortal over HTTPS.

``nox -s interop`` runs this module with this pyjiit and its testing extra
installed, and passes it what it prepared: the Python of an environment
holding pyjiit 0.1.0a9 from PyPI, and a folder where npm installed jsjiit
0.0.24 (``package-lock.json`` beside this file pins it).  It starts one
:class:`~pyjiit.testing.FakePortal` over HTTPS on 127.0.0.1 with the default
tokens, then runs each client's driver in its own process, one after the
other; each logs in many times in a row, makes its client's documented calls
and prints a summary line.  The portal is told to answer the login at its
pre-2026 path too, which jsjiit 0.0.24 still calls.

The drivers get only what the clients' users have: the portal's address as
each client takes it, the CA in the variable each runtime reads
(``REQUESTS_CA_BUNDLE``, ``NODE_EXTRA_CA_CERTS``), and India's time zone,
since both clients build the portal's date key from the local day.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from pyjiit import endpoints
from pyjiit.testing import FakePortal
from pyjiit.testing._protocol import LEGACY_TOKEN_PATH
from pyjiit.testing.data import pending_charge

__all__ = ["main"]

HERE = Path(__file__).parent
#: The time zone of the portal's users, whose local day both clients take for the date key.
USERS_TIME_ZONE = "Asia/Kolkata"
#: Both logins' token steps, as the portal logs them.
TOKEN_PATHS = {endpoints.GENERATE_TOKEN.path, LEGACY_TOKEN_PATH}
#: Long enough for 50 logins and their calls on a loaded machine.
DRIVER_TIMEOUT = 600


@dataclass(frozen=True)
class Driver:
    """One client's driver: how to start it, and the variable through which it trusts the CA."""

    name: str
    command: list[str]
    ca_variable: str


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(prog="python -m tests.interop.run", description=__doc__)
    parser.add_argument("--pyjiit-python", help="the Python of an environment holding pyjiit 0.1.0a9")
    parser.add_argument("--jsjiit-modules", type=Path, help="the folder where npm installed jsjiit 0.0.24")
    parser.add_argument("--logins", type=int, default=50, help="logins in a row per client (default: 50)")
    parser.add_argument(
        "--awkward-tokens", action="store_true", help="serve awkward tokens, which both clients fail on"
    )
    args = parser.parse_args(argv)
    if not (args.pyjiit_python or args.jsjiit_modules):
        parser.error("give --pyjiit-python, --jsjiit-modules or both")
    if args.logins < 1:
        parser.error("--logins must be at least 1")
    return args


def drivers(args: argparse.Namespace) -> list[Driver]:
    """The drivers to run, from the command line."""
    chosen = []
    if args.pyjiit_python:
        # -I: only that environment's packages, never this checkout's pyjiit.
        command = [args.pyjiit_python, "-I", str(HERE / "pyjiit_0_1_0a9.py")]
        chosen.append(Driver("pyjiit 0.1.0a9", command, "REQUESTS_CA_BUNDLE"))
    if args.jsjiit_modules:
        node = shutil.which("node")
        if node is None:
            sys.exit("error: the jsjiit driver needs Node.js: put `node` on PATH")
        command = [node, str(HERE / "jsjiit.mjs"), str(args.jsjiit_modules.resolve())]
        chosen.append(Driver("jsjiit 0.0.24", command, "NODE_EXTRA_CA_CERTS"))
    return chosen


def run_driver(driver: Driver, portal: FakePortal, logins: int) -> bool:
    """Run one driver against ``portal``; return whether it and the portal's log agree it passed."""
    assert portal.ca_file is not None  # served over TLS
    student = portal.student
    config = {
        "url": portal.url,
        "username": portal.username,
        "password": portal.password,
        "logins": logins,
        "name": student.name,
        "clientid": student.clientid,
    }
    environment = {**os.environ, driver.ca_variable: portal.ca_file, "TZ": USERS_TIME_ZONE}
    portal.requests.clear()
    # The credentials go on stdin, where other processes cannot read them.
    done = subprocess.run(
        driver.command,
        input=json.dumps(config),
        text=True,
        env=environment,
        timeout=DRIVER_TIMEOUT,
        check=False,
    )
    seen = sum(request.path in TOKEN_PATHS and request.status == 200 for request in portal.requests)
    if done.returncode == 0 and seen != logins:
        print(
            f"{driver.name}: the driver passed, but the portal answered {seen} logins, not {logins}",
            flush=True,
        )
        return False
    return done.returncode == 0


def main(argv: list[str] | None = None) -> int:
    """Run the chosen drivers against one fake portal; return 1 if any failed."""
    args = parse_args(argv)
    chosen = drivers(args)
    with FakePortal(tls=True, legacy_token_path=True, awkward_tokens=args.awkward_tokens) as portal:
        # So that the fines call has something to list rather than "NO APPROVED REQUEST FOUND".
        portal.pending_payments.append(pending_charge("LIBRARY FINE", 150.0))
        failed = [driver.name for driver in chosen if not run_driver(driver, portal, args.logins)]
    if failed:
        print(f"interop: failed: {', '.join(failed)}", flush=True)
        return 1
    print(f"interop: {', '.join(driver.name for driver in chosen)}: all passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
