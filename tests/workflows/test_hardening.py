"""The workflows' supply chain and privileges: pinned actions, least permissions, no injection."""

from __future__ import annotations

import re

from tests.workflows.model import tool_pins, uses_lines, workflow, workflows

#: The only jobs that get a write permission, and which ones.
WRITERS = {
    ("ci", "deploy-docs"): {"pages": "write", "id-token": "write"},
    ("release", "publish"): {"id-token": "write"},
    ("release", "attach"): {"contents": "write"},
}
TOOLS = {"nox", "poetry", "poetry-plugin-export", "uv"}
INSTALL_TOOLS = "python -m pip install --require-hashes -r .ci/requirements.txt"


def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it() -> None:
    for each in workflows():
        found = uses_lines(each.text)
        parsed = [step["uses"] for step in each.raw_steps() if "uses" in step]
        # The text scan sees every `uses:` the YAML holds, so none escapes this check.
        assert sorted(ref for ref, _ in found) == sorted(parsed), each.name
        for ref, comment in found:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), (
                f"{each.name}: {ref} is not a commit SHA"
            )
            assert re.fullmatch(r"v\d+(\.\d+){0,2}", comment), f"{each.name}: {ref} has no `# vX.Y.Z` comment"


def test_each_action_has_one_pin_across_the_workflows() -> None:
    pins: dict[str, set[tuple[str, str]]] = {}
    for each in workflows():
        for ref, comment in uses_lines(each.text):
            action, sha = ref.split("@")
            pins.setdefault(action, set()).add((sha, comment))
    assert {"actions/checkout", "actions/setup-python"} <= set(pins)
    split = {action: versions for action, versions in pins.items() if len(versions) > 1}
    assert not split, f"actions pinned to more than one commit: {split}"


#: The longest any job may be given: GitHub's own limit is 360 minutes.
MAX_JOB_MINUTES = 30


def test_every_job_has_a_timeout_of_minutes() -> None:
    for each in workflows():
        for job_id, job in each.jobs.items():
            minutes = job.get("timeout-minutes")
            assert isinstance(minutes, int), f"{each.name}/{job_id} runs up to GitHub's six hours"
            assert 0 < minutes <= MAX_JOB_MINUTES, f"{each.name}/{job_id}: {minutes} minutes"


def test_no_permission_by_default_and_each_job_asks_for_its_own() -> None:
    for each in workflows():
        assert each.data["permissions"] == {}, each.name
        for job_id, job in each.jobs.items():
            assert "permissions" in job, f"{each.name}/{job_id} inherits instead of asking"


def test_write_permissions_only_where_they_are_needed() -> None:
    for each in workflows():
        for job_id, job in each.jobs.items():
            granted = job["permissions"]
            writes = {scope: level for scope, level in granted.items() if level == "write"}
            assert writes == WRITERS.get((each.name, job_id), {}), f"{each.name}/{job_id}"
            if (each.name, job_id) in WRITERS:
                # Nothing besides what the job exists for, not even `contents: read`.
                assert granted == WRITERS[each.name, job_id], f"{each.name}/{job_id}"
            else:
                assert set(granted) <= {"contents"}, f"{each.name}/{job_id}"


def test_privileged_jobs_run_in_their_environments() -> None:
    ci, release = workflow("ci"), workflow("release")
    assert ci.jobs["deploy-docs"]["environment"]["name"] == "github-pages"
    assert release.jobs["publish"]["environment"] == "pypi"
    for each in workflows():
        for job_id, job in each.jobs.items():
            if (each.name, job_id) not in {("ci", "deploy-docs"), ("release", "publish")}:
                assert "environment" not in job, f"{each.name}/{job_id}"


def test_checkouts_do_not_keep_the_token() -> None:
    checkouts = [
        step
        for each in workflows()
        for step in each.raw_steps()
        if "actions/checkout@" in step.get("uses", "")
    ]
    assert checkouts
    for step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False


def test_run_scripts_take_values_only_through_env() -> None:
    # An expression in `run:` is pasted into the script before bash reads it;
    # through `env:` it stays data, whatever a branch name or title holds.
    for each in workflows():
        for step in each.raw_steps():
            assert "${{" not in step.get("run", ""), f"{each.name}: {step.get('name')}"


def test_no_secret_is_referenced_anywhere_but_the_token() -> None:
    for each in workflows():
        assert "secrets." not in each.text, each.name
        assert each.text.count("github.token") == (1 if each.name == "release" else 0), each.name


def test_tools_come_pinned_from_one_file() -> None:
    # Pinned at the top level in .ci/requirements.in, with hashes in .ci/requirements.txt (test_hashes).
    assert set(tool_pins()) == TOOLS
    installs = [
        step["run"] for each in workflows() for step in each.raw_steps() if "install" in step.get("run", "")
    ]
    assert installs
    assert set(installs) == {INSTALL_TOOLS}


def test_releases_build_without_caches() -> None:
    release = workflow("release")
    assert release.data["env"]["PIP_NO_CACHE_DIR"] == "1"
    assert release.data["env"]["UV_NO_CACHE"] == "1"
    for step in release.raw_steps():
        assert "actions/cache" not in step.get("uses", "")
        assert "cache" not in step.get("with", {}), step.get("uses")


def test_one_gate_job_fails_unless_every_job_succeeded() -> None:
    ci = workflow("ci")
    gate = ci.jobs["all-green"]
    assert gate["if"] == "always()"
    assert set(ci.needs("all-green")) == set(ci.jobs) - {"all-green"}
    (step,) = gate["steps"]
    assert step["uses"].startswith("re-actors/alls-green@")
    assert step["with"] == {"jobs": "${{ toJSON(needs) }}", "allowed-skips": "deploy-docs"}
