"""Fixtures: a running fake portal (HTTP and HTTPS) and a client session for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
import requests

from pyjiit.testing import FakePortal
from tests.testing.portal_client import PortalClient

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture
def portal() -> Iterator[FakePortal]:
    with FakePortal() as running:
        yield running


@pytest.fixture
def tls_portal() -> Iterator[FakePortal]:
    with FakePortal(tls=True) as running:
        yield running


@pytest.fixture
def client(portal: FakePortal) -> Iterator[PortalClient]:
    with requests.Session() as session:
        yield PortalClient(portal, session)


@pytest.fixture
def student(client: PortalClient) -> PortalClient:
    """A client logged in as the demo student."""
    client.login()
    return client
