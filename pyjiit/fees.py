"""Money: the fee summary and pending fines and charges.

Amounts are :class:`decimal.Decimal`, exact as the portal states them
(``"6"`` and ``6`` both give ``Decimal("6")``), so totals add up to the paisa.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from pyjiit._parse import (
    JSONObject,
    get_decimal,
    get_float,
    get_id,
    get_int,
    get_objects,
    get_text,
    optional,
    require_object,
    require_objects,
)

__all__ = ["AdvanceAmount", "FeeHead", "FeeSummary", "PendingCharge", "PendingCharges"]


@dataclass(frozen=True)
class FeeHead:
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

    semester_number: int
    academic_year: str
    registration_id: str | None
    registration_type: str | None
    currency: str | None
    fee_amount: Decimal
    received_amount: Decimal
    due_amount: Decimal
    refund_amount: Decimal | None
    waiver_amount: Decimal | None
    transfer_in_amount: Decimal | None
    transfer_out_amount: Decimal | None
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> FeeHead:
        """Build a line from one item of the fee summary's ``feeHeads``.

        Raises:
            ResponseFormatError: A field is missing or of the wrong type.
        """
        what = "fee head"
        data = require_object(response, what)
        return cls(
            semester_number=get_int(data, "stynumber", what),
            academic_year=get_id(data, "academicyear", what),
            registration_id=optional(get_id, data, "registrationid", what),
            registration_type=optional(get_text, data, "stytype", what),
            currency=optional(get_text, data, "currencycode", what),
            fee_amount=get_decimal(data, "feeamount", what),
            received_amount=get_decimal(data, "receiveamount", what),
            due_amount=get_decimal(data, "dueamount", what),
            refund_amount=optional(get_decimal, data, "refundamount", what),
            waiver_amount=optional(get_decimal, data, "waiveramount", what),
            transfer_in_amount=optional(get_decimal, data, "transferinamount", what),
            transfer_out_amount=optional(get_decimal, data, "transferoutamount", what),
            raw=data,
        )


@dataclass(frozen=True)
class AdvanceAmount:
    """Money paid in advance, held by the institute.

    Attributes:
        amount: The amount.
        currency: The currency code, e.g. ``"INR"``, or ``None``.
        raw: The item as the portal sent it.
    """

    amount: Decimal
    currency: str | None
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> AdvanceAmount:
        """Build it from one item of the fee summary's ``advanceamount``.

        Raises:
            ResponseFormatError: A field is missing or of the wrong type.
        """
        what = "advance amount"
        data = require_object(response, what)
        return cls(
            amount=get_decimal(data, "amount", what),
            currency=optional(get_text, data, "currencycode", what),
            raw=data,
        )


@dataclass(frozen=True)
class FeeSummary:
    """The fee summary (``/studentfeeledger/loadfeesummary``).

    Attributes:
        heads: One line per semester.
        advances: Money paid in advance (the portal's ``advanceamount``; empty if absent).
        raw: The answer's ``response`` as the portal sent it; ``studentInfo`` stays there.
    """

    heads: tuple[FeeHead, ...]
    advances: tuple[AdvanceAmount, ...]
    raw: JSONObject = field(repr=False, compare=False)

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

    @classmethod
    def from_response(cls, response: object) -> FeeSummary:
        """Build the summary from the ``response`` of the fee summary request.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        what = "fee summary"
        data = require_object(response, what)
        advances = optional(get_objects, data, "advanceamount", what) or []
        return cls(
            heads=tuple(FeeHead.from_response(row) for row in get_objects(data, "feeHeads", what)),
            advances=tuple(AdvanceAmount.from_response(row) for row in advances),
            raw=data,
        )


@dataclass(frozen=True)
class PendingCharge:
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

    service_name: str
    service_code: str | None
    request_no: str | None
    quantity: float | None
    charge: Decimal | None
    amount_to_pay: Decimal | None
    remarks_by_authority: str | None
    remarks_by_student: str | None
    raw: JSONObject = field(repr=False, compare=False)

    @property
    def amount(self) -> Decimal:
        """What this charge costs: the amount to pay, else the charge, else 0."""
        for value in (self.amount_to_pay, self.charge):
            if value is not None:
                return value
        return Decimal(0)

    @classmethod
    def from_response(cls, response: object) -> PendingCharge:
        """Build a charge from one item of the pending payments answer.

        Raises:
            ResponseFormatError: A field is missing or of the wrong type.
        """
        what = "pending charge"
        data = require_object(response, what)
        return cls(
            service_name=get_text(data, "servicename", what),
            service_code=optional(get_id, data, "servicecode", what),
            request_no=optional(get_id, data, "requestno", what),
            quantity=optional(get_float, data, "quantity", what),
            charge=optional(get_decimal, data, "charge", what),
            amount_to_pay=optional(get_decimal, data, "feeamounttobepaid", what),
            remarks_by_authority=optional(get_text, data, "remarksbyauthority", what),
            remarks_by_student=optional(get_text, data, "remarksbystudents", what),
            raw=data,
        )


@dataclass(frozen=True)
class PendingCharges:
    """Fines and other pending charges (``/collectionpendingpayments/getpendingpaymentsdata``).

    The answer's ``response`` is a bare list.  When nothing is due the portal
    answers with a Failure envelope ("NO APPROVED REQUEST FOUND") instead,
    which the client handles; this model only reads the list.

    Attributes:
        charges: The charges.
        raw: The answer's ``response`` as the portal sent it.
    """

    charges: tuple[PendingCharge, ...]
    raw: object = field(repr=False, compare=False)

    @property
    def total(self) -> Decimal:
        """The sum of every charge's :attr:`~PendingCharge.amount`."""
        return sum((charge.amount for charge in self.charges), Decimal(0))

    @classmethod
    def from_response(cls, response: object) -> PendingCharges:
        """Build the charges from the ``response`` of the pending payments request.

        Raises:
            ResponseFormatError: The answer is not a list of charges.
        """
        rows = require_objects(response, "pending charges")
        return cls(charges=tuple(PendingCharge.from_response(row) for row in rows), raw=response)
