"""A local JIIT webportal for tests: :class:`FakePortal`, the :class:`Fault` kinds it can inject.

:class:`RecordingServer` stands at another origin and records what reaches it,
to prove that a client sends nothing there.

``FakePortal`` speaks the protocol of docs/protocol.md (the ``LocalName`` day check,
encrypted and plain bodies, bearer tokens, the login flow) over real HTTP or
HTTPS on 127.0.0.1, and serves all 37 endpoints for one demo student.  Run
``python -m pyjiit.testing`` to serve it standalone.
"""

from __future__ import annotations

from pyjiit.testing._protocol import ReceivedRequest
from pyjiit.testing.faults import Fault
from pyjiit.testing.portal import FakePortal
from pyjiit.testing.recorder import RecordingServer

__all__ = ["FakePortal", "Fault", "ReceivedRequest", "RecordingServer"]
