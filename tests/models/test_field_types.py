"""How models read the portal's loosely typed fields, and how they report a wrong one."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from pyjiit.attendance_math import classes_needed
from pyjiit.exceptions import ResponseFormatError
from pyjiit.models import (
    ClassEntry,
    Credits,
    CurrentSemester,
    DailyAttendance,
    ExamMarks,
    FeeHead,
    GradeCard,
    MoocRequest,
    MoocStage,
    PendingCharge,
    Qualification,
    RegisteredComponent,
    SemesterRecord,
    SubjectChoice,
)
from pyjiit.utils import IST
from tests.models import samples


def changed(sample: dict[str, Any], **fields: object) -> dict[str, Any]:
    result = copy.deepcopy(sample)
    result.update(fields)
    return result


def test_whole_numbers_come_as_numbers_floats_or_strings() -> None:
    head = samples.FEE_SUMMARY["feeHeads"][0]
    assert FeeHead.from_response(changed(head, stynumber=6.0)).semester_number == 6
    assert FeeHead.from_response(changed(head, stynumber=" 6 ")).semester_number == 6
    # Longer than a float holds exactly: still read digit for digit.
    big = "123456789012345678901234567890"
    assert CurrentSemester.from_response({"studentlov": {"currentsemester": big}}).semester_number == int(big)
    with pytest.raises(
        ResponseFormatError, match=r"field 'stynumber' should be a whole number, got a number 6\.5"
    ):
        FeeHead.from_response(changed(head, stynumber=6.5))


def test_numbers_too_large_for_a_float_are_format_errors() -> None:
    with pytest.raises(ResponseFormatError, match="credits: field 'earnedcredit' should be a number"):
        Credits.from_response(changed(samples.CREDITS, earnedcredit=10**400))
    with pytest.raises(ResponseFormatError, match="should be a number"):
        Credits.from_response(changed(samples.CREDITS, earnedcredit="nan"))


def test_long_wrong_values_are_shortened_in_messages() -> None:
    with pytest.raises(ResponseFormatError) as caught:
        Credits.from_response(changed(samples.CREDITS, earnedcredit="x" * 500))
    assert str(caught.value).endswith("...")
    assert len(str(caught.value)) < 200


def test_amounts_are_exact_decimals() -> None:
    charge = samples.PENDING_CHARGES[1]
    assert PendingCharge.from_response(changed(charge, charge=0.1)).charge == Decimal("0.1")
    for bad in ("a lot", "1e999", float("inf"), True, [1]):
        with pytest.raises(ResponseFormatError, match="pending charge: field 'charge' should be an amount"):
            PendingCharge.from_response(changed(charge, charge=bad))


def test_a_charge_without_any_amount_costs_nothing() -> None:
    assert PendingCharge.from_response({"servicename": "NOTICE"}).amount == Decimal(0)


def test_epoch_times_out_of_range_are_format_errors() -> None:
    row = samples.MARKS_SEMESTERS["semestercode"][0]
    for bad in (10**30, "1782844200000", float("nan")):
        with pytest.raises(
            ResponseFormatError, match="field 'registrationdatefrom' should be a time in epoch"
        ):
            SemesterRecord.from_response(changed(row, registrationdatefrom=bad))


def test_flags_and_booleans() -> None:
    choice = samples.SUBJECT_CHOICES["subjectpreferencegrid"][0]
    assert SubjectChoice.from_response(changed(choice, running=True)).allotted is True
    assert SubjectChoice.from_response(changed(choice, running=" y ")).allotted is True
    with pytest.raises(
        ResponseFormatError,
        match="""subject choice: field 'running' should be "Y" or "N", got a string 'maybe'""",
    ):
        SubjectChoice.from_response(changed(choice, running="maybe"))
    with pytest.raises(
        ResponseFormatError, match="grade card: field 'clientwiseshowreport' should be a boolean"
    ):
        GradeCard.from_response(changed(samples.GRADE_CARD, clientwiseshowreport="Y"))


def test_component_codes_are_checked() -> None:
    row = samples.FACULTIES["registrations"][0]
    assert RegisteredComponent.from_response(changed(row, subjectcomponentcode="t")).component.value == "T"
    with pytest.raises(
        ResponseFormatError, match="""field 'subjectcomponentcode' should be "L", "T" or "P\""""
    ):
        RegisteredComponent.from_response(changed(row, subjectcomponentcode="X"))


def test_a_record_with_only_optional_fields_still_checks_their_types() -> None:
    row = samples.PERSONAL_INFO["qualification"][0]
    assert Qualification.from_response({}).code is None
    with pytest.raises(
        ResponseFormatError, match="qualification: field 'yearofpassing' should be a whole number"
    ):
        Qualification.from_response(changed(row, yearofpassing="last year"))


def test_lists_are_checked() -> None:
    request = samples.MOOC_STATUS["totalsubjectDetailList"][0]
    with pytest.raises(ResponseFormatError, match="MOOC request: field 'totalStages' should be a list"):
        MoocRequest.from_response(changed(request, totalStages="Submitted"))
    with pytest.raises(ResponseFormatError, match=r"exam marks item 0: expected an object, got a number"):
        ExamMarks.from_response([1])


def test_impossible_clock_times_and_stage_dates_are_left_out() -> None:
    entry = ClassEntry.from_response(samples.class_entry("18/09/2026 (13:00:PM - 10:50 AM)", "Present"))
    assert (entry.start, entry.end) == (None, dt.datetime(2026, 9, 18, 10, 50, tzinfo=IST))
    stage = MoocStage.from_response("Submitted on 31-Feb-2026 10:00 AM")
    assert (stage.title, stage.at, stage.state, stage.done) == ("Submitted", None, None, False)


def test_counts_must_be_ints() -> None:
    with pytest.raises(TypeError, match="attended must be an int, got float"):
        classes_needed(1.0, 2)  # type: ignore[arg-type]


def test_goal_methods_on_models() -> None:
    daily = DailyAttendance.from_response(samples.DAILY_ATTENDANCE)  # 3 of 4
    assert daily.classes_can_miss(goal=60) == 1  # 3 of 5 is 60 %
    assert daily.classes_needed(goal=80) == 1  # 4 of 5 is 80 %
