"""HS256 JSON Web Tokens, made and checked with the standard library only.

The portal's session token is a JWT whose claims clients decode to read
``exp`` (docs/protocol.md 2.7).  Segments are base64url *without* padding, as RFC 7515
says, yet pyjiit 0.1.0a9 decodes the claims with ``base64.b64decode`` (standard
alphabet, padding required) and jsjiit with ``atob`` (standard alphabet, no
``-`` or ``_``).  Both work against the real portal, so its claims segments
evidently decode either way, and :meth:`Signer.issue` makes them so by default:
of a length that needs no padding, and free of ``-`` and ``_``, so that the
segment is the same text in both alphabets and the token a well-formed JWT.

``Signer(awkward=True)`` does the opposite, so that a client's own base64url
decoding is tested on every token: its claims segment always needs padding
and always holds a ``-``.

Both shapes come from where the text's bytes fall.  Base64 turns each 3 bytes
into 4 characters, so the segment needs no padding when the JSON's length is a
multiple of 3.  And in ASCII text only a group's third byte can give the
characters 62 and 63 (``-`` and ``_`` in base64url, ``+`` and ``/`` in base64):
its low 6 bits are ``111110`` for ``>`` and ``~``, ``111111`` for ``?`` and
DEL.  The ``jti`` claim, random alphanumerics of a chosen length, sets the
length; those four characters are written as JSON escapes to keep the segment
clean, or a ``~`` is put in the ``jti`` where it makes a ``-``.
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

from pyjiit import _json

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["Signer", "TokenError", "b64url_decode", "b64url_encode"]

_HEADER = {"alg": "HS256", "typ": "JWT"}
_ALPHANUMERIC = string.ascii_letters + string.digits
#: The ASCII characters that encode to a 6-bit group of 62 or 63 when they are a group's third byte.
_UNSAFE_THIRD_BYTES = str.maketrans({char: f"\\u{ord(char):04x}" for char in ">?~\x7f"})


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


def _compact_json(value: Mapping[str, Any]) -> str:
    return json.dumps(value, separators=(",", ":"))


def _claims_text(claims: Mapping[str, Any], *, awkward: bool) -> str:
    """Return the JSON of ``claims`` plus a random ``jti`` that gives the segment its shape.

    Portable: the length is a multiple of 3 and no ``>?~`` or DEL is left
    unescaped.  Awkward: the length is not a multiple of 3 and a ``~`` is a
    group's third byte.  See the module's docstring for why.
    """
    text = _compact_json({**claims, "jti": ""})
    if not awkward:
        text = text.translate(_UNSAFE_THIRD_BYTES)  # the same JSON value, written with escapes
    start = len(text) - 2  # where the jti's value goes, between its quotes
    length = next(n for n in (8, 9, 10) if ((start + n + 2) % 3 == 0) != awkward)
    chars = [secrets.choice(_ALPHANUMERIC) for _ in range(length)]
    if awkward:
        chars[next(i for i in range(length) if (start + i) % 3 == 2)] = "~"  # noqa: PLR2004 (third byte)
    return f"{text[:start]}{''.join(chars)}{text[start:]}"


class Signer:
    """Issues and verifies HS256 tokens with one secret.

    Args:
        secret: The HMAC key; a fresh random one by default, so tokens of one
            fake portal are worthless to any other.
        awkward: Issue tokens whose claims segment needs padding and holds a
            ``-``, which decoders of plain base64 fail on; by default the
            segment decodes as plain base64 too (see the module's docstring).
    """

    def __init__(self, secret: bytes | None = None, *, awkward: bool = False) -> None:
        self._secret = secret if secret is not None else secrets.token_bytes(32)
        self.awkward = awkward

    def __repr__(self) -> str:
        """Show the class and the token shape, never the secret."""
        return f"Signer(<secret>, awkward={self.awkward})"

    def _sign(self, signing_input: str) -> str:
        digest = hmac.new(self._secret, signing_input.encode("ascii"), hashlib.sha256).digest()
        return b64url_encode(digest)

    def issue(self, claims: Mapping[str, Any]) -> str:
        """Return a signed token holding ``claims`` plus a random ``jti``.

        The ``jti`` gives the claims segment its shape: plain-base64-safe by
        default, awkward with ``awkward=True`` (see the module's docstring).
        """
        body = b64url_encode(_claims_text(claims, awkward=self.awkward).encode("ascii"))
        signing_input = f"{b64url_encode(_compact_json(_HEADER).encode('ascii'))}.{body}"
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
            algorithm = _json.decode(b64url_decode(header)).get("alg")
        except (ValueError, AttributeError):
            raise TokenError("the header is not a JSON object") from None
        if algorithm != "HS256":
            raise TokenError(f"unsupported algorithm {algorithm!r}")
        if not hmac.compare_digest(signature, self._sign(f"{header}.{body}")):
            raise TokenError("the signature does not match")
        try:
            claims = _json.decode(b64url_decode(body))
        except ValueError:
            raise TokenError("the claims are not JSON") from None
        if not isinstance(claims, dict):
            raise TokenError("the claims are not a JSON object")
        return claims
