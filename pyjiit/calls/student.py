"""``portal.student``: the student's own records (#7, #8, #27, #31)."""

from __future__ import annotations

from pyjiit import endpoints
from pyjiit.calls._base import Calls, Request
from pyjiit.models.grades import CurrentSemester
from pyjiit.models.student import BankInfo, HostelAllocation, PersonalInfo

__all__ = ["StudentCalls"]


class StudentCalls(Calls):
    """The student's records: ``portal.student``."""

    def personal_info(self) -> PersonalInfo:
        """Personal information: general details, addresses, qualifications, photo and signature (#7)."""
        return self._read(PersonalInfo, self._personal_info())

    def bank_info(self) -> BankInfo:
        """The bank account on record (#8); its number is left out of ``repr``."""
        return self._read(BankInfo, self._bank_info())

    def hostel(self) -> HostelAllocation:
        """The present hostel room (#31).

        Raises:
            NoDataFound: The student has no hostel room.
        """
        return self._read(HostelAllocation, Request(endpoints.HOSTEL, self._ids("instituteid")))

    def current_semester(self) -> CurrentSemester:
        """The student's current semester of the programme, from their master record (#27)."""
        session = self._client._require_session()
        payload = {
            **self._ids("instituteid", "studentid"),
            "name": session.name,
            "enrollmentno": session.enrollmentno,
        }
        return self._read(CurrentSemester, Request(endpoints.CURRENT_SEMESTER, payload))

    def _personal_info(self) -> Request:
        return Request(endpoints.PERSONAL_INFO, self._ids("instituteid"))

    def _bank_info(self) -> Request:
        # Encrypted: the portal answers a plain body (as 0.1.0a9 sent it) with HTTP 500.
        return Request(endpoints.BANK_INFO, self._ids("instituteid"))
