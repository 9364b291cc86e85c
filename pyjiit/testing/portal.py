"""``FakePortal``: a local JIIT webportal that speaks the real one's protocol.

The public clients named by tag (KT, UNK, JSc...) are those of docs/protocol.md section 0.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any

from pyjiit._checks import count, sendable_text, wrong_type
from pyjiit._checks import seconds as checked_seconds
from pyjiit.testing._handlers import ROUTES
from pyjiit.testing._protocol import API_BASE, SSO_BASE, Exchange, ReceivedRequest
from pyjiit.testing._server import LocalServer, PortalServer
from pyjiit.testing._state import PortalState
from pyjiit.testing._tls import ServerCertificate
from pyjiit.testing.data import DEMO, DemoStudent

if TYPE_CHECKING:
    from typing_extensions import Self

    from pyjiit.testing.faults import Fault

__all__ = ["FakePortal"]

_ANY_ADDRESS = {"0.0.0.0", "::", ""}  # noqa: S104 (names of the wildcard address, not a bind)
#: The highest TCP port.
MAX_PORT = 65535


class FakePortal(LocalServer):
    """A local portal serving the demo student over HTTP or HTTPS, for tests and demos.

    It follows docs/protocol.md as closely as the real portal is known: the
    ``LocalName`` check against the server's own IST day, encrypted and plain
    bodies per endpoint, bearer tokens that expire by the server clock, the
    login flow, and all 37 endpoints with seeded data (:attr:`student`).
    Where the real portal's behaviour is not known, the fake picks one and
    says so: Failure envelopes come with HTTP 200 (KT's tests use 417), the
    ``LocalName`` check comes before the token check, and a body in the wrong
    mode is a 400 (also for #8, where UNK saw a 500).

    Use it as a context manager, or call :meth:`start` and :meth:`~pyjiit.testing._server.LocalServer.stop`::

        with FakePortal() as portal, Webportal(portal.url, sso_url=portal.sso_url) as client:
            client.account.login(portal.username, portal.password)

    Args:
        tls: Serve HTTPS with a throwaway CA (needs ``pyjiit[testing]``);
            clients trust it with :attr:`ca_file` (or pass :attr:`verify`,
            which is ``True`` for plain HTTP).
        host: The address to bind.
        port: The port to bind, 0 to 65535; 0 picks a free one.
        clock_offset: How far the server's clock is from real time
            (:attr:`clock_offset`).
        token_lifetime: How long the session tokens it issues live.
        student: The student to serve instead of the demo one
            (:data:`pyjiit.testing.data.DEMO`), e.g. the demo with other
            attendance, made with :func:`dataclasses.replace` (docs/testing.md
            shows how).  The portal serves a copy of its own: its own dicts,
            which a test may change, beside the frozen records, which no one
            can, and which it shares.
        username: The student's login name instead of ``student``'s.  Only
            logging in uses it: the data (personal information, e-mail)
            keeps ``student``'s enrollment number.
        password: The student's password instead of ``student``'s.
        awkward_tokens: Issue session tokens whose claims segment always needs
            padding and holds a ``-``, to test a client's base64url decoding.
            By default the segment is also plain base64 (no padding needed, no
            ``-`` or ``_``), which pyjiit 0.1.0a9 and jsjiit decode, as they
            do the real portal's tokens.
        legacy_token_path: Also answer the login's token step at
            ``/token/generate-token1``, its name until April 2026, for clients
            that still call it (jsjiit 0.0.24, pyjiit 0.1.0a8).  The real portal
            no longer does.
        latency: Seconds every answer waits before it is sent, as the real
            portal's take hundreds of milliseconds to seconds
            (:attr:`latency`).

    Raises:
        ValueError: ``port`` is not a whole number from 0 to 65535, or
            ``username`` or ``password`` is empty, or ``student`` has no
            semester; or ``latency`` is not a number of seconds, 0 or more.
        TypeError: ``username`` or ``password`` is not a ``str``, or
            ``student`` is not a ``DemoStudent``.
    """

    def __init__(
        self,
        *,
        tls: bool = False,
        host: str = "127.0.0.1",
        port: int = 0,
        clock_offset: dt.timedelta = dt.timedelta(0),
        token_lifetime: dt.timedelta = dt.timedelta(hours=2),
        student: DemoStudent = DEMO,
        username: str | None = None,
        password: str | None = None,
        awkward_tokens: bool = False,
        legacy_token_path: bool = False,
        latency: float = 0.0,
    ) -> None:
        self.tls = tls
        self.host = host
        self._port = count("port", port, maximum=MAX_PORT)
        if not isinstance(student, DemoStudent):
            raise wrong_type("student", "a pyjiit.testing.data.DemoStudent, such as data.DEMO", student)
        if not student.semesters:
            # Many answers name the running semester (student.current): the portal has one.
            raise ValueError("student must have at least one semester, the running one first")
        # A copy of its own: the data's dicts (personal, hostel...) are mutable, and a test that
        # changes them must not change what the next test's portal serves.  The frozen records
        # copy as themselves (data._Immutable), so this walks only the dicts.
        student = copy.deepcopy(
            dataclasses.replace(
                student,
                username=student.username if username is None else sendable_text("username", username),
                password=student.password if password is None else sendable_text("password", password),
            )
        )
        self._state = PortalState(
            clock_offset=clock_offset,
            token_lifetime=token_lifetime,
            student=student,
            awkward_tokens=awkward_tokens,
            legacy_token_path=legacy_token_path,
        )
        self._exchange = Exchange(self._state, ROUTES, self._wait)
        self.latency = latency

    def __repr__(self) -> str:
        """Show where it serves, never the credentials."""
        where = self.url if self._server is not None else "stopped"
        return f"<FakePortal {where}>"

    # -- Lifecycle --------------------------------------------------------------------------------

    def start(self) -> Self:
        """Start serving in a background thread (nothing happens if it already is).

        Returns:
            The portal itself.

        Raises:
            ImportError: ``tls=True`` without the ``pyjiit[testing]`` extra.
            OSError: The address cannot be bound.
        """
        if self._server is not None:
            return self
        if self.tls and self._certificate is None:
            self._certificate = ServerCertificate(
                sorted({"127.0.0.1", "localhost", "::1", self.host} - _ANY_ADDRESS)
            )
        context = self._certificate.context if self._certificate is not None else None
        self._server = PortalServer((self.host, self._port), self._exchange, context)
        # A restarted portal keeps its port, so URLs handed out stay valid.
        self._port = self._server.port
        self._state.sso_exchange_url = self.sso_url + "/token/generate-token-google-signin"
        self._server.start()
        return self

    def _wait(self, seconds: float) -> bool:
        server = self._server
        return server.wait(seconds) if server is not None else True

    # -- Where it is ------------------------------------------------------------------------------

    @property
    def origin(self) -> str:
        """``http(s)://host:port`` of the running server.

        Raises:
            RuntimeError: The portal is not running.
        """
        if self._server is None:
            raise RuntimeError("the FakePortal is not running: call start() or use it in a with block")
        host = "127.0.0.1" if self.host in _ANY_ADDRESS else self.host
        if ":" in host:
            host = f"[{host}]"
        return f"{'https' if self.tls else 'http'}://{host}:{self._server.port}"

    @property
    def url(self) -> str:
        """The API base, e.g. ``http://127.0.0.1:PORT/StudentPortalAPI`` (no trailing slash)."""
        return self.origin + API_BASE

    @property
    def sso_url(self) -> str:
        """The Google sign-in exchange base, e.g. ``http://127.0.0.1:PORT/CLXSSOAPI``."""
        return self.origin + SSO_BASE

    # -- The demo account -------------------------------------------------------------------------

    @property
    def student(self) -> DemoStudent:
        """Everything the portal knows about the demo student (read expected values from here)."""
        return self._state.student

    @property
    def username(self) -> str:
        """The demo student's user name (enrollment number)."""
        return self._state.student.username

    @property
    def password(self) -> str:
        """The demo student's current password (a password change through #9 changes it)."""
        return self._state.password

    @property
    def google_credential(self) -> str:
        """A Google sign-in credential the exchange endpoint (#6) accepts for the demo student."""
        return self._state.google_credential

    @property
    def pending_payments(self) -> list[dict[str, Any]]:
        """Charges #29 lists; empty (the default) makes it answer "NO APPROVED REQUEST FOUND".

        Append charges built with :func:`pyjiit.testing.data.pending_charge`.
        """
        return self._state.pending_payments

    @property
    def latency(self) -> float:
        """Seconds every answer waits before it is sent; settable at any time.

        Requests in flight at once wait side by side, as on a real server, so
        a client that sends them together waits once.  ``0.3`` is a fair
        stand-in for the real portal in benchmarks and demos.

        Raises:
            ValueError: On setting, the value is not a finite number of seconds, 0 or more.
        """
        return self._exchange.latency

    @latency.setter
    def latency(self, seconds: float) -> None:
        self._exchange.latency = checked_seconds("latency", seconds, zero=True)

    # -- Time and tokens --------------------------------------------------------------------------

    @property
    def clock_offset(self) -> dt.timedelta:
        """How far the server clock is from real time; settable at any time.

        The server's clock decides which day's key it expects, when tokens
        expire, and the ``Date`` header of every answer.  The real portal's
        runs about 8.5 minutes slow: ``dt.timedelta(seconds=-508)``.
        """
        return self._state.clock_offset

    @clock_offset.setter
    def clock_offset(self, offset: dt.timedelta) -> None:
        self._state.clock_offset = offset

    def now(self) -> dt.datetime:
        """Return the server clock's time (UTC, offset applied)."""
        return self._state.now()

    def issue_token(self, lifetime: dt.timedelta | None = None) -> str:
        """Return a session token for the demo student, as a login would.

        Args:
            lifetime: How long it lives by the server clock (negative for one
                that has already expired); the portal's token lifetime by default.
        """
        return self._state.issue_token(lifetime)

    def expire_tokens(self) -> None:
        """Make every token issued so far fail as expired (HTTP 401); new logins still work."""
        self._state.expire_tokens()

    # -- Faults and the request log ---------------------------------------------------------------

    def inject(self, path: str, fault: Fault, times: int = 1) -> None:
        """Answer the next ``times`` calls to ``path`` with ``fault`` instead of normally.

        Faults queue per endpoint, first in first out, and are used up one per
        call; calls that answer normally use none.

        Args:
            path: An endpoint's path as in :mod:`pyjiit.endpoints`, relative to
                its base (``"/token/pretoken-check"``; the marks PDF by its
                prefix ``"/studentsexamview/printstudent-exammarks"``).  With
                ``legacy_token_path``, ``"/token/generate-token1"`` is the
                login's token step, whose faults either of its paths uses up.
            fault: What to do instead, e.g. ``Fault.unavailable()``.
            times: How many calls it affects.

        Raises:
            ValueError: ``path`` is not an endpoint's, or ``times`` is below 1.
        """
        self._exchange.inject(path, fault, times)

    @property
    def requests(self) -> list[ReceivedRequest]:
        """Every request received, oldest first (refused ones too); ``.clear()`` empties it."""
        return self._exchange.requests
