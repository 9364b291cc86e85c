"""A fake portal over HTTPS for the client's tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from pyjiit.testing import FakePortal

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture
def portal() -> Iterator[FakePortal]:
    with FakePortal(tls=True) as fake:
        yield fake
