"""Daily attendance asked for side by side: bounded, in order, equal to asking one by one.

Every test here is checked for leaked threads and sockets (``leak_check``),
so a request thread outliving its call fails it.
"""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING

import pytest

from pyjiit import endpoints
from pyjiit._fanout import DEFAULT_IN_FLIGHT
from pyjiit.exceptions import APIError
from pyjiit.testing import Fault
from tests.portal_clients import answered

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pyjiit import Webportal
    from pyjiit.testing import FakePortal, ReceivedRequest

pytestmark = pytest.mark.filterwarnings("error::ResourceWarning")

#: Seconds each daily answer waits: long enough that requests sent together overlap on the server.
LATENCY = 0.25


def most_in_flight(requests: Sequence[ReceivedRequest]) -> int:
    """The largest number of ``requests`` the server was answering at one moment."""
    events = sorted([(r.received, 1) for r in requests] + [(answered(r), -1) for r in requests])
    in_flight = peak = 0
    for _, change in events:  # at a tie, an answer (-1) sorts before an arrival (+1)
        in_flight += change
        peak = max(peak, in_flight)
    return peak


def daily_requests(portal: FakePortal) -> list[ReceivedRequest]:
    return [r for r in portal.requests if r.path == endpoints.SUBJECT_DAILY_ATTENDANCE.path]


@pytest.mark.parametrize("by_component", [False, True], ids=["per-subject", "per-component"])
def test_side_by_side_equals_one_by_one(logged_in: Webportal, by_component: bool) -> None:
    one_by_one = logged_in.attendance.detail(by_component=by_component, max_in_flight=1)
    assert all(subject.total for subject in one_by_one.subjects)
    for max_in_flight in (DEFAULT_IN_FLIGHT, 2, 16):
        side_by_side = logged_in.attendance.detail(by_component=by_component, max_in_flight=max_in_flight)
        assert side_by_side == one_by_one
        assert [s.code for s in side_by_side.subjects] == [s.code for s in one_by_one.subjects]


def test_one_request_per_subject_with_all_its_components(logged_in: Webportal, portal: FakePortal) -> None:
    subjects = logged_in.attendance.detail(daily=False).subjects
    portal.requests.clear()
    logged_in.attendance.detail()
    sent = [request.payload for request in daily_requests(portal)]
    assert sorted(payload["subjectid"] for payload in sent) == sorted(s.subject_id for s in subjects)
    for subject in subjects:
        (payload,) = (payload for payload in sent if payload["subjectid"] == subject.subject_id)
        assert payload["cmpidkey"] == [
            {"subjectcomponentid": part.component_id} for part in subject.components
        ]


@pytest.mark.parametrize("max_in_flight", [1, 2, DEFAULT_IN_FLIGHT])
def test_at_most_max_in_flight_at_once(logged_in: Webportal, portal: FakePortal, max_in_flight: int) -> None:
    detail = logged_in.attendance.detail(daily=False)
    assert detail.semester is not None
    jobs = sum(len(subject.components) for subject in detail.subjects)
    assert jobs > DEFAULT_IN_FLIGHT  # enough work to fill every slot
    portal.requests.clear()
    portal.latency = LATENCY
    logged_in.attendance.with_daily_all(
        detail.semester, detail.subjects, by_component=True, max_in_flight=max_in_flight
    )
    sent = daily_requests(portal)
    assert len(sent) == jobs
    assert most_in_flight(sent) == max_in_flight


def test_progress_once_per_subject_in_the_calling_thread(logged_in: Webportal) -> None:
    seen: list[tuple[str, int, int]] = []
    detail = logged_in.attendance.detail(
        by_component=True,
        progress=lambda subject: seen.append((subject.code, subject.total, threading.get_ident())),
    )
    assert sorted(seen) == sorted((s.code, s.total, threading.get_ident()) for s in detail.subjects)


def test_the_first_failure_is_raised_and_nothing_outlives_the_call(
    logged_in: Webportal, portal: FakePortal
) -> None:
    detail = logged_in.attendance.detail(daily=False)
    assert detail.semester is not None
    # Every answer waits, so both workers are sending before the first answer
    # comes; the first request to arrive fails, every later one is slower, so
    # the other one in flight is still being answered when the failure is known.
    # Slower, but well within the client's read timeout (TIMEOUT), so that it
    # ends answered, not timed out.
    portal.latency = LATENCY
    portal.inject(endpoints.SUBJECT_DAILY_ATTENDANCE.path, Fault.failure(errors=["Invalid URL"]))
    portal.inject(endpoints.SUBJECT_DAILY_ATTENDANCE.path, Fault.delay(0.1), times=10)
    portal.requests.clear()
    with pytest.raises(APIError, match="Invalid URL") as caught:
        logged_in.attendance.with_daily_all(
            detail.semester, detail.subjects, by_component=True, max_in_flight=2
        )
    assert caught.value.endpoint == endpoints.SUBJECT_DAILY_ATTENDANCE.path
    # Nothing is sent after the failure (at most the two already in flight), and a request
    # in flight ended, answered, before the call did.
    statuses = [request.status for request in daily_requests(portal)]
    assert statuses in ([200], [200, 200])


@pytest.mark.usefixtures("collector_off")
def test_a_failure_side_by_side_is_freed_when_dropped(logged_in: Webportal, portal: FakePortal) -> None:
    # An error held in a reference cycle would keep every frame of the call, the request
    # threads' included, alive until the collector next ran.
    detail = logged_in.attendance.detail(daily=False)
    assert detail.semester is not None
    portal.inject(endpoints.SUBJECT_DAILY_ATTENDANCE.path, Fault.failure(errors=["Invalid URL"]))
    try:
        logged_in.attendance.with_daily_all(
            detail.semester, detail.subjects, by_component=True, max_in_flight=2
        )
    except APIError as error:
        dropped = weakref.ref(error)
    else:
        pytest.fail("the failure was not raised")
    assert dropped() is None


@pytest.mark.parametrize("max_in_flight", [0, -1, True, 2.0, "4", None])
def test_max_in_flight_must_be_a_whole_number(
    logged_in: Webportal, portal: FakePortal, max_in_flight: object
) -> None:
    portal.requests.clear()
    with pytest.raises(ValueError, match=r"max_in_flight must be a whole number, 1 or more, got "):
        logged_in.attendance.detail(max_in_flight=max_in_flight)  # type: ignore[arg-type]
    assert portal.requests == []
