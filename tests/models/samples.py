"""Sample ``response`` objects shaped like the portal's answers (see PORTAL.md section 1.2).

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
