"""``portal.mooc``: MOOC subjects taken in place of a subject, and their approval (#36, #37)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pyjiit import endpoints
from pyjiit.calls._base import SEMESTER, Calls, Request, check_model
from pyjiit.models.mooc import MoocStatus
from pyjiit.models.semesters import MoocSemesters

if TYPE_CHECKING:
    from pyjiit.models.attendance import Semester
    from pyjiit.models.semesters import SemesterRecord

__all__ = ["MoocCalls"]


class MoocCalls(Calls):
    """MOOC subjects: ``portal.mooc``."""

    def semesters(self) -> MoocSemesters:
        """The semesters with MOOC requests (#36)."""
        return self._read(MoocSemesters, Request(endpoints.MOOC_SEMESTERS, self._ids("instituteid")))

    def status(self, semester: Semester | SemesterRecord) -> MoocStatus:
        """The approval status of a semester's MOOC requests (#37)."""
        check_model("semester", semester, SEMESTER, "registration_id")
        payload = {**self._ids("instituteid"), "registrationid": semester.registration_id}
        return self._read(MoocStatus, Request(endpoints.MOOC_STATUS, payload))
