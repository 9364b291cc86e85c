"""The login captcha (pyjiit 0.1.0a9's ``pyjiit.tokens``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pyjiit._parse import get_object, get_str

__all__ = ["Captcha"]


@dataclass
class Captcha:
    """A login captcha: its answer, the portal's id for it, and its picture.

    Attributes:
        captcha: The answer, i.e. the text shown in the picture.  The portal's
            own captcha answer comes back empty: fill it in before logging in.
        hidden: The portal's id of this captcha, sent back with the answer.
        image: The picture as base64-encoded PNG data (left out of ``repr``).
    """

    captcha: str
    hidden: str
    image: str = field(repr=False)

    def payload(self) -> dict[str, str]:
        """Return the captcha part of a login request: ``{"captcha": ..., "hidden": ...}``."""
        return {"captcha": self.captcha, "hidden": self.hidden}

    @staticmethod
    def from_json(resp: object) -> Captcha:
        """Build a captcha from the ``response`` of ``GET /token/getcaptcha``.

        Args:
            resp: The answer's ``response`` object, holding a ``captcha`` object
                with ``captcha``, ``hidden`` and ``image``.

        Raises:
            ResponseFormatError: A field is missing or not a string.
        """
        data = get_object(resp, "captcha", "captcha response")
        return Captcha(
            captcha=get_str(data, "captcha", "captcha"),
            hidden=get_str(data, "hidden", "captcha"),
            image=get_str(data, "image", "captcha"),
        )
