"""Every entry point: a missing field names the model and the field, and any JSON gives a model or a
ResponseFormatError, never another exception."""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import inspect
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyjiit.exceptions import PyjiitError, ResponseFormatError
from pyjiit.models import (
    AdvanceAmount,
    AttendanceDetail,
    AttendanceHeader,
    AttendanceMeta,
    BankInfo,
    Captcha,
    ChoiceSemesters,
    ClassEntry,
    Credits,
    CurrentSemester,
    DailyAttendance,
    ExamEvent,
    ExamEvents,
    ExamMarks,
    ExamSchedule,
    ExamScheduleEntry,
    ExamSemesters,
    FeedbackEvent,
    FeedbackEvents,
    FeedbackGrid,
    FeedbackQuestion,
    FeedbackQuestions,
    FeedbackSubject,
    FeeHead,
    FeeSummary,
    GradeCard,
    GradeCardEntry,
    GradeCardSemesters,
    HostelAllocation,
    MarksSemesters,
    Model,
    MoocRequest,
    MoocSemesters,
    MoocStage,
    MoocStatus,
    PendingCharge,
    PendingCharges,
    PersonalInfo,
    PortalConfig,
    Qualification,
    RegisteredComponent,
    RegisteredSubject,
    Registrations,
    Semester,
    SemesterList,
    SemesterRecord,
    SemesterResult,
    SemesterResults,
    StudentProgram,
    SubjectAttendance,
    SubjectChoice,
    SubjectChoices,
    SubjectRegistrations,
    SubjectSemesters,
    TokenRefresh,
    account,
    attendance,
    choices,
    exams,
    feedback,
    fees,
    grades,
    mooc,
    registration,
    semesters,
    student,
)
from tests.models import samples

if TYPE_CHECKING:
    from collections.abc import Callable

# Every way to build a model from the portal's JSON.
ENTRY_POINTS: list[Callable[[Any], object]] = [
    Captcha.from_json,
    AttendanceHeader.from_json,
    Semester.from_json,
    AttendanceMeta,
    ExamEvent.from_json,
    RegisteredSubject.from_json,
    Registrations,
    AttendanceDetail.from_response,
    SubjectAttendance.from_response,
    DailyAttendance.from_response,
    ClassEntry.from_response,
    SubjectRegistrations.from_response,
    RegisteredComponent.from_response,
    ExamEvents.from_response,
    ExamSchedule.from_response,
    ExamScheduleEntry.from_response,
    ExamMarks.from_response,
    SemesterRecord.from_response,
    SubjectSemesters.from_response,
    ExamSemesters.from_response,
    MarksSemesters.from_response,
    GradeCardSemesters.from_response,
    MoocSemesters.from_response,
    SemesterList.from_response,
    ChoiceSemesters.from_response,
    CurrentSemester.from_response,
    GradeCard.from_response,
    GradeCardEntry.from_response,
    SemesterResults.from_response,
    SemesterResult.from_response,
    StudentProgram.from_response,
    FeeSummary.from_response,
    FeeHead.from_response,
    AdvanceAmount.from_response,
    PendingCharges.from_response,
    PendingCharge.from_response,
    PersonalInfo.from_response,
    Qualification.from_response,
    BankInfo.from_response,
    HostelAllocation.from_response,
    Credits.from_response,
    SubjectChoices.from_response,
    SubjectChoice.from_response,
    FeedbackEvents.from_response,
    FeedbackEvent.from_response,
    FeedbackGrid.from_response,
    FeedbackSubject.from_response,
    FeedbackQuestions.from_response,
    FeedbackQuestion.from_response,
    MoocStatus.from_response,
    MoocRequest.from_response,
    MoocStage.from_response,
    PortalConfig.from_response,
    TokenRefresh.from_response,
]

# (entry point, a valid sample, the path of the field to delete, the error expected without it)
MISSING_FIELDS: list[tuple[Callable[[Any], object], Any, tuple[str | int, ...], str]] = [
    (SubjectRegistrations.from_response, samples.FACULTIES, ("totalcreditpoints",),
     "subject registrations: missing field 'totalcreditpoints'"),
    (SubjectRegistrations.from_response, samples.FACULTIES, ("registrations", 0, "subjectcomponentcode"),
     "registered component: missing field 'subjectcomponentcode'"),
    (ExamEvents.from_response, samples.EXAM_EVENTS, ("eventcode",), "exam events: missing field 'eventcode'"),
    (ExamSchedule.from_response, samples.EXAM_SCHEDULE, ("subjectinfo", 0, "datetime"),
     "exam schedule entry: missing field 'datetime'"),
    (SubjectSemesters.from_response, samples.SUBJECT_SEMESTERS, ("registrations", 1, "registrationid"),
     "semester: missing field 'registrationid'"),
    (ExamSemesters.from_response, samples.EXAM_SEMESTERS, ("semesterCodeinfo", "semestercode"),
     "exam semesters semesterCodeinfo: missing field 'semestercode'"),
    (MarksSemesters.from_response, samples.MARKS_SEMESTERS, ("semestercode",),
     "marks semesters: missing field 'semestercode'"),
    (GradeCardSemesters.from_response, samples.GRADE_CARD_SEMESTERS, ("registrations", 0, "registrationcode"),
     "semester: missing field 'registrationcode'"),
    (MoocSemesters.from_response, samples.MOOC_SEMESTERS, (0, "registrationid"),
     "semester: missing field 'registrationid'"),
    (ChoiceSemesters.from_response, samples.CHOICE_SEMESTERS, ("registrationcodelist",),
     "choice semesters: missing field 'registrationcodelist'"),
    (CurrentSemester.from_response, samples.CURRENT_SEMESTER, ("studentlov", "currentsemester"),
     "current semester studentlov: missing field 'currentsemester'"),
    (GradeCard.from_response, samples.GRADE_CARD, ("gradecard", 1, "grade"),
     "grade card entry: missing field 'grade'"),
    (SemesterResults.from_response, samples.SEMESTER_RESULTS, ("semesterList", 0, "totalearnedcredits"),
     "semester result: missing field 'totalearnedcredits'"),
    (StudentProgram.from_response, samples.STUDENT_PROGRAM, ("studentinfo", "programid"),
     "student program studentinfo: missing field 'programid'"),
    (FeeSummary.from_response, samples.FEE_SUMMARY, ("feeHeads", 0, "dueamount"),
     "fee head: missing field 'dueamount'"),
    (FeeSummary.from_response, samples.FEE_SUMMARY, ("advanceamount", 0, "amount"),
     "advance amount: missing field 'amount'"),
    (PendingCharges.from_response, samples.PENDING_CHARGES, (1, "servicename"),
     "pending charge: missing field 'servicename'"),
    (PersonalInfo.from_response, samples.PERSONAL_INFO, ("generalinformation", "registrationno"),
     "personal information generalinformation: missing field 'registrationno'"),
    (BankInfo.from_response, samples.BANK_INFO, ("bankinfo",), "bank information: missing field 'bankinfo'"),
    (HostelAllocation.from_response, samples.HOSTEL, ("presenthosteldetail", "hosteldescription"),
     "hostel allocation presenthosteldetail: missing field 'hosteldescription'"),
    (Credits.from_response, samples.CREDITS, ("earnedcredit",), "credits: missing field 'earnedcredit'"),
    (SubjectChoices.from_response, samples.SUBJECT_CHOICES, ("subjectpreferencegrid", 0, "running"),
     "subject choice: missing field 'running'"),
    (FeedbackEvents.from_response, samples.FEEDBACK_EVENTS, ("eventList", 0, "eventid"),
     "feedback event: missing field 'eventid'"),
    (FeedbackGrid.from_response, samples.FEEDBACK_GRID, ("gridData", 0, "subjectcomponentid"),
     "feedback subject: missing field 'subjectcomponentid'"),
    (FeedbackQuestions.from_response, samples.FEEDBACK_QUESTIONS, ("questionList", 1, "questionid"),
     "feedback question: missing field 'questionid'"),
    (MoocStatus.from_response, samples.MOOC_STATUS, ("totalsubjectDetailList", 0, "subjectcode"),
     "MOOC request: missing field 'subjectcode'"),
    (PortalConfig.from_response, samples.PORTAL_CONFIG, ("logoClientWise",),
     "portal config: missing field 'logoClientWise'"),
]  # fmt: skip


def without(sample: Any, path: tuple[str | int, ...]) -> Any:
    """A deep copy of ``sample`` with the field at ``path`` deleted."""
    broken = copy.deepcopy(sample)
    *parents, last = path
    node = broken
    for step in parents:
        node = node[step]
    del node[last]
    return broken


@pytest.mark.parametrize(("build", "sample", "path", "message"), MISSING_FIELDS)
def test_missing_field_names_the_model_and_the_field(
    build: Callable[[Any], object], sample: Any, path: tuple[str | int, ...], message: str
) -> None:
    build(sample)  # the intact sample parses
    with pytest.raises(ResponseFormatError) as caught:
        build(without(sample, path))
    assert str(caught.value) == message


def owner(entry: Callable[[Any], object]) -> str:
    """The name of the model an entry point builds."""
    if isinstance(entry, type):
        return entry.__name__
    bound = getattr(entry, "__self__", None)  # a classmethod, bound to the (sub)class it was read from
    return bound.__name__ if isinstance(bound, type) else entry.__qualname__.split(".")[0]


def test_every_model_is_fuzzed() -> None:
    # A model added to a module but not to ENTRY_POINTS would escape the fuzz test below.
    fuzzed = {owner(entry) for entry in ENTRY_POINTS}
    for module in (account, attendance, choices, exams, feedback, fees, grades, mooc, registration, semesters,
                   student):  # fmt: skip
        for name in module.__all__:
            model = getattr(module, name)
            if hasattr(model, "from_response") or hasattr(model, "from_json"):
                assert name in fuzzed, f"{module.__name__}.{name} is not in ENTRY_POINTS"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=6)
    ),
    max_leaves=30,
)


def read_properties(model: object) -> None:
    """Read every public property of ``model`` and of the models it holds; only a PyjiitError may escape.

    A typed property never raises outside pyjiit's tree of errors, whatever the model was built from.
    """
    for name, _ in inspect.getmembers(type(model), lambda member: isinstance(member, property)):
        if name.startswith("_"):
            continue
        with contextlib.suppress(PyjiitError):
            getattr(model, name)
    if dataclasses.is_dataclass(model):
        for field in dataclasses.fields(model):
            value = getattr(model, field.name)
            for item in value if isinstance(value, tuple) else (value,):
                if isinstance(item, Model) or dataclasses.is_dataclass(item):
                    read_properties(item)


def build_or_format_error(build: Callable[[Any], object], value: object) -> None:
    """Call ``build``; a ResponseFormatError with a message is fine, any other exception fails the test.

    What it builds has properties that raise nothing outside pyjiit's errors.
    """
    try:
        model = build(value)
    except ResponseFormatError as error:
        message = str(error)
    else:
        read_properties(model)
        return
    assert message, f"{owner(build)} raised a ResponseFormatError without a message"


@settings(max_examples=200, deadline=None)
@given(value=json_values)
def test_arbitrary_json_gives_a_model_or_a_format_error(value: object) -> None:
    # Every value goes to every entry point: one cheap loop instead of a Hypothesis run per model.
    for build in ENTRY_POINTS:
        build_or_format_error(build, value)


def mutations(sample: Any) -> st.SearchStrategy[Any]:
    """Samples with one leaf replaced by arbitrary JSON: near-valid answers reach deep parsing code."""
    paths: list[tuple[Any, ...]] = []

    def walk(node: Any, path: tuple[Any, ...]) -> None:
        paths.append(path)
        if isinstance(node, dict):
            for key, child in node.items():
                walk(child, (*path, key))
        elif isinstance(node, list):
            for index, child in enumerate(node):
                walk(child, (*path, index))

    walk(sample, ())

    def replace(path: tuple[Any, ...], value: object) -> Any:
        if not path:
            return value
        changed = copy.deepcopy(sample)
        node = changed
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value
        return changed

    return st.builds(replace, st.sampled_from(paths), json_values)


NEAR_VALID = [(build, sample) for build, sample, _, _ in MISSING_FIELDS] + [
    (AttendanceDetail.from_response, samples.ATTENDANCE_DETAIL),
    (DailyAttendance.from_response, samples.DAILY_ATTENDANCE),
    (AttendanceMeta, samples.ATTENDANCE_META),
    (Registrations, samples.FACULTIES),
    (Captcha.from_json, samples.CAPTCHA),
    (ExamMarks.from_response, samples.EXAM_MARKS),
]


@settings(max_examples=250, deadline=None)
@given(data=st.data())
def test_near_valid_json_gives_a_model_or_a_format_error(data: st.DataObject) -> None:
    build, sample = data.draw(st.sampled_from(NEAR_VALID))
    build_or_format_error(build, data.draw(mutations(sample)))
