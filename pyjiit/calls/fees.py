"""``portal.fees``: the fee summary and pending fines (#29, #30)."""

from __future__ import annotations

from pyjiit import endpoints
from pyjiit.calls._base import Calls, Request
from pyjiit.models.fees import FeeSummary, PendingCharges

__all__ = ["FeeCalls"]


class FeeCalls(Calls):
    """Fees and fines: ``portal.fees``."""

    def summary(self) -> FeeSummary:
        """Fees per semester: amounts due, paid, refunded and waived, as exact ``Decimal`` amounts (#30)."""
        return self._read(FeeSummary, self._summary())

    def charges(self) -> PendingCharges:
        """Pending fines and other charges (#29); none when nothing is due."""
        return self._read(PendingCharges, self._charges())

    def _summary(self) -> Request:
        return Request(endpoints.FEE_SUMMARY, self._ids("instituteid"))

    def _charges(self) -> Request:
        return Request(endpoints.PENDING_PAYMENTS, self._ids("instituteid", "studentid"))
