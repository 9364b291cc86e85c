r"""Decoding the portal's JSON strictly, failing only with ``ValueError``.

Python's ``json`` accepts more than JSON, and fails in ways that are not
``ValueError``: it reads ``NaN`` and ``Infinity``, lets ``1e999`` overflow to
infinity, raises ``RecursionError`` on deep nesting, and turns a ``\ud800``
escape into a string that cannot be encoded again (the next request built
from it would fail with ``UnicodeEncodeError``).  Values nested just short of
the recursion limit decode, but then exhaust the stack of the code that
walks them (``repr()``, an error message).  :func:`decode` refuses all of it.

It can also bound how many values a text holds, because the objects they
become take more memory than the text: up to some 28 times, for a text of
one-key objects (``[{"":0},{"":0},...]``).
"""

from __future__ import annotations

import json
import math
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["MAX_DEPTH", "BadJSON", "NotJSON", "TooManyValues", "Unencodable", "decode", "encode"]

#: The deepest nesting of objects and lists accepted.  The portal's answers
#: are a handful of levels deep; much deeper ones cannot be walked safely.
MAX_DEPTH = 64

#: A ``\uD800``-``\uDFFF`` escape: only through one can a decoded string hold a surrogate.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
#: A lone surrogate in a str (a pair would have been one character).
_SURROGATE = re.compile("[\ud800-\udfff]")


class NotJSON(ValueError):
    """The bytes are not JSON text: not UTF-8, or not JSON's syntax."""


class BadJSON(ValueError):
    """The text is JSON but holds what pyjiit refuses: deep nesting, NaN, infinity, lone surrogates."""


class TooManyValues(ValueError):
    """The text holds more values than allowed."""


class Unencodable(ValueError):
    """A value to send holds a string that UTF-8 cannot encode: a lone UTF-16 surrogate."""


def encode(document: object) -> bytes:
    """Encode ``document`` as compact UTF-8 JSON, as the portal reads it (non-ASCII kept as is).

    Raises:
        Unencodable: A string in it (a key or a value) holds a lone surrogate,
            as text read from bytes that were not UTF-8 (``surrogateescape``)
            does, or a number is one JSON has no text for: NaN, an infinity,
            an integer too long to write.  The message says where, never
            what: it may be a password.
    """
    try:
        text = json.dumps(document, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except ValueError:  # a NaN or infinity, or an int over sys.get_int_max_str_digits()
        place = _place(
            document, lambda value: isinstance(value, (int, float)) and not _writable_number(value)
        )
        raise Unencodable(
            f"{place} is a number JSON cannot carry (NaN, an infinity, or too many digits)"
        ) from None
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        place = _place(document, lambda value: isinstance(value, str) and bool(_SURROGATE.search(value)))
        raise Unencodable(
            f"{place} holds a character that UTF-8 cannot encode "
            "(a lone surrogate, as from bytes that were not UTF-8)"
        ) from None


def _writable_number(number: float) -> bool:
    """Whether ``json.dumps`` can write ``number`` (``allow_nan=False``)."""
    try:
        json.dumps(number, allow_nan=False)
    except ValueError:
        return False
    return True


def _place(document: object, bad: Callable[[object], bool]) -> str:
    """Where in ``document`` the first ``bad`` value (or key) is: ``"field 'password'"``, ``"items[2]"``."""
    places: list[tuple[str, object]] = [("the value", document)]
    while places:
        place, value = places.pop(0)
        if bad(value):
            return place
        if isinstance(value, dict):
            for key, child in value.items():
                if bad(key):
                    return f"a key of {place}"
                places.append((f"field {key!r}" if place == "the value" else f"{place}[{key!r}]", child))
        elif isinstance(value, (list, tuple)):
            root = place == "the value"
            places += [(f"item {i}" if root else f"{place}[{i}]", child) for i, child in enumerate(value)]
    return "the value"


def decode(body: bytes, *, max_values: int | None = None) -> Any:  # noqa: ANN401 (any JSON value)
    """Decode ``body`` as UTF-8 JSON.

    Args:
        body: The bytes.
        max_values: How many values the text may hold, counted (before
            decoding, from above) as its commas and opening brackets.

    Raises:
        NotJSON: ``body`` is not UTF-8 JSON text.
        BadJSON: It is, but nests deeper than :data:`MAX_DEPTH`, holds a
            non-finite number, or a string with a lone UTF-16 surrogate.
        TooManyValues: It holds more than ``max_values`` values.
    """
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise NotJSON(f"invalid UTF-8 at byte {error.start}") from None
    openings = text.count("[") + text.count("{")
    if max_values is not None and text.count(",") + openings > max_values:
        raise TooManyValues(f"more than {max_values:,} values")
    try:
        document = _DECODER.decode(text)
    except RecursionError:
        raise BadJSON(f"nested more than {MAX_DEPTH} levels deep") from None
    except json.JSONDecodeError as error:
        raise NotJSON(str(error)) from None
    except BadJSON:
        raise
    except ValueError as error:  # an integer too long to convert (sys.get_int_max_str_digits)
        raise BadJSON(str(error)) from None
    if openings > MAX_DEPTH:  # else it cannot nest deeper (brackets in strings count too: a bound)
        _check_depth(document)
    if _SURROGATE_ESCAPE.search(text):
        _check_encodable(document)
    return document


def _refuse_constant(name: str) -> float:
    raise BadJSON(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise BadJSON(f"the number {text[:20]} is too large")
    return number


#: One decoder for every answer (``json.loads`` with options makes a new one each call).
_DECODER = json.JSONDecoder(parse_constant=_refuse_constant, parse_float=_finite_float)


def _check_depth(document: object) -> None:
    """Refuse nesting deeper than :data:`MAX_DEPTH`, walking one level at a time (no recursion)."""
    level = [document] if isinstance(document, (dict, list)) else []
    depth = 0
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            raise BadJSON(f"nested more than {MAX_DEPTH} levels deep")
        level = [
            child
            for container in level
            for child in (container.values() if isinstance(container, dict) else container)
            if isinstance(child, (dict, list))
        ]


def _check_encodable(document: object) -> None:
    """Refuse strings (keys too) holding a lone surrogate: they cannot be encoded as UTF-8."""
    try:
        encode(document)
    except Unencodable:
        raise BadJSON("a string holds a lone UTF-16 surrogate (an unpaired \\ud800-\\udfff escape)") from None
