"""Dependabot keeps the actions, the tool pins and the lock file current, slowly and in groups."""

from __future__ import annotations

from typing import Any

from tests.workflows.model import GITHUB, ROOT, load_yaml


def updates() -> dict[tuple[str, str], dict[str, Any]]:
    """The update entries by (ecosystem, directory)."""
    config = load_yaml(GITHUB / "dependabot.yml")
    assert config["version"] == 2
    return {(entry["package-ecosystem"], entry["directory"]): entry for entry in config["updates"]}


def test_watches_the_actions_the_tool_pins_and_the_lock() -> None:
    assert set(updates()) == {("github-actions", "/"), ("pip", "/.ci"), ("pip", "/")}
    # The directories hold what dependabot is pointed at.
    assert (ROOT / ".ci" / "requirements.txt").is_file()
    # A .in beside it makes dependabot recompile the .txt (hashes and all) with uv, as the .txt's header
    # says, on the Python that .python-version names, rather than edit pins in place.
    assert (ROOT / ".ci" / "requirements.in").is_file()
    assert (ROOT / ".ci" / ".python-version").is_file()
    assert (ROOT / "poetry.lock").is_file()


def test_every_update_is_weekly_grouped_and_cooled_down() -> None:
    for key, entry in updates().items():
        assert entry["schedule"] == {"interval": "weekly"}, key
        assert entry["cooldown"]["default-days"] >= 7, key
        assert any(group["patterns"] == ["*"] for group in entry["groups"].values()), key
    # github-actions refuses the semver-*-days keys, and one refused key drops the whole entry.
    assert set(updates()["github-actions", "/"]["cooldown"]) == {"default-days"}


def test_the_lock_moves_but_the_library_keeps_its_lower_bounds() -> None:
    assert updates()["pip", "/"]["versioning-strategy"] == "lockfile-only"
