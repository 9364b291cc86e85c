"""The student and the account: personal information, bank details, password (#7-#9).

The public clients named by tag (KT, UNK, JSc...) are those of docs/protocol.md section 0.
"""

from __future__ import annotations

from typing import Any

from pyjiit import endpoints
from pyjiit.testing._replies import Abort, failure
from pyjiit.testing._routing import Call, RouteTable

__all__ = ["routes"]

#: The fake portal's routes for the student endpoints, collected into its route table.
routes = RouteTable()

_ACCOUNT = "ClxUserService"


@routes.add(endpoints.PERSONAL_INFO, "instituteid")
def personal_info(call: Call) -> Any:  # noqa: ANN401
    """#7: general information, qualifications, photo and signature.

    jsjiit's extra ``clinetid: "SOAU"`` (sic) is ignored like any unknown key;
    a ``clientid`` must name the student's client, as every identity key must.
    """
    return call.student.personal


@routes.add(endpoints.BANK_INFO, "instituteid")
def bank_info(call: Call) -> Any:  # noqa: ANN401
    """#8: bank account, address, contact details.

    The endpoint is encrypted (KT, UNK), so the plain body pyjiit 0.1.0a9 and
    jsjiit send is refused with HTTP 400 like any body in the wrong mode; UNK
    saw HTTP 500 from the live portal, and clients treat both as an error.
    """
    return call.student.bank


@routes.add(endpoints.CHANGE_PASSWORD, "membertype", "oldpassword", "newpassword", "confirmpassword")
def change_password(call: Call) -> Any:  # noqa: ANN401
    """#9: change the demo student's password; later logins need the new one."""
    payload = call.payload
    new = str(payload["newpassword"])
    if new != payload["confirmpassword"]:
        raise Abort(failure(["New Password and Confirm Password do not match"], _ACCOUNT))
    if not new:
        raise Abort(failure(["New Password can not be blank"], _ACCOUNT))
    if payload["membertype"] != call.student.membertype or not call.state.change_password(
        str(payload["oldpassword"]), new
    ):
        raise Abort(failure(["Old Password is not correct"], _ACCOUNT))
    return {"msg": "Password Changed Successfully"}
