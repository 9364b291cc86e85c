"""Subject choices, feedback, MOOC status and the portal configuration."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from pyjiit.exceptions import ResponseFormatError
from pyjiit.models import (
    FeedbackEvents,
    FeedbackGrid,
    FeedbackQuestions,
    MoocStage,
    MoocStatus,
    PortalConfig,
    Rating,
    SubjectChoices,
    TokenRefresh,
)
from pyjiit.utils import IST
from tests.models import samples


def test_subject_choices() -> None:
    choices = SubjectChoices.from_response(samples.SUBJECT_CHOICES)
    second_pick, first_pick = choices.choices
    assert (first_pick.subject_code, first_pick.preference, first_pick.allotted) == ("26B12CS312", 1, True)
    assert (second_pick.allotted, second_pick.elective_type, second_pick.audit) == (False, "Y", False)
    assert first_pick.frozen_at == dt.datetime(2026, 7, 24, 12, 29, tzinfo=IST)
    assert choices.allotted == (first_pick,)
    assert choices.total_credits == 22.0


def test_feedback_events_latest_is_the_last() -> None:
    events = FeedbackEvents.from_response(samples.FEEDBACK_EVENTS)
    assert events.latest is events.events[-1]
    assert events.latest.description == "END SEMESTER FEEDBACK"
    assert FeedbackEvents.from_response({"eventList": []}).latest is None


def test_feedback_grid_reads_numeric_ids_as_text() -> None:
    (subject,) = FeedbackGrid.from_response(samples.FEEDBACK_GRID).subjects
    assert subject.registration_id == "1001"
    assert subject.faculty_name == "TEST TEACHER"
    assert subject.raw["registrationid"] == 1001  # sent back to the portal as it came


def test_feedback_questions_and_ratings() -> None:
    first, second = FeedbackQuestions.from_response(samples.FEEDBACK_QUESTIONS).questions
    assert (first.question_id, first.rating, first.sequence) == ("Q1", None, None)
    assert (second.rating, second.sequence) == (Rating.GOOD, 2)
    assert [rating.value for rating in Rating] == [
        "UNSATISFIED",
        "SATISFIED",
        "GOOD",
        "VERY_GOOD",
        "EXCELLENT",
    ]


def test_unknown_rating_is_a_format_error() -> None:
    response = {"questionList": [{"questionid": "Q1", "questiondescription": "x", "rating": "SUPERB"}]}
    with pytest.raises(ResponseFormatError, match="feedback question: field 'rating' should be a rating"):
        FeedbackQuestions.from_response(response)


def test_mooc_status() -> None:
    status = MoocStatus.from_response(samples.MOOC_STATUS)
    done, pending = status.requests
    assert (status.locked, status.only_approved_by_vc, status.rejected) == (True, False, ())
    assert done.replaces == ("26B12CS318", "FUNDAMENTALS OF TEST-DRIVEN THINGS")
    assert [stage.title for stage in done.stages] == ["Submitted", "Review", "Approved"]
    review = done.stages[1]
    assert review.at == dt.datetime(2026, 7, 30, 14, 31, tzinfo=IST)
    assert (review.by, review.done, review.state) == ("ALPHA REVIEWER", True, "D")
    assert done.approved is True
    assert pending.approved is False
    assert (pending.stages[1].title, pending.stages[1].at, pending.stages[1].done) == ("Review", None, False)


def test_mooc_stage_rejects_non_text() -> None:
    with pytest.raises(ResponseFormatError, match="MOOC stage: expected a non-blank string, got a number"):
        MoocStage.from_response(3)


def test_portal_config() -> None:
    config = PortalConfig.from_response(samples.PORTAL_CONFIG)
    assert (config.client, config.google_sign_in_shown) == ("JIIT", True)
    assert config.google_token_url == samples.PORTAL_CONFIG["URLapiBase"]


def test_token_refresh_keeps_the_portal_message() -> None:
    answer = {"msg": "Token Referesh at the time of Login differnce timing = 3"}
    assert TokenRefresh.from_response(answer).message == answer["msg"]
    assert TokenRefresh.from_response({}).message is None
    with pytest.raises(ResponseFormatError, match="token refresh: field 'msg' should be a string"):
        TokenRefresh.from_response({"msg": 3})


def test_freeze_time_with_slashes() -> None:
    answer = copy.deepcopy(samples.SUBJECT_CHOICES)
    answer["subjectpreferencegrid"][0]["freezeddatetime"] = "05/07/2026 10:00 AM"
    choice = SubjectChoices.from_response(answer).choices[0]
    assert choice.frozen_at == dt.datetime(2026, 7, 5, 10, 0, tzinfo=IST)
