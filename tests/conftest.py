"""Settings for the whole suite, whatever part of it runs."""

from __future__ import annotations

import gc
import os
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Generator, Iterator


@pytest.hookimpl(wrapper=True, optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> Generator[None, int, int]:
    """``-n auto`` starts two xdist workers per CPU, where xdist would start one.

    Half of this suite's time is spent waiting (on deadlines, retries' backoff,
    servers and subprocesses), so one worker per CPU leaves the CPUs idle that
    long; a second one per CPU fills that time.  ``PYTEST_XDIST_AUTO_NUM_WORKERS``
    still sets the number exactly.
    """
    workers = yield
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return workers
    return 2 * workers


def pytest_collection_finish(session: pytest.Session) -> None:
    """Leave everything made before the first test out of the garbage collector's full passes.

    The leak checks (tests/reliability) call ``gc.collect()`` around each test,
    and a full pass walks every object in the process: imported modules,
    pytest's own, Hypothesis'.  That cost about 60 ms a pass, 15 s of CPU in
    all.  Frozen (``gc.freeze``), those objects are skipped, so a pass walks
    only what the tests made, which is where a leaked socket would be.
    """
    gc.collect()
    gc.freeze()


@pytest.fixture
def collector_off() -> Iterator[None]:
    """The garbage collector off for the test, after a pass that clears what came before it.

    What the test then finds still alive, or freed, got so by references
    alone: an object kept only by a reference cycle stays, where the collector
    would have freed it at some moment, in this test or a later one.
    """
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
