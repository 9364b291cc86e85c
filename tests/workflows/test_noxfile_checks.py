"""noxfile.py's checks of what a release session is given, called directly on a stand-in session.

The sessions' end-to-end behaviour (building, uploading to a local index) is
proven by tests/pipeline; these are the decisions made before any of that.
"""

from __future__ import annotations

import pytest

import noxfile
from tests.workflows.noxfile_session import FakeSession, Stopped

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
