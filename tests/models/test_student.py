"""Personal information, bank details, hostel and credits."""

from __future__ import annotations

import copy
import datetime as dt

from pyjiit.models import BankInfo, Credits, HostelAllocation, PersonalInfo
from pyjiit.utils import IST
from tests.models import samples


def test_personal_info() -> None:
    info = PersonalInfo.from_response(samples.PERSONAL_INFO)
    assert (info.name, info.enrollment_no, info.semester, info.program) == ("TEST NAME", "24103000", 5, "B.T")
    assert info.phone == "9000000000"
    assert info.parent_phone == "9100000000"  # sent as a bare number
    assert info.current_address.lines == ("A-10, SECTOR 62",)
    assert info.current_address.postal_code == "201309"
    assert info.permanent_address.lines == ("1 TEST ROAD",)  # blank lines dropped
    assert info.permanent_address.city == "DELHI"
    (school,) = info.qualifications
    assert (school.code, school.year_of_passing, school.percentage, school.grade, school.cgpa) == (
        "10TH",
        2021,
        90.4,
        None,
        None,
    )
    assert info.photo == "/9j/AA=="
    assert info.signature is None
    assert "/9j/AA==" not in repr(info)


def test_bank_info_keeps_the_account_number_out_of_repr() -> None:
    bank = BankInfo.from_response(samples.BANK_INFO)
    assert (bank.bank_name, bank.ifsc, bank.bank_pin) == ("TEST BANK", "TEST0000123", "201301")
    assert bank.account_number == "40627574535147"
    assert "40627574535147" not in repr(bank)
    assert "571374432139" not in repr(bank)


def test_hostel_allocation() -> None:
    hostel = HostelAllocation.from_response(samples.HOSTEL)
    assert (hostel.hostel, hostel.room, hostel.floor, hostel.bed) == ("HOSTEL H4", "8234", "4", "B")
    assert hostel.allotted_on == dt.datetime(2026, 7, 12, 5, 30, tzinfo=IST)
    assert hostel.allotted_until == "31/05/2027"


def test_credits() -> None:
    credits = Credits.from_response(samples.CREDITS)
    assert (credits.registered, credits.required, credits.earned, credits.semester) == (21.0, 160.0, 89.0, 5)
    assert credits.remaining == 71.0


def test_hostel_allotment_date_as_text() -> None:
    # Both epoch milliseconds and dd/mm/yyyy text are seen for this field.
    answer = copy.deepcopy(samples.HOSTEL)
    answer["presenthosteldetail"]["dateofallotment"] = "15/07/2026"
    hostel = HostelAllocation.from_response(answer)
    assert hostel.allotted_on == dt.datetime(2026, 7, 15, tzinfo=IST)
