"""Money: the fee summary and pending fines and charges.

Amounts are :class:`decimal.Decimal`, exact as the portal states them
(``"6"`` and ``6`` both give ``Decimal("6")``), so totals add up to the paisa.
"""

from __future__ import annotations

from decimal import Decimal

from pyjiit._parse import JSONObject, get_decimal, get_float, get_id, get_int, get_text
from pyjiit.models._table import Model, as_sent, derived, each, rows, wire

__all__ = ["AdvanceAmount", "FeeHead", "FeeSummary", "PendingCharge", "PendingCharges"]


class FeeHead(Model, what="fee head"):
    """One semester's line in the fee summary.

    Attributes:
        semester_number: The semester of the programme it belongs to (``stynumber``).
        academic_year: The academic year code, e.g. ``"2526"``.
        registration_id: The portal's id of the semester, or ``None``.
        registration_type: e.g. ``"REG"`` (``stytype``), or ``None``.
        currency: The currency code, e.g. ``"INR"``, or ``None``.
        fee_amount: The fee charged.
        received_amount: The amount received.
        due_amount: The amount still due.
        refund_amount: The amount refunded, or ``None``.
        waiver_amount: The amount waived, or ``None``.
        transfer_in_amount: The amount transferred in, or ``None``.
        transfer_out_amount: The amount transferred out, or ``None``.
        raw: The item as the portal sent it.
    """

    semester_number: int = wire("stynumber", get_int)
    academic_year: str = wire("academicyear", get_id)
    registration_id: str | None = wire("registrationid", get_id, optional=True)
    registration_type: str | None = wire("stytype", get_text, optional=True)
    currency: str | None = wire("currencycode", get_text, optional=True)
    fee_amount: Decimal = wire("feeamount", get_decimal)
    received_amount: Decimal = wire("receiveamount", get_decimal)
    due_amount: Decimal = wire("dueamount", get_decimal)
    refund_amount: Decimal | None = wire("refundamount", get_decimal, optional=True)
    waiver_amount: Decimal | None = wire("waiveramount", get_decimal, optional=True)
    transfer_in_amount: Decimal | None = wire("transferinamount", get_decimal, optional=True)
    transfer_out_amount: Decimal | None = wire("transferoutamount", get_decimal, optional=True)
    raw: JSONObject = as_sent()


class AdvanceAmount(Model, what="advance amount"):
    """Money paid in advance, held by the institute.

    Attributes:
        amount: The amount.
        currency: The currency code, e.g. ``"INR"``, or ``None``.
        raw: The item as the portal sent it.
    """

    amount: Decimal = wire("amount", get_decimal)
    currency: str | None = wire("currencycode", get_text, optional=True)
    raw: JSONObject = as_sent()


class FeeSummary(Model, what="fee summary"):
    """The fee summary (``/studentfeeledger/loadfeesummary``).

    Attributes:
        heads: One line per semester.
        advances: Money paid in advance (the portal's ``advanceamount``; empty if absent).
        raw: The answer's ``response`` as the portal sent it; ``studentInfo`` stays there.
    """

    heads: tuple[FeeHead, ...] = wire("feeHeads", rows(FeeHead))
    advances: tuple[AdvanceAmount, ...] = wire(
        "advanceamount", rows(AdvanceAmount), optional=True, missing=()
    )
    raw: JSONObject = as_sent()

    @property
    def total_fee(self) -> Decimal:
        """The sum of all fees charged."""
        return sum((head.fee_amount for head in self.heads), Decimal(0))

    @property
    def total_received(self) -> Decimal:
        """The sum of all amounts received."""
        return sum((head.received_amount for head in self.heads), Decimal(0))

    @property
    def total_due(self) -> Decimal:
        """The sum of all amounts still due."""
        return sum((head.due_amount for head in self.heads), Decimal(0))


class PendingCharge(Model, what="pending charge"):
    """A fine or other charge waiting to be paid.

    Attributes:
        service_name: What it is for, e.g. a library fine.
        service_code: The portal's code of the service, or ``None``.
        request_no: The request number, or ``None``.
        quantity: How many units are charged, or ``None``.
        charge: The charge per the portal's ``charge`` field, or ``None``.
        amount_to_pay: The amount to pay (``feeamounttobepaid``), or ``None``.
        remarks_by_authority: The office's remark, or ``None``.
        remarks_by_student: The student's remark, or ``None``.
        raw: The item as the portal sent it.
    """

    service_name: str = wire("servicename", get_text)
    service_code: str | None = wire("servicecode", get_id, optional=True)
    request_no: str | None = wire("requestno", get_id, optional=True)
    quantity: float | None = wire("quantity", get_float, optional=True)
    charge: Decimal | None = wire("charge", get_decimal, optional=True)
    amount_to_pay: Decimal | None = wire("feeamounttobepaid", get_decimal, optional=True)
    remarks_by_authority: str | None = wire("remarksbyauthority", get_text, optional=True)
    remarks_by_student: str | None = wire("remarksbystudents", get_text, optional=True)
    raw: JSONObject = as_sent()

    @property
    def amount(self) -> Decimal:
        """What this charge costs: the amount to pay, else the charge, else 0."""
        for value in (self.amount_to_pay, self.charge):
            if value is not None:
                return value
        return Decimal(0)


class PendingCharges(Model, what="pending charges"):
    """Fines and other pending charges (``/collectionpendingpayments/getpendingpaymentsdata``).

    The answer's ``response`` is a bare list.  When nothing is due the portal
    answers "NO APPROVED REQUEST FOUND" instead, which
    :meth:`pyjiit.calls.fees.FeeCalls.charges` reads as no charges.

    Attributes:
        charges: The charges.
        raw: The answer's ``response`` as the portal sent it.
    """

    charges: tuple[PendingCharge, ...] = derived(each(PendingCharge))
    raw: object = as_sent()

    @property
    def total(self) -> Decimal:
        """The sum of every charge's :attr:`~PendingCharge.amount`."""
        return sum((charge.amount for charge in self.charges), Decimal(0))
