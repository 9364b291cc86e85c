"""The demo student the fake portal serves: who they are, what they study, how they did.

Everything here is fixed and deterministic: the same data on every run and
machine, with no dependence on today's date.  "Random-looking" values
(attendance, marks) come from hashing names, not from a random generator.
The data is fictional; its shapes and codes follow docs/protocol.md section 1.2 and
the anonymised captures it cites.  Lists of semesters are newest first, as
the portal sends them.

Tests should read expected values from here (``DEMO.semesters[0]``...) rather
than repeat them.

The public clients named by tag (KT, UNK, JSc...) are those of docs/protocol.md section 0.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pyjiit.testing._images import PHOTO_JPEG, SIGNATURE_JPEG

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "DEMO",
    "GRADE_POINTS",
    "HOLIDAYS",
    "ChoiceSemester",
    "Component",
    "DemoStudent",
    "ExamEvent",
    "Faculty",
    "FeedbackEvent",
    "Meeting",
    "Semester",
    "SemesterResult",
    "Slot",
    "Subject",
    "SubjectChoice",
    "academic_year",
    "marks",
    "meetings",
    "pending_charge",
    "semester_results",
]

#: Grade letters and their points, as JIIT grades (JP ``gpaCalculations.js``).
GRADE_POINTS = {"A+": 10, "A": 9, "B+": 8, "B": 7, "C+": 6, "C": 5, "D": 4, "F": 0}

#: Days without classes, so attendance lists have the gaps real ones have.
HOLIDAYS: frozenset[dt.date] = frozenset(
    dt.date.fromisoformat(day)
    for day in (
        "2024-08-15", "2024-10-02", "2024-10-31", "2025-01-14", "2025-01-26", "2025-03-14", "2025-08-15",
        "2025-10-02", "2025-10-20", "2026-01-26", "2026-03-04", "2026-08-15", "2026-10-02", "2026-11-09",
    )
)  # fmt: skip


def fraction(*parts: object) -> float:
    """Return a number in [0, 1) fixed by ``parts``: deterministic noise for the seed data."""
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def academic_year(registrationcode: str) -> str:
    """Return the academic year of a semester code: ``"2026ODDSEM"`` is in ``"2026-2027"``.

    Odd semesters open an academic year in July; even ones close it.
    """
    year = int(registrationcode[:4])
    first = year if "ODD" in registrationcode else year - 1
    return f"{first}-{first + 1}"


class _Immutable:
    """Frozen data of immutable values only (text, numbers, dates, tuples and frozensets of them).

    Such an object cannot change, so a copy of it, deep or shallow, is the
    object itself, as for a tuple.  A :class:`FakePortal` deep-copies its
    student, and walking these trees again for every portal cost more than
    anything else it does when it starts.
    """

    __slots__ = ()

    def __copy__(self) -> Self:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> Self:
        return self


@dataclass(frozen=True)
class Faculty(_Immutable):
    """A teacher (``employeeid`` is the portal's id, ``employeecode`` the staff code)."""

    employeeid: str
    employeecode: str
    name: str


@dataclass(frozen=True)
class Slot(_Immutable):
    """A weekly class: ``weekday`` (Monday = 0), start time and length in minutes."""

    weekday: int
    start: dt.time
    minutes: int


@dataclass(frozen=True)
class Component(_Immutable):
    """One teaching component of a subject: ``kind`` is ``"L"``, ``"T"`` or ``"P"``."""

    kind: str
    componentid: str
    faculty: Faculty
    slots: tuple[Slot, ...]


@dataclass(frozen=True)
class Subject(_Immutable):
    """A subject the student registered for.

    Attributes:
        subjectid: The portal's opaque id.
        code: The subject code as the portal sends it, which may end in a
            stray tab (KT ``faculties.json``); :attr:`clean_code` has none.
        name: The title, upper case as on the portal.
        credits: Credits of the whole subject.
        components: Its L/T/P components.
        presence: The share of classes attended (drives the attendance lists).
        grade: The letter grade, or ``None`` until results are out.
        absent_in: Exams (``"T1"``...) the student missed.
    """

    subjectid: str
    code: str
    name: str
    credits: float
    components: tuple[Component, ...]
    presence: float
    grade: str | None = None
    absent_in: frozenset[str] = frozenset()

    @property
    def clean_code(self) -> str:
        """The subject code without the portal's stray whitespace."""
        return self.code.strip()

    @property
    def theory(self) -> bool:
        """Whether the subject has lectures (and so written exams)."""
        return any(component.kind == "L" for component in self.components)


@dataclass(frozen=True)
class ExamEvent(_Immutable):
    """An exam event (T1, T2, T3) of a semester.

    Attributes:
        exameventid: The portal's id.
        exameventcode: The portal's code.
        kind: ``"T1"``, ``"T2"`` or ``"T3"``.
        start: The first exam day.
        full_marks: Maximum marks of each paper.
        hours: Length of each paper.
    """

    exameventid: str
    exameventcode: str
    kind: str
    start: dt.date
    full_marks: int
    hours: int

    @property
    def description(self) -> str:
        """The portal's ``exameventdesc``."""
        return f"{self.kind} EXAMINATION"


@dataclass(frozen=True)
class Semester(_Immutable):
    """A semester the student registered for.

    Attributes:
        registrationid: The portal's id.
        registrationcode: E.g. ``"2026ODDSEM"``.
        stynumber: The student's semester number (1 for the first).
        start: First teaching day.
        end: Last day.
        subjects: The registered subjects.
        exam_events: T1, T2, T3 in order.
        attendance_until: Last day with attendance, or ``None`` when the
            portal has no attendance for it ("NO Attendance Found").
        marks_through: How many of the exam events have marks.
        graded: Whether the grade card is out.
        fee: The semester's fee.
        fee_due: What is still unpaid of it.
    """

    registrationid: str
    registrationcode: str
    stynumber: int
    start: dt.date
    end: dt.date
    subjects: tuple[Subject, ...]
    exam_events: tuple[ExamEvent, ...]
    attendance_until: dt.date | None
    marks_through: int
    graded: bool
    fee: int = 187_500
    fee_due: int = 0

    @property
    def academicyear(self) -> str:
        """E.g. ``"2026-2027"``."""
        return academic_year(self.registrationcode)

    @property
    def description(self) -> str:
        """The portal's ``registrationdesc``, e.g. ``"2026 ODD SEMESTER"``."""
        year, half = self.registrationcode[:4], self.registrationcode[4:7]
        return f"{year} {'ODD' if half == 'ODD' else 'EVEN'} SEMESTER"

    @property
    def credits(self) -> float:
        """The registered credits."""
        return sum(subject.credits for subject in self.subjects)

    def subject(self, subjectid: str) -> Subject | None:
        """Return the registered subject with ``subjectid``, if any."""
        return next((s for s in self.subjects if s.subjectid == subjectid), None)

    def exam_event(self, exameventid: str) -> ExamEvent | None:
        """Return this semester's exam event with ``exameventid``, if any."""
        return next((e for e in self.exam_events if e.exameventid == exameventid), None)


@dataclass(frozen=True)
class SubjectChoice(_Immutable):
    """One row of an elective-choice form (#15)."""

    subjectcode: str
    subjectdesc: str
    basketcode: str
    basketdesc: str
    credits: float
    preference: int
    allotted: bool


@dataclass(frozen=True)
class ChoiceSemester(_Immutable):
    """A semester with an elective-choice form (#15, #16); it may not be registered yet."""

    registrationid: str
    registrationcode: str
    frozen: bool
    stynumber: int
    choices: tuple[SubjectChoice, ...]


@dataclass(frozen=True)
class FeedbackEvent(_Immutable):
    """A feedback round (#32) about the teachers of one semester."""

    eventid: str
    eventcode: str
    eventdescription: str
    registrationid: str


@dataclass(frozen=True)
class DemoStudent:
    """The one student account of the fake portal, and everything the portal knows of them.

    The fields with portal-shaped dicts hold exactly what the endpoint puts in
    its ``response`` (before the identity fields are filled in).
    """

    username: str
    password: str
    name: str
    email: str
    memberid: str
    userid: str
    clientid: str
    membertype: str
    institute_id: str
    institute_name: str
    programid: str
    programcode: str
    programdesc: str
    branchid: str
    branchcode: str
    branchdesc: str
    stymax: int
    semesters: tuple[Semester, ...]
    choice_semesters: tuple[ChoiceSemester, ...]
    feedback_events: tuple[FeedbackEvent, ...]
    required_credits: float
    personal: dict[str, Any] = field(repr=False)
    bank: dict[str, Any] = field(repr=False)
    hostel: dict[str, Any] = field(repr=False)
    feedback_questions: tuple[dict[str, Any], ...] = field(repr=False)
    mooc_status: dict[str, Any] = field(repr=False)

    @property
    def current(self) -> Semester:
        """The running semester (the newest)."""
        return self.semesters[0]

    def semester(self, registrationid: str) -> Semester | None:
        """Return the registered semester with ``registrationid``, if any."""
        return next((s for s in self.semesters if s.registrationid == registrationid), None)


# -- Building blocks ------------------------------------------------------------------------------

_FACULTY = (
    Faculty("JIEMP0000101", "JIIT1101", "DR. ANITA VERMA"),
    Faculty("JIEMP0000102", "JIIT1102", "DR. RAHUL BANSAL"),
    Faculty("JIEMP0000103", "JIIT1103", "MS. KAVYA NAIR"),
    Faculty("JIEMP0000104", "JIIT1104", "DR. SAURABH MISHRA"),
    Faculty("JIEMP0000105", "JIIT1105", "MR. ARJUN KAPOOR"),
    Faculty("JIEMP0000106", "JIIT1106", "DR. MEERA IYER"),
    Faculty("JIEMP0000107", "JIIT1107", "DR. VIKAS GUPTA"),
    Faculty("JIEMP0000108", "JIIT1108", "MS. POOJA CHAUHAN"),
)

_WEEKDAYS = 5  # classes run Monday to Friday


def _opaque_id(prefix: str, *parts: object) -> str:
    return prefix + hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:10].upper()


def _slots(code: str, kind: str) -> tuple[Slot, ...]:
    """Weekly slots: three lectures, one tutorial, or one two-hour lab."""
    first_day = int(fraction(code, kind, "day") * _WEEKDAYS)
    hour = 9 + int(fraction(code, kind, "hour") * 7)
    if kind == "L":
        days = (first_day, (first_day + 2) % _WEEKDAYS, (first_day + 4) % _WEEKDAYS)
        return tuple(Slot(day, dt.time(hour), 50) for day in sorted(days))
    if kind == "T":
        return (Slot(first_day, dt.time(hour), 50),)
    return (Slot(first_day, dt.time(14 if hour > 11 else 10), 110),)  # noqa: PLR2004 (labs start at 10 or 14)


def _subject(
    code: str,
    name: str,
    credits: float,
    kinds: str = "LT",
    *,
    grade: str | None = None,
    presence: float = 0.86,
    absent_in: frozenset[str] = frozenset(),
) -> Subject:
    components = tuple(
        Component(
            kind,
            _opaque_id("JISCC", code, kind),
            _FACULTY[int(fraction(code, kind, "faculty") * len(_FACULTY))],
            _slots(code, kind),
        )
        for kind in kinds
    )
    return Subject(_opaque_id("JISB", code), code, name, credits, components, presence, grade, absent_in)


def _exam_events(code: str, start: dt.date, end: dt.date) -> tuple[ExamEvent, ...]:
    """T1 after six weeks, T2 after twelve, T3 in the last ten days."""
    days = {
        "T1": start + dt.timedelta(weeks=6),
        "T2": start + dt.timedelta(weeks=12),
        "T3": end - dt.timedelta(days=10),
    }
    full_marks = {"T1": 20, "T2": 20, "T3": 35}
    return tuple(
        ExamEvent(
            _opaque_id("JIEXM", code, kind),
            f"{kind}-{code[:-3]}",
            kind,
            day,
            full_marks[kind],
            2 if kind == "T3" else 1,
        )
        for kind, day in days.items()
    )


def _semester(
    registrationid: str,
    code: str,
    stynumber: int,
    term: tuple[dt.date, dt.date],
    subjects: tuple[Subject, ...],
    *,
    attendance_until: dt.date | None = None,
    marks_through: int = 3,
    fee_due: int = 0,
) -> Semester:
    start, end = term
    graded = all(subject.grade is not None for subject in subjects)
    events = _exam_events(code, start, end)
    return Semester(
        registrationid,
        code,
        stynumber,
        start,
        end,
        subjects,
        events,
        attendance_until,
        marks_through,
        graded,
        fee_due=fee_due,
    )


_SEMESTERS = (
    _semester(
        "JIRUM2607000005",
        "2026ODDSEM",
        5,
        (dt.date(2026, 7, 20), dt.date(2026, 12, 12)),
        (
            # The stray tab after the code is the portal's (KT faculties.json).
            _subject("15B11CI514\t", "ARTIFICIAL INTELLIGENCE", 4, presence=0.91),
            _subject("15B17CI574", "ARTIFICIAL INTELLIGENCE LAB", 1, "P", presence=1.0),
            _subject("15B11CI511", "COMPUTER NETWORKS", 5, "LTP", presence=0.78),
            _subject("15B11CI513", "SOFTWARE ENGINEERING", 4, presence=0.64),
            _subject("20B13HS311", "HUMAN RESOURCE MANAGEMENT", 3, "L", presence=0.83),
        ),
        attendance_until=dt.date(2026, 11, 20),
        marks_through=2,
        fee_due=37_500,
    ),
    _semester(
        "JIRUM2601000004",
        "2026EVESEM",
        4,
        (dt.date(2026, 1, 5), dt.date(2026, 5, 23)),
        (
            _subject("15B11CI411", "ALGORITHMS AND PROBLEM SOLVING", 4, grade="A"),
            _subject("15B17CI471", "ALGORITHMS AND PROBLEM SOLVING LAB", 1, "P", grade="A+"),
            _subject("15B11CI412", "OPERATING SYSTEMS", 4, grade="B+", absent_in=frozenset({"T2"})),
            _subject("15B11CI413", "THEORY OF COMPUTATION", 4, grade="B"),
            _subject("15B11HS411", "ECONOMICS", 3, "L", grade="A"),
        ),
        attendance_until=dt.date(2026, 5, 23),
    ),
    _semester(
        "JIRUM2507000003",
        "2025ODDSEM",
        3,
        (dt.date(2025, 7, 21), dt.date(2025, 12, 13)),
        (
            _subject("15B11CI311", "DATA STRUCTURES", 4, grade="A"),
            _subject("15B17CI371", "DATA STRUCTURES LAB", 1, "P", grade="A+"),
            _subject("15B11CI312", "DATABASE SYSTEMS", 5, "LTP", grade="B+"),
            _subject("15B11MA301", "PROBABILITY AND RANDOM PROCESSES", 4, grade="F"),
            _subject("15B11HS311", "PRINCIPLES OF MANAGEMENT", 3, "L", grade="B"),
        ),
    ),
    _semester(
        "JIRUM2501000002",
        "2025EVESEM",
        2,
        (dt.date(2025, 1, 6), dt.date(2025, 5, 24)),
        (
            _subject("15B11MA211", "MATHEMATICS-2", 4, grade="B+"),
            _subject("15B11PH211", "PHYSICS-2", 4, grade="B"),
            _subject("15B17PH271", "PHYSICS LAB-2", 1, "P", grade="A"),
            _subject("15B11CI211", "SOFTWARE DEVELOPMENT FUNDAMENTALS-2", 4, grade="A"),
            _subject("15B17CI271", "SOFTWARE DEVELOPMENT FUNDAMENTALS LAB-2", 2, "P", grade="A+"),
            _subject("15B11HS211", "LIFE SKILLS AND PROFESSIONAL COMMUNICATION", 2, "L", grade="C+"),
        ),
    ),
    _semester(
        "JIRUM2407000001",
        "2024ODDSEM",
        1,
        (dt.date(2024, 7, 22), dt.date(2024, 12, 14)),
        (
            _subject("15B11MA111", "MATHEMATICS-1", 4, grade="A"),
            _subject("15B11PH111", "PHYSICS-1", 4, grade="B+"),
            _subject("15B17PH171", "PHYSICS LAB-1", 1, "P", grade="A"),
            _subject("15B11CI111", "SOFTWARE DEVELOPMENT FUNDAMENTALS-1", 4, grade="A+"),
            _subject("15B17CI171", "SOFTWARE DEVELOPMENT FUNDAMENTALS LAB-1", 2, "P", grade="A"),
            _subject("15B11EC111", "ELECTRICAL SCIENCE-1", 4, grade="B"),
        ),
    ),
)

_ELECTIVES_2026 = (
    SubjectChoice("20B13HS311", "HUMAN RESOURCE MANAGEMENT", "HSS-5", "HSS ELECTIVE-1", 3, 1, allotted=True),
    SubjectChoice("20B13HS312", "INDIAN ECONOMY", "HSS-5", "HSS ELECTIVE-1", 3, 2, allotted=False),
    SubjectChoice("20B13HS313", "PSYCHOLOGY AND BEHAVIOUR", "HSS-5", "HSS ELECTIVE-1", 3, 3, allotted=False),
)
_ELECTIVES_2027 = (
    SubjectChoice("20B12CS611", "CLOUD COMPUTING", "DE-6", "DEPARTMENT ELECTIVE-1", 3, 1, allotted=False),
    SubjectChoice(
        "20B12CS612", "NATURAL LANGUAGE PROCESSING", "DE-6", "DEPARTMENT ELECTIVE-1", 3, 2, allotted=False
    ),
    SubjectChoice("20B12CS613", "COMPUTER VISION", "DE-6", "DEPARTMENT ELECTIVE-1", 3, 3, allotted=False),
    SubjectChoice("20B16MA611", "OPTIMIZATION TECHNIQUES", "OE-6", "OPEN ELECTIVE-1", 3, 1, allotted=False),
    SubjectChoice("20B16PH611", "NANOSCIENCE", "OE-6", "OPEN ELECTIVE-1", 3, 2, allotted=False),
)


# -- Derived data ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Meeting(_Immutable):
    """One class of a component: when it started (IST wall time), how long, and attendance."""

    start: dt.datetime
    minutes: int
    present: bool

    @property
    def portal_datetime(self) -> str:
        """The portal's ``datetime``, e.g. ``"18/09/2026 (10:00:AM - 10:50 AM)"``, colon quirk included."""
        end = self.start + dt.timedelta(minutes=self.minutes)
        return f"{self.start:%d/%m/%Y} ({self.start:%I:%M:%p} - {end:%I:%M %p})"


@functools.cache
def meetings(semester: Semester, subject: Subject, component: Component) -> tuple[Meeting, ...]:
    """Return every class of ``component`` so far, oldest first (empty without attendance)."""
    if semester.attendance_until is None:
        return ()
    result = []
    day = semester.start
    while day <= min(semester.attendance_until, semester.end):
        if day not in HOLIDAYS:
            for slot in component.slots:
                if slot.weekday == day.weekday():
                    present = fraction(subject.subjectid, component.kind, day, slot.start) < subject.presence
                    result.append(Meeting(dt.datetime.combine(day, slot.start), slot.minutes, present))
        day += dt.timedelta(days=1)
    return tuple(result)


def marks(subject: Subject, event: ExamEvent) -> float | None:
    """Return the marks obtained in ``event``'s paper of ``subject`` (``None`` if absent)."""
    if event.kind in subject.absent_in:
        return None
    share = 0.45 + 0.5 * fraction(subject.subjectid, event.kind, "marks")
    return round(event.full_marks * share * 2) / 2  # the portal gives half marks


@dataclass(frozen=True)
class SemesterResult(_Immutable):
    """The grade totals of one graded semester, and the running totals up to it."""

    semester: Semester
    grade_points: float
    registered: float
    earned: float
    total_grade_points: float
    total_registered: float
    total_earned: float

    @property
    def sgpa(self) -> float:
        """Semester grade point average."""
        return round(self.grade_points / self.registered, 2)

    @property
    def cgpa(self) -> float:
        """Cumulative grade point average up to this semester."""
        return round(self.total_grade_points / self.total_registered, 2)


def semester_results(student: DemoStudent) -> tuple[SemesterResult, ...]:
    """Return the results of the graded semesters, first semester first."""
    results: list[SemesterResult] = []
    totals = [0.0, 0.0, 0.0]
    for semester in sorted((s for s in student.semesters if s.graded), key=lambda s: s.stynumber):
        points = sum(GRADE_POINTS[s.grade or "F"] * s.credits for s in semester.subjects)
        earned = sum(s.credits for s in semester.subjects if s.grade != "F")
        totals = [totals[0] + points, totals[1] + semester.credits, totals[2] + earned]
        results.append(SemesterResult(semester, points, semester.credits, earned, *totals))
    return tuple(results)


# -- The demo student -----------------------------------------------------------------------------

_NAME = "ANANYA SHARMA"
_ENROLLMENT = "24103041"

_PERSONAL: dict[str, Any] = {
    "generalinformation": {
        "studentname": _NAME,
        "registrationno": _ENROLLMENT,
        "programcode": "B.T",
        "branch": "COMPUTER SCIENCE & ENGINEERING",
        "sectioncode": "F4",
        "batch": "F4",
        "semester": "5",
        "institutecode": "JIIT",
        "academicyear": "2026-2027",
        "admissionyear": "2024",
        "dateofbirth": "2006-03-14",
        "gender": "F",
        "bloodgroup": "B+",
        "nationality": "INDIAN",
        "category": "GEN",
        "studentemailid": f"{_ENROLLMENT}@mail.jiit.ac.in",
        "studentpersonalemailid": "ananya.sharma@example.com",
        "studentcellno": "9800000041",
        "studenttelephoneno": None,
        "fathersname": "RAJESH SHARMA",
        "mothername": "SUNITA SHARMA",
        "parentemailid": "rajesh.sharma@example.com",
        "parentcellno": "9800000042",
        "parenttelephoneno": None,
        "caddress1": "ROOM 214, GIRLS HOSTEL 3",
        "caddress2": "JIIT SECTOR 62",
        "caddress3": None,
        "ccityname": "NOIDA",
        "cdistrict": "GAUTAM BUDDHA NAGAR",
        "cstatename": "UTTAR PRADESH",
        "cpostalcode": "201309",
        "paddress1": "12 SHANTI NAGAR",
        "paddress2": "CIVIL LINES",
        "paddress3": None,
        "pcityname": "JAIPUR",
        "pdistrict": "JAIPUR",
        "pstatename": "RAJASTHAN",
        "ppostalcode": "302006",
        "apaarid": None,
        "bankaccountno": "XXXXXXXX4521",
        "bankname": "STATE BANK OF INDIA",
        "designation": None,
        "studentPhotoEvent": "N",
    },
    "qualification": [
        {
            "qualificationcode": "XII",
            "boardname": "CBSE",
            "yearofpassing": 2024,
            "obtainedmarks": 446,
            "fullmarks": 500,
            "percentagemarks": 89.2,
            "division": "FIRST",
            "grade": None,
            "cgpa": None,
        },
        {
            "qualificationcode": "X",
            "boardname": "CBSE",
            "yearofpassing": 2022,
            "obtainedmarks": 462,
            "fullmarks": 500,
            "percentagemarks": 92.4,
            "division": "FIRST",
            "grade": None,
            "cgpa": None,
        },
    ],
    "photo&signature": {
        "photo": base64.b64encode(PHOTO_JPEG).decode("ascii"),
        "signature": base64.b64encode(SIGNATURE_JPEG).decode("ascii"),
    },
}

_BANK: dict[str, Any] = {
    "bankinfo": {
        "bankcity": "NOIDA",
        "accountholdername": _NAME,
        "bankaddress": "SECTOR 62, NOIDA",
        "bankaccountnumber": "30000004521",
        "oldbankaccountnumber": None,
        "bankstate": "UTTAR PRADESH",
        "bankcitypin": "201309",
        "bankname": "STATE BANK OF INDIA",
        "ifsccode": "SBIN0012345",
        "freezed": "N",
        "acholdertypeflag": "S",
    },
    "addressinfo": {
        "address1": "12 SHANTI NAGAR",
        "address2": "CIVIL LINES",
        "cityname": "JAIPUR",
        "statename": "RAJASTHAN",
        "postalcode": "302006",
    },
    "accounttypes": [{"name": "SAVINGS", "type": "S"}, {"name": "CURRENT", "type": "C"}],
    "contactinfo": {
        "studentemail": f"{_ENROLLMENT}@mail.jiit.ac.in",
        "studentmobileno": "9800000041",
        "studentpanno": None,
        "aadharcardno": "XXXXXXXX7788",
    },
    "studentinfomedicalMap": [],
}

_HOSTEL: dict[str, Any] = {
    "presenthosteldetail": {
        "hosteldescription": "GIRLS HOSTEL 3",
        "hostelcode": "GH3",
        "hostelid": "JIHST0003",
        "allotedroomno": "214",
        "roomid": "JIROM0214",
        "roomcode": "GH3-214",
        "roomdesc": "TRIPLE SEATER",
        "roomtype": "NON AC",
        "floor": "2",
        "bedno": "B",
        "beddesc": "BED B",
        "hosteltypecode": "G",
        "hosteltypedesc": "GIRLS HOSTEL",
        "hostellertype": "REGULAR",
        "dateofallotment": "15/07/2026",
        "allotedfromdate": "15/07/2026",
        "allotedtilldate": "31/05/2027",
        "hostellefton": None,
    },
    "presenthostelauthoritiesdetail": [
        {"authorityname": "DR. MEERA IYER", "designation": "CHIEF WARDEN", "mobileno": "9800000100"},
        {"authorityname": "MS. REKHA JOSHI", "designation": "WARDEN", "mobileno": "9800000101"},
    ],
}

_FEEDBACK_QUESTIONS = tuple(
    {"questionid": f"JIFBQ{number:04d}", "questiondescription": text, "rating": None, "sequence": number}
    for number, text in enumerate(
        (
            "The teacher comes to class prepared.",
            "The teacher explains concepts clearly.",
            "The teacher completes the syllabus in time.",
            "The teacher is available for doubts outside class.",
            "The evaluation is fair and discussed in class.",
        ),
        start=1,
    )
)

_MOOC_STATUS: dict[str, Any] = {
    "lockFlag": "N",
    "duesAmount": 0,
    "onlyapprovedbyvc": "N",
    "totalsubjectDetailList": [
        {
            "choicetype": "MOOC",
            "approvalstatus": "D",
            "count": 2,
            "subjectcode": "NPTEL-CS42",
            "subjectid": "JIMOC0000042",
            "subjectdesc": "INTRODUCTION TO MACHINE LEARNING (NPTEL)",
            "totalStages": [
                "1. Review  Date:- 30-Jul-2026 02:31 PM  by DR. ANITA VERMA (COORDINATOR)@D",
                "2. Approval  Date:- 02-Aug-2026 11:05 AM  by DR. VIKAS GUPTA (HOD)@D",
            ],
        }
    ],
    "totalRejsubjectDetailList": [],
}

#: The demo student.
DEMO = DemoStudent(
    username=_ENROLLMENT,
    password="Fake-portal-1",  # noqa: S106 (the demo account's published password)
    name=_NAME,
    email=f"{_ENROLLMENT}@mail.jiit.ac.in",
    memberid="JIIT2407S0001041",
    userid="JIUSR2407S0001041",
    clientid="JAYPEE",
    membertype="S",
    institute_id="11IN1902J000001",
    institute_name="JAYPEE INSTITUTE OF INFORMATION TECHNOLOGY",
    programid="JIPRG0000001",
    programcode="B.T",
    programdesc="BACHELOR OF TECHNOLOGY",
    branchid="JIBRN0000005",
    branchcode="CSE",
    branchdesc="COMPUTER SCIENCE & ENGINEERING",
    stymax=8,
    semesters=_SEMESTERS,
    choice_semesters=(
        ChoiceSemester("JIRUM2701000006", "2027EVESEM", frozen=False, stynumber=6, choices=_ELECTIVES_2027),
        ChoiceSemester("JIRUM2607000005", "2026ODDSEM", frozen=True, stynumber=5, choices=_ELECTIVES_2026),
    ),
    # Oldest first: jsjiit takes the last event as the current one.
    feedback_events=(
        FeedbackEvent("JIFBE2605000001", "FB-2026EVE", "END SEMESTER FEEDBACK 2026EVESEM", "JIRUM2601000004"),
        FeedbackEvent("JIFBE2610000002", "FB-2026ODD", "MID SEMESTER FEEDBACK 2026ODDSEM", "JIRUM2607000005"),
    ),
    required_credits=160,
    personal=_PERSONAL,
    bank=_BANK,
    hostel=_HOSTEL,
    feedback_questions=_FEEDBACK_QUESTIONS,
    mooc_status=_MOOC_STATUS,
)


def pending_charge(servicename: str, amount: float, *, requestno: str = "REQ0001") -> dict[str, Any]:
    """Return one charge in the shape #29 lists, for ``FakePortal.pending_payments``.

    Args:
        servicename: What the charge is for, e.g. ``"LIBRARY FINE"``.
        amount: The amount due, in rupees.
        requestno: The portal's request number.
    """
    return {
        "servicename": servicename,
        "servicecode": servicename[:3].upper(),
        "serviceid": _opaque_id("JISRV", servicename),
        "requestno": requestno,
        "requestid": _opaque_id("JIREQ", requestno),
        "quantity": 1,
        "charge": amount,
        "feeamounttobepaid": amount,
        "remarksbyauthority": None,
        "remarksbystudents": None,
        "revenueglid": "JIGL00000042",
        "branchid": DEMO.branchid,
        "programid": DEMO.programid,
    }
