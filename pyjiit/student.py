"""The student's own records: personal information, bank details, hostel and credits.

Personal records are full of empty and ``null`` fields, so only the fields
that identify a record are required; every other field is ``None`` when the
portal leaves it blank.  Bank account and identity numbers are left out of
``repr`` so they do not end up in logs by accident.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pyjiit._parse import (
    JSONObject,
    get_epoch_ms,
    get_float,
    get_id,
    get_int,
    get_object,
    get_objects,
    get_text,
    optional,
    parse_datetime,
    require_object,
)
from pyjiit.utils import IST

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["Address", "BankInfo", "Credits", "HostelAllocation", "PersonalInfo", "Qualification"]


@dataclass(frozen=True)
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

    @classmethod
    def from_fields(cls, data: JSONObject, prefix: str, what: str) -> Address:
        """Read the address whose fields start with ``prefix`` (``"c"`` current, ``"p"`` permanent).

        Raises:
            ResponseFormatError: A field has the wrong type.
        """
        lines = (optional(get_text, data, f"{prefix}address{number}", what) for number in (1, 2, 3))
        return cls(
            lines=tuple(line for line in lines if line is not None),
            city=optional(get_text, data, f"{prefix}cityname", what),
            district=optional(get_text, data, f"{prefix}district", what),
            state=optional(get_text, data, f"{prefix}statename", what),
            postal_code=optional(get_id, data, f"{prefix}postalcode", what),
        )


@dataclass(frozen=True)
class Qualification:
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

    code: str | None
    board: str | None
    year_of_passing: int | None
    obtained_marks: float | None
    full_marks: float | None
    percentage: float | None
    grade: str | None
    cgpa: float | None
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> Qualification:
        """Build it from one item of the personal information's ``qualification``.

        Raises:
            ResponseFormatError: A field has the wrong type.
        """
        what = "qualification"
        data = require_object(response, what)
        return cls(
            code=optional(get_text, data, "qualificationcode", what),
            board=optional(get_text, data, "boardname", what),
            year_of_passing=optional(get_int, data, "yearofpassing", what),
            obtained_marks=optional(get_float, data, "obtainedmarks", what),
            full_marks=optional(get_float, data, "fullmarks", what),
            percentage=optional(get_float, data, "percentagemarks", what),
            grade=optional(get_text, data, "grade", what),
            cgpa=optional(get_float, data, "cgpa", what),
            raw=data,
        )


@dataclass(frozen=True)
class PersonalInfo:
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

    name: str
    enrollment_no: str
    program: str | None
    branch: str | None
    section: str | None
    batch: str | None
    semester: int | None
    institute: str | None
    academic_year: str | None
    admission_year: str | None
    date_of_birth: str | None
    gender: str | None
    blood_group: str | None
    nationality: str | None
    category: str | None
    email: str | None
    personal_email: str | None
    phone: str | None
    father_name: str | None
    mother_name: str | None
    parent_email: str | None
    parent_phone: str | None
    current_address: Address
    permanent_address: Address
    qualifications: tuple[Qualification, ...]
    photo: str | None = field(repr=False)
    signature: str | None = field(repr=False)
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> PersonalInfo:
        """Build it from the ``response`` of the personal information request.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        what = "personal information"
        data = require_object(response, what)
        info = get_object(data, "generalinformation", what)
        general = f"{what} generalinformation"

        def text(key: str) -> str | None:
            return optional(get_text, info, key, general)

        def identifier(key: str) -> str | None:
            return optional(get_id, info, key, general)

        images = optional(get_object, data, "photo&signature", what) or {}
        qualifications = optional(get_objects, data, "qualification", what) or []
        return cls(
            name=get_text(info, "studentname", general),
            enrollment_no=get_id(info, "registrationno", general),
            program=text("programcode"),
            branch=text("branch"),
            section=text("sectioncode"),
            batch=text("batch"),
            semester=optional(get_int, info, "semester", general),
            institute=text("institutecode"),
            academic_year=identifier("academicyear"),
            admission_year=identifier("admissionyear"),
            date_of_birth=text("dateofbirth"),
            gender=text("gender"),
            blood_group=text("bloodgroup"),
            nationality=text("nationality"),
            category=text("category"),
            email=text("studentemailid"),
            personal_email=text("studentpersonalemailid"),
            phone=identifier("studentcellno"),
            father_name=text("fathersname"),
            mother_name=text("mothername"),
            parent_email=text("parentemailid"),
            parent_phone=identifier("parentcellno"),
            current_address=Address.from_fields(info, "c", general),
            permanent_address=Address.from_fields(info, "p", general),
            qualifications=tuple(Qualification.from_response(row) for row in qualifications),
            photo=optional(get_text, images, "photo", f"{what} photo&signature"),
            signature=optional(get_text, images, "signature", f"{what} photo&signature"),
            raw=data,
        )


@dataclass(frozen=True)
class BankInfo:
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

    bank_name: str | None
    account_number: str | None = field(repr=False)
    account_holder: str | None
    ifsc: str | None
    bank_address: str | None
    bank_city: str | None
    bank_state: str | None
    bank_pin: str | None
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> BankInfo:
        """Build it from the ``response`` of the bank information request.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        what = "bank information"
        data = require_object(response, what)
        bank = get_object(data, "bankinfo", what)
        inner = f"{what} bankinfo"
        return cls(
            bank_name=optional(get_text, bank, "bankname", inner),
            account_number=optional(get_id, bank, "bankaccountnumber", inner),
            account_holder=optional(get_text, bank, "accountholdername", inner),
            ifsc=optional(get_text, bank, "ifsccode", inner),
            bank_address=optional(get_text, bank, "bankaddress", inner),
            bank_city=optional(get_text, bank, "bankcity", inner),
            bank_state=optional(get_text, bank, "bankstate", inner),
            bank_pin=optional(get_id, bank, "bankcitypin", inner),
            raw=data,
        )


def _allotment_time(data: JSONObject, key: str, what: str) -> dt.datetime:
    """Read a time sent as epoch milliseconds or as ``dd/mm/yyyy`` text; both forms are seen."""
    value = data.get(key)
    if isinstance(value, str):
        day = parse_datetime(value.strip(), "%d/%m/%Y", what=what, key=key, example="15/07/2026")
        return day.replace(tzinfo=IST)
    return get_epoch_ms(data, key, what)


@dataclass(frozen=True)
class HostelAllocation:
    """The student's present hostel room (``/myhostelallocationdetail/gethostelallocationdetail``).

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

    hostel: str
    hostel_code: str | None
    room: str | None
    room_type: str | None
    floor: str | None
    bed: str | None
    hostel_type: str | None
    allotted_on: dt.datetime | None
    allotted_from: str | None
    allotted_until: str | None
    raw: JSONObject = field(repr=False, compare=False)

    @classmethod
    def from_response(cls, response: object) -> HostelAllocation:
        """Build it from the ``response`` of the hostel allocation request.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        what = "hostel allocation"
        data = require_object(response, what)
        detail = get_object(data, "presenthosteldetail", what)
        inner = f"{what} presenthosteldetail"

        # Room, floor and bed "numbers" may come as text or as bare numbers.
        def value(key: str) -> str | None:
            return optional(get_id, detail, key, inner)

        return cls(
            hostel=get_text(detail, "hosteldescription", inner),
            hostel_code=value("hostelcode"),
            room=value("allotedroomno"),
            room_type=value("roomtype"),
            floor=value("floor"),
            bed=value("bedno"),
            hostel_type=value("hosteltypedesc"),
            allotted_on=optional(_allotment_time, detail, "dateofallotment", inner),
            allotted_from=value("allotedfromdate"),
            allotted_until=value("allotedtilldate"),
            raw=data,
        )


@dataclass(frozen=True)
class Credits:
    """The student's credit totals (``/feedbackformcontroller/getCreadits``).

    Attributes:
        registered: The credits registered this semester (``registeredCredits``).
        required: The credits the programme requires (``totalreqcredit``).
        earned: The credits earned so far (``earnedcredit``).
        semester: The current semester number, or ``None``.
        raw: The answer's ``response`` as the portal sent it.
    """

    registered: float
    required: float
    earned: float
    semester: int | None
    raw: JSONObject = field(repr=False, compare=False)

    @property
    def remaining(self) -> float:
        """The credits still to earn (never below 0)."""
        return max(0.0, self.required - self.earned)

    @classmethod
    def from_response(cls, response: object) -> Credits:
        """Build it from the ``response`` of the credits request.

        Raises:
            ResponseFormatError: The answer is not of the expected shape.
        """
        what = "credits"
        data = require_object(response, what)
        return cls(
            registered=get_float(data, "registeredCredits", what),
            required=get_float(data, "totalreqcredit", what),
            earned=get_float(data, "earnedcredit", what),
            semester=optional(get_int, data, "semester", what),
            raw=data,
        )
