"""Dates and random strings for the portal's key and ``LocalName`` header.

The portal derives its AES key from the current day in India Standard Time,
whatever the client's own time zone is.  Every function here therefore works
on the IST calendar day: pass a :class:`datetime.date` to mean that IST day,
or a timezone-aware :class:`datetime.datetime` for an instant, which is
converted to IST first.  Without an argument the current instant is used.
"""

from __future__ import annotations

import datetime as dt
import functools
import secrets
import string

__all__ = ["IST", "generate_date_seq", "get_random_char_seq", "ist_date"]

#: India Standard Time.  A fixed offset rather than ``ZoneInfo("Asia/Kolkata")``:
#: IST has had no DST since 1945, and a fixed offset needs no tz database
#: (Windows has none without the ``tzdata`` package).
IST = dt.timezone(dt.timedelta(hours=5, minutes=30), "IST")

_ALPHANUMERIC = string.digits + string.ascii_letters
#: Random bytes from this value up are skipped: below it, each of the 62 characters is equally likely.
_UNBIASED_BELOW = 256 - 256 % len(_ALPHANUMERIC)
#: Each byte's character for :meth:`bytes.translate`, which drops the biased bytes (``_BIASED_BYTES``).
_CHARACTER_OF_BYTE = bytes(ord(_ALPHANUMERIC[byte % len(_ALPHANUMERIC)]) for byte in range(256))
_BIASED_BYTES = bytes(range(_UNBIASED_BELOW, 256))


def ist_date(when: dt.date | dt.datetime | None = None) -> dt.date:
    """Return the IST calendar day of ``when``.

    Args:
        when: A date (returned as it is), a timezone-aware datetime (converted
            to IST), or ``None`` for now.

    Raises:
        ValueError: ``when`` is a naive datetime, whose time zone is unknown.
    """
    if when is None:
        return dt.datetime.now(IST).date()
    if isinstance(when, dt.datetime):
        if when.tzinfo is None or when.utcoffset() is None:
            raise ValueError(
                f"naive datetime {when.isoformat()} is ambiguous: pass a timezone-aware "
                "datetime or a date (the IST day)"
            )
        return when.astimezone(IST).date()
    return when


def generate_date_seq(date: dt.date | dt.datetime | None = None) -> str:
    """Return the portal's 7-character date sequence for an IST day.

    With ``dd``, ``mm`` and ``yy`` zero-padded and ``w`` the weekday counted
    from Sunday = 0, the sequence is ``dd[0] mm[0] yy[0] w dd[1] mm[1] yy[1]``;
    2026-09-23, a Wednesday, gives ``"2023396"``.

    Args:
        date: The day (see :func:`ist_date`); ``None`` means today in IST.
    """
    return _date_seq(ist_date(date))


@functools.lru_cache(maxsize=8)
def _date_seq(day: dt.date) -> str:
    # Cached: every request needs it (for its key and its LocalName), and it changes once a day.
    dd, mm, yy = f"{day.day:02d}", f"{day.month:02d}", f"{day.year % 100:02d}"
    weekday = str(day.isoweekday() % 7)
    return dd[0] + mm[0] + yy[0] + weekday + dd[1] + mm[1] + yy[1]


def get_random_char_seq(n: int) -> str:
    """Return ``n`` random ASCII letters and digits from a cryptographic source."""
    # One draw of random bytes for all n, turned into characters by translate,
    # not one draw and one Python step per character: every request makes a LocalName.
    chars = b""
    while len(chars) < n:
        chars += secrets.token_bytes(2 * n).translate(_CHARACTER_OF_BYTE, _BIASED_BYTES)
    return chars[:n].decode("ascii")
