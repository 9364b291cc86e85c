"""The typed attendance models: the semester's subjects and the daily class list."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from pyjiit.exceptions import PyjiitError, ResponseFormatError
from pyjiit.models import (
    AttendanceDetail,
    AttendanceNotLoaded,
    ClassEntry,
    Component,
    DailyAttendance,
    SubjectAttendance,
)
from pyjiit.utils import IST
from tests.models import samples


def test_attendance_detail_parses_subjects_and_components() -> None:
    detail = AttendanceDetail.from_response(samples.ATTENDANCE_DETAIL)
    assert detail.current_semester == 5
    networks, lab = detail.subjects
    assert (networks.code, networks.name, networks.subject_id) == (
        "24B11CS313",
        "COMPUTER NETWORKS",
        "FAKE273B667F9161",
    )
    assert [part.component for part in networks.components] == [Component.LECTURE, Component.TUTORIAL]
    assert networks.component("T") is not None
    assert networks.component(Component.TUTORIAL).portal_percentage == 42.9  # type: ignore[union-attr]
    assert networks.component(Component.PRACTICAL) is None
    assert networks.portal_percentage == 71.4
    # The stray tab is gone from the code and from the name.
    assert (lab.code, lab.name) == ("26B16CS318", "FUNDAMENTALS OF COMPUTING FOR DATA SCIENCE LAB")
    assert [(part.component, part.component_id) for part in lab.components] == [
        (Component.PRACTICAL, "FAKE4EA533315784")
    ]
    assert lab.raw is samples.ATTENDANCE_DETAIL["studentattendancelist"][1]


def test_daily_attendance_parses_times_with_the_colon_quirk() -> None:
    daily = DailyAttendance.from_response(samples.DAILY_ATTENDANCE)
    first = daily.classes[0]
    assert first.date == dt.date(2026, 9, 18)
    assert first.start == dt.datetime(2026, 9, 18, 10, 0, tzinfo=IST)
    assert first.end == dt.datetime(2026, 9, 18, 10, 50, tzinfo=IST)
    assert (first.present, first.mark, first.class_type) == (True, "Present", "Regular")
    assert daily.classes[1].present is False
    assert daily.classes[2].start == dt.datetime(2026, 8, 19, 12, 0, tzinfo=IST)
    # Both AM/PM colons present: still read.
    assert daily.classes[3].end == dt.datetime(2025, 1, 1, 20, 50, tzinfo=IST)
    assert (daily.attended, daily.total) == (3, 4)
    assert daily.percentage == 75.0


def test_unreadable_time_range_keeps_the_day() -> None:
    entry = ClassEntry.from_response(samples.class_entry("18/09/2026 (soon)", "Absent"))
    assert (entry.date, entry.start, entry.end) == (dt.date(2026, 9, 18), None, None)


def test_unreadable_date_is_a_format_error() -> None:
    with pytest.raises(ResponseFormatError, match=r"class entry: field 'datetime' should be a date like"):
        ClassEntry.from_response(samples.class_entry("yesterday", "Present"))


def test_subject_counts_are_the_sum_of_its_components() -> None:
    networks = AttendanceDetail.from_response(samples.ATTENDANCE_DETAIL).subjects[0]
    lectures = DailyAttendance.from_response(samples.DAILY_ATTENDANCE)  # 3 of 4
    tutorials = DailyAttendance.from_response(
        {"studentAttdsummarylist": [samples.class_entry("16/09/2026 (02:00:PM - 02:50 PM)", "Absent")]}
    )
    loaded = networks.with_daily("L", lectures).with_daily(Component.TUTORIAL, tutorials)
    assert (loaded.attended, loaded.total) == (3, 5)
    assert loaded.percentage == 60.0
    assert loaded.component("L").percentage == 75.0  # type: ignore[union-attr]
    assert loaded.classes_needed() == 3  # 6 of 8 is 75 %
    assert networks.component("L").daily is None  # type: ignore[union-attr]  # the original is unchanged


def test_repr_shows_the_class_list_by_its_length() -> None:
    """Logging attendance with %r stays short; a semester's classes would be 30,000 characters."""
    row = samples.DAILY_ATTENDANCE["studentAttdsummarylist"][0]
    semester = DailyAttendance.from_response({"studentAttdsummarylist": [row] * 120})
    assert repr(semester) == "DailyAttendance(classes=<120 ClassEntry>)"
    assert repr(DailyAttendance.from_response({"studentAttdsummarylist": []})) == (
        "DailyAttendance(classes=<0 ClassEntry>)"
    )
    networks = AttendanceDetail.from_response(samples.ATTENDANCE_DETAIL).subjects[0]
    loaded = networks.with_classes(semester).with_daily("L", semester)
    text = repr(loaded)
    assert len(text) < 1000
    assert text.startswith("SubjectAttendance(subject_id='FAKE273B667F9161', code='24B11CS313', ")
    assert "components=(ComponentAttendance(component=<Component.LECTURE: 'L'>, " in text
    assert text.count("DailyAttendance(classes=<120 ClassEntry>)") == 2
    assert repr(semester.classes[0]) not in text
    # A class itself is shown whole.
    assert repr(semester.classes[0]).startswith("ClassEntry(date=datetime.date(")


def test_counts_before_the_daily_list_is_attached_say_so() -> None:
    networks = AttendanceDetail.from_response(samples.ATTENDANCE_DETAIL).subjects[0]
    with pytest.raises(ValueError, match="not loaded") as caught:
        _ = networks.attended
    # Inside pyjiit's tree of errors, as every error a typed property raises.
    assert isinstance(caught.value, AttendanceNotLoaded)
    assert isinstance(caught.value, PyjiitError)


def test_with_daily_rejects_a_component_the_subject_lacks() -> None:
    lab = AttendanceDetail.from_response(samples.ATTENDANCE_DETAIL).subjects[1]
    daily = DailyAttendance.from_response(samples.DAILY_ATTENDANCE)
    with pytest.raises(ValueError, match="26B16CS318 has no lecture component"):
        lab.with_daily("L", daily)


@pytest.mark.parametrize(
    ("build", "data", "key", "message"),
    [
        (AttendanceDetail.from_response, samples.ATTENDANCE_DETAIL, "studentattendancelist",
         "attendance detail: missing field 'studentattendancelist'"),
        (SubjectAttendance.from_response, samples.ATTENDANCE_DETAIL["studentattendancelist"][0],
         "individualsubjectcode", "subject attendance: missing field 'individualsubjectcode'"),
        (DailyAttendance.from_response, samples.DAILY_ATTENDANCE, "studentAttdsummarylist",
         "daily attendance: missing field 'studentAttdsummarylist'"),
        (ClassEntry.from_response, samples.DAILY_ATTENDANCE["studentAttdsummarylist"][0], "present",
         "class entry: missing field 'present'"),
    ],
)  # fmt: skip
def test_missing_field(build: object, data: dict[str, object], key: str, message: str) -> None:
    broken = copy.deepcopy(data)
    del broken[key]
    with pytest.raises(ResponseFormatError) as caught:
        build(broken)  # type: ignore[operator]
    assert str(caught.value) == message
