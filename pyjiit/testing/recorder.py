"""``RecordingServer``: a second local server, at another origin, that records what reaches it.

A redirect from the fake portal to it (:meth:`Fault.redirect
<pyjiit.testing.Fault.redirect>`) tests that a client sends nothing (no body,
no token, no cookie) to another origin: another port on 127.0.0.1 is another
origin.  With a certificate for other names, it tests that a client refuses a
server whose certificate is not for the host it asked for.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import TYPE_CHECKING

from pyjiit.testing._protocol import ReceivedRequest
from pyjiit.testing._replies import Reply, success
from pyjiit.testing._server import LocalServer, PortalServer
from pyjiit.testing._tls import ServerCertificate

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from typing_extensions import Self

__all__ = ["RecordingServer"]


class _Recorder:
    """Records every request and answers each with the same reply."""

    def __init__(self, reply: Reply) -> None:
        self.reply = reply
        self.requests: list[ReceivedRequest] = []
        self._lock = threading.Lock()

    def handle(self, method: str, target: str, headers: Mapping[str, str], body: bytes) -> Reply:
        now = time.monotonic()  # answered at once
        with self._lock:
            self.requests.append(
                ReceivedRequest(method, target, dict(headers), body, None, self.reply.status, now, now)
            )
        return self.reply

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.timezone.utc)


class RecordingServer(LocalServer):
    """A server on 127.0.0.1 (a port of its own: another origin) that records every request it receives.

    It answers every request with a Success envelope, so that a client that
    followed a redirect to it would believe it had the portal's answer: only
    :attr:`requests` (and :attr:`connections`) tell.

    Args:
        tls: Serve HTTPS (needs ``pyjiit[testing]``); clients trust it with :attr:`ca_file`.
        certificate_hosts: The names its certificate is valid for; leave out
            127.0.0.1 to make a certificate for another host.
    """

    def __init__(
        self, *, tls: bool = False, certificate_hosts: Sequence[str] = ("127.0.0.1", "localhost")
    ) -> None:
        self.tls = tls
        self._certificate_hosts = list(certificate_hosts)
        self._recorder = _Recorder(success({}))

    def __repr__(self) -> str:
        """Show where it serves."""
        return f"<RecordingServer {self.origin if self._server is not None else 'stopped'}>"

    def start(self) -> Self:
        """Start serving in a background thread (nothing happens if it already is)."""
        if self._server is not None:
            return self
        if self.tls:
            self._certificate = ServerCertificate(self._certificate_hosts)
        context = self._certificate.context if self._certificate is not None else None
        self._server = PortalServer(("127.0.0.1", 0), self._recorder, context)
        self._server.start()
        return self

    @property
    def origin(self) -> str:
        """``http(s)://127.0.0.1:port`` of the running server.

        Raises:
            RuntimeError: The server is not running.
        """
        if self._server is None:
            raise RuntimeError("the RecordingServer is not running: call start() or use it in a with block")
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self._server.port}"

    @property
    def requests(self) -> list[ReceivedRequest]:
        """Every request received, oldest first, with its whole path, headers and body."""
        return self._recorder.requests
