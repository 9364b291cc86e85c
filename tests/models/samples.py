"""Sample ``response`` objects shaped like the portal's answers (see docs/protocol.md section 1.2).

Every test reads its input from here, so each shape is written once.  Ids are
made up; the shapes, types and quirks (numbers as strings, stray tabs) are
the portal's.
"""

from __future__ import annotations

from typing import Any

CAPTCHA: dict[str, Any] = {
    "captcha": {"captcha": "", "hidden": "Zm9vYmFyMTI=", "image": "iVBORw0KGgoAAAANSUhEUgAAAAE="},
}

ATTENDANCE_META: dict[str, Any] = {
    "client": "XEEB",
    "headerlist": [
        {
            "branchdesc": "COMPUTER SCIENCE & ENGINEERING",
            "name": "TEST NAME",
            "programdesc": "BACHELOR OF TECHNOLOGY",
            "stynumber": "5",
        }
    ],
    "semlist": [
        {"registrationcode": "2026ODDSEM", "registrationid": "FAKEFFFE2122F540"},
        {"registrationcode": "2026EVESEM", "registrationid": "FAKE270B1E3C4AF0"},
    ],
}

EXAM_EVENTS: dict[str, Any] = {
    "eventcode": {
        "examevent": [
            {
                "exameventcode": "TEST-1",
                "eventfrom": 1785781800000,
                "exameventdesc": "TEST-1 OF 2026 ODD SEM",
                "registrationid": "FAKEAF69BBD7D62E",
                "exameventid": "FAKE65EF7EF92318B",
            }
        ]
    }
}

FACULTIES: dict[str, Any] = {
    "registrations": [
        {
            "audtsubject": "N",
            "credits": 4.0,
            "employeecode": "XA3A9862",
            "employeename": "TEST NAME",
            "minorsubject": "N",
            "remarks": "REG",
            "stytype": "REG",
            "subjectcode": "24B11CS313",
            "subjectcomponentcode": "L",
            "subjectdesc": "COMPUTER NETWORKS",
            "subjectid": "FAKECCE71157A6FD",
        },
        {
            "audtsubject": "N",
            "credits": 1.0,
            "employeecode": "X886307A",
            "employeename": "TEST NAME",
            "minorsubject": "N",
            "remarks": "REG",
            "stytype": "REG",
            "subjectcode": "26B16CS318\t",
            "subjectcomponentcode": "P",
            "subjectdesc": "FUNDAMENTALS OF COMPUTING FOR DATA SCIENCE LAB",
            "subjectid": "FAKE9790A0B75BC8",
        },
    ],
    "totalcreditpoints": 5.0,
}

ATTENDANCE_DETAIL: dict[str, Any] = {
    "studentattendancelist": [
        {
            "studentid": "FAKE1046AB9105E6A880",
            "LTpercantage": 71.4,
            "individualsubjectcode": "24B11CS313",
            "Tsubjectcomponentid": "FAKE8A817C24D727",
            "subjectcode": "COMPUTER NETWORKS(24B11CS313)",
            "subjectid": "FAKE273B667F9161",
            "Lsubjectcomponentid": "FAKE682C5B41CF43",
            "Tprepercentage": 0.0,
            "Lpercentage": 85.7,
            "Tpercentage": 42.9,
            "registrationid": "FAKEA5B64C881DA2",
            "instituteid": "FAKEAE8CCABE802",
            "Lprepercentage": 0.0,
        },
        {
            "studentid": "FAKE1046AB9105E6A880",
            "LTpercantage": 71.4,
            "individualsubjectcode": "26B16CS318\t",
            "registrationid": "FAKEA5B64C881DA2",
            "Pprepercentage": 0.0,
            "instituteid": "FAKEAE8CCABE802",
            "subjectcode": "FUNDAMENTALS OF COMPUTING FOR DATA SCIENCE LAB(26B16CS318\t)",
            "Psubjectcomponentid": "FAKE4EA533315784",
            "subjectid": "FAKEB5C132DDF10A",
            "Ppercentage": 71.4,
        },
    ],
    "currentSem": "5",
}


def class_entry(datetime: str, present: str) -> dict[str, Any]:
    """One row of the daily attendance list."""
    return {
        "attendanceby": "XDC8CE59535B2627",
        "attendancestatus": "Current",
        "classtype": "Regular",
        "datetime": datetime,
        "present": present,
    }


DAILY_ATTENDANCE: dict[str, Any] = {
    "studentAttdsummarylist": [
        class_entry("18/09/2026 (10:00:AM - 10:50 AM)", "Present"),
        class_entry("17/09/2026 (10:00:AM - 10:50 AM)", "Absent"),
        class_entry("19/08/2026 (12:00:PM - 12:50 PM)", "Present"),
        class_entry("01/01/2025 (08:00:PM - 08:50:PM)", "Present"),
    ]
}

EXAM_SCHEDULE: dict[str, Any] = {
    "subjectinfo": [
        {
            "datetimeupto": "03:30 pm to 04:30 pm",
            "branchcode": "COMPUTER SCIENCE & ENGINEERING",
            "dsid": "FAKEDS0000000002",
            "groupwiseds": "N",
            "subjectcode": "20B13HS311",
            "datetimefrom": "03:30 pm",
            "subjectid": "FAKESUB000001",
            "subjectdesc": "INDIAN CONSTITUTION & TRADITIONAL KNOWLEDGE (20B13HS311) ",
            "datetime": "12/10/2026",
            "programcode": "BACHELOR OF TECHNOLOGY",
            "groupwiseexclude": "N",
            "roomcode": "CR-4",
            "examcode": None,
            "seatno": "B12",
            "status": None,
        },
        {
            "datetimeupto": "01:00 pm to 02:00 pm",
            "subjectcode": "24B11CS312",
            "datetimefrom": "01:00 pm",
            "subjectid": "FAKESUB000002",
            "subjectdesc": "OPERATING SYSTEMS (24B11CS312) ",
            "datetime": "15/10/2026",
            "roomcode": None,
            "seatno": None,
        },
    ]
}

EXAM_MARKS: list[dict[str, Any]] = [
    {"subjectcode": "24B11CS312", "subjectdesc": "OPERATING SYSTEMS", "T1": "12.5", "T2": None},
]

SUBJECT_SEMESTERS: dict[str, Any] = {
    "registrations": [
        {"registrationcode": "2026ODDSEM", "registrationid": "FAKEB89B6304D1B7"},
        {"registrationcode": "2026EVESEM", "registrationid": "FAKEA22322D29357"},
    ]
}

EXAM_SEMESTERS: dict[str, Any] = {
    "semesterCodeinfo": {
        "semestercode": [
            {
                "registrationdesc": "2026ODDSEM",
                "registrationid": "FAKE776F012FFB28",
                "registrationcode": "2026ODDSEM",
            }
        ]
    }
}

MARKS_SEMESTERS: dict[str, Any] = {
    "semestercode": [
        {
            "registrationdatefrom": 1782844200000,
            "registrationdesc": "2026ODDSEM",
            "registrationid": "FAKEB89B6304D1B7",
            "registrationdateto": 1798655400000,
            "registrationcode": "2026ODDSEM",
        },
        {
            "registrationdatefrom": 1729449000000,
            "registrationdesc": "EVEN SEMESTER 2025 (JAN - JUNE 2025) JIIT",
            "registrationid": "FAKE13E4859AACBE",
            "registrationdateto": 1749407400000,
            "registrationcode": "2025EVESEM",
        },
    ],
    "examevent": [],
}

GRADE_CARD_SEMESTERS: dict[str, Any] = {
    "registrations": [
        {
            "registrationcode": "2026EVESEM",
            "registrationdesc": "2026EVESEM",
            "registrationid": "FAKE56068EADB65B",
        },
    ]
}

MOOC_SEMESTERS: list[dict[str, Any]] = [
    {
        "registrationid": "REG2026ODD00001",
        "registrationdatefrom": 1783814400000,
        "registrationcode": "2026ODDSEM",
        "registrationdesc": "2026ODDSEM",
    }
]

CHOICE_SEMESTERS: dict[str, Any] = {
    "name": "TEST NAME",
    "registrationcodelist": [
        {"registrationid": "REG2026ODD00001", "registrationcode": "2026ODDSEM", "preventfreezed": "Y"},
        {"registrationid": "REG2026EVE00001", "registrationcode": "2026EVESEM", "preventfreezed": "Y"},
    ],
    "registrationnumber": "E1",
}

CURRENT_SEMESTER: dict[str, Any] = {"studentlov": {"currentsemester": "5", "name": "TEST NAME"}}


def grade_card_entry(subject: str, grade: str, grade_point: int, credits: int) -> dict[str, Any]:
    """One row of a grade card."""
    return {
        "branchid": "FAKEB41B81F91473",
        "branchcode": "CSE",
        "gradeid": "FAKE50D195844830",
        "academicyear": "2425",
        "cgpapoints": grade_point * credits,
        "gradepoint": grade_point,
        "subjectcode": subject,
        "minorsubject": "N",
        "subjectid": "155986",
        "subjectdesc": "DATA MINING",
        "stynumber": 5,
        "studentid": "FAKE3C114714E97BD7F4",
        "programcode": "B.T",
        "earnedcredit": credits if grade_point else 0,
        "credits": float(credits),
        "grade": grade,
        "name": "TEST NAME",
        "sgpapoints": grade_point * credits,
        "enrollmentno": "8481040287",
        "coursecreditpoint": credits,
        "pointsecured": float(grade_point * credits),
        "programid": "FAKE6061BCE16691",
    }


GRADE_CARD: dict[str, Any] = {
    "clientwiseshowreport": False,
    "gradecard": [grade_card_entry("19B14CS413", "A+", 10, 2), grade_card_entry("24B11CS221", "F", 0, 4)],
}

SEMESTER_RESULTS: dict[str, Any] = {
    "semesterList": [
        {
            "totalpointsecuredsgpa": 174,
            "totalcoursecredit": 22.5,
            "totalearnedcredits": 22.5,
            "totalpointsecuredcgpa": 174,
            "totalearnedcredit": 22.5,
            "sgpa": 7.7,
            "stynumber": "1",
            "totalregisteredcredit": 22.5,
            "prograsivegradepoints": 174,
            "registeredcredit": 22.5,
            "totalgradepoints": 71,
            "cgpa": 7.7,
            "prograsivetotalearnedcredit": 0,
            "earnedgradepoints": 174,
            "prograde": 71,
        },
        {
            "totalpointsecuredsgpa": 143.5,
            "totalcoursecredit": 18.5,
            "totalearnedcredits": 41.0,
            "totalpointsecuredcgpa": 143.5,
            "totalearnedcredit": 18.5,
            "sgpa": 7.8,
            "stynumber": "2",
            "totalregisteredcredit": 41.0,
            "prograsivegradepoints": 317.5,
            "registeredcredit": 18.5,
            "totalgradepoints": 56,
            "cgpa": 7.7,
            "prograsivetotalearnedcredit": 18.5,
            "earnedgradepoints": 143.5,
            "prograde": 127,
        },
    ]
}

STUDENT_PROGRAM: dict[str, Any] = {
    "studentinfo": {
        "branchid": "FAKE4BC222D9D68F",
        "branchcode": "CSE",
        "programcode": "B.T",
        "stymax": 5,
        "programdesc": "BACHELOR OF TECHNOLOGY",
        "instituteid": "FAKEF6172CB253B",
        "branchdesc": "COMPUTER SCIENCE & ENGINEERING",
        "programid": "FAKE16580D6646AD",
    }
}


def fee_head(stynumber: int, fee: float, received: float, due: float) -> dict[str, Any]:
    """One semester's line of the fee summary."""
    return {
        "waiveramount": 0,
        "eventid": "FAKE41A8E11A1BA0",
        "academicyear": "2526",
        "transferoutamount": None,
        "stytypeid": "FAKE97E85A818CC4",
        "quotaid": "FAKEA7A5C4AACF08",
        "stytype": "REG",
        "quotacode": "GEN",
        "currencycode": "INR",
        "transferinamount": 0,
        "studentid": "FAKE7CCD327A6D1D3737",
        "stytypedesc": "REGULAR",
        "stynumber": stynumber,
        "feeamount": fee,
        "regallowdate": None,
        "name": "TEST NAME",
        "registrationid": "FAKE0F899694070F",
        "dueamount": due,
        "instituteid": "FAKEC52C658BBDC",
        "refundamount": 0,
        "enrollmentno": "5456733386",
        "currencyid": "FAKE2FCDB57CB66E",
        "programid": "FAKED4174A474A0B",
        "receiveamount": received,
    }


FEE_SUMMARY: dict[str, Any] = {
    "feeHeads": [fee_head(5, 210000, 210000, 0), fee_head(6, 210000, 100000.5, 109999.5)],
    "studentInfo": [{"stynumber": 6, "branchcode": "CSE", "programcode": "B.T", "name": "TEST NAME"}],
    "advanceamount": [{"amount": "6", "currencycode": "INR"}],
}

PENDING_CHARGES: list[dict[str, Any]] = [
    {
        "servicename": "LIBRARY FINE",
        "servicecode": "LIBFINE",
        "serviceid": "FAKESRV0001",
        "requestno": "REQ/2026/0001",
        "requestid": "FAKEREQ0001",
        "quantity": 1,
        "charge": "150.50",
        "feeamounttobepaid": "150.50",
        "remarksbyauthority": None,
        "remarksbystudents": "",
        "revenueglid": "FAKEGL01",
        "branchid": "FAKEBR01",
        "programid": "FAKEPR01",
    },
    {"servicename": "ID CARD", "charge": 100, "quantity": "1"},
]

HOSTEL: dict[str, Any] = {
    "presenthosteldetail": {
        "hostellefton": None,
        "hosteldescription": "HOSTEL H4",
        "hostelcode": "H4",
        "allotedroomno": "8234",
        "roomid": "FAKE44A1C9F307D",
        "roomtype": "TRIPLE",
        "hosteltypecode": "BH",
        "dateofallotment": 1783814400000,
        "allotedtilldate": "31/05/2027",
        "allotedfromdate": "15/07/2026",
        "bedno": "B",
        "hostelid": "FAKEDF139B90250F",
        "roomcode": "8897",
        "floor": 4,
        "hosteltypedesc": "BOYS HOSTEL",
        "roomdesc": "1049",
        "beddesc": "BED B",
        "hostellertype": "REGULAR",
    },
    "presenthostelauthoritiesdetail": [],
}

PERSONAL_INFO: dict[str, Any] = {
    "photo&signature": {"signature": None, "photo": "/9j/AA=="},
    "qualification": [
        {
            "division": 1,
            "fullmarks": 500,
            "qualificationcode": "10TH",
            "obtainedmarks": 452,
            "yearofpassing": 2021,
            "grade": "",
            "cgpa": None,
            "percentagemarks": 90.4,
            "boardname": "CBSE",
        }
    ],
    "generalinformation": {
        "cdistrict": "GAUTAM BUDDH NAGAR",
        "apaarid": "910920106359",
        "academicyear": "2627",
        "gender": "F",
        "cpostalcode": 201309,
        "cstatename": "UTTAR PRADESH",
        "studentcellno": "9000000000",
        "admissionyear": "2024",
        "parentemailid": "parent@example.com",
        "branch": "CSE",
        "ccityname": "NOIDA",
        "studentemailid": "student@example.com",
        "ppostalcode": "110001",
        "studenttelephoneno": "",
        "registrationno": "24103000",
        "pdistrict": "NEW DELHI",
        "parentcellno": 9100000000,
        "sectioncode": "B5",
        "mothername": "TEST MOTHER",
        "institutecode": "JIIT",
        "dateofbirth": "01/01/2006",
        "paddress1": "1 TEST ROAD",
        "paddress2": "  ",
        "paddress3": "",
        "studentname": "TEST NAME",
        "pcityname": "DELHI",
        "batch": "B5",
        "studentpersonalemailid": "me@example.com",
        "caddress3": "",
        "bloodgroup": "O+",
        "caddress1": "A-10, SECTOR 62",
        "parenttelephoneno": "",
        "programcode": "B.T",
        "nationality": "INDIAN",
        "pstatename": "DELHI",
        "fathersname": "TEST FATHER",
        "semester": 5,
        "bankaccountno": "68040596121082",
        "designation": "STUDENT",
        "bankname": "TEST BANK",
        "category": "GEN",
    },
}

BANK_INFO: dict[str, Any] = {
    "bankinfo": {
        "bankcity": "NOIDA",
        "accountholdername": "TEST NAME",
        "bankaddress": "SECTOR 18",
        "bankaccountnumber": "40627574535147",
        "oldbankaccountnumber": "21408528371332",
        "bankstate": "UTTAR PRADESH",
        "bankcitypin": 201301,
        "bankname": "TEST BANK",
        "ifsccode": "TEST0000123",
        "freezed": "Y",
        "acholdertypeflag": "S",
    },
    "addressinfo": {"caddress1": "A-10, SECTOR 62", "cpin": "201309"},
    "accounttypes": [{"name": "SAVINGS", "type": "S"}],
    "contactinfo": {
        "studentemail": "",
        "studentmobileno": "",
        "studentpanno": "",
        "aadharcardno": "571374432139",
    },
    "studentinfomedicalMap": [],
}

CREDITS: dict[str, Any] = {
    "registeredCredits": 21,
    "totalreqcredit": 160,
    "earnedcredit": 89,
    "studentName": "TEST NAME",
    "semester": "5",
    "enrollmentno": "1005488610",
}


def subject_choice(code: str, preference: int, running: str) -> dict[str, Any]:
    """One line of the subject choice print."""
    return {
        "academicyear": "2627",
        "subjecttypedesc": "Departmental Electives",
        "subjectcode": code,
        "running": running,
        "subjectrunning": running,
        "basketdesc": "DE-2",
        "basketcode": "DE-2",
        "credits": 3.0,
        "preference": preference,
        "maxsubject": 1,
        "finalizedcount": 1,
        "subjectdesc": f"SUBJECT {code}",
        "auditsubject": "N",
        "electivetype": "Y",
        "subjecttype": "E",
        "freezeddatetime": "24-07-2026 12:29 PM",
        "studentname": "TEST NAME",
        "registrationno": "E1",
        "stynumber": 5,
    }


SUBJECT_CHOICES: dict[str, Any] = {
    "total": 22.0,
    "subjectpreferencegrid": [subject_choice("26B12CS311", 2, "N"), subject_choice("26B12CS312", 1, "Y")],
}

PORTAL_CONFIG: dict[str, Any] = {
    "loadGoogleClientId": "000000000000-test.apps.googleusercontent.com",
    "loadGoogleButtonShow": "Y",
    "URLapiBase": "https://sso.example.test/CLXSSOAPI/token/generate-token-google-signin",
    "logoClientWise": "JIIT",
}

FEEDBACK_EVENTS: dict[str, Any] = {
    "eventList": [
        {"eventid": "FAKEEV0001", "eventcode": "FB-ODD-1", "eventdescription": "MID SEMESTER FEEDBACK"},
        {"eventid": "FAKEEV0002", "eventcode": "FB-ODD-2", "eventdescription": "END SEMESTER FEEDBACK"},
    ]
}

FEEDBACK_GRID: dict[str, Any] = {
    "gridData": [
        {
            "employeeid": "EMP0001",
            "employeename": "TEST  TEACHER",
            "registrationid": 1001,
            "studentid": "M1",
            "subjectcode": "26B11CS111",
            "subjectcomponentcode": "L",
            "subjectcomponentid": "CMP01",
            "subjectdescription": "TEST SUBJECT",
            "subjectid": "SUB01",
        }
    ]
}

FEEDBACK_QUESTIONS: dict[str, Any] = {
    "questionList": [
        {"questionid": "Q1", "questiondescription": "Explains clearly", "rating": None},
        {"questionid": "Q2", "questiondescription": "Is on time", "sequence": 2, "rating": "GOOD"},
    ]
}

MOOC_STATUS: dict[str, Any] = {
    "lockFlag": True,
    "totalsubjectDetailList": [
        {
            "choicetype": "CURRENT Againts(26B12CS318-FUNDAMENTALS OF TEST-DRIVEN THINGS)",
            "approvalstatus": "D",
            "count": 4,
            "subjectcode": "NOC26CS001",
            "subjectid": "SUB000000000000001",
            "subjectdesc": "TEST MOOC COURSE",
            "totalStages": [
                "Submitted on 24-Jul-2026 12:29 PM@D",
                "1. Review  Date:- 30-Jul-2026 02:31 PM  by ALPHA  REVIEWER (REVIEW BY MOOCD )@D",
                "",
                "3. Approved  Date:- 07-Aug-2026 04:53 PM  by GAMMA APPROVER (Approved By VC or Admin )@D",
            ],
        },
        {
            "choicetype": "CURRENT Againts(24B12HS213-TEST HUMANITIES)",
            "approvalstatus": "P",
            "count": 4,
            "subjectcode": "NOC26HS002",
            "subjectid": "SUB000000000000002",
            "subjectdesc": "SECOND MOOC",
            "totalStages": ["Submitted on 12-Jan-2026 01:00 PM@D", "1. Review@P", "", ""],
        },
    ],
    "totalRejsubjectDetailList": [],
    "duesAmount": 0,
    "onlyapprovedbyvc": "N",
}
