"""The workflows run the noxfile's own sessions, over the Pythons of the classifiers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tests.workflows.model import (
    Step,
    Workflow,
    expand_shell,
    matrix_combinations,
    nox_sessions,
    version_key,
    workflow,
    workflows,
)

if TYPE_CHECKING:
    from collections.abc import Callable


def nox_commands() -> list[tuple[Step, list[str]]]:
    """Every nox command of every workflow, per matrix combination, with the sessions it names."""
    return [
        (step, names)
        for each in workflows()
        for step in each.steps()
        if "run" in step.data
        for names in nox_sessions(expand_shell(step.data["run"], step.env))
    ]


def default_python(nox_listing: list[dict[str, Any]]) -> str:
    """The Python of the single-interpreter sessions (the noxfile's DEFAULT_PYTHON)."""
    pythons = {entry["python"] for entry in nox_listing if entry["name"] != "tests"}
    assert len(pythons) == 1, f"the single-interpreter sessions disagree on their Python: {pythons}"
    return str(pythons.pop())


def setup_python_versions(each: Workflow, job_id: str) -> list[list[str]]:
    """The Pythons each setup-python step of a job installs, per matrix combination, in order."""
    return [
        step.inputs["python-version"].split()
        for step in each.steps()
        if step.job == job_id and step.data.get("uses", "").startswith("actions/setup-python@")
    ]


def test_every_nox_command_names_its_sessions() -> None:
    commands = nox_commands()
    assert commands, "no workflow runs nox"
    unnamed = [step.label for step, names in commands if not names]
    assert not unnamed, f"nox without -s runs whatever the default list is: {unnamed}"


def test_every_session_the_workflows_run_exists(nox_list: Callable[..., list[dict[str, Any]]]) -> None:
    named = sorted({name for _, names in nox_commands() for name in names})
    assert set(named) >= {"lint", "typing", "workflows", "docs", "build", "coverage", "publish"}
    # nox itself refuses a session it does not know ("Sessions not found: ...").
    listing = nox_list(*named)
    assert {entry["session"] for entry in listing} | {entry["name"] for entry in listing} >= set(named)


def test_each_test_job_runs_the_session_of_its_matrix_python() -> None:
    commands = [(step, names) for step, names in nox_commands() if step.job == "tests"]
    assert len(commands) == len(matrix_combinations(workflow("ci").jobs["tests"]))
    for step, names in commands:
        assert names == [f"tests-{step.matrix['python']}"], step.matrix


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


def test_test_jobs_install_their_python_and_nox_runs_on_the_default(
    nox_listing: list[dict[str, Any]],
) -> None:
    ci = workflow("ci")
    installs = setup_python_versions(ci, "tests")
    pythons = [c["python"] for c in matrix_combinations(ci.jobs["tests"])]
    assert len(installs) == len(pythons)
    for versions, python in zip(installs, pythons, strict=True):
        # setup-python makes the last one `python`, which installs and runs nox.
        assert versions == [python, default_python(nox_listing)]


def test_other_jobs_set_up_the_default_python(nox_listing: list[dict[str, Any]]) -> None:
    for each in workflows():
        for job_id in each.jobs:
            if job_id != "tests":
                for versions in setup_python_versions(each, job_id):
                    assert versions == [default_python(nox_listing)], f"{each.name}/{job_id}"


def test_run_steps_use_bash_everywhere() -> None:
    # `$MATRIX_PYTHON` (and this module's expand_shell) mean what they mean in bash
    # only if Windows runs bash too, rather than its default PowerShell.
    for each in workflows():
        assert each.data.get("defaults", {}).get("run", {}).get("shell") == "bash", each.name
        for step in each.steps():
            assert step.data.get("shell", "bash") == "bash", step.label
