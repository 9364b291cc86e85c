"""Sphinx configuration for pyjiit's documentation."""

from __future__ import annotations

import enum
import sys
from importlib.metadata import version as package_version
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# Local extensions: the check that every public name is in the API reference.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "pyjiit"
author = "the pyjiit developers"
copyright = f"2024-2026, {author}"
release = package_version("pyjiit")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "public_api_check",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]

html_theme = "furo"
html_title = f"pyjiit {release}"

autodoc_typehints = "description"
autodoc_member_order = "bysource"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
myst_heading_anchors = 3

# The build is offline (no intersphinx), so names from the standard library and
# from dependencies cannot be linked; everything of pyjiit's own must be.
_STDLIB = "|".join(sorted(sys.stdlib_module_names))
nitpick_ignore_regex = [
    ("py:.*", rf"({_STDLIB}|dt)(\..*)?"),
    ("py:.*", r"(requests|urllib3|Crypto|trustme|typing_extensions)(\..*)?"),
    # Standard names as annotations spell them after a `from ... import`.
    ("py:class", r"CbcMode|Path|Any|Self|Decimal|Enum"),
    # Private modules are not documented: the models' `raw` fields are a
    # pyjiit._parse.JSONObject (dict[str, Any]).
    ("py:.*", r"pyjiit(\.\w+)*\._\w+(\..*)?"),
]

# Public names known to lack documentation, each reported to its module's
# authors; the build fails on any other gap, and on an entry fixed since.
public_api_known_gaps: frozenset[str] = frozenset()


def keep_attribute_docs_as_prose(
    _app: Sphinx, what: str, _name: str, _obj: object, _options: object, lines: list[str]
) -> None:
    """Stop napoleon from reading a data or property docstring's first line as ``type: text``.

    pyjiit's types come from annotations, and its one-line docs often contain a
    colon ("Statuses meaning "down for a moment": ..."), which napoleon would
    turn into a bogus type.  Napoleon skips blank lines before it looks, so the
    text is put behind an empty reST comment (``..``), which renders as nothing.
    """
    if what in {"attribute", "data", "property"} and any(lines):
        lines[:0] = ["..", ""]


def show_enum_members(
    _app: Sphinx,
    _what: str,
    _name: str,
    obj: object,
    _skip: bool,  # noqa: FBT001 (Sphinx passes it positionally)
    _options: object,
) -> bool | None:
    """Show every member of an enum, docstring or not: its name and value are its documentation."""
    return False if isinstance(obj, enum.Enum) else None


def setup(app: Sphinx) -> None:
    """Register this project's docstring handling (before napoleon's, which has priority 500)."""
    app.connect("autodoc-process-docstring", keep_attribute_docs_as_prose, priority=400)
    app.connect("autodoc-skip-member", show_enum_members)
