"""``portal.account``: logging in and out, the captcha, the portal's settings, the password (#1-#6, #9)."""

from __future__ import annotations

import datetime as dt

from pyjiit import endpoints
from pyjiit._checks import sendable_text
from pyjiit._parse import get_id, require_object
from pyjiit.calls._base import Calls, Request, check_model
from pyjiit.default import CAPTCHA
from pyjiit.exceptions import AccountAPIError, LoginError
from pyjiit.models.account import Captcha, PortalConfig, TokenRefresh
from pyjiit.session import WebportalSession
from pyjiit.utils import IST

__all__ = ["AccountCalls"]

#: What a captcha argument must be, as a wrong one's error says.
_CAPTCHA = "a pyjiit Captcha (from portal.account.captcha(), or leave it out)"
#: What a username must be: text, or an enrollment number as an int, which 0.1.0a9 sent as it was.
_USERNAME = "a str (or an int enrollment number)"


class AccountCalls(Calls):
    """Logging in and out, and the account: ``portal.account``."""

    def login(self, username: str, password: str, captcha: Captcha = CAPTCHA) -> WebportalSession:
        """Log in with an enrollment number and password (#2, #3).

        The portal does not check the captcha, so the default one works; pass
        one from :meth:`captcha` if that ever changes.  Since September 2026
        students sign in with Google (:meth:`google_login`); this still works
        for other accounts.

        Args:
            username: The enrollment number; an ``int`` is sent as it is, as
                pyjiit 0.1.0a9 sent it.
            password: The password.
            captcha: A captcha from :meth:`captcha`, solved or not.

        Returns:
            The new session, which the client keeps and uses from now on.

        Raises:
            LoginError: The portal refused the login (wrong password, unknown user...).
            TypeError: ``username`` is not a ``str`` or an ``int`` (``None`` and
                ``True`` are neither), ``password`` is not a ``str``, or
                ``captcha`` is not a captcha; nothing is sent.
            ValueError: ``username`` or ``password`` is empty, or holds text that
                UTF-8 cannot encode; nothing is sent.
        """
        given: object = username  # typed str, but 0.1.0a9 sent an int enrollment number as it was: so do we
        if type(given) is not int:
            sendable_text("username", given, what=_USERNAME)
        sendable_text("password", password)
        check_model("captcha", captcha, _CAPTCHA, "payload")
        pretoken = dict(
            require_object(
                self._send(
                    Request(
                        endpoints.PRETOKEN_CHECK,
                        {"username": username, "usertype": "S", "captcha": captcha.payload()},
                    ),
                    error=LoginError,
                ),
                "pretoken-check answer",
            )
        )
        pretoken.pop("rejectedData", None)
        # The login step cannot succeed without the single-use `random` (protocol #2): say so here.
        get_id(pretoken, "random", "pretoken-check answer")
        payload = {**pretoken, "Modulename": "STUDENTMODULE", "passwordotpvalue": password}
        answer = self._send(Request(endpoints.GENERATE_TOKEN, payload), error=LoginError)
        session = WebportalSession(require_object(answer, "login answer"))
        session.enrollmentno = session.enrollmentno or str(username)
        self._client.session = session
        return session

    def google_login(self, credential: str) -> WebportalSession:
        """Log in with a Google sign-in credential, the ID token Google's button gives (#6).

        Returns:
            The new session, which the client keeps and uses from now on.

        Raises:
            LoginError: The exchange refused the credential.
            TypeError: ``credential`` is not a ``str``; nothing is sent.
            ValueError: ``credential`` is empty, or holds text that UTF-8
                cannot encode; nothing is sent.
        """
        sendable_text("credential", credential)
        request = Request(
            endpoints.GOOGLE_SIGN_IN, {"googleToken": credential, "modulename": "studentportal"}
        )
        answer = self._send(request, error=LoginError)
        session = WebportalSession.from_google_response(require_object(answer, "Google sign-in answer"))
        self._client.session = session
        return session

    def logout(self) -> None:
        """Forget the session.  The portal has no logout endpoint; the token lapses on its own."""
        self._client.session = None

    def captcha(self) -> Captcha:
        """A captcha to solve (its answer comes back empty), should the portal ever check them (#1)."""
        return Captcha.from_json(self._send(Request(endpoints.CAPTCHA)))

    def config(self) -> PortalConfig:
        """The portal's public configuration: its client, and the Google sign-in setup (#5)."""
        return self._read(PortalConfig, Request(endpoints.PORTAL_CONFIG))

    def refresh_token(self) -> TokenRefresh:
        """Ask the portal to extend the session (#4).

        Unreliable: the portal answers Success but issues no new token, and
        other clients found it extends nothing.  Log in again instead when a
        session expires.
        """
        session = self._client._require_session()
        username = session.raw_response.get("Username") or session.enrollmentno
        tokendate = dt.datetime.now(IST).strftime("%d/%m/%Y")
        return self._read(
            TokenRefresh, Request(endpoints.REFRESH_TOKEN, {"username": username, "tokendate": tokendate})
        )

    def change_password(self, old_password: str, new_password: str) -> None:
        """Change the password (#9); the session stays valid.

        Raises:
            AccountAPIError: The portal refused (wrong old password, weak new one...).
            TypeError: ``old_password`` or ``new_password`` is not a ``str``; nothing is sent.
            ValueError: One is empty, or holds text that UTF-8 cannot encode; nothing is sent.
        """
        sendable_text("old_password", old_password)
        sendable_text("new_password", new_password)
        payload = {
            **self._ids("membertype"),
            "oldpassword": old_password,
            "newpassword": new_password,
            "confirmpassword": new_password,
        }
        self._send(Request(endpoints.CHANGE_PASSWORD, payload), error=AccountAPIError)
