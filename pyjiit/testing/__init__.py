"""A local JIIT webportal for tests: :class:`FakePortal`.

``FakePortal`` speaks the protocol of PORTAL.md (the ``LocalName`` day check,
encrypted and plain bodies, bearer tokens, the login flow) over real HTTP or
HTTPS on 127.0.0.1, and serves all 37 endpoints for one demo student.
"""

from __future__ import annotations

from pyjiit.testing.portal import FakePortal
from pyjiit.testing.protocol import ReceivedRequest

__all__ = ["FakePortal", "ReceivedRequest"]
