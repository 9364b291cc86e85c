"""A few hundred calls through intermittent 513s and dropped connections.

Reads get through on their retries; writes (logins, password changes) are sent
exactly once whatever happens, which the portal's request log proves.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import pytest

from pyjiit.endpoints import (
    ATTENDANCE_META,
    CHANGE_PASSWORD,
    EXAM_EVENT_SEMESTERS,
    GENERATE_TOKEN,
    PRETOKEN_CHECK,
    REGISTERED_SEMESTERS,
    SGPA_CGPA,
)
from pyjiit.exceptions import PortalUnavailable
from pyjiit.testing import Fault

from .conftest import RETRIES

if TYPE_CHECKING:
    from collections.abc import Callable

    from pyjiit import Webportal
    from pyjiit.testing import FakePortal

pytestmark = pytest.mark.filterwarnings("error::ResourceWarning")

CALLS = 200
#: Faults that read retries must get through, taken in turn: a 513 page, a dropped connection, a 503.
TRANSIENT = (Fault.unavailable(), Fault.drop(), Fault.status(503, ""))


def transient(number: int) -> Fault:
    """The ``number``-th transient fault."""
    return TRANSIENT[number % len(TRANSIENT)]


def test_reads_get_through_intermittent_failures(logged_in: Webportal, portal: FakePortal) -> None:
    reads: list[tuple[str, Callable[[], Any]]] = [
        (ATTENDANCE_META.path, logged_in.get_attendance_meta),
        (REGISTERED_SEMESTERS.path, logged_in.get_registered_semesters),
        (EXAM_EVENT_SEMESTERS.path, logged_in.get_semesters_for_exam_events),
        (SGPA_CGPA.path, logged_in.get_sgpa_cgpa),
    ]
    expected_requests: Counter[str] = Counter()
    for number in range(CALLS):
        path, read = reads[number % len(reads)]
        # Every other call meets one to RETRIES failures before its answer.
        failures = (number // 2) % (RETRIES + 1) if number % 2 else 0
        if failures:
            portal.inject(path, transient(number), times=failures)
        assert read()
        expected_requests[path] += 1 + failures
    assert Counter(request.path for request in portal.requests) == expected_requests
    assert sum(expected_requests.values()) > CALLS  # the faults were really met


@pytest.mark.parametrize("fault", [Fault.unavailable(), Fault.drop(), Fault.status(502, "")], ids=str)
def test_password_change_is_never_repeated(logged_in: Webportal, portal: FakePortal, fault: Fault) -> None:
    old = portal.password
    portal.inject(CHANGE_PASSWORD.path, fault)
    with pytest.raises(PortalUnavailable):
        logged_in.set_password(old, "Another-Passw0rd!")
    assert [request.path for request in portal.requests] == [CHANGE_PASSWORD.path]
    assert portal.password == old


@pytest.mark.parametrize("path", [PRETOKEN_CHECK.path, GENERATE_TOKEN.path])
@pytest.mark.parametrize("fault", [Fault.unavailable(), Fault.drop(), Fault.status(504, "")], ids=str)
def test_login_is_never_repeated(client: Webportal, portal: FakePortal, path: str, fault: Fault) -> None:
    portal.inject(path, fault)
    with pytest.raises(PortalUnavailable):
        client.student_login(portal.username, portal.password)
    assert Counter(request.path for request in portal.requests)[path] == 1
    assert client.session is None
    # Nothing is left half-done: the next login works.
    client.student_login(portal.username, portal.password)
    assert client.session is not None


def test_writes_among_reads_in_a_soak(logged_in: Webportal, portal: FakePortal) -> None:
    """Password changes between failing reads: each is sent once, and each takes effect once."""
    password = portal.password
    changes = 0
    for number in range(30):
        portal.inject(SGPA_CGPA.path, transient(number), times=1 + number % RETRIES)
        assert logged_in.get_sgpa_cgpa()
        if number % 10 == 0:
            new = f"Passw0rd-{number}!"
            logged_in.set_password(password, new)
            password = new
            changes += 1
            assert portal.password == password
    assert Counter(request.path for request in portal.requests)[CHANGE_PASSWORD.path] == changes
