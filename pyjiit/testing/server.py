"""The fake portal's HTTP(S) server: threads, sockets and clean shutdown.

What to answer is decided by :class:`~pyjiit.testing.protocol.Exchange`; this
module only moves bytes.  HTTP/1.1 with keep-alive, one thread per
connection, ``Content-Length`` on every answer and a ``Date`` header from the
*server's* clock (clients measure the portal's clock skew from it).
:meth:`PortalServer.stop` closes every connection and joins every thread, so a
stopped portal leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import email.utils
import logging
import socket
import ssl
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyjiit.testing.protocol import Exchange

__all__ = ["PortalServer"]

logger = logging.getLogger("pyjiit.testing")

#: How often the serving loop checks for stop(); short, so tests stop portals quickly.
_POLL_INTERVAL = 0.02
#: Idle keep-alive connections are closed after this many seconds, freeing their thread.
IDLE_TIMEOUT = 30.0


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "pyjiit-fakeportal"
    timeout = IDLE_TIMEOUT
    # Buffered, so headers and body leave in one write: two small writes would
    # wait for the client's delayed ACK (Nagle), some 40 ms a request.
    wbufsize = -1
    server: PortalServer

    def setup(self) -> None:
        self.server.track(self.request)
        if isinstance(self.request, ssl.SSLSocket):
            # The handshake runs here, on the connection's thread, so a slow or
            # failing client never blocks the thread that accepts connections.
            self.request.settimeout(self.timeout)
            try:
                self.request.do_handshake()
            except BaseException:
                self.server.untrack(self.request)
                raise
        super().setup()

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.untrack(self.request)

    def _serve(self) -> None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            # Every portal client sends Content-Length; refuse rather than guess.
            self.close_connection = True
            self._send(411, b"", None)
            return
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True
            self._send(400, b"", None)
            return
        body = self.rfile.read(length)
        reply = self.server.exchange.handle(self.command, self.path, dict(self.headers.items()), body)
        if reply is None:
            self.close_connection = True  # drop: close without a word
            return
        self._send(reply.status, reply.body, reply.content_type)

    def _send(self, status: int, body: bytes, content_type: str | None) -> None:
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _serve  # noqa: N815 (http.server's names)

    def version_string(self) -> str:
        """The ``Server`` header (without the Python version http.server adds)."""
        return self.server_version

    def date_time_string(self, timestamp: float | None = None) -> str:
        """The ``Date`` header: the server clock, offset included."""
        now = self.server.exchange.state.now().timestamp() if timestamp is None else timestamp
        return email.utils.formatdate(now, usegmt=True)

    def log_message(self, format: str, *args: object) -> None:
        logger.debug("%s %s", self.address_string(), format % args)


class PortalServer(ThreadingHTTPServer):
    """A threading HTTP(S) server for one :class:`~pyjiit.testing.protocol.Exchange`.

    Args:
        address: ``(host, port)`` to bind; port 0 picks a free one.
        exchange: Decides every answer.
        tls: Serve HTTPS with this context.
    """

    # Daemon threads, so a portal nobody stopped never holds up the interpreter's
    # exit; socketserver joins only non-daemon ones, so stop() joins these itself.
    daemon_threads = True

    def __init__(
        self, address: tuple[str, int], exchange: Exchange, tls: ssl.SSLContext | None = None
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.exchange = exchange
        self._tls = tls
        self._connections: set[socket.socket] = set()
        self._workers: list[threading.Thread] = []
        self._connections_lock = threading.Lock()
        self.stopping = threading.Event()
        super().__init__(address, _Handler)
        self._thread = threading.Thread(
            target=self.serve_forever,
            kwargs={"poll_interval": _POLL_INTERVAL},
            name="fakeportal",
            daemon=True,
        )

    @property
    def port(self) -> int:
        """The bound port."""
        return int(self.server_address[1])

    def get_request(self) -> tuple[socket.socket, tuple[str, int]]:
        """Accept a connection, wrapped for TLS (the handshake waits for its thread)."""
        connection, address = self.socket.accept()
        if self._tls is not None:
            connection = self._tls.wrap_socket(connection, server_side=True, do_handshake_on_connect=False)
        return connection, address

    def process_request(self, request: socket.socket, client_address: tuple[str, int]) -> None:  # type: ignore[override]
        """Serve a connection on a thread of its own, remembered so that :meth:`stop` can join it."""
        worker = threading.Thread(
            target=self.process_request_thread, args=(request, client_address), daemon=True
        )
        with self._connections_lock:
            self._workers = [thread for thread in self._workers if thread.is_alive()]
            self._workers.append(worker)
        worker.start()

    def track(self, connection: socket.socket) -> None:
        """Remember an open connection, so :meth:`stop` can close it."""
        with self._connections_lock:
            self._connections.add(connection)
            if self.stopping.is_set():
                _hang_up(connection)

    def untrack(self, connection: socket.socket) -> None:
        """Forget a connection that its thread has finished with."""
        with self._connections_lock:
            self._connections.discard(connection)

    def handle_error(self, request: object, client_address: object) -> None:  # noqa: ARG002 (socketserver's signature)
        """Log a failed connection quietly: clients hanging up or failing TLS are normal."""
        logger.debug("connection from %s failed", client_address, exc_info=sys.exc_info())

    def wait(self, seconds: float) -> bool:
        """Sleep ``seconds`` unless the server stops first; return whether it is stopping."""
        return self.stopping.wait(seconds)

    def start(self) -> None:
        """Serve in a background thread."""
        self._thread.start()

    def stop(self) -> None:
        """Stop serving, close every connection and listening socket, join every thread."""
        with self._connections_lock:
            self.stopping.set()
            for connection in self._connections:
                _hang_up(connection)
        if self._thread.is_alive():
            self.shutdown()
            self._thread.join()
        self.server_close()
        # No new worker can start now that the serving loop has ended.
        with self._connections_lock:
            workers, self._workers = self._workers, []
        for worker in workers:
            worker.join()


def _hang_up(connection: socket.socket) -> None:
    """Shut a connection down so the thread reading it wakes up and ends."""
    # socket.socket's own shutdown: SSLSocket's would drop its TLS state under
    # the feet of the thread still reading it.  OSError: the client hung up first.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(connection, socket.SHUT_RDWR)
