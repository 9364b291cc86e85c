"""A Sphinx extension that fails the build when a public name of pyjiit is not in the reference.

After the build has read every page, it walks pyjiit's public modules (every
module whose dotted path has no ``_``-prefixed part), takes each module's
public names (its ``__all__``) and the public members of its classes, and
warns about every one that the API reference does not describe.  The docs
session builds with ``-W``, so one such name fails the build.

autodoc only describes members that have a docstring (no ``:undoc-members:``
anywhere), so a name missing from the reference is either left out of the
reference pages or lacks a docstring; the warning says which.
"""

from __future__ import annotations

import ast
import dataclasses
import enum
import functools
import importlib
import inspect
import pkgutil
import sys
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from sphinx import addnodes
from sphinx.pycode import ModuleAnalyzer
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import ModuleType

    from docutils.nodes import Element
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

PACKAGE = "pyjiit"


@functools.cache
def import_public_modules(package: str = PACKAGE) -> tuple[list[ModuleType], list[str]]:
    """Import the package and each of its public submodules.

    Returns:
        The modules, and a line for each public module that failed to import
        (a missing optional dependency of the docs environment, say).
    """
    root = importlib.import_module(package)
    modules, failures = [root], []
    # A package that fails to import is reported by the import below; skip it here.
    for info in pkgutil.walk_packages(root.__path__, prefix=f"{package}.", onerror=lambda _name: None):
        if any(part.startswith("_") for part in info.name.split(".")):
            continue
        try:
            modules.append(importlib.import_module(info.name))
        except ImportError as error:
            failures.append(f"{info.name}: cannot be imported to check it ({error})")
    return modules, failures


def public_modules() -> list[ModuleType]:
    """The package and each of its public submodules that imports."""
    return import_public_modules()[0]


def public_names(module: ModuleType) -> list[str]:
    """A module's public names: its ``__all__``, or what it defines without a leading ``_``."""
    declared = getattr(module, "__all__", None)
    if declared is not None:
        return list(declared)
    return [
        name
        for name, value in vars(module).items()
        if not name.startswith("_") and getattr(value, "__module__", None) == module.__name__
    ]


@functools.cache
def public_bindings() -> list[tuple[ModuleType, str, Any]]:
    """Every ``(module, name, value)`` a public module of pyjiit exports."""
    return [
        (module, name, getattr(module, name))
        for module in public_modules()
        for name in public_names(module)
        if hasattr(module, name)
    ]


def class_members(cls: type) -> Iterator[str]:
    """The public members a class defines itself (inherited ones are documented where defined)."""
    fields = {field.name for field in dataclasses.fields(cls)} if dataclasses.is_dataclass(cls) else set()
    for name, value in vars(cls).items():
        if name.startswith("_") or name in fields:
            continue  # dataclass fields are documented in the class's "Attributes:" section
        if isinstance(value, (staticmethod, classmethod, property, enum.Enum)) or inspect.isfunction(value):
            yield name
        elif (cls.__qualname__, name) in ModuleAnalyzer.for_module(cls.__module__).find_attr_docs():
            yield name  # a class attribute with a "#:" comment


def member_documented(cls: type, name: str) -> bool:
    """Whether a class member has a docstring (or, for an attribute, a ``#:`` comment)."""
    value = vars(cls)[name]
    if isinstance(value, (staticmethod, classmethod)):
        value = value.__func__
    if isinstance(value, property) or inspect.isfunction(value):
        return bool((value.__doc__ or "").strip())
    return (cls.__qualname__, name) in ModuleAnalyzer.for_module(cls.__module__).find_attr_docs()


def has_docstring(module: ModuleType, name: str, value: Any) -> bool:  # noqa: ANN401
    """Whether a module-level name carries its own documentation."""
    if inspect.isclass(value) or inspect.isroutine(value):
        doc = value.__doc__ or ""
        if dataclasses.is_dataclass(value) and doc.startswith(f"{value.__name__}("):
            return False  # the signature dataclasses writes when there is no docstring
        return bool(doc.strip())
    return ("", name) in ModuleAnalyzer.for_module(module.__name__).find_attr_docs()


def missing_names(described: set[str]) -> list[str]:
    """Return a line for every public name of pyjiit that ``described`` lacks, with the reason.

    A name re-exported elsewhere (``pyjiit.Webportal`` is ``pyjiit.wrapper.Webportal``)
    is described once: any public name bound to the same object will do.
    """
    problems = list(import_public_modules()[1])
    for module in public_modules():
        if module.__name__ not in described:
            problems.append(f"{module.__name__}: the module is not in the API reference (automodule)")
        problems.extend(
            f"{module.__name__}.{name}: listed in __all__ but not defined"
            for name in public_names(module)
            if not hasattr(module, name)
        )
    bindings = public_bindings()
    for module, name, value in bindings:
        aliases = [f"{other.__name__}.{alias}" for other, alias, same in bindings if same is value]
        found = [alias for alias in aliases if alias in described]
        if not found:
            reason = "not in any page" if has_docstring(module, name, value) else "it has no docstring"
            problems.append(f"{module.__name__}.{name}: missing from the API reference ({reason})")
            continue
        if inspect.isclass(value) and value.__module__.startswith(PACKAGE):
            for member in class_members(value):
                if not any(f"{alias}.{member}" in described for alias in found):
                    reason = "not in any page" if member_documented(value, member) else "it has no docstring"
                    problems.append(f"{found[0]}.{member}: missing from the API reference ({reason})")
    return sorted(set(problems))


def referenced_object(target: str, module_name: str | None) -> tuple[Any, str] | None:
    """Find what a reference names, as Python would: ``(object, rest of the dotted name)``.

    The first part of ``target`` is looked up in the referring module, else
    ``target`` is read as a full dotted path from an importable module.
    """
    head, _, rest = target.partition(".")
    module = sys.modules.get(module_name) if module_name else None
    if module is not None and hasattr(module, head):
        return getattr(module, head), rest
    parts = target.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        module = sys.modules.get(".".join(parts[:cut]))
        if module is not None and hasattr(module, parts[cut]):
            return getattr(module, parts[cut]), ".".join(parts[cut + 1 :])
    return None


def unique_public_object(target: str) -> tuple[Any, str] | None:
    """Find the one public object whose name is the first part of ``target``, if only one has it.

    For docstrings that name a class of another module without its module
    (``FakePortal.inject`` in a module that does not import ``FakePortal``).
    """
    head, _, rest = target.partition(".")
    objects = [value for _, name, value in public_bindings() if name == head]
    if not objects or any(value is not objects[0] for value in objects):
        return None
    return objects[0], rest


def resolve_by_object(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: Element
) -> Element | None:
    """Resolve a Python reference Sphinx could not, by finding the object it names.

    Sphinx looks names up textually; Python code names things other ways:

    - a name imported into the referring module (``WebportalSession`` in
      ``pyjiit.wrapper``, the ``Timeout`` alias in an annotation) is retried
      under every public name bound to the same object;
    - an inherited member (``Semester.from_json``) is retried on the
      class that defines it;
    - a type variable (``_L`` in ``-> _L``) has no page, so it stays plain text;
    - a class named without its module, if only one public class has that name.

    Anything else stays unresolved, and ``-n`` reports it.
    """
    if node.get("refdomain") != "py":
        return None
    found = referenced_object(node["reftarget"], node.get("py:module"))
    if found is None:
        found = unique_public_object(node["reftarget"])
    if found is None:
        return None
    value, rest = found
    if isinstance(value, (TypeVar, ParamSpec)):
        return contnode
    member, _, rest_after = rest.partition(".")
    if inspect.isclass(value) and member and not rest_after:
        # Point at the class that defines the member, which is where it is described.
        value = next((cls for cls in value.__mro__ if member in vars(cls)), value)
    python = env.get_domain("py")
    for module, name, same in public_bindings():
        if same is not value:
            continue
        alias = f"{module.__name__}.{name}" + (f".{rest}" if rest else "")
        new = node.deepcopy()
        new["reftarget"] = alias
        new["refspecific"] = False
        # An annotation naming a type alias asks for a class; the alias is data.
        for role in (node["reftype"], "obj"):
            resolved = python.resolve_xref(env, node["refdoc"], app.builder, role, alias, new, contnode)
            if resolved is not None:
                return resolved
    return None


@functools.cache
def imported_names(module_name: str) -> dict[str, str]:
    """Map each name a module imports with ``from X import Y`` (type-checking imports too) to ``X.Y``."""
    module = sys.modules.get(module_name)
    source = inspect.getsource(module) if module is not None else ""
    names: dict[str, str] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    names[alias.asname] = alias.name
    return names


class QualifyImportedNames(SphinxPostTransform):
    """Give references to imported names the module they come from, before Sphinx resolves them.

    With ``from __future__ import annotations``, autodoc shows an annotation
    as written: ``Semester``, imported (perhaps only for type checking) from
    ``pyjiit.attendance``.  Sphinx would look for any object named
    ``Semester`` and find several (the fake portal's data has one too); the
    referring module's own imports say which one is meant.
    """

    default_priority = 5  # before Sphinx's ReferencesResolver (10)

    def run(self, **_kwargs: Any) -> None:  # noqa: ANN401 (Sphinx's signature)
        """Rewrite each Python reference whose first name the referring module imports."""
        python = self.env.get_domain("py")
        described = {name for name, *_ in python.get_objects()}
        for node in self.document.findall(addnodes.pending_xref):
            module_name = node.get("py:module")
            if node.get("refdomain") != "py" or not module_name or module_name not in sys.modules:
                continue
            head, dot, rest = node["reftarget"].partition(".")
            if f"{module_name}.{head}" in described:
                continue  # re-exported and described here
            origin = imported_names(module_name).get(head)
            if origin is not None:
                node["reftarget"] = origin + dot + rest
                node["refspecific"] = False


def check(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn once for each public name the reference lacks (``env-check-consistency``).

    Names in the ``public_api_known_gaps`` setting are reported gaps waiting
    for a fix in the code; they do not warn, but an entry that is no longer a
    gap does, so the list only shrinks.
    """
    python = env.get_domain("py")
    described = {name for name, *_ in python.get_objects()}
    known: set[str] = set(app.config.public_api_known_gaps)
    seen: set[str] = set()
    for problem in missing_names(described):
        name = problem.split(":", 1)[0]
        if name in known:
            seen.add(name)
            continue
        logger.warning("public name not documented: %s", problem, type="pyjiit", subtype="reference")
    for name in sorted(known - seen):
        logger.warning(
            "%s is documented now: remove it from public_api_known_gaps in conf.py",
            name,
            type="pyjiit",
            subtype="reference",
        )


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the check and the resolver with Sphinx."""
    app.add_config_value("public_api_known_gaps", frozenset(), "env", frozenset)
    app.connect("env-check-consistency", check)
    app.connect("missing-reference", resolve_by_object)
    app.add_post_transform(QualifyImportedNames)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
