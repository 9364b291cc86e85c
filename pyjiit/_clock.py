"""The portal's clock, as seen through the ``Date`` header of its answers.

The portal checks the date key and token expiry against its own clock, which
runs minutes off (about 8.5 minutes slow, as measured by other clients).  Just
after IST midnight a client using its own clock would use tomorrow's key while
the server still expects today's, and get empty answers.  ``ServerClock``
learns the offset from each answer and gives the server's "now".
"""

from __future__ import annotations

import datetime as dt
import email.utils

__all__ = ["ServerClock"]

UTC = dt.timezone.utc

#: A ``Date`` further off than this is not a clock running slow but a broken or hostile
#: header; believing it would overflow date arithmetic.  (A machine whose own clock was
#: reset to 1970 is still within it.)
_LARGEST_OFFSET = dt.timedelta(days=100 * 366)


class ServerClock:
    """An estimate of the portal's current time, learnt from its ``Date`` headers.

    Until the first answer arrives the offset is zero, i.e. the local clock.
    """

    def __init__(self) -> None:
        # Threads share a clock without a lock: each attribute is only ever replaced whole,
        # which is atomic, and every request reads the offset.
        self._offset = dt.timedelta(0)
        # The last Date header and what it says: answers within a second carry the same one.
        self._last_date: tuple[str, dt.datetime | None] = ("", None)

    @property
    def offset(self) -> dt.timedelta:
        """How far the portal's clock is ahead of this machine's (negative: behind)."""
        return self._offset

    def now(self) -> dt.datetime:
        """Return the portal's current time (timezone-aware, UTC)."""
        return dt.datetime.now(UTC) + self._offset

    def observe(self, date_header: str | None, sent: dt.datetime, received: dt.datetime) -> None:
        """Learn the offset from an answer's ``Date`` header.

        The header has a resolution of one second and was stamped somewhere
        between ``sent`` and ``received``, so it is compared with their middle.
        A missing, malformed or absurd header (a century off) is ignored.
        """
        if not date_header:
            return
        last_header, server_time = self._last_date
        if date_header != last_header:
            server_time = _parse_date(date_header)
            self._last_date = (date_header, server_time)
        if server_time is None:
            return
        offset = server_time - (sent + (received - sent) / 2)
        if abs(offset) > _LARGEST_OFFSET:
            return
        self._offset = offset


def _parse_date(date_header: str) -> dt.datetime | None:
    """The time a ``Date`` header gives (timezone-aware), or ``None`` if it is malformed."""
    try:
        server_time = email.utils.parsedate_to_datetime(date_header)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if server_time.tzinfo is None:  # "-0000" means UTC in RFC 5322
        server_time = server_time.replace(tzinfo=UTC)
    return server_time
