"""Faults a test can make the fake portal answer with, one per call.

Each constructor reproduces a failure that clients of the real portal have met
(docs/protocol.md 2.9): the 513 "temporarily unavailable" page, Java exceptions, the
empty 200 of a rejected ``LocalName``, HTML where JSON was expected, Failure
envelopes, slow answers and dropped connections.  Others play a hostile
network or server: answers that trickle in a byte at a time, never end,
inflate from kilobytes to gigabytes or run past their ``Content-Length``; JSON
that is nested too deep, not UTF-8, holds ``NaN`` or has fields of the wrong
type; redirects to another origin; a Wi-Fi sign-in page; an error page that
repeats what the request sent.
Inject them with :meth:`pyjiit.testing.FakePortal.inject`.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import struct
import zlib
from typing import TYPE_CHECKING, Any, Literal

from pyjiit._checks import count as checked_count
from pyjiit._checks import seconds as checked_seconds
from pyjiit.testing._replies import EMPTY, JSON_TYPE, Reply, failure, java_exception

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

__all__ = ["Fault"]

_UNAVAILABLE_PAGE = b"""<!DOCTYPE html>
<html><head><title>513 Service Unavailable</title></head>
<body><h1>Service Unavailable</h1>
<p>JIIT Web Portal server is temporarily unavailable. Please try again later.</p>
</body></html>
"""

_NOT_JSON_PAGE = "<html><body><h1>Web Portal</h1><p>Please try again later.</p></body></html>"

_SIGN_IN_PAGE = b"""<!DOCTYPE html>
<html><head><title>Campus Wi-Fi</title></head>
<body><h1>Welcome to Campus Wi-Fi</h1>
<form method="post" action="/login"><p>Sign in to continue to the Internet.</p>
<input name="username"><input name="password" type="password"><button>Sign in</button></form>
</body></html>
"""

#: The start of a Success envelope, before the value of its ``response``.
_SUCCESS_HEAD = b'{"status":{"responseStatus":"Success","errors":null,"identifier":null},"response":'

#: What an endless answer repeats: JSON whitespace, so the body is a JSON text that never ends.
_ENDLESS_PIECE = b" " * 65536

_REDIRECTS = frozenset({301, 302, 303, 307, 308})


def _http_status(code: int) -> int:
    if not 100 <= code <= 599:  # noqa: PLR2004 (the range of HTTP status codes)
        raise ValueError(f"HTTP status must be between 100 and 599, got {code}")
    return code


def _success_around(response: bytes) -> Reply:
    """A Success envelope whose ``response`` is the raw JSON text ``response``."""
    return Reply(200, _SUCCESS_HEAD + response + b"}", JSON_TYPE)


def _json_bytes(value: Any) -> bytes:  # noqa: ANN401 (any JSON value)
    return json.dumps(value, separators=(",", ":")).encode("utf-8")


@functools.cache
def _gzip_of_zeros(size: int) -> bytes:
    """A gzip member that inflates to ``size`` zero bytes, made without holding them.

    A deflate block flushed with ``Z_FULL_FLUSH`` does not refer to what came
    before it, so one block of a mebibyte of zeros, repeated, is a valid
    stream for any number of mebibytes; the CRC is taken the same way.
    """
    block = 1 << 20
    count, rest = divmod(size, block)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    zeros = bytes(block)
    unit = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.compress(bytes(rest)) + compressor.flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(zeros, crc)
    crc = zlib.crc32(bytes(rest), crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"  # gzip, deflate, no name, no time
    return header + unit * count + tail + struct.pack("<II", crc, size & 0xFFFFFFFF)


@dataclasses.dataclass(frozen=True)
class Fault:
    """How the fake portal misbehaves for one call to an endpoint.

    Build one with a constructor (``Fault.unavailable()``, ``Fault.delay(2)``
    ...) rather than directly.

    Attributes:
        kind: ``"reply"`` (answer with :attr:`reply` instead of the normal
            answer), ``"echo"`` (answer with what the request sent, see
            :meth:`echo`), ``"delay"`` (wait :attr:`seconds`, then answer
            normally), ``"trickle"`` (answer normally, one byte every
            :attr:`seconds`), ``"overlong"`` (answer normally, then send
            :attr:`extra` bytes more) or ``"drop"`` (close the connection
            without answering).
        reply: The answer, for ``"reply"`` faults; for ``"echo"`` ones, its
            status and type (a Failure envelope's type: the echo is its error).
        seconds: The wait, for ``"delay"`` faults; the wait between bytes, for ``"trickle"`` ones.
        slow_headers: For ``"trickle"`` faults: whether the status line and
            headers trickle too, or leave at once before the body trickles.
        extra: For ``"overlong"`` faults: how many bytes follow the answer.
    """

    kind: Literal["reply", "echo", "delay", "trickle", "overlong", "drop"]
    reply: Reply | None = None
    seconds: float = 0.0
    slow_headers: bool = False
    extra: int = 0

    def __post_init__(self) -> None:
        """Check that only reply and echo faults carry a reply."""
        if (self.kind in {"reply", "echo"}) != (self.reply is not None):
            raise ValueError("a reply or echo fault needs a reply, and only those have one")

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
    def status(
        cls,
        code: int,
        body: str | bytes = "",
        content_type: str = "text/plain",
        headers: Mapping[str, str] | None = None,
    ) -> Fault:
        """Any HTTP status with any body, e.g. ``Fault.status(403, "Invalid CORS request")``.

        Args:
            code: The HTTP status.
            body: The body: text (sent as UTF-8) or bytes (sent as they are).
            content_type: The ``Content-Type`` header.
            headers: More headers, e.g. ``{"Content-Encoding": "br"}``.

        Raises:
            ValueError: ``code`` is not an HTTP status (100 to 599).
        """
        raw = body.encode("utf-8") if isinstance(body, str) else bytes(body)
        return cls("reply", Reply(_http_status(code), raw, content_type, tuple((headers or {}).items())))

    @classmethod
    def echo(cls, code: int = 400, *, as_failure: bool = False) -> Fault:
        """Answer with what the request sent: its request line, headers, body and decrypted payload.

        Debugging servers and some proxies' error pages do this.  It tests
        that a client never repeats what it sent (a password, its token) in
        an error message or a log.

        Args:
            code: The HTTP status of a plain-text echo.
            as_failure: Send the echo as the error of a Failure envelope (HTTP
                200) instead, as a portal repeating the request in its error would.

        Raises:
            ValueError: ``code`` is not an HTTP status (100 to 599).
        """
        template = failure([]) if as_failure else Reply(_http_status(code), b"", "text/plain;charset=utf-8")
        return cls("echo", template)

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        """Wait ``seconds``, then answer normally (for timeout tests).

        Raises:
            ValueError: ``seconds`` is negative or not finite.
        """
        return cls("delay", seconds=checked_seconds("delay", seconds, zero=True))

    @classmethod
    def trickle(cls, interval: float = 0.05, *, slow_headers: bool = False) -> Fault:
        """Answer normally, but one byte every ``interval`` seconds.

        Each byte comes well within a read timeout, so only a deadline on the
        whole request ends the wait.

        Args:
            interval: Seconds between bytes.
            slow_headers: Trickle the status line and headers too (by default
                they leave at once and only the body trickles).

        Raises:
            ValueError: ``interval`` is not a positive, finite number of seconds.
        """
        return cls("trickle", seconds=checked_seconds("interval", interval), slow_headers=slow_headers)

    @classmethod
    def overlong(cls, extra: int = 10_000) -> Fault:
        """Answer normally, then send ``extra`` bytes more than the ``Content-Length`` says.

        A server or proxy that miscounts a body does this.  The call gets its
        whole answer; the bytes past it stay on the connection, and a client
        that sends its next request there reads them as the start of the next
        answer.  Over TLS, ten thousand of them (the default) outlast what the
        client reads along with the headers, and stay inside the TLS layer.

        Raises:
            ValueError: ``extra`` is not a whole number, 1 or more.
        """
        return cls("overlong", extra=checked_count("extra", extra, minimum=1))

    @classmethod
    def endless(cls) -> Fault:
        """HTTP 200 JSON whose body never ends (JSON whitespace, as fast as the client reads it)."""
        return cls("reply", Reply(200, _ENDLESS_PIECE, JSON_TYPE, endless=True))

    @classmethod
    def gzip_bomb(cls, size: int = 1 << 30) -> Fault:
        """HTTP 200 JSON, gzip-encoded: about a thousandth of ``size`` on the wire, ``size`` bytes inflated.

        Args:
            size: The inflated size in bytes (a gibibyte by default; about a mebibyte sent).

        Raises:
            ValueError: ``size`` is below 1.
        """
        if size < 1:
            raise ValueError(f"size must be at least 1 byte, got {size}")
        return cls("reply", Reply(200, _gzip_of_zeros(size), JSON_TYPE, (("Content-Encoding", "gzip"),)))

    @classmethod
    def deep_nesting(cls, depth: int = 100_000) -> Fault:
        """A Success envelope whose ``response`` is ``depth`` lists, one inside the other.

        Raises:
            ValueError: ``depth`` is below 1.
        """
        if depth < 1:
            raise ValueError(f"depth must be at least 1, got {depth}")
        return cls("reply", _success_around(b"[" * depth + b"]" * depth))

    @classmethod
    def invalid_utf8(cls) -> Fault:
        """A Success envelope with bytes that are not UTF-8 inside a string."""
        return cls("reply", _success_around(b'{"name":"\xff\xfe\xc3("}'))

    @classmethod
    def non_finite(cls, constant: Literal["NaN", "Infinity", "-Infinity"] = "NaN") -> Fault:
        """A Success envelope holding ``NaN`` (or ``Infinity``), which Python's json reads but JSON lacks.

        Raises:
            ValueError: ``constant`` is none of the three.
        """
        if constant not in {"NaN", "Infinity", "-Infinity"}:
            raise ValueError(f"constant must be NaN, Infinity or -Infinity, got {constant!r}")
        return cls("reply", _success_around(b'{"cgpa":' + constant.encode("ascii") + b"}"))

    @classmethod
    def not_an_object(cls, value: Any = ("Success",)) -> Fault:  # noqa: ANN401 (any JSON value)
        """HTTP 200 JSON whose top level is ``value`` (by default a list), not an object.

        Raises:
            TypeError: ``value`` is a dict (that is an object).
        """
        if isinstance(value, dict):
            raise TypeError("value must not be an object: that is what this fault avoids")
        return cls("reply", Reply(200, _json_bytes(value), JSON_TYPE))

    @classmethod
    def wrong_status(cls, value: Any = "Success") -> Fault:  # noqa: ANN401 (any JSON value)
        """HTTP 200 JSON whose ``status`` is ``value`` (by default a string) instead of an envelope."""
        return cls("reply", Reply(200, _json_bytes({"status": value, "response": {}}), JSON_TYPE))

    @classmethod
    def wrong_response(cls, value: Any = "OK") -> Fault:  # noqa: ANN401 (any JSON value)
        """A Success envelope whose ``response`` is ``value`` (by default a string), of the wrong type."""
        return cls("reply", _success_around(_json_bytes(value)))

    @classmethod
    def redirect(cls, location: str, status: int = 302) -> Fault:
        """An HTTP redirect to ``location``, e.g. a :class:`~pyjiit.testing.RecordingServer`'s URL.

        Args:
            location: The ``Location`` header.
            status: 301, 302, 303, 307 or 308 (307 and 308 ask the client to
                send the same body again, there).

        Raises:
            ValueError: ``status`` is not a redirect.
        """
        if status not in _REDIRECTS:
            raise ValueError(f"status must be one of {sorted(_REDIRECTS)}, got {status}")
        return cls("reply", Reply(status, b"", "text/html", (("Location", location),)))

    @classmethod
    def captive_portal(cls) -> Fault:
        """HTTP 200 with a Wi-Fi sign-in page, as a network that intercepts requests answers."""
        return cls("reply", Reply(200, _SIGN_IN_PAGE, "text/html;charset=utf-8"))

    @classmethod
    def drop(cls) -> Fault:
        """Close the connection without answering."""
        return cls("drop")

    def _sent_as(self, answer: Reply) -> Reply:
        """The normal ``answer``, as this fault sends it.

        A trickle sends it a byte at a time and an overlong fault adds bytes
        after it; every other fault leaves it as it is.
        """
        if self.kind == "trickle":
            return dataclasses.replace(answer, trickle=self.seconds, trickle_headers=self.slow_headers)
        if self.kind == "overlong":
            return dataclasses.replace(answer, overflow=b"-" * self.extra)
        return answer
