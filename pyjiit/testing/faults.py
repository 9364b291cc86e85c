"""Faults a test can make the fake portal answer with, one per call.

Each constructor reproduces a failure that clients of the real portal have met
(PORTAL.md 2.9): the 513 "temporarily unavailable" page, Java exceptions, the
empty 200 of a rejected ``LocalName``, HTML where JSON was expected, Failure
envelopes, slow answers and dropped connections.  Inject them with
:meth:`pyjiit.testing.FakePortal.inject`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pyjiit.testing.replies import EMPTY, Reply, failure, java_exception

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["Fault"]

_UNAVAILABLE_PAGE = b"""<!DOCTYPE html>
<html><head><title>513 Service Unavailable</title></head>
<body><h1>Service Unavailable</h1>
<p>JIIT Web Portal server is temporarily unavailable. Please try again later.</p>
</body></html>
"""

_NOT_JSON_PAGE = "<html><body><h1>Web Portal</h1><p>Please try again later.</p></body></html>"


@dataclass(frozen=True)
class Fault:
    """How the fake portal misbehaves for one call to an endpoint.

    Build one with a constructor (``Fault.unavailable()``, ``Fault.delay(2)``
    ...) rather than directly.

    Attributes:
        kind: ``"reply"`` (answer with :attr:`reply` instead of the normal
            answer), ``"delay"`` (wait :attr:`seconds`, then answer normally) or
            ``"drop"`` (close the connection without answering).
        reply: The answer, for ``"reply"`` faults.
        seconds: The wait, for ``"delay"`` faults.
    """

    kind: Literal["reply", "delay", "drop"]
    reply: Reply | None = None
    seconds: float = 0.0

    def __post_init__(self) -> None:
        """Check that only reply faults carry a reply."""
        if (self.kind == "reply") != (self.reply is not None):
            raise ValueError("a reply fault needs a reply, and only a reply fault has one")

    @classmethod
    def unavailable(cls) -> Fault:
        """HTTP 513 with an HTML page, as the portal answers when it is down."""
        return cls("reply", Reply(513, _UNAVAILABLE_PAGE, "text/html;charset=utf-8"))

    @classmethod
    def server_error(cls, exception: str = "java.lang.NullPointerException") -> Fault:
        """HTTP 500 with ``{"exception": exception}``, as a crashed portal handler answers."""
        return cls("reply", java_exception(exception))

    @classmethod
    def empty(cls) -> Fault:
        """HTTP 200 with an empty body, the portal's answer to a rejected ``LocalName``."""
        return cls("reply", EMPTY)

    @classmethod
    def not_json(cls, text: str = _NOT_JSON_PAGE) -> Fault:
        """HTTP 200 with an HTML body where JSON was expected."""
        return cls("reply", Reply(200, text.encode("utf-8"), "text/html;charset=utf-8"))

    @classmethod
    def failure(
        cls,
        errors: Sequence[str] = ("NO DATA FOUND",),
        identifier: str | None = None,
        response: Any = None,  # noqa: ANN401 (any JSON value)
    ) -> Fault:
        """A Failure envelope (HTTP 200) with these ``errors`` and ``identifier``.

        Raises:
            TypeError: ``errors`` is a single string instead of a sequence of them.
        """
        if isinstance(errors, str):
            raise TypeError(f"errors must be a list of strings, not the string {errors!r}")
        return cls("reply", failure(errors, identifier, response))

    @classmethod
    def status(cls, code: int, body: str = "", content_type: str = "text/plain") -> Fault:
        """Any HTTP status with a text body, e.g. ``Fault.status(403, "Invalid CORS request")``.

        Raises:
            ValueError: ``code`` is not an HTTP status (100 to 599).
        """
        if not 100 <= code <= 599:  # noqa: PLR2004 (the range of HTTP status codes)
            raise ValueError(f"HTTP status must be between 100 and 599, got {code}")
        return cls("reply", Reply(code, body.encode("utf-8"), content_type))

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        """Wait ``seconds``, then answer normally (for timeout tests).

        Raises:
            ValueError: ``seconds`` is negative or not finite.
        """
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError(f"delay must be a finite number of seconds >= 0, got {seconds}")
        return cls("delay", seconds=seconds)

    @classmethod
    def drop(cls) -> Fault:
        """Close the connection without answering."""
        return cls("drop")
