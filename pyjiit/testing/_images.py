"""Small images for the fake portal's answers: the captcha PNG, the photo and signature JPEGs."""

from __future__ import annotations

import base64
import hashlib
import struct
import zlib

__all__ = ["PHOTO_JPEG", "SIGNATURE_JPEG", "captcha_png"]

#: The demo student's photo: a 24x32 head-and-shoulders silhouette (made once with Pillow).
PHOTO_JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABQODxIPDRQSEBIXFRQYHjIhHhwcHj0sLiQySUBMS0dARkVQWnNiUFVtVkVGZIhl"
    "bXd7gYKBTmCNl4x9lnN+gXz/2wBDARUXFx4aHjshITt8U0ZTfHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8"
    "fHx8fHx8fHx8fHx8fHz/wAARCAAgABgDASIAAhEBAxEB/8QAGQAAAgMBAAAAAAAAAAAAAAAAAAYDBAUC/8QAKBAAAQMDAwEJ"
    "AQAAAAAAAAAAAQIDEQAEEhMhMVEFBhQVQUJxwfCR/8QAFwEAAwEAAAAAAAAAAAAAAAAAAAECA//EABcRAQEBAQAAAAAAAAAA"
    "AAAAAAABAjH/2gAMAwEAAhEDEQA/AGFUvNbbX0sn5jP2/wBVqsJHRMQfEnF2Z5iHSrgWeGL5TGMbz0T3qzgxmXptQuKIkFEB"
    "N8iYWZ3mZdCtmgv76lYUNSpuT7ADck/71WD5/U8Rq+Ft+ecXyj5+FH3gqOfahi7NFMRFo6RP2sxXIZ1sL6lf0NSnsTbGD8i/"
    "71Ql3u/UcO1AFmaKgkLz0ifpCmk//9k="
)

#: The demo student's signature: a 48x16 greyscale scribble (made once with Pillow).
SIGNATURE_JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABQODxIPDRQSEBIXFRQYHjIhHhwcHj0sLiQySUBMS0dARkVQWnNiUFVtVkVGZIhl"
    "bXd7gYKBTmCNl4x9lnN+gXz/wAALCAAQADABAREA/8QAGQAAAgMBAAAAAAAAAAAAAAAAAwQAAQIG/8QAJxAAAgIABgICAQUA"
    "AAAAAAAAAQIDEQAEEhMhMUFRFCJhI2JxwdH/2gAIAQEAAD8A7F3WNGd2CootmJoAe8Ay+b3pmjaJ4jpDx6+C69XXg+x4DLdE"
    "0LbORJPtEnsKzV9VY9KT4J/z2LYwt8/K720Z0Vy2ldX1Dt1Sk8MQeDV0eDhnC88DZhwkhHx6tlHch9H9v489HiwZmcsZzG8c"
    "hiljJp1AJoiiP79WAaNVja5eJINgIDEQQVbnVfd33fN33gHxJm/Redzll5GliJD6UsOaHvs8X0dTO1Hs7O2m1p06NI06eqr1"
    "gUGSy+Wctl4hDYorH9U/nSOL/NXj/9k="
)

_CAPTCHA_SIZE = (120, 40)
#: The captcha's two tones of noise, as :meth:`bytes.translate` tables: light (160-255) and dark (0-127).
_LIGHT = bytes(160 + byte % 96 for byte in range(256))
_DARK = bytes(byte % 128 for byte in range(256))
#: A mask of the captcha's light cells (6x8 pixels each, as a checkerboard), as an integer of its bytes.
_LIGHT_CELLS = int.from_bytes(
    bytes(
        0xFF if (x // 6 + y // 8) % 2 else 0 for y in range(_CAPTCHA_SIZE[1]) for x in range(_CAPTCHA_SIZE[0])
    ),
    "big",
)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png(width: int, height: int, rows: list[bytes]) -> bytes:
    """Encode 8-bit greyscale ``rows`` (``width`` bytes each) as a PNG."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey, no interlace
    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 on every row
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 9))
        + _chunk(b"IEND", b"")
    )


def captcha_png(seed: str) -> bytes:
    """Return a noisy 120x40 greyscale PNG that differs with ``seed`` (the captcha's ``hidden``)."""
    width, height = _CAPTCHA_SIZE
    noise = hashlib.shake_256(seed.encode()).digest(width * height)
    # Both tones of the whole image, then each pixel from one by the mask: whole
    # images at a time in C, where a Python step per pixel cost a millisecond.
    light = int.from_bytes(noise.translate(_LIGHT), "big") & _LIGHT_CELLS
    dark = int.from_bytes(noise.translate(_DARK), "big") & ~_LIGHT_CELLS
    pixels = (light | dark).to_bytes(width * height, "big")
    return _png(width, height, [pixels[i : i + width] for i in range(0, width * height, width)])
