"""The fake portal's HTTP(S) server: threads, sockets and clean shutdown.

What to answer is decided by a :class:`Responder` (the fake portal's
:class:`~pyjiit.testing._protocol.Exchange`); this module only moves bytes.
HTTP/1.1 with keep-alive, one thread per connection, ``Content-Length`` on
every answer (except endless ones) and a ``Date`` header from the *server's*
clock (clients measure the portal's clock skew from it).  An answer may
trickle out a byte at a time or never end (:class:`~pyjiit.testing._replies.Reply`).
:meth:`PortalServer.stop` closes every connection and joins every thread, so a
stopped portal leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import email.utils
import io
import logging
import socket
import ssl
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Protocol

from pyjiit.testing._replies import Reply

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping
    from types import TracebackType

    from typing_extensions import Self

    from pyjiit.testing._tls import ServerCertificate

__all__ = ["LocalServer", "PortalServer", "Responder"]

logger = logging.getLogger("pyjiit.testing")

#: How often the serving loop checks for stop(); short, so tests stop portals quickly.
_POLL_INTERVAL = 0.02
#: Idle keep-alive connections are closed after this many seconds, freeing their thread.
IDLE_TIMEOUT = 30.0


class Responder(Protocol):
    """What a :class:`PortalServer` asks for each answer."""

    def handle(self, method: str, target: str, headers: Mapping[str, str], body: bytes) -> Reply | None:
        """Return the reply to one request, or ``None`` to drop the connection."""

    def now(self) -> dt.datetime:
        """Return the server clock's time, for the ``Date`` header."""


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
            self._write(Reply(411))
            return
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True
            self._write(Reply(400))
            return
        body = self.rfile.read(length)
        reply = self.server.responder.handle(self.command, self.path, dict(self.headers.items()), body)
        if reply is None:
            self.close_connection = True  # drop: close without a word
            return
        try:
            self._write(reply)
        except OSError:  # the client hung up (as it should on an endless or trickling answer)
            self.close_connection = True

    def _write(self, reply: Reply) -> None:
        self.send_response(reply.status)
        if reply.content_type is not None:
            self.send_header("Content-Type", reply.content_type)
        for name, value in reply.headers:
            self.send_header(name, value)
        if reply.endless:
            self.close_connection = True  # the body ends when the connection does
        else:
            self.send_header("Content-Length", str(len(reply.body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        head = self._head()
        if reply.endless:
            self.wfile.write(head)
            while not self.server.stopping.is_set():
                self.wfile.write(reply.body)
            return
        sent = reply.body + reply.overflow  # the overflow is past the Content-Length above
        if reply.trickle:
            if not reply.trickle_headers:
                self.wfile.write(head)
                self.wfile.flush()
            self._trickle((head if reply.trickle_headers else b"") + sent, reply.trickle)
        else:
            self.wfile.write(head + sent)

    def _head(self) -> bytes:
        """The status line and headers queued so far, as bytes (``end_headers`` writes them to a buffer)."""
        wfile, self.wfile = self.wfile, io.BytesIO()
        try:
            self.end_headers()
            return self.wfile.getvalue()
        finally:
            self.wfile = wfile

    def _trickle(self, data: bytes, interval: float) -> None:
        """Write ``data`` one byte at a time, ``interval`` seconds apart, until done or the server stops."""
        for index in range(len(data)):
            self.wfile.write(data[index : index + 1])
            self.wfile.flush()
            if self.server.wait(interval):
                self.close_connection = True
                return

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _serve  # noqa: N815 (http.server's names)

    def version_string(self) -> str:
        """The ``Server`` header (without the Python version http.server adds)."""
        return self.server_version

    def date_time_string(self, timestamp: float | None = None) -> str:
        """The ``Date`` header: the server clock, offset included."""
        now = self.server.responder.now().timestamp() if timestamp is None else timestamp
        return email.utils.formatdate(now, usegmt=True)

    def log_message(self, format: str, *args: object) -> None:
        """http.server's line about a request, at DEBUG on the ``pyjiit.testing`` logger."""
        if logger.isEnabledFor(logging.DEBUG):  # every request logs a line: build it only if shown
            logger.debug("%s %s", self.address_string(), format % args)


class PortalServer(ThreadingHTTPServer):
    """A threading HTTP(S) server whose answers a :class:`Responder` decides.

    Args:
        address: ``(host, port)`` to bind; port 0 picks a free one.
        responder: Decides every answer (the fake portal's
            :class:`~pyjiit.testing._protocol.Exchange`).
        tls: Serve HTTPS with this context.

    Attributes:
        connections: How many connections it has accepted.
    """

    #: How long :meth:`stop` waits for each connection's thread once its connection is shut down.
    JOIN_SECONDS = 10.0

    def __init__(
        self, address: tuple[str, int], responder: Responder, tls: ssl.SSLContext | None = None
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.responder = responder
        self.connections = 0
        self._tls = tls
        self._connections: set[socket.socket] = set()
        self._connection_threads: list[threading.Thread] = []
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
        self.connections += 1  # only the serving thread accepts
        if self._tls is not None:
            connection = self._tls.wrap_socket(connection, server_side=True, do_handshake_on_connect=False)
        return connection, address

    def process_request(self, request: socket.socket, client_address: tuple[str, int]) -> None:  # type: ignore[override]
        """Serve the connection on a thread of its own, which :meth:`stop` joins.

        The threads are daemons, so that a process exiting without ``stop()``
        does not wait for them.  socketserver does not join daemon threads,
        hence this list.
        """
        thread = threading.Thread(
            target=self.process_request_thread, args=(request, client_address), daemon=True
        )
        with self._connections_lock:
            self._connection_threads = [alive for alive in self._connection_threads if alive.is_alive()]
            self._connection_threads.append(thread)
        thread.start()

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
        """Log a failed connection quietly: clients hanging up or failing TLS are normal.

        The traceback goes into the record as text: a record holding the
        exception itself would keep the connection's frames, and so its socket,
        open for as long as anyone keeps the record (pytest's ``caplog`` does).
        """
        logger.debug("connection from %s failed:\n%s", client_address, traceback.format_exc().rstrip())

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
        # Connections accepted meanwhile were hung up as their threads started (track()).
        with self._connections_lock:
            threads, self._connection_threads = self._connection_threads, []
        for thread in threads:
            thread.join(self.JOIN_SECONDS)


def _hang_up(connection: socket.socket) -> None:
    """Shut a connection down so the thread reading it wakes up and ends."""
    # socket.socket's own shutdown: SSLSocket's would drop its TLS state under
    # the feet of the thread still reading it.  OSError: the client hung up first.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(connection, socket.SHUT_RDWR)


class LocalServer:
    """Something served on this machine by a :class:`PortalServer`: stopping it, and the ``with`` statement.

    :class:`~pyjiit.testing.FakePortal` and
    :class:`~pyjiit.testing.RecordingServer` are ones: their ``start()``
    makes the server (and its TLS certificate); stopping is the same for both.
    """

    _server: PortalServer | None = None
    _certificate: ServerCertificate | None = None
    #: Connections accepted by the servers of earlier starts.
    _connections_before: int = 0

    def start(self) -> LocalServer:
        """Start serving in a background thread (nothing happens if it already is); return itself."""
        raise NotImplementedError

    def stop(self) -> None:
        """Stop serving: close every connection, join every thread, delete the CA file.

        Calling it again, or on a server never started, does nothing.
        """
        server, self._server = self._server, None
        if server is not None:
            server.stop()
            self._connections_before += server.connections
        if self._certificate is not None:
            self._certificate.remove()
            self._certificate = None

    @property
    def ca_file(self) -> str | None:
        """The PEM file of the CA that signed its certificate when serving TLS, else ``None``."""
        return None if self._certificate is None else str(self._certificate.ca_file)

    @property
    def verify(self) -> str | bool:
        """What a client passes as ``verify=``: :attr:`ca_file` when serving TLS, else ``True``.

        One fixture can then serve over HTTP and HTTPS alike
        (``Webportal(fake.url, verify=fake.verify)``): plain HTTP checks no
        certificate, and ``True`` is requests' default.
        """
        return self.ca_file or True

    @property
    def connections(self) -> int:
        """How many connections it has accepted, over all its starts.

        A client that keeps its connection alive opens one for many requests.
        A connection that failed its TLS handshake counts too, though it made no request.
        """
        return self._connections_before + (0 if self._server is None else self._server.connections)

    def __enter__(self) -> Self:
        """Start serving (see :meth:`start`)."""
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Stop serving (see :meth:`stop`)."""
        self.stop()
