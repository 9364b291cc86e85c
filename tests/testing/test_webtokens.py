"""The HS256 tokens, checked against a hand-made signature."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

import pytest

from pyjiit.testing.webtokens import Signer, TokenError, b64url_decode, b64url_encode

SECRET = b"k" * 32


def forge(header: bytes, claims: bytes, secret: bytes = SECRET) -> str:
    signing_input = f"{b64url_encode(header)}.{b64url_encode(claims)}"
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64url_encode(signature)}"


def test_signature_is_rfc7515_hs256() -> None:
    token = Signer(SECRET).issue({"sub": "x"})
    header, claims, _ = token.split(".")
    assert token == forge(b64url_decode(header), b64url_decode(claims))


def test_verify_round_trip_and_awkward_segment() -> None:
    signer = Signer(SECRET)
    for exp in range(1_790_000_000, 1_790_000_040):  # lengths and contents vary
        token = signer.issue({"sub": "24103041", "exp": exp})
        claims = token.split(".")[1]
        assert len(claims) % 4
        assert "-" in claims
        with pytest.raises(ValueError, match=r"padding|Invalid"):
            json.loads(base64.b64decode(claims))  # what pyjiit 0.1.0a9 does
        verified = signer.verify(token)
        assert (verified["sub"], verified["exp"]) == ("24103041", exp)


@pytest.mark.parametrize(
    ("token", "message"),
    [
        (forge(b'{"alg":"none"}', b"{}"), "unsupported algorithm 'none'"),
        (forge(b"[]", b"{}"), "header is not a JSON object"),
        (forge(b'{"alg":"HS256"}', b"not json"), "claims are not JSON"),
        (forge(b'{"alg":"HS256"}', b"[1]"), "claims are not a JSON object"),
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
    assert repr(Signer(SECRET)) == "Signer(<secret>)"
