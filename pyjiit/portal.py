"""The portal's public configuration (``/token/getlogoClientWise``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pyjiit._parse import JSONObject, get_flag, get_text, optional, require_object

__all__ = ["PortalConfig"]


@dataclass(frozen=True)
class PortalConfig:
    """What the portal tells its login page: the client's name and the Google sign-in setup.

    Attributes:
        client: The client (institute) the portal serves, e.g. ``"JIIT"`` (``logoClientWise``).
        google_client_id: The OAuth client id for Google sign-in, or ``None``.
        google_sign_in_shown: Whether the login page offers Google sign-in.
        google_token_url: The full URL that exchanges a Google credential for a
            portal token (``URLapiBase``), or ``None``.
        raw: The answer's ``response`` as the portal sent it.
    """

    client: str
    google_client_id: str | None
    google_sign_in_shown: bool
    google_token_url: str | None
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> PortalConfig:
        """Build it from the ``response`` of the portal configuration request.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        what = "portal config"
        data = require_object(response, what)
        return cls(
            client=get_text(data, "logoClientWise", what),
            google_client_id=optional(get_text, data, "loadGoogleClientId", what),
            google_sign_in_shown=optional(get_flag, data, "loadGoogleButtonShow", what) or False,
            google_token_url=optional(get_text, data, "URLapiBase", what),
            raw=data,
        )
