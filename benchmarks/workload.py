"""The benchmark's workload: one student's session, run by whichever pyjiit is installed.

It runs as a script in a worker process (``python workload.py < config.json``)
under this pyjiit or under pyjiit 0.1.0a9, each in its own environment, and
imports nothing but the standard library and ``pyjiit``: both versions share
the methods it calls.  The configuration comes on stdin (it holds the demo
student's password); the result goes to stdout as one JSON object.
"""

from __future__ import annotations

import base64
import json
import sys
import time
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pyjiit import Webportal

__all__ = ["CALLS_PER_ROUND", "LOGIN_CALLS", "mix", "run"]

#: HTTP requests a login makes (pretoken check, then token) in both versions.
LOGIN_CALLS = 2
#: HTTP requests one round of :func:`mix` makes.
CALLS_PER_ROUND = 7


def mix(client: Webportal) -> None:
    """What a student's app does on opening: attendance, registrations, exams, grades.

    Each call's answer feeds the next, as in a real app, so a client that
    misreads an answer fails here instead of measuring less work.
    """
    meta = client.get_attendance_meta()
    client.get_attendance(meta.latest_header(), meta.latest_semester())
    semesters = client.get_registered_semesters()
    client.get_registered_subjects_and_faculties(semesters[0])
    exam_semesters = client.get_semesters_for_exam_events()
    client.get_exam_events(exam_semesters[0])
    client.get_sgpa_cgpa()


def _jwt_segment(segment: str) -> bytes:
    """Decode a JWT segment: base64url, its padding stripped (RFC 7515)."""
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def connect(config: dict[str, Any]) -> Webportal:
    """A client of the configured portal, built the way each version is meant to be.

    0.1.0a9 has no constructor arguments: its code reaches another portal by
    setting ``pyjiit.wrapper.API``, and trusts the portal's CA through
    ``REQUESTS_CA_BUNDLE`` (the driver sets both ways up).

    0.1.0a9 cannot log in to the fake portal on its own: it reads the token's
    expiry with padded standard base64, and the fake portal's tokens are
    unpadded base64url, as RFC 7515 says (docs/protocol.md 2.7).  Its wrapper
    module, which uses ``base64`` for nothing else, is given a decoder that
    reads them; this runs once, at login, and every other line of 0.1.0a9 runs
    as released.
    """
    import pyjiit.wrapper  # noqa: PLC0415 (import time is measured by the driver, not here)

    if config["client"] == "current":
        return pyjiit.wrapper.Webportal(
            config["url"], sso_url=config["sso_url"], verify=config["ca_file"], retries=0
        )
    pyjiit.wrapper.API = config["url"]
    vars(pyjiit.wrapper)["base64"] = types.SimpleNamespace(b64decode=_jwt_segment)
    return pyjiit.wrapper.Webportal()


def run(config: dict[str, Any]) -> dict[str, Any]:
    """Log in, then repeat :func:`mix` until ``config["seconds"]`` have passed.

    Returns:
        ``calls`` (HTTP requests made, the login's included) and ``seconds``
        (the time they took, the login's included).
    """
    from pyjiit.default import CAPTCHA  # noqa: PLC0415 (see connect)

    client = connect(config)
    started = time.perf_counter()
    client.student_login(config["username"], config["password"], CAPTCHA)
    calls = LOGIN_CALLS
    deadline = started + float(config["seconds"])
    while True:
        mix(client)
        calls += CALLS_PER_ROUND
        now = time.perf_counter()
        if now >= deadline:
            break
    # 0.1.0a9 opens a connection per call and has nothing to close.
    close = getattr(client, "close", None)
    if close is not None:
        close()
    return {"calls": calls, "seconds": now - started}


if __name__ == "__main__":
    json.dump(run(json.load(sys.stdin)), sys.stdout)
