"""Money and rooms: pending payments, the fee ledger, hostel allocation (#29-#31)."""

from __future__ import annotations

import copy
from typing import Any

from pyjiit import endpoints
from pyjiit.testing._replies import Abort, failure
from pyjiit.testing._routing import Call, RouteTable

__all__ = ["routes"]

#: The fake portal's routes for the money endpoints, collected into its route table.
routes = RouteTable()


@routes.add(endpoints.PENDING_PAYMENTS, "instituteid", "studentid")
def pending_payments(call: Call) -> Any:  # noqa: ANN401
    """#29: the charges in ``FakePortal.pending_payments``; the portal's Failure when there are none."""
    charges = copy.deepcopy(call.state.pending_payments)
    if not charges:
        raise Abort(
            failure(["NO APPROVED REQUEST FOUND"], "GIPSubjectRegistrationService", {"status": "Failed"})
        )
    return charges


@routes.add(endpoints.FEE_SUMMARY, "instituteid")
def fee_summary(call: Call) -> Any:  # noqa: ANN401
    """#30: one fee head per semester (newest first), program details, advance paid."""
    student = call.student
    heads = [
        {
            "academicyear": s.academicyear,
            "stynumber": s.stynumber,
            "stytype": "REG",
            "stytypedesc": "REGULAR",
            "stytypeid": "JISTY0000001",
            "eventid": f"JIFEV{s.registrationid[-7:]}",
            "feeamount": s.fee,
            "receiveamount": s.fee - s.fee_due,
            "dueamount": s.fee_due,
            "refundamount": 0,
            "waiveramount": 0,
            "transferinamount": 0,
            "transferoutamount": 0,
            "currencycode": "INR",
            "currencyid": "JICUR0000001",
            "quotaid": "JIQTA0000001",
            "quotacode": "GEN",
            "regallowdate": f"{s.start:%d/%m/%Y}",
            "registrationid": s.registrationid,
            "studentid": student.memberid,
            "instituteid": student.institute_id,
            "programid": student.programid,
            "enrollmentno": student.username,
            "name": student.name,
        }
        for s in student.semesters
    ]
    info = {
        "programcode": student.programcode,
        "programdesc": student.programdesc,
        "branchcode": student.branchcode,
        "branchdesc": student.branchdesc,
        "enrollmentno": student.username,
        "name": student.name,
        "stynumber": student.current.stynumber,
    }
    return {"feeHeads": heads, "studentInfo": [info], "advanceamount": [{"amount": 0, "currencycode": "INR"}]}


@routes.add(endpoints.HOSTEL, "instituteid")
def hostel(call: Call) -> Any:  # noqa: ANN401
    """#31: the room the student lives in and the hostel's wardens."""
    return call.student.hostel
