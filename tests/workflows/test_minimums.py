"""``nox -s minimums`` tests the oldest supported Python with the lowest versions pyproject.toml allows.

That it installs those versions is checked by the session itself, which
stops when one was lifted; here, that it runs where it should.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.workflows.model import ROOT, oldest_python, workflow


def test_the_session_runs_on_the_oldest_supported_python() -> None:
    nox = shutil.which("nox")
    if nox is None:
        pytest.fail("nox is not on PATH: install the pipeline's tools (.ci/requirements.txt)")
    command = [nox, "-s", "minimums", "--list", "--json"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    (session,) = json.loads(result.stdout)
    assert session["python"] == oldest_python()


def test_ci_runs_it_on_the_oldest_python_gated_like_every_job() -> None:
    ci = workflow("ci")
    job = ci.jobs["minimums"]
    assert "minimums" in ci.needs("all-green")
    assert "if" not in job, "it runs wherever the tests run"
    assert [step.get("run") for step in job["steps"] if "nox" in step.get("run", "")] == ["nox -s minimums"]
    (setup,) = [step for step in job["steps"] if "actions/setup-python@" in step.get("uses", "")]
    # The oldest Python for the tests, and 3.11 last, for nox itself (as `python`).
    assert setup["with"]["python-version"].split() == [oldest_python(), "3.11"]


def test_ci_run_runs_it_through_the_workflow() -> None:
    """``.ci/run`` runs ci.yml under act for a pull request, minimums job included; the tests stay last."""
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()]
    assert "for event in pull_request push release; do" in lines
    assert 'nox -s actions -- "$event"' in lines
    nox_lines = [line for line in lines if line.startswith("nox ")]
    assert nox_lines[-1] == 'nox -s tests "${nox_flags[@]}"'
