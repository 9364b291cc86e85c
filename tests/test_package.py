"""What the installed distribution exposes."""

from __future__ import annotations

from importlib import metadata, resources

import pyjiit


def test_version_comes_from_metadata() -> None:
    assert pyjiit.__version__ == metadata.version("pyjiit")


def test_ships_py_typed() -> None:
    assert resources.files("pyjiit").joinpath("py.typed").is_file()
