"""Logging in, sessions, and what an authenticated call needs (issue: protocol core)."""

from __future__ import annotations

import datetime as dt
import logging
import math
import os
import re
import stat
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

import pyjiit
from pyjiit import Webportal, WebportalSession
from pyjiit.default import CAPTCHA
from pyjiit.endpoints import BANK_INFO, GENERATE_TOKEN, PERSONAL_INFO, PRETOKEN_CHECK
from pyjiit.exceptions import (
    AccountAPIError,
    APIError,
    FileNotSaved,
    LoginError,
    NotLoggedIn,
    PortalUnavailable,
    SessionError,
    SessionExpired,
    SessionNotSaved,
)
from pyjiit.testing import FakePortal, Fault
from tests.portal_clients import make_client

if TYPE_CHECKING:
    from pathlib import Path

UTC = dt.timezone.utc


def paths(portal: FakePortal) -> list[str]:
    return [request.path for request in portal.requests]


def test_student_login(client: Webportal, portal: FakePortal) -> None:
    session = client.student_login(portal.username, portal.password)
    assert client.session is session
    assert session.enrollmentno == portal.username
    assert session.instituteid
    assert session.memberid
    assert session.token.count(".") == 2
    assert session.expires_at is not None
    assert session.expires_at.tzinfo is not None
    lifetime = session.expires_at - dt.datetime.now(UTC)
    assert dt.timedelta(hours=1, minutes=55) < lifetime <= dt.timedelta(hours=2)
    assert not session.expired
    # pyjiit 0.1.0a9's expiry: the same moment, in local time without a zone, comparable with now().
    assert session.expiry == session.expires_at.astimezone().replace(tzinfo=None)
    assert session.expiry > dt.datetime.now()  # noqa: DTZ005 (as 0.1.0a9 code compares it)
    assert paths(portal) == [PRETOKEN_CHECK.path, GENERATE_TOKEN.path]


def test_login_sends_encrypted_bodies_with_the_default_captcha(client: Webportal, portal: FakePortal) -> None:
    client.student_login(portal.username, portal.password)
    pretoken, token = portal.requests
    assert pretoken.payload == {"username": portal.username, "usertype": "S", "captcha": CAPTCHA.payload()}
    assert not pretoken.body.startswith(b"{")  # ciphertext, not JSON
    assert token.payload["passwordotpvalue"] == portal.password
    assert token.payload["Modulename"] == "STUDENTMODULE"
    assert "rejectedData" not in token.payload
    assert "Authorization" not in pretoken.headers


def test_every_request_has_a_fresh_local_name_and_user_agent(
    logged_in: Webportal, portal: FakePortal
) -> None:
    logged_in.get_student_personal_information()
    logged_in.get_student_personal_information()
    first, second = portal.requests
    assert first.headers["LocalName"] != second.headers["LocalName"]
    assert first.headers["User-Agent"].startswith(f"pyjiit/{pyjiit.__version__}")
    assert first.headers["Authorization"] == f"Bearer {logged_in.session.token}"  # type: ignore[union-attr]


def test_wrong_password_is_a_login_error(client: Webportal, portal: FakePortal) -> None:
    with pytest.raises(LoginError) as caught:
        client.student_login(portal.username, portal.password + "x")
    assert caught.value.endpoint == GENERATE_TOKEN.path
    assert caught.value.errors
    assert isinstance(caught.value, APIError)
    assert client.session is None


def test_unknown_user_is_a_login_error(client: Webportal, portal: FakePortal) -> None:
    with pytest.raises(LoginError) as caught:
        client.student_login("00000000", portal.password)
    assert caught.value.endpoint == PRETOKEN_CHECK.path


@pytest.mark.parametrize("path", [PRETOKEN_CHECK.path, GENERATE_TOKEN.path])
def test_login_is_never_retried(client: Webportal, portal: FakePortal, path: str) -> None:
    portal.inject(path, Fault.unavailable(), times=1)
    with pytest.raises(PortalUnavailable):
        client.student_login(portal.username, portal.password)
    assert paths(portal).count(path) == 1


#: What Python reads from bytes that are not UTF-8 (a terminal, a variable): a lone surrogate.
NOT_UTF8 = "ab\udcff"


#: A call with text that is not UTF-8 in each argument that carries text, by the argument's name.
NOT_UTF8_CALLS: dict[str, Callable[[Webportal, FakePortal], object]] = {
    "username": lambda portal, fake: portal.student_login(NOT_UTF8, fake.password),
    "password": lambda portal, fake: portal.account.login(fake.username, NOT_UTF8),
    "credential": lambda portal, _: portal.account.google_login(NOT_UTF8),
    "old_password": lambda portal, fake: portal.account.change_password(NOT_UTF8, fake.password),
    "new_password": lambda portal, fake: portal.account.change_password(fake.password, NOT_UTF8),
}


@pytest.mark.parametrize("who", NOT_UTF8_CALLS)
def test_text_that_is_not_utf8_is_refused_before_anything_is_sent(
    client: Webportal, portal: FakePortal, who: str
) -> None:
    if who.endswith("_password"):
        client.account.login(portal.username, portal.password)
    sent = len(portal.requests)
    with pytest.raises(ValueError, match=f"^{who} holds a character UTF-8 cannot encode") as caught:
        NOT_UTF8_CALLS[who](client, portal)
    assert NOT_UTF8 not in str(caught.value)
    assert "\udcff" not in str(caught.value)
    assert len(portal.requests) == sent


def test_google_login(client: Webportal, portal: FakePortal) -> None:
    session = client.account.google_login(portal.google_credential)
    assert session.enrollmentno == portal.username
    assert session.instituteid
    assert client.get_student_personal_information()


def test_bad_google_credential(client: Webportal, portal: FakePortal) -> None:
    with pytest.raises(LoginError):
        client.account.google_login("not-a-credential")


def test_get_captcha(client: Webportal) -> None:
    captcha = client.get_captcha()
    assert captcha.hidden
    assert captcha.payload() == {"captcha": captcha.captcha, "hidden": captcha.hidden}


def test_calls_before_login_raise_not_logged_in(client: Webportal, portal: FakePortal) -> None:
    with pytest.raises(NotLoggedIn):
        client.get_student_personal_information()
    assert portal.requests == []


def test_expired_token_is_refused_before_the_network() -> None:
    portal = FakePortal(token_lifetime=dt.timedelta(seconds=60), awkward_tokens=True)
    with portal, make_client(portal) as client:
        session = client.student_login(portal.username, portal.password)
        assert session.expired  # within the 90 s margin
        portal.requests.clear()
        with pytest.raises(SessionExpired):
            client.get_student_personal_information()
        assert portal.requests == []


def test_token_rejected_by_the_portal_is_session_expired(logged_in: Webportal, portal: FakePortal) -> None:
    portal.expire_tokens()
    with pytest.raises(SessionExpired):
        logged_in.get_student_personal_information()


def test_logout_forgets_the_session(logged_in: Webportal) -> None:
    logged_in.account.logout()
    assert logged_in.session is None
    with pytest.raises(NotLoggedIn):
        logged_in.get_fee_summary()


def test_bank_info_is_sent_encrypted(logged_in: Webportal, portal: FakePortal) -> None:
    assert logged_in.get_student_bank_info()
    (request,) = portal.requests
    assert request.path == BANK_INFO.path
    assert not request.body.startswith(b"{")
    assert request.payload["instituteid"] == logged_in.session.instituteid  # type: ignore[union-attr]


def test_personal_information_is_sent_plain(logged_in: Webportal, portal: FakePortal) -> None:
    info = logged_in.get_student_personal_information()
    assert "generalinformation" in info
    (request,) = portal.requests
    assert request.path == PERSONAL_INFO.path
    assert request.body.startswith(b"{")


def test_set_password(logged_in: Webportal, portal: FakePortal) -> None:
    old = portal.password
    logged_in.set_password(old, "n3w-Secret!")
    with make_client(portal) as other:
        with pytest.raises(LoginError):
            other.student_login(portal.username, old)
        assert other.student_login(portal.username, "n3w-Secret!").token


def test_wrong_old_password_is_an_account_error(logged_in: Webportal, portal: FakePortal) -> None:
    with pytest.raises(AccountAPIError) as caught:
        logged_in.set_password("wrong", "n3w-Secret!")
    assert not isinstance(caught.value, APIError)  # as in 0.1.0a9


def test_password_change_is_never_retried(logged_in: Webportal, portal: FakePortal) -> None:
    portal.inject("/clxuser/changepassword", Fault.unavailable(), times=1)
    with pytest.raises(PortalUnavailable):
        logged_in.set_password(portal.password, "n3w-Secret!")
    assert len(portal.requests) == 1


def test_save_and_load_session(logged_in: Webportal, portal: FakePortal, tmp_path: Path) -> None:
    target = tmp_path / "session.json"
    logged_in.save_session(target)
    if sys.platform != "win32":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with make_client(portal) as other:
        restored = other.load_session(target)
        assert restored.token == logged_in.session.token  # type: ignore[union-attr]
        assert restored.expires_at == logged_in.session.expires_at  # type: ignore[union-attr]
        assert other.get_fee_summary()


def test_a_saved_session_keeps_an_enrollment_number_the_login_answer_lacked(
    client: Webportal, portal: FakePortal, tmp_path: Path
) -> None:
    """Older login answers have no regdata.enrollmentno: the login takes it from the user name."""
    live = client.student_login(portal.username, portal.password)
    regdata = {key: value for key, value in live.regdata.items() if key != "enrollmentno"}
    older = WebportalSession({"regdata": regdata})
    assert older.enrollmentno == ""
    older.enrollmentno = portal.username  # as the login sets it
    client.session = older
    client.save_session(tmp_path / "session.json")
    with make_client(portal) as later:
        assert later.load_session(tmp_path / "session.json").enrollmentno == portal.username
        # Sent with the enrollment number (the portal answers NO DATA FOUND to an empty one).
        assert later.registration.credits().required > 0


def test_save_replaces_a_readable_file_with_a_private_one(logged_in: Webportal, tmp_path: Path) -> None:
    target = tmp_path / "session.json"
    target.write_text("old")
    target.chmod(0o644)
    logged_in.save_session(target)
    if sys.platform != "win32":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [path.name for path in tmp_path.iterdir()] == ["session.json"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read"),
        (b"not json", "not JSON"),
        (b'{"format": 99}', "unknown or missing 'format'"),
        (b'{"format": 1, "regdata": {}}', "incomplete"),
        # Python's own json fails here with RecursionError.
        (b"[" * 100_000 + b"]" * 100_000, r"not JSON pyjiit reads: nested more than 64 levels"),
        (b"{}" + b" " * (1 << 20), r"larger than 1,048,576 bytes"),
    ],
)
def test_load_bad_session_file(
    client: Webportal, tmp_path: Path, content: bytes | None, message: str
) -> None:
    target = tmp_path / "session.json"
    if content is not None:
        target.write_bytes(content)
    with pytest.raises(SessionError, match=message):
        client.load_session(target)
    assert client.session is None


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    """A FIFO where a session file would be."""
    if sys.platform == "win32":
        pytest.skip("FIFOs are POSIX")
    target = tmp_path / "session.json"
    os.mkfifo(target)
    return target


def test_load_from_a_fifo_fails_at_once(client: Webportal, fifo: Path) -> None:
    # Opening a FIFO to read waits for a writer: forever, here.
    with pytest.raises(SessionError, match="not a regular file"):
        client.load_session(fifo)


def test_load_from_a_directory(client: Webportal, tmp_path: Path) -> None:
    with pytest.raises(SessionError, match="cannot read the session file"):
        client.load_session(tmp_path)


def test_save_leaves_what_is_not_a_file_alone(logged_in: Webportal, fifo: Path, tmp_path: Path) -> None:
    # Renamed over, a FIFO (or a device, as root) would be replaced by the session.
    with pytest.raises(SessionError, match="not a regular file"):
        logged_in.save_session(fifo)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    with pytest.raises(SessionError, match="cannot save the session"):
        logged_in.save_session(tmp_path)
    assert [path.name for path in tmp_path.iterdir()] == ["session.json"]


def test_save_without_session(client: Webportal, tmp_path: Path) -> None:
    with pytest.raises(NotLoggedIn):
        client.save_session(tmp_path / "session.json")


def test_save_into_missing_directory(logged_in: Webportal, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "session.json"
    with pytest.raises(SessionNotSaved, match="cannot save") as caught:
        logged_in.save_session(target)
    # Caught as session trouble (as 0.1.0a9-era code does) and as any file pyjiit could not write.
    assert isinstance(caught.value, SessionError)
    assert isinstance(caught.value, FileNotSaved)
    assert caught.value.path == str(target)
    assert isinstance(caught.value.__cause__, FileNotFoundError)


def test_session_round_trips_through_a_dict(logged_in: Webportal) -> None:
    session = logged_in.session
    assert session is not None
    restored = WebportalSession.from_dict(session.to_dict())
    assert (restored.token, restored.memberid, restored.enrollmentno) == (
        session.token,
        session.memberid,
        session.enrollmentno,
    )


def test_secrets_stay_out_of_logs_and_reprs(
    client: Webportal, portal: FakePortal, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    session = client.student_login(portal.username, portal.password)
    client.get_student_personal_information()
    portal.inject(PERSONAL_INFO.path, Fault.failure(errors=["NO DATA FOUND"]))
    with pytest.raises(APIError) as caught:
        client.get_student_personal_information()
    texts = [caplog.text, repr(session), str(session), repr(client), str(client), str(caught.value)]
    for text in texts:
        assert portal.password not in text
        assert session.token not in text
    assert "pretoken-check" in caplog.text  # the log says what was called


@pytest.mark.parametrize(
    ("url", "detail"),
    [
        ("webportal.jiit.ac.in", "got 'webportal.jiit.ac.in'"),
        ("ftp://webportal.jiit.ac.in/api", "got 'ftp://"),
        ("https://", "got 'https://'"),
        ("https://web portal.jiit.ac.in/api", "got 'https://web portal"),
        ("https://[::1/api", r"\(Invalid IPv6 URL\)"),
        ("https://webportal.jiit.ac.in:443x/api", "got 'https://webportal.jiit.ac.in:443x/api'"),
    ],
)
def test_a_url_that_cannot_be_the_portal_is_refused_at_once(url: str, detail: str) -> None:
    # At construction, not as "the portal is unavailable" at the first request.
    with pytest.raises(ValueError, match=rf"^base_url must be an http\(s\) URL with a host.*{detail}"):
        Webportal(url)
    with pytest.raises(ValueError, match=r"^sso_url must be an http\(s\) URL"):
        Webportal(sso_url=url)


def test_a_url_with_a_password_is_refused_without_repeating_it() -> None:
    with pytest.raises(ValueError, match="must not carry a user name or password") as caught:
        Webportal("https://student:hunter2@webportal.jiit.ac.in/api")
    assert "hunter2" not in str(caught.value)


@pytest.mark.parametrize(
    # Over a day: socket.settimeout(1e10) overflows, and no portal call needs a day.
    "timeout",
    [(10.0, 0.0), -1, 0, (1.0, math.inf), math.nan, True, 10**400, "5", 86_400.5, (1.0, 1e10)],
)
def test_timeout_must_be_finite_seconds(timeout: object) -> None:
    with pytest.raises(
        ValueError, match=r"^timeout must be a number of seconds, above 0 and at most 86,400, got "
    ):
        Webportal(timeout=timeout)  # type: ignore[arg-type]


@pytest.mark.parametrize("timeout", [(), (1.0,), (1.0, 2.0, 3.0)])
def test_timeout_is_one_number_or_a_pair(timeout: object) -> None:
    with pytest.raises(
        ValueError, match=r"^timeout must be seconds, or a \(connect, read\) pair of seconds, got "
    ):
        Webportal(timeout=timeout)  # type: ignore[arg-type]


@pytest.mark.parametrize("retries", [-1, 1.5, True, "2", None])
def test_retries_must_be_a_whole_number(retries: object) -> None:
    with pytest.raises(ValueError, match=r"^retries must be a whole number, 0 or more, got "):
        Webportal(retries=retries)  # type: ignore[arg-type]


@pytest.mark.parametrize("backoff", [-0.5, math.nan, math.inf, "0.5", None])
def test_backoff_must_be_finite_seconds(backoff: object) -> None:
    with pytest.raises(
        ValueError, match=r"^backoff must be a number of seconds, 0 or more and at most 86,400, got "
    ):
        Webportal(backoff=backoff)  # type: ignore[arg-type]


def test_other_settings_are_validated() -> None:
    with pytest.raises(ValueError, match="must name a CA bundle that exists"):
        Webportal(verify="missing-ca.pem")


@pytest.mark.parametrize("verify", [0, 1, None, b"ca.pem"])
def test_verify_is_a_bool_or_a_path(verify: object) -> None:
    # requests reads 0 and None as "do not verify": only False may turn checking off.
    with pytest.raises(ValueError, match=r"^verify must be True, False or the path of a CA bundle, got "):
        Webportal(verify=verify)  # type: ignore[arg-type]


def test_an_empty_verify_path_is_no_ca_bundle() -> None:
    # Path("") is the current directory, which exists; requests would read "" as False.
    with pytest.raises(ValueError, match=r"^verify must name a CA bundle that exists, got ''$"):
        Webportal(verify="")


@pytest.mark.parametrize("content", [b"", b"not a certificate\n", bytes(range(256))])
def test_a_ca_bundle_without_a_certificate_is_refused(tmp_path: Path, content: bytes) -> None:
    # Else every request fails as "unavailable, try again later", which never helps.
    bundle = tmp_path / "ca.pem"
    bundle.write_bytes(content)
    with pytest.raises(
        ValueError, match=r"^verify must be a file of CA certificates OpenSSL reads \(.+\), got '.*ca\.pem'$"
    ):
        Webportal(verify=str(bundle))


def test_verify_takes_a_path_object(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="must name a CA bundle that exists"):
        Webportal(verify=tmp_path / "missing-ca.pem")
    with Webportal(verify=tmp_path) as client:  # a folder of certificates, as requests takes
        assert client.session is None


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            {"session": "a-token"},
            "session must be a WebportalSession (from a login or load_session), got str",
        ),
        ({"http": object()}, "http must be a requests.Session, got object"),
    ],
)
def test_session_and_http_have_their_types(setting: dict[str, object], message: str) -> None:
    # At construction: else the first call fails with an AttributeError.
    with pytest.raises(TypeError, match=re.escape(message)):
        Webportal(**setting)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "url", ["https://portal.example/api?key=s3cret", "https://portal.example/api#s3cret"]
)
def test_a_base_url_with_a_query_or_fragment_is_refused(url: str) -> None:
    # The portal's paths are appended: none would be found after a query.
    with pytest.raises(ValueError, match=r"^base_url must be a base for paths, without a query") as caught:
        Webportal(url)
    assert "s3cret" not in str(caught.value)


def test_old_style_construction_still_works() -> None:
    # pyjiit 0.1.0a9: Webportal() with no arguments, str() of the driver.
    with Webportal() as client:
        assert client.session is None
        assert str(client) == "Driver Class for JIIT Webportal"
        assert client.base_url.startswith("https://")


def test_session_file_permissions_are_not_umask_dependent(logged_in: Webportal, tmp_path: Path) -> None:
    old_umask = os.umask(0)
    try:
        logged_in.save_session(tmp_path / "session.json")
    finally:
        os.umask(old_umask)
    if sys.platform != "win32":
        assert stat.S_IMODE((tmp_path / "session.json").stat().st_mode) == 0o600


def test_netrc_cannot_replace_the_bearer_token(
    logged_in: Webportal, portal: FakePortal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # requests reads ~/.netrc (or $NETRC) and, for a host listed there, sends Basic credentials.
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login someone password elsewhere\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    logged_in.get_fee_summary()
    (request,) = portal.requests
    assert request.headers["Authorization"] == f"Bearer {logged_in.session.token}"  # type: ignore[union-attr]
