"""Fee summary and pending charges: exact amounts."""

from __future__ import annotations

from decimal import Decimal

from pyjiit.models import FeeSummary, PendingCharges
from tests.models import samples


def test_fee_summary_amounts_are_exact() -> None:
    summary = FeeSummary.from_response(samples.FEE_SUMMARY)
    first, second = summary.heads
    assert (first.semester_number, first.academic_year, first.currency) == (5, "2526", "INR")
    assert second.received_amount == Decimal("100000.5")
    assert second.transfer_out_amount is None
    assert summary.total_fee == Decimal(420000)
    assert summary.total_received + summary.total_due == summary.total_fee
    assert [(a.amount, a.currency) for a in summary.advances] == [(Decimal(6), "INR")]


def test_fee_summary_without_advances() -> None:
    response = {key: value for key, value in samples.FEE_SUMMARY.items() if key != "advanceamount"}
    assert FeeSummary.from_response(response).advances == ()


def test_pending_charges() -> None:
    charges = PendingCharges.from_response(samples.PENDING_CHARGES)
    fine, card = charges.charges
    assert (fine.service_name, fine.request_no, fine.amount_to_pay) == (
        "LIBRARY FINE",
        "REQ/2026/0001",
        Decimal("150.50"),
    )
    assert (fine.remarks_by_authority, fine.remarks_by_student) == (None, None)
    assert (card.amount_to_pay, card.amount, card.quantity) == (None, Decimal(100), 1.0)
    assert charges.total == Decimal("250.50")
