"""Grade card, SGPA/CGPA and programme models."""

from __future__ import annotations

from pyjiit.models import GradeCard, SemesterResults, StudentProgram
from tests.models import samples


def test_grade_card_entries() -> None:
    card = GradeCard.from_response(samples.GRADE_CARD)
    passed, failed = card.entries
    assert (passed.subject_code, passed.grade, passed.grade_point, passed.credits) == (
        "19B14CS413",
        "A+",
        10.0,
        2.0,
    )
    assert (passed.earned_credits, passed.points_secured, passed.semester_number) == (2.0, 20.0, 5)
    assert passed.minor is False
    assert (failed.grade, failed.earned_credits) == ("F", 0.0)
    assert card.show_report is False


def test_semester_results_map_the_misleading_credit_names() -> None:
    first, second = SemesterResults.from_response(samples.SEMESTER_RESULTS).semesters
    raw = samples.SEMESTER_RESULTS["semesterList"][1]
    assert (second.semester_number, second.sgpa, second.cgpa) == (2, 7.8, 7.7)
    # Singular "totalearnedcredit" is this semester; plural "totalearnedcredits" is the running total.
    assert second.earned_credits == raw["totalearnedcredit"] == 18.5
    assert second.cumulative_earned_credits == raw["totalearnedcredits"] == 41.0
    assert second.cumulative_earned_credits == first.earned_credits + second.earned_credits
    assert second.cumulative_registered_credits == first.registered_credits + second.registered_credits
    assert second.cumulative_grade_points == first.grade_points + second.grade_points
    # CGPA is cumulative grade points over cumulative earned credits.
    assert round(second.cumulative_grade_points / second.cumulative_earned_credits, 1) == second.cgpa


def test_student_program() -> None:
    program = StudentProgram.from_response(samples.STUDENT_PROGRAM)
    info = samples.STUDENT_PROGRAM["studentinfo"]
    assert (program.program_id, program.branch_id) == (info["programid"], info["branchid"])
    assert (program.program_code, program.branch_code, program.max_semesters) == ("B.T", "CSE", 5)
