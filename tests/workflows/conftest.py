"""Fixtures shared by the workflow tests."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from importlib import metadata
from typing import Any

import pytest

from tests.workflows.model import ROOT, version_key


@pytest.fixture(scope="session")
def nox_listing() -> list[dict[str, Any]]:
    """The default sessions, as ``nox --list --json`` describes them.

    nox is one of the pipeline's tools (``.ci/requirements.txt``), on PATH
    wherever the tests run through nox; without it this fails, it does not skip.
    """
    nox = shutil.which("nox")
    if nox is None:
        pytest.fail(
            "nox is not on PATH: install the pipeline's tools with `pip install -r .ci/requirements.txt`"
        )
    command = [nox, "--list", "--json"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False, timeout=120)
    if result.returncode != 0:
        pytest.fail(f"`nox --list --json` failed ({result.returncode}):\n{result.stderr}")
    listing = json.loads(result.stdout)
    assert isinstance(listing, list)
    assert listing, "nox lists no sessions"
    return listing


@pytest.fixture(scope="session")
def classifier_pythons() -> list[str]:
    """The Python versions in the installed distribution's classifiers, oldest first."""
    classifiers = metadata.metadata("pyjiit").get_all("Classifier") or []
    found = [
        m[1] for c in classifiers if (m := re.fullmatch(r"Programming Language :: Python :: (\d+\.\d+)", c))
    ]
    assert found, "no `Programming Language :: Python :: X.Y` classifiers"
    return sorted(found, key=version_key)
