"""Sphinx configuration for pyjiit's documentation."""

from __future__ import annotations

from importlib.metadata import version as package_version

project = "pyjiit"
author = "the pyjiit developers"
copyright = f"2024-2026, {author}"
release = package_version("pyjiit")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
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
nitpick_ignore_regex = [
    ("py:.*", r"(datetime|collections\.abc|typing|pathlib|os|json|ssl|socket|threading)\..*"),
    ("py:.*", r"(requests|urllib3|Crypto|trustme)(\..*)?"),
    ("py:class", r"CbcMode|Path|Any|Self"),
]
