"""Logging in and out, the saved session, and how failures end the command."""

from __future__ import annotations

import json
import stat
import sys
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from pyjiit import endpoints
from pyjiit.cli import main
from pyjiit.cli.exits import ExitCode
from pyjiit.testing import FakePortal, Fault
from pyjiit.testing.data import pending_charge
from tests.cli.conftest import Cli, logged_in

if TYPE_CHECKING:
    from pathlib import Path


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_login_saves_a_private_session_without_the_password(fresh_cli: Cli, portal: FakePortal) -> None:
    result = fresh_cli(
        "--debug", "--portal-url", portal.url, "login", portal.username, password=portal.password
    )
    assert result.code == 0, result.stderr
    assert f"Logged in as {portal.student.name} ({portal.username})" in result.stdout
    files = {path.name: path for path in fresh_cli.cache.iterdir()}
    assert set(files) == {"session.json", "portal.json"}
    if sys.platform != "win32":
        assert mode_of(files["session.json"]) == 0o600
        assert mode_of(fresh_cli.cache) == 0o700
    assert json.loads(files["portal.json"].read_text())["url"] == portal.url
    for text in (result.stdout, result.stderr, *(path.read_text() for path in files.values())):
        assert portal.password not in text


def test_wrong_password_is_refused(fresh_cli: Cli, portal: FakePortal) -> None:
    wrong = "not-" + portal.password
    result = fresh_cli("--json", "--portal-url", portal.url, "login", portal.username, password=wrong)
    assert result.code == 5
    assert result.stderr.startswith(f"pyjiit: error: the portal at {urlsplit(portal.url).netloc} refused: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.json()["error"]["kind"] == "refused"
    assert wrong not in result.stdout + result.stderr
    assert not fresh_cli.cache.exists()


def test_google_login(fresh_here: Cli, portal: FakePortal) -> None:
    given = fresh_here(
        "--portal-url", portal.url, "--sso-url", portal.sso_url, "login", "--google", portal.google_credential
    )
    assert given.code == 0, given.stderr
    from_env = fresh_here(
        "--json",
        "--portal-url",
        portal.url,
        "--sso-url",
        portal.sso_url,
        "login",
        "--google",
        env={"PYJIIT_GOOGLE_CREDENTIAL": portal.google_credential},
    )
    assert from_env.json()["name"] == portal.student.name
    assert fresh_here("--json", "whoami").json()["enrollment_no"] == portal.username


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["login"], "give your enrollment number"),
        (["login", "--google"], "--google needs a CREDENTIAL"),
        (["login", "24103041", "--google", "x"], "not both"),
    ],
)
def test_login_needs_one_way_in(fresh_here: Cli, args: list[str], message: str) -> None:
    result = fresh_here(*args)
    assert result.code == 2
    assert message in result.stderr


def test_no_password_and_no_terminal(fresh_cli: Cli, portal: FakePortal) -> None:
    result = fresh_cli("--portal-url", portal.url, "login", portal.username)
    assert result.code == 2
    assert "no password given: set PYJIIT_PASSWORD" in result.stderr


def test_not_logged_in(fresh_cli: Cli) -> None:
    result = fresh_cli("attendance")
    assert (result.code, result.stdout) == (3, "")
    assert result.stderr == "pyjiit: error: not logged in: run `pyjiit login`\n"


def test_every_command_needs_a_session_and_logout_drops_it(fresh_here: Cli, portal: FakePortal) -> None:
    for command in ("whoami", "exams", "grades", "fees", "marks"):
        assert fresh_here(command).code == 3, command
    assert fresh_here("logout").stdout.strip() == "Not logged in."
    logged_in(portal, fresh_here.cache, fresh_here.mode)
    assert fresh_here("--json", "logout").json() == {"had_session": True}
    assert list(fresh_here.cache.iterdir()) == []
    assert fresh_here("whoami").code == 3


def test_session_of_another_portal(here: Cli) -> None:
    result = here("--portal-url", "https://portal.invalid/StudentPortalAPI", "whoami")
    assert result.code == 3
    assert "the saved session is for" in result.stderr


def test_unreadable_session_means_logging_in_again(fresh_here: Cli, portal: FakePortal) -> None:
    logged_in(portal, fresh_here.cache, fresh_here.mode)
    (fresh_here.cache / "portal.json").write_text("{not json")
    result = fresh_here("attendance")
    assert result.code == 3
    assert "unreadable" in result.stderr
    logged_in(portal, fresh_here.cache, fresh_here.mode)
    (fresh_here.cache / "session.json").write_text("[]")
    assert fresh_here("attendance").code == 3


@pytest.mark.parametrize("field", ["url", "sso_url"])
def test_a_saved_portal_url_that_is_not_one_means_logging_in_again(
    fresh_here: Cli, portal: FakePortal, field: str
) -> None:
    logged_in(portal, fresh_here.cache, fresh_here.mode)
    saved = fresh_here.cache / "portal.json"
    saved.write_text(json.dumps({**json.loads(saved.read_text()), field: "portal.example"}))
    result = fresh_here("attendance")
    assert result.code == 3
    assert f"unreadable ({field} must be an http(s) URL with a host" in result.stderr


@pytest.mark.parametrize("who", ["enrollment number", "password"])
def test_credentials_that_are_not_utf8_are_a_usage_error(
    fresh_cli: Cli, portal: FakePortal, who: str
) -> None:
    # Bytes that are not UTF-8 in argv or the environment reach Python as lone surrogates.
    bad = "ab\udcff"
    username, password = (bad, portal.password) if who == "enrollment number" else (portal.username, bad)
    result = fresh_cli("--portal-url", portal.url, "login", username, password=password)
    assert result.code == ExitCode.USAGE
    assert f"pyjiit: error: the {who} is not UTF-8 text" in result.stderr
    assert list(fresh_cli.cache.glob("*")) == []


def test_expired_session(mode: str, tmp_path: Path) -> None:
    with FakePortal(tls=False) as portal:
        cli = logged_in(portal, tmp_path, mode)
        portal.expire_tokens()
        result = cli("attendance")
        assert result.code == 3
        assert (
            result.stderr.strip()
            == "pyjiit: error: your session has expired: run `pyjiit login` to log in again"
        )
        assert "Traceback" not in result.stderr
        assert cli("--json", "fees").json()["error"]["kind"] == "session_expired"


def test_portal_unavailable(fresh_cli: Cli, portal: FakePortal) -> None:
    # A login is never retried: one unavailable answer is the command's error, with no backoff to wait.
    portal.inject(endpoints.PRETOKEN_CHECK.path, Fault.unavailable())
    result = fresh_cli("--portal-url", portal.url, "login", portal.username, password=portal.password)
    assert result.code == 4
    assert result.stderr.startswith(
        f"pyjiit: error: the portal at {urlsplit(portal.url).netloc} is unavailable, try again later"
    )
    assert "Traceback" not in result.stderr
    assert not fresh_cli.cache.exists(), "a failed login keeps no session"


def test_debug_shows_the_traceback(here: Cli) -> None:
    result = here("--debug", "exams", "--semester", "1999ODDSEM")
    assert result.code == 2
    assert "Traceback (most recent call last)" in result.stderr
    assert result.stderr.rstrip().endswith(
        "pyjiit: error: no semester '1999ODDSEM' with exam events; the portal lists: "
        + result.stderr.rstrip().rsplit(": ", 1)[1]
    )


def test_pending_fines(here: Cli, portal: FakePortal) -> None:
    portal.pending_payments.append(pending_charge("LIBRARY FINE", 150))
    try:
        data = here("--json", "fees").json()
        text = here("fees")
    finally:
        portal.pending_payments.clear()
    assert [(charge["service"], charge["amount"]) for charge in data["charges"]] == [("LIBRARY FINE", 150)]
    assert data["total_due"] == 150 + sum(semester.fee_due for semester in portal.student.semesters)
    assert "LIBRARY FINE" in text.stdout


def test_tls_portal_with_its_ca_file(tmp_path: Path) -> None:
    mode = "in-process"
    with FakePortal(tls=True) as portal:
        assert portal.ca_file is not None
        cli = Cli(tmp_path, mode)
        login = cli(
            "--portal-url",
            portal.url,
            "--ca-file",
            portal.ca_file,
            "login",
            portal.username,
            password=portal.password,
        )
        assert login.code == 0, login.stderr
        # The saved session remembers the portal and its CA.
        assert cli("--json", "whoami").json()["portal"] == portal.url
        untrusted = Cli(tmp_path / "other", mode)(
            "--portal-url", portal.url, "login", portal.username, password=portal.password
        )
        assert untrusted.code == ExitCode.NOT_THE_PORTAL  # not "unavailable, try again later"
        assert "certificate is not trusted" in untrusted.stderr
        # The command line's way to trust it, not the library's.
        assert (
            "If the portal's certificate changed, give --ca-file a CA bundle that trusts it."
            in untrusted.stderr
        )
        assert "Webportal" not in untrusted.stderr


@pytest.mark.parametrize("package", ["rich", "platformdirs"])
def test_without_the_cli_extra(
    package: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, package, None)
    assert main(["fees"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == 'pyjiit: the command line needs the "cli" extra: pip install "pyjiit[cli]"\n'
