"""Settings for the whole suite, whatever part of it runs."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Generator


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
