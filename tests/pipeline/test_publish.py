"""``nox -s publish``: checks before it uploads, uploads, and proves the upload."""

from __future__ import annotations

import email.parser
import email.policy
import hashlib
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.pipeline.harness import Clone, Run, clean_env, files_containing
from tests.pipeline.index import PackageIndex, record_uploads

if TYPE_CHECKING:
    from collections.abc import Iterator

pytestmark = pytest.mark.pipeline


def publish(project: Clone, index: PackageIndex, *args: str, password: str | None = None, **env: str) -> Run:
    """Run ``nox -s publish`` in ``project`` against ``index``, as its user unless told otherwise."""
    credentials = {"TWINE_USERNAME": index.username, "TWINE_PASSWORD": password or index.password}
    return project.nox(
        "-R", "-s", "publish", "--", "--repository-url", index.url, *args, **(credentials | env)
    )


def assert_failed(run: Run, message: str) -> None:
    assert run.returncode != 0, run.output
    assert message in run.output, run.output
    assert "twine upload" not in run.output, "it must stop before uploading"


@dataclass(frozen=True)
class Published:
    """What the first, successful publish left behind."""

    version: str
    commit: str
    run: Run
    hashes: dict[str, str]  # sha256 of each file built into dist/
    leaks: list[Path]  # files in the clone holding the password, right after publishing


@pytest.fixture(scope="module")
def published(clone: Clone, package_index: PackageIndex, versions: Iterator[str]) -> Published:
    """Publish a fresh version of the clone to the index, once per module."""
    clone.reset()
    version = next(versions)
    commit = clone.commit_version(version)
    run = publish(clone, package_index)
    built = sorted((clone.path / "dist").glob("*"))  # none if publish stopped before building
    hashes = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in built}
    return Published(version, commit, run, hashes, files_containing(clone.path, package_index.password))


def test_publish_uploads_the_build(published: Published, package_index: PackageIndex) -> None:
    assert published.run.returncode == 0, published.run.output
    assert sorted(published.hashes) == [
        f"pyjiit-{published.version}-py3-none-any.whl",
        f"pyjiit-{published.version}.tar.gz",
    ]
    assert package_index.files() == sorted(published.hashes)
    for name, digest in published.hashes.items():
        assert hashlib.sha256((package_index.directory / name).read_bytes()).hexdigest() == digest
    assert f"published pyjiit {published.version} (commit" in published.run.output
    assert "sha256s match" in published.run.output
    assert "not signed: no .publish.attestation files beside them" in published.run.output


def test_password_never_leaks(published: Published, package_index: PackageIndex) -> None:
    assert published.run.returncode == 0, published.run.output
    assert package_index.password not in published.run.output
    assert published.leaks == []


def test_fresh_environment_installs_it(
    published: Published, package_index: PackageIndex, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    report = tmp_path / "report.json"
    # Our index as an extra one: the dependencies come from pip's default index.
    subprocess.run(
        [
            str(python), "-m", "pip", "install", "--quiet", "--report", str(report),
            "--extra-index-url", package_index.simple_url, f"pyjiit=={published.version}",
        ],
        check=True,
        env=clean_env(),
    )  # fmt: skip
    installed = {item["metadata"]["name"]: item for item in json.loads(report.read_text())["install"]}
    assert installed["pyjiit"]["download_info"]["url"].startswith(package_index.url)
    imported = subprocess.run(
        [str(python), "-c", "import pyjiit; print(pyjiit.__version__)"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,  # not the clone or the checkout, whose pyjiit/ would shadow the installed one
    )
    assert imported.stdout.strip() == published.version


def test_publishing_again_stops_before_uploading(
    published: Published, clone: Clone, package_index: PackageIndex
) -> None:
    clone.reset(published.commit)
    before = package_index.files()
    # This time through the simple index's own URL, as for an index that serves it apart.
    run = publish(clone, package_index, "--index-url", package_index.simple_url)
    assert_failed(run, f"pyjiit {published.version} is already on {package_index.url}")
    assert "`poetry version patch`" in run.output
    assert package_index.files() == before


def test_wrong_credentials_upload_nothing(
    project: Clone, package_index: PackageIndex, versions: Iterator[str]
) -> None:
    project.commit_version(next(versions))
    before = package_index.files()
    wrong = "not-" + package_index.password
    run = publish(project, package_index, password=wrong)
    assert run.returncode != 0, run.output
    assert f"twine could not upload to {package_index.url}" in run.output
    assert "check the credentials" in run.output
    assert wrong not in run.output
    assert package_index.files() == before


def test_dirty_tree_is_refused(project: Clone, package_index: PackageIndex, versions: Iterator[str]) -> None:
    project.commit_version(next(versions))
    (project.path / "README.md").write_text("edited, not committed\n", encoding="utf-8")
    before = package_index.files()
    run = publish(project, package_index)
    assert_failed(run, "the work tree has uncommitted changes (README.md)")
    assert package_index.files() == before


@pytest.mark.parametrize("where", ["git tag", "GitHub Actions"])
def test_tag_must_match_the_version(
    where: str, project: Clone, package_index: PackageIndex, versions: Iterator[str]
) -> None:
    project.commit_version(next(versions))
    other = next(versions)
    if where == "git tag":
        project.git("tag", f"v{other}")
        env = {}
    else:
        env = {"GITHUB_REF_TYPE": "tag", "GITHUB_REF_NAME": f"v{other}"}
    before = package_index.files()
    run = publish(project, package_index, **env)
    assert_failed(run, f"built version {project.version()} does not match the expected version {other}")
    assert package_index.files() == before


def test_dry_run_uploads_nothing(
    project: Clone, package_index: PackageIndex, versions: Iterator[str]
) -> None:
    version = next(versions)
    project.commit_version(version)
    before = package_index.files()
    run = project.nox("-R", "-s", "publish", "--", "--repository-url", package_index.url, "--dry-run")
    assert run.returncode == 0, run.output
    assert f"dry run: pyjiit-{version}.tar.gz and pyjiit-{version}-py3-none-any.whl" in run.output
    assert "twine upload" not in run.output
    assert package_index.files() == before


def test_an_upload_url_whose_index_lists_nothing_is_said(
    project: Clone, package_index: PackageIndex, versions: Iterator[str]
) -> None:
    """As TestPyPI's upload URL: its simple pages live elsewhere, so the duplicate check sees nothing."""
    project.commit_version(next(versions))
    elsewhere = package_index.url + "uploads-only/"
    run = project.nox("-R", "-s", "publish", "--", "--repository-url", elsewhere, "--dry-run")
    assert run.returncode == 0, run.output
    assert (
        f"{elsewhere} lists no pyjiit files: if this index's simple pages live at another URL" in run.output
    )
    # Given the index, it says nothing.
    run = project.nox(
        "-R", "-s", "publish", "--", "--repository-url", elsewhere, "--index-url", package_index.simple_url,
        "--dry-run",
    )  # fmt: skip
    assert run.returncode == 0, run.output
    assert "lists no pyjiit files" not in run.output


def test_pypi_is_the_default_index(project: Clone) -> None:
    # pyjiit 0.1.0a9 is on PyPI, and a published version stays there.
    project.commit_version("0.1.0a9")
    run = project.nox("-R", "-s", "publish", "--", "--dry-run")
    assert_failed(run, "pyjiit 0.1.0a9 is already on PyPI")
    assert "`poetry version prerelease`" in run.output


def test_the_build_jobs_files_are_published_as_the_release_workflow_does(
    project: Clone, package_index: PackageIndex, versions: Iterator[str]
) -> None:
    # The workflow downloads the build job's dist/ into release-dist/, inside the
    # checkout, and publishes exactly those files: nothing is rebuilt.
    version = next(versions)
    project.commit_version(version)
    built = project.nox("-R", "-s", "build")
    assert built.returncode == 0, built.output
    (project.path / "dist").rename(project.path / "release-dist")
    artifact = {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in (project.path / "release-dist").iterdir()
    }
    dry = publish(project, package_index, "--dist", "release-dist", "--dry-run")
    assert dry.returncode == 0, dry.output
    run = publish(project, package_index, "--dist", "release-dist")
    assert run.returncode == 0, run.output
    assert "poetry build" not in run.output
    assert not (project.path / "dist").exists()
    for name, digest in artifact.items():
        assert hashlib.sha256((package_index.directory / name).read_bytes()).hexdigest() == digest
    assert f"published pyjiit {version}" in run.output


def test_given_files_get_the_checks_a_build_gets(
    project: Clone, package_index: PackageIndex, versions: Iterator[str]
) -> None:
    project.commit_version(next(versions))
    assert project.nox("-R", "-s", "build").returncode == 0
    (project.path / "dist").rename(project.path / "release-dist")
    next(project.path.joinpath("release-dist").glob("*.whl")).unlink()
    before = package_index.files()
    run = publish(project, package_index, "--dist", "release-dist")
    assert_failed(run, "release-dist/ must hold exactly one sdist and one wheel")
    assert package_index.files() == before


#: Attestations from pypi-attestations' own tests (another project's files): twine and the index check
#: only that they are JSON, and PyPI is not here to check more.
ATTESTATIONS = Path(__file__).with_name("assets")


def form_fields(content_type: str, body: bytes) -> dict[str, bytes]:
    """The fields of a multipart/form-data upload, by name."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    fields = {}
    for part in message.iter_parts():
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes), part
        fields[str(part.get_param("name", header="content-disposition"))] = payload
    return fields


def test_attestations_beside_the_files_are_uploaded_with_them(
    project: Clone, package_index: PackageIndex, versions: Iterator[str]
) -> None:
    version = next(versions)
    project.commit_version(version)
    dist = project.build_artifact()
    sdist, wheel = next(dist.glob("*.tar.gz")), next(dist.glob("*.whl"))
    # As `nox -s sign` leaves them: `<file>.publish.attestation`, beside each file.
    signed = {
        sdist: ATTESTATIONS / "pypi_attestations-0.0.19.tar.gz.publish.attestation",
        wheel: ATTESTATIONS / "rfc8785-0.1.2-py3-none-any.whl.publish.attestation",
    }
    for file, attestation in signed.items():
        file.with_name(file.name + ".publish.attestation").write_bytes(attestation.read_bytes())
    hashes = {file.name: hashlib.sha256(file.read_bytes()).hexdigest() for file in signed}
    with record_uploads(package_index) as recorder:
        run = project.nox(
            "-R", "-s", "publish", "--", "--dist", "release-dist",
            "--repository-url", recorder.url, "--index-url", package_index.simple_url,
            TWINE_USERNAME=package_index.username, TWINE_PASSWORD=package_index.password,
        )  # fmt: skip
    assert run.returncode == 0, run.output
    assert f"published pyjiit {version} with their attestations" in run.output
    assert "not signed" not in run.output
    # The files land as they were, and nothing else: pypiserver keeps no attestation.
    assert not [name for name in package_index.files() if name.endswith(".attestation")]
    for name, digest in hashes.items():
        assert hashlib.sha256((package_index.directory / name).read_bytes()).hexdigest() == digest
    # Each file's upload request carried its own attestation, as PyPI's upload API wants it.
    uploads = [form_fields(*post) for post in recorder.posts]
    by_file = {hashlib.sha256(fields["content"]).hexdigest(): fields for fields in uploads}
    assert len(uploads) == 2
    for file, attestation in signed.items():
        fields = by_file[hashes[file.name]]
        assert json.loads(fields["attestations"]) == [json.loads(attestation.read_bytes())]


def test_a_file_without_its_attestation_stops_the_upload(
    project: Clone, package_index: PackageIndex, versions: Iterator[str]
) -> None:
    version = next(versions)
    project.commit_version(version)
    dist = project.build_artifact()
    wheel = next(dist.glob("*.whl"))
    attestation = ATTESTATIONS / "rfc8785-0.1.2-py3-none-any.whl.publish.attestation"
    wheel.with_name(wheel.name + ".publish.attestation").write_bytes(attestation.read_bytes())
    before = package_index.files()
    run = publish(project, package_index, "--dist", "release-dist")
    assert_failed(run, f"pyjiit-{version}.tar.gz has no attestation beside it, unlike the other files")
    assert package_index.files() == before


def test_signing_needs_github_actions_oidc_token(project: Clone) -> None:
    # Outside the release workflow there is no identity PyPI would accept, so nothing is signed.
    dist = project.build_artifact()
    run = project.nox("-R", "-s", "sign", "--", "release-dist")
    assert run.returncode != 0, run.output
    assert "not signed: this needs GitHub Actions' OpenID Connect token" in run.output
    assert not list(dist.glob("*.attestation"))
