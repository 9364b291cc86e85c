"""HS256 JSON Web Tokens, made and checked with the standard library only.

The portal's session token is a JWT whose claims clients decode to read
``exp`` (PORTAL.md 2.7).  Segments are base64url *without* padding, as RFC 7515
says; pyjiit 0.1.0a9 and jsjiit decode them with the standard alphabet and
padding, which breaks on real tokens.  So that fake tokens catch that bug every
time rather than now and then, :meth:`Signer.issue` makes sure the claims
segment needs padding and contains a ``-`` or ``_``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import string
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["Signer", "TokenError", "b64url_decode", "b64url_encode"]

_HEADER = {"alg": "HS256", "typ": "JWT"}
_ALPHANUMERIC = string.ascii_letters + string.digits


class TokenError(Exception):
    """A token is malformed or its signature is wrong; the message says which."""


def b64url_encode(data: bytes) -> str:
    """Encode ``data`` as base64url without padding."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Decode unpadded (or padded) base64url text.

    Raises:
        TokenError: ``text`` is not base64url.
    """
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        raise TokenError("a segment is not base64url") from None


def _segment(value: Mapping[str, Any]) -> str:
    return b64url_encode(json.dumps(value, separators=(",", ":")).encode("utf-8"))


def _awkward_jti(claims: Mapping[str, Any]) -> str:
    """Return a random ``jti`` that makes the claims segment awkward to decode.

    Awkward means: its length is not a multiple of 4 (it needs padding) and it
    contains a ``-``.  Base64 turns each 3 bytes into 4 characters, so the
    length is a multiple of 4 only when the JSON's is a multiple of 3.  And
    ASCII JSON gives a ``-`` (62) only where the low 6 bits of a group's third
    byte are ``111110``: a ``~`` in that place does it.
    """
    text = json.dumps({**claims, "jti": ""}, separators=(",", ":"))
    start = len(text) - 2  # where the jti's value goes, between its quotes
    length = next(n for n in (8, 9, 10) if (start + n + 2) % 3)
    chars = [secrets.choice(_ALPHANUMERIC) for _ in range(length)]
    chars[next(i for i in range(length) if (start + i) % 3 == 2)] = "~"  # noqa: PLR2004 (third byte)
    return "".join(chars)


class Signer:
    """Issues and verifies HS256 tokens with one secret.

    Args:
        secret: The HMAC key; a fresh random one by default, so tokens of one
            fake portal are worthless to any other.
    """

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret if secret is not None else secrets.token_bytes(32)

    def __repr__(self) -> str:
        """Show the class, never the secret."""
        return "Signer(<secret>)"

    def _sign(self, signing_input: str) -> str:
        digest = hmac.new(self._secret, signing_input.encode("ascii"), hashlib.sha256).digest()
        return b64url_encode(digest)

    def issue(self, claims: Mapping[str, Any]) -> str:
        """Return a signed token holding ``claims`` plus a random ``jti``.

        The ``jti`` is chosen to make the claims segment awkward for
        padded-base64 decoders (see the module's docstring).
        """
        body = _segment({**claims, "jti": _awkward_jti(claims)})
        signing_input = f"{_segment(_HEADER)}.{body}"
        return f"{signing_input}.{self._sign(signing_input)}"

    def verify(self, token: str) -> dict[str, Any]:
        """Return the claims of ``token`` if this signer made it.

        Raises:
            TokenError: The token is not three segments, not HS256, not JSON,
                or its signature does not match.
        """
        parts = token.split(".")
        if not token.isascii() or len(parts) != 3:  # noqa: PLR2004 (header, claims, signature)
            raise TokenError("a JWT is three dot-separated base64url segments")
        header, body, signature = parts
        try:
            algorithm = json.loads(b64url_decode(header)).get("alg")
        except (json.JSONDecodeError, UnicodeDecodeError, AttributeError):
            raise TokenError("the header is not a JSON object") from None
        if algorithm != "HS256":
            raise TokenError(f"unsupported algorithm {algorithm!r}")
        if not hmac.compare_digest(signature, self._sign(f"{header}.{body}")):
            raise TokenError("the signature does not match")
        try:
            claims = json.loads(b64url_decode(body))
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise TokenError("the claims are not JSON") from None
        if not isinstance(claims, dict):
            raise TokenError("the claims are not a JSON object")
        return claims
