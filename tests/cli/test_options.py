"""Global options on either side of the command, ``--timeout``, and where errors say the portal is."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from pyjiit import endpoints
from pyjiit.cli.exits import ExitCode, describe
from pyjiit.cli.store import PortalAddress
from pyjiit.exceptions import LoginError, PortalUnavailable, ProtocolError, PyjiitError
from pyjiit.testing import Fault

if TYPE_CHECKING:
    from pyjiit.testing import FakePortal
    from tests.cli.conftest import Cli


def host_of(url: str) -> str:
    """The host and port of ``url``, as error messages name them."""
    return urlsplit(url).netloc


def test_global_options_after_the_command(cli: Cli) -> None:
    before = cli("--json", "attendance")
    after = cli("attendance", "--json")
    assert after.code == 0, after.stderr
    assert after.json() == before.json()
    # An option given before the command is not undone by its absence after it.
    assert cli("--json", "attendance", "--goal", "80").json()["goal"] == 80


def test_login_with_the_portal_after_the_command(fresh_cli: Cli, portal: FakePortal) -> None:
    result = fresh_cli(
        "login", portal.username, "--portal-url", portal.url, "--json", password=portal.password
    )
    assert result.code == 0, result.stderr
    assert result.json()["portal"] == portal.url


@pytest.mark.parametrize("value", ["0", "-1", "soon", "nan", "inf", "86401", "1e10"])
def test_bad_timeout(fresh_here: Cli, value: str) -> None:
    result = fresh_here("fees", "--timeout", value)
    assert result.code == ExitCode.USAGE
    assert "--timeout" in result.stderr


@pytest.mark.parametrize("option", ["--portal-url", "--sso-url"])
@pytest.mark.parametrize("url", ["foo", "ftp://portal.example/api", "https://", "https://[::1/api"])
def test_a_url_that_cannot_be_a_portal_is_a_usage_error(fresh_here: Cli, option: str, url: str) -> None:
    result = fresh_here(option, url, "login", "2300123", password="x")
    assert result.code == ExitCode.USAGE
    assert f"argument {option}: must be an http(s) URL with a host" in result.stderr
    assert repr(url) in result.stderr
    assert "unexpected" not in result.stderr
    assert list(fresh_here.cache.glob("*")) == []


def test_a_url_with_a_password_is_refused_without_showing_it(fresh_here: Cli) -> None:
    result = fresh_here("--portal-url", "https://me:hunter2@portal.example/api", "whoami")
    assert result.code == ExitCode.USAGE
    assert "argument --portal-url: must not carry a user name or password" in result.stderr
    assert "hunter2" not in result.stderr


def test_timeout_in_seconds(here: Cli, portal: FakePortal) -> None:
    portal.inject(endpoints.FEE_SUMMARY.path, Fault.delay(2))
    result = here("fees", "--timeout", "0.25")
    assert result.code == ExitCode.UNAVAILABLE
    assert result.stderr == (
        f"pyjiit: error: the portal at {host_of(portal.url)} is unavailable, try again later "
        "(the portal did not answer within 0.25 s)\n"
    )


def test_a_network_sign_in_page_is_not_the_portal(here: Cli, portal: FakePortal) -> None:
    # Campus Wi-Fi answering with its own page: nothing to retry later, something to do now.
    portal.inject(endpoints.FEE_SUMMARY.path, Fault.captive_portal())
    result = here("fees")
    assert result.code == ExitCode.NOT_THE_PORTAL
    assert result.stderr.startswith(f"pyjiit: error: the server at {host_of(portal.url)} is not the portal (")
    assert "sign in to the network" in result.stderr
    assert "try again later" not in result.stderr


def test_a_wrong_path_on_the_portals_host_is_not_the_portal(fresh_here: Cli, portal: FakePortal) -> None:
    result = fresh_here(
        "--portal-url", portal.url + "/wrong", "login", portal.username, password=portal.password
    )
    assert result.code == ExitCode.NOT_THE_PORTAL
    assert result.stderr == (
        f"pyjiit: error: the server at {host_of(portal.url)} is not the portal (no such endpoint at this "
        "address (HTTP 404 Not Found: No static resource StudentPortalAPI/wrong/token/pretoken-check); it "
        "is not the portal's API, or the portal no longer has this endpoint): sign in to the network if "
        "it asks you to, or check --portal-url and --ca-file\n"
    )


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        (
            Fault.endless(),
            "the answer is larger than the limit of 4,194,304 bytes (counted after decompression).",
        ),
        (Fault.not_an_object([0] * 200_000), "the answer holds more than 131,072 values."),
    ],
    ids=["bytes", "values"],
)
def test_an_answer_too_large_gives_no_advice_for_python_code(
    here: Cli, portal: FakePortal, fault: Fault, reason: str
) -> None:
    # The library says to raise Webportal's max_answer_bytes: the command line has no such option.
    portal.inject(endpoints.FEE_SUMMARY.path, fault)
    result = here("fees")
    assert (result.code, result.stderr) == (
        ExitCode.ERROR,
        f"pyjiit: error: the portal at {host_of(portal.url)} sent an answer pyjiit cannot read: {reason}\n",
    )


def test_errors_name_the_host_and_keep_paths_for_debug(fresh_here: Cli, portal: FakePortal) -> None:
    # A login is never retried: one unavailable answer is the command's error, with no backoff to wait.
    path = endpoints.PRETOKEN_CHECK.path
    login = ("--portal-url", portal.url, "login", portal.username)
    portal.inject(path, Fault.unavailable())
    plain = fresh_here(*login, password=portal.password)
    assert plain.code == ExitCode.UNAVAILABLE
    assert plain.stderr.startswith(f"pyjiit: error: the portal at {host_of(portal.url)} is unavailable, ")
    assert path not in plain.stderr
    portal.inject(path, Fault.unavailable())
    debug = fresh_here("--debug", *login, password=portal.password)
    assert (
        f"pyjiit: error: the portal at {host_of(portal.url)} is unavailable, try again later ({path}: "
        in (debug.stderr)
    )


def test_google_sign_in_errors_name_its_host(fresh_here: Cli, portal: FakePortal) -> None:
    # The sign-in exchange on another name of the same server, to tell the two hosts apart.
    sso_url = portal.sso_url.replace(portal.host, "localhost")
    result = fresh_here("--portal-url", portal.url, "--sso-url", sso_url, "login", "--google", "not-a-token")
    assert result.code == ExitCode.REFUSED
    assert result.stderr.startswith(f"pyjiit: error: the portal at {host_of(sso_url)} refused: ")
    assert endpoints.GOOGLE_SIGN_IN.path not in result.stderr


def _of_call(error: PyjiitError, path: str) -> PyjiitError:
    """``error`` as the library raises it from a call to ``path``: marked with the endpoint."""
    error.endpoint = path
    return error


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (
            _of_call(
                PortalUnavailable("/token/getcaptcha: could not reach the portal (OSError)"),
                "/token/getcaptcha",
            ),
            "the portal{where} is unavailable, try again later (could not reach the portal (OSError))",
        ),
        (
            LoginError(
                "/token/generatewebtoken: the portal answered Failure: Invalid Password",
                endpoint="/token/generatewebtoken",
            ),
            "the portal{where} refused: the portal answered Failure: Invalid Password",
        ),
        (
            _of_call(
                ProtocolError("/studentsexamview/printstudent-exammarks: the answer is not a PDF document"),
                "/studentsexamview/printstudent-exammarks",
            ),
            "the portal{where} sent an answer pyjiit cannot read: the answer is not a PDF document",
        ),
        # Not an endpoint's path, or an error of no call: the message stays whole.
        (
            _of_call(ProtocolError("/etc/passwd: odd"), "/etc/passwd"),
            "the portal{where} sent an answer pyjiit cannot read: /etc/passwd: odd",
        ),
        (
            ProtocolError("/token/getcaptcha: not from a call"),
            "the portal{where} sent an answer pyjiit cannot read: /token/getcaptcha: not from a call",
        ),
    ],
)
def test_error_messages(error: Exception, message: str) -> None:
    # A user name and password in the portal's URL stay out of messages.
    portal = PortalAddress("https://student:secret@portal.example:6011/StudentPortalAPI")
    assert describe(error, portal=portal) == message.format(where=" at portal.example:6011")
    assert describe(error) == message.format(where="")
