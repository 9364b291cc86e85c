"""A fake portal over HTTPS and clients pointed at it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from pyjiit import Webportal
from pyjiit.testing import FakePortal

if TYPE_CHECKING:
    from collections.abc import Iterator

#: Short enough that a hung test fails fast, long enough for a loaded 2-core machine.
TIMEOUT = (2.0, 3.0)


@pytest.fixture
def portal() -> Iterator[FakePortal]:
    with FakePortal(tls=True) as fake:
        yield fake


def make_client(
    portal: FakePortal, *, retries: int = 2, timeout: float | tuple[float, float] = TIMEOUT
) -> Webportal:
    """A client of ``portal`` trusting its CA, with fast retries."""
    return Webportal(
        portal.url,
        sso_url=portal.sso_url,
        verify=portal.ca_file or True,
        timeout=timeout,
        retries=retries,
        backoff=0.01,
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
