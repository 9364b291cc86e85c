"""Run the GitHub workflows for one event under act, on this machine, the way GitHub would run them.

``nox -s actions -- EVENT [act options]`` runs this module.  It

- writes the event's payload (for ``release``, a release of the current
  version's tag), with ``"act": true`` so that the steps needing GitHub itself
  (``github.event.act``) skip themselves, visibly;
- runs act in host mode (``-P ubuntu-latest=-self-hosted``): only the Linux
  matrix entries whose Python is installed run, and the others are listed;
- gives actions/setup-python a tool cache made of virtual environments of the
  installed CPythons, never the interpreters themselves;
- takes the pinned actions from ``$ACT_OFFLINE_ACTIONS/OWNER/REPO/SHA`` when
  that variable is set (act fetches them from GitHub otherwise);
- serves act's artifact server on 127.0.0.1 behind :mod:`tests.pipeline.artifact_bridge`;
- for ``release`` (and ``workflow_dispatch``), serves a package index on
  127.0.0.1 and hands its URL and upload credentials to the jobs through the
  environment act passes on; after a release it checks that the index serves
  the build job's files, byte for byte;
- prints act's log, then a table of every job's result and time, and exits
  non-zero when a job failed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.request import urlopen

import yaml

from tests.pipeline.artifact_bridge import artifact_bridge
from tests.pipeline.index import serve_index
from tests.pipeline.outer import outer_env
from tests.workflows.model import WORKFLOWS, Workflow, matrix_combinations
from tests.workflows.model import workflows as all_workflows

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from tests.pipeline.index import PackageIndex

ROOT = Path(__file__).resolve().parents[2]
#: Everything a run keeps between runs (the tool cache) or leaves for a look afterwards.
STATE = ROOT / ".nox" / "_act"
EVENTS = ("pull_request", "push", "release", "workflow_dispatch")
#: The one platform host mode runs: this machine.
HOST_PLATFORM = "ubuntu-latest"
#: How the steps that need GitHub itself recognise a run under act.
GITHUB_ONLY = "github.event.act"
#: How many pytest-xdist workers ``-n auto`` starts (tests/conftest.py honours it).
XDIST_WORKERS = "PYTEST_XDIST_AUTO_NUM_WORKERS"
#: ``owner/repo@<40 hex>`` (with an optional path inside the repository).
PINNED = re.compile(r"^(?P<repo>[\w.-]+/[\w.-]+)(?:/[^@]*)?@(?P<sha>[0-9a-f]{40})$")


class HarnessError(Exception):
    """The workflows cannot be run here as asked; the message says why."""


# -- the workflows ------------------------------------------------------------------------------------------


def load_workflows(event: str) -> list[Workflow]:
    """The workflows that ``event`` starts."""
    found = [each for each in all_workflows() if event in each.triggers]
    if not found:
        raise HarnessError(f"no workflow in .github/workflows runs on {event}")
    return found


def pinned_actions(steps_holders: Iterable[Mapping[str, Any]]) -> Iterator[tuple[str, str]]:
    """``(owner/repo, sha)`` of every pinned action the steps use."""
    for holder in steps_holders:
        for step in holder.get("steps") or []:
            match = PINNED.match(str(step.get("uses", "")))
            if match:
                yield match["repo"], match["sha"]


def github_only(workflows: Iterable[Workflow]) -> list[str]:
    """The jobs and steps that skip themselves under act, as ``workflow / job [/ step]``."""
    skipped = []
    for workflow in workflows:
        for job_id, job in workflow.jobs.items():
            job_name = str(job.get("name", job_id))
            if GITHUB_ONLY in str(job.get("if", "")):
                skipped.append(f"{workflow.title} / {job_name}")
                continue
            skipped.extend(
                f"{workflow.title} / {job_name} / {step.get('name') or step.get('uses')}"
                for step in job.get("steps") or []
                if GITHUB_ONLY in str(step.get("if", ""))
            )
    return skipped


def runnable_jobs(workflows: Iterable[Workflow]) -> dict[str, Mapping[str, Any]]:
    """The jobs act will be asked to run (not skipped as GitHub-only), by ``workflow / job`` name."""
    return {
        f"{workflow.title} / {job.get('name', job_id)}": job
        for workflow in workflows
        for job_id, job in workflow.jobs.items()
        if GITHUB_ONLY not in str(job.get("if", ""))
    }


# -- this machine -------------------------------------------------------------------------------------------


def installed_python(version: str) -> Path | None:
    """The interpreter for ``3.X`` on PATH, if there is one."""
    found = shutil.which(f"python{version}")
    return Path(found) if found else None


def wanted_pythons(workflows: Iterable[Workflow]) -> set[str]:
    """Every ``3.X`` a job asks setup-python for, the matrix's included."""
    versions: set[str] = set()
    for workflow in workflows:
        for job in workflow.jobs.values():
            matrix_pythons = {entry["python"] for entry in matrix_combinations(job) if "python" in entry}
            for step in job.get("steps") or []:
                asked = str((step.get("with") or {}).get("python-version", ""))
                for line in asked.split():
                    versions |= matrix_pythons if "matrix.python" in line else {line}
    return {version for version in versions if re.fullmatch(r"3\.\d+", version)}


def matrix_plan(workflows: Iterable[Workflow], installed: set[str]) -> tuple[list[str], list[str]]:
    """act's ``--matrix`` options for the entries that can run here, and the others, each with why not."""
    options = ["--matrix", f"os:{HOST_PLATFORM}"]
    options += [option for python in sorted(installed) for option in ("--matrix", f"python:{python}")]
    skipped = []
    for name, job in runnable_jobs(workflows).items():
        for entry in matrix_combinations(job):
            label = f"{name.split(' (')[0]} ({', '.join(map(str, entry.values()))})"
            python = entry.get("python")
            if entry.get("os", HOST_PLATFORM) != HOST_PLATFORM:
                skipped.append(f"{label}: host mode runs {HOST_PLATFORM} only")
            elif python is not None and python not in installed:
                skipped.append(f"{label}: Python {python} is not installed here")
    return options, skipped


def job_environment() -> dict[str, str]:
    """The environment act hands the jobs: the outer one, with one xdist worker per test job.

    On GitHub each job has a machine of its own, and ``-n auto`` fills its
    CPUs.  Here every job shares this machine's: the test jobs already run side
    by side, so each gets one worker (unless the caller chose), or the tests
    that wait for a deadline would starve.
    """
    env = outer_env()
    env.setdefault(XDIST_WORKERS, "1")
    return env


def build_tool_cache(cache: Path, versions: Iterable[str]) -> None:
    """Lay out ``cache/Python/<full version>/x64`` as virtual environments of the installed CPythons.

    actions/setup-python finds them there as GitHub's images hold them.  They
    are virtual environments, so the workflows' ``pip install`` steps never
    write into the machine's own interpreters; the pipeline's tools are
    installed in them beforehand, so that jobs running side by side find
    them there rather than installing them into one environment at once.
    """
    requirements = ROOT / ".ci" / "requirements.txt"
    stamp = hashlib.sha256(requirements.read_bytes()).hexdigest()
    for version in sorted(versions):
        interpreter = installed_python(version)
        if interpreter is None:
            continue
        full = subprocess.run(
            [str(interpreter), "-c", "import platform; print(platform.python_version())"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip
        home = cache / "Python" / full / "x64"
        complete = home.with_name("x64.complete")
        if complete.exists() and complete.read_text(encoding="utf-8") == stamp:
            continue
        shutil.rmtree(home, ignore_errors=True)
        subprocess.run([str(interpreter), "-m", "venv", str(home)], check=True)
        # --require-hashes, as in the workflows: every file must match its sha256 in the requirements.
        install = ["-m", "pip", "install", "--quiet", "--require-hashes", "-r", str(requirements)]
        env = outer_env(PIP_DISABLE_PIP_VERSION_CHECK="1")
        subprocess.run([str(home / "bin" / "python"), *install], check=True, env=env)
        complete.write_text(stamp, encoding="utf-8")


def offline_actions(workflows: Iterable[Workflow], folder: Path) -> list[str]:
    """act's ``--local-repository`` options for every pinned action, from ``folder/OWNER/REPO/SHA``.

    Actions used only by jobs or steps that skip themselves under act need no
    copy; composite actions' own pins are followed.

    Raises:
        HarnessError: an action has no offline copy.
    """
    steps_that_run = [
        {"steps": [step for step in job.get("steps") or [] if GITHUB_ONLY not in str(step.get("if"))]}
        for job in runnable_jobs(workflows).values()
    ]
    options, seen = [], set()
    pending = list(pinned_actions(steps_that_run))
    while pending:
        repo, sha = pending.pop(0)  # in the order the workflows use them
        if (repo, sha) in seen:
            continue
        seen.add((repo, sha))
        copy = folder / repo / sha
        if not (copy / "action.yml").is_file() and not (copy / "action.yaml").is_file():
            raise HarnessError(
                f"{repo}@{sha} has no offline copy: expected it in {copy} (ACT_OFFLINE_ACTIONS is {folder})"
            )
        options += ["--local-repository", f"{repo}@{sha}={copy}"]
        for name in ("action.yml", "action.yaml"):
            if (copy / name).is_file():
                action = yaml.safe_load((copy / name).read_text(encoding="utf-8")) or {}
                pending += pinned_actions([action.get("runs") or {}])
    return options


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


# -- the event ----------------------------------------------------------------------------------------------


def project_version() -> str:
    """The version in pyproject.toml."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(r'^version = "([^"]+)"$', text, re.MULTILINE)
    if not match:
        raise HarnessError("pyproject.toml has no version")
    return match.group(1)


def event_payload(event: str, version: str) -> dict[str, Any]:
    """The webhook payload GitHub would send for ``event``, marked as act's."""
    repository = {"default_branch": "main", "name": "pyjiit", "full_name": "codelif/pyjiit"}
    payloads: dict[str, dict[str, Any]] = {
        "pull_request": {
            "action": "synchronize",
            "number": 1,
            "pull_request": {"number": 1, "head": {"ref": "contribution"}, "base": {"ref": "main"}},
        },
        "push": {"ref": "refs/heads/main"},
        "release": {
            "action": "published",
            "release": {"tag_name": f"v{version}", "name": f"pyjiit {version}", "draft": False},
        },
        "workflow_dispatch": {"ref": "refs/heads/main", "inputs": {"publish": False}},
    }
    return {**payloads[event], "repository": repository, "act": True}


# -- running act --------------------------------------------------------------------------------------------


@dataclass
class JobRun:
    """What act reported of one job."""

    name: str
    result: str = "running"
    started: float = field(default_factory=time.monotonic)
    ended: float | None = None

    @property
    def seconds(self) -> float:
        """How long it ran (until now, if it has not ended)."""
        return (self.ended or time.monotonic()) - self.started


def run_act(arguments: list[str], env: Mapping[str, str]) -> tuple[int, dict[str, JobRun]]:
    """Run act with ``--json``, print its log readably, and return its exit code and the jobs' results."""
    jobs: dict[str, JobRun] = {}
    command = [shutil.which("act") or "act", *arguments, "--json"]
    with subprocess.Popen(
        command, env=dict(env), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as act:
        assert act.stdout is not None
        for line in act.stdout:
            try:
                record = json.loads(line)
            except ValueError:
                print(line, end="", flush=True)  # act's own words, not a log record
                continue
            job = str(record.get("job", "")).strip()  # act pads the names to one width
            message = str(record.get("msg", "")).rstrip("\n")
            print(f"[{job}] {message}" if job else message, flush=True)
            if not job:
                continue
            run = jobs.setdefault(job, JobRun(job))
            if "jobResult" in record:
                run.result, run.ended = str(record["jobResult"]), time.monotonic()
    return act.returncode, jobs


def print_table(jobs: Mapping[str, JobRun], skipped: Iterable[str]) -> None:
    """The summary: each job's result and time, then what did not run here and why."""
    rows = [("workflow", "job", "result", "time")]
    for name, run in jobs.items():
        workflow, _, job = name.partition("/")
        rows.append((workflow, job, run.result, f"{run.seconds:.0f} s"))
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    print()
    for index, row in enumerate(rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        if index == 0:
            print("  ".join("-" * width for width in widths))
    skipped = list(skipped)
    if skipped:
        print("\nNot run here:")
        for line in skipped:
            print(f"  - {line}")


def check_release(index: PackageIndex, artifacts: Path) -> list[str]:
    """Compare the index's files with the build job's ``dist`` artifact; return what differs."""
    archives = sorted(artifacts.glob("*/dist/dist.zip"))
    if len(archives) != 1:
        return [f"expected one `dist` artifact from the build job, found {len(archives)}"]
    problems = []
    with zipfile.ZipFile(archives[0]) as archive:
        built = {
            Path(name).name: hashlib.sha256(archive.read(name)).hexdigest() for name in archive.namelist()
        }
    if sorted(built) != sorted(index.files()):
        problems.append(f"the index holds {index.files()}, the build job made {sorted(built)}")
    for name, digest in built.items():
        with urlopen(f"{index.url}packages/{name}", timeout=30) as answer:  # noqa: S310 (our own index)
            served = hashlib.sha256(answer.read()).hexdigest()
        verdict = "matches" if served == digest else f"differs: the index serves {served}"
        print(f"{name}: sha256 {digest} {verdict}")
        if served != digest:
            problems.append(f"{name} on the index is not the build job's file")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Run the workflows for one event; return the exit code."""
    parser = argparse.ArgumentParser(prog="nox -s actions --", description=__doc__.split("\n", 1)[0])
    parser.add_argument("event", choices=EVENTS)
    options, act_options = parser.parse_known_args(argv)
    event: str = options.event

    workflows = load_workflows(event)
    version = project_version()
    skipped = [f"{line}: needs GitHub itself" for line in github_only(workflows)]
    pythons = wanted_pythons(workflows)
    installed = {python for python in pythons if installed_python(python)}
    matrix_options, unrunnable = matrix_plan(workflows, installed)
    skipped += unrunnable

    run_dir = STATE / event
    shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir(parents=True)
    cache = STATE / "cache"
    build_tool_cache(cache / "tool_cache", pythons)
    payload = run_dir / "event.json"
    payload.write_text(json.dumps(event_payload(event, version), indent=2), encoding="utf-8")

    offline = os.environ.get("ACT_OFFLINE_ACTIONS")
    action_options = ["--action-offline-mode", *offline_actions(workflows, Path(offline))] if offline else []
    artifacts, act_port = run_dir / "artifacts", free_port()
    env = job_environment()
    with ExitStack() as stack:
        env["ACTIONS_RUNTIME_URL"] = stack.enter_context(artifact_bridge(act_port))
        index = None
        if event in {"release", "workflow_dispatch"}:
            # Every upload goes to this index, never to PyPI; its credentials
            # reach the jobs in the environment act hands them.
            index_root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="act-index-")))
            index = stack.enter_context(serve_index(index_root))
            env |= {
                "TWINE_REPOSITORY_URL": index.url,
                "TWINE_USERNAME": index.username,
                "TWINE_PASSWORD": index.password,
            }
            skipped.append(f"PyPI's trusted-publishing exchange: uploads go to a local index ({index.url})")
        arguments = [
            event, "--eventpath", str(payload), "--workflows", str(WORKFLOWS),
            "--platform", f"{HOST_PLATFORM}=-self-hosted",
            "--action-cache-path", str(cache),
            "--artifact-server-path", str(artifacts),
            "--artifact-server-addr", "127.0.0.1", "--artifact-server-port", str(act_port),
            "--no-cache-server",
            *matrix_options, *action_options, *act_options,
        ]  # fmt: skip
        returncode, jobs = run_act(arguments, env)
        problems = [f"{name}: {run.result}" for name, run in jobs.items() if run.result != "success"]
        if not jobs:
            problems.append("act ran no job")
        if returncode and not problems:
            problems.append(f"act exited with {returncode}")
        print_table(jobs, skipped)
        if index is not None and event == "release" and not problems:
            problems += check_release(index, artifacts)
    if problems:
        print("\nFAILED:\n" + "\n".join(f"  - {problem}" for problem in problems), file=sys.stderr)
        return 1
    print(f"\nAll {len(jobs)} jobs of {event} succeeded.")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except HarnessError as error:
        sys.exit(f"nox -s actions: {error}")
