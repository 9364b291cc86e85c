"""Exam models: events, schedule and JSON marks."""

from __future__ import annotations

import datetime as dt

import pytest

from pyjiit.exceptions import ResponseFormatError
from pyjiit.models import ExamEvent, ExamEvents, ExamMarks, ExamSchedule
from pyjiit.utils import IST
from tests.models import samples


def test_exam_events_are_0_1_0a9_exam_events() -> None:
    events = ExamEvents.from_response(samples.EXAM_EVENTS)
    raw = samples.EXAM_EVENTS["eventcode"]["examevent"][0]
    assert events.events == (ExamEvent.from_json(raw),)
    assert events.events[0].exam_event_id == raw["exameventid"]


def test_exam_schedule_parses_dates_times_and_unassigned_rooms() -> None:
    schedule = ExamSchedule.from_response(samples.EXAM_SCHEDULE)
    first, second = schedule.entries
    assert first.date == dt.date(2026, 10, 12)
    assert first.start == dt.datetime(2026, 10, 12, 15, 30, tzinfo=IST)
    assert first.end == dt.datetime(2026, 10, 12, 16, 30, tzinfo=IST)
    assert (first.subject_code, first.subject_name) == (
        "20B13HS311",
        "INDIAN CONSTITUTION & TRADITIONAL KNOWLEDGE",
    )
    assert (first.room, first.seat) == ("CR-4", "B12")
    assert (second.room, second.seat) == (None, None)
    assert second.start == dt.datetime(2026, 10, 15, 13, 0, tzinfo=IST)


def test_exam_schedule_without_a_time_range_keeps_the_day() -> None:
    row = dict(samples.EXAM_SCHEDULE["subjectinfo"][0], datetimeupto=None)
    entry = ExamSchedule.from_response({"subjectinfo": [row]}).entries[0]
    assert (entry.date, entry.start, entry.end) == (dt.date(2026, 10, 12), None, None)


def test_exam_marks_keep_records_as_sent() -> None:
    marks = ExamMarks.from_response(samples.EXAM_MARKS)
    assert marks.records == tuple(samples.EXAM_MARKS)
    single = ExamMarks.from_response(samples.EXAM_MARKS[0])
    assert single.records == (samples.EXAM_MARKS[0],)


def test_exam_marks_give_one_record_per_subject_whether_listed_or_wrapped() -> None:
    other = dict(samples.EXAM_MARKS[0], subjectcode="24B11CS313", subjectdesc="NETWORKS")
    rows = [*samples.EXAM_MARKS, other]
    listed = ExamMarks.from_response(rows)
    wrapped = ExamMarks.from_response({"studentmarks": rows, "semester": "2026ODDSEM"})
    assert listed.records == wrapped.records == tuple(rows)
    assert [record["subjectcode"] for record in wrapped.records] == ["24B11CS312", "24B11CS313"]
    assert listed == wrapped  # the same records, whatever the form; raw differs
    assert ExamMarks.from_response({"studentmarks": []}).records == ()


def test_exam_marks_with_several_lists_say_which() -> None:
    with pytest.raises(ResponseFormatError, match=r"^exam marks: .*several lists \('a', 'b'\)$"):
        ExamMarks.from_response({"a": list(samples.EXAM_MARKS), "b": []})
