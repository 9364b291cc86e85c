"""MOOC subjects: the semesters with MOOC registration, and the approval status (#36-#37)."""

from __future__ import annotations

from typing import Any

from pyjiit import endpoints
from pyjiit.testing._routing import Call, RouteTable, epoch_ms, no_data

__all__ = ["routes"]

#: The fake portal's routes for the mooc endpoints, collected into its route table.
routes = RouteTable()

#: MOOC registration opened with the fourth semester.
_FIRST_MOOC_SEMESTER = 4


@routes.add(endpoints.MOOC_SEMESTERS, "instituteid")
def mooc_semesters(call: Call) -> Any:  # noqa: ANN401
    """#36: the semesters with MOOC registration, newest first (a bare list)."""
    return [
        {
            "registrationid": s.registrationid,
            "registrationdatefrom": epoch_ms(s.start),
            "registrationcode": s.registrationcode,
            "registrationdesc": s.description,
        }
        for s in call.student.semesters
        if s.stynumber >= _FIRST_MOOC_SEMESTER
    ]


@routes.add(endpoints.MOOC_STATUS, "instituteid", "registrationid")
def mooc_status(call: Call) -> Any:  # noqa: ANN401
    """#37: the MOOC subjects applied for in the current semester and their approval stages."""
    if call.semester() != call.student.current:
        raise no_data()
    return call.student.mooc_status
