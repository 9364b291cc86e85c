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
