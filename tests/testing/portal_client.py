"""A deliberately small client for testing the fake portal: requests plus pyjiit.encryption.

pyjiit's own client is built elsewhere; these tests exercise the server with
nothing more than what the protocol says a client sends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pyjiit import endpoints
from pyjiit.encryption import generate_local_name, serialize_payload
from pyjiit.utils import ist_date

if TYPE_CHECKING:
    import datetime as dt

    import requests

    from pyjiit.testing import FakePortal

Mode = Literal["raw", "json", "plain"]


class PortalClient:
    """Sends protocol-correct (or deliberately wrong) requests to a FakePortal."""

    def __init__(self, portal: FakePortal, session: requests.Session) -> None:
        self.portal = portal
        self.session = session
        # Per request: REQUESTS_CA_BUNDLE in the environment would override Session.verify.
        self.verify: str | bool = portal.verify
        self.token: str | None = None

    def server_day(self) -> dt.date:
        """The IST day of the portal's clock: the key it expects."""
        return ist_date(self.portal.now())

    def headers(self, *, token: str | None = None, day: dt.date | None = None) -> dict[str, str]:
        headers = {"LocalName": generate_local_name(day or self.server_day())}
        token = token or self.token
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return headers

    def url(self, path: str, *, sso: bool = False) -> str:
        return (self.portal.sso_url if sso else self.portal.url) + path

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        headers = {**self.headers(token=kwargs.pop("token", None)), **kwargs.pop("headers", {})}
        return self.session.get(self.url(path), headers=headers, timeout=10, verify=self.verify, **kwargs)

    def post(
        self,
        path: str,
        payload: Any,
        mode: Mode,
        *,
        token: str | None = None,
        day: dt.date | None = None,
        headers: dict[str, str] | None = None,
        sso: bool = False,
    ) -> requests.Response:
        """POST ``payload`` in ``mode``: ENC-raw (``data=``), ENC-json (``json=<str>``) or PLAIN."""
        options: dict[str, Any] = {
            "headers": {**self.headers(token=token, day=day), **(headers or {})},
            "timeout": 10,
            "verify": self.verify,
        }
        url = self.url(path, sso=sso)
        if mode == "plain":
            return self.session.post(url, json=payload, **options)
        ciphertext = serialize_payload(payload, day or self.server_day())
        if mode == "json":
            return self.session.post(url, json=ciphertext, **options)
        return self.session.post(url, data=ciphertext, **options)

    def call(self, endpoint: endpoints.Endpoint, payload: Any = None, **kwargs: Any) -> requests.Response:
        """Call ``endpoint`` in its own body mode (ENC-raw for encrypted ones)."""
        if endpoint.method == "GET":
            return self.get(endpoint.path, **kwargs)
        mode: Mode = "plain" if endpoint.body is endpoints.Body.PLAIN else "raw"
        return self.post(endpoint.path, payload, mode, sso=endpoint.sso, **kwargs)

    def pretoken(self, username: str | None = None) -> dict[str, Any]:
        """Steps #1 and #2 of the login; return #2's response minus ``rejectedData``."""
        captcha = self.get(endpoints.CAPTCHA.path).json()["response"]["captcha"]
        payload = {
            "username": username or self.portal.username,
            "usertype": "S",
            "captcha": {"captcha": captcha["captcha"], "hidden": captcha["hidden"]},
        }
        response = self.call(endpoints.PRETOKEN_CHECK, payload).json()["response"]
        del response["rejectedData"]
        return dict(response)

    def generate_token(self, pretoken: dict[str, Any], password: str) -> requests.Response:
        """Step #3 of the login."""
        payload = {**pretoken, "Modulename": "STUDENTMODULE", "passwordotpvalue": password}
        return self.call(endpoints.GENERATE_TOKEN, payload)

    def login(self, password: str | None = None) -> dict[str, Any]:
        """Log in as the demo student; keep the token and return ``regdata``."""
        reply = self.generate_token(self.pretoken(), password or self.portal.password).json()
        assert reply["status"]["responseStatus"] == "Success", reply
        regdata: dict[str, Any] = reply["response"]["regdata"]
        self.token = regdata["token"]
        return regdata


def envelope_ok(response: requests.Response) -> Any:
    """Assert a 200 Success envelope and return its ``response``."""
    assert response.status_code == 200, (response.status_code, response.text[:300])
    body = response.json()
    assert body["status"] == {"responseStatus": "Success", "errors": None, "identifier": None}, body
    return body["response"]


def envelope_failure(response: requests.Response) -> dict[str, Any]:
    """Assert a 200 Failure envelope and return its ``status``."""
    assert response.status_code == 200, (response.status_code, response.text[:300])
    body = response.json()
    assert body["status"]["responseStatus"] == "Failure", body
    status: dict[str, Any] = body["status"]
    return status
