"""What the fake portal remembers between requests: its clock, tokens and the demo account.

Requests are served on many threads; everything that changes after start-up
is guarded by one lock.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from typing import Any

from pyjiit.testing._webtokens import Signer, TokenError
from pyjiit.testing.data import DEMO, DemoStudent
from pyjiit.utils import IST

__all__ = ["PortalState", "TokenError"]


class PortalState:
    """The mutable state of one fake portal.

    Args:
        clock_offset: How far the server's clock is from real time.
        token_lifetime: How long issued session tokens live.
        student: The seed data of the demo student.
        awkward_tokens: Issue session tokens that plain-base64 decoders fail on
            (:class:`~pyjiit.testing._webtokens.Signer`'s ``awkward``).
        legacy_token_path: Also answer #3 at its former path
            (:data:`~pyjiit.testing._protocol.LEGACY_TOKEN_PATH`).
    """

    def __init__(
        self,
        *,
        clock_offset: dt.timedelta = dt.timedelta(0),
        token_lifetime: dt.timedelta = dt.timedelta(hours=2),
        student: DemoStudent = DEMO,
        awkward_tokens: bool = False,
        legacy_token_path: bool = False,
    ) -> None:
        self.clock_offset = clock_offset
        self.token_lifetime = token_lifetime
        self.student = student
        self.legacy_token_path = legacy_token_path
        #: The demo student's current password (changed by #9).
        self.password = student.password
        #: Charges returned by #29; empty means the portal's "NO APPROVED REQUEST FOUND".
        self.pending_payments: list[dict[str, Any]] = []
        #: The full URL of the Google sign-in exchange, reported by #5.
        self.sso_exchange_url = ""
        self._lock = threading.Lock()
        self._signer = Signer(awkward=awkward_tokens)
        # A GSI credential is itself a JWT signed by Google; its own key keeps
        # it from passing as a session token and vice versa.
        self._google = Signer()
        self.google_credential = self._google.issue(
            {"iss": "https://accounts.google.com", "email": student.email, "sub": student.username}
        )
        self._serial = 0
        self._expired_through = 0
        self._randoms: dict[str, str] = {}

    def now(self) -> dt.datetime:
        """Return the server clock's time: real UTC now plus the clock offset."""
        return dt.datetime.now(dt.timezone.utc) + self.clock_offset

    def today(self) -> dt.date:
        """Return the server's IST day, whose key the portal expects."""
        return self.now().astimezone(IST).date()

    def issue_token(self, lifetime: dt.timedelta | None = None) -> str:
        """Return a session token for the demo student, valid for ``lifetime`` by the server clock."""
        now = self.now()
        with self._lock:
            self._serial += 1
            serial = self._serial
        expiry = now + (self.token_lifetime if lifetime is None else lifetime)
        claims = {
            "sub": self.student.username,
            "iat": int(now.timestamp()),
            "exp": int(expiry.timestamp()),
            "sid": serial,
        }
        return self._signer.issue(claims)

    def check_token(self, token: str) -> None:
        """Accept ``token`` or raise.

        Raises:
            TokenError: It is malformed, signed by someone else, expired by
                the server clock, or expired by :meth:`expire_tokens`.
        """
        # Only this portal knows the secret, so a verified token is one
        # issue_token() made: its claims are all there.
        claims = self._signer.verify(token)
        if claims["exp"] <= self.now().timestamp() or claims["sid"] <= self._expired_through:
            raise TokenError("the token has expired")

    def expire_tokens(self) -> None:
        """Make every token issued so far fail as expired; later ones still work."""
        with self._lock:
            self._expired_through = self._serial

    def check_google_credential(self, credential: str) -> bool:
        """Whether ``credential`` is the demo student's Google sign-in credential."""
        try:
            self._google.verify(credential)
        except TokenError:
            return False
        return True

    def new_random(self, username: str) -> str:
        """Return a fresh single-use ``random`` for a login of ``username`` (#2)."""
        value = secrets.token_urlsafe(24)
        with self._lock:
            self._randoms[value] = username
        return value

    def take_random(self, value: str) -> str | None:
        """Use up a ``random``: return its username, or ``None`` if unknown or used."""
        with self._lock:
            return self._randoms.pop(value, None)

    def change_password(self, old: str, new: str) -> bool:
        """Set the demo password to ``new`` if ``old`` is the current one."""
        with self._lock:
            if not self.password_matches(old):
                return False
            self.password = new
            return True

    def password_matches(self, candidate: str) -> bool:
        """Whether ``candidate`` is the demo student's current password."""
        return secrets.compare_digest(candidate.encode(), self.password.encode())
