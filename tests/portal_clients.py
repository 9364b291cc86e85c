"""Clients of a FakePortal for the tests, and the fixtures the suites using one share.

A suite imports ``client`` and ``logged_in`` into its conftest next to its own
``portal`` fixture (and may define its own ``client`` for other timeouts).
They are not in the root conftest, which suites that run without the package
installed (the release pipeline's) also load.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from pyjiit import Webportal

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pyjiit.testing import FakePortal, ReceivedRequest

__all__ = ["TIMEOUT", "answered", "client", "logged_in", "make_client"]

#: Short enough that a hung test fails fast, long enough for a loaded 2-core machine.
TIMEOUT = (2.0, 3.0)


def answered(request: ReceivedRequest) -> float:
    """When the portal's answer to ``request`` was ready; the request must not be in flight."""
    assert request.answered is not None, f"{request} is still in flight"
    return request.answered


def make_client(
    portal: FakePortal,
    *,
    retries: int = 2,
    timeout: float | tuple[float, float] = TIMEOUT,
    backoff: float = 0.01,
) -> Webportal:
    """A client of ``portal`` trusting its CA, with fast retries."""
    return Webportal(
        portal.url,
        sso_url=portal.sso_url,
        verify=portal.verify,
        timeout=timeout,
        retries=retries,
        backoff=backoff,
    )


@pytest.fixture
def client(portal: FakePortal) -> Iterator[Webportal]:
    with make_client(portal) as webportal:
        yield webportal


@pytest.fixture
def logged_in(client: Webportal, portal: FakePortal) -> Webportal:
    client.student_login(portal.username, portal.password)
    portal.requests.clear()
    return client
