"""Logging in: the captcha, the portal's public configuration and the token refresh answer.

:class:`Captcha` is pyjiit 0.1.0a9's class (``pyjiit.tokens``), with its
fields, values and ``from_json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pyjiit._parse import JSONObject, get_flag, get_object, get_str, get_text
from pyjiit.models._table import CompatModel, Model, as_sent, wire

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["Captcha", "PortalConfig", "TokenRefresh"]


class Captcha(CompatModel, what="captcha", frozen=False):
    """A login captcha: its answer, the portal's id for it, and its picture.

    Built from the ``captcha`` object of ``GET /token/getcaptcha``'s answer.

    Attributes:
        captcha: The answer, i.e. the text shown in the picture.  The portal's
            own captcha answer comes back empty: fill it in before logging in.
        hidden: The portal's id of this captcha, sent back with the answer.
        image: The picture as base64-encoded PNG data (left out of ``repr``).
    """

    captcha: str = wire("captcha", get_str)
    hidden: str = wire("hidden", get_str)
    image: str = wire("image", get_str, repr=False)

    def payload(self) -> dict[str, str]:
        """Return the captcha part of a login request: ``{"captcha": ..., "hidden": ...}``."""
        return {"captcha": self.captcha, "hidden": self.hidden}

    @classmethod
    def from_json(cls, resp: object) -> Self:
        """Build a captcha from the ``response`` of ``GET /token/getcaptcha``.

        Args:
            resp: The answer's ``response`` object, holding a ``captcha`` object
                with ``captcha``, ``hidden`` and ``image``.

        Raises:
            ResponseFormatError: A field is missing or not a string.
        """
        return cls.from_response(get_object(resp, "captcha", "captcha response"))


class PortalConfig(Model, what="portal config"):
    """What the portal tells its login page: the client's name and the Google sign-in setup.

    Attributes:
        client: The client (institute) the portal serves, e.g. ``"JIIT"`` (``logoClientWise``).
        google_client_id: The OAuth client id for Google sign-in, or ``None``.
        google_sign_in_shown: Whether the login page offers Google sign-in.
        google_token_url: The full URL that exchanges a Google credential for a
            portal token (``URLapiBase``), or ``None``.
        raw: The answer's ``response`` as the portal sent it.
    """

    client: str = wire("logoClientWise", get_text)
    google_client_id: str | None = wire("loadGoogleClientId", get_text, optional=True)
    google_sign_in_shown: bool = wire("loadGoogleButtonShow", get_flag, optional=True, missing=False)
    google_token_url: str | None = wire("URLapiBase", get_text, optional=True)
    raw: JSONObject = as_sent()


class TokenRefresh(Model, what="token refresh"):
    """The answer of the token refresh request (``/token/refreshTokenRequest``).

    The portal answers Success with a message and issues no new token.

    Attributes:
        message: The portal's message (``msg``), e.g. ``"Token Referesh at the time of Login ..."``,
            or ``None``.
        raw: The answer's ``response`` as the portal sent it.
    """

    message: str | None = wire("msg", get_text, optional=True)
    raw: JSONObject = as_sent()
