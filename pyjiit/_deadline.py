"""The deadline of one request to the portal: connecting, headers, body and retries together.

requests' timeouts bound each wait on the socket, not the request: a server
that sends a byte every few seconds never trips them and holds the call
forever.  The transport starts a :class:`Deadline` for each request it sends
(retries included) and applies it (:meth:`Deadline.applied`) while the
request runs.  Every read of an answer made through :class:`DeadlineAdapter`
then waits at most the time left, and a read once the deadline has passed
fails as a timeout, whether it reads the status line, a header or the body.
No thread watches the clock: each read looks at it, so nothing is left
running once the call has ended.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import http.client
import io
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from requests.adapters import HTTPAdapter
from urllib3 import HTTPConnectionPool

from pyjiit._leftovers import drop_if_leftovers
from pyjiit.exceptions import PortalUnavailable

if TYPE_CHECKING:
    import socket
    from collections.abc import Iterator, Mapping

    from requests import PreparedRequest
    from urllib3.connectionpool import ConnectionPool

__all__ = ["Deadline", "DeadlineAdapter"]

#: When the request running in this thread (or task) must end, on ``time.monotonic()``'s clock.
_ENDS: contextvars.ContextVar[float | None] = contextvars.ContextVar("pyjiit_deadline", default=None)

#: The shortest wait handed to a socket: a zero timeout would make it non-blocking instead.
_SHORTEST_WAIT = 0.001


@dataclass(frozen=True)
class Deadline:
    """The moment by which one request, retries included, must have ended.

    Attributes:
        seconds: How long the request was given.
        ends: When that time is up, on ``time.monotonic()``'s clock.
    """

    seconds: float
    ends: float

    @classmethod
    def start(cls, seconds: float) -> Deadline:
        """Start a deadline ``seconds`` from now."""
        return cls(seconds, time.monotonic() + seconds)

    def remaining(self) -> float:
        """Seconds left (0 once passed)."""
        return max(0.0, self.ends - time.monotonic())

    @property
    def passed(self) -> bool:
        """Whether the time is up."""
        return time.monotonic() >= self.ends

    def bound(self, seconds: float) -> float:
        """``seconds``, or the time left if that is shorter: a timeout that cannot outlast the deadline."""
        return max(_SHORTEST_WAIT, min(seconds, self.remaining()))

    def exceeded(self, what: str) -> PortalUnavailable:
        """The error for a request (``what``: the endpoint's path) that did not end by the deadline."""
        return PortalUnavailable(
            f"{what}: the portal was too slow: no complete answer within {self.seconds:g} s "
            "(a request's deadline: the connect timeout plus the read timeout)"
        )

    @contextlib.contextmanager
    def applied(self) -> Iterator[None]:
        """Make answers read in this block (through :class:`DeadlineAdapter`) end by the deadline."""
        token = _ENDS.set(self.ends)
        try:
            yield
        finally:
            _ENDS.reset(token)


class DeadlineAdapter(HTTPAdapter):
    """requests' own adapter, except that every read of an answer ends by the applied :class:`Deadline`.

    It changes which class the connection pools make their connections with
    (the same class, whose answers read through the deadline, and whose
    socket is dropped when bytes are left over: :mod:`pyjiit._leftovers`), so
    proxies, pool sizes and TLS settings work as in
    :class:`requests.adapters.HTTPAdapter`.
    """

    def get_connection_with_tls_context(
        self,
        request: PreparedRequest,
        verify: bool | str | None,  # noqa: FBT001 (requests' signature)
        proxies: Mapping[str, str] | None = None,
        cert: tuple[str, str] | str | None = None,
    ) -> ConnectionPool:
        """Return requests' pool for ``request``, making connections whose answers keep the deadline."""
        pool = super().get_connection_with_tls_context(request, verify, proxies=proxies, cert=cert)
        if isinstance(pool, HTTPConnectionPool):  # always, for HTTP(S) URLs
            pool.ConnectionCls = _keeping_deadlines(pool.ConnectionCls)
        return pool


@functools.cache
def _keeping_deadlines(connection_class: type[Any]) -> type[Any]:
    """The urllib3 connection class ``connection_class``, with answers read through the deadline."""
    if issubclass(connection_class, _KeepsDeadlines):
        return connection_class
    bases = (_KeepsDeadlines, connection_class)
    return type(f"Deadline{connection_class.__name__}", bases, {})


class _DeadlineResponse(http.client.HTTPResponse):
    """http.client's answer, reading its socket through a :class:`_DeadlineReader`."""

    def __init__(
        self, sock: socket.socket, debuglevel: int = 0, method: str | None = None, url: str | None = None
    ) -> None:
        super().__init__(cast("socket.socket", _SocketForAnswers(sock)), debuglevel, method, url)


class _KeepsDeadlines:
    """Mixed into a urllib3 connection class: http.client builds its answers with this class."""

    response_class = _DeadlineResponse


class _SocketForAnswers:
    """What ``http.client.HTTPResponse`` is given as its socket: it only asks it for a file to read."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def makefile(self, mode: str, *args: object, **kwargs: object) -> io.BufferedReader:  # noqa: ARG002 (http.client asks for "rb")
        return io.BufferedReader(_DeadlineReader(self._sock))


class _DeadlineReader(io.RawIOBase):
    """A socket's reading end whose every read waits at most until the applied deadline."""

    def __init__(self, sock: socket.socket) -> None:
        super().__init__()
        self._sock = sock
        # Unbuffered: the reads below are the socket's own, each bounded by the deadline.
        self._raw = sock.makefile("rb", buffering=0)

    def readable(self) -> bool:
        """Always true: this is the reading end."""
        return True

    def fileno(self) -> int:
        """The socket's file descriptor."""
        return self._raw.fileno()

    def readinto(self, buffer: Any) -> int | None:  # noqa: ANN401 (a writable buffer)
        """Read into ``buffer``, waiting no longer than the deadline allows."""
        ends = _ENDS.get()
        if ends is None:
            return self._raw.readinto(buffer)
        left = ends - time.monotonic()
        if left <= 0:
            raise TimeoutError("the request's deadline has passed")
        timeout = self._sock.gettimeout()
        if timeout is not None and timeout <= left:
            return self._raw.readinto(buffer)
        self._sock.settimeout(left)
        try:
            return self._raw.readinto(buffer)
        finally:
            with contextlib.suppress(OSError):  # closed meanwhile: nothing to restore
                self._sock.settimeout(timeout)

    def close(self) -> None:
        """Close the socket's file (the socket itself closes with its connection).

        http.client closes it when the answer has been read: then the socket
        is dropped if bytes past the answer wait in it (:mod:`pyjiit._leftovers`).
        """
        if not self.closed:
            drop_if_leftovers(self._sock)
            self._raw.close()
        super().close()
