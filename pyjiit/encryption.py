"""The portal's payload cipher: AES-128-CBC, fixed IV, PKCS#7 padding, base64.

The key is ``"qa8y" + DATESEQ + "ty1pn"``, where DATESEQ comes from the IST day
(:func:`pyjiit.utils.generate_date_seq`), so a payload encrypted on one IST day
cannot be read with another day's key.  Every function takes an optional
``date``: a :class:`datetime.date` (that IST day), an aware
:class:`datetime.datetime` (converted to IST), or ``None`` for now.

The cipher hides nothing from anyone who knows this module, so ciphertexts of
login bodies must be treated like the passwords inside them.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from typing import TYPE_CHECKING, Any

from Crypto.Cipher import AES
from Crypto.Util.Padding import pad, unpad

from pyjiit import _json
from pyjiit.exceptions import PayloadError
from pyjiit.utils import generate_date_seq, get_random_char_seq

if TYPE_CHECKING:
    from Crypto.Cipher._mode_cbc import CbcMode

__all__ = [
    "IV",
    "decrypt",
    "deserialize_payload",
    "encrypt",
    "generate_key",
    "generate_local_name",
    "get_crypt",
    "serialize_payload",
]

#: The fixed initialisation vector every client and the portal use.
IV = b"dcek9wb8frty1pnm"

_BLOCK = AES.block_size

Day = dt.date | dt.datetime | None


def generate_key(date: Day = None) -> bytes:
    """Return the 16-byte AES key of an IST day (today in IST by default)."""
    return f"qa8y{generate_date_seq(date)}ty1pn".encode("ascii")


def get_crypt(key: bytes, iv: bytes = IV) -> CbcMode:
    """Return a fresh AES-CBC cipher object for ``key`` and ``iv``."""
    return AES.new(key, AES.MODE_CBC, iv)


def encrypt(data: bytes, date: Day = None) -> bytes:
    """Pad ``data`` with PKCS#7 and encrypt it with the key of ``date``."""
    return get_crypt(generate_key(date)).encrypt(pad(data, _BLOCK))


def decrypt(data: bytes, date: Day = None) -> bytes:
    """Decrypt ``data`` with the key of ``date`` and remove its padding.

    Raises:
        PayloadError: ``data`` is not whole blocks, or its padding is wrong
            (it was encrypted with another day's key, or is not ciphertext).
    """
    if not data or len(data) % _BLOCK:
        raise PayloadError(
            f"ciphertext must be a non-empty multiple of {_BLOCK} bytes, got {len(data)} bytes"
        )
    try:
        return unpad(get_crypt(generate_key(date)).decrypt(data), _BLOCK)
    except ValueError:
        raise PayloadError(
            "ciphertext does not decrypt with this day's key (wrong IST day, or corrupt)"
        ) from None


def serialize_payload(payload: Any, date: Day = None) -> str:  # noqa: ANN401 (any JSON value)
    """Encode ``payload`` as compact JSON, encrypt it and return it as base64 text.

    Raises:
        ValueError: A string in ``payload`` cannot be encoded as UTF-8 (a
            lone surrogate); the message names where, not what.
    """
    return base64.b64encode(encrypt(_json.encode(payload), date)).decode("ascii")


def deserialize_payload(payload: str | bytes, date: Day = None) -> Any:  # noqa: ANN401 (any JSON value)
    """Decode, decrypt and parse a payload made by :func:`serialize_payload`.

    Raises:
        PayloadError: ``payload`` is not base64, does not decrypt with the key
            of ``date``, or does not hold UTF-8 JSON.
    """
    try:
        ciphertext = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise PayloadError("payload is not base64 text") from None
    plaintext = decrypt(ciphertext, date)
    try:
        return _json.decode(plaintext)
    except ValueError as error:
        raise PayloadError(f"payload decrypts, but not to UTF-8 JSON pyjiit reads ({error})") from None


def generate_local_name(date: Day = None) -> str:
    """Return a fresh value for the ``LocalName`` header every request carries.

    It is 4 random characters, the DATESEQ of ``date`` and 5 more random
    characters, encrypted and base64-encoded (44 characters).
    """
    chars = get_random_char_seq(9)
    name = chars[:4] + generate_date_seq(date) + chars[4:]
    return base64.b64encode(encrypt(name.encode("ascii"), date)).decode("ascii")
