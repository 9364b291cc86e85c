"""The field tables models are written as: for each field, where it comes from and how it is read.

A model is a class whose body is a table of its fields::

    class Credits(Model, what="credits"):
        registered: float = wire("registeredCredits", get_float)
        semester: int | None = wire("semester", get_int, optional=True)
        raw: JSONObject = as_sent()

:func:`wire` names a field's key in the portal's JSON (a dotted path for a
key inside an object: ``"studentinfo.programid"``) and the reader that
converts it (one of :mod:`pyjiit._parse`'s, which raise
:class:`~pyjiit.exceptions.ResponseFormatError` naming the object and the
field).  :func:`derived` fields are made from the whole object, and
:func:`as_sent` keeps the answer as it came.  :meth:`Model.from_response`
reads every field by its table, so no model has a parser of its own, and the
type checker holds each reader's result against the field's annotation.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, TypeVar, overload

from pyjiit._parse import JSONObject, get_object, get_objects, optional, require_objects
from pyjiit.exceptions import ResponseFormatError

if TYPE_CHECKING:
    from typing_extensions import Self, dataclass_transform
else:

    def dataclass_transform(**_options: object) -> Callable[[type], type]:
        """Tell type checkers that a base class makes dataclasses; nothing at run time."""
        return lambda cls: cls


__all__ = ["CompatModel", "Model", "Reader", "as_sent", "derived", "each", "rows", "wire"]

_T = TypeVar("_T")
_M = TypeVar("_M", bound="Model")

#: Reads one field: ``(the object holding it, its key, the object's name for errors) -> value``.
Reader = Callable[[JSONObject, str, str], _T]

#: The key of a field's :class:`_Spec` in its dataclass metadata.
_SPEC = "pyjiit.field"

#: The objects leading to a field: each one's key, and whether it may be absent.
_Path = tuple[tuple[str, bool], ...]


@dataclasses.dataclass(frozen=True)
class _Spec:
    """Where a field's value comes from: a key (under ``parents``), the whole object, or the answer itself."""

    #: The keys of the objects holding the field, outermost first, each with whether it may be absent.
    parents: _Path = ()
    key: str = ""
    read: Reader[object] | None = None
    whole: Callable[[Any, str], object] | None = None
    optional: bool = False
    missing: object = None

    def take(self, answer: object, what: str, objects: dict[_Path, tuple[object, str] | None]) -> object:
        """Read this field from ``answer``, the JSON of an object called ``what``.

        ``objects`` keeps the objects on paths already walked for this answer:
        a model reads many fields of one inner object.
        """
        if self.whole is not None:
            return self.whole(answer, what)
        if self.read is None:
            return answer
        if self.parents:
            if self.parents not in objects:
                objects[self.parents] = self._walk(answer, what)
            found = objects[self.parents]
            if found is None:
                return self.missing
            node, name = found
        else:  # most fields: no path to walk
            node, name = answer, what
        if not self.optional:
            return self.read(node, self.key, name)  # type: ignore[arg-type]  # checked by the reader
        value = optional(self.read, node, self.key, name)
        return self.missing if value is None else value

    def _walk(self, answer: object, what: str) -> tuple[object, str] | None:
        """The object holding the field and its name; ``None`` if a parent that may be absent is."""
        node, name = answer, what
        for parent, may_be_absent in self.parents:
            node = (
                optional(get_object, node, parent, name) if may_be_absent else get_object(node, parent, name)
            )
            if node is None:
                return None
            name = f"{name} {parent}"
        return node, name

    @property
    def is_as_sent(self) -> bool:
        """Whether the field keeps the answer as sent (:func:`as_sent`)."""
        return self.read is None and self.whole is None

    @property
    def item_name(self) -> str | None:
        """The name of the model of each item of the list the field holds; ``None`` if it holds no list."""
        for reader in (self.read, self.whole):
            if isinstance(reader, (Rows, _Each)):
                return reader.model.__name__
        return None

    @property
    def is_list(self) -> bool:
        """Whether the field holds a list of objects."""
        return self.item_name is not None

    def empty(self, answer: dict[str, Any]) -> object:
        """Put into ``answer`` what this field holds in an answer with nothing in it; return the answer.

        Lists hold ``[]``; an answer that is a bare list becomes ``[]``; other fields stay absent.
        """
        if isinstance(self.whole, _Each):
            return []
        if isinstance(self.read, Rows) and isinstance(answer, dict):
            node = answer
            for parent, _ in self.parents:
                node = node.setdefault(parent, {})
            node[self.key] = []
        return answer


def _field(spec: _Spec, *, show: bool = True, compare: bool = True) -> Any:  # noqa: ANN401 (a dataclass field)
    return dataclasses.field(metadata={_SPEC: spec}, repr=show, compare=compare)


@overload
def wire(
    path: str, read: Reader[_T], *, optional: Literal[False] = False, repr: bool = True, compare: bool = True
) -> _T: ...
@overload
def wire(
    path: str, read: Reader[_T], *, optional: Literal[True], repr: bool = True, compare: bool = True
) -> _T | None: ...
@overload
def wire(
    path: str,
    read: Reader[_T],
    *,
    optional: Literal[True],
    missing: _T,
    repr: bool = True,
    compare: bool = True,
) -> _T: ...
def wire(
    path: str,
    read: Reader[Any],
    *,
    optional: bool = False,
    missing: object = None,
    repr: bool = True,
    compare: bool = True,
) -> Any:
    """A field read from the key ``path`` (``"a.b"``: key ``b`` of the object at ``a``) with ``read``.

    Args:
        path: The field's key in the portal's JSON, or a dotted path to it.
            The objects on the path must be there, except one written with a
            trailing ``?`` (``"photo&signature?.photo"``): without it, the
            field is ``missing``.
        read: The reader that checks and converts the value.
        optional: Absent, ``null`` and blank values give ``missing`` instead of an error.
        missing: The value of an optional field that is absent.
        repr: Whether the field appears in ``repr()`` (not for secrets and
            images).  A list of objects (:func:`rows`) left out appears as its
            length instead, ``classes=<71 ClassEntry>``: for lists that grow long.
        compare: Whether the field takes part in ``==`` and ``hash()``: not for
            details that differ between the portal's answers about the same
            thing (a semester's description differs from list to list).
    """
    *parents, key = path.split(".")
    steps = tuple((parent.rstrip("?"), parent.endswith("?")) for parent in parents)
    return _field(_Spec(steps, key, read, optional=optional, missing=missing), show=repr, compare=compare)


def derived(read: Callable[[Any, str], _T]) -> _T:
    """A field made from the whole object: ``read(the object's JSON, its name for errors)``."""
    return _field(_Spec(whole=read))  # type: ignore[no-any-return]  # a dataclass field stands for its value


def as_sent() -> Any:  # noqa: ANN401 (a dataclass field)
    """The field that keeps the answer as the portal sent it (left out of ``repr`` and ``==``)."""
    return _field(_Spec(), show=False, compare=False)


class Rows(Generic[_M]):
    """A reader of a list of objects, each read as a ``model``."""

    def __init__(self, model: type[_M]) -> None:
        self.model = model

    def __call__(self, data: JSONObject, key: str, what: str) -> tuple[_M, ...]:
        """Read the list at ``key`` of ``data``."""
        return tuple(self.model.from_response(row) for row in get_objects(data, key, what))


class _Each(Generic[_M]):
    """Reads an answer that is a bare list of objects, each as a ``model``."""

    def __init__(self, model: type[_M]) -> None:
        self.model = model

    def __call__(self, answer: object, what: str) -> tuple[_M, ...]:
        return tuple(self.model.from_response(row) for row in require_objects(answer, what))


def rows(model: type[_M]) -> Rows[_M]:
    """Make the reader of a field holding a list of ``model`` objects.

    Example: ``wire("gradecard", rows(GradeCardEntry))``.
    """
    return Rows(model)


def each(model: type[_M]) -> Callable[[object, str], tuple[_M, ...]]:
    """Make the reader of an answer that is itself a list of ``model`` objects, for :func:`derived`."""
    return _Each(model)


@dataclass_transform(frozen_default=True, field_specifiers=(wire, derived, as_sent, dataclasses.field))
class Model:
    """A typed model of a portal answer: a frozen dataclass whose fields are read by their table.

    Subclasses name the object they read in errors (``class GradeCard(Model,
    what="grade card")``) and list their fields with ``wire``, ``derived``
    and ``as_sent``; each becomes a dataclass, frozen unless the class says
    ``frozen=False`` (as pyjiit 0.1.0a9's classes do).

    Its ``repr()`` is the dataclass's, except that a list of objects left out
    of it (``wire(..., rows(ClassEntry), repr=False)``) shows as its length,
    ``classes=<71 ClassEntry>``, so that logging a model stays short.

    Models compare by value: two are equal when they are of the same class
    and their fields are, except ``raw`` and the fields written with
    ``compare=False``; a frozen model hashes by the same fields, unless it
    holds mutable values and says so with ``__hash__ = None``
    (:class:`~pyjiit.models.ExamMarks`).
    """

    if TYPE_CHECKING:
        # Set on every model by the dataclass decorator (__init_subclass__); declared so that type
        # checkers take a model for a dataclass too (dataclasses.fields, asdict, replace).
        __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    #: The object's name in error messages, e.g. ``"grade card entry"``.
    _what: ClassVar[str] = "object"
    #: The fields read from the answer, with their specs, in order.
    _specs: ClassVar[tuple[tuple[str, _Spec], ...]] = ()
    #: The fields ``repr()`` shows: each name, and for a list shown as its length, its items' model's name.
    _shown: ClassVar[tuple[tuple[str, str | None], ...]] = ()

    def __init_subclass__(cls, *, what: str | None = None, frozen: bool = True, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init_subclass__(**kwargs)
        if what is not None:
            cls._what = what
        dataclasses.dataclass(frozen=frozen, repr=False)(cls)  # Model.__repr__ instead
        fields = dataclasses.fields(cls)  # a dataclass since the line above
        cls._specs = tuple((field.name, field.metadata[_SPEC]) for field in fields if _SPEC in field.metadata)
        cls._shown = tuple(
            (field.name, None if field.repr else field.metadata[_SPEC].item_name)
            for field in fields
            if field.repr or (_SPEC in field.metadata and field.metadata[_SPEC].is_list)
        )

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        """``Name(field=value, ...)`` as a dataclass's, with lists left out of it shown by their length."""
        shown = []
        for name, item in self._shown:
            value = getattr(self, name)
            counted = item is not None and isinstance(value, tuple)
            shown.append(f"{name}=<{len(value)} {item}>" if counted else f"{name}={value!r}")
        return f"{type(self).__qualname__}({', '.join(shown)})"

    @classmethod
    def from_response(cls, response: object) -> Self:
        """Build the model from the ``response`` part of the portal's answer (or from one item of it).

        Raises:
            ResponseFormatError: A field is missing or of the wrong type; the
                message names the object and the field.
        """
        objects: dict[_Path, tuple[object, str] | None] = {}
        what = cls._what
        return cls(**{name: spec.take(response, what, objects) for name, spec in cls._specs})

    @classmethod
    def _empty(cls) -> Self | None:
        """The model of an answer with nothing in it (empty lists), or ``None`` if it is not a list.

        An answer is a list when it has a list field and needs nothing else.
        """
        if not any(spec.is_list for _, spec in cls._specs):
            return None
        answer: object = {}
        for _, spec in cls._specs:
            answer = spec.empty(answer)  # type: ignore[arg-type]  # a dict until a bare list is met
        try:
            return cls.from_response(answer)
        except ResponseFormatError:
            return None


class CompatModel(Model, frozen=False):
    """A class of pyjiit 0.1.0a9: a model that is mutable and also built with ``from_json``.

    Being mutable, it cannot be hashed (``hash()`` raises :class:`TypeError`),
    as in 0.1.0a9; it compares by its fields.
    """

    #: Unhashable, as a mutable dataclass is (``None`` also tells type checkers).
    __hash__: ClassVar[None] = None  # type: ignore[assignment]  # as typeshed writes list's

    @classmethod
    def from_json(cls, resp: object) -> Self:
        """Build it from the portal's JSON (0.1.0a9's name for :meth:`~pyjiit.models.Model.from_response`).

        Raises:
            ResponseFormatError: A field is missing or of the wrong type.
        """
        return cls.from_response(resp)
