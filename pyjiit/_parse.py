"""Checked reads from the portal's JSON, shared by every model.

Each reader takes the decoded JSON value, the key to read and ``what``: the
name of the object being built (``"attendance header"``), so that an error
says which object lacked which field, e.g. ``attendance header: missing field
'stynumber'``.  Every failure is a :class:`~pyjiit.exceptions.ResponseFormatError`;
no ``KeyError``, ``TypeError`` or ``ValueError`` escapes.

The portal is loose with types: the same number may come as ``5``, ``5.0`` or
``"5"`` and ids as strings or bare numbers.  The readers accept each form a
field is known to take and return one Python type for it.
"""

from __future__ import annotations

import datetime as dt
import decimal
import itertools
import math
import re
from collections.abc import Callable, Mapping
from typing import Any, TypeGuard, TypeVar

from pyjiit.exceptions import ResponseFormatError
from pyjiit.utils import IST

__all__ = [
    "JSONObject",
    "clock_time",
    "describe",
    "field_error",
    "get_bool",
    "get_decimal",
    "get_epoch_ms",
    "get_flag",
    "get_float",
    "get_id",
    "get_int",
    "get_list",
    "get_number",
    "get_object",
    "get_objects",
    "get_str",
    "get_text",
    "get_words",
    "optional",
    "parse_datetime",
    "require_object",
    "require_objects",
    "strip_code_suffix",
    "without_code",
]

#: A decoded JSON object.
JSONObject = Mapping[str, object]

_T = TypeVar("_T")

_TYPE_NAMES: tuple[tuple[type, str], ...] = (
    (type(None), "null"),
    (bool, "a boolean"),  # before int: a bool is an int in Python, never a number in JSON
    (int, "a number"),
    (float, "a number"),
    (str, "a string"),
    (list, "a list"),
    (Mapping, "an object"),
)

_INTEGER = re.compile(r"[+-]?[0-9]+")

#: How much of a wrong value an error message quotes.
_SHOWN_MAX = 80

#: Larger amounts are not money but corrupt data (and would overflow Decimal arithmetic).
_MAX_DECIMAL_EXPONENT = 30


def describe(value: object) -> str:
    """Name a JSON value's type the way JSON spells it (``"a string"``, ``"null"``)."""
    return next((name for kind, name in _TYPE_NAMES if isinstance(value, kind)), type(value).__name__)


def field_error(what: str, key: str, expected: str, value: object) -> ResponseFormatError:
    """Make the error for a field that holds the wrong kind of value."""
    shown = f"{describe(value)} {value!r}" if isinstance(value, (str, int, float)) else describe(value)
    if len(shown) > _SHOWN_MAX:
        shown = shown[: _SHOWN_MAX - 3] + "..."
    return ResponseFormatError(f"{what}: field {key!r} should be {expected}, got {shown}")


def require_object(value: object, what: str) -> JSONObject:
    """Return ``value`` if it is a JSON object (string keys).

    Raises:
        ResponseFormatError: ``value`` is not an object.
    """
    if not _is_mapping(value) or not _keys_are_text(value):
        raise ResponseFormatError(f"{what}: expected an object, got {describe(value)}")
    return value


def _is_mapping(value: object) -> TypeGuard[Mapping[str, object]]:
    # Decoded JSON holds plain dicts, which skip the slower check against the Mapping ABC.
    return type(value) is dict or isinstance(value, Mapping)


def _keys_are_text(obj: Mapping[Any, object]) -> bool:
    # The loop runs in C: this is checked for every object of every answer.
    return all(map(isinstance, obj, itertools.repeat(str)))


def require_objects(value: object, what: str) -> list[JSONObject]:
    """Return ``value`` if it is a JSON list of objects.

    Raises:
        ResponseFormatError: ``value`` is not a list, or an item is not an object.
    """
    if not isinstance(value, list):
        raise ResponseFormatError(f"{what}: expected a list, got {describe(value)}")
    return [require_object(item, f"{what} item {index}") for index, item in enumerate(value)]


def _mapping(data: object, what: str) -> Mapping[str, object]:
    """``data`` if it is an object.

    Cheaper than :func:`require_object`, which also checks every key: field
    reads run for every field of every answer, and JSON keys are always text.
    """
    if not _is_mapping(data):
        raise ResponseFormatError(f"{what}: expected an object, got {describe(data)}")
    return data


def _field(data: object, key: str, what: str) -> object:
    obj = _mapping(data, what)
    if key not in obj:
        raise ResponseFormatError(f"{what}: missing field {key!r}")
    return obj[key]


def optional(read: Callable[[JSONObject, str, str], _T], data: object, key: str, what: str) -> _T | None:
    """Read a field with ``read``, or return ``None`` if it is absent, ``null`` or blank text.

    Example: ``optional(get_text, row, "roomcode", "exam schedule entry")``.
    """
    obj = _mapping(data, what)
    value = obj.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return read(obj, key, what)


def get_object(data: object, key: str, what: str) -> JSONObject:
    """Read a field holding a JSON object (whose keys, being JSON's, are text)."""
    value = _field(data, key, what)
    if not _is_mapping(value):
        raise field_error(what, key, "an object", value)
    return value


def get_list(data: object, key: str, what: str) -> list[object]:
    """Read a field holding a JSON list."""
    value = _field(data, key, what)
    if not isinstance(value, list):
        raise field_error(what, key, "a list", value)
    return value


def get_objects(data: object, key: str, what: str) -> list[JSONObject]:
    """Read a field holding a list of JSON objects."""
    value = _field(data, key, what)
    if not isinstance(value, list):
        raise field_error(what, key, "a list", value)
    return require_objects(value, f"{what} field {key!r}")


def get_str(data: object, key: str, what: str) -> str:
    """Read a string field exactly as the portal sent it."""
    value = _field(data, key, what)
    if not isinstance(value, str):
        raise field_error(what, key, "a string", value)
    return value


def get_text(data: object, key: str, what: str) -> str:
    """Read a string field without the whitespace the portal leaves around some values (a trailing tab)."""
    return get_str(data, key, what).strip()


def get_words(data: object, key: str, what: str) -> str:
    """Read a string field with runs of whitespace (tabs, double spaces) made single spaces."""
    return " ".join(get_str(data, key, what).split())


def get_id(data: object, key: str, what: str) -> str:
    """Read an id or code, which the portal sends as a string or, for some ids, a bare integer."""
    value = _field(data, key, what)
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise field_error(what, key, "a string", value)


def get_bool(data: object, key: str, what: str) -> bool:
    """Read a JSON boolean field."""
    value = _field(data, key, what)
    if not isinstance(value, bool):
        raise field_error(what, key, "a boolean", value)
    return value


def get_flag(data: object, key: str, what: str) -> bool:
    """Read one of the portal's ``"Y"``/``"N"`` flags (or a JSON boolean) as a bool."""
    value = _field(data, key, what)
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().upper() in {"Y", "N"}:
        return value.strip().upper() == "Y"
    raise field_error(what, key, '"Y" or "N"', value)


def get_number(data: object, key: str, what: str) -> int | float:
    """Read a JSON number field, keeping it an int or a float as sent."""
    value = _field(data, key, what)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise field_error(what, key, "a number", value)
    return value


def _to_float(value: object) -> float | None:
    """Convert a JSON number or numeric string to a finite float; ``None`` if it is neither."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        result = float(value.strip() if isinstance(value, str) else value)
    except (ValueError, OverflowError):
        return None
    return result if math.isfinite(result) else None


def get_float(data: object, key: str, what: str) -> float:
    """Read a number the portal sends either as a JSON number or as a numeric string."""
    value = _field(data, key, what)
    result = _to_float(value)
    if result is None:
        raise field_error(what, key, "a number", value)
    return result


def get_int(data: object, key: str, what: str) -> int:
    """Read a whole number sent as a JSON number (``5`` or ``5.0``) or a string (``"5"``)."""
    value = _field(data, key, what)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    as_float = _to_float(value)
    if as_float is None or not as_float.is_integer():
        raise field_error(what, key, "a whole number", value)
    # A long numeric string may not fit a float exactly: read it as an int instead.
    if isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
        return int(value.strip())
    return int(as_float)


def get_decimal(data: object, key: str, what: str) -> decimal.Decimal:
    """Read an amount of money, sent as a JSON number or a numeric string, as an exact Decimal."""
    value = _field(data, key, what)
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise field_error(what, key, "an amount", value)
    # repr() of a float is the shortest text that reads back as it: 0.1, not 0.1000000000000000055...
    text = value.strip() if isinstance(value, str) else repr(value)
    try:
        result = decimal.Decimal(text)
    except decimal.InvalidOperation:
        raise field_error(what, key, "an amount", value) from None
    if not result.is_finite() or result.adjusted() > _MAX_DECIMAL_EXPONENT:
        raise field_error(what, key, "an amount", value)
    return result


def get_epoch_ms(data: object, key: str, what: str) -> dt.datetime:
    """Read a time sent as milliseconds since the Unix epoch, as an aware datetime in IST."""
    value = _field(data, key, what)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise field_error(what, key, "a time in epoch milliseconds", value)
    try:
        return dt.datetime.fromtimestamp(value / 1000, tz=IST)
    except (OverflowError, OSError, ValueError):
        raise field_error(what, key, "a time in epoch milliseconds", value) from None


def parse_datetime(text: str, fmt: str, *, what: str, key: str, example: str) -> dt.datetime:
    """Parse ``text`` with the ``strptime`` format ``fmt``, as a naive datetime.

    Args:
        text: The text to parse.
        fmt: The format, e.g. ``"%d/%m/%Y"``.
        what: The object being built, for the error message.
        key: The field the text came from, for the error message.
        example: A sample of the expected text, for the error message.

    Raises:
        ResponseFormatError: The text does not fit the format.
    """
    try:
        return dt.datetime.strptime(text.strip(), fmt)  # noqa: DTZ007 - the portal's times carry no zone
    except ValueError:
        raise field_error(what, key, f"a date like {example!r}", text) from None


def clock_time(day: dt.date, clock: str, half: str) -> dt.datetime | None:
    """Return the time ``clock`` (``"10:50"``) ``half`` (``"am"``/``"PM"``) on ``day`` in IST.

    Returns ``None`` for an impossible time such as ``"13:00 PM"``: the portal's
    free-text times are informative, not worth failing a whole answer over.
    """
    try:
        time = dt.datetime.strptime(f"{clock} {half.upper()}", "%I:%M %p").time()  # noqa: DTZ007 - IST added below
    except ValueError:
        return None
    return dt.datetime.combine(day, time, tzinfo=IST)


def strip_code_suffix(title: str, code: str) -> str:
    """Return a subject's name from the portal's ``"NAME (CODE)"`` title, spaces normalised.

    The title is returned whole (normalised) when it does not end with the code.
    """
    title = " ".join(title.split())
    name = re.sub(rf"\s*\(\s*{re.escape(code)}\s*\)$", "", title).strip() if code else title
    return name or title


def without_code(code_key: str) -> Callable[[JSONObject, str, str], str]:
    """A reader of a ``"NAME (CODE)"`` title field that returns the name, the code read from ``code_key``."""

    def read(data: JSONObject, key: str, what: str) -> str:
        return strip_code_suffix(get_str(data, key, what), get_text(data, code_key, what))

    return read
