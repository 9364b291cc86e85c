"""The saved session's directory: private, and never a session beside another portal's address."""

from __future__ import annotations

import os
import shutil
import stat
from typing import TYPE_CHECKING

import pytest

from pyjiit.cli.exits import ExitCode
from pyjiit.testing import FakePortal
from tests.cli.conftest import Cli, logged_in

if TYPE_CHECKING:
    from pathlib import Path

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes and owners are POSIX")


@posix_only
@pytest.mark.parametrize("mode", [0o777, 0o755, 0o720], ids=lambda mode: f"{mode:o}")
def test_a_directory_others_may_use_is_refused(fresh_here: Cli, portal: FakePortal, mode: int) -> None:
    # Whoever may write there can point portal.json at their own server.
    fresh_here.cache.mkdir(mode=0o700)
    fresh_here.cache.chmod(mode)
    login = fresh_here("--portal-url", portal.url, "login", portal.username, password=portal.password)
    assert login.code == 1
    assert f"others may read or write it (mode {mode:o}): run `chmod 700 {fresh_here.cache}`" in login.stderr
    assert list(fresh_here.cache.iterdir()) == []
    assert stat.S_IMODE(fresh_here.cache.stat().st_mode) == mode  # told, not changed


@posix_only
def test_a_session_in_a_directory_others_may_use_is_not_used(fresh_here: Cli, portal: FakePortal) -> None:
    logged_in(portal, fresh_here.cache, fresh_here.mode)
    fresh_here.cache.chmod(0o775)
    portal.requests.clear()
    result = fresh_here("whoami")
    assert result.code == ExitCode.NOT_LOGGED_IN
    assert "is not safe to use: others may read or write it (mode 775)" in result.stderr
    assert portal.requests == []


def test_a_failed_login_leaves_no_session(fresh_here: Cli, portal: FakePortal) -> None:
    # Saved beside the old portal's address, the new session's token would be sent there.
    logged_in(portal, fresh_here.cache, fresh_here.mode)
    (fresh_here.cache / "portal.json").unlink()
    (fresh_here.cache / "portal.json").mkdir()  # cannot be replaced by a file
    with FakePortal(tls=False) as other:
        login = fresh_here("--portal-url", other.url, "login", other.username, password=other.password)
    assert not (fresh_here.cache / "session.json").exists()
    assert login.code == 1
    assert "cannot save the session" in login.stderr
    assert fresh_here("whoami").code == ExitCode.NOT_LOGGED_IN


def test_a_saved_ca_file_that_is_gone(tmp_path: Path) -> None:
    with FakePortal(tls=True) as portal:
        assert portal.ca_file is not None
        ca_file = tmp_path / "ca.pem"
        shutil.copy(portal.ca_file, ca_file)
        cli = Cli(tmp_path / "cache", "in-process")
        login = cli(
            "--portal-url", portal.url, "--ca-file", str(ca_file), "login", portal.username,
            password=portal.password,
        )  # fmt: skip
        assert login.code == 0, login.stderr
        for broken in ("", None):  # emptied, then deleted
            if broken is None:
                ca_file.unlink()
            else:
                ca_file.write_text(broken)
            gone = cli("whoami")
            assert gone.code == ExitCode.NOT_LOGGED_IN  # not "unexpected ValueError"
            assert f"the CA file saved with the session, {ca_file}, is gone or holds no" in gone.stderr
        assert cli("--ca-file", portal.ca_file, "whoami").code == 0
