"""The student's own records: personal information, bank details, hostel and credits.

Personal records are full of empty and ``null`` fields, so only the fields
that identify a record are required; every other field is ``None`` when the
portal leaves it blank.  Bank account and identity numbers are left out of
``repr`` so they do not end up in logs by accident.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from pyjiit._parse import (
    JSONObject,
    get_epoch_ms,
    get_float,
    get_id,
    get_int,
    get_object,
    get_text,
    optional,
    parse_datetime,
)
from pyjiit.models._table import Model, as_sent, rows, wire
from pyjiit.utils import IST

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

__all__ = ["Address", "BankInfo", "Credits", "HostelAllocation", "PersonalInfo", "Qualification"]


@dataclasses.dataclass(frozen=True)
class Address:
    """A postal address.

    Attributes:
        lines: The address lines that are not blank.
        city: The city, or ``None``.
        district: The district, or ``None``.
        state: The state, or ``None``.
        postal_code: The PIN code, or ``None``.
    """

    lines: tuple[str, ...]
    city: str | None
    district: str | None
    state: str | None
    postal_code: str | None


def _address(prefix: str) -> Callable[[JSONObject, str, str], Address]:
    """The reader of the address in the object at ``key`` whose keys start with ``prefix`` (``c``, ``p``)."""

    def read(data: JSONObject, key: str, what: str) -> Address:
        info, inner = get_object(data, key, what), f"{what} {key}"

        def text(name: str, read: Callable[[JSONObject, str, str], str] = get_text) -> str | None:
            return optional(read, info, f"{prefix}{name}", inner)

        lines = (text(f"address{number}") for number in (1, 2, 3))
        return Address(
            lines=tuple(line for line in lines if line is not None),
            city=text("cityname"),
            district=text("district"),
            state=text("statename"),
            postal_code=text("postalcode", get_id),
        )

    return read


class Qualification(Model, what="qualification"):
    """A qualification the student entered with, such as a school-leaving exam.

    Attributes:
        code: The qualification's code, e.g. ``"10TH"``, or ``None``.
        board: The examining board, or ``None``.
        year_of_passing: The year it was passed, or ``None``.
        obtained_marks: The marks obtained, or ``None``.
        full_marks: The maximum marks, or ``None``.
        percentage: The percentage of marks, or ``None``.
        grade: The grade, or ``None``.
        cgpa: The CGPA, or ``None``.
        raw: The item as the portal sent it.
    """

    code: str | None = wire("qualificationcode", get_text, optional=True)
    board: str | None = wire("boardname", get_text, optional=True)
    year_of_passing: int | None = wire("yearofpassing", get_int, optional=True)
    obtained_marks: float | None = wire("obtainedmarks", get_float, optional=True)
    full_marks: float | None = wire("fullmarks", get_float, optional=True)
    percentage: float | None = wire("percentagemarks", get_float, optional=True)
    grade: str | None = wire("grade", get_text, optional=True)
    cgpa: float | None = wire("cgpa", get_float, optional=True)
    raw: JSONObject = as_sent()


class PersonalInfo(Model, what="personal information"):
    """The student's personal information (``/studentpersinfo/getstudent-personalinformation``).

    Attributes:
        name: The student's name.
        enrollment_no: The enrolment number (``registrationno``).
        program: The programme code, or ``None``.
        branch: The branch, or ``None``.
        section: The section code, or ``None``.
        batch: The batch, or ``None``.
        semester: The current semester number, or ``None``.
        institute: The institute code, or ``None``.
        academic_year: The academic year, or ``None``.
        admission_year: The year of admission, or ``None``.
        date_of_birth: The date of birth as the portal writes it, or ``None``.
        gender: The gender, or ``None``.
        blood_group: The blood group, or ``None``.
        nationality: The nationality, or ``None``.
        category: The admission category, or ``None``.
        email: The institute email address, or ``None``.
        personal_email: The personal email address, or ``None``.
        phone: The student's mobile number, or ``None``.
        father_name: The father's name, or ``None``.
        mother_name: The mother's name, or ``None``.
        parent_email: A parent's email address, or ``None``.
        parent_phone: A parent's mobile number, or ``None``.
        current_address: The current (correspondence) address.
        permanent_address: The permanent address.
        qualifications: The qualifications the student entered with.
        photo: The photo as base64 JPEG data, or ``None`` (left out of ``repr``).
        signature: The signature as base64 image data, or ``None`` (left out of ``repr``).
        raw: The answer's ``response`` as the portal sent it.
    """

    name: str = wire("generalinformation.studentname", get_text)
    enrollment_no: str = wire("generalinformation.registrationno", get_id)
    program: str | None = wire("generalinformation.programcode", get_text, optional=True)
    branch: str | None = wire("generalinformation.branch", get_text, optional=True)
    section: str | None = wire("generalinformation.sectioncode", get_text, optional=True)
    batch: str | None = wire("generalinformation.batch", get_text, optional=True)
    semester: int | None = wire("generalinformation.semester", get_int, optional=True)
    institute: str | None = wire("generalinformation.institutecode", get_text, optional=True)
    academic_year: str | None = wire("generalinformation.academicyear", get_id, optional=True)
    admission_year: str | None = wire("generalinformation.admissionyear", get_id, optional=True)
    date_of_birth: str | None = wire("generalinformation.dateofbirth", get_text, optional=True)
    gender: str | None = wire("generalinformation.gender", get_text, optional=True)
    blood_group: str | None = wire("generalinformation.bloodgroup", get_text, optional=True)
    nationality: str | None = wire("generalinformation.nationality", get_text, optional=True)
    category: str | None = wire("generalinformation.category", get_text, optional=True)
    email: str | None = wire("generalinformation.studentemailid", get_text, optional=True)
    personal_email: str | None = wire("generalinformation.studentpersonalemailid", get_text, optional=True)
    phone: str | None = wire("generalinformation.studentcellno", get_id, optional=True)
    father_name: str | None = wire("generalinformation.fathersname", get_text, optional=True)
    mother_name: str | None = wire("generalinformation.mothername", get_text, optional=True)
    parent_email: str | None = wire("generalinformation.parentemailid", get_text, optional=True)
    parent_phone: str | None = wire("generalinformation.parentcellno", get_id, optional=True)
    current_address: Address = wire("generalinformation", _address("c"))
    permanent_address: Address = wire("generalinformation", _address("p"))
    qualifications: tuple[Qualification, ...] = wire(
        "qualification", rows(Qualification), optional=True, missing=()
    )
    photo: str | None = wire("photo&signature?.photo", get_text, optional=True, repr=False)
    signature: str | None = wire("photo&signature?.signature", get_text, optional=True, repr=False)
    raw: JSONObject = as_sent()


class BankInfo(Model, what="bank information"):
    """The student's bank account on record (``/studentbankdetails/getstudentbankinfo``).

    Attributes:
        bank_name: The bank's name, or ``None``.
        account_number: The account number, or ``None`` (left out of ``repr``).
        account_holder: The account holder's name, or ``None``.
        ifsc: The branch's IFSC code, or ``None``.
        bank_address: The branch's address, or ``None``.
        bank_city: The branch's city, or ``None``.
        bank_state: The branch's state, or ``None``.
        bank_pin: The branch's PIN code, or ``None``.
        raw: The answer's ``response`` as the portal sent it.
    """

    bank_name: str | None = wire("bankinfo.bankname", get_text, optional=True)
    account_number: str | None = wire("bankinfo.bankaccountnumber", get_id, optional=True, repr=False)
    account_holder: str | None = wire("bankinfo.accountholdername", get_text, optional=True)
    ifsc: str | None = wire("bankinfo.ifsccode", get_text, optional=True)
    bank_address: str | None = wire("bankinfo.bankaddress", get_text, optional=True)
    bank_city: str | None = wire("bankinfo.bankcity", get_text, optional=True)
    bank_state: str | None = wire("bankinfo.bankstate", get_text, optional=True)
    bank_pin: str | None = wire("bankinfo.bankcitypin", get_id, optional=True)
    raw: JSONObject = as_sent()


def _allotment_time(data: JSONObject, key: str, what: str) -> dt.datetime:
    """Read a time sent as epoch milliseconds or as ``dd/mm/yyyy`` text; both forms are seen."""
    value = data.get(key)
    if isinstance(value, str):
        day = parse_datetime(value.strip(), "%d/%m/%Y", what=what, key=key, example="15/07/2026")
        return day.replace(tzinfo=IST)
    return get_epoch_ms(data, key, what)


class HostelAllocation(Model, what="hostel allocation"):
    """The student's present hostel room (``/myhostelallocationdetail/gethostelallocationdetail``).

    Room, floor and bed "numbers" may come as text or as bare numbers; both are read as text.

    Attributes:
        hostel: The hostel's name (``hosteldescription``).
        hostel_code: The hostel's code, or ``None``.
        room: The allotted room number, or ``None``.
        room_type: The room type, or ``None``.
        floor: The floor, or ``None``.
        bed: The bed number, or ``None``.
        hostel_type: The kind of hostel (``hosteltypedesc``), or ``None``.
        allotted_on: When the room was allotted, in IST, or ``None``.
        allotted_from: The start of the allotment as the portal writes it, or ``None``.
        allotted_until: The end of the allotment as the portal writes it, or ``None``.
        raw: The answer's ``response`` as the portal sent it; ``presenthostelauthoritiesdetail`` stays there.
    """

    hostel: str = wire("presenthosteldetail.hosteldescription", get_text)
    hostel_code: str | None = wire("presenthosteldetail.hostelcode", get_id, optional=True)
    room: str | None = wire("presenthosteldetail.allotedroomno", get_id, optional=True)
    room_type: str | None = wire("presenthosteldetail.roomtype", get_id, optional=True)
    floor: str | None = wire("presenthosteldetail.floor", get_id, optional=True)
    bed: str | None = wire("presenthosteldetail.bedno", get_id, optional=True)
    hostel_type: str | None = wire("presenthosteldetail.hosteltypedesc", get_id, optional=True)
    allotted_on: dt.datetime | None = wire(
        "presenthosteldetail.dateofallotment", _allotment_time, optional=True
    )
    allotted_from: str | None = wire("presenthosteldetail.allotedfromdate", get_id, optional=True)
    allotted_until: str | None = wire("presenthosteldetail.allotedtilldate", get_id, optional=True)
    raw: JSONObject = as_sent()


class Credits(Model, what="credits"):
    """The student's credit totals (``/feedbackformcontroller/getCreadits``).

    Attributes:
        registered: The credits registered this semester (``registeredCredits``).
        required: The credits the programme requires (``totalreqcredit``).
        earned: The credits earned so far (``earnedcredit``).
        semester: The current semester number, or ``None``.
        raw: The answer's ``response`` as the portal sent it.
    """

    registered: float = wire("registeredCredits", get_float)
    required: float = wire("totalreqcredit", get_float)
    earned: float = wire("earnedcredit", get_float)
    semester: int | None = wire("semester", get_int, optional=True)
    raw: JSONObject = as_sent()

    @property
    def remaining(self) -> float:
        """The credits still to earn (never below 0)."""
        return max(0.0, self.required - self.earned)
