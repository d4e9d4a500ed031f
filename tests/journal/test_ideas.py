"""Ideas: five questions weighted by goal, shortlist with arithmetic, pick and baseline."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from hireable.core.ideas import FIELDS, GOALS, QUESTIONS, nudges, score, shortlist
from hireable.errors import ValidationError

if TYPE_CHECKING:
    from tests.conftest import CliRunner

FIVES = dict.fromkeys(FIELDS, 5)


@dataclass
class FakeIdea:
    id: int
    title: str
    impress: int | None = None
    quick_model: int | None = None
    feasible: int | None = None
    angle: int | None = None
    excitement: int | None = None
    goal: str | None = None
    note: str | None = None


def scored(id: int, title: str, values: tuple[int, ...], goal: str = "resume") -> FakeIdea:
    return FakeIdea(id, title, *values, goal=goal)


def test_goal_weights_are_one_table_covering_the_five_questions() -> None:
    assert [f for f, _ in QUESTIONS] == list(FIELDS)
    assert set(GOALS) == {"resume", "marketing", "advocacy"}
    for goal in GOALS.values():
        assert set(goal.weights) == set(FIELDS) and goal.rationale


def test_score_shows_its_arithmetic() -> None:
    result = score(
        1,
        "x",
        {"impress": 5, "quick_model": 4, "feasible": 3, "angle": 2, "excitement": 1},
        "resume",
    )
    # resume weights 1, 1, 1.5, 2, 1: 5 + 4 + 4.5 + 4 + 1 = 18.5 of 32.5
    assert result.arithmetic == "(1×5 + 1×4 + 1.5×3 + 2×2 + 1×1) = 18.5 / 32.5 → 57"
    assert result.score == 57
    assert score(1, "x", FIVES, "marketing").score == 100
    # The goal changes the ranking: a 30-second wow counts most for marketing.
    wow = {"impress": 5, "quick_model": 3, "feasible": 3, "angle": 1, "excitement": 3}
    solid = {"impress": 1, "quick_model": 3, "feasible": 3, "angle": 5, "excitement": 3}
    assert score(1, "", wow, "marketing").score > score(2, "", solid, "marketing").score
    assert score(1, "", wow, "resume").score < score(2, "", solid, "resume").score


def test_shortlist_is_the_top_five_scored_ideas() -> None:
    ideas = [scored(n, f"idea {n}", (n % 5 + 1,) * 5) for n in range(1, 9)] + [
        FakeIdea(9, "unscored")
    ]
    top = shortlist(ideas)  # type: ignore[arg-type]
    assert len(top) == 5
    assert [t.score for t in top] == sorted((t.score for t in top), reverse=True)
    assert [t.idea_id for t in top] == [4, 3, 8, 2, 7]  # equal scores: older first
    assert 9 not in [t.idea_id for t in top]
    with pytest.raises(ValidationError, match="unknown goal 'fame'"):
        shortlist(ideas, "fame")  # type: ignore[arg-type]


def test_nudges_ask_for_twenty_ideas_and_flag_toy_datasets() -> None:
    ideas = [
        FakeIdea(1, "Digit recognition on MNIST"),
        FakeIdea(2, "Survival model", note="Titanic data"),
    ]
    notes = nudges(ideas)  # type: ignore[arg-type]
    assert any("only 2 ideas collected" in n and "20" in n for n in notes)
    assert sum("toy dataset" in n for n in notes) == 2
    many = [scored(n, f"Bird calls {n}", (3,) * 5) for n in range(20)]
    assert nudges(many) == []  # type: ignore[arg-type]


def test_idea_flow_on_the_command_line(cli: CliRunner) -> None:
    assert (
        cli("idea", "add", "Bird calls from cheap mics", "--url", "https://x.org/birds").code == 0
    )
    result = cli("idea", "add", "Cats vs dogs classifier")
    assert "toy dataset" in result.out
    result = cli(
        "idea",
        "score",
        "1",
        "--impress",
        "4",
        "--quick-model",
        "5",
        "--feasible",
        "3",
        "--angle",
        "4",
        "--excitement",
        "5",
        "--goal",
        "advocacy",
    )
    assert result.code == 0, result.err
    assert "1.5×4 + 2×5 + 1×3 + 0.5×4 + 1.5×5" in result.out

    result = cli("idea", "shortlist")
    assert result.code == 0
    assert "only 2 ideas collected" in result.out and "1 idea not scored yet (2)" in result.out
    assert "idea 2 (Cats vs dogs classifier) uses a toy dataset" in result.out
    assert "1. idea 1 Bird calls from cheap mics" in result.out and "→" in result.out
    data = json.loads(cli("idea", "shortlist", "--json").out)
    assert data["shortlist"][0]["idea_id"] == 1 and data["shortlist"][0]["goal"] == "advocacy"

    assert cli("idea", "pick", "1").code == 0
    listed = json.loads(cli("idea", "list", "--json").out)
    assert listed[0]["picked_on"] == dt.date.today().isoformat()
    assert listed[0]["score"] is not None and listed[1]["toy"] is True
    assert (
        cli("idea", "baseline", "1", "--artifact", "https://colab.research.google.com/x").code == 0
    )
    assert json.loads(cli("idea", "list", "--json").out)[0]["baseline"].startswith("https://")


SCORE = ("--impress", "3", "--quick-model", "3", "--feasible", "3", "--angle", "3")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("idea", "score", "1", *SCORE, "--excitement", "6"),
            "--excitement must be a whole number from 1 to 5",
        ),
        (("idea", "score", "1", *SCORE, "--excitement", "0"), "from 1 to 5"),
        (
            ("idea", "score", "1", *SCORE, "--excitement", "3", "--goal", "fame"),
            "unknown goal 'fame'",
        ),
        (("idea", "score", "7", *SCORE, "--excitement", "3"), "no idea with id 7"),
        (("idea", "pick", "7"), "no idea with id 7"),
        (("idea", "baseline", "1", "--artifact", "not a url"), "http"),
        (("idea", "shortlist", "--goal", "fame"), "unknown goal"),
        (("idea", "add", "  "), "title"),
    ],
)
def test_bad_idea_input_is_one_line_and_changes_nothing(
    cli: CliRunner, args: tuple[str, ...], message: str
) -> None:
    cli("idea", "add", "Bird calls")
    before = cli("idea", "list", "--json").out
    result = cli(*args)
    assert result.code == 1
    assert result.err.startswith("error: ") and result.err.count("\n") == 1
    assert message in result.err
    assert cli("idea", "list", "--json").out == before


def test_idea_list_at_80_columns_is_one_line_per_idea(
    cli_sqlite: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    long_title = "Detect leaks in village water pipes from the sound of pumps recorded by phone"
    assert cli_sqlite("idea", "add", long_title).code == 0
    assert cli_sqlite("idea", "add", "Bird calls").code == 0
    monkeypatch.setenv("COLUMNS", "80")
    lines = cli_sqlite("idea", "list").out.splitlines()
    assert lines[0].split() == ["id", "title", "scores", "goal", "score", "picked", "baseline"]
    assert len(lines) == 3 and all(len(line) <= 80 for line in lines)
    assert lines[1].split()[0] == "1" and "…" in lines[1] and lines[1].rstrip().endswith("-")
