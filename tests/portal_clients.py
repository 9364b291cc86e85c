"""Clients of a FakePortal for the tests, and the fixtures every suite shares."""

from __future__ import annotations

from pyjiit import Webportal
from pyjiit.testing import FakePortal

#: Short enough that a hung test fails fast, long enough for a loaded 2-core machine.
TIMEOUT = (2.0, 3.0)


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
        verify=portal.ca_file or True,
        timeout=timeout,
        retries=retries,
        backoff=backoff,
    )
