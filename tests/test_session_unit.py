"""Pure parts of the session and clock: JWT expiry, Date headers."""

from __future__ import annotations

import base64
import datetime as dt
import json
import pickle

import pytest

from pyjiit._clock import ServerClock
from pyjiit.exceptions import ResponseFormatError, SessionError
from pyjiit.session import WebportalSession, token_expiry

UTC = dt.timezone.utc


def jwt(claims: dict[str, object]) -> str:
    def segment(data: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    return f"{segment({'alg': 'HS256'})}.{segment(claims)}.c2ln"


def regdata(token: str) -> dict[str, object]:
    return {
        "regdata": {
            "institutelist": [{"label": "JIIT", "value": "11IN1902J000001"}],
            "memberid": "M1",
            "userid": "U1",
            "token": token,
            "clientid": "JAYPEE",
            "membertype": "S",
            "name": "A STUDENT",
        }
    }


@pytest.mark.parametrize("padding", range(4))
def test_expiry_of_unpadded_base64url_claims(padding: int) -> None:
    # Claims of every length modulo 4, with characters that need the URL-safe alphabet.
    claims = {"exp": 1_790_000_000, "sub": "?>" * 3 + "x" * padding}
    assert token_expiry(jwt(claims)) == dt.datetime.fromtimestamp(1_790_000_000, UTC)


@pytest.mark.parametrize("token", ["", "a.b", "a.!!!.c", jwt({"sub": "no exp"}), jwt({"exp": "soon"})])
def test_unreadable_expiry_is_none(token: str) -> None:
    assert token_expiry(token) is None


def test_claims_nested_too_deep_have_no_expiry() -> None:
    # A hostile portal's token, or a saved one: Python's json would raise RecursionError.
    claims = base64.urlsafe_b64encode(b"[" * 50_000 + b"]" * 50_000).decode().rstrip("=")
    token = f"eyJhbGciOiJIUzI1NiJ9.{claims}.c2ln"
    assert token_expiry(token) is None
    assert WebportalSession(regdata(token)).expiry is None


def test_a_session_pickled_by_0_1_0a9_works() -> None:
    # 0.1.0a9's sessions had no enrollmentno and a naive expiry, in local time.
    session = WebportalSession(regdata(jwt({"exp": 1_790_000_000})))
    del session.enrollmentno
    del session.expires_at
    session.__dict__["expiry"] = dt.datetime.fromtimestamp(1_790_000_000)  # noqa: DTZ006 (as 0.1.0a9 made it)
    restored = pickle.loads(pickle.dumps(session))  # noqa: S301 (our own bytes)
    assert restored.enrollmentno == ""
    assert "expiry" not in vars(restored)
    assert restored.expires_at == dt.datetime.fromtimestamp(1_790_000_000, UTC)
    assert restored.expiry == dt.datetime.fromtimestamp(1_790_000_000)  # noqa: DTZ006
    assert restored.is_expired(now=dt.datetime.fromtimestamp(1_790_000_000, UTC))
    assert "enrollmentno=''" in repr(restored)


def test_expiry_is_0_1_0a9s_naive_local_time_and_sets_expires_at() -> None:
    session = WebportalSession(regdata(jwt({"exp": 1_790_000_000})))
    assert session.expires_at == dt.datetime.fromtimestamp(1_790_000_000, UTC)
    assert session.expiry == dt.datetime.fromtimestamp(1_790_000_000)  # noqa: DTZ006 (0.1.0a9's value)
    session.expiry = dt.datetime.fromtimestamp(1_700_000_000)  # noqa: DTZ006 (naive: local time)
    assert session.expires_at == dt.datetime.fromtimestamp(1_700_000_000, UTC)


def test_setting_expiry_to_none_leaves_a_session_without_expiry() -> None:
    session = WebportalSession(regdata(jwt({"exp": 1_790_000_000})))
    session.expiry = None
    assert session.expiry is None
    assert session.expires_at is None
    assert not session.expired


def test_a_pickled_session_keeps_what_it_holds() -> None:
    session = WebportalSession(regdata(jwt({"exp": 1_790_000_000, "sub": "x"})))
    session.enrollmentno = "99103999"
    restored = pickle.loads(pickle.dumps(session))  # noqa: S301 (our own bytes)
    assert vars(restored) == vars(session)


def test_session_without_expiry_never_expires_locally() -> None:
    session = WebportalSession(regdata("opaque-token"))
    assert session.expiry is None
    assert not session.expired


def test_expiry_margin() -> None:
    exp = dt.datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    session = WebportalSession(regdata(jwt({"exp": exp.timestamp()})))
    assert not session.is_expired(exp - dt.timedelta(seconds=91))
    assert session.is_expired(exp - dt.timedelta(seconds=90))
    assert not session.is_expired(exp - dt.timedelta(seconds=1), margin=dt.timedelta(0))


def test_get_headers_carries_the_token() -> None:
    session = WebportalSession(regdata("opaque-token"))
    headers = session.get_headers()
    assert headers["Authorization"] == "Bearer opaque-token"
    assert len(headers["LocalName"]) == 44
    assert "opaque-token" not in repr(session)


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ({}, "missing field 'regdata'"),
        ({"regdata": []}, "'regdata' should be an object"),
        ({"regdata": {"institutelist": []}}, "holds no institute"),
        ({"regdata": {"institutelist": [{"label": "J", "value": "1"}]}}, "missing field 'memberid'"),
    ],
)
def test_incomplete_login_answer(answer: dict[str, object], message: str) -> None:
    with pytest.raises(ResponseFormatError, match=message):
        WebportalSession(answer)


def test_field_of_wrong_type() -> None:
    answer = regdata("t")
    answer["regdata"]["name"] = ["not", "text"]  # type: ignore[index]
    with pytest.raises(ResponseFormatError, match="'name' should be"):
        WebportalSession(answer)


def test_from_dict_rejects_non_sessions() -> None:
    with pytest.raises(SessionError):
        WebportalSession.from_dict([])  # type: ignore[arg-type]


def test_clock_learns_from_date_headers() -> None:
    clock = ServerClock()
    sent = dt.datetime(2026, 11, 23, 18, 30, tzinfo=UTC)
    clock.observe("Mon, 23 Nov 2026 18:21:32 GMT", sent, sent + dt.timedelta(seconds=2))
    assert clock.offset == dt.timedelta(seconds=-509)


def test_clock_learns_again_from_the_same_date_header() -> None:
    # Answers within a second carry the same header: each is still compared with its own send time.
    clock = ServerClock()
    header = "Mon, 23 Nov 2026 18:21:32 GMT"
    sent = dt.datetime(2026, 11, 23, 18, 30, tzinfo=UTC)
    later = sent + dt.timedelta(seconds=1)
    clock.observe(header, sent, sent)
    clock.observe(header, later, later)
    assert clock.offset == dt.timedelta(seconds=-509)
    clock.observe("yesterday", sent, sent)
    clock.observe(header, sent, sent)
    assert clock.offset == dt.timedelta(seconds=-508)


@pytest.mark.parametrize("header", [None, "", "yesterday", "Mon, 99 Nov 2026 99:00:00 GMT"])
def test_clock_ignores_bad_date_headers(header: str | None) -> None:
    clock = ServerClock()
    now = dt.datetime.now(UTC)
    clock.observe(header, now, now)
    assert clock.offset == dt.timedelta(0)


def test_clock_reads_minus_zero_as_utc() -> None:
    clock = ServerClock()
    sent = dt.datetime(2026, 11, 23, 18, 30, tzinfo=UTC)
    clock.observe("Mon, 23 Nov 2026 18:30:10 -0000", sent, sent)
    assert clock.offset == dt.timedelta(seconds=10)
