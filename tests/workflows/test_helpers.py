"""The helpers the workflow tests stand on read workflows the way GitHub and bash do."""

from __future__ import annotations

import pytest

from tests.workflows.expressions import ExpressionError, evaluate, render, uses_status_function
from tests.workflows.model import event, matrix_combinations

CONTEXT = {**event("workflow_dispatch", "refs/tags/v1.0", publish=True), "matrix": {"python": "3.12"}}


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("github.event_name == 'WORKFLOW_DISPATCH'", True),  # strings compare without case
        ("github.ref != 'refs/heads/main'", True),
        ("startsWith(github.ref, 'refs/tags/v')", True),
        ("startsWith(github.ref, 'refs/heads/')", False),
        ("inputs.publish && 'yes' || 'no'", "yes"),  # && and || return an operand
        ("!inputs.publish", False),
        ("!inputs.missing", True),  # a missing property is null
        ("github.event.release.tag_name", None),
        ("true || false && false", True),  # && binds tighter than ||
        ("(true || false) && false", False),
        ("${{ matrix.python == '3.12' }}", True),
        ("always() && false", False),
        ("contains('a b', 'B')", True),
        ("'it''s'", "it's"),
    ],
)
def test_expressions_evaluate_as_on_github(expression: str, value: object) -> None:
    assert evaluate(expression, CONTEXT) == value


@pytest.mark.parametrize("expression", ["fromJSON('{}')", "a ==", "github.ref ~ 'x'", "(true"])
def test_unknown_or_broken_expressions_are_refused(expression: str) -> None:
    with pytest.raises(ExpressionError):
        evaluate(expression, CONTEXT)


def test_render_fills_templates_inside_text() -> None:
    assert render("tests-${{ matrix.python }} (${{ inputs.publish }})", CONTEXT) == "tests-3.12 (true)"


def test_status_functions_are_recognised_only_as_calls() -> None:
    assert uses_status_function("${{ always() }}")
    assert uses_status_function("failure() || cancelled()")
    assert not uses_status_function("github.event_name == 'push'")
    assert not uses_status_function("inputs.always")


def test_matrix_include_extends_or_adds_combinations() -> None:
    job = {
        "strategy": {
            "matrix": {
                "os": ["linux"],
                "python": ["3.10", "3.11"],
                "include": [{"python": "3.11", "extra": True}, {"os": "mac", "python": "3.10"}],
            }
        }
    }
    assert matrix_combinations(job) == [
        {"os": "linux", "python": "3.10"},
        {"os": "linux", "python": "3.11", "extra": True},
        {"os": "mac", "python": "3.10"},
    ]
    assert matrix_combinations({}) == [{}]
