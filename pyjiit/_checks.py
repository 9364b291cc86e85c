"""Checks of the values callers pass in, shared by the library and its command lines.

Each check returns the value it accepts, or raises :class:`Refused`, a
``ValueError`` whose message names the setting, says what it must be and
repeats the value.  :func:`argument_type` turns a check into an ``argparse``
type, so that a command-line option is refused with the same words, about
the text that was typed.
"""

from __future__ import annotations

import argparse
import enum
import math
import ssl
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "Refused",
    "argument_type",
    "check_ca_bundle",
    "count",
    "http_url",
    "instance",
    "member",
    "seconds",
    "sendable_text",
    "wrong_type",
]

_T = TypeVar("_T")
_E = TypeVar("_E", bound=enum.Enum)


class Refused(ValueError):
    """A value a check does not accept: ``"NAME REASON, got VALUE"``.

    Args:
        name: The setting, as the caller knows it (``"timeout"``).
        reason: What it must be (``"must be ..."``).
        value: What was given.
        repeat: Whether the message may repeat ``value`` (not if it may hold a secret).
    """

    def __init__(self, name: str, reason: str, value: object, *, repeat: bool = True) -> None:
        self.reason = reason
        self.repeat = repeat
        super().__init__(f"{name} {reason}" + (f", got {value!r}" if repeat else ""))


#: The longest wait a setting may ask for.  Far longer than any portal call
#: needs, and far below what sockets and timers accept (``socket.settimeout``
#: overflows near 1e10 s; Windows' timers end near 50 days).
MAX_SECONDS = 24 * 60 * 60


def seconds(name: str, value: object, *, zero: bool = False) -> float:
    """Return ``value`` as a float if it is seconds above 0 (or 0 too, with ``zero``), at most a day.

    Raises:
        Refused: It is not a number (``True`` is not one either), or not
            finite, or too small, or more than :data:`MAX_SECONDS`.
    """
    try:
        number = float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else math.nan
    except OverflowError:  # an int too large for a float
        number = math.inf
    if not math.isfinite(number) or number < 0 or (number == 0 and not zero) or number > MAX_SECONDS:
        bound = "0 or more" if zero else "above 0"
        raise Refused(name, f"must be a number of seconds, {bound} and at most {MAX_SECONDS:,}", value)
    return float(number)


def wrong_type(name: str, what: str, value: object) -> TypeError:
    """The error for ``value`` given as ``name``, which must be ``what``.

    It names the type given, never the value, which may be a secret (a session, a token).
    """
    given = "None" if value is None else type(value).__name__
    return TypeError(f"{name} must be {what}, got {given}")


def instance(name: str, value: object, kind: type, what: str) -> None:
    """Refuse ``value`` unless it is a ``kind`` or ``None`` (the parameter's default), before it is used.

    Args:
        name: The parameter, as the caller knows it (``"session"``).
        value: What was given.
        kind: The accepted type.
        what: The accepted type as the caller knows it (``"a requests.Session"``).

    Raises:
        TypeError: It is not (see :func:`wrong_type`).
    """
    if value is not None and not isinstance(value, kind):
        raise wrong_type(name, what, value)


def member(name: str, value: object, kind: type[_E]) -> _E:
    """Return ``value`` as a member of the enumeration ``kind``: a member already, or one's value.

    Raises:
        Refused: It is neither; the message lists the values.
    """
    try:
        return kind(value)
    except ValueError:
        values = ", ".join(repr(choice.value) for choice in kind)
        raise Refused(name, f"must be one of {values}", value) from None


def count(name: str, value: object, *, minimum: int = 0, maximum: int | None = None) -> int:
    """Return ``value`` if it is a whole number (an ``int``, not ``True``), ``minimum`` or more.

    Args:
        name: The setting, as the caller knows it.
        value: What was given.
        minimum: The least it may be.
        maximum: The most it may be, if there is a most.

    Raises:
        Refused: It is not.
    """
    if type(value) is not int or value < minimum or (maximum is not None and value > maximum):
        bound = f"{minimum} or more" if maximum is None else f"{minimum} to {maximum}"
        raise Refused(name, f"must be a whole number, {bound}", value)
    return value


def http_url(name: str, url: object) -> str:
    """Return ``url`` if it is an ``http://`` or ``https://`` URL with a host, to add paths to.

    Raises:
        Refused: It is not one: another scheme, no host, a malformed host or
            port, spaces, a query or a fragment.  One carrying a user name or password is refused
            without being repeated, since the message may be shown or logged.
    """
    reason = "must be an http(s) URL with a host, e.g. https://example.org/api"
    if not isinstance(url, str) or any(character.isspace() for character in url):
        raise Refused(name, reason, url)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (parsed on access: a port that is not a number raises here)
    except ValueError as error:
        raise Refused(name, f"{reason} ({error})", url) from None
    if parts.username is not None or parts.password is not None:
        raise Refused(name, "must not carry a user name or password", url, repeat=False)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise Refused(name, reason, url)
    if "?" in url or "#" in url:  # the portal's paths are added to it: after a query, none would be found
        # Not repeated: a query may hold a key.
        raise Refused(
            name, "must be a base for paths, without a query (?) or fragment (#)", url, repeat=False
        )
    return url


def check_ca_bundle(name: str, path: str) -> None:
    """Refuse ``path`` as a CA bundle unless it is a folder, or a file of CA certificates OpenSSL reads.

    Else the first request would fail as if the portal were unreachable, and
    trying again would never help.

    Raises:
        Refused: It does not exist, or is a file without a certificate.
    """
    # "" too: Path("") is the current directory, and requests reads "" as False.
    if not (path and Path(path).exists()):
        raise Refused(name, "must name a CA bundle that exists", path)
    if Path(path).is_dir():  # requests takes a folder of hashed certificates (capath) as it is
        return
    try:
        ssl.create_default_context(cafile=path)
    except (ssl.SSLError, OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "reason", None) or str(error)  # text: the error itself would make a cycle
        raise Refused(name, f"must be a file of CA certificates OpenSSL reads ({reason})", path) from None


def sendable_text(name: str, value: object, *, what: str = "a str", empty: bool = False) -> str:
    """Return ``value`` if it is text a request can carry: a ``str`` that UTF-8 can encode, not empty.

    Text that UTF-8 cannot encode holds a lone surrogate: what Python makes
    of bytes that were not UTF-8 in a terminal, a variable or the command
    line.  No message repeats the value, which may be a password.

    Args:
        name: The argument, as the caller knows it (``"password"``).
        value: What was given.
        what: What it must be, as a wrong type's error says.
        empty: Whether ``""`` passes too (an optional comment, say).

    Raises:
        TypeError: It is not a ``str``, ``None`` included (see :func:`wrong_type`).
        Refused: It is empty (unless ``empty``), or cannot be encoded.
    """
    if not isinstance(value, str):
        raise wrong_type(name, what, value)
    if not value and not empty:
        raise Refused(name, "must not be empty", value, repeat=False)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        reason = "holds a character UTF-8 cannot encode (a lone surrogate: bytes that were not UTF-8)"
        raise Refused(name, reason, value, repeat=False) from None
    return value


def argument_type(
    check: Callable[[str, object], _T], convert: Callable[[str], object] = str
) -> Callable[[str], _T]:
    """An ``argparse`` type: ``check`` on the option's text, read by ``convert`` (``float``, say).

    Text that ``convert`` cannot read goes to ``check`` as it is, to be
    refused there; the usage error says what the option must be, about the
    text that was typed.
    """

    def read(text: str) -> _T:
        try:
            value = convert(text)
        except ValueError:
            value = text
        try:
            return check("", value)
        except Refused as refused:
            shown = f", got {text!r}" if refused.repeat else ""
            raise argparse.ArgumentTypeError(refused.reason + shown) from None

    return read
