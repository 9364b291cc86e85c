"""``FakePortal(latency=...)``: every answer waits, requests sent together wait side by side."""

from __future__ import annotations

import math
import threading
from typing import TYPE_CHECKING

import pytest
import requests

from pyjiit import endpoints
from pyjiit.testing import FakePortal, Fault
from tests.portal_clients import answered
from tests.testing.portal_client import PortalClient, envelope_ok

if TYPE_CHECKING:
    from pyjiit.testing import ReceivedRequest

LATENCY = 0.2


def captcha(portal: FakePortal) -> None:
    with requests.Session() as session:
        envelope_ok(PortalClient(portal, session).get(endpoints.CAPTCHA.path))


def waited(request: ReceivedRequest) -> float:
    return answered(request) - request.received


def test_every_answer_waits_the_latency() -> None:
    with FakePortal(latency=LATENCY) as portal:
        assert portal.latency == LATENCY
        captcha(portal)
        (request,) = portal.requests
        assert waited(request) >= LATENCY
        portal.latency = 0
        captcha(portal)
        assert waited(portal.requests[-1]) < LATENCY


def test_requests_sent_together_wait_side_by_side() -> None:
    with FakePortal(latency=LATENCY) as portal:
        threads = [threading.Thread(target=captcha, args=(portal,)) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        first, second, third = portal.requests
        # Each arrived before the others were answered: the server waited for them at once.
        assert max(r.received for r in portal.requests) < min(answered(r) for r in portal.requests)
        assert all(waited(request) >= LATENCY for request in (first, second, third))


@pytest.mark.parametrize("value", [-0.1, math.nan, math.inf, True, "0.3", None])
def test_latency_must_be_seconds(value: object) -> None:
    with pytest.raises(
        ValueError, match=r"latency must be a number of seconds, 0 or more and at most 86,400, got "
    ):
        FakePortal(latency=value)  # type: ignore[arg-type]
    portal = FakePortal()
    with pytest.raises(ValueError, match="latency must be"):
        portal.latency = value  # type: ignore[assignment]
    assert portal.latency == 0


def wait_for_requests(portal: FakePortal, number: int) -> None:
    """Wait (a few seconds at most) until ``number`` requests have arrived."""
    for _ in range(500):
        if len(portal.requests) >= number:
            return
        threading.Event().wait(0.01)
    raise AssertionError(f"{number} requests did not arrive: {portal.requests}")


def test_a_request_is_logged_on_arrival_and_updated_once_answered() -> None:
    """A test sees what its app sent while the answer waits, and after the app gave up on it."""
    with FakePortal(latency=LATENCY) as portal:
        thread = threading.Thread(target=captcha, args=(portal,))
        thread.start()
        wait_for_requests(portal, 1)
        (waiting,) = portal.requests
        assert (waiting.path, waiting.status, waiting.answered, waiting.in_flight) == (
            endpoints.CAPTCHA.path,
            None,
            None,
            True,
        )
        thread.join()
        (done,) = portal.requests
        assert (done.path, done.status, done.in_flight, done.received) == (
            endpoints.CAPTCHA.path,
            200,
            False,
            waiting.received,
        )
        assert waited(done) >= LATENCY


def test_requests_are_logged_in_the_order_they_arrived() -> None:
    """Not in the order their answers were ready: the first waits on a delay, the second does not."""
    with FakePortal() as portal:
        portal.inject(endpoints.CAPTCHA.path, Fault.delay(LATENCY))
        slow = threading.Thread(target=captcha, args=(portal,))
        slow.start()
        wait_for_requests(portal, 1)
        captcha(portal)
        slow.join()
        first, second = portal.requests
        assert first.received < second.received
        assert answered(first) > answered(second)  # answered last, logged first


def test_a_log_cleared_while_a_request_waits_stays_empty() -> None:
    with FakePortal(latency=LATENCY) as portal:
        thread = threading.Thread(target=captcha, args=(portal,))
        thread.start()
        wait_for_requests(portal, 1)
        portal.requests.clear()
        thread.join()
        assert portal.requests == []
