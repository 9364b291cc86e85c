"""Attendance with daily detail, grades and fees from a portal that takes 300 ms per answer.

The real portal answers in hundreds of milliseconds to seconds, so what a
student waits for is the number of round trips, not the client's CPU.  This
measures, against one :class:`~pyjiit.testing.FakePortal` with a ``latency``
on 127.0.0.1, in one run:

- *one by one*: ``portal.attendance.detail(by_component=True, max_in_flight=1)``,
  the requests pyjiit sent before it sent them side by side: the attendance
  meta, the attendance, then each subject component's classes in turn;
- *side by side*: ``portal.attendance.detail()`` with the default settings: one
  request per subject, at most :data:`~pyjiit._fanout.DEFAULT_IN_FLIGHT` in flight;
- ``pyjiit --json attendance`` (and ``grades``, ``fees``) in a fresh process,
  logged in beforehand, with ``--max-in-flight 1`` and with the defaults.

Each figure is a median over a few repeats: the wall time (for the command,
with its interpreter starting), the round trips (answers waited for one after
another, from the portal's record of when each request arrived and was
answered), and the requests the portal received.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from typing import TYPE_CHECKING, Any

from pyjiit import Webportal
from pyjiit.testing import FakePortal

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from pyjiit.testing import ReceivedRequest

__all__ = ["COMMANDS", "LATENCY", "TARGET_ROUND_TRIPS", "measure", "report", "round_trips"]

#: Seconds each answer takes.
LATENCY = 0.3
#: The target of issue 15, with the default settings: the floor is 2 (the
#: attendance, then every daily list at once), and the meta comes first.
TARGET_ROUND_TRIPS = 4
#: Runs of each way, of which the median counts.
REPEATS = 3
#: The commands measured, each with its requests in turn and side by side.
COMMANDS = ("attendance", "grades", "fees")


def round_trips(requests: Sequence[ReceivedRequest]) -> int:
    """The longest chain of ``requests`` in which each arrived after the one before was answered.

    That is how many answers one after another the client waited for: the
    requests it sent side by side count once.
    """
    ordered = sorted(requests, key=lambda request: request.received)
    chain: list[int] = []  # chain[i]: the longest chain that ends with ordered[i]
    for request in ordered:
        answered_before = (
            length
            for earlier, length in zip(ordered, chain, strict=False)  # the requests before this one
            if earlier.answered is not None and earlier.answered <= request.received
        )
        chain.append(1 + max(answered_before, default=0))
    return max(chain, default=0)


def _timed(portal: FakePortal, run: Callable[[], object]) -> dict[str, float]:
    """Medians over :data:`REPEATS` runs of ``run``: wall time, round trips, requests."""
    seconds, trips = [], []
    for _ in range(REPEATS):
        portal.requests.clear()
        started = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - started)
        trips.append(round_trips(portal.requests))
    return {
        "seconds": statistics.median(seconds),
        "round_trips": statistics.median(trips),
        "requests": len(portal.requests),
    }


def _command(portal: FakePortal, cache: str, *args: str) -> Callable[[], object]:
    """A function running ``pyjiit ARGS`` in a fresh interpreter, as a student would."""
    env = {**os.environ, "PYJIIT_CACHE_DIR": cache, "PYJIIT_PASSWORD": portal.password, "NO_COLOR": "1"}

    def run() -> object:
        return subprocess.run(
            [sys.executable, "-I", "-m", "pyjiit", "--portal-url", portal.url, *args],
            env=env,
            capture_output=True,
            check=True,
            timeout=120,
        )

    return run


def measure() -> dict[str, Any]:
    """Run every way against one slow portal and return the figures."""
    with (
        FakePortal(latency=0) as portal,
        tempfile.TemporaryDirectory() as cache,
        Webportal(portal.url, sso_url=portal.sso_url) as client,
    ):
        client.account.login(portal.username, portal.password)
        _command(portal, cache, "login", portal.username)()
        portal.latency = LATENCY
        one_by_one = client.attendance.detail(by_component=True, max_in_flight=1)
        if client.attendance.detail() != client.attendance.detail(max_in_flight=1):
            sys.exit("side by side, the attendance differs from one by one")
        figures = {
            "library one by one": _timed(
                portal, lambda: client.attendance.detail(by_component=True, max_in_flight=1)
            ),
            "library side by side": _timed(portal, client.attendance.detail),
        }
        for command in COMMANDS:
            figures[f"pyjiit {command}, --max-in-flight 1"] = _timed(
                portal, _command(portal, cache, "--json", command, "--max-in-flight", "1")
            )
            figures[f"pyjiit {command}"] = _timed(portal, _command(portal, cache, "--json", command))
    return {
        "latency_s": LATENCY,
        "subjects": len(one_by_one.subjects),
        "components": sum(len(subject.components) for subject in one_by_one.subjects),
        "ways": figures,
    }


def report(figures: dict[str, Any]) -> list[str]:
    """The figures as lines of text."""
    return [
        (
            f"a portal taking {figures['latency_s'] * 1000:.0f} ms per answer (attendance with daily "
            f"detail of {figures['subjects']} subjects, {figures['components']} components; "
            f"median of {REPEATS}):"
        ),
        f"{'':38}  {'wall time':>9}  {'round trips':>11}  {'requests':>8}",
        *(
            f"{name:38}  {way['seconds']:>8.2f}s  {way['round_trips']:>11g}  {way['requests']:>8}"
            for name, way in figures["ways"].items()
        ),
    ]
