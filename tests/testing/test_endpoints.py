"""Every endpoint (#1-#37) with the payloads pyjiit 0.1.0a9, jsjiit and ktjiit send, and their data.

The public clients named by tag (KT, UNK, JSc...) are those of docs/protocol.md section 0.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

from pyjiit import endpoints
from pyjiit.testing.data import GRADE_POINTS, DemoStudent, pending_charge
from pyjiit.utils import IST
from tests.testing.portal_client import Mode, PortalClient, envelope_failure, envelope_ok

if TYPE_CHECKING:
    from pyjiit.endpoints import Endpoint

Payload = Callable[[PortalClient], Any]


def ids(s: DemoStudent) -> dict[str, str]:
    return {"instituteid": s.institute_id}


def current(c: PortalClient) -> dict[str, str]:
    sem = c.portal.student.current
    return {"registrationid": sem.registrationid, "registrationcode": sem.registrationcode}


def first_subject_daily(c: PortalClient, *, clientid: bool) -> dict[str, Any]:
    s = c.portal.student
    subject = s.current.subjects[0]
    payload = {
        "cmpidkey": [{"subjectcomponentid": comp.componentid} for comp in subject.components],
        **ids(s),
        **current(c),
        "subjectcode": subject.code,
        "subjectid": subject.subjectid,
    }
    return {**payload, "clientid": s.clientid} if clientid else payload


def feedback_question_payload(c: PortalClient) -> dict[str, Any]:
    s = c.portal.student
    event = s.feedback_events[-1]
    subject = s.current.subjects[0]
    component = subject.components[0]
    return {
        **ids(s),
        "eventid": event.eventid,
        "eventdescription": event.eventdescription,
        "facultyid": component.faculty.employeeid,
        "facultyname": component.faculty.name,
        "registrationid": s.current.registrationid,
        "studentid": s.memberid,
        "subjectcode": subject.clean_code,
        "subjectcomponentcode": component.kind,
        "subjectcomponentid": component.componentid,
        "subjectdescription": subject.name,
        "subjectid": subject.subjectid,
    }


def feedback_save_payload(c: PortalClient, rating: str = "VERY_GOOD") -> dict[str, Any]:
    s = c.portal.student
    question = feedback_question_payload(c)
    return {
        **ids(s),
        "studentid": s.memberid,
        "eventid": question["eventid"],
        "subjectid": question["subjectid"],
        "facultyid": question["facultyid"],
        "registrationid": question["registrationid"],
        "questionid": [{**q, "rating": rating} for q in s.feedback_questions],
        "facultycomments": None,
        "coursecomments": None,
    }


# (endpoint, client form, mode, payload, the response's top-level keys)
CASES: list[tuple[Endpoint, str, Mode, Payload, set[str]]] = [
    (endpoints.CAPTCHA, "PY9", "raw", lambda c: None, {"captcha"}),
    (
        endpoints.PRETOKEN_CHECK,
        "PY9",
        "raw",
        lambda c: {
            "username": c.portal.username,
            "usertype": "S",
            "captcha": {"captcha": "phw5n", "hidden": "x"},
        },
        {"random", "otppwd", "username", "rejectedData"},
    ),
    (
        endpoints.GENERATE_TOKEN,
        "PY9",
        "raw",
        lambda c: {**c.pretoken(), "Modulename": "STUDENTMODULE", "passwordotpvalue": c.portal.password},
        {"regdata"},
    ),
    (
        endpoints.REFRESH_TOKEN,
        "UNK",
        "plain",
        lambda c: {"username": c.portal.username, "tokendate": f"{dt.datetime.now(IST):%d/%m/%Y}"},
        {"msg"},
    ),
    (
        endpoints.PORTAL_CONFIG,
        "KT",
        "raw",
        lambda c: None,
        {"loadGoogleClientId", "loadGoogleButtonShow", "URLapiBase", "logoClientWise"},
    ),
    (
        endpoints.GOOGLE_SIGN_IN,
        "KT",
        "plain",
        lambda c: {"googleToken": c.portal.google_credential, "modulename": "studentportal"},
        {
            "token",
            "Username",
            "value",
            "label",
            "clientid",
            "memberid",
            "userid",
            "enrollmentno",
            "name",
            "membertype",
        },
    ),
    (
        endpoints.PERSONAL_INFO,
        "PY9",
        "plain",
        lambda c: ids(c.portal.student),
        {"generalinformation", "qualification", "photo&signature"},
    ),
    (
        endpoints.PERSONAL_INFO,
        "JSc",
        "plain",
        lambda c: {"clinetid": "SOAU", **ids(c.portal.student)},
        {"generalinformation", "qualification", "photo&signature"},
    ),
    (
        endpoints.BANK_INFO,
        "KT",
        "raw",
        lambda c: ids(c.portal.student),
        {"bankinfo", "addressinfo", "accounttypes", "contactinfo", "studentinfomedicalMap"},
    ),
    (
        endpoints.CHANGE_PASSWORD,
        "PY9",
        "plain",
        lambda c: {
            "membertype": "S",
            "oldpassword": c.portal.password,
            "newpassword": c.portal.password,
            "confirmpassword": c.portal.password,
        },
        {"msg"},
    ),
    (
        endpoints.ATTENDANCE_META,
        "PY9",
        "plain",
        lambda c: {"clientid": "JAYPEE", **ids(c.portal.student), "membertype": "S"},
        {"headerlist", "semlist", "client"},
    ),
    (
        endpoints.ATTENDANCE_META,
        "KT",
        "plain",
        lambda c: ids(c.portal.student),
        {"headerlist", "semlist", "client"},
    ),
    (
        endpoints.ATTENDANCE_DETAIL,
        "PY9",
        "json",
        lambda c: {"clientid": "JAYPEE", **ids(c.portal.student), **current(c), "stynumber": "5"},
        {"studentattendancelist", "currentSem"},
    ),
    (
        endpoints.ATTENDANCE_DETAIL,
        "KT",
        "raw",
        lambda c: {**ids(c.portal.student), **current(c), "stynumber": "5"},
        {"studentattendancelist", "currentSem"},
    ),
    (
        endpoints.SUBJECT_DAILY_ATTENDANCE,
        "JSc",
        "json",
        lambda c: first_subject_daily(c, clientid=True),
        {"studentAttdsummarylist"},
    ),
    (
        endpoints.SUBJECT_DAILY_ATTENDANCE,
        "KT",
        "raw",
        lambda c: first_subject_daily(c, clientid=False),
        {"studentAttdsummarylist"},
    ),
    (
        endpoints.REGISTERED_SEMESTERS,
        "PY9",
        "json",
        lambda c: {**ids(c.portal.student), "studentid": c.portal.student.memberid},
        {"registrations"},
    ),
    (endpoints.REGISTERED_SEMESTERS, "KT", "raw", lambda c: ids(c.portal.student), {"registrations"}),
    (
        endpoints.REGISTERED_SUBJECTS,
        "PY9",
        "json",
        lambda c: {
            **ids(c.portal.student),
            "studentid": c.portal.student.memberid,
            "registrationid": c.portal.student.current.registrationid,
        },
        {"registrations", "totalcreditpoints"},
    ),
    (
        endpoints.SUBJECT_CHOICES,
        "PY9",
        "json",
        lambda c: {
            **ids(c.portal.student),
            "clientid": "JAYPEE",
            "registrationid": c.portal.student.current.registrationid,
        },
        {"total", "subjectpreferencegrid"},
    ),
    (
        endpoints.CHOICE_SEMESTERS,
        "KT",
        "raw",
        lambda c: {},
        {"name", "registrationnumber", "registrationcodelist"},
    ),
    (
        endpoints.CHOICE_SEMESTERS,
        "UNK",
        "json",
        lambda c: {**ids(c.portal.student), "clientid": "JAYPEE"},
        {"name", "registrationnumber", "registrationcodelist"},
    ),
    (
        endpoints.CREDITS,
        "KT",
        "plain",
        lambda c: {"enrollmentNo": c.portal.username},
        {"registeredCredits", "totalreqcredit", "earnedcredit", "studentName", "semester", "enrollmentno"},
    ),
    (
        endpoints.EXAM_EVENT_SEMESTERS,
        "PY9",
        "json",
        lambda c: {"clientid": "JAYPEE", **ids(c.portal.student), "memberid": c.portal.student.memberid},
        {"semesterCodeinfo"},
    ),
    (
        endpoints.EXAM_EVENT_SEMESTERS,
        "KT",
        "raw",
        lambda c: {"clientid": "JAYPEE", **ids(c.portal.student)},
        {"semesterCodeinfo"},
    ),
    (
        endpoints.EXAM_EVENTS,
        "PY9",
        "json",
        lambda c: {**ids(c.portal.student), "registationid": c.portal.student.current.registrationid},
        {"eventcode"},
    ),
    (
        endpoints.EXAM_SCHEDULE,
        "PY9",
        "json",
        lambda c: {
            **ids(c.portal.student),
            "registrationid": c.portal.student.current.registrationid,
            "exameventid": c.portal.student.current.exam_events[0].exameventid,
        },
        {"subjectinfo"},
    ),
    (
        endpoints.MARKS_SEMESTERS,
        "PY9",
        "json",
        lambda c: {**ids(c.portal.student), "memberid": c.portal.student.memberid},
        {"semestercode", "examevent"},
    ),
    (
        endpoints.MARKS_SEMESTERS,
        "JSc",
        "json",
        lambda c: {**ids(c.portal.student), "studentid": c.portal.student.memberid},
        {"semestercode", "examevent"},
    ),
    (endpoints.MARKS_SEMESTERS, "KT", "raw", lambda c: ids(c.portal.student), {"semestercode", "examevent"}),
    (
        endpoints.MARKS,
        "KT",
        "raw",
        lambda c: {**ids(c.portal.student), "registrationid": c.portal.student.current.registrationid},
        {"studentmarks"},
    ),
    (endpoints.GRADE_CARD_SEMESTERS, "PY9", "json", lambda c: ids(c.portal.student), {"registrations"}),
    (endpoints.GRADE_CARD_STUDENT_INFO, "PY9", "json", lambda c: ids(c.portal.student), {"studentinfo"}),
    (
        endpoints.GRADE_CARD,
        "PY9",
        "json",
        lambda c: {
            "branchid": c.portal.student.branchid,
            **ids(c.portal.student),
            "programid": c.portal.student.programid,
            "registrationid": c.portal.student.semesters[1].registrationid,
        },
        {"clientwiseshowreport", "gradecard"},
    ),
    (
        endpoints.CURRENT_SEMESTER,
        "JSc",
        "json",
        lambda c: {
            **ids(c.portal.student),
            "studentid": c.portal.student.memberid,
            "name": c.portal.student.name,
            "enrollmentno": c.portal.username,
        },
        {"studentlov"},
    ),
    (
        endpoints.SGPA_CGPA,
        "PY9",
        "json",
        lambda c: {**ids(c.portal.student), "studentid": c.portal.student.memberid, "stynumber": 0},
        {"semesterList"},
    ),
    (
        endpoints.SGPA_CGPA,
        "KT",
        "raw",
        lambda c: {**ids(c.portal.student), "studentid": c.portal.student.memberid, "stynumber": "5"},
        {"semesterList"},
    ),
    (
        endpoints.FEE_SUMMARY,
        "PY9",
        "plain",
        lambda c: ids(c.portal.student),
        {"feeHeads", "studentInfo", "advanceamount"},
    ),
    (
        endpoints.HOSTEL,
        "JSc",
        "plain",
        lambda c: {"clientid": "JAYPEE", **ids(c.portal.student), "studentid": c.portal.student.memberid},
        {"presenthosteldetail", "presenthostelauthoritiesdetail"},
    ),
    (
        endpoints.HOSTEL,
        "KT",
        "plain",
        lambda c: ids(c.portal.student),
        {"presenthosteldetail", "presenthostelauthoritiesdetail"},
    ),
    (endpoints.FEEDBACK_EVENTS, "JSc", "plain", lambda c: ids(c.portal.student), {"eventList"}),
    (
        endpoints.FEEDBACK_EVENTS,
        "KT",
        "plain",
        lambda c: {**ids(c.portal.student), "studentid": c.portal.student.memberid},
        {"eventList"},
    ),
    (
        endpoints.FEEDBACK_GRID,
        "JSc",
        "json",
        lambda c: {
            **ids(c.portal.student),
            "studentid": c.portal.student.memberid,
            "eventid": c.portal.student.feedback_events[-1].eventid,
        },
        {"gridData"},
    ),
    (endpoints.FEEDBACK_QUESTIONS, "JSc", "plain", feedback_question_payload, {"questionList"}),
    (endpoints.FEEDBACK_SUBMIT, "KT", "raw", feedback_save_payload, {"message"}),
    (
        endpoints.MOOC_STATUS,
        "KT",
        "plain",
        lambda c: {**ids(c.portal.student), "registrationid": c.portal.student.current.registrationid},
        {"lockFlag", "duesAmount", "onlyapprovedbyvc", "totalsubjectDetailList", "totalRejsubjectDetailList"},
    ),
]


@pytest.mark.parametrize(
    ("endpoint", "form", "mode", "payload", "keys"),
    CASES,
    ids=[f"{e.path.rsplit('/', 1)[1]}-{form}-{mode}" for e, form, mode, *_ in CASES],
)
def test_endpoint_answers_success(  # noqa: PLR0917 (the columns of CASES)
    student: PortalClient, endpoint: Endpoint, form: str, mode: Mode, payload: Payload, keys: set[str]
) -> None:
    body = payload(student)
    if endpoint.method == "GET":
        response = student.get(endpoint.path)
    else:
        response = student.post(endpoint.path, body, mode, sso=endpoint.sso)
    answer = envelope_ok(response)
    assert set(answer) == keys


def test_cases_cover_every_endpoint() -> None:
    covered = {case[0] for case in CASES} | {
        endpoints.MARKS_PDF,  # bytes, below
        endpoints.PENDING_PAYMENTS,  # a Failure by default, below
        endpoints.MOOC_SEMESTERS,  # a bare list, below
    }
    assert covered == set(endpoints.ALL)


# -- Attendance --------------------------------------------------------------------------------


def attendance(student: PortalClient, semester_index: int = 0) -> Any:
    s = student.portal.student
    sem = s.semesters[semester_index]
    payload = {
        **ids(s),
        "registrationid": sem.registrationid,
        "registrationcode": sem.registrationcode,
        "stynumber": "5",
    }
    return student.call(endpoints.ATTENDANCE_DETAIL, payload)


def test_attendance_meta_is_newest_first(student: PortalClient) -> None:
    meta = envelope_ok(student.call(endpoints.ATTENDANCE_META, ids(student.portal.student)))
    numbers = [int(h["stynumber"]) for h in meta["headerlist"]]
    assert numbers == sorted(numbers, reverse=True)
    assert all(isinstance(h["stynumber"], str) for h in meta["headerlist"])
    codes = [s["registrationcode"] for s in meta["semlist"]]
    assert codes[0] == student.portal.student.current.registrationcode
    assert len(codes) == len(numbers) >= 3


def test_old_semester_has_no_attendance(student: PortalClient) -> None:
    status = envelope_failure(attendance(student, 2))
    assert status["errors"] == ["NO Attendance Found"]
    # jportal falls back to semesters[1], which has attendance.
    assert envelope_ok(attendance(student, 1))["studentattendancelist"]


def test_attendance_code_must_match_the_semester(student: PortalClient) -> None:
    s = student.portal.student
    payload = {
        **ids(s),
        "registrationid": s.current.registrationid,
        "registrationcode": "1999ODDSEM",
        "stynumber": "5",
    }
    assert envelope_failure(student.call(endpoints.ATTENDANCE_DETAIL, payload))["errors"] == [
        "NO Attendance Found"
    ]


def test_percentages_match_the_daily_lists(student: PortalClient) -> None:
    s = student.portal.student
    rows = envelope_ok(attendance(student))["studentattendancelist"]
    assert len(rows) == len(s.current.subjects)
    below_75 = 0
    for row in rows:
        assert re.fullmatch(r"[A-Z0-9 &-]+\([0-9A-Z]+\)", row["subjectcode"])
        counts = {}
        for kind in "LTP":
            component = row.get(f"{kind}subjectcomponentid")
            if component is None:
                assert row[f"{kind}percentage"] is None
                continue
            payload = {
                **ids(s),
                **current(student),
                "cmpidkey": [{"subjectcomponentid": component}],
                "subjectcode": row["individualsubjectcode"],
                "subjectid": row["subjectid"],
            }
            classes = envelope_ok(student.call(endpoints.SUBJECT_DAILY_ATTENDANCE, payload))[
                "studentAttdsummarylist"
            ]
            present = sum(c["present"] == "Present" for c in classes)
            counts[kind] = (present, len(classes))
            assert row[f"{kind}percentage"] == round(100 * present / len(classes), 1)
            for entry in classes:
                assert re.fullmatch(
                    r"\d\d/\d\d/\d{4} \(\d\d:\d\d:[AP]M - \d\d:\d\d [AP]M\)", entry["datetime"]
                )
                assert entry["present"] in {"Present", "Absent"}
                assert (entry["attendancestatus"], entry["classtype"]) == ("Current", "Regular")
        lt = [counts[k] for k in "LT" if k in counts]
        if lt:
            attended, total = sum(a for a, _ in lt), sum(t for _, t in lt)
            assert row["LTpercantage"] == round(100 * attended / total, 1)
            below_75 += attended / total < 0.75
    assert below_75 >= 1  # the data has a subject to worry about


def test_daily_attendance_is_chronological_and_merges_components(student: PortalClient) -> None:
    payload = first_subject_daily(student, clientid=False)
    classes = envelope_ok(student.call(endpoints.SUBJECT_DAILY_ATTENDANCE, payload))["studentAttdsummarylist"]
    starts = []
    for entry in classes:
        match = re.match(r"(\d\d/\d\d/\d{4}) \((\d\d:\d\d):([AP]M)", entry["datetime"])
        assert match, entry["datetime"]
        starts.append(dt.datetime.strptime(" ".join(match.groups()), "%d/%m/%Y %I:%M %p").replace(tzinfo=IST))
    assert starts == sorted(starts)
    assert len({c["attendanceby"] for c in classes}) >= 1


def test_trailing_tab_in_subject_codes(student: PortalClient) -> None:
    rows = envelope_ok(attendance(student))["studentattendancelist"]
    assert any(row["individualsubjectcode"].endswith("\t") for row in rows)
    payload = {**first_subject_daily(student, clientid=False)}
    payload["subjectcode"] = payload["subjectcode"].strip()
    assert envelope_ok(student.call(endpoints.SUBJECT_DAILY_ATTENDANCE, payload))["studentAttdsummarylist"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"subjectid": "NOPE"}, "NO Attendance Found"),
        ({"subjectcode": "XX"}, "NO Attendance Found"),
        ({"cmpidkey": [{"subjectcomponentid": "NOPE"}]}, "NO Attendance Found"),
        ({"cmpidkey": "L"}, 500),
        ({"cmpidkey": ["L"]}, 500),
    ],
)
def test_daily_attendance_refusals(student: PortalClient, change: dict[str, Any], expected: object) -> None:
    payload = {**first_subject_daily(student, clientid=False), **change}
    response = student.call(endpoints.SUBJECT_DAILY_ATTENDANCE, payload)
    if expected == 500:
        assert response.status_code == 500
    else:
        assert envelope_failure(response)["errors"] == [expected]


# -- Registration ------------------------------------------------------------------------------


def test_registered_subjects_have_a_row_per_component(student: PortalClient) -> None:
    s = student.portal.student
    answer = envelope_ok(
        student.call(
            endpoints.REGISTERED_SUBJECTS,
            {**ids(s), "studentid": s.memberid, "registrationid": s.current.registrationid},
        )
    )
    rows = answer["registrations"]
    assert len(rows) == sum(len(sub.components) for sub in s.current.subjects)
    assert {r["subjectcomponentcode"] for r in rows} == {"L", "T", "P"}
    assert answer["totalcreditpoints"] == sum(sub.credits for sub in s.current.subjects)


def test_unknown_semester_is_no_data(student: PortalClient) -> None:
    s = student.portal.student
    response = student.call(endpoints.REGISTERED_SUBJECTS, {**ids(s), "registrationid": "NOPE"})
    assert envelope_failure(response)["errors"] == ["NO DATA FOUND"]


def test_subject_choices(student: PortalClient) -> None:
    s = student.portal.student
    semesters = envelope_ok(student.call(endpoints.CHOICE_SEMESTERS, {}))["registrationcodelist"]
    assert [c["registrationid"] for c in semesters] == [c.registrationid for c in s.choice_semesters]
    upcoming = semesters[0]["registrationid"]
    assert s.semester(upcoming) is None  # not registered yet, only chosen for
    for entry in semesters:
        grid = envelope_ok(
            student.call(
                endpoints.SUBJECT_CHOICES,
                {**ids(s), "clientid": "JAYPEE", "registrationid": entry["registrationid"]},
            )
        )
        assert grid["total"] == len(grid["subjectpreferencegrid"]) > 0
        running = [r for r in grid["subjectpreferencegrid"] if r["subjectrunning"] == "Y"]
        assert len(running) == (1 if entry["preventfreezed"] == "Y" else 0)
    envelope_failure(student.call(endpoints.SUBJECT_CHOICES, {**ids(s), "registrationid": "NOPE"}))


def test_credits_add_up(student: PortalClient) -> None:
    s = student.portal.student
    credits = envelope_ok(student.call(endpoints.CREDITS, {"enrollmentNo": s.username}))
    history = envelope_ok(student.call(endpoints.SGPA_CGPA, {**ids(s), "stynumber": 0}))["semesterList"]
    assert credits["earnedcredit"] == history[-1]["totalearnedcredits"]
    assert credits["registeredCredits"] == s.current.credits
    envelope_failure(student.call(endpoints.CREDITS, {"enrollmentNo": "00000000"}))


# -- Exams and marks ---------------------------------------------------------------------------


def test_exam_events_need_the_misspelt_key(student: PortalClient) -> None:
    s = student.portal.student
    regid = s.current.registrationid
    right = envelope_ok(student.call(endpoints.EXAM_EVENTS, {**ids(s), "registationid": regid}))
    assert [e["exameventid"] for e in right["eventcode"]["examevent"]] == [
        e.exameventid for e in s.current.exam_events
    ]
    event = right["eventcode"]["examevent"][0]
    assert set(event) == {"exameventcode", "eventfrom", "exameventdesc", "registrationid", "exameventid"}
    assert isinstance(event["eventfrom"], int)
    corrected = envelope_ok(student.call(endpoints.EXAM_EVENTS, {**ids(s), "registrationid": regid}))
    assert corrected == {"eventcode": {"examevent": []}}


def schedule(student: PortalClient, event_index: int) -> list[dict[str, Any]]:
    s = student.portal.student
    payload = {
        **ids(s),
        "registrationid": s.current.registrationid,
        "exameventid": s.current.exam_events[event_index].exameventid,
    }
    rows: list[dict[str, Any]] = envelope_ok(student.call(endpoints.EXAM_SCHEDULE, payload))["subjectinfo"]
    return rows


def test_seats_appear_a_day_before_the_exam(student: PortalClient) -> None:
    portal = student.portal
    event = portal.student.current.exam_events[0]
    first_paper = dt.datetime.combine(event.start, dt.time(9), IST)
    real_now = dt.datetime.now(dt.timezone.utc)
    portal.clock_offset = first_paper - dt.timedelta(days=3) - real_now
    student.token = portal.issue_token()
    early = schedule(student, 0)
    assert all(row["roomcode"] is None and row["seatno"] is None for row in early)
    portal.clock_offset = first_paper + dt.timedelta(days=30) - real_now
    student.token = portal.issue_token()
    late = schedule(student, 0)
    assert all(row["roomcode"] and row["seatno"] for row in late)
    for row in late:
        assert re.fullmatch(r"\d\d/\d\d/\d{4}", row["datetime"])
        assert re.fullmatch(r"\d\d:\d\d [ap]m to \d\d:\d\d [ap]m", row["datetimeupto"])
        assert row["datetimeupto"].startswith(row["datetimefrom"])
        assert row["subjectdesc"].endswith(") ")


def test_exam_schedule_of_an_unknown_event(student: PortalClient) -> None:
    s = student.portal.student
    payload = {**ids(s), "registrationid": s.current.registrationid, "exameventid": "NOPE"}
    envelope_failure(student.call(endpoints.EXAM_SCHEDULE, payload))


def pdf_url(student: PortalClient, *parts: str) -> str:
    return endpoints.MARKS_PDF.path + "/" + "/".join(parts)


def test_marks_pdf(student: PortalClient) -> None:
    s = student.portal.student
    response = student.get(
        pdf_url(student, s.institute_id, s.current.registrationid, s.current.registrationcode)
    )
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    pdf = response.content
    assert pdf.startswith(b"%PDF-1.4")
    assert pdf.rstrip().endswith(b"%%EOF")
    # The cross-reference table points at each object: "xref", "0 N", the free entry, N-1 objects.
    xref = pdf[int(pdf.rsplit(b"startxref", 1)[1].split()[0]) :].split(b"\n")
    assert xref[0] == b"xref"
    count = int(xref[1].split()[1])
    for number, entry in enumerate(xref[3 : 2 + count], start=1):
        assert pdf[int(entry[:10]) :].startswith(b"%d 0 obj" % number)
    assert s.current.subjects[0].clean_code.encode() in pdf
    assert b"/20" in pdf
    assert b"ABS" not in pdf


def test_marks_pdf_shows_absence(student: PortalClient) -> None:
    s = student.portal.student
    semester = next(sem for sem in s.semesters if any(sub.absent_in for sub in sem.subjects))
    response = student.get(
        pdf_url(student, s.institute_id, semester.registrationid, semester.registrationcode)
    )
    assert b"ABS/" in response.content


@pytest.mark.parametrize(
    "parts",
    [
        ("WRONG", "{regid}", "{code}"),
        ("{inst}", "NOPE", "{code}"),
        ("{inst}", "{regid}", "1999ODDSEM"),
        ("{inst}", "{regid}"),
    ],
)
def test_marks_pdf_of_an_unknown_semester_is_json(student: PortalClient, parts: tuple[str, ...]) -> None:
    s = student.portal.student
    values = {"inst": s.institute_id, "regid": s.current.registrationid, "code": s.current.registrationcode}
    response = student.get(pdf_url(student, *(p.format(**values) for p in parts)))
    assert response.headers["Content-Type"] == "application/json"
    assert envelope_failure(response)["errors"] == ["NO DATA FOUND"]


def test_marks_pdf_needs_a_token(client: PortalClient) -> None:
    s = client.portal.student
    response = client.get(
        pdf_url(client, s.institute_id, s.current.registrationid, s.current.registrationcode)
    )
    assert response.status_code == 401


def test_marks_summary_and_semesters(student: PortalClient) -> None:
    s = student.portal.student
    listing = envelope_ok(student.call(endpoints.MARKS_SEMESTERS, ids(s)))
    assert listing["semestercode"][0]["registrationid"] == s.current.registrationid
    assert {e["registrationid"] for e in listing["examevent"]} == {
        x["registrationid"] for x in listing["semestercode"]
    }
    marks = envelope_ok(student.call(endpoints.MARKS, {**ids(s), "registrationid": s.current.registrationid}))
    rows = marks["studentmarks"]
    assert len({r["subjectid"] for r in rows}) == len(rows) == sum(sub.theory for sub in s.current.subjects)
    assert all(0 <= r["obtainedmarks"] <= r["fullmarks"] for r in rows)
    envelope_failure(student.call(endpoints.MARKS, {**ids(s), "registrationid": "NOPE"}))


# -- Grades ------------------------------------------------------------------------------------


def test_grade_cards_agree_with_sgpa_and_cgpa(student: PortalClient) -> None:
    s = student.portal.student
    info = envelope_ok(student.call(endpoints.GRADE_CARD_STUDENT_INFO, ids(s)))["studentinfo"]
    semesters = envelope_ok(student.call(endpoints.GRADE_CARD_SEMESTERS, ids(s)))["registrations"]
    assert s.current.registrationid not in {sem["registrationid"] for sem in semesters}  # no grades yet
    history = envelope_ok(
        student.call(endpoints.SGPA_CGPA, {**ids(s), "studentid": s.memberid, "stynumber": 0})
    )["semesterList"]
    assert [int(h["stynumber"]) for h in history] == sorted(int(h["stynumber"]) for h in history)
    assert len(history) == len(semesters)
    running_points = running_credits = 0.0
    for entry in history:
        sem = next(x for x in s.semesters if x.stynumber == int(entry["stynumber"]))
        payload = {
            "branchid": info["branchid"],
            **ids(s),
            "programid": info["programid"],
            "registrationid": sem.registrationid,
        }
        card = envelope_ok(student.call(endpoints.GRADE_CARD, payload))["gradecard"]
        points = sum(GRADE_POINTS[row["grade"]] * row["credits"] for row in card)
        credits = sum(row["credits"] for row in card)
        running_points += points
        running_credits += credits
        assert entry["sgpa"] == card[0]["sgpapoints"] == round(points / credits, 2)
        assert entry["cgpa"] == card[0]["cgpapoints"] == round(running_points / running_credits, 2)
        # The misleading names: singular is this semester, plural the running total.
        assert entry["totalearnedcredit"] == sum(row["earnedcredit"] for row in card)
        assert entry["totalregisteredcredit"] == running_credits
    assert history[-1]["totalearnedcredits"] < history[-1]["totalregisteredcredit"]  # an F costs credits


def test_jsjiit_grade_card_without_branchid_crashes(student: PortalClient) -> None:
    s = student.portal.student
    payload = {**ids(s), "programid": s.programid, "registrationid": s.semesters[1].registrationid}
    assert student.call(endpoints.GRADE_CARD, payload).status_code == 500


def test_grade_card_of_the_running_semester_is_no_data(student: PortalClient) -> None:
    s = student.portal.student
    payload = {
        "branchid": s.branchid,
        **ids(s),
        "programid": s.programid,
        "registrationid": s.current.registrationid,
    }
    envelope_failure(student.call(endpoints.GRADE_CARD, payload))


def test_current_semester(student: PortalClient) -> None:
    s = student.portal.student
    lov = envelope_ok(student.call(endpoints.CURRENT_SEMESTER, {**ids(s), "studentid": s.memberid}))[
        "studentlov"
    ]
    assert lov["currentsemester"] == s.current.stynumber


# -- Money, feedback, MOOC ---------------------------------------------------------------------


def test_nothing_due_is_the_portals_failure(student: PortalClient) -> None:
    s = student.portal.student
    response = student.call(endpoints.PENDING_PAYMENTS, {**ids(s), "studentid": s.memberid})
    assert response.json() == {
        "status": {
            "responseStatus": "Failure",
            "errors": ["NO APPROVED REQUEST FOUND"],
            "identifier": "GIPSubjectRegistrationService",
        },
        "response": {"status": "Failed"},
    }


def test_pending_charges_are_listed(student: PortalClient) -> None:
    s = student.portal.student
    student.portal.pending_payments.append(pending_charge("LIBRARY FINE", 150))
    charges = envelope_ok(student.call(endpoints.PENDING_PAYMENTS, {**ids(s), "studentid": s.memberid}))
    assert len(charges) == 1
    assert (charges[0]["servicename"], charges[0]["feeamounttobepaid"]) == ("LIBRARY FINE", 150)
    assert set(charges[0]) == {
        "servicename", "servicecode", "serviceid", "requestno", "requestid", "quantity", "charge",
        "feeamounttobepaid", "remarksbyauthority", "remarksbystudents", "revenueglid", "branchid",
        "programid",
    }  # fmt: skip


def test_fee_heads(student: PortalClient) -> None:
    s = student.portal.student
    heads = envelope_ok(student.call(endpoints.FEE_SUMMARY, ids(s)))["feeHeads"]
    assert [h["stynumber"] for h in heads] == [sem.stynumber for sem in s.semesters]
    for head in heads:
        assert head["feeamount"] == head["receiveamount"] + head["dueamount"]
        assert len(head) == 24
    assert heads[0]["dueamount"] > 0


def test_bank_info_is_encrypted_only(student: PortalClient) -> None:
    s = student.portal.student
    # pyjiit 0.1.0a9 and jsjiit send it plain: the portal refuses.
    response = student.post(endpoints.BANK_INFO.path, {**ids(s), "studentid": s.memberid}, "plain")
    assert response.status_code == 400


def test_feedback_round_trip(student: PortalClient) -> None:
    s = student.portal.student
    events = envelope_ok(student.call(endpoints.FEEDBACK_EVENTS, ids(s)))["eventList"]
    latest = events[-1]
    grid = envelope_ok(
        student.call(
            endpoints.FEEDBACK_GRID, {**ids(s), "studentid": s.memberid, "eventid": latest["eventid"]}
        )
    )["gridData"]
    assert len(grid) == sum(len(sub.components) for sub in s.current.subjects)
    questions = envelope_ok(student.call(endpoints.FEEDBACK_QUESTIONS, feedback_question_payload(student)))[
        "questionList"
    ]
    assert [q["questionid"] for q in questions] == [q["questionid"] for q in s.feedback_questions]
    assert envelope_ok(student.call(endpoints.FEEDBACK_SUBMIT, feedback_save_payload(student))) == {
        "message": "Saved"
    }


@pytest.mark.parametrize("rating", ["Excellent", "", None])
def test_feedback_needs_valid_ratings(student: PortalClient, rating: str | None) -> None:
    envelope_failure(student.call(endpoints.FEEDBACK_SUBMIT, feedback_save_payload(student, rating)))  # type: ignore[arg-type]


def test_feedback_needs_every_question(student: PortalClient) -> None:
    payload = feedback_save_payload(student)
    payload["questionid"] = payload["questionid"][1:]
    envelope_failure(student.call(endpoints.FEEDBACK_SUBMIT, payload))
    payload["questionid"] = "all of them"
    envelope_failure(student.call(endpoints.FEEDBACK_SUBMIT, payload))


def test_feedback_of_an_unknown_event(student: PortalClient) -> None:
    s = student.portal.student
    envelope_failure(
        student.call(endpoints.FEEDBACK_GRID, {**ids(s), "studentid": s.memberid, "eventid": "NOPE"})
    )


def test_mooc(student: PortalClient) -> None:
    s = student.portal.student
    semesters = envelope_ok(student.call(endpoints.MOOC_SEMESTERS, ids(s)))
    assert isinstance(semesters, list)
    assert semesters[0]["registrationid"] == s.current.registrationid
    status = envelope_ok(
        student.call(endpoints.MOOC_STATUS, {**ids(s), "registrationid": semesters[0]["registrationid"]})
    )
    stage = status["totalsubjectDetailList"][0]["totalStages"][0]
    assert re.fullmatch(r"\d\. \w+  Date:- \d\d-\w{3}-\d{4} \d\d:\d\d [AP]M  by .+@[DP]", stage)
    older = envelope_failure(
        student.call(endpoints.MOOC_STATUS, {**ids(s), "registrationid": semesters[-1]["registrationid"]})
    )
    assert older["errors"] == ["NO DATA FOUND"]


def test_personal_info_images(student: PortalClient) -> None:
    info = envelope_ok(student.call(endpoints.PERSONAL_INFO, ids(student.portal.student)))
    for key in ("photo", "signature"):
        image = base64.b64decode(info["photo&signature"][key])
        assert image.startswith(b"\xff\xd8")  # JPEG start of image
        assert image.endswith(b"\xff\xd9")  # and end of image
    assert info["generalinformation"]["studentname"] == student.portal.student.name
