"""The login session: who is logged in, their bearer token, and when it expires."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections.abc import Mapping
from typing import Any

from pyjiit import _json
from pyjiit._parse import get_id, get_object, get_objects, require_object
from pyjiit.encryption import generate_local_name
from pyjiit.exceptions import ResponseFormatError, SessionError

__all__ = ["EXPIRY_MARGIN", "WebportalSession"]

UTC = dt.timezone.utc

#: A token this close to its expiry counts as expired: a request sent now could
#: arrive after it.  Other clients renew 90 s early for the same reason.
EXPIRY_MARGIN = dt.timedelta(seconds=90)

#: The version of the dictionary written by :meth:`WebportalSession.to_dict`.
_FORMAT = 1


def token_expiry(token: str) -> dt.datetime | None:
    """Return the ``exp`` claim of a JWT as an aware UTC datetime, or ``None`` if it has none.

    JWT segments are base64url without padding, so the padding is restored
    before decoding (plain ``b64decode`` fails on most real tokens).
    """
    parts = token.split(".")
    if len(parts) != 3:  # noqa: PLR2004 (header.claims.signature)
        return None
    claims_segment = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        # Strictly: a token from an untrusted answer or file may nest its claims too deep.
        claims = _json.decode(base64.urlsafe_b64decode(claims_segment))
        return dt.datetime.fromtimestamp(float(claims["exp"]), UTC)
    except (binascii.Error, ValueError, TypeError, KeyError, OverflowError, OSError):
        return None


def _enrollment_number(regdata: Mapping[str, Any]) -> str:
    """The enrollment number of a login answer's ``regdata``, or ``""`` (older answers lack it)."""
    return str(regdata.get("enrollmentno") or "")


class WebportalSession:
    """A logged-in student's session (the answer of the portal's token endpoint).

    Built from the ``response`` part of ``/token/generatewebtoken`` (its
    ``regdata``), or from the flat answer of the Google sign-in exchange through
    :meth:`from_google_response`.  The attributes are those of pyjiit 0.1.0a9,
    ``expiry`` included (this machine's local time, without a zone, as there:
    ``session.expiry < datetime.now()`` works as it did), plus ``enrollmentno``
    and ``expires_at``, the same moment as an aware UTC time.

    The token never appears in ``repr()`` or ``str()``.

    Raises:
        ResponseFormatError: the answer lacks a field the session needs.
    """

    def __init__(self, resp: Mapping[str, Any]) -> None:
        self.raw_response: dict[str, Any] = dict(require_object(resp, "login answer"))
        regdata = get_object(resp, "regdata", "login answer")
        self.regdata: dict[str, Any] = dict(regdata)
        what = "login answer regdata"
        institutes = get_objects(regdata, "institutelist", what)
        if not institutes:
            raise ResponseFormatError(f"{what}: 'institutelist' holds no institute")
        self.institute: str = get_id(institutes[0], "label", "login answer institute")
        self.instituteid: str = get_id(institutes[0], "value", "login answer institute")
        self.memberid: str = get_id(regdata, "memberid", what)
        self.userid: str = get_id(regdata, "userid", what)
        self.token: str = get_id(regdata, "token", what)
        #: When the token expires, as an aware UTC time (``None`` if the token does not say).
        self.expires_at: dt.datetime | None = token_expiry(self.token)
        self.clientid: str = get_id(regdata, "clientid", what)
        self.membertype: str = get_id(regdata, "membertype", what)
        self.name: str = get_id(regdata, "name", what)
        self.enrollmentno: str = _enrollment_number(regdata)

    @classmethod
    def from_google_response(cls, resp: Mapping[str, Any]) -> WebportalSession:
        """Build a session from the flat answer of the Google sign-in exchange."""
        what = "Google sign-in answer"
        require_object(resp, what)
        regdata = {
            "institutelist": [{"label": get_id(resp, "label", what), "value": get_id(resp, "value", what)}],
            "enrollmentno": resp.get("enrollmentno") or resp.get("Username") or "",
            **{
                key: get_id(resp, key, what)
                for key in ("memberid", "userid", "token", "clientid", "membertype", "name")
            },
        }
        session = cls({"regdata": regdata})
        session.raw_response = dict(resp)
        return session

    @property
    def expiry(self) -> dt.datetime | None:
        """When the token expires, in this machine's local time without a zone, as pyjiit 0.1.0a9 gave it.

        New code should prefer :attr:`expires_at` (aware, UTC).  Setting it
        sets :attr:`expires_at`; a time without a zone is taken as local time.
        """
        return None if self.expires_at is None else self.expires_at.astimezone().replace(tzinfo=None)

    @expiry.setter
    def expiry(self, value: dt.datetime | None) -> None:
        # astimezone() reads a naive time as local time, as 0.1.0a9's fromtimestamp() made it.
        self.expires_at = None if value is None else value.astimezone(UTC)

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Restore a pickled session, one pickled by pyjiit 0.1.0a9 included.

        0.1.0a9's sessions have no ``enrollmentno``, and an ``expiry`` where
        ``expires_at`` is now: both are read again from the session's own data.
        """
        state = dict(state)
        expiry = state.pop("expiry", None)
        self.__dict__.update(state)
        if "enrollmentno" not in state:
            regdata = state.get("regdata")
            self.enrollmentno = _enrollment_number(regdata) if isinstance(regdata, Mapping) else ""
        if "expires_at" not in state:
            token = state.get("token")
            from_token = token_expiry(token) if isinstance(token, str) else None
            self.expiry = from_token or (expiry if isinstance(expiry, dt.datetime) else None)

    def is_expired(self, now: dt.datetime | None = None, margin: dt.timedelta = EXPIRY_MARGIN) -> bool:
        """Tell whether the token is past its expiry, or within ``margin`` of it.

        Args:
            now: The current time on the portal's clock (aware); defaults to this machine's clock.
            margin: How early to count the token as expired.

        A token without a readable expiry never counts as expired here; the
        portal still has the last word (HTTP 401).
        """
        if self.expires_at is None:
            return False
        return (now or dt.datetime.now(UTC)) + margin >= self.expires_at

    @property
    def expired(self) -> bool:
        """Whether the token is expired (or about to be) by this machine's clock."""
        return self.is_expired()

    def get_headers(self) -> dict[str, str]:
        """Return the headers of an authenticated request: the bearer token and a fresh ``LocalName``."""
        return {"Authorization": f"Bearer {self.token}", "LocalName": generate_local_name()}

    def to_dict(self) -> dict[str, Any]:
        """Return the session as JSON-compatible data, for :meth:`from_dict`.

        The data holds the bearer token: store it where only its owner can read it.
        """
        return {
            "format": _FORMAT,
            "regdata": self.regdata,
            "raw_response": self.raw_response,
            # Its own key: the login may have set it from the user name where regdata lacks it.
            "enrollmentno": self.enrollmentno,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WebportalSession:
        """Rebuild a session from :meth:`to_dict`'s data.

        Raises:
            SessionError: the data is not a saved session of a known format.
        """
        if not isinstance(data, Mapping) or data.get("format") != _FORMAT:  # type: ignore[redundant-expr]  # untrusted file
            raise SessionError("not a saved pyjiit session (unknown or missing 'format')")
        try:
            session = cls({"regdata": data["regdata"]})
        except (KeyError, ResponseFormatError) as error:
            raise SessionError(f"saved session is incomplete: {error}") from None
        raw = data.get("raw_response")
        session.raw_response = dict(raw) if isinstance(raw, Mapping) else {"regdata": session.regdata}
        enrollment = data.get("enrollmentno")
        if isinstance(enrollment, str) and enrollment:  # absent from files saved before it was kept
            session.enrollmentno = enrollment
        return session

    def __repr__(self) -> str:
        expires = self.expires_at.isoformat() if self.expires_at else "unknown"
        return (
            f"WebportalSession(name={self.name!r}, enrollmentno={self.enrollmentno!r}, "
            f"institute={self.institute!r}, expires_at={expires})"
        )

    __str__ = __repr__
