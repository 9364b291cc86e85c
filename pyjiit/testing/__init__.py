"""A local JIIT webportal for tests: :class:`FakePortal`, the :class:`Fault` kinds it can inject.

``FakePortal`` speaks the protocol of docs/protocol.md (the ``LocalName`` day check,
encrypted and plain bodies, bearer tokens, the login flow) over real HTTP or
HTTPS on 127.0.0.1, and serves all 37 endpoints for one demo student.  Run
``python -m pyjiit.testing`` to serve it standalone.
"""

from __future__ import annotations

from pyjiit.testing.faults import Fault
from pyjiit.testing.portal import FakePortal
from pyjiit.testing.protocol import ReceivedRequest

__all__ = ["FakePortal", "Fault", "ReceivedRequest"]
