"""Fixtures shared by the workflow tests."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from importlib import metadata
from typing import TYPE_CHECKING, Any

import pytest

from tests.workflows.model import ROOT, version_key

if TYPE_CHECKING:
    from collections.abc import Callable


@pytest.fixture(scope="session")
def nox_list() -> Callable[..., list[dict[str, Any]]]:
    """Run ``nox --list --json`` on this repository's noxfile, for the given sessions or the default ones.

    nox is one of the pipeline's tools (``.ci/requirements.txt``), on PATH
    wherever the tests run through nox; without it this fails, it does not
    skip.  Naming a session the noxfile does not define fails too.
    """
    nox = shutil.which("nox")
    if nox is None:
        pytest.fail(
            "nox is not on PATH: install the pipeline's tools with `pip install -r .ci/requirements.txt`"
        )

    def run(*sessions: str) -> list[dict[str, Any]]:
        command = [nox, "--list", "--json", *(["--sessions", *sessions] if sessions else [])]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False, timeout=120)
        if result.returncode != 0:
            pytest.fail(f"`nox {' '.join(command[1:])}` failed ({result.returncode}):\n{result.stderr}")
        listing = json.loads(result.stdout)
        assert isinstance(listing, list)
        assert listing, "nox lists no sessions"
        return listing

    return run


@pytest.fixture(scope="session")
def nox_listing(nox_list: Callable[..., list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The default sessions, as ``nox --list --json`` describes them."""
    return nox_list()


@pytest.fixture(scope="session")
def classifier_pythons() -> list[str]:
    """The Python versions in the installed distribution's classifiers, oldest first."""
    classifiers = metadata.metadata("pyjiit").get_all("Classifier") or []
    found = [
        m[1] for c in classifiers if (m := re.fullmatch(r"Programming Language :: Python :: (\d+\.\d+)", c))
    ]
    assert found, "no `Programming Language :: Python :: X.Y` classifiers"
    return sorted(found, key=version_key)
