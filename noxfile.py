"""Every step of pyjiit's pipeline, as a Nox session.

Run ``nox`` for the default pipeline, ``nox -l`` to list the sessions and
``nox -s NAME`` for one of them.  GitHub Actions runs these same sessions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.error import HTTPError
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import Request, urlopen

import nox
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    canonicalize_name,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import InvalidVersion, Version

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.error_on_external_run = True
# A Python that is not installed is skipped at once, not downloaded: a download
# takes seconds, and fails with a page of errors offline.  Where CI is set (GitHub
# Actions), nox fails on a missing Python instead.  `--download-python auto`
# (or NOX_DOWNLOAD_PYTHON=auto) on the command line lets uv fetch it again.
nox.options.download_python = "never"
# The skip is said once, in the session's own line ("skipped: Python interpreter
# 3.X not found"); nox's general reminder about CI before each skip adds nothing.
logging.getLogger("nox").addFilter(
    lambda record: record.getMessage() != "Missing interpreters will error by default on CI systems."
)

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
PYTHON_VERSIONS = nox.project.python_versions(PYPROJECT)
#: The Python the single-interpreter sessions (lint, typing, docs...) use.
DEFAULT_PYTHON = "3.11"
PROJECT = PYPROJECT["project"]["name"]
DIST = ROOT / "dist"
CHANGELOG = ROOT / "CHANGELOG.md"
DOCS_OUT = ROOT / "docs" / "_build" / "html"
DOCS_DOCTREES = ROOT / "docs" / "_build" / "doctrees"
#: The repository whose release workflow publishes this project (its trusted publisher on PyPI).
SOURCE_URL: str = PYPROJECT["project"]["urls"]["Source"]
#: The workflow file, in that repository, that uploads and signs releases.
RELEASE_WORKFLOW = "release.yml"
#: How a PEP 740 attestation made by `nox -s sign` is named: beside its file, like twine expects.
ATTESTATION_SUFFIX = ".publish.attestation"


def lock_export(session: nox.Session, label: str, *options: str) -> Path:
    """Export ``poetry.lock`` with ``poetry export OPTIONS``, once per lock content; return the file.

    The file is named after the lock's hash (and ``label``), so every session
    (and ``-R`` runs) reuses it until the lock changes.  Poetry only reads the
    lock here: it never installs into a session's environment.
    """
    digest = hashlib.sha256((ROOT / "poetry.lock").read_bytes()).hexdigest()[:16]
    path = ROOT / ".nox" / "_constraints" / f"poetry-lock-{digest}{label}.txt"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        # Not session.run: `-R` skips install steps (run_install) and `--install-only` skips
        # the rest, and each needs the constraints.  Poetry only reads the lock here.
        poetry = shutil.which("poetry")
        if poetry is None:
            session.error("poetry is not on PATH: install the pipeline's tools (.ci/requirements.txt)")
        done = subprocess.run(
            [poetry, "export", *options, f"--output={partial}"], capture_output=True, text=True, check=False
        )
        if done.returncode:
            said = " ".join((done.stderr or done.stdout).split())
            session.error(
                f"`poetry export` failed ({said}): Poetry needs its export plugin, "
                "poetry-plugin-export, which .ci/requirements.txt installs with it"
            )
        partial.replace(path)  # atomic, so parallel sessions never read half a file
    return path


def locked_constraints(session: nox.Session) -> Path:
    """Every locked version, as a pip constraints file (without hashes: see install())."""
    options = ["--format=constraints.txt", "--all-groups", "--all-extras", "--without-hashes"]
    return lock_export(session, "", *options)


def locked_requirements(session: nox.Session, *groups: str) -> Path:
    """The locked versions of ``groups`` and all they need, with every file's sha256, as requirements."""
    options = ["--format=requirements.txt", f"--only={','.join(groups)}"]
    return lock_export(session, f"-{'-'.join(groups)}", *options)


#: Packages are compiled once, when installed: uv leaves that to the first import, which
#: cannot keep the bytecode where PYTHONDONTWRITEBYTECODE is set, so every process (each
#: test's subprocess, each xdist worker) would compile every module again.  pip compiles anyway.
COMPILE_BYTECODE = {"UV_COMPILE_BYTECODE": "1"}

#: Test runs keep the bytecode of pyjiit and of the tests (rewritten by pytest for its
#: asserts) between processes and runs, whatever PYTHONDONTWRITEBYTECODE says: else each
#: xdist worker and each of the command line's subprocesses compiles them again, a fifth
#: of the suite's CPU time.  It goes under .nox, never beside the sources.  Python then
#: looks for all bytecode there, so the sessions that run with it also install with it.
PYCACHE = ROOT / ".nox" / "_pycache"
KEEP_BYTECODE = {"PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(PYCACHE)}


def keep_bytecode() -> dict[str, str]:
    """:data:`KEEP_BYTECODE`, with the bytecode of earlier runs' temporary files removed.

    Tests run Python files they write in temporary folders, new ones each run:
    without this, their bytecode would pile up in the cache run after run.
    """
    prefix = sys.pycache_prefix
    sys.pycache_prefix = str(PYCACHE)  # for cache_from_source to say where, on every OS
    try:
        temporary = Path(importlib.util.cache_from_source(str(Path(tempfile.gettempdir()) / "x.py"))).parent
    finally:
        sys.pycache_prefix = prefix
    shutil.rmtree(temporary, ignore_errors=True)
    return KEEP_BYTECODE


def install(
    session: nox.Session,
    *groups: str,
    project: bool = True,
    extras: str = "",
    bytecode: Mapping[str, str] = COMPILE_BYTECODE,
) -> None:
    """Install dependency groups (and the project, editable) at their locked versions.

    Tools alone (``project=False``: lint, build, publish, which holds the PyPI
    token, ...) are installed in hash-checking mode: every file must have the
    sha256 the lock records for it.  With the project, the lock is a
    constraints file without hashes, since an editable project has no file to
    hash and pip and uv refuse hash-checking mode with one.  ``bytecode`` is
    the environment the installer compiles the packages' bytecode in.
    """
    if not project:
        if not groups:
            session.error("install() without the project needs a dependency group")
        session.install("--require-hashes", "-r", str(locked_requirements(session, *groups)), env=bytecode)
        return
    requirements = list(nox.project.dependency_groups(PYPROJECT, *groups))
    requirements += ["-e", f".[{extras}]" if extras else "."]
    session.install("-c", str(locked_constraints(session)), *requirements, env=bytecode)


def install_release_tools(session: nox.Session) -> None:
    """Install the ``release`` group (twine, ...) and check that it is there.

    ``-R`` installs nothing, so an environment made by a run that stopped
    before installing (a dirty tree, a bad argument) stays empty: say so,
    rather than "Program twine not found".
    """
    install(session, "release", project=False)
    if shutil.which("twine", path=session.bin) is None:
        session.error(
            f"the {session.name} session's environment has no twine (an earlier run stopped before "
            "installing it, and -R installs nothing): run it once without -R"
        )


def parallel_options(pytest_args: Iterable[str]) -> list[str]:
    """``-n auto --dist worksteal`` (pytest-xdist: two workers per CPU), unless the arguments choose.

    Two workers per CPU: tests/conftest.py says why.  ``worksteal`` gives each
    worker a run of consecutive tests, then moves tests from the busy to the
    idle; xdist's default deals them out in turn, so the tests of one file,
    which wait alike (the reliability suite's trickling answers), ran on every
    worker at once and left the CPUs idle together.  A later ``-n N`` or
    ``--dist`` overrides these on its own; these arguments cannot follow them:
    ``-p no:xdist`` removes the options, and a debugger needs the tests in this
    process.
    """
    if any(arg in {"--pdb", "--trace"} or arg.endswith("no:xdist") for arg in pytest_args):
        return []
    return ["-n", "auto", "--dist", "worksteal"]


@nox.session(python=PYTHON_VERSIONS, default=True)
def tests(session: nox.Session) -> None:
    """Run the test suite under coverage, on every CPU (arguments go to pytest: -n 0 runs it serially)."""
    install(session, "test", extras="testing", bytecode={**COMPILE_BYTECODE, **KEEP_BYTECODE})
    session.run(
        # pytest-cov, not `coverage run`: it measures the xdist workers and merges their data.
        # No report and no threshold here: `nox -s coverage` does both, over every run's data.
        "pytest", "--cov", "--cov-report=", "--cov-fail-under=0",
        *parallel_options(session.posargs), *session.posargs,
        # One data file per Python and OS, for `nox -s coverage` to combine.
        env={"COVERAGE_FILE": str(ROOT / f".coverage.{session.python}-{sys.platform}"), **keep_bytecode()},
    )  # fmt: skip


#: The oldest Python of the classifiers, which is requires-python's lower bound (tests/workflows checks).
OLDEST_PYTHON = min(PYTHON_VERSIONS, key=Version)
#: The extras the test suite uses.
TESTED_EXTRAS = ("testing", "cli")


def lower_bounds(session: nox.Session) -> dict[str, Version]:
    """The lowest version pyproject.toml allows for each runtime dependency and each tested extra's."""
    declared = [*PYPROJECT["project"]["dependencies"]]
    for extra in TESTED_EXTRAS:
        declared += PYPROJECT["project"]["optional-dependencies"][extra]
    bounds: dict[str, Version] = {}
    for line in declared:
        requirement = Requirement(line)
        lowest = [Version(spec.version) for spec in requirement.specifier if spec.operator in {">=", "=="}]
        if len(lowest) != 1:
            # Without one, "the lowest version" is whatever the index's oldest release is.
            session.error(f"pyproject.toml: {line!r} needs exactly one lower bound (>=)")
        bounds[canonicalize_name(requirement.name)] = lowest[0]
    return bounds


#: urllib3, which pyjiit's transport uses directly although only requests declares it, on the
#: oldest line requests allows: its 1.26 API differs (how a pooled connection is checked, which
#: error a certificate for another name raises), and systems still ship it.
OLDEST_URLLIB3 = SpecifierSet("<2")


@nox.session(python=OLDEST_PYTHON, venv_backend="uv", default=False)
def minimums(session: nox.Session) -> None:
    """Run the tests on the oldest supported Python with the lowest versions pyproject.toml allows."""
    bounds = lower_bounds(session)
    # The declared packages resolve to their lowest allowed versions (uv's
    # lowest-direct), and urllib3 to its newest 1.26 (a constraint, not a
    # requirement, which lowest-direct would take down to 1.21); the test tools
    # and everything else stay at their locked versions, so that a failure here
    # is about a lower bound.
    # --upgrade: a reused environment (-r) is resolved again, never kept at higher versions.
    constraints = constraints_without(session, frozenset({*bounds, "urllib3"}))
    oldest_urllib3 = Path(session.create_tmp()) / "oldest-urllib3.txt"
    oldest_urllib3.write_text(f"urllib3{OLDEST_URLLIB3}\n", encoding="utf-8")
    session.install(
        "--upgrade", "--resolution", "lowest-direct", "-c", str(constraints), "-c", str(oldest_urllib3),
        *nox.project.dependency_groups(PYPROJECT, "test"), "-e", f".[{','.join(TESTED_EXTRAS)}]",
        env={**COMPILE_BYTECODE, **KEEP_BYTECODE},
    )  # fmt: skip
    # A constraint or another package's requirement could lift a bound silently: check that none did.
    report = (
        "import json, sys; from importlib.metadata import version; "
        "print(json.dumps({name: version(name) for name in sys.argv[1:]}))"
    )
    installed = json.loads(session.run("python", "-c", report, *bounds, "urllib3", silent=True) or "{}")
    lifted = [
        f"{name} {installed[name]} (not {bound})"
        for name, bound in bounds.items()
        if Version(installed[name]) != bound
    ]
    if installed["urllib3"] not in OLDEST_URLLIB3:
        lifted.append(f"urllib3 {installed['urllib3']} (not {OLDEST_URLLIB3})")
    if lifted:
        session.error(f"these were not installed at their lower bounds: {', '.join(lifted)}")
    tested = [f"{name}=={bound}" for name, bound in bounds.items()] + [f"urllib3=={installed['urllib3']}"]
    session.log("testing with " + ", ".join(tested))
    session.run(
        "pytest", "-q", "-p", "no:cacheprovider", *parallel_options(session.posargs), *session.posargs,
        env=keep_bytecode(),
    )  # fmt: skip


@nox.session(python=DEFAULT_PYTHON, default=True)
def coverage(session: nox.Session) -> None:
    """Combine the tests' coverage data, report it and enforce the threshold."""
    install(session, "test", project=False)
    data_files = sorted(str(path) for path in ROOT.glob(".coverage.*"))
    if not data_files:
        session.error("no coverage data: run `nox -s tests` first")
    session.run("coverage", "combine", "--keep", *data_files)
    # Since coverage 7.14 a report combines the data files too, and deletes them
    # unless told to keep them: they must stay, to be combined again with the
    # next `tests-3.X` run's (the session is run again and again).
    session.run("coverage", "report", "--keep-combined")


@nox.session(python=DEFAULT_PYTHON, default=True)
def lint(session: nox.Session) -> None:
    """Lint and check formatting with ruff; check that poetry.lock matches pyproject.toml."""
    install(session, "lint", project=False)
    session.run("ruff", "check", *session.posargs, ".")
    session.run("ruff", "format", "--check", ".")
    session.run("poetry", "check", "--lock", "--strict", external=True)


@nox.session(python=DEFAULT_PYTHON, default=True)
def typing(session: nox.Session) -> None:
    """Type-check the package, tests, benchmarks, docs' examples and this file with mypy --strict."""
    install(session, "typing", extras="testing")
    session.run("mypy", "--strict", *session.posargs)


@nox.session(python=DEFAULT_PYTHON, default=True)
def docs(session: nox.Session) -> None:
    """Build the documentation site into docs/_build/html and run its examples; any warning fails."""
    install(session, "docs", extras="testing,cli")
    shutil.rmtree(DOCS_OUT, ignore_errors=True)
    shutil.rmtree(DOCS_DOCTREES, ignore_errors=True)
    # One doctree cache for both builders, so the pages are read once.
    common = ["-W", "--keep-going", "-n", "-d", str(DOCS_DOCTREES), *session.posargs]
    session.run("sphinx-build", "-b", "html", *common, "docs", str(DOCS_OUT))
    # The examples run against pyjiit.testing.FakePortal, so one that no longer works fails here.
    session.run("sphinx-build", "-b", "doctest", *common, "docs", str(DOCS_DOCTREES.parent / "doctest"))


def git(session: nox.Session, *args: str) -> str:
    """Run git in the project and return what it printed, less the final newline."""
    output = session.run("git", "-C", str(ROOT), *args, external=True, silent=True)
    # Only the newline: `git status --porcelain` lines begin with meaningful spaces.
    return (output or "").rstrip("\n")


def require_clean_tree(session: nox.Session, inputs: Path | None = None) -> str:
    """Stop unless the work tree is exactly HEAD (nothing changed, nothing untracked); return HEAD.

    ``inputs`` is a folder of files given to the session (``--dist``): being
    untracked there is expected, as when a workflow downloads an artifact into
    the checkout.
    """
    pathspec = ["--", "."]
    if inputs is not None and inputs.resolve().is_relative_to(ROOT):
        pathspec.append(f":(exclude){inputs.resolve().relative_to(ROOT).as_posix()}")
    changes = git(session, "status", "--porcelain", "--untracked-files=all", *pathspec).splitlines()
    if changes:
        shown = ", ".join(line[3:] for line in changes[:3]) + (", ..." if changes[3:] else "")
        session.error(
            f"the work tree has uncommitted changes ({shown}): commit or stash them, "
            "so that what is released is exactly HEAD"
        )
    return git(session, "rev-parse", "HEAD")


def session_parser(session: str, *, expect_version: bool = True) -> argparse.ArgumentParser:
    """The argument parser of a session that takes options (``--expect-version X`` unless told not to).

    For :func:`parse_arguments`, which refuses unknown arguments.
    Abbreviations are refused too (``--expect`` is not ``--expect-version``):
    an option that is taken must be the one that is checked.
    """
    parser = argparse.ArgumentParser(
        prog=f"nox -s {session} --", add_help=False, exit_on_error=False, allow_abbrev=False
    )
    if expect_version:
        parser.add_argument("--expect-version")
    return parser


def expected_version(session: nox.Session, given: str | None) -> Version | None:
    """The version a build must have: ``given`` (``--expect-version X``), or the tag being built.

    The tag is the one GitHub Actions runs on, or else a ``vX`` tag on HEAD.
    """
    if given is None:
        given = tag_version(session)
    if given is None:
        return None
    try:
        return Version(given)
    except InvalidVersion:
        session.error(f"expected version {given!r} is not a version (PEP 440), e.g. 0.2.0")


#: How a release's tag starts: ``v`` and a digit (``v0.2.0``).  CI also runs on other tags.
RELEASE_TAG = re.compile(r"v[0-9]")


def actions_tag() -> str | None:
    """The tag GitHub Actions runs on, if it runs on one."""
    return os.environ.get("GITHUB_REF_NAME", "") if os.environ.get("GITHUB_REF_TYPE") == "tag" else None


def require_release_tag(session: nox.Session) -> None:
    """Stop in GitHub Actions on a tag that is not a release's (``0.2.0``, ``docs``): nothing is released."""
    tag = actions_tag()
    if tag is not None and not RELEASE_TAG.match(tag):
        session.error(f"tag {tag!r} is not a release's tag: releases are tagged vX.Y.Z (docs/releasing.md)")


def tag_version(session: nox.Session) -> str | None:
    """The version of the release tag being built, without its ``v``; None where there is none."""
    tag = actions_tag()
    if tag is not None:
        return tag.removeprefix("v") if RELEASE_TAG.match(tag) else None
    if (ROOT / ".git").exists():  # a file in a git worktree, a folder in a clone
        tags = git(session, "tag", "--points-at", "HEAD", "--list", "v[0-9]*").split()
        if len(tags) > 1:
            session.error(f"HEAD has several version tags ({', '.join(tags)}): delete all but one")
        if tags:
            return tags[0].removeprefix("v")
    return None


def build_distributions(session: nox.Session, expect: Version | None) -> tuple[Path, Path]:
    """Build into an empty dist/, check the files, and return (sdist, wheel)."""
    install_release_tools(session)
    shutil.rmtree(DIST, ignore_errors=True)
    session.run("poetry", "build", "--no-interaction", "--output", str(DIST), external=True)
    return check_distributions(session, DIST, expect)


def check_distributions(session: nox.Session, folder: Path, expect: Version | None) -> tuple[Path, Path]:
    """Check the distributions in ``folder`` and return (sdist, wheel).

    Fails unless there is exactly one sdist and one wheel (each may have its
    attestation beside it, and nothing else may be there), both of this
    project and of the version in pyproject.toml, and (when ``expect`` is
    given) of that version, and both pass twine's and check-wheel-contents'
    checks.  Needs the ``release`` group installed.
    """
    if not folder.is_dir():
        session.error(f"{folder} is not a folder of distributions")
    sdists, wheels = sorted(folder.glob("*.tar.gz")), sorted(folder.glob("*.whl"))
    others = set(folder.iterdir()) - {*sdists, *wheels} - set(map(attestation_path, (*sdists, *wheels)))
    if len(sdists) != 1 or len(wheels) != 1 or others:
        found = ", ".join(path.name for path in sorted(folder.iterdir())) or "nothing"
        session.error(
            f"{folder.name}/ must hold exactly one sdist and one wheel "
            f"(and their attestations), found: {found}"
        )
    sdist, wheel = sdists[0], wheels[0]
    wheel_name, wheel_version, _, _ = parse_wheel_filename(wheel.name)
    sdist_name, sdist_version = parse_sdist_filename(sdist.name)
    this_release = (canonicalize_name(PROJECT), Version(PYPROJECT["project"]["version"]))
    if (wheel_name, wheel_version) != this_release or (sdist_name, sdist_version) != this_release:
        session.error(f"{sdist.name} and {wheel.name} are not both {PROJECT} {this_release[1]}")
    if expect is not None and wheel_version != expect:
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
    options = parse_arguments(session, session_parser("build"))
    sdist, wheel = build_distributions(session, expected_version(session, options.expect_version))
    session.log(f"built {sdist.name} and {wheel.name}")


#: The HTML forms of a simple-API page (PEP 503, and PEP 691's name for the same): every index has one.
SIMPLE_HTML = ("text/html", "application/vnd.pypi.simple.v1+html")
#: PEP 691's JSON form, which also carries PEP 740 provenance; preferred where an index serves it.
SIMPLE_JSON = "application/vnd.pypi.simple.v1+json"


def pypi_simple_url(session: nox.Session) -> str:
    """PyPI's simple index, where twine (which uploads there by default) says PyPI is."""
    # No index host is written down in this repository.  Twine is the tool that
    # uploads to PyPI, this session always has it (at its locked version), and it
    # knows PyPI's address as WAREHOUSE_WEB; PyPI serves the simple API under
    # /simple/ there.  pip knows the same URL, but uv-made environments have no pip.
    web = session.run(
        "python", "-c", "from twine.repository import WAREHOUSE_WEB; print(WAREHOUSE_WEB)", silent=True
    )
    return urljoin((web or "").strip(), "simple/")


@dataclass(frozen=True)
class IndexFile:
    """One file an index lists for this project."""

    #: Where to download it (absolute).
    url: str
    #: Its sha256 as the index lists it; None when the index gives none.
    sha256: str | None
    #: Where the index serves its PEP 740 provenance (absolute); None when it serves none.
    provenance: str | None


class _SimpleLinks(HTMLParser):
    """The files a PEP 503 project page links to (``#sha256=`` fragments, PEP 740 ``data-provenance``)."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.page = page
        self.files: dict[str, IndexFile] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record an ``<a href="...file#sha256=...">`` link."""
        attributes = dict(attrs)
        href = attributes.get("href")
        if tag != "a" or not href:
            return
        path, _, fragment = href.partition("#")
        algorithm, _, digest = fragment.partition("=")
        name = unquote(urlsplit(path).path.rstrip("/").rsplit("/", 1)[-1])
        provenance = attributes.get("data-provenance")
        self.files[name] = IndexFile(
            url=urljoin(self.page, path),
            sha256=digest.lower() if algorithm == "sha256" else None,
            provenance=urljoin(self.page, provenance) if provenance else None,
        )


def _json_files(session: nox.Session, page: str, body: bytes) -> dict[str, IndexFile]:
    """The files of a PEP 691 JSON project page."""
    try:
        return {
            entry["filename"]: IndexFile(
                url=urljoin(page, entry["url"]),
                sha256=(entry.get("hashes") or {}).get("sha256"),
                provenance=urljoin(page, entry["provenance"]) if entry.get("provenance") else None,
            )
            for entry in json.loads(body)["files"]
        }
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        session.error(f"{page} is not a PEP 691 project page: {type(error).__name__}: {error}")


def http_get(session: nox.Session, url: str, accept: str = "*/*") -> tuple[str, bytes] | None:
    """GET ``url`` with the standard library; return (content type, body), None on HTTP 404.

    Nox's own environment has no requests.  Every URL here is http(s): twine's,
    or one that the session's options checked, or one such an index gave.
    """
    request = Request(url, headers={"Accept": accept})  # noqa: S310
    try:
        with urlopen(request, timeout=60) as response:  # noqa: S310
            return response.headers.get_content_type(), response.read()
    except HTTPError as error:
        if error.code == HTTPStatus.NOT_FOUND:
            return None
        session.error(f"could not read {url}: HTTP {error.code} {error.reason}")
    except OSError as error:  # URLError, timeouts, refused connections
        session.error(f"could not reach {url}: {getattr(error, 'reason', error)}")


def index_files(session: nox.Session, index_url: str) -> dict[str, IndexFile]:
    """The files the index lists for this project, by name.

    Reads the project's simple-API page, ``{index_url}/{project}/``: PEP 691's
    JSON form where the index serves it, else the HTML form every index serves
    (PEP 503: links with ``#sha256=`` fragments).
    """
    page = urljoin(index_url.rstrip("/") + "/", f"{canonicalize_name(PROJECT)}/")
    accept = f"{SIMPLE_JSON}, {SIMPLE_HTML[1]};q=0.2, {SIMPLE_HTML[0]};q=0.1"
    answer = http_get(session, page, accept)
    if answer is None:
        return {}  # the project was never published there
    kind, body = answer
    if kind == SIMPLE_JSON:
        return _json_files(session, page, body)
    if kind not in SIMPLE_HTML:
        session.error(f"{page} answered {kind}, not a simple-API page: check --index-url")
    links = _SimpleLinks(page)
    # Simple pages are UTF-8 (PEP 503); a stray byte must not stop the check.
    links.feed(body.decode("utf-8", errors="replace"))
    return links.files


def release_version(filename: str) -> Version | None:
    """The version of an sdist or wheel, by its name; None for any other kind of file."""
    try:
        if filename.endswith(".whl"):
            return parse_wheel_filename(filename)[1]
        return parse_sdist_filename(filename)[1]
    except (InvalidWheelFilename, InvalidSdistFilename):
        return None  # eggs, installers, signatures: not files this session makes


def without_credentials(text: str) -> str:
    """``text`` (a URL, or an argument holding one) as a message may show it: nothing before an ``@``.

    What comes before the last ``@`` may be a user and a password (a PyPI
    token), and a malformed URL cannot be trusted to say where they end, so
    all of it is hidden.  Messages go to logs that may be public (CI).
    """
    _, at, after = text.rpartition("@")
    return f"***@{after}" if at else text


def parse_arguments(session: nox.Session, parser: argparse.ArgumentParser) -> argparse.Namespace:
    """Parse the session's arguments with ``parser``; stop with one sentence on a bad or unknown one."""
    what = parser.prog.removesuffix(" --")
    try:
        options, unknown = parser.parse_known_args(session.posargs)
    except argparse.ArgumentError as error:
        session.error(f"bad arguments for {what}: {without_credentials(str(error))}")
    if unknown:
        session.error(f"unknown arguments for {what}: {' '.join(map(without_credentials, unknown))}")
    return options


def check_url(session: nox.Session, flag: str, url: str | None) -> None:
    """Stop unless ``url`` (given as ``flag``) is an http(s) URL without credentials in it.

    Credentials are looked for first, and a message never shows them.
    """
    if url is None:
        return
    parts = urlsplit(url)
    if parts.username or parts.password or "@" in parts.netloc:
        session.error(f"{flag} must not carry credentials: give them as TWINE_USERNAME/TWINE_PASSWORD")
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        session.error(f"{flag} must be an http(s) URL, not {without_credentials(url)!r}")


def publish_options(session: nox.Session) -> argparse.Namespace:
    """Parse and check the publish session's arguments."""
    parser = session_parser("publish")
    parser.add_argument("--repository-url")
    parser.add_argument("--index-url")
    parser.add_argument("--dry-run", action="store_true")
    # Publish these files (the build job's artifact) instead of building.
    parser.add_argument("--dist", type=Path)
    options = parse_arguments(session, parser)
    repository_flag = "--repository-url"
    if options.repository_url is None and os.environ.get("TWINE_REPOSITORY_URL"):
        # Like twine, take the upload URL from TWINE_REPOSITORY_URL when it is not given.
        options.repository_url = os.environ["TWINE_REPOSITORY_URL"]
        repository_flag = "TWINE_REPOSITORY_URL"
    if os.environ.get("TWINE_REPOSITORY") and not options.repository_url:
        # A .pypirc section name: its URL is twine's secret, so the index checks could not follow it.
        session.error("TWINE_REPOSITORY is set: unset it, or give the index as --repository-url URL")
    if options.index_url and not options.repository_url:
        session.error("--index-url goes with --repository-url: PyPI's index is known")
    check_url(session, repository_flag, options.repository_url)
    check_url(session, "--index-url", options.index_url)
    return options


def attestation_path(distribution: Path) -> Path:
    """Where ``nox -s sign`` puts the PEP 740 attestation of ``distribution`` (twine looks there too)."""
    return distribution.with_name(distribution.name + ATTESTATION_SUFFIX)


def attestations_of(session: nox.Session, files: Iterable[Path]) -> list[Path]:
    """The attestations of ``files``: one each, or none at all (they were not signed)."""
    files = list(files)
    found = [path for path in map(attestation_path, files) if path.exists()]
    if found and len(found) != len(files):
        signed = {path.name.removesuffix(ATTESTATION_SUFFIX) for path in found}
        unsigned = ", ".join(sorted(path.name for path in files if path.name not in signed))
        session.error(f"{unsigned} has no attestation beside it, unlike the other files: sign all or none")
    return found


def upload(
    session: nox.Session, repository_url: str | None, files: Iterable[Path], attestations: Iterable[Path] = ()
) -> None:
    """Upload ``files`` and their ``attestations`` with twine; stop with one sentence when refused."""
    env = {
        # Twine reads TWINE_USERNAME and TWINE_PASSWORD itself, so credentials are never on
        # a command line; in GitHub Actions without them it does the trusted-publishing
        # (OIDC) exchange with PyPI itself (twine >= 6.1).  Nobody can answer a prompt in CI.
        "TWINE_NON_INTERACTIVE": "1",
        "TWINE_REPOSITORY_URL": repository_url,  # None leaves twine its default: PyPI
    }
    attestations = list(attestations)
    # Twine pairs each `<file>.publish.attestation` given with its file, and sends it in the same request.
    signed = ["--attestations", *map(str, attestations)] if attestations else []
    try:
        # Silent: twine's output (whatever an index answers) is shown only to explain a failure.
        session.run(
            "twine", "upload", "--disable-progress-bar", *signed, *map(str, files), env=env, silent=True
        )
    except nox.command.CommandFailed:
        # Twine's message above has the index's HTTP status; each says something else to do.
        session.error(
            f"twine could not upload to {repository_url or 'PyPI'} (its message is above). For HTTP "
            "401 or 403, check the credentials (TWINE_USERNAME/TWINE_PASSWORD, or the trusted "
            "publisher); for 400, the index refused the files (is the version there already?); for 404 "
            "or 405, --repository-url is not the index's upload URL. See docs/releasing.md"
        )


def confirm_listed(session: nox.Session, index_url: str, files: Iterable[Path]) -> None:
    """Stop unless the index lists each of ``files`` with the file's own sha256."""
    wanted = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in files}
    # A CDN in front of an index can serve its old page for a little while after an upload.
    for delay in (0, 1, 2, 4, 8, 15, 30):
        time.sleep(delay)
        listed = index_files(session, index_url)
        if wanted.keys() <= listed.keys():
            break
    else:
        missing = ", ".join(sorted(wanted.keys() - listed.keys()))
        session.error(
            f"{index_url} does not list {missing} after the upload: "
            "if its simple API lives at another URL, give that as --index-url"
        )
    for name, digest in wanted.items():
        if listed[name].sha256 != digest:
            session.error(
                f"{index_url} lists {name} with sha256 {listed[name].sha256 or '(none)'}, "
                f"but the uploaded file's sha256 is {digest}"
            )


@nox.session(python=DEFAULT_PYTHON, default=False)
def publish(session: nox.Session) -> None:
    """Build (or take -- --dist DIR), check and upload to PyPI (-- --repository-url URL --dry-run ...)."""
    options = publish_options(session)
    require_release_tag(session)
    commit = require_clean_tree(session, inputs=options.dist)
    expect = expected_version(session, options.expect_version)
    if options.dist is None:
        sdist, wheel = build_distributions(session, expect)
    else:
        # Upload exactly what was built elsewhere (the release workflow's build
        # job), after the same checks a build gets; nothing is rebuilt.
        install_release_tools(session)
        sdist, wheel = check_distributions(session, options.dist, expect)
    attestations = attestations_of(session, (sdist, wheel))
    if not attestations:
        # PyPI takes attestations only from a trusted publisher: `nox -s sign` in the release workflow.
        session.log(f"not signed: no {ATTESTATION_SUFFIX} files beside them (`nox -s sign` makes them)")
    version = parse_wheel_filename(wheel.name)[1]
    index_url = options.index_url or options.repository_url or pypi_simple_url(session)
    target = options.repository_url or "PyPI"
    on_index = index_files(session, index_url)
    if not on_index and options.repository_url and not options.index_url:
        # An upload URL that is not also the simple index (TestPyPI's) lists nothing either.
        session.log(
            f"{index_url} lists no {PROJECT} files: if this index's simple pages live at another URL, "
            "give it as --index-url, or the check for a version already there saw nothing"
        )
    if version in {release_version(name) for name in on_index}:
        bump = "prerelease" if version.is_prerelease else "patch"
        session.error(
            f"{PROJECT} {version} is already on {target}, and a published version can never change: "
            f"bump it (`poetry version {bump}` or `poetry version X.Y.Z`), commit, and publish again"
        )
    if options.dry_run:
        session.log(f"dry run: {sdist.name} and {wheel.name} (commit {commit[:12]}) are ready for {target}")
        return
    upload(session, options.repository_url, (sdist, wheel), attestations)
    confirm_listed(session, index_url, (sdist, wheel))
    signed = " with their attestations" if attestations else ""
    session.log(
        f"published {PROJECT} {version}{signed} (commit {commit[:12]}) to {target}; its sha256s match"
    )


@nox.session(python=DEFAULT_PYTHON, default=False)
def sign(session: nox.Session) -> None:
    """Sign a folder's sdist and wheel with this GitHub workflow's identity (-- DIR; GitHub Actions only)."""
    parser = session_parser("sign")
    parser.add_argument("folder", nargs="?", type=Path)  # optional, so that its absence gets our sentence
    options = parse_arguments(session, parser)
    if options.folder is None:
        session.error("give the folder of distributions, e.g. `nox -s sign -- release-dist`")
    require_release_tag(session)
    expect = expected_version(session, options.expect_version)
    # Sigstore signs with the job's OpenID Connect identity, and PyPI accepts
    # attestations only from the project's trusted publisher: the release
    # workflow.  Elsewhere sigstore would open a browser for a personal identity.
    if not os.environ.get("ACTIONS_ID_TOKEN_REQUEST_URL"):
        session.error(
            "not signed: this needs GitHub Actions' OpenID Connect token (a job with `id-token: write`); "
            "PyPI accepts attestations only from the release workflow"
        )
    install_release_tools(session)
    sdist, wheel = check_distributions(session, options.folder, expect)
    session.run("python", "-m", "pypi_attestations", "sign", str(sdist), str(wheel))
    session.log(f"signed {sdist.name} and {wheel.name}: {ATTESTATION_SUFFIX} files beside them")


def verify_options(session: nox.Session) -> argparse.Namespace:
    """Parse and check the verify session's arguments."""
    parser = session_parser("verify", expect_version=False)
    parser.add_argument("version", nargs="?")  # optional here, so that its absence gets our sentence
    parser.add_argument("--index-url")
    # Sigstore's trust root as the tools ship it, without asking Sigstore for updates.
    parser.add_argument("--offline", action="store_true")
    options = parse_arguments(session, parser)
    if options.version is None:
        session.error("give the version to verify, e.g. `nox -s verify -- 0.2.0`")
    try:
        options.version = Version(options.version)
    except InvalidVersion:
        session.error(f"{options.version!r} is not a version (PEP 440), e.g. 0.2.0")
    check_url(session, "--index-url", options.index_url)
    return options


def rebuild_tag(session: nox.Session, version: Version, workspace: Path) -> dict[str, Path]:
    """Clone tag ``v{version}`` into ``workspace`` and build it there with its own ``nox -s build``."""
    tag = f"v{version}"
    if not git(session, "tag", "--list", tag):
        session.error(f"there is no tag {tag} in this repository: `git fetch --tags`, or check the version")
    clone = workspace / PROJECT
    session.run(
        "git", "-c", "advice.detachedHead=false", "clone", "--quiet", "--no-hardlinks", "--branch", tag,
        str(ROOT), str(clone), external=True,
    )  # fmt: skip
    # The tag's own noxfile and lock, with the tools on PATH: what the release
    # workflow's build job ran.  This session's virtual environment is no part of it.
    session.run(
        "nox", "--noxfile", str(clone / "noxfile.py"), "--session", "build",
        "--", "--expect-version", str(version),
        external=True, env={"VIRTUAL_ENV": None, "GITHUB_REF_TYPE": None, "GITHUB_REF_NAME": None},
    )  # fmt: skip
    return {path.name: path for path in (clone / "dist").iterdir()}


def check_provenance(session: nox.Session, file: Path, provenance: bytes, *, offline: bool) -> str | None:
    """Verify ``file``'s PEP 740 provenance against this project's release workflow; return what is wrong."""
    expected = {
        "kind": "GitHub",
        "repository": urlsplit(SOURCE_URL).path.strip("/"),
        "workflow": RELEASE_WORKFLOW,
    }
    try:
        bundles = json.loads(provenance)["attestation_bundles"]
        found = [{key: bundle["publisher"].get(key) for key in expected} for bundle in bundles]
        signatures = sum(len(bundle["attestations"]) for bundle in bundles)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        return f"{file.name}: its provenance is not PEP 740 provenance ({type(error).__name__}: {error})"
    if not signatures:
        return f"{file.name}: its provenance holds no attestation"
    for publisher in found:
        if publisher != expected:
            # pypi-attestations proves that each signature is the publisher's a bundle names, but
            # compares only that publisher's repository with ours: its workflow is compared here.
            shown = "{kind} {repository} {workflow}".format_map(publisher)
            return f"{file.name}: published by {shown}, not by {expected['repository']}'s {RELEASE_WORKFLOW}"
    saved = file.with_name(file.name + ".provenance")
    saved.write_bytes(provenance)
    try:
        # Checks each attestation's Sigstore signature, its certificate's identity and its file's sha256.
        session.run(
            "python", "-m", "pypi_attestations", "verify", "pypi", "--repository", SOURCE_URL,
            "--provenance-file", str(saved), *(["--offline"] if offline else []), str(file),
        )  # fmt: skip
    except nox.command.CommandFailed:
        return f"{file.name}: its provenance does not verify (pypi-attestations says why, above)"
    return None


def check_release_file(
    session: nox.Session, entry: IndexFile, rebuilt: Path, downloads: Path, *, offline: bool
) -> list[str]:
    """Fetch a file the index lists, compare it with its rebuild, verify its provenance; return problems."""
    name = rebuilt.name
    answer = http_get(session, entry.url)
    if answer is None:
        return [f"{name}: the index lists it, but {entry.url} is not found"]
    served = downloads / name
    served.write_bytes(answer[1])
    digest = hashlib.sha256(answer[1]).hexdigest()
    if entry.sha256 is not None and entry.sha256 != digest:
        return [f"{name}: the index lists sha256 {entry.sha256}, but serves a file whose sha256 is {digest}"]
    expected = hashlib.sha256(rebuilt.read_bytes()).hexdigest()
    if digest != expected:
        return [f"{name}: differs from the rebuild (index sha256 {digest}, rebuild {expected})"]
    session.log(f"{name}: identical to the rebuild (sha256 {digest})")
    if entry.provenance is None:
        session.log(f"{name}: the index serves no provenance for it (PEP 740): its uploader is not checked")
        return []
    provenance = http_get(session, entry.provenance, "application/vnd.pypi.integrity.v1+json")
    problem = (
        f"{name}: the index lists provenance at {entry.provenance}, but it is not found"
        if provenance is None
        else check_provenance(session, served, provenance[1], offline=offline)
    )
    if problem is None:
        session.log(f"{name}: provenance verified: uploaded by {SOURCE_URL}'s {RELEASE_WORKFLOW}")
    return [problem] if problem else []


@nox.session(python=DEFAULT_PYTHON, default=False)
def verify(session: nox.Session) -> None:
    """Rebuild tag vX.Y.Z; check that the index's files are identical, and their provenance (-- X.Y.Z)."""
    options = verify_options(session)
    version: Version = options.version
    install_release_tools(session)
    index_url = options.index_url or pypi_simple_url(session)
    listed = {
        name: file
        for name, file in index_files(session, index_url).items()
        if release_version(name) == version
    }
    if not listed:
        session.error(f"{index_url} has no files of {PROJECT} {version}")
    with tempfile.TemporaryDirectory(prefix=f"{PROJECT}-verify-") as scratch:
        workspace = Path(scratch)
        rebuilt = rebuild_tag(session, version, workspace)
        (workspace / "index").mkdir()
        problems = [
            *(
                f"{name}: built from v{version}, but not on the index"
                for name in sorted(rebuilt.keys() - listed.keys())
            ),
            *(
                f"{name}: on the index, but not built from v{version}"
                for name in sorted(listed.keys() - rebuilt.keys())
            ),
        ]
        for name in sorted(listed.keys() & rebuilt.keys()):
            problems += check_release_file(
                session, listed[name], rebuilt[name], workspace / "index", offline=options.offline
            )
    if problems:
        session.error(f"{PROJECT} {version} on {index_url} fails verification:\n  " + "\n  ".join(problems))
    session.log(f"{PROJECT} {version} on {index_url}: every file is identical to a rebuild of v{version}")


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


@nox.session(python=DEFAULT_PYTHON, default=False)
def actions(session: nox.Session) -> None:
    """Run the GitHub workflows for an event under act, here (-- EVENT [act options]; slow)."""
    if not session.posargs:
        session.error("name the event: `nox -s actions -- pull_request` (push, release, workflow_dispatch)")
    install(session, "actions", project=False)
    session.run("python", "-m", "tests.pipeline.actions", *session.posargs)


def date_unreleased_notes(session: nox.Session, text: str, version: Version, day: dt.date) -> str:
    """Return CHANGELOG.md's ``text`` with its unreleased notes moved under ``## [version] - day``."""
    head, found, rest = text.partition("\n## [Unreleased]\n")
    if not found:
        session.error("CHANGELOG.md has no `## [Unreleased]` heading to take the release notes from")
    # Before the notes: a second run of a release finds its section, and an empty [Unreleased].
    for label in re.findall(r"^## \[([^\]]+)\]", text, re.MULTILINE):
        if names_version(label, version):
            session.error(
                f"CHANGELOG.md already has a section for {version} (`## [{label}]`): it was released"
            )
    notes, next_heading, older = rest.partition("\n## ")
    if not notes.strip():
        session.error("CHANGELOG.md has no notes under `## [Unreleased]`: write down what changed first")
    return f"{head}\n## [Unreleased]\n\n## [{version}] - {day.isoformat()}\n{notes}{next_heading}{older}"


def version_argument(session: nox.Session) -> Version:
    """The one version the session was given (``-- X.Y.Z``)."""
    if len(session.posargs) != 1:
        session.error(f"give one version, e.g. `nox -s {session.name} -- 0.2.0`")
    try:
        return Version(session.posargs[0])
    except InvalidVersion:
        session.error(f"{session.posargs[0]!r} is not a version (PEP 440), e.g. 0.2.0 or 0.2.0rc1")


def names_version(label: str, version: Version) -> bool:
    """Whether a changelog heading's ``[label]`` is ``version`` (so ``0.2`` finds ``0.2.0``)."""
    try:
        return Version(label) == version
    except InvalidVersion:
        return False  # [Unreleased]


def released_notes(session: nox.Session, text: str, version: Version) -> str:
    """The notes under CHANGELOG.md's ``## [version] - date`` heading in ``text``, without the heading."""
    headings = re.finditer(r"^## \[([^\]]+)\].*\n", text, re.MULTILINE)
    heading = next((found for found in headings if names_version(found[1], version)), None)
    if heading is None:
        session.error(
            f"CHANGELOG.md has no section for {version} (`## [{version}] - YYYY-MM-DD`): "
            f"a release's notes are made by `nox -s release -- {version}`"
        )
    # The section ends at the next heading or at Keep a Changelog's link definitions.
    rest = text[heading.end() :]
    end = re.search(r"^(?:## |\[[^\]]+\]: )", rest, re.MULTILINE)
    notes = rest[: end.start() if end else None].strip()
    if not notes:
        session.error(f"CHANGELOG.md's section for {version} is empty")
    return notes + "\n"


@nox.session(name="release-notes", venv_backend="none", default=False)
def release_notes(session: nox.Session) -> None:
    """Print CHANGELOG.md's section for a released version (-- X.Y.Z), as the GitHub release's notes."""
    version = version_argument(session)
    # stdout holds the notes alone: nox's own lines go to stderr.
    print(released_notes(session, CHANGELOG.read_text(encoding="utf-8"), version), end="")


def check_release_version(session: nox.Session, version: Version, current: Version) -> None:
    """Stop unless ``version`` may follow ``current``: not lower, and without a local part."""
    if version.local is not None:
        session.error(f"{version} has a local part (+{version.local}): PyPI refuses local versions")
    if version < current:
        session.error(f"{version} is lower than the current version {current}: versions only go up")


def check_new_tag(session: nox.Session, version: Version, tags: Iterable[str]) -> None:
    """Stop if one of the git ``tags`` is ``version``'s, compared as versions (``v0.2.0`` is 0.2's)."""
    for tag in tags:
        if tag.startswith("v") and names_version(tag.removeprefix("v"), version):
            session.error(f"tag {tag} already exists: {version} is taken, release the next version")


@nox.session(venv_backend="none", default=False)
def release(session: nox.Session) -> None:
    """Commit a release: set the version, date the changelog (-- X.Y.Z); pushes nothing."""
    version = version_argument(session)
    check_release_version(session, version, Version(PYPROJECT["project"]["version"]))
    require_clean_tree(session)
    check_new_tag(session, version, git(session, "tag", "--list", "v*").split())
    tag = f"v{version}"
    # UTC, like the timestamps GitHub and PyPI show for the release.
    today = dt.datetime.now(dt.timezone.utc).date()
    changelog = date_unreleased_notes(session, CHANGELOG.read_text(encoding="utf-8"), version, today)
    released = ("pyproject.toml", "CHANGELOG.md")
    try:
        session.run("poetry", "version", str(version), external=True)
        CHANGELOG.write_text(changelog, encoding="utf-8")
        git(session, "commit", "--quiet", "-m", f"Release {version}", "--", *released)
    except nox.command.CommandFailed:
        # The tree was clean: putting both files back loses nothing, and a run again starts afresh.
        git(session, "checkout", "--", *released)
        session.error(
            f"the release commit of {version} failed (the message is above: a git hook? signing?); "
            "pyproject.toml and CHANGELOG.md are put back as they were: fix the cause and run it again"
        )
    commit = git(session, "rev-parse", "--short=12", "HEAD")
    session.log(f"committed release {version} as {commit}; nothing was pushed. Next:")
    session.log("  1. push the commit and merge it to main once CI passes")
    session.log(
        f'  2. tag the merged commit: git tag -a {tag} -m "{PROJECT} {version}" && git push origin {tag}'
    )
    session.log(
        f"  3. publish a GitHub release for {tag}: its workflow runs `nox -s publish` (docs/releasing.md)"
    )


@nox.session(python=DEFAULT_PYTHON, default=False)
def pipeline(session: nox.Session) -> None:
    """Prove publish and release end to end against a local package index (slow; nests nox)."""
    install(session, "test", project=False)
    # No coverage: these tests measure the pipeline, which runs in other processes.
    session.run("pytest", "-m", "pipeline", "tests/pipeline", *session.posargs)


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
    install(session, extras="testing,cli")  # the driver: the fake portal, network-free measurements, the CLI
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


# -- interop: other clients, unchanged, against the fake portal ----------------------------------------

#: The npm project pinning the JavaScript client (package.json and its lock).
INTEROP_NPM = ROOT / "tests" / "interop"


def npm_install_locked(session: nox.Session, target: Path) -> None:
    """Install exactly what ``INTEROP_NPM``'s lock holds into ``target``, with ``npm ci``."""
    if shutil.which("npm") is None:
        session.error("the jsjiit half of this session needs Node.js: put node and npm on PATH")
    target.mkdir(parents=True, exist_ok=True)
    # npm ci installs beside the package.json it reads, so the pair is copied there.
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(INTEROP_NPM / name, target / name)
    options = ["--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
    session.run("npm", "ci", "--prefix", str(target), *options, external=True)


@nox.session(python=DEFAULT_PYTHON, default=False)
def interop(session: nox.Session) -> None:
    """Run pyjiit 0.1.0a9 and jsjiit 0.0.24 (needs Node.js) unchanged on a fake portal (-- --logins N)."""
    install(session, extras="testing")  # the runner, which serves the fake portal
    # 0.1.0a9 (the bench's baseline) in an environment of its own: it is also named pyjiit.
    baseline = side_environment(
        session, "interop-baseline", constraints_without(session, BENCH_BASELINE_UNLOCKED), BENCH_BASELINE
    )
    modules = Path(session.virtualenv.location).with_name("interop-npm")
    npm_install_locked(session, modules)
    session.run(
        "python", "-m", "tests.interop.run", "--pyjiit-python", baseline, "--jsjiit-modules", str(modules),
        *session.posargs,
    )  # fmt: skip
