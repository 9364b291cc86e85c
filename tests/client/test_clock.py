"""The date key follows the portal's clock around IST midnight (docs/protocol.md 2.2)."""

from __future__ import annotations

import datetime as dt

import pytest

from pyjiit._clock import ServerClock
from pyjiit.testing import FakePortal
from pyjiit.utils import IST, ist_date
from tests.portal_clients import make_client

UTC = dt.timezone.utc


def offset_to_other_day(days: int) -> dt.timedelta:
    """A clock offset putting the server a few minutes into the IST day ``days`` from today."""
    now = dt.datetime.now(IST)
    midnight = dt.datetime.combine(now.date(), dt.time(0), IST)
    target = midnight + dt.timedelta(days=days, minutes=5)
    return target - now


@pytest.mark.parametrize("days", [1, -1])
def test_login_works_when_the_portal_is_on_another_ist_day(days: int) -> None:
    with FakePortal(clock_offset=offset_to_other_day(days)) as portal, make_client(portal) as client:
        session = client.student_login(portal.username, portal.password)
        assert session.enrollmentno == portal.username
        assert ist_date(client.server_time) == ist_date(dt.datetime.now(UTC) + portal.clock_offset)
        # The first request was refused with an empty body, then resent with the portal's key;
        # every later request uses the portal's day straight away.
        statuses = [(request.path, len(request.body) > 0) for request in portal.requests]
        assert len(statuses) == 3
        portal.requests.clear()
        assert client.get_student_personal_information()
        assert len(portal.requests) == 1


def test_portal_running_slow_is_tracked() -> None:
    with FakePortal(clock_offset=dt.timedelta(seconds=-508)) as portal, make_client(portal) as client:
        client.get_captcha()
        assert abs(client.server_time - (dt.datetime.now(UTC) - dt.timedelta(seconds=508))) < dt.timedelta(
            seconds=3
        )


@pytest.mark.parametrize(
    "date_header",
    [
        "Fri, 31 Dec 9999 23:59:59 GMT",
        "Wed, 01 Jan 1000 00:00:00 GMT",
        "Thu, 01 Jan 1970 00:00:00 +99999999999",
        "soon",
    ],
)
def test_an_absurd_date_header_is_ignored(date_header: str) -> None:
    """Believed, a Date millennia away would make every later call overflow (OverflowError)."""
    clock = ServerClock()
    now = dt.datetime.now(UTC)
    clock.observe("Sun, 06 Nov 1994 08:49:37 GMT", now, now)  # a machine whose clock is 30 years fast
    learnt = clock.offset
    clock.observe(date_header, now, now)
    assert clock.offset == learnt
    assert abs(clock.now() - (dt.datetime.now(UTC) + learnt)) < dt.timedelta(seconds=5)
