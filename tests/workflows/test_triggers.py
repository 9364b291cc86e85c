"""What runs on which event: docs deploy from main only, packages publish from releases only."""

from __future__ import annotations

import shlex

import pytest

from tests.workflows.expressions import evaluate, truthy
from tests.workflows.model import event, workflow

SCENARIOS = {
    "push to main": event("push", "refs/heads/main"),
    "push to a branch": event("push", "refs/heads/feature"),
    "pull request": event("pull_request", "refs/pull/7/merge"),
    "manual run on main": event("workflow_dispatch", "refs/heads/main", publish=False),
    "manual publish on main": event("workflow_dispatch", "refs/heads/main", publish=True),
    "release": event("release", "refs/tags/v1.2.0"),
    "manual run on a tag": event("workflow_dispatch", "refs/tags/v1.2.0", publish=False),
    "manual publish on a tag": event("workflow_dispatch", "refs/tags/v1.2.0", publish=True),
    "manual publish on a non-v tag": event("workflow_dispatch", "refs/tags/nightly", publish=True),
}
PUBLISHING = {"release", "manual publish on a tag"}


def test_ci_runs_on_pull_requests_pushes_to_main_and_by_hand() -> None:
    assert workflow("ci").triggers == {
        "pull_request": None,
        "push": {"branches": ["main"]},
        "workflow_dispatch": None,
    }


def test_release_runs_on_published_releases_and_by_hand() -> None:
    triggers = workflow("release").triggers
    assert set(triggers) == {"release", "workflow_dispatch"}
    assert triggers["release"] == {"types": ["published"]}
    publish = triggers["workflow_dispatch"]["inputs"]["publish"]
    assert publish["type"] == "boolean"
    assert publish["default"] is False


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_docs_deploy_only_on_pushes_to_main(scenario: str) -> None:
    ci, context = workflow("ci"), SCENARIOS[scenario]
    expected = scenario == "push to main"
    assert ci.runs("deploy-docs", context) is expected
    assert ci.needs("deploy-docs") == ["docs"]
    uploads = [
        s for s in ci.jobs["docs"]["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@")
    ]
    assert len(uploads) == 1
    assert truthy(evaluate(uploads[0]["if"], context)) is expected


def test_under_act_only_what_needs_github_itself_is_skipped() -> None:
    # `nox -s actions` runs everything else, the Pages artifact included.
    push = event("push", "refs/heads/main", act=True)
    ci, release = workflow("ci"), workflow("release")
    assert not ci.runs("deploy-docs", push)
    assert all(ci.runs(job_id, push) for job_id in set(ci.jobs) - {"deploy-docs"})
    gated = [
        (each.name, step.get("name"))
        for each in (ci, release)
        for step in each.raw_steps()
        if "github.event.act" in str(step.get("if", ""))
    ]
    assert gated == [
        ("release", "Take the release notes from CHANGELOG.md"),
        ("release", "Keep the release notes"),
        ("release", "Sign them with this workflow's identity"),
        ("release", "Fetch the release notes"),
        ("release", "Upload them as release assets and set the notes"),
    ]
    sign = next(step for step in release.jobs["publish"]["steps"] if "nox -s sign" in step.get("run", ""))
    for step in (sign, release.jobs["attach"]["steps"][-1]):
        assert truthy(evaluate(step["if"], event("release", "refs/tags/v1.2.0")))
        assert not truthy(evaluate(step["if"], event("release", "refs/tags/v1.2.0", act=True)))


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_ci_job_but_the_deployment_runs_on_every_event(scenario: str) -> None:
    ci = workflow("ci")
    for job_id in set(ci.jobs) - {"deploy-docs"}:
        assert ci.runs(job_id, SCENARIOS[scenario]), job_id


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_packages_publish_only_on_a_release_or_a_manual_run_on_a_v_tag(scenario: str) -> None:
    release, context = workflow("release"), SCENARIOS[scenario]
    expected = scenario in PUBLISHING
    assert release.runs("publish", context) is expected
    assert release.runs("attach", context) is expected
    assert release.runs("build", context)
    assert release.runs("dry-run", context)


def test_publishing_waits_for_the_build_and_the_dry_run() -> None:
    release = workflow("release")
    assert set(release.needs("publish")) == {"build", "dry-run"}
    assert release.needs("attach") == ["publish"]


def nox_words(job_id: str) -> list[list[str]]:
    """The words of every nox command of a release job."""
    runs = [step["run"] for step in workflow("release").jobs[job_id]["steps"] if "run" in step]
    return [shlex.split(line) for run in runs for line in run.splitlines() if line.startswith("nox ")]


def test_the_build_job_builds_once_and_the_publish_job_uploads_exactly_that() -> None:
    # The job that can mint a PyPI token builds nothing: it checks and uploads the artifact.
    assert nox_words("build") == [
        ["nox", "-s", "build"],
        ["nox", "-s", "release-notes", "--", "${GITHUB_REF_NAME#v}", ">", "release-notes.md"],
    ]
    # It signs the files it was given (PEP 740), then uploads them with their attestations.
    assert nox_words("publish") == [
        ["nox", "-s", "sign", "--", "release-dist"],
        ["nox", "-s", "publish", "--", "--dist", "release-dist"],
    ]
    # The dry run checks the same files without uploading, and proves the build reproducible.
    assert nox_words("dry-run") == [
        ["nox", "-s", "publish", "--", "--dist", "release-dist", "--dry-run"],
        ["nox", "-s", "build"],
    ]
    release = workflow("release")
    for job_id in ("dry-run", "publish", "attach"):
        downloads = [
            s["with"] for s in release.jobs[job_id]["steps"] if "download-artifact@" in s.get("uses", "")
        ]
        notes = [{"name": "release-notes"}] if job_id == "attach" else []
        assert downloads == [{"name": "dist", "path": "release-dist"}, *notes], job_id


@pytest.mark.parametrize(
    ("scenario", "cancels"),
    [("pull request", True), ("push to a branch", True), ("push to main", False)],
)
def test_ci_cancels_superseded_runs_except_on_main(scenario: str, cancels: bool) -> None:
    concurrency = workflow("ci").data["concurrency"]
    assert "github.ref" in concurrency["group"]
    assert truthy(evaluate(concurrency["cancel-in-progress"], SCENARIOS[scenario])) is cancels


def test_deployments_and_releases_are_never_cancelled_halfway() -> None:
    assert workflow("ci").jobs["deploy-docs"]["concurrency"] == {
        "group": "pages",
        "cancel-in-progress": False,
    }
    assert workflow("release").data["concurrency"]["cancel-in-progress"] is False
