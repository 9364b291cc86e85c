"""The HS256 tokens, checked against a hand-made signature."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

import pytest

from pyjiit.testing._webtokens import Signer, TokenError, b64url_decode, b64url_encode

SECRET = b"k" * 32


def forge(header: bytes, claims: bytes, secret: bytes = SECRET) -> str:
    signing_input = f"{b64url_encode(header)}.{b64url_encode(claims)}"
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64url_encode(signature)}"


def test_signature_is_rfc7515_hs256() -> None:
    token = Signer(SECRET).issue({"sub": "x"})
    header, claims, _ = token.split(".")
    assert token == forge(b64url_decode(header), b64url_decode(claims))


#: Claims that vary the JSON's length, and values holding every ASCII character that
#: can make a '-' or '_' (``>``, ``?``, ``~``, DEL) at every offset, and a non-ASCII one.
VARIED_CLAIMS = [
    {"sub": "24103041"[: 1 + n % 8] + ">?~\x7fé"[n % 5 :] * (n % 4), "exp": 1_790_000_000 + n, "sid": n}
    for n in range(300)
]


def test_default_claims_segment_is_plain_base64() -> None:
    signer = Signer(SECRET)
    for claims in VARIED_CLAIMS:
        token = signer.issue(claims)
        segment = token.split(".")[1]
        assert "-" not in segment
        assert "_" not in segment
        assert "=" not in token
        # What pyjiit 0.1.0a9 does, unchanged: no re-padding; and strict, as atob is.
        decoded = json.loads(base64.b64decode(segment, validate=True))
        assert decoded == {**claims, "jti": decoded["jti"]}
        assert base64.urlsafe_b64decode(segment) == base64.b64decode(segment)  # one text, both alphabets
        assert signer.verify(token) == decoded


def test_awkward_claims_segment_needs_padding_and_has_a_dash() -> None:
    signer = Signer(SECRET, awkward=True)
    for claims in VARIED_CLAIMS:
        token = signer.issue(claims)
        segment = token.split(".")[1]
        assert len(segment) % 4
        assert "-" in segment
        # What pyjiit 0.1.0a9 does: binascii.Error on padding, or, where dropping the '-'
        # leaves whole groups, bytes that are not UTF-8 or not JSON (all ValueErrors).
        with pytest.raises(ValueError):  # noqa: PT011
            json.loads(base64.b64decode(segment))
        verified = signer.verify(token)
        assert verified == {**claims, "jti": verified["jti"]}


def test_jti_is_random() -> None:
    signer = Signer(SECRET)
    jtis = {signer.verify(signer.issue({"sub": "x"}))["jti"] for _ in range(50)}
    assert len(jtis) == 50


@pytest.mark.parametrize(
    ("token", "message"),
    [
        (forge(b'{"alg":"none"}', b"{}"), "unsupported algorithm 'none'"),
        (forge(b"[]", b"{}"), "header is not a JSON object"),
        (forge(b'{"alg":"HS256"}', b"not json"), "claims are not JSON"),
        (forge(b'{"alg":"HS256"}', b"[1]"), "claims are not a JSON object"),
        # Python's own json fails on these with RecursionError.
        (forge(b"[" * 50_000 + b"]" * 50_000, b"{}"), "header is not a JSON object"),
        (forge(b'{"alg":"HS256"}', b"[" * 50_000 + b"]" * 50_000), "claims are not JSON"),
        (forge(b'{"alg":"HS256"}', b"{}", b"other secret"), "signature does not match"),
        ("a.b", "three dot-separated"),
        ("a.b.c.d", "three dot-separated"),
        ("ä.b.c", "three dot-separated"),
        ("***.b.c", "not base64url"),
    ],
)
def test_verify_refuses(token: str, message: str) -> None:
    with pytest.raises(TokenError, match=message):
        Signer(SECRET).verify(token)


def test_repr_hides_the_secret() -> None:
    assert repr(Signer(SECRET)) == "Signer(<secret>, awkward=False)"
    assert repr(Signer(SECRET, awkward=True)) == "Signer(<secret>, awkward=True)"
