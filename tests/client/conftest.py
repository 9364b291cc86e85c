"""A fake portal over HTTPS for the client's tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from pyjiit.testing import FakePortal
from tests.portal_clients import client, logged_in

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["client", "logged_in", "portal"]


@pytest.fixture
def portal() -> Iterator[FakePortal]:
    # Awkward tokens (unpadded base64url with a '-'), so that every login here
    # tests the client's own base64url decoding of the expiry.
    with FakePortal(tls=True, awkward_tokens=True) as fake:
        yield fake
