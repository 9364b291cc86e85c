"""Fixtures shared by the suites that talk to a FakePortal.

Each suite provides its own ``portal`` fixture (and may override ``client``
for other timeouts); ``client`` and ``logged_in`` build on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.portal_clients import make_client

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pyjiit import Webportal
    from pyjiit.testing import FakePortal


@pytest.fixture
def client(portal: FakePortal) -> Iterator[Webportal]:
    with make_client(portal) as webportal:
        yield webportal


@pytest.fixture
def logged_in(client: Webportal, portal: FakePortal) -> Webportal:
    client.student_login(portal.username, portal.password)
    portal.requests.clear()
    return client
