"""Every step of pyjiit's pipeline, as a Nox session.

Run ``nox`` for the default pipeline, ``nox -l`` to list the sessions and
``nox -s NAME`` for one of them.  GitHub Actions runs these same sessions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import logging
import os
import re
import shutil
import sys
import time
from html.parser import HTMLParser
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.error import HTTPError
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import Request, urlopen

import nox
from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    canonicalize_name,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import InvalidVersion, Version

if TYPE_CHECKING:
    from collections.abc import Iterable

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
    # Compiled now, once: uv leaves that to the first import, which cannot keep the
    # bytecode where PYTHONDONTWRITEBYTECODE is set, so every process (each test's
    # subprocess, each xdist worker) would compile every module again.  pip compiles anyway.
    session.install("-c", str(locked_constraints(session)), *requirements, env={"UV_COMPILE_BYTECODE": "1"})


def parallel_options(pytest_args: Iterable[str]) -> list[str]:
    """``-n auto`` (pytest-xdist workers, two per CPU: see tests/conftest.py), unless the arguments choose.

    A later ``-n N`` overrides this one on its own; these arguments cannot follow
    it: ``-p no:xdist`` removes the option, and a debugger needs the tests in
    this process.
    """
    if any(arg in {"--pdb", "--trace"} or arg.endswith("no:xdist") for arg in pytest_args):
        return []
    return ["-n", "auto"]


@nox.session(python=PYTHON_VERSIONS, default=True)
def tests(session: nox.Session) -> None:
    """Run the test suite under coverage, on every CPU (arguments go to pytest: -n 0 runs it serially)."""
    install(session, "test", extras="testing")
    session.run(
        # pytest-cov, not `coverage run`: it measures the xdist workers and merges their data.
        # No report and no threshold here: `nox -s coverage` does both, over every run's data.
        "pytest", "--cov", "--cov-report=", "--cov-fail-under=0",
        *parallel_options(session.posargs), *session.posargs,
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


def expected_version(session: nox.Session) -> str | None:
    """The version a build must have: ``--expect-version X``, or the tag being built.

    The tag is the one GitHub Actions runs on, or else a ``vX`` tag on HEAD.
    """
    args = list(session.posargs)
    if "--expect-version" in args:
        index = args.index("--expect-version")
        if index + 1 == len(args):
            session.error("--expect-version needs a version, e.g. --expect-version 0.2.0")
        return args[index + 1]
    if os.environ.get("GITHUB_REF_TYPE") == "tag":
        return os.environ.get("GITHUB_REF_NAME", "").removeprefix("v")
    if (ROOT / ".git").exists():  # a file in a git worktree, a folder in a clone
        tags = git(session, "tag", "--points-at", "HEAD", "--list", "v[0-9]*").split()
        if len(tags) > 1:
            session.error(f"HEAD has several version tags ({', '.join(tags)}): delete all but one")
        if tags:
            return tags[0].removeprefix("v")
    return None


def build_distributions(session: nox.Session, expect: str | None) -> tuple[Path, Path]:
    """Build into an empty dist/, check the files, and return (sdist, wheel)."""
    install(session, "release", project=False)
    shutil.rmtree(DIST, ignore_errors=True)
    session.run("poetry", "build", "--no-interaction", "--output", str(DIST), external=True)
    return check_distributions(session, DIST, expect)


def check_distributions(session: nox.Session, folder: Path, expect: str | None) -> tuple[Path, Path]:
    """Check the distributions in ``folder`` and return (sdist, wheel).

    Fails unless there is exactly one sdist and one wheel, both of this
    project and of the version in pyproject.toml, and (when ``expect`` is
    given) of that version, and both pass twine's and check-wheel-contents'
    checks.  Needs the ``release`` group installed.
    """
    if not folder.is_dir():
        session.error(f"{folder} is not a folder of distributions")
    sdists, wheels = sorted(folder.glob("*.tar.gz")), sorted(folder.glob("*.whl"))
    others = sorted(set(folder.iterdir()) - {*sdists, *wheels})
    if len(sdists) != 1 or len(wheels) != 1 or others:
        found = ", ".join(path.name for path in sorted(folder.iterdir())) or "nothing"
        session.error(f"{folder.name}/ must hold exactly one sdist and one wheel, found: {found}")
    sdist, wheel = sdists[0], wheels[0]
    wheel_name, wheel_version, _, _ = parse_wheel_filename(wheel.name)
    sdist_name, sdist_version = parse_sdist_filename(sdist.name)
    this_release = (canonicalize_name(PROJECT), Version(PYPROJECT["project"]["version"]))
    if (wheel_name, wheel_version) != this_release or (sdist_name, sdist_version) != this_release:
        session.error(f"{sdist.name} and {wheel.name} are not both {PROJECT} {this_release[1]}")
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


#: The HTML forms of a simple-API page (PEP 503, and PEP 691's name for the same): every index has one.
SIMPLE_HTML = ("text/html", "application/vnd.pypi.simple.v1+html")


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


class _SimpleLinks(HTMLParser):
    """The files a PEP 503 project page links to, each with its sha256 (None when not given)."""

    def __init__(self) -> None:
        super().__init__()
        self.files: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record an ``<a href="...file#sha256=...">`` link."""
        href = dict(attrs).get("href")
        if tag != "a" or not href:
            return
        path, _, fragment = href.partition("#")
        algorithm, _, digest = fragment.partition("=")
        name = unquote(urlsplit(path).path.rstrip("/").rsplit("/", 1)[-1])
        self.files[name] = digest.lower() if algorithm == "sha256" else None


def index_files(session: nox.Session, index_url: str) -> dict[str, str | None]:
    """The files the index lists for this project, each with its sha256 (None when not given).

    Reads the project's simple-API page, ``{index_url}/{project}/``, in the HTML
    form every index serves (PEP 503: links with ``#sha256=`` fragments), with
    the standard library (nox's own environment has no requests).
    """
    page = urljoin(index_url.rstrip("/") + "/", f"{canonicalize_name(PROJECT)}/")
    # Every index URL here is http(s): twine's, or one that publish_options checked.
    request = Request(page, headers={"Accept": ", ".join(SIMPLE_HTML)})  # noqa: S310
    try:
        with urlopen(request, timeout=60) as response:  # noqa: S310
            kind = response.headers.get_content_type()
            body = response.read().decode(response.headers.get_content_charset() or "utf-8")
    except HTTPError as error:
        if error.code == HTTPStatus.NOT_FOUND:
            return {}  # the project was never published there
        session.error(f"could not read {page}: HTTP {error.code} {error.reason}")
    except OSError as error:  # URLError, timeouts, refused connections
        session.error(f"could not reach {page}: {getattr(error, 'reason', error)}")
    if kind not in SIMPLE_HTML:
        session.error(f"{page} answered {kind}, not a simple-API page: check --index-url")
    links = _SimpleLinks()
    links.feed(body)
    return links.files


def release_version(filename: str) -> Version | None:
    """The version of an sdist or wheel, by its name; None for any other kind of file."""
    try:
        if filename.endswith(".whl"):
            return parse_wheel_filename(filename)[1]
        return parse_sdist_filename(filename)[1]
    except (InvalidWheelFilename, InvalidSdistFilename):
        return None  # eggs, installers, signatures: not files this session makes


def publish_options(session: nox.Session) -> argparse.Namespace:
    """Parse and check the publish session's arguments."""
    parser = argparse.ArgumentParser(prog="nox -s publish --", add_help=False, exit_on_error=False)
    # Like twine, take the upload URL from TWINE_REPOSITORY_URL when it is not given.
    parser.add_argument("--repository-url", default=os.environ.get("TWINE_REPOSITORY_URL") or None)
    parser.add_argument("--index-url")
    parser.add_argument("--dry-run", action="store_true")
    # Publish these files (the build job's artifact) instead of building.
    parser.add_argument("--dist", type=Path)
    parser.add_argument("--expect-version")  # read by expected_version(), which the build session shares
    try:
        options, unknown = parser.parse_known_args(session.posargs)
    except argparse.ArgumentError as error:
        session.error(f"bad publish arguments: {error}")
    if unknown:
        session.error(f"unknown publish arguments: {' '.join(unknown)}")
    if os.environ.get("TWINE_REPOSITORY") and not options.repository_url:
        # A .pypirc section name: its URL is twine's secret, so the index checks could not follow it.
        session.error("TWINE_REPOSITORY is set: unset it, or give the index as --repository-url URL")
    if options.index_url and not options.repository_url:
        session.error("--index-url goes with --repository-url: PyPI's index is known")
    for option in ("repository_url", "index_url"):
        url = getattr(options, option)
        if url is None:
            continue
        parts = urlsplit(url)
        flag = "--" + option.replace("_", "-")
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            session.error(f"{flag} must be an http(s) URL, not {url!r}")
        if parts.username or parts.password:
            session.error(f"{flag} must not carry credentials: give them as TWINE_USERNAME/TWINE_PASSWORD")
    return options


def upload(session: nox.Session, repository_url: str | None, files: Iterable[Path]) -> None:
    """Upload ``files`` with twine; stop with one sentence when the index refuses them."""
    env = {
        # Twine reads TWINE_USERNAME and TWINE_PASSWORD itself, so credentials are never on
        # a command line; in GitHub Actions without them it does the trusted-publishing
        # (OIDC) exchange with PyPI itself (twine >= 6.1).  Nobody can answer a prompt in CI.
        "TWINE_NON_INTERACTIVE": "1",
        "TWINE_REPOSITORY_URL": repository_url,  # None leaves twine its default: PyPI
    }
    try:
        # Silent: twine's output (whatever an index answers) is shown only to explain a failure.
        session.run("twine", "upload", "--disable-progress-bar", *map(str, files), env=env, silent=True)
    except nox.command.CommandFailed:
        session.error(
            f"twine could not upload to {repository_url or 'PyPI'} (its message is above): check the "
            "credentials (TWINE_USERNAME/TWINE_PASSWORD, or the trusted publisher), see docs/releasing.md"
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
        if listed[name] != digest:
            session.error(
                f"{index_url} lists {name} with sha256 {listed[name] or '(none)'}, "
                f"but the uploaded file's sha256 is {digest}"
            )


@nox.session(python=DEFAULT_PYTHON, default=False)
def publish(session: nox.Session) -> None:
    """Build (or take -- --dist DIR), check and upload to PyPI (-- --repository-url URL --dry-run ...)."""
    options = publish_options(session)
    commit = require_clean_tree(session, inputs=options.dist)
    if options.dist is None:
        sdist, wheel = build_distributions(session, expected_version(session))
    else:
        # Upload exactly what was built elsewhere (the release workflow's build
        # job), after the same checks a build gets; nothing is rebuilt.
        install(session, "release", project=False)
        sdist, wheel = check_distributions(session, options.dist, expected_version(session))
    version = parse_wheel_filename(wheel.name)[1]
    index_url = options.index_url or options.repository_url or pypi_simple_url(session)
    target = options.repository_url or "PyPI"
    if version in {release_version(name) for name in index_files(session, index_url)}:
        bump = "prerelease" if version.is_prerelease else "patch"
        session.error(
            f"{PROJECT} {version} is already on {target}, and a published version can never change: "
            f"bump it (`poetry version {bump}` or `poetry version X.Y.Z`), commit, and publish again"
        )
    if options.dry_run:
        session.log(f"dry run: {sdist.name} and {wheel.name} (commit {commit[:12]}) are ready for {target}")
        return
    upload(session, options.repository_url, (sdist, wheel))
    confirm_listed(session, index_url, (sdist, wheel))
    session.log(f"published {PROJECT} {version} (commit {commit[:12]}) to {target}; its sha256s match")


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
    notes, next_heading, older = rest.partition("\n## ")
    if not notes.strip():
        session.error("CHANGELOG.md has no notes under `## [Unreleased]`: write down what changed first")
    if f"\n## [{version}]" in text:
        session.error(f"CHANGELOG.md already has a section for {version}")
    return f"{head}\n## [Unreleased]\n\n## [{version}] - {day.isoformat()}\n{notes}{next_heading}{older}"


@nox.session(venv_backend="none", default=False)
def release(session: nox.Session) -> None:
    """Commit a release: set the version, date the changelog (-- X.Y.Z); pushes nothing."""
    if len(session.posargs) != 1:
        session.error("give the version to release, e.g. `nox -s release -- 0.2.0`")
    try:
        version = Version(session.posargs[0])
    except InvalidVersion:
        session.error(f"{session.posargs[0]!r} is not a version (PEP 440), e.g. 0.2.0 or 0.2.0rc1")
    current = Version(PYPROJECT["project"]["version"])
    if version < current:
        session.error(f"{version} is lower than the current version {current}: versions only go up")
    require_clean_tree(session)
    tag = f"v{version}"
    if git(session, "tag", "--list", tag):
        session.error(f"tag {tag} already exists: {version} is taken, release the next version")
    # UTC, like the timestamps GitHub and PyPI show for the release.
    today = dt.datetime.now(dt.timezone.utc).date()
    changelog = date_unreleased_notes(session, CHANGELOG.read_text(encoding="utf-8"), version, today)
    session.run("poetry", "version", str(version), external=True)
    CHANGELOG.write_text(changelog, encoding="utf-8")
    git(session, "commit", "--quiet", "-m", f"Release {version}", "--", "pyproject.toml", "CHANGELOG.md")
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
