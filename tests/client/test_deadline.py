"""Each request ends within its deadline, connect + read timeout, retries included."""

from __future__ import annotations

import time

import pytest
import requests
from requests.adapters import HTTPAdapter

from pyjiit import Webportal
from pyjiit._deadline import DeadlineAdapter
from pyjiit._transport import deadline_seconds
from pyjiit.endpoints import CREDITS, FEE_SUMMARY
from pyjiit.exceptions import PortalUnavailable
from pyjiit.testing import FakePortal, Fault
from pyjiit.wrapper import DEFAULT_TIMEOUT
from tests.portal_clients import make_client

PATH = FEE_SUMMARY.path
#: Room for TLS and the portal's work on a loaded machine.
SLACK = 1.0


@pytest.mark.parametrize(
    ("timeout", "seconds"), [(DEFAULT_TIMEOUT, 70.0), ((2.0, 0.5), 2.5), (5, 10.0), (0.25, 0.5)]
)
def test_the_deadline_is_connect_plus_read(timeout: float | tuple[float, float], seconds: float) -> None:
    assert deadline_seconds(timeout) == seconds
    with Webportal(timeout=timeout) as client:
        assert client._transport.deadline == seconds


def test_a_trickle_is_cut_off_at_the_deadline_not_the_read_timeout(portal: FakePortal) -> None:
    # Every byte comes 50 ms after the last, well within the 0.5 s read timeout.
    with make_client(portal, timeout=(0.5, 0.5)) as client:
        client.student_login(portal.username, portal.password)
        portal.inject(PATH, Fault.trickle(0.05))
        started = time.monotonic()
        with pytest.raises(PortalUnavailable, match=r"too slow: no complete answer within 1 s"):
            client.get_fee_summary()
        assert 1.0 <= time.monotonic() - started < 1.0 + SLACK
        assert client.get_fee_summary()  # the connection left half-read was not reused


def test_trickled_headers_are_cut_off_too(portal: FakePortal) -> None:
    with make_client(portal, timeout=(0.5, 0.5)) as client:
        client.student_login(portal.username, portal.password)
        portal.inject(PATH, Fault.trickle(0.05, slow_headers=True))
        started = time.monotonic()
        with pytest.raises(PortalUnavailable, match="too slow"):
            client.get_fee_summary()
        assert 1.0 <= time.monotonic() - started < 1.0 + SLACK


def test_a_slow_answer_within_the_deadline_arrives(portal: FakePortal) -> None:
    """The deadline bounds the request; it does not cut short a slow but steady answer."""
    with make_client(portal, timeout=(2.0, 3.0)) as client:
        client.student_login(portal.username, portal.password)
        expected = client.registration.credits()
        # Some 200 bytes, 5 ms apart: over a second, each byte far within the read timeout.
        portal.inject(CREDITS.path, Fault.trickle(0.005))
        started = time.monotonic()
        assert client.registration.credits() == expected
        assert time.monotonic() - started > 1.0


def test_no_retry_starts_that_the_deadline_would_cut_short(portal: FakePortal) -> None:
    # A 10 s backoff does not fit in a 3 s deadline: the first failure is the last.
    with make_client(portal, timeout=(1.0, 2.0), retries=3, backoff=10.0) as client:
        client.student_login(portal.username, portal.password)
        portal.requests.clear()
        portal.inject(PATH, Fault.unavailable(), times=4)
        started = time.monotonic()
        with pytest.raises(PortalUnavailable, match="513"):
            client.get_fee_summary()
        assert time.monotonic() - started < SLACK
        assert len(portal.requests) == 1


def test_retries_that_fit_still_happen(portal: FakePortal) -> None:
    with make_client(portal, timeout=(1.0, 2.0), retries=2, backoff=0.01) as client:
        client.student_login(portal.username, portal.password)
        portal.requests.clear()
        portal.inject(PATH, Fault.unavailable(), times=2)
        assert client.get_fee_summary()
        assert len(portal.requests) == 3


def test_a_session_of_the_users_own_keeps_its_settings_and_the_deadline(portal: FakePortal) -> None:
    http = requests.Session()
    http.mount("https://", HTTPAdapter(pool_maxsize=3, max_retries=1))
    with Webportal(
        portal.url, sso_url=portal.sso_url, verify=portal.verify, timeout=(0.5, 0.5), http=http
    ) as client:
        adapter = http.get_adapter(portal.url)
        assert isinstance(adapter, DeadlineAdapter)
        assert (adapter.max_retries.total, adapter._pool_maxsize) == (1, 3)  # type: ignore[attr-defined]
        client.student_login(portal.username, portal.password)
        portal.inject(PATH, Fault.trickle(0.05, slow_headers=True))
        started = time.monotonic()
        with pytest.raises(PortalUnavailable, match="too slow"):
            client.get_fee_summary()
        assert time.monotonic() - started < 1.0 + SLACK


def test_an_adapter_of_the_users_own_is_left_alone(portal: FakePortal) -> None:
    class Custom(HTTPAdapter):
        pass

    http = requests.Session()
    custom = Custom()
    http.mount("https://", custom)
    with Webportal(portal.url, sso_url=portal.sso_url, verify=portal.verify, http=http) as client:
        assert http.get_adapter(portal.url) is custom
        assert client.student_login(portal.username, portal.password).enrollmentno == portal.username
