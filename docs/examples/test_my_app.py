"""Testing an app's code against the fake portal, with pytest."""

from collections.abc import Iterator

import pytest

from pyjiit import Webportal
from pyjiit.exceptions import PortalUnavailable
from pyjiit.testing import FakePortal, Fault


def low_attendance(portal: Webportal, goal: float = 75) -> list[str]:
    """The app's code under test: subjects below ``goal`` percent."""
    attendance = portal.attendance.detail()
    return [subject.code for subject in attendance.subjects if subject.classes_needed(goal) > 0]


@pytest.fixture
def fake() -> Iterator[FakePortal]:
    """A fresh fake portal for each test."""
    with FakePortal() as portal:
        yield portal


@pytest.fixture
def portal(fake: FakePortal) -> Iterator[Webportal]:
    """A client logged in to it as the demo student (no retries: failures show at once)."""
    with Webportal(fake.url, sso_url=fake.sso_url, retries=0) as client:
        client.account.login(fake.username, fake.password)
        yield client


def test_no_subject_is_below_a_goal_of_one_percent(portal: Webportal) -> None:
    """Every subject of the demo student has some attendance."""
    assert low_attendance(portal, goal=1) == []


def test_every_subject_is_below_a_goal_of_99_9_percent_or_perfect(portal: Webportal) -> None:
    """A subject needs classes for 99.9 % exactly when a class was missed."""
    attendance = portal.attendance.detail()
    imperfect = [subject.code for subject in attendance.subjects if subject.attended < subject.total]
    assert low_attendance(portal, goal=99.9) == imperfect


def test_a_portal_outage_reaches_the_app(fake: FakePortal, portal: Webportal) -> None:
    """The app lets the portal's outage through, for its caller to report."""
    fake.inject("/StudentClassAttendance/getstudentInforegistrationforattendence", Fault.unavailable())
    with pytest.raises(PortalUnavailable):
        low_attendance(portal)
