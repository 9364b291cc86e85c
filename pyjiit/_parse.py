"""Checked reads from the portal's JSON, shared by every model.

Each reader takes the decoded JSON value, the key to read and ``what``: the
name of the object being built (``"attendance header"``), so that an error
says which object lacked which field, e.g. ``attendance header: missing field
'stynumber'``.  Every failure is a :class:`~pyjiit.exceptions.ResponseFormatError`;
no ``KeyError`` or ``TypeError`` escapes.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TypeVar

from pyjiit.exceptions import ResponseFormatError

__all__ = [
    "JSONObject",
    "describe",
    "get_bool",
    "get_decimal_str",
    "get_float",
    "get_int",
    "get_list",
    "get_number",
    "get_object",
    "get_objects",
    "get_optional_float",
    "get_optional_str",
    "get_str",
    "get_text",
    "require_list",
    "require_object",
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


def describe(value: object) -> str:
    """Name a JSON value's type the way JSON spells it (``"a string"``, ``"null"``)."""
    return next((name for kind, name in _TYPE_NAMES if isinstance(value, kind)), type(value).__name__)


def _wrong_type(what: str, key: str, expected: str, value: object) -> ResponseFormatError:
    return ResponseFormatError(f"{what}: field {key!r} should be {expected}, got {describe(value)}")


def require_object(value: object, what: str) -> JSONObject:
    """Return ``value`` if it is a JSON object with string keys.

    Raises:
        ResponseFormatError: ``value`` is not an object.
    """
    if not isinstance(value, Mapping) or not all(isinstance(key, str) for key in value):
        raise ResponseFormatError(f"{what}: expected an object, got {describe(value)}")
    return value


def require_list(value: object, what: str) -> list[object]:
    """Return ``value`` if it is a JSON list.

    Raises:
        ResponseFormatError: ``value`` is not a list.
    """
    if not isinstance(value, list):
        raise ResponseFormatError(f"{what}: expected a list, got {describe(value)}")
    return value


def _field(data: object, key: str, what: str) -> object:
    obj = require_object(data, what)
    if key not in obj:
        raise ResponseFormatError(f"{what}: missing field {key!r}")
    return obj[key]


def _typed(data: object, key: str, what: str, kind: type[_T], expected: str) -> _T:
    value = _field(data, key, what)
    if not isinstance(value, kind):
        raise _wrong_type(what, key, expected, value)
    return value


def get_object(data: object, key: str, what: str) -> JSONObject:
    """Read a field holding a JSON object."""
    value = _field(data, key, what)
    if not isinstance(value, Mapping):
        raise _wrong_type(what, key, "an object", value)
    return require_object(value, f"{what}: field {key!r}")


def get_list(data: object, key: str, what: str) -> list[object]:
    """Read a field holding a JSON list."""
    return _typed(data, key, what, list, "a list")


def get_objects(data: object, key: str, what: str) -> list[JSONObject]:
    """Read a field holding a list of JSON objects."""
    items = get_list(data, key, what)
    return [require_object(item, f"{what}: field {key!r} item {index}") for index, item in enumerate(items)]


def get_str(data: object, key: str, what: str) -> str:
    """Read a string field exactly as the portal sent it."""
    return _typed(data, key, what, str, "a string")


def get_text(data: object, key: str, what: str) -> str:
    """Read a string field without the stray whitespace the portal leaves around some values."""
    return get_str(data, key, what).strip()


def get_optional_str(data: object, key: str, what: str) -> str | None:
    """Read a stripped string field that may be ``null`` or absent (``None`` then)."""
    value = require_object(data, what).get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _wrong_type(what, key, "a string or null", value)
    return value.strip()


def get_bool(data: object, key: str, what: str) -> bool:
    """Read a JSON boolean field."""
    return _typed(data, key, what, bool, "a boolean")


def get_number(data: object, key: str, what: str) -> int | float:
    """Read a JSON number field, keeping it an int or a float as sent."""
    value = _field(data, key, what)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _wrong_type(what, key, "a number", value)
    return value


def _to_float(value: object) -> float | None:
    """Convert a JSON number or numeric string to a finite float; ``None`` if it is neither."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        result = float(value)
    elif isinstance(value, str):
        try:
            result = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return result if math.isfinite(result) else None


def get_float(data: object, key: str, what: str) -> float:
    """Read a number the portal sends either as a JSON number or as a numeric string."""
    value = _field(data, key, what)
    result = _to_float(value)
    if result is None:
        raise _wrong_type(what, key, "a number or a numeric string", value)
    return result


def get_optional_float(data: object, key: str, what: str) -> float | None:
    """Like :func:`get_float`, but ``null``, ``""`` or an absent field give ``None``."""
    value = require_object(data, what).get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    result = _to_float(value)
    if result is None:
        raise _wrong_type(what, key, "a number, a numeric string or null", value)
    return result


def get_int(data: object, key: str, what: str) -> int:
    """Read a whole number sent as a JSON number (``5`` or ``5.0``) or a string (``"5"``)."""
    value = _field(data, key, what)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    as_float = _to_float(value)
    if as_float is None or not as_float.is_integer():
        raise _wrong_type(what, key, "a whole number", value)
    # A numeric string may be too long for a float to hold exactly: re-read it as an int.
    if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
        return int(value.strip())
    return int(as_float)


def get_decimal_str(data: object, key: str, what: str) -> str:
    """Read an id or code the portal sends as a string or, sometimes, as a bare number."""
    value = _field(data, key, what)
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise _wrong_type(what, key, "a string", value)
