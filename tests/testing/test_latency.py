"""``FakePortal(latency=...)``: every answer waits, requests sent together wait side by side."""

from __future__ import annotations

import math
import threading
from typing import TYPE_CHECKING

import pytest
import requests

from pyjiit import endpoints
from pyjiit.testing import FakePortal
from tests.testing.portal_client import PortalClient, envelope_ok

if TYPE_CHECKING:
    from pyjiit.testing import ReceivedRequest

LATENCY = 0.2


def captcha(portal: FakePortal) -> None:
    with requests.Session() as session:
        envelope_ok(PortalClient(portal, session).get(endpoints.CAPTCHA.path))


def waited(request: ReceivedRequest) -> float:
    return request.answered - request.received


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
        assert max(r.received for r in portal.requests) < min(r.answered for r in portal.requests)
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
