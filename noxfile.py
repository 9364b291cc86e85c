"""Every step of pyjiit's pipeline, as a Nox session.

Run ``nox`` for the default pipeline, ``nox -l`` to list the sessions and
``nox -s NAME`` for one of them.  GitHub Actions runs these same sessions.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
from pathlib import Path

import nox
from packaging.utils import canonicalize_name, parse_sdist_filename, parse_wheel_filename
from packaging.version import InvalidVersion, Version

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.error_on_external_run = True

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
PYTHON_VERSIONS = nox.project.python_versions(PYPROJECT)
#: The Python the single-interpreter sessions (lint, typing, docs...) use.
DEFAULT_PYTHON = "3.11"
DIST = ROOT / "dist"
DOCS_OUT = ROOT / "docs" / "_build" / "html"


def locked_constraints(session: nox.Session) -> Path:
    """Export ``poetry.lock`` once per lock content to a pip constraints file.

    The file is named after the lock's hash, so every session (and ``-R`` runs)
    reuses it until the lock changes.  Poetry only reads the lock here: it
    never installs into a session's environment.
    """
    digest = hashlib.sha256((ROOT / "poetry.lock").read_bytes()).hexdigest()[:16]
    path = ROOT / ".nox" / "_constraints" / f"poetry-lock-{digest}.txt"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        session.run(
            "poetry", "export", "--format=constraints.txt", "--all-groups", "--all-extras",
            "--without-hashes", f"--output={partial}",
            external=True, silent=True,
        )  # fmt: skip
        partial.replace(path)  # atomic, so parallel sessions never read half a file
    return path


def install(session: nox.Session, *groups: str, project: bool = True, extras: str = "") -> None:
    """Install dependency groups (and the project, editable) at their locked versions."""
    requirements = list(nox.project.dependency_groups(PYPROJECT, *groups))
    if project:
        requirements += ["-e", f".[{extras}]" if extras else "."]
    session.install("-c", str(locked_constraints(session)), *requirements)


@nox.session(python=PYTHON_VERSIONS, default=True)
def tests(session: nox.Session) -> None:
    """Run the test suite under coverage (arguments go to pytest)."""
    install(session, "test", extras="testing")
    session.run(
        "coverage", "run", "-m", "pytest", *session.posargs,
        # One data file per Python and OS, for `nox -s coverage` to combine.
        env={"COVERAGE_FILE": str(ROOT / f".coverage.{session.python}-{sys.platform}")},
    )  # fmt: skip


@nox.session(python=DEFAULT_PYTHON, default=True)
def coverage(session: nox.Session) -> None:
    """Combine the tests' coverage data, report it and enforce the threshold."""
    install(session, "test", project=False)
    data_files = sorted(str(path) for path in ROOT.glob(".coverage.*"))
    if not data_files:
        session.error("no coverage data: run `nox -s tests` first")
    session.run("coverage", "combine", "--keep", *data_files)
    session.run("coverage", "report")


@nox.session(python=DEFAULT_PYTHON, default=True)
def lint(session: nox.Session) -> None:
    """Lint and check formatting with ruff; check that poetry.lock matches pyproject.toml."""
    install(session, "lint", project=False)
    session.run("ruff", "check", *session.posargs, ".")
    session.run("ruff", "format", "--check", ".")
    session.run("poetry", "check", "--lock", "--strict", external=True)


@nox.session(python=DEFAULT_PYTHON, default=True)
def typing(session: nox.Session) -> None:
    """Type-check the package, the tests and this file with mypy --strict."""
    install(session, "typing", extras="testing")
    session.run("mypy", "--strict", *session.posargs)


@nox.session(python=DEFAULT_PYTHON, default=True)
def docs(session: nox.Session) -> None:
    """Build the documentation site into docs/_build/html, failing on any warning."""
    install(session, "docs", extras="testing")
    shutil.rmtree(DOCS_OUT, ignore_errors=True)
    session.run(
        "sphinx-build", "-W", "--keep-going", "-n", "-b", "html",
        *session.posargs, "docs", str(DOCS_OUT),
    )  # fmt: skip


def expected_version(session: nox.Session) -> str | None:
    """The version a build must have: ``--expect-version X``, or the tag being built."""
    args = list(session.posargs)
    if "--expect-version" in args:
        index = args.index("--expect-version")
        if index + 1 == len(args):
            session.error("--expect-version needs a version, e.g. --expect-version 0.2.0")
        return args[index + 1]
    if os.environ.get("GITHUB_REF_TYPE") == "tag":
        return os.environ.get("GITHUB_REF_NAME", "").removeprefix("v")
    return None


def build_distributions(session: nox.Session, expect: str | None) -> tuple[Path, Path]:
    """Build into an empty dist/, check the files, and return (sdist, wheel).

    Fails unless there is exactly one sdist and one wheel, both of this
    project, and (when ``expect`` is given) both of that version.
    """
    install(session, "release", project=False)
    shutil.rmtree(DIST, ignore_errors=True)
    session.run("poetry", "build", "--no-interaction", "--output", str(DIST), external=True)
    sdists, wheels = sorted(DIST.glob("*.tar.gz")), sorted(DIST.glob("*.whl"))
    others = sorted(set(DIST.iterdir()) - {*sdists, *wheels})
    if len(sdists) != 1 or len(wheels) != 1 or others:
        found = ", ".join(path.name for path in sorted(DIST.iterdir())) or "nothing"
        session.error(f"dist/ must hold exactly one sdist and one wheel, found: {found}")
    sdist, wheel = sdists[0], wheels[0]
    wheel_name, wheel_version, _, _ = parse_wheel_filename(wheel.name)
    sdist_name, sdist_version = parse_sdist_filename(sdist.name)
    if {wheel_name, sdist_name} != {PYPROJECT["project"]["name"]} or wheel_version != sdist_version:
        session.error(f"{sdist.name} and {wheel.name} are not one release of this project")
    if expect is not None:
        try:
            wanted = Version(expect)
        except InvalidVersion:
            session.error(f"expected version {expect!r} is not a valid version")
        if wheel_version != wanted:
            session.error(
                f"built version {wheel_version} does not match the expected version {expect}: "
                f"set it with `poetry version {expect}`, or build the right tag"
            )
    session.run("twine", "check", "--strict", str(sdist), str(wheel))
    session.run("check-wheel-contents", str(wheel))
    return sdist, wheel


@nox.session(python=DEFAULT_PYTHON, default=True)
def build(session: nox.Session) -> None:
    """Build the sdist and wheel into dist/ and check them (-- --expect-version X pins it)."""
    sdist, wheel = build_distributions(session, expected_version(session))
    session.log(f"built {sdist.name} and {wheel.name}")


@nox.session(python=DEFAULT_PYTHON, default=True)
def workflows(session: nox.Session) -> None:
    """Check the GitHub workflows statically: zizmor and the workflow JSON schema."""
    install(session, "workflows", project=False)
    workflow_files = sorted(str(path) for path in (ROOT / ".github" / "workflows").glob("*.yml"))
    if not workflow_files:
        session.error("no workflows in .github/workflows")
    # The pedantic persona reports every finding, code smells included; any fails.
    session.run("zizmor", "--offline", "--persona", "pedantic", ".github")
    session.run("check-jsonschema", "--builtin-schema", "vendor.github-workflows", *workflow_files)
    dependabot = ROOT / ".github" / "dependabot.yml"
    if dependabot.exists():
        session.run("check-jsonschema", "--builtin-schema", "vendor.dependabot", str(dependabot))


# -- bench: this pyjiit against pyjiit 0.1.0a9 -------------------------------------------------------------

#: The release the benchmark compares against.
BENCH_BASELINE = "pyjiit==0.1.0a9"
#: Locked dependencies the baseline cannot take: it requires pycryptodome<4.
BENCH_BASELINE_UNLOCKED = frozenset({"pycryptodome"})


def constraints_without(session: nox.Session, names: frozenset[str]) -> Path:
    """The locked constraints minus the packages ``names`` (written beside them, once per lock)."""
    source = locked_constraints(session)
    target = source.with_name(f"{source.stem}-without-{'-'.join(sorted(names))}.txt")
    if not target.exists():
        lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [
            line
            for line in lines
            if canonicalize_name(re.split(r"[\s=<>!~;\[]", line, maxsplit=1)[0]) not in names
        ]
        target.write_text("".join(kept), encoding="utf-8")
    return target


def side_environment(session: nox.Session, name: str, constraints: Path, *requirements: str) -> str:
    """Create (once) an environment beside the session's, install ``requirements``; return its Python.

    ``nox -R`` reuses it like the session's own.
    """
    location = Path(session.virtualenv.location).with_name(name)
    python = location / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    if session.venv_backend == "uv":
        if not python.exists():
            this_python = shutil.which("python", path=session.bin) or "python"
            session.run("uv", "venv", "--quiet", "--python", this_python, str(location), external=True)
        session.run(
            "uv", "pip", "install", "--quiet", "--python", str(python), "-c", str(constraints), *requirements,
            external=True,
        )  # fmt: skip
    else:
        if not python.exists():
            session.run("python", "-m", "venv", str(location))
        session.run(
            str(python), "-m", "pip", "install", "--quiet", "-c", str(constraints), *requirements,
            external=True,
        )  # fmt: skip
    return str(python)


@nox.session(python=DEFAULT_PYTHON, default=False)
def bench(session: nox.Session) -> None:
    """Benchmark against pyjiit 0.1.0a9 on a local fake portal (-- --rounds N --seconds S --json PATH)."""
    install(session, extras="testing")  # the driver: the fake portal and the network-free measurements
    # The clients run from environments of their own: both distributions are
    # named pyjiit, and neither should pay for the other's test tools (the
    # testing extra's cffi alone adds tens of milliseconds to an import).
    # Both get requests and urllib3 at their locked versions.
    current = side_environment(session, "bench-current", locked_constraints(session), "-e", str(ROOT))
    baseline = side_environment(
        session, "bench-baseline", constraints_without(session, BENCH_BASELINE_UNLOCKED), BENCH_BASELINE
    )
    session.run(
        "python", "-m", "benchmarks.driver", "--current-python", current, "--baseline-python", baseline,
        "--json", str(ROOT / ".nox" / "bench.json"), *session.posargs,
    )  # fmt: skip
