"""``nox -s verify``: the files of a release on an index, checked against a rebuild of its tag."""

from __future__ import annotations

import hashlib
import json
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.pipeline.harness import clean_env
from tests.pipeline.index import PackageIndex, serve_pages

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tests.pipeline.harness import Clone, Run

pytestmark = pytest.mark.pipeline

#: Provenance that pypi-attestations' own tests verify: another project's, signed by its workflow.
FOREIGN_PROVENANCE = Path(__file__).with_name("assets") / "pypi_attestations-0.0.19.tar.gz.provenance"


@dataclass(frozen=True)
class Release:
    """A version tagged in the clone and published to the index."""

    version: str
    commit: str
    hashes: dict[str, str]  # sha256 of each file published


def release(project: Clone, index: PackageIndex, version: str, *, tamper: bool = False) -> Release:
    """Commit and tag ``version``, build it, change its wheel if told, and publish exactly those files."""
    commit = project.commit_version(version)
    project.git("tag", f"v{version}")
    dist = project.build_artifact()
    if tamper:
        tamper_with(next(dist.glob("*.whl")))
    hashes = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in dist.iterdir()}
    run = project.nox(
        "-R", "-s", "publish", "--", "--repository-url", index.url, "--dist", str(dist),
        TWINE_USERNAME=index.username, TWINE_PASSWORD=index.password,
    )  # fmt: skip
    assert run.returncode == 0, run.output
    return Release(version, commit, hashes)


def tamper_with(wheel: Path) -> None:
    """Add a line to the wheel's ``pyjiit/__init__.py``: a valid wheel, with other bytes."""
    with zipfile.ZipFile(wheel) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            changed = data + b"# not what the tag builds\n" if info.filename == "pyjiit/__init__.py" else data
            target.writestr(info, changed)


def verify(project: Clone, released: Release, index_url: str, *args: str) -> Run:
    """Run ``nox -s verify`` for ``released`` in the clone, with its tag back in place."""
    project.reset(released.commit)
    project.git("tag", f"v{released.version}")
    return project.nox("-R", "-s", "verify", "--", released.version, "--index-url", index_url, *args)


@pytest.fixture(scope="module")
def matching(clone: Clone, package_index: PackageIndex, versions: Iterator[str]) -> Release:
    """A release published as built, once per module."""
    clone.reset()
    return release(clone, package_index, next(versions))


def test_a_release_identical_to_its_tag_passes(
    project: Clone, matching: Release, package_index: PackageIndex
) -> None:
    run = verify(project, matching, package_index.simple_url)
    assert run.returncode == 0, run.output
    assert len(matching.hashes) == 2
    for name, digest in matching.hashes.items():
        assert hashlib.sha256((package_index.directory / name).read_bytes()).hexdigest() == digest
        assert f"{name}: identical to the rebuild (sha256 {digest})" in run.output
        assert f"{name}: the index serves no provenance for it (PEP 740)" in run.output
    assert f"every file is identical to a rebuild of v{matching.version}" in run.output


def test_a_tampered_file_is_named(
    project: Clone, package_index: PackageIndex, versions: Iterator[str]
) -> None:
    tampered = release(project, package_index, next(versions), tamper=True)
    run = verify(project, tampered, package_index.simple_url)
    assert run.returncode != 0, run.output
    wheel = f"pyjiit-{tampered.version}-py3-none-any.whl"
    sdist = f"pyjiit-{tampered.version}.tar.gz"
    assert f"{wheel}: differs from the rebuild (index sha256 {tampered.hashes[wheel]}, rebuild " in run.output
    assert f"{sdist}: identical to the rebuild" in run.output
    assert f"pyjiit {tampered.version} on {package_index.simple_url} fails verification" in run.output


def test_a_version_that_was_never_tagged_is_refused(
    project: Clone, matching: Release, package_index: PackageIndex
) -> None:
    project.reset(matching.commit)  # published, but the tag is gone
    run = project.nox("-R", "-s", "verify", "--", matching.version, "--index-url", package_index.simple_url)
    assert run.returncode != 0, run.output
    assert f"there is no tag v{matching.version} in this repository" in run.output


def json_index(
    released: Release, package_index: PackageIndex, provenance: bytes
) -> dict[str, tuple[str, bytes]]:
    """A PEP 691 JSON index serving ``released``'s files, each with ``provenance`` (PEP 740)."""
    files = [
        {
            "filename": name,
            "url": f"/files/{name}",
            "hashes": {"sha256": digest},
            "provenance": f"/provenance/{name}",
        }
        for name, digest in released.hashes.items()
    ]
    pages = {
        "/simple/pyjiit/": ("application/vnd.pypi.simple.v1+json", json.dumps({"files": files}).encode())
    }
    for name in released.hashes:
        pages[f"/files/{name}"] = ("application/octet-stream", (package_index.directory / name).read_bytes())
        pages[f"/provenance/{name}"] = ("application/vnd.pypi.integrity.v1+json", provenance)
    return pages


def test_provenance_from_another_publisher_is_refused(
    project: Clone, matching: Release, package_index: PackageIndex
) -> None:
    # Real provenance, served as an index would serve it, but another project's workflow signed it.
    with serve_pages(json_index(matching, package_index, FOREIGN_PROVENANCE.read_bytes())) as url:
        run = verify(project, matching, f"{url}simple/", "--offline")
    assert run.returncode != 0, run.output
    for name in matching.hashes:
        assert (
            f"{name}: identical to the rebuild" in run.output
        )  # the bytes are right; who uploaded them is not
        assert (
            f"{name}: published by GitHub trailofbits/pypi-attestations release.yml, "
            "not by codelif/pyjiit's release.yml"
        ) in run.output


def test_provenance_that_claims_this_publisher_must_prove_it(
    project: Clone, matching: Release, package_index: PackageIndex
) -> None:
    # The same provenance, its publisher rewritten to be ours: the JSON agrees, the signature cannot.
    provenance = json.loads(FOREIGN_PROVENANCE.read_bytes())
    for bundle in provenance["attestation_bundles"]:
        bundle["publisher"] |= {"repository": "codelif/pyjiit", "workflow": "release.yml"}
    with serve_pages(json_index(matching, package_index, json.dumps(provenance).encode())) as url:
        run = verify(project, matching, f"{url}simple/", "--offline")
    assert run.returncode != 0, run.output
    # pypi-attestations' own words: the certificate Sigstore issued names the repository that signed.
    assert "Certificate's OIDCSourceRepositoryURI does not match" in run.output
    for name in matching.hashes:
        assert f"{name}: its provenance does not verify" in run.output


def test_the_verifier_accepts_the_material_it_refuses_above(
    project: Clone, matching: Release, package_index: PackageIndex
) -> None:
    # The refusals above mean something only if the locked pypi-attestations, offline, can verify
    # this material at all: here it verifies the file the provenance was made for, as verify runs it.
    assert verify(project, matching, package_index.simple_url).returncode == 0  # makes .nox/verify
    python = project.path / ".nox" / "verify" / "bin" / "python"
    signed = FOREIGN_PROVENANCE.with_suffix("")  # pypi_attestations-0.0.19.tar.gz
    done = subprocess.run(
        [
            str(python), "-m", "pypi_attestations", "verify", "pypi",
            "--repository", "https://github.com/trailofbits/pypi-attestations",
            "--provenance-file", str(FOREIGN_PROVENANCE), "--offline", str(signed),
        ],
        capture_output=True, text=True, check=False, env=clean_env(),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"OK: {signed.name}" in done.stderr
