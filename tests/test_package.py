"""What the installed distribution exposes."""

from __future__ import annotations

from importlib import metadata, resources

import pyjiit
from pyjiit import exceptions, models


def test_version_comes_from_metadata() -> None:
    assert pyjiit.__version__ == metadata.version("pyjiit")


def test_ships_py_typed() -> None:
    assert resources.files("pyjiit").joinpath("py.typed").is_file()


def test_all_lists_the_client_every_exception_and_every_model_once() -> None:
    expected = ["Webportal", "WebportalSession", "__version__", *exceptions.__all__, *models.__all__]
    assert sorted(pyjiit.__all__) == sorted(expected)
    assert len(set(pyjiit.__all__)) == len(pyjiit.__all__)
    assert all(hasattr(pyjiit, name) for name in pyjiit.__all__)
