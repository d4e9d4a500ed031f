"""`hireable jobs skills`: what the best openings ask for, and what shows it in the evidence."""

from __future__ import annotations

import json
from typing import Any

from hireable.core.market import SkillDemand, skill_demand, top_gap
from hireable.postings.rank import LearnerSkills
from tests.ranking.factory import add_postings, posting


def test_demand_counts_each_opening_once_and_names_the_strongest_proof() -> None:
    learner = LearnerSkills({"python": "api", "sql": "self", "docker": "profile"})
    demands = skill_demand(
        [["Python", "docker", "docker"], ["docker", "sql"], ["docker", "kubernetes"]], learner
    )
    assert [(d.skill, d.asked_by, d.shown_by) for d in demands] == [
        ("docker", 3, "profile only"),
        ("kubernetes", 1, "nothing"),
        ("python", 1, "verified"),
        ("sql", 1, "self-reported"),
    ]
    gap = top_gap(demands)
    assert gap is not None and gap.skill == "docker"
    assert gap.sentence() == (
        "3 of your 3 best openings ask for docker and none of your evidence shows it"
    )


def test_one_opening_is_not_a_market() -> None:
    assert top_gap([SkillDemand("rust", 1, 20, "nothing")]) is None


def test_jobs_skills_reads_the_best_openings(cli: Any, database_url: str) -> None:
    assert cli("init", "--name", "Sam", "--stage", "ml-entry", "--target", "ml-entry").code == 0
    added = cli(
        "evidence", "add", "project", "--title", "Forecasting demo", "--skill", "python",
        "--url", "https://github.com/sam/forecast",
    )
    assert added.code == 0, added.err
    add_postings(
        database_url,
        posting(1, skills=["python", "docker"]),
        posting(2, skills=["docker", "sql"]),
        posting(3, skills=["docker"]),
        posting(4, skills=["docker", "java"], closed_at=None, ml=False),
    )
    r = cli("jobs", "skills", "--top", "3", "--json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert data["openings"] == 3 and data["stage"] == "ml-entry"
    by_skill = {s["skill"]: s for s in data["skills"]}
    assert by_skill["docker"]["asked_by"] == 3 and by_skill["docker"]["shown_by"] == "nothing"
    assert by_skill["python"]["shown_by"] == "linked"
    assert "java" not in by_skill  # the non-ML posting ranks below the top 3
    assert data["top_gap"]["skill"] == "docker"
    text = cli("jobs", "skills", "--top", "3")
    assert "3 of your 3 best openings ask for docker" in text.out


def test_jobs_skills_bad_input(cli_sqlite: Any) -> None:
    r = cli_sqlite("jobs", "skills")
    assert r.code == 1 and r.err.startswith("error: ") and "init" in r.err
    bad = cli_sqlite("jobs", "skills", "--top", "0")
    assert bad.code == 1 and "--top must be between 1 and 500" in bad.err


def test_status_and_plan_turn_the_top_gap_into_the_next_doing_block(
    cli: Any, database_url: str
) -> None:
    assert cli("init", "--name", "Sam", "--stage", "ml-entry", "--target", "ml-entry").code == 0
    add_postings(
        database_url,
        posting(1, skills=["python", "docker"]),
        posting(2, skills=["docker", "sql"]),
        posting(3, skills=["docker"]),
    )
    sentence = "3 of your 3 best openings ask for docker and none of your evidence shows it"
    status = json.loads(cli("status", "--json").out)
    assert any(a.startswith(sentence) for a in status["next_actions"])
    assert status["this_week"]["do"]["deliverable"].endswith(", and make it show docker")
    plan = json.loads(cli("plan", "--weeks", "2", "--json").out)
    first, second = plan["weeks"]
    assert first["market"] == sentence and "docker" in first["do"]["deliverable"]
    assert second["market"] is None and "docker" not in second["do"]["deliverable"]
    assert f"market: {sentence}" in " ".join(cli("plan", "--weeks", "1").out.split())

    shown = cli(
        "evidence", "add", "project", "--title", "Containerised demo", "--skill", "docker",
        "--url", "https://github.com/sam/containers",
    )
    assert shown.code == 0, shown.err
    after = json.loads(cli("status", "--json").out)
    assert not any("docker" in a for a in after["next_actions"])


def test_no_postings_no_market_action(cli: Any) -> None:
    assert cli("init", "--name", "Sam", "--stage", "ml-entry", "--target", "ml-entry").code == 0
    plan = json.loads(cli("plan", "--weeks", "1", "--json").out)
    assert plan["weeks"][0]["market"] is None
