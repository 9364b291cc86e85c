"""Every fault the fake portal can inject ends in its documented exception, in time, leaving nothing behind.

Each fault is injected for every attempt the client makes (retries included),
so the client has to give up; the test then checks the exception, the time it
took against the configured timeout, and (through ``leak_check``) that no
thread, socket or unclosed resource outlives the test.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, NamedTuple

import pytest

from pyjiit.endpoints import REGISTERED_SEMESTERS, SGPA_CGPA
from pyjiit.exceptions import (
    AccessDenied,
    APIError,
    EmptyResponse,
    NoDataFound,
    NotThePortal,
    PortalUnavailable,
    ProtocolError,
    PyjiitError,
    SessionExpired,
)
from pyjiit.testing import FakePortal, Fault

from .conftest import BACKOFF, RETRIES, TIMEOUT
from .test_hostile import CASES as HOSTILE

if TYPE_CHECKING:
    from pyjiit import Webportal

pytestmark = pytest.mark.filterwarnings("error::ResourceWarning")

READ_TIMEOUT = TIMEOUT[1]
#: Longer than the read timeout, so the client must give up on the answer.
SLOW = 4 * READ_TIMEOUT
#: Room for TLS, the portal's work and a loaded 2-core machine, per attempt.
SLACK = 0.5
ATTEMPTS = 1 + RETRIES


class Case(NamedTuple):
    """A fault, what it must raise, and how many attempts the client makes."""

    constructor: str
    args: tuple[object, ...]
    error: type[PyjiitError]
    message: str
    attempts: int

    def fault(self) -> Fault:
        """Build the fault."""
        fault: Fault = getattr(Fault, self.constructor)(*self.args)
        return fault


CASES = [
    Case("unavailable", (), PortalUnavailable, "513", ATTEMPTS),
    Case("server_error", (), PortalUnavailable, "NullPointerException", 1),
    Case("empty", (), EmptyResponse, "empty body", 1),
    Case("not_json", (), NotThePortal, "HTML page", 1),
    Case("not_json", ("maintenance",), ProtocolError, "not JSON", 1),
    Case("failure", (["Invalid URL"],), APIError, "Invalid URL", 1),
    Case("failure", (), NoDataFound, "NO DATA FOUND", 1),
    Case("status", (401, ""), SessionExpired, "401", 1),
    Case("status", (403, "Invalid CORS request"), AccessDenied, "CORS", 1),
    Case("status", (404, "Not Found"), ProtocolError, "404", 1),
    Case("status", (502, "Bad Gateway"), PortalUnavailable, "502", ATTEMPTS),
    Case("status", (503, ""), PortalUnavailable, "503", ATTEMPTS),
    Case("status", (504, ""), PortalUnavailable, "504", ATTEMPTS),
    Case("delay", (SLOW,), PortalUnavailable, "did not answer within", 1),
    Case("drop", (), PortalUnavailable, "could not reach", ATTEMPTS),
]


#: Faults that still give the call its whole answer: the client must only not be thrown by them.
ANSWERED = ["overlong"]


def test_every_kind_of_fault_is_covered() -> None:
    """A fault constructor added to FakePortal fails this until a test here or in test_hostile covers it."""
    constructors = {name for name, value in vars(Fault).items() if isinstance(value, classmethod)}
    covered = {case.constructor for case in CASES} | {case.constructor for case in HOSTILE} | {*ANSWERED}
    assert constructors == covered


@pytest.mark.parametrize("constructor", ANSWERED)
def test_fault_that_still_answers_gives_the_answer_without_leaks(
    logged_in: Webportal, portal: FakePortal, constructor: str
) -> None:
    path = REGISTERED_SEMESTERS.path
    expected = logged_in.get_registered_semesters()
    portal.inject(path, getattr(Fault, constructor)())
    assert logged_in.get_registered_semesters() == expected
    # What the fault left on the connection is not the next call's answer: that call is
    # sent once, not failed (on reading the leftovers) and retried.
    portal.requests.clear()
    assert logged_in.get_sgpa_cgpa()
    assert [request.path for request in portal.requests] == [SGPA_CGPA.path]


@pytest.mark.parametrize("case", CASES, ids=[f"{case.constructor}{list(case.args)}" for case in CASES])
def test_fault_raises_in_time_without_leaks(logged_in: Webportal, portal: FakePortal, case: Case) -> None:
    path = REGISTERED_SEMESTERS.path
    portal.inject(path, case.fault(), times=ATTEMPTS)
    started = time.monotonic()
    with pytest.raises(case.error, match=case.message):
        logged_in.get_registered_semesters()
    elapsed = time.monotonic() - started
    if case.constructor != "delay":  # the portal logs a slow request once it answers, after this
        assert [request.path for request in portal.requests] == [path] * case.attempts
    # A slow answer costs one read timeout (reads that time out are not
    # repeated: the portal may still be working on them); the rest fail fast.
    waited = READ_TIMEOUT if case.constructor == "delay" else 0.0
    backoffs = sum(BACKOFF * 2**attempt for attempt in range(case.attempts - 1))
    assert waited <= elapsed < waited + backoffs + SLACK * case.attempts
    # The client recovers: its next call (to an endpoint without faults) works.
    assert logged_in.get_sgpa_cgpa()


def test_expired_token_raises_without_leaks(logged_in: Webportal, portal: FakePortal) -> None:
    portal.expire_tokens()
    started = time.monotonic()
    with pytest.raises(SessionExpired):
        logged_in.get_registered_semesters()
    assert time.monotonic() - started < SLACK
