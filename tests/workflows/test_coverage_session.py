"""``nox -s coverage`` combines the test runs' data files without using them up: it can run again.

The session's function runs here, on data files written for the test, with
the coverage the test sessions install.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest
from coverage import CoverageData

import noxfile
from tests.workflows.noxfile_session import FakeSession

if TYPE_CHECKING:
    from pathlib import Path


def test_coverage_runs_twice_and_keeps_every_data_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "module.py"
    source.write_text("a = 1\nb = 2\n", encoding="utf-8")
    for python, line in (("3.11", 1), ("3.12", 2)):
        data = CoverageData(basename=str(tmp_path / f".coverage.{python}-linux"))
        data.add_lines({str(source): [line]})
        data.write()
    # The coverage session runs outside any measured test run: not in this one's data file.
    for name in [name for name in os.environ if name.startswith(("COVERAGE_", "COV_CORE_"))]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # where nox runs a session: beside the noxfile
    monkeypatch.setattr(noxfile, "ROOT", tmp_path)
    monkeypatch.setattr(noxfile, "install", lambda *args, **kwargs: None)
    session = FakeSession(name="coverage").as_session()
    noxfile.coverage(session)
    noxfile.coverage(session)  # it stopped here with "no coverage data" once the report had deleted them
    assert sorted(path.name for path in tmp_path.glob(".coverage.*")) == [
        ".coverage.3.11-linux",
        ".coverage.3.12-linux",
    ]
    combined = CoverageData(basename=str(tmp_path / ".coverage"))
    combined.read()
    assert combined.lines(str(source)) == [1, 2]
