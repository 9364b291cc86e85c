"""``pyjiit demo``: the whole tour on a built-in fake portal, with no account."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from pyjiit.cli.commands import DEMO_LATENCY
from pyjiit.cli.parser import build_parser
from pyjiit.testing.data import DEMO

if TYPE_CHECKING:
    from tests.cli.conftest import Cli


def test_demo_tour(fresh_cli: Cli) -> None:
    # A latency above zero, as by default (next test), so the spinner runs, but not the default's wait.
    result = fresh_cli("demo", "--latency", "0.01")
    assert result.code == 0, result.stderr
    assert f"Logged in as {DEMO.name} ({DEMO.username})" in result.stdout
    for heading in (f"Attendance, {DEMO.current.registrationcode}", "Results", "Grade card, ", "Fees"):
        assert heading in result.stdout
    assert result.stdout.rstrip().endswith("pyjiit login ENROLLMENT_NO")
    # The demo keeps its session to itself.
    assert not fresh_cli.cache.exists()


def test_the_demo_has_a_little_of_the_real_portals_slowness_by_default() -> None:
    assert build_parser().parse_args(["demo"]).latency == DEMO_LATENCY > 0


def test_demo_json(fresh_cli: Cli) -> None:
    data = fresh_cli("--json", "demo", "--latency", "0").json()
    assert set(data) == {"account", "attendance", "exams", "grades", "fees"}
    assert data["account"]["name"] == DEMO.name
    assert data["attendance"]["semester"] == DEMO.current.registrationcode
    assert {row["code"] for row in data["attendance"]["subjects"]} == {
        s.clean_code for s in DEMO.current.subjects
    }
    assert data["exams"]["semester"] == DEMO.current.registrationcode
    assert len(data["grades"]["results"]) == sum(semester.graded for semester in DEMO.semesters)
    assert len(data["fees"]["fees"]) == len(DEMO.semesters)


@pytest.mark.parametrize("latency", ["-1", "soon", "inf", "86401", "1e308"])
def test_demo_latency_must_be_seconds(fresh_here: Cli, latency: str) -> None:
    result = fresh_here("demo", "--latency", latency)
    assert result.code == 2
    assert "argument --latency" in result.stderr
    assert result.stdout == ""
