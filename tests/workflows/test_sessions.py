"""The test matrix covers the Pythons of the classifiers, and every job means the same on every OS.

That the jobs run the sessions they name, on the Pythons they set up, is
proven by running them: ``nox -s actions`` (docs/contributing.md).
"""

from __future__ import annotations

from typing import Any

from tests.workflows.model import matrix_combinations, version_key, workflow, workflows


def test_linux_tests_every_python_of_the_classifiers(classifier_pythons: list[str]) -> None:
    combinations = matrix_combinations(workflow("ci").jobs["tests"])
    linux = [c["python"] for c in combinations if c["os"].startswith("ubuntu-")]
    assert sorted(linux, key=version_key) == classifier_pythons


def test_windows_and_macos_test_the_oldest_and_newest_python(classifier_pythons: list[str]) -> None:
    combinations = matrix_combinations(workflow("ci").jobs["tests"])
    for system in ("windows-", "macos-"):
        pythons = sorted((c["python"] for c in combinations if c["os"].startswith(system)), key=version_key)
        assert pythons == [classifier_pythons[0], classifier_pythons[-1]], system
    assert {c["os"].split("-")[0] for c in combinations} == {"ubuntu", "windows", "macos"}


def test_nox_tests_the_pythons_of_the_classifiers(
    nox_listing: list[dict[str, Any]], classifier_pythons: list[str]
) -> None:
    # nox takes them from the same classifiers (nox.project.python_versions), so
    # the matrix and `nox -s tests` cannot drift apart.
    tested = [entry["python"] for entry in nox_listing if entry["name"] == "tests"]
    assert sorted(tested, key=version_key) == classifier_pythons


def test_run_steps_use_bash_everywhere() -> None:
    # `$MATRIX_PYTHON` means what it means in bash
    # only if Windows runs bash too, rather than its default PowerShell.
    for each in workflows():
        assert each.data.get("defaults", {}).get("run", {}).get("shell") == "bash", each.name
        for step in each.steps():
            assert step.data.get("shell", "bash") == "bash", step.label
