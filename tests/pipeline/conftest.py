"""Fixtures for the pipeline tests, and what keeps them out of the ordinary test run.

The tests run the real sessions (``nox -s publish``, ``nox -s release``) in a
clone of HEAD, so they never touch the real checkout or depend on what is
uncommitted in it, and publish to a real pypiserver on 127.0.0.1.
"""

from __future__ import annotations

import itertools
import time
from typing import TYPE_CHECKING

import pytest
from packaging.version import Version

from tests.pipeline.harness import Clone
from tests.pipeline.index import PackageIndex, serve_index

if TYPE_CHECKING:
    from collections.abc import Iterator


#: Seconds a pipeline test may take (pytest-timeout; others get pyproject's ``timeout``),
#: its module's clone and first builds included: each nested run may take 600 s (harness).
PIPELINE_TIMEOUT = 900


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave the pipeline tests out unless ``-m`` names them: they are slow and nest nox."""
    pipeline = [item for item in items if item.get_closest_marker("pipeline")]
    if "pipeline" in (config.option.markexpr or ""):
        for item in pipeline:
            item.add_marker(pytest.mark.timeout(PIPELINE_TIMEOUT))
        return
    if pipeline:
        config.hook.pytest_deselected(items=pipeline)
        items[:] = [item for item in items if not item.get_closest_marker("pipeline")]


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Clone:
    """One clone of HEAD per module, so that its nox environments are reused (``nox -R``)."""
    return Clone.of_head(tmp_path_factory.mktemp("clone") / "pyjiit")


@pytest.fixture(scope="module")
def versions(clone: Clone) -> Iterator[str]:
    """Fresh versions above the clone's: post-releases stamped with the time, on no real index."""
    base = Version(clone.version()).base_version
    stamp = int(time.time()) * 100
    return (f"{base}.post{stamp + n}" for n in itertools.count())


@pytest.fixture
def project(clone: Clone) -> Clone:
    """The module's clone, put back at the cloned HEAD for this test."""
    clone.reset()
    return clone


@pytest.fixture(scope="module")
def package_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PackageIndex]:
    """A real package index (pypiserver) in a temporary directory, uploads behind htpasswd."""
    with serve_index(tmp_path_factory.mktemp("index")) as index:
        yield index
