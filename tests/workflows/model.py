"""Read the repository's GitHub configuration as data the tests can ask questions of."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from tests.workflows.expressions import SUCCESS, evaluate, render, truthy, unwrap, uses_status_function

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / ".github"
WORKFLOWS = GITHUB / "workflows"
#: The pipeline's tools at the top level; .ci/requirements.txt is compiled from it.
TOOL_PINS = ROOT / ".ci" / "requirements.in"


#: PyYAML's safe loader in C (libyaml, in every PyYAML wheel), eight times as fast as the
#: Python one on these workflows, which the tests parse hundreds of times.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path) -> dict[str, Any]:
    """Parse one YAML file that must hold a mapping."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)  # noqa: S506 (a safe loader)
    assert isinstance(data, dict), f"{path.name} is not a YAML mapping"
    return data


def tool_pins() -> dict[str, str]:
    """The tools ``.ci/requirements.in`` names, each with its exact version."""
    pins = {}
    for line in TOOL_PINS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert re.fullmatch(r"\d+(\.\d+)+", version), f"{line!r} is not pinned"
            pins[name] = version
    return pins


def oldest_python() -> str:
    """The oldest Python the project supports: requires-python's lower bound."""
    found = re.search(
        r'^requires-python = ">=(\d+\.\d+)"$',
        (ROOT / "pyproject.toml").read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    assert found, "requires-python is not `>=3.X`"
    return found[1]


def version_key(version: str) -> tuple[int, ...]:
    """Order ``3.9`` before ``3.10``."""
    return tuple(int(part) for part in version.split("."))


@dataclass(frozen=True)
class Step:
    """One step of one job, for one combination of the job's matrix: its ``env`` and ``with`` rendered."""

    workflow: str
    job: str
    matrix: dict[str, Any]
    data: dict[str, Any]
    env: dict[str, str]
    inputs: dict[str, str]

    @property
    def label(self) -> str:
        """Where the step is, for assertion messages."""
        title = self.data.get("name") or self.data.get("uses") or "run"
        return f"{self.workflow}/{self.job}: {title}"


@dataclass(frozen=True)
class Workflow:
    """One workflow file, parsed."""

    path: Path
    data: dict[str, Any]

    @property
    def name(self) -> str:
        """The file's stem: ``ci`` or ``release``."""
        return self.path.stem

    @property
    def title(self) -> str:
        """The ``name:`` GitHub (and act) show: ``CI`` or ``Release``."""
        return str(self.data.get("name", self.name))

    @property
    def text(self) -> str:
        """The file as written, comments included."""
        return self.path.read_text(encoding="utf-8")

    @property
    def triggers(self) -> dict[str, Any]:
        """The ``on:`` mapping (YAML 1.1 reads the bare key ``on`` as ``True``)."""
        data: dict[Any, Any] = self.data
        triggers = data.get("on", data.get(True))
        assert isinstance(triggers, dict), f"{self.name}: `on:` is not a mapping"
        return triggers

    @property
    def jobs(self) -> dict[str, dict[str, Any]]:
        """The jobs by id."""
        jobs = self.data["jobs"]
        assert isinstance(jobs, dict)
        return jobs

    def needs(self, job_id: str) -> list[str]:
        """The jobs ``job_id`` waits for."""
        needs = self.jobs[job_id].get("needs", [])
        return [needs] if isinstance(needs, str) else list(needs)

    def runs(self, job_id: str, context: Mapping[str, Any]) -> bool:
        """Whether the job runs for the event in ``context``, given that every job that runs succeeds.

        As on GitHub, a condition without a status function means
        ``success() && (condition)``, and ``success()`` is false once a job
        it needs was skipped.
        """
        condition = str(self.jobs[job_id].get("if", "success()"))
        if not uses_status_function(condition):
            condition = f"success() && ({unwrap(condition)})"
        needed_ran = all(self.runs(need, context) for need in self.needs(job_id))
        return truthy(evaluate(condition, context, {**SUCCESS, "success": needed_ran}))

    def raw_steps(self) -> Iterator[dict[str, Any]]:
        """Every step of every job, as written."""
        for job in self.jobs.values():
            yield from job.get("steps", [])

    def steps(self) -> Iterator[Step]:
        """Every step of every job, once per matrix combination, its ``env`` and ``with`` rendered."""
        for job_id, job in self.jobs.items():
            for combination in matrix_combinations(job):
                context = {"matrix": combination}
                for step in job.get("steps", []):
                    env = {**self.data.get("env", {}), **job.get("env", {}), **step.get("env", {})}
                    inputs = step.get("with", {})
                    yield Step(
                        self.name,
                        job_id,
                        combination,
                        step,
                        _render_all(env, context),
                        _render_all(inputs, context),
                    )


def _render_all(values: Mapping[str, Any], context: Mapping[str, Any]) -> dict[str, str]:
    return {key: render(str(value), context) for key, value in values.items()}


def workflows() -> list[Workflow]:
    """Every workflow of the repository."""
    paths = sorted(WORKFLOWS.glob("*.yml"))
    assert paths, f"no workflows in {WORKFLOWS}"
    return [Workflow(path, load_yaml(path)) for path in paths]


def workflow(name: str) -> Workflow:
    """One workflow, by file stem."""
    return Workflow(WORKFLOWS / f"{name}.yml", load_yaml(WORKFLOWS / f"{name}.yml"))


def matrix_combinations(job: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The job's matrix as GitHub expands it: the product of its axes, then ``include``.

    An ``include`` entry extends every combination it does not contradict on
    the original axes, and becomes a combination of its own when it extends
    none.  (``exclude`` is not used here, so it is refused, not ignored.)
    """
    matrix = dict(job.get("strategy", {}).get("matrix", {}))
    include = matrix.pop("include", [])
    assert "exclude" not in matrix, "matrix_combinations does not handle `exclude`"
    axes = list(matrix)
    if not axes:
        return [dict(entry) for entry in include] or [{}]
    combinations = [dict(zip(axes, values, strict=True)) for values in itertools.product(*matrix.values())]
    extra = []
    for entry in include:
        matching = [c for c in combinations if all(c[a] == entry[a] for a in axes if a in entry)]
        for combination in matching:
            combination.update(entry)
        if not matching:
            extra.append(dict(entry))
    return combinations + extra


def uses_lines(text: str) -> list[tuple[str, str]]:
    """Every ``uses:`` in a workflow's text as (reference, comment after it)."""
    pattern = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)[ \t]*(?:#[ \t]*(?P<comment>.*))?$", re.MULTILINE)
    return [(match["ref"], (match["comment"] or "").strip()) for match in pattern.finditer(text)]


def event(name: str, ref: str, *, act: bool = False, **inputs: Any) -> dict[str, Any]:
    """An expression context for a run triggered by ``name`` on ``ref`` (under act, if ``act``)."""
    ref_type = "tag" if ref.startswith("refs/tags/") else "branch"
    return {
        "github": {
            "event_name": name,
            "ref": ref,
            "ref_type": ref_type,
            "ref_name": ref.rsplit("/", 1)[-1],
            # `nox -s actions` marks its payloads so; GitHub's never carry the key.
            "event": {"act": True} if act else {},
        },
        "inputs": inputs,
    }
