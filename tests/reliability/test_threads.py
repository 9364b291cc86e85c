"""One ``Webportal`` shared by several threads: every call succeeds with the right answer.

The rule this checks (docs/performance.md): a logged-in client may be used by
many threads at once; log in, log out or load a session only while no other
thread is calling.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import pytest

from pyjiit.endpoints import GRADE_CARD, GRADE_CARD_STUDENT_INFO, REGISTERED_SUBJECTS, SGPA_CGPA
from pyjiit.registration import Registrations

if TYPE_CHECKING:
    from collections.abc import Callable

    from pyjiit import Webportal
    from pyjiit.testing import FakePortal

pytestmark = pytest.mark.filterwarnings("error::ResourceWarning")

THREADS = 8
CALLS = 25


def comparable(answer: object) -> object:
    """The answer's data: 0.1.0a9's ``Registrations`` objects compare by identity, their data does not."""
    return answer.raw_response if isinstance(answer, Registrations) else answer


def test_threads_share_one_client(logged_in: Webportal, portal: FakePortal) -> None:
    semester = logged_in.get_registered_semesters()[0]
    grade_semester = logged_in.get_semesters_for_grade_card()[0]
    # Calls whose answers differ, so a mixed-up answer is caught.  The grade
    # card also fills the client's cache of program/branch ids on first use.
    calls: list[tuple[str, Callable[[], Any]]] = [
        (SGPA_CGPA.path, logged_in.get_sgpa_cgpa),
        (REGISTERED_SUBJECTS.path, lambda: logged_in.get_registered_subjects_and_faculties(semester)),
        (GRADE_CARD.path, lambda: logged_in.get_grade_card(grade_semester)),
    ]
    portal.requests.clear()
    start = threading.Barrier(THREADS)

    def work(thread: int) -> list[tuple[str, Any]]:
        start.wait()  # all threads call at once, from the first call on
        results = []
        for number in range(CALLS):
            path, call = calls[(thread + number) % len(calls)]
            results.append((path, call()))
        return results

    with ThreadPoolExecutor(THREADS) as pool:
        outcomes = [result for results in pool.map(work, range(THREADS)) for result in results]

    expected = {path: call() for path, call in calls}
    assert len(outcomes) == THREADS * CALLS
    for path, answer in outcomes:
        assert comparable(answer) == comparable(expected[path]), path
    received = [request.path for request in portal.requests]
    assert all(request.status == 200 for request in portal.requests)
    # Each thread call sent one request (plus the expected answers' three);
    # the grade card's ids were asked at most once per thread that raced to fill the cache.
    assert len(received) - received.count(GRADE_CARD_STUDENT_INFO.path) == THREADS * CALLS + len(calls)
    assert 1 <= received.count(GRADE_CARD_STUDENT_INFO.path) <= THREADS
