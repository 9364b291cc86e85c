"""pyjiit 0.1.0a9's data classes: same names, fields, constructors and values."""

from __future__ import annotations

import base64
import copy
import dataclasses
from typing import Any

import pytest

from pyjiit.attendance import AttendanceHeader, AttendanceMeta, Semester
from pyjiit.default import CAPTCHA
from pyjiit.exam import ExamEvent
from pyjiit.exceptions import NoDataFound, ResponseFormatError
from pyjiit.models import NoEntriesFound
from pyjiit.registration import RegisteredSubject, Registrations
from pyjiit.tokens import Captcha
from tests.models import samples


def field_names(cls: type) -> list[str]:
    return [field.name for field in dataclasses.fields(cls)]


def test_field_order_matches_0_1_0a9() -> None:
    # Positional construction in old code depends on this order.
    assert field_names(Captcha) == ["captcha", "hidden", "image"]
    assert field_names(AttendanceHeader) == ["branchdesc", "name", "programdesc", "stynumber"]
    assert field_names(Semester) == ["registration_code", "registration_id"]
    assert field_names(ExamEvent) == [
        "exam_event_code", "event_from", "exam_event_desc", "registration_id", "exam_event_id",
    ]  # fmt: skip
    assert field_names(RegisteredSubject) == [
        "employee_name", "employee_code", "minor_subject", "remarks", "stytype", "credits",
        "subject_code", "subject_component_code", "subject_desc", "subject_id", "audtsubject",
    ]  # fmt: skip


def test_captcha_from_json_and_payload() -> None:
    raw = samples.CAPTCHA["captcha"]
    captcha = Captcha.from_json(samples.CAPTCHA)
    assert (captcha.captcha, captcha.hidden, captcha.image) == (raw["captcha"], raw["hidden"], raw["image"])
    captcha.captcha = "abcde"  # callers fill in the answer: the class stays mutable
    assert captcha.payload() == {"captcha": "abcde", "hidden": raw["hidden"]}
    assert raw["image"] not in repr(captcha)


def test_default_captcha_is_the_solved_pair_with_a_png() -> None:
    assert CAPTCHA.payload() == {"captcha": "phw5n", "hidden": "gmBctEffdSg="}
    assert base64.b64decode(CAPTCHA.image, validate=True).startswith(b"\x89PNG\r\n\x1a\n")


def test_attendance_meta_keeps_raw_values() -> None:
    meta = AttendanceMeta(samples.ATTENDANCE_META)
    assert meta.raw_response is samples.ATTENDANCE_META
    header = samples.ATTENDANCE_META["headerlist"][0]
    assert meta.latest_header() == AttendanceHeader(**header)
    semesters = samples.ATTENDANCE_META["semlist"]
    assert meta.semesters == [Semester(s["registrationcode"], s["registrationid"]) for s in semesters]
    assert meta.latest_semester() is meta.semesters[0]


@pytest.mark.parametrize("key", ["headerlist", "semlist"])
def test_empty_lists_have_no_latest_entry(key: str) -> None:
    response = copy.deepcopy(samples.ATTENDANCE_META)
    response[key] = []
    meta = AttendanceMeta(response)
    latest = meta.latest_header if key == "headerlist" else meta.latest_semester
    # Both the new error and 0.1.0a9's IndexError catch it.
    with pytest.raises(NoEntriesFound) as caught:
        latest()
    assert isinstance(caught.value, NoDataFound)
    assert isinstance(caught.value, IndexError)
    assert caught.value.no_data
    assert str(caught.value) in {
        "the attendance metadata has no student header",
        "the attendance metadata lists no semester",
    }


def test_exam_event_keeps_raw_values() -> None:
    raw = samples.EXAM_EVENTS["eventcode"]["examevent"][0]
    event = ExamEvent.from_json(raw)
    assert event == ExamEvent(
        raw["exameventcode"],
        raw["eventfrom"],
        raw["exameventdesc"],
        raw["registrationid"],
        raw["exameventid"],
    )
    assert type(event.event_from) is int


def test_registrations_keep_raw_values_including_the_stray_tab() -> None:
    registrations = Registrations(samples.FACULTIES)
    assert registrations.raw_response is samples.FACULTIES
    assert registrations.total_credits == samples.FACULTIES["totalcreditpoints"]
    rows = samples.FACULTIES["registrations"]
    assert [subject.subject_code for subject in registrations.subjects] == [
        row["subjectcode"] for row in rows
    ]
    assert registrations.subjects[1].subject_code.endswith("\t")
    assert registrations.subjects[0].credits == rows[0]["credits"]
    assert registrations.subjects[0].employee_name == rows[0]["employeename"]
    assert registrations.subjects[0].audtsubject == rows[0]["audtsubject"]


def without(data: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != key}


@pytest.mark.parametrize(
    ("build", "data", "message"),
    [
        (AttendanceHeader.from_json, without(samples.ATTENDANCE_META["headerlist"][0], "stynumber"),
         "attendance header: missing field 'stynumber'"),
        (Semester.from_json, without(samples.ATTENDANCE_META["semlist"][0], "registrationid"),
         "semester: missing field 'registrationid'"),
        (AttendanceMeta, without(samples.ATTENDANCE_META, "semlist"),
         "attendance metadata: missing field 'semlist'"),
        (Captcha.from_json, {"captcha": without(samples.CAPTCHA["captcha"], "hidden")},
         "captcha: missing field 'hidden'"),
        (ExamEvent.from_json, without(samples.EXAM_EVENTS["eventcode"]["examevent"][0], "eventfrom"),
         "exam event: missing field 'eventfrom'"),
        (RegisteredSubject.from_json, without(samples.FACULTIES["registrations"][0], "credits"),
         "registered subject: missing field 'credits'"),
        (Registrations, without(samples.FACULTIES, "totalcreditpoints"),
         "registrations: missing field 'totalcreditpoints'"),
    ],
)  # fmt: skip
def test_missing_field_names_object_and_field(build: Any, data: dict[str, Any], message: str) -> None:
    with pytest.raises(ResponseFormatError) as caught:
        build(data)
    assert str(caught.value) == message


def test_mistyped_field_names_the_expected_type() -> None:
    row = dict(samples.FACULTIES["registrations"][0], credits="lots")
    with pytest.raises(ResponseFormatError, match=r"registered subject: field 'credits' should be a number"):
        RegisteredSubject.from_json(row)
    with pytest.raises(ResponseFormatError, match=r"semester: expected an object, got a list"):
        Semester.from_json([])
