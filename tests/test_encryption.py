"""The payload cipher and the IST date key (docs/protocol.md section 2)."""

from __future__ import annotations

import base64
import collections
import datetime as dt
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pyjiit import encryption, utils
from pyjiit.exceptions import PayloadError, PyjiitError

UTC = dt.timezone.utc
WEDNESDAY = dt.date(2026, 9, 23)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=20,
)


@pytest.mark.parametrize(
    ("payload", "place"),
    [
        ({"password": "ab\udcff"}, "field 'password'"),
        ({"a": [{"b": "\ud800"}]}, "field 'a'[0]['b']"),
        ({"\udc80": 1}, "a key of the value"),
        ("\ud800x", "the value"),
        (["ok", "\udfff"], "item 1"),
    ],
)
def test_text_utf8_cannot_encode_is_a_value_error_saying_where_not_what(payload: object, place: str) -> None:
    with pytest.raises(ValueError, match="holds a character that UTF-8 cannot encode") as caught:
        encryption.serialize_payload(payload, WEDNESDAY)
    assert str(caught.value).startswith(f"{place} holds")
    assert not any("\ud800" <= character <= "\udfff" for character in str(caught.value))


def test_portal_test_vector() -> None:
    # docs/protocol.md 2.1: {"instituteid":"TEST"} on 2026-09-23 IST.
    assert (
        encryption.serialize_payload({"instituteid": "TEST"}, WEDNESDAY)
        == "0OE33AqLdJLsiqun/b7P0ebzcZlU9Zex+WARnofRJmk="
    )


@pytest.mark.parametrize(
    ("day", "sequence"),
    [
        (dt.date(2026, 9, 23), "2023396"),  # Wednesday
        (dt.date(2026, 9, 20), "2020096"),  # Sunday is 0
        (dt.date(2027, 1, 1), "0025117"),  # Friday, new year
    ],
)
def test_date_sequence(day: dt.date, sequence: str) -> None:
    assert utils.generate_date_seq(day) == sequence


@pytest.mark.parametrize(
    ("instant", "sequence"),
    [
        (dt.datetime(2026, 9, 20, 18, 29, 59, tzinfo=UTC), "2020096"),  # 23:59:59 IST, Sunday
        (dt.datetime(2026, 9, 20, 18, 30, tzinfo=UTC), "2021196"),  # 00:00 IST, Monday
    ],
)
def test_ist_day_changes_at_1830_utc(instant: dt.datetime, sequence: str) -> None:
    assert utils.generate_date_seq(instant) == sequence
    assert encryption.generate_key(instant) == f"qa8y{sequence}ty1pn".encode()


def test_default_day_is_today_in_ist() -> None:
    before = dt.datetime.now(utils.IST).date()
    sequence = utils.generate_date_seq()
    after = dt.datetime.now(utils.IST).date()
    assert sequence in {utils.generate_date_seq(before), utils.generate_date_seq(after)}


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="naive datetime"):
        utils.generate_date_seq(dt.datetime(2026, 9, 20, 12, 0))  # noqa: DTZ001


def test_key_is_16_bytes() -> None:
    assert len(encryption.generate_key(WEDNESDAY)) == 16


def test_local_name_carries_the_date_sequence() -> None:
    names = {encryption.generate_local_name(WEDNESDAY) for _ in range(50)}
    assert len(names) == 50, "every LocalName must be fresh"
    for name in names:
        assert len(name) == 44
        plain = encryption.decrypt(base64.b64decode(name), WEDNESDAY).decode()
        assert len(plain) == 16
        assert plain[4:11] == "2023396"
        assert set(plain[:4] + plain[11:]) <= set(string.ascii_letters + string.digits)


def test_random_char_seq() -> None:
    sequence = utils.get_random_char_seq(32)
    assert len(sequence) == 32
    assert set(sequence) <= set(string.ascii_letters + string.digits)


def test_random_char_seq_draws_every_character_evenly() -> None:
    # 62 characters from bytes: taken as byte % 62 without skipping bytes from 248 up,
    # eight characters would come up 5/4 as often (5000 times here instead of 4000).
    counts = collections.Counter(utils.get_random_char_seq(62 * 4000))
    assert set(counts) == set(string.ascii_letters + string.digits)
    assert 3600 < min(counts.values()) <= max(counts.values()) < 4400  # standard deviation: 63
    assert utils.get_random_char_seq(0) == ""


@given(json_values)
def test_payload_round_trip(value: object) -> None:
    assert encryption.deserialize_payload(encryption.serialize_payload(value, WEDNESDAY), WEDNESDAY) == value


JSON_TYPES = (dict, list, str, int, float, bool, type(None))


def decodes_or_payload_error(payload: bytes) -> bool:
    """Whether ``payload`` decodes to a JSON value; False when it raises the documented error.

    Any other exception propagates and fails the calling test.
    """
    try:
        value = encryption.deserialize_payload(payload, WEDNESDAY)
    except PayloadError as error:
        message = str(error)
    else:
        assert isinstance(value, JSON_TYPES)
        return True
    assert message, "PayloadError without a message"
    return False


@given(st.binary())
def test_arbitrary_bytes_raise_only_payload_error(data: bytes) -> None:
    decodes_or_payload_error(data)
    decodes_or_payload_error(base64.b64encode(data))


@given(json_values)
def test_one_flipped_byte_is_never_a_raw_error(value: object) -> None:
    ciphertext = bytearray(base64.b64decode(encryption.serialize_payload(value, WEDNESDAY)))
    ciphertext[-1] ^= 0x01
    decodes_or_payload_error(base64.b64encode(bytes(ciphertext)))


def test_another_days_key_is_a_payload_error() -> None:
    payload = encryption.serialize_payload({"a": 1}, WEDNESDAY)
    with pytest.raises(PayloadError, match="day's key"):
        encryption.deserialize_payload(payload, WEDNESDAY + dt.timedelta(days=1))


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("not base64!", "not base64"),
        ("", "non-empty multiple of 16"),
        (base64.b64encode(b"short").decode(), "multiple of 16"),
        (base64.b64encode(encryption.encrypt(b"\xff\xfe", WEDNESDAY)).decode(), "UTF-8 JSON"),
        (base64.b64encode(encryption.encrypt(b"{not json", WEDNESDAY)).decode(), "UTF-8 JSON"),
        # Python's own json would read these, or fail with RecursionError.
        (base64.b64encode(encryption.encrypt(b"[" * 100_000 + b"]" * 100_000, WEDNESDAY)).decode(), "nested"),
        (base64.b64encode(encryption.encrypt(b'{"a": NaN}', WEDNESDAY)).decode(), "NaN is not a JSON number"),
    ],
)
def test_corrupt_payloads(payload: str, message: str) -> None:
    with pytest.raises(PayloadError, match=message) as caught:
        encryption.deserialize_payload(payload, WEDNESDAY)
    assert isinstance(caught.value, PyjiitError)
    assert isinstance(caught.value, ValueError)


def test_get_crypt_defaults_to_the_portal_iv() -> None:
    key = encryption.generate_key(WEDNESDAY)
    assert encryption.get_crypt(key).encrypt(b"0" * 16) == encryption.get_crypt(key, encryption.IV).encrypt(
        b"0" * 16
    )
