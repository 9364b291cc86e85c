"""noxfile.py's checks of what a release session is given, called directly on a stand-in session.

The sessions' end-to-end behaviour (building, uploading to a local index) is
proven by tests/pipeline; these are the decisions made before any of that.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, NoReturn

import pytest
from packaging.version import Version

import noxfile
from tests.workflows.noxfile_session import FakeSession, Stopped

if TYPE_CHECKING:
    from pathlib import Path

SECRET = "pypi-SECRETTOKEN"


@pytest.mark.parametrize(
    "url",
    [
        f"htps://__token__:{SECRET}@upload.invalid/legacy/",  # a typo in the scheme
        f"https//__token__:{SECRET}@upload.invalid/",  # no colon: no netloc for urlsplit
        f"https:/__token__:{SECRET}@upload.invalid/",
        f"https://__token__:{SECRET}@upload.invalid/legacy/",  # well formed, but with credentials
        f"ftp://u:{SECRET}@x.invalid/simple/",
        f"{SECRET}@upload.invalid",
    ],
)
def test_a_url_with_credentials_is_refused_without_showing_them(url: str) -> None:
    with pytest.raises(Stopped) as stopped:
        noxfile.check_url(FakeSession().as_session(), "--repository-url", url)
    assert SECRET not in stopped.value.message
    assert stopped.value.message.startswith("--repository-url must ")


def test_twine_repository_url_from_the_environment_is_named_and_hidden(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TWINE_REPOSITORY_URL", f"https//__token__:{SECRET}@upload.invalid/")
    monkeypatch.delenv("TWINE_REPOSITORY", raising=False)
    with pytest.raises(Stopped) as stopped:
        noxfile.publish_options(FakeSession("--dry-run", name="publish").as_session())
    assert SECRET not in stopped.value.message
    assert stopped.value.message.startswith("TWINE_REPOSITORY_URL must be an http(s) URL")


@pytest.mark.parametrize(
    ("options", "arguments"),
    [
        (noxfile.publish_options, ["--repository-url", f"htps://__token__:{SECRET}@upload.invalid/"]),
        (noxfile.publish_options, [f"--repository-url=https//u:{SECRET}@upload.invalid/"]),
        (noxfile.publish_options, [f"--repository-urll=https://u:{SECRET}@upload.invalid/"]),  # unknown
        (noxfile.verify_options, ["0.2.0", "--index-url", f"htps://u:{SECRET}@x.invalid/simple/"]),
        (noxfile.verify_options, ["0.2.0", f"https://u:{SECRET}@x.invalid/simple/"]),  # an extra argument
    ],
)
def test_session_options_never_echo_credentials(
    monkeypatch: pytest.MonkeyPatch, options: object, arguments: list[str]
) -> None:
    monkeypatch.delenv("TWINE_REPOSITORY_URL", raising=False)
    monkeypatch.delenv("TWINE_REPOSITORY", raising=False)
    assert callable(options)
    with pytest.raises(Stopped) as stopped:
        options(FakeSession(*arguments).as_session())
    assert SECRET not in stopped.value.message
    assert "***@" in stopped.value.message or "credentials" in stopped.value.message


def test_a_good_url_passes() -> None:
    noxfile.check_url(FakeSession().as_session(), "--index-url", "http://127.0.0.1:8080/simple/")


@pytest.fixture
def no_tag(monkeypatch: pytest.MonkeyPatch) -> None:
    """No version comes from a tag: not GitHub's, and not one on HEAD."""
    monkeypatch.delenv("GITHUB_REF_TYPE", raising=False)
    monkeypatch.delenv("GITHUB_REF_NAME", raising=False)
    monkeypatch.delenv("TWINE_REPOSITORY_URL", raising=False)
    monkeypatch.delenv("TWINE_REPOSITORY", raising=False)
    monkeypatch.setattr(noxfile, "tag_version", lambda session: None)


class Built(Exception):
    """A session got as far as building or checking its files, expecting ``expect``."""

    def __init__(self, expect: Version | None) -> None:
        super().__init__(str(expect))
        self.expect = expect


@pytest.fixture
def stops_at_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """Building or checking the distributions stops the session, with the version it was to expect."""

    def build(session: object, expect: Version | None) -> NoReturn:
        raise Built(expect)

    def check(session: object, folder: Path, expect: Version | None) -> NoReturn:
        raise Built(expect)

    monkeypatch.setattr(noxfile, "build_distributions", build)
    monkeypatch.setattr(noxfile, "check_distributions", check)
    monkeypatch.setattr(noxfile, "install_release_tools", lambda session: None)
    monkeypatch.setattr(noxfile, "require_clean_tree", lambda *args, **kwargs: "0" * 40)
    monkeypatch.setenv("ACTIONS_ID_TOKEN_REQUEST_URL", "http://127.0.0.1:9/token")  # for sign


@pytest.mark.usefixtures("no_tag", "stops_at_build")
@pytest.mark.parametrize(
    ("session", "arguments"),
    [
        ("build", ["--expect-version", "9.9.9"]),
        ("build", ["--expect-version=9.9.9"]),
        ("publish", ["--dry-run", "--expect-version=9.9.9"]),
        ("publish", ["--dist", "release-dist", "--expect-version", "9.9.9"]),
        ("sign", ["release-dist", "--expect-version=9.9.9"]),
    ],
)
def test_every_spelling_of_expect_version_is_checked(session: str, arguments: list[str]) -> None:
    with pytest.raises(Built) as reached:
        getattr(noxfile, session)(FakeSession(*arguments, name=session).as_session())
    assert reached.value.expect == Version("9.9.9")


@pytest.mark.usefixtures("no_tag", "stops_at_build")
@pytest.mark.parametrize(
    ("session", "arguments", "message"),
    [
        (
            "build",
            ["--expect-versoin", "9.9.9"],
            "unknown arguments for nox -s build: --expect-versoin 9.9.9",
        ),
        ("build", ["9.9.9"], "unknown arguments for nox -s build: 9.9.9"),
        ("build", ["--expect", "9.9.9"], "unknown arguments for nox -s build: --expect 9.9.9"),
        ("publish", ["--dry-run", "--expect", "9.9.9"], "unknown arguments for nox -s publish: --expect"),
        ("publish", ["--dry", "--expect-version", "9.9.9"], "unknown arguments for nox -s publish: --dry"),
        ("sign", ["release-dist", "--expect=9.9.9"], "unknown arguments for nox -s sign: --expect=9.9.9"),
        ("sign", ["release-dist", "other-dist"], "unknown arguments for nox -s sign: other-dist"),
        ("verify", ["0.2.0", "--index", "http://x.invalid/"], "unknown arguments for nox -s verify: --index"),
        ("build", ["--expect-version"], "bad arguments for nox -s build: argument --expect-version"),
        ("build", ["--expect-version=next"], "expected version 'next' is not a version (PEP 440)"),
    ],
)
def test_unknown_abbreviated_or_bad_arguments_are_refused(
    session: str, arguments: list[str], message: str
) -> None:
    with pytest.raises(Stopped) as stopped:
        getattr(noxfile, session)(FakeSession(*arguments, name=session).as_session())
    assert stopped.value.message.startswith(message)


@pytest.mark.usefixtures("no_tag")
@pytest.mark.parametrize(
    ("session", "arguments"),
    [
        ("sign", ["release-dist"]),
        ("publish", ["--dist", "release-dist", "--dry-run"]),
        ("verify", ["0.2.0", "--index-url", "http://127.0.0.1:9/simple/"]),
    ],
)
def test_an_environment_left_empty_says_to_run_without_reuse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, session: str, arguments: list[str]
) -> None:
    # As `nox -R` after a run that stopped before installing: the environment exists, empty.
    monkeypatch.setattr(noxfile, "install", lambda *args, **kwargs: None)
    monkeypatch.setattr(noxfile, "require_clean_tree", lambda *args, **kwargs: "0" * 40)
    monkeypatch.setenv("ACTIONS_ID_TOKEN_REQUEST_URL", "http://127.0.0.1:9/token")  # for sign
    with pytest.raises(Stopped) as stopped:
        getattr(noxfile, session)(FakeSession(*arguments, name=session, bin=str(tmp_path)).as_session())
    assert stopped.value.message == (
        f"the {session} session's environment has no twine (an earlier run stopped before "
        "installing it, and -R installs nothing): run it once without -R"
    )


@pytest.mark.parametrize("tag", ["docs-2026", "0.2.0", "version-2"])
def test_a_tag_that_is_not_a_releases_pins_nothing_and_publishes_nothing(
    monkeypatch: pytest.MonkeyPatch, tag: str
) -> None:
    """CI runs on any tag (a manual run on ``docs-2026``); only ``vX.Y.Z`` is a release."""
    monkeypatch.setenv("GITHUB_REF_TYPE", "tag")
    monkeypatch.setenv("GITHUB_REF_NAME", tag)
    session = FakeSession(name="publish").as_session()
    assert noxfile.tag_version(session) is None
    with pytest.raises(Stopped, match=f"tag '{tag}' is not a release's tag: releases are tagged vX.Y.Z"):
        noxfile.require_release_tag(session)


def test_a_release_tag_pins_its_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_REF_TYPE", "tag")
    monkeypatch.setenv("GITHUB_REF_NAME", "v0.2.0")
    session = FakeSession(name="publish").as_session()
    noxfile.require_release_tag(session)
    assert noxfile.expected_version(session, None) == Version("0.2.0")


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for poetry")
def test_a_poetry_without_its_export_plugin_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """As `pipx install poetry` leaves it: every session needs `poetry export` for its constraints."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    poetry = bin_dir / "poetry"
    poetry.write_text(
        '#!/bin/sh\necho "The requested command export does not exist."\nexit 1\n', encoding="utf-8"
    )
    poetry.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    (tmp_path / "poetry.lock").write_text("# a lock not exported yet\n", encoding="utf-8")
    monkeypatch.setattr(noxfile, "ROOT", tmp_path)  # where the exported constraints go
    with pytest.raises(Stopped) as stopped:
        noxfile.locked_constraints(FakeSession(name="lint").as_session())
    assert stopped.value.message == (
        "`poetry export` failed (The requested command export does not exist.): Poetry needs its "
        "export plugin, poetry-plugin-export, which .ci/requirements.txt installs with it"
    )
    assert not list((tmp_path / ".nox" / "_constraints").iterdir())  # no half-written file left
