"""Logging in: captcha, pretoken, token, refresh, portal config and Google sign-in (#1-#6).

The public clients named by tag (KT, UNK, JSc...) are those of docs/protocol.md section 0.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
import secrets
from typing import Any

from pyjiit import endpoints
from pyjiit.testing._images import captcha_png
from pyjiit.testing._replies import Abort, failure, java_exception
from pyjiit.testing._routing import Call, RouteTable
from pyjiit.utils import IST

__all__ = ["routes"]

#: The fake portal's routes for the login endpoints, collected into its route table.
routes = RouteTable()

#: The Google client id #5 reports; Google would reject it, nothing here asks Google.
GOOGLE_CLIENT_ID = "000000000000-pyjiit-fakeportal.apps.googleusercontent.com"

_JS_DATE = re.compile(r"^(\w{3} \w{3} \d{2} \d{4} \d{2}:\d{2}:\d{2}) GMT([+-]\d{4})")


@routes.add(endpoints.CAPTCHA)
def captcha(_call: Call) -> Any:  # noqa: ANN401
    """#1: a fresh captcha; its text is always empty and only ``hidden`` rotates (JUET notes)."""
    hidden = base64.b64encode(secrets.token_bytes(8)).decode("ascii")
    image = base64.b64encode(captcha_png(hidden)).decode("ascii")
    return {"captcha": {"captcha": "", "hidden": hidden, "image": image}}


@routes.add(endpoints.PRETOKEN_CHECK, "username", "usertype")
def pretoken_check(call: Call) -> Any:  # noqa: ANN401
    """#2: start a login; the captcha is not checked, as on the real portal."""
    username = call.payload["username"]
    if username != call.student.username or call.payload["usertype"] != call.student.membertype:
        raise Abort(failure(["Invalid User Id or User Type"]))
    return {
        "random": call.state.new_random(username),
        "otppwd": "PWD",
        "username": username,
        "rejectedData": None,
    }


def session_fields(call: Call, token: str) -> dict[str, Any]:
    """The session values both login answers carry (#3 in ``regdata``, #6 flat)."""
    student = call.student
    return {
        "memberid": student.memberid,
        "userid": student.userid,
        "token": token,
        "clientid": student.clientid,
        "membertype": student.membertype,
        "name": student.name,
        "enrollmentno": student.username,
    }


@routes.add(endpoints.GENERATE_TOKEN, "username", "random", "otppwd", "passwordotpvalue", "Modulename")
def generate_token(call: Call) -> Any:  # noqa: ANN401
    """#3: finish a login with the single-use ``random`` of #2 and the password.

    The ``random`` is used up by any attempt, right or wrong, so a retried or
    replayed login fails.
    """
    payload = call.payload
    if call.state.take_random(str(payload["random"])) != payload["username"]:
        raise Abort(failure(["Invalid or expired login request, please login again"]))
    if not call.state.password_matches(str(payload["passwordotpvalue"])):
        raise Abort(failure(["Invalid Password"]))
    if payload["Modulename"] != "STUDENTMODULE":
        raise Abort(failure(["Invalid Module Name"]))
    student = call.student
    regdata = {
        "institutelist": [{"label": student.institute_name, "value": student.institute_id}],
        **session_fields(call, call.state.issue_token()),
    }
    return {"regdata": regdata}


def _token_date(text: str) -> dt.datetime:
    """Parse #4's ``tokendate``: ``dd/mm/yyyy`` (UNK) or a JavaScript ``Date`` string (KT)."""
    match = _JS_DATE.match(text)
    if match:
        return dt.datetime.strptime(f"{match[1]} {match[2]}", "%a %b %d %Y %H:%M:%S %z")
    return dt.datetime.strptime(text, "%d/%m/%Y").replace(tzinfo=IST)


@routes.add(endpoints.REFRESH_TOKEN, "username", "tokendate")
def refresh_token(call: Call) -> Any:  # noqa: ANN401
    """#4: a human message and no new token, as UNK saw on the live portal."""
    if call.payload["username"] != call.student.username:
        raise Abort(failure(["NO DATA FOUND"]))
    try:
        issued = _token_date(str(call.payload["tokendate"]))
    except ValueError:
        raise Abort(java_exception("java.lang.IllegalArgumentException")) from None
    minutes = int((call.state.now() - issued).total_seconds() // 60)
    return {"msg": f"Token Referesh at the time of Login differnce timing = {minutes}"}


@routes.add(endpoints.PORTAL_CONFIG)
def portal_config(call: Call) -> Any:  # noqa: ANN401
    """#5: the login page's settings, including where the Google token exchange lives."""
    return {
        "loadGoogleClientId": GOOGLE_CLIENT_ID,
        "loadGoogleButtonShow": "Y",
        "URLapiBase": call.state.sso_exchange_url,
        "logoClientWise": "JIIT",
    }


@routes.add(endpoints.GOOGLE_SIGN_IN, "googleToken", "modulename")
def google_sign_in(call: Call) -> Any:  # noqa: ANN401
    """#6: swap the demo student's Google credential for a session, in one flat object."""
    if call.payload["modulename"] != "studentportal":
        raise Abort(failure(["Invalid Module Name"]))
    if not call.state.check_google_credential(str(call.payload["googleToken"])):
        raise Abort(failure(["Invalid Google Token"]))
    student = call.student
    return {
        **session_fields(call, call.state.issue_token()),
        "Username": student.username,
        "value": student.institute_id,
        "label": student.institute_name,
    }
