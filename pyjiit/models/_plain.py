"""Models as plain data: what :func:`json.dumps`, a database or a template takes.

:func:`to_data` is the one converter of the package: apps call it on models,
and the command line on its reports for ``--json``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from pyjiit.models._table import _SPEC

__all__ = ["to_data"]


def _amount(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


#: How each kind of leaf value is written, first match wins.
_LEAVES: tuple[tuple[type | tuple[type, ...], Callable[[Any], Any]], ...] = (
    (enum.Enum, lambda value: to_data(value.value)),
    ((dt.date, dt.time), lambda value: value.isoformat()),  # datetime is a date
    (Decimal, _amount),
    (PurePath, str),
    ((str, int, float, bool, type(None)), lambda value: value),
)


def _shown(field: dataclasses.Field[Any], *, raw: bool, hidden: bool) -> bool:
    """Whether ``to_data`` writes ``field`` (a model's, or another dataclass's)."""
    spec = field.metadata.get(_SPEC)
    if spec is None or field.repr or spec.is_list:  # a long list is left out of repr() only for length
        return True
    return raw if spec.is_as_sent else hidden


def to_data(value: object, *, raw: bool = False, hidden: bool = False) -> Any:  # noqa: ANN401 (any JSON value)
    """Return ``value`` (a model, or anything a model holds) as plain, JSON-compatible data.

    A model becomes a ``dict`` of its fields, in order; tuples and lists become
    lists; dates and times ISO 8601 strings (with their offset: the portal's
    times are in IST); amounts of money (``Decimal``) numbers, ``int`` when
    whole; enumerations their values.  Any other dataclass is written field by
    field too.  The result is new: changing it changes no model.

    Args:
        value: What to convert.
        raw: Also write each model's ``raw`` field, the portal's answer as sent.
        hidden: Also write the fields ``repr()`` hides: the photo, the
            signature, the bank account number, the captcha's image.

    Raises:
        TypeError: ``value`` holds something no model holds (the message names its type).
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: to_data(getattr(value, field.name), raw=raw, hidden=hidden)
            for field in dataclasses.fields(value)
            if _shown(field, raw=raw, hidden=hidden)
        }
    if isinstance(value, (tuple, list)):
        return [to_data(item, raw=raw, hidden=hidden) for item in value]
    if isinstance(value, Mapping):  # the portal's own objects, as in ExamMarks.records
        return {str(key): to_data(item, raw=raw, hidden=hidden) for key, item in value.items()}
    for kinds, convert in _LEAVES:
        if isinstance(value, kinds):
            return convert(value)
    raise TypeError(f"cannot write a {type(value).__name__} as plain data")
