"""A fake portal whose every test is checked for leaked threads, sockets and unclosed resources."""

from __future__ import annotations

import gc
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pyjiit import Webportal
from pyjiit.testing import FakePortal
from tests.portal_clients import logged_in, make_client

__all__ = ["client", "leak_check", "logged_in", "portal"]

if TYPE_CHECKING:
    from collections.abc import Iterator

#: ``(connect, read)``: short, so that waiting for a slow answer costs the suite little.
TIMEOUT = (2.0, 0.5)
RETRIES = 2
#: Fast retries, still with a real wait between them.
BACKOFF = 0.005
#: How long threads that served a test may take to end once their connections close.
SETTLE_SECONDS = 3.0

_FD_DIR = Path("/proc/self/fd")


def open_sockets() -> int | None:
    """How many sockets this process holds open, where the OS tells (Linux), else ``None``."""
    if not _FD_DIR.is_dir():
        return None
    count = 0
    for entry in _FD_DIR.iterdir():
        try:
            count += str(entry.readlink()).startswith("socket:")
        except OSError:
            continue  # the listing's own descriptor, closed by now
    return count


def _started_since(before: set[threading.Thread]) -> list[threading.Thread]:
    """The threads started since ``before`` that still run, after waiting (briefly) for them to end.

    Threads of earlier tests that end meanwhile are none of this test's business.
    """
    deadline = time.monotonic() + SETTLE_SECONDS
    while (started := [t for t in threading.enumerate() if t not in before]) and time.monotonic() < deadline:
        time.sleep(0.01)
    return started


def _sockets_settled(baseline: int) -> int:
    """How many sockets are open, after waiting (briefly) for those being closed to be closed."""
    deadline = time.monotonic() + SETTLE_SECONDS
    while (count := open_sockets() or 0) > baseline and time.monotonic() < deadline:
        gc.collect()
        time.sleep(0.01)
    return count


@pytest.fixture
def leak_check() -> Iterator[None]:
    """Fail the test if it leaves a thread or a socket behind, or leaks an unclosed resource.

    ``ResourceWarning`` is an error in this suite (pyproject's ``filterwarnings``
    and the module marks), so an unclosed socket found by ``gc.collect()`` here
    fails the test through pytest's unraisable-exception check.  Sockets are
    counted for the whole process, so one closed meanwhile by an earlier test's
    leftovers is allowed; one more is not.
    """
    gc.collect()
    # Everything alive now was made before this test: frozen, it is left out of
    # the passes below, which then walk only what the test made (where a leaked
    # socket would be) rather than all that earlier tests left (13 ms a pass).
    gc.freeze()
    threads = set(threading.enumerate())
    sockets = open_sockets()
    yield
    gc.collect()
    leaked = _started_since(threads)
    assert not leaked, f"threads leaked: {leaked}"
    if sockets is not None:
        assert _sockets_settled(sockets) <= sockets, "sockets leaked"


@pytest.fixture
def portal(leak_check: None) -> Iterator[FakePortal]:
    with FakePortal(tls=True) as fake:
        yield fake


@pytest.fixture
def client(portal: FakePortal) -> Iterator[Webportal]:
    with make_client(portal, timeout=TIMEOUT, retries=RETRIES, backoff=BACKOFF) as webportal:
        yield webportal
