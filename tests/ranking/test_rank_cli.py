"""`hireable jobs rank` end to end, and the score explanation `jobs show` prints."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

from tests.ranking.factory import NOW, TODAY, add_postings, posting

if TYPE_CHECKING:
    from tests.conftest import CliRunner


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("hireable.clock.today", lambda: TODAY)


def _learner(cli: CliRunner, *skills: str) -> None:
    args = [f"--skill={s}" for s in skills]
    assert (
        cli("init", "--name", "Ada", "--stage", "ml-entry", "--target", "ml-entry", *args).code == 0
    )


def _ranked(cli: CliRunner, *args: str) -> list[dict[str, Any]]:
    result = cli("jobs", "rank", "--json", *args)
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_ranking_orders_postings_that_differ_in_one_factor(
    cli: CliRunner, database_url: str
) -> None:
    _learner(cli)
    assert cli(
        "evidence", "add", "competition", "--title", "Kaggle vision, rank 12 of 2000",
        "--url", "https://kaggle.com/ada", "--metric", "rank=12", "--metric", "teams=2000",
        "--skill", "PyTorch",
    ).code == 0  # fmt: skip
    pairs = {
        "degree": ({"degree": "none"}, {"degree": "required"}),
        "seniority": ({"seniority": "entry"}, {"seniority": "senior"}),
        "ml": ({"ml": True}, {"ml": False, "title": "Data Analyst"}),
        "size": ({"size_band": "11-50"}, {"size_band": "1000+"}),
        "skills": ({"skills": ["pytorch"]}, {"skills": ["tableau"]}),
    }
    for factor, (better, worse) in pairs.items():
        ids = add_postings(
            database_url,
            posting(2, external_id=f"{factor}-worse", **worse),
            posting(1, external_id=f"{factor}-better", **better),
        )
        ranked = [r["external_id"] for r in _ranked(cli, "--limit", "100")]
        assert ranked.index(f"{factor}-better") < ranked.index(f"{factor}-worse"), factor
        assert ids


def test_rank_json_has_the_fields_and_reasons(cli: CliRunner, database_url: str) -> None:
    _learner(cli, "python")
    (pid,) = add_postings(database_url, posting(1, salary={"min": 90000, "currency": "USD"}))
    (row,) = _ranked(cli)
    assert row["posting_id"] == pid and row["external_id"] == "job-1"
    assert row["source"] == "greenhouse:acme" and row["company"] == "Acme Vision"
    assert row["url"].startswith("https://") and 0 <= row["score"] <= 100
    assert row["analysis"] == {
        "degree": "none",
        "degree_level": "none",
        "seniority": "entry",
        "years_min": 1,
        "ml": True,
        "ml_clear": True,
        "remote": True,
        "salary": {"min": 90000, "currency": "USD"},
        "skills": ["python", "pytorch"],
    }
    factors = {r["factor"]: r for r in row["reasons"]}
    assert {"degree", "seniority", "years", "ml", "size", "competition", "skills", "freshness"} <= (
        set(factors)
    )
    assert factors["skills"]["text"] == "you show skills it asks for (profile: python)"
    assert row["score"] == min(100, 50 + sum(r["points"] for r in row["reasons"]))


def test_closed_and_duplicate_postings_are_left_out_unless_asked(
    cli: CliRunner, database_url: str
) -> None:
    _learner(cli)
    (canonical,) = add_postings(database_url, posting(1))
    add_postings(
        database_url,
        posting(2, closed_at=NOW, title="Closed ML Engineer"),
        posting(3, duplicate_of_id=canonical, source="linkedin"),
    )
    assert [r["external_id"] for r in _ranked(cli)] == ["job-1"]
    with_closed = _ranked(cli, "--include-closed")
    assert sorted(r["external_id"] for r in with_closed) == ["job-1", "job-2"]
    assert [r["closed"] for r in with_closed if r["external_id"] == "job-2"] == [True]


def test_terminal_output_gives_reasons_for_and_against(cli: CliRunner, database_url: str) -> None:
    _learner(cli)
    add_postings(
        database_url,
        posting(1),
        posting(2, degree="required", company="Google", source="linkedin", title="Sr Scientist"),
    )
    result = cli("jobs", "rank", "--limit", "2")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    first = next(i for i, line in enumerate(lines) if "Acme Vision" in line)
    second = next(i for i, line in enumerate(lines) if "Google" in line)
    assert first < second
    assert "for: " in result.out and "no degree asked" in result.out
    assert "against: a degree is required" in result.out
    assert "a famous employer: many applicants, posted on a large job aggregator" in result.out


def test_limit_stage_and_plan_b_options(cli: CliRunner, database_url: str) -> None:
    _learner(cli)
    add_postings(
        database_url,
        *[posting(n, title=f"ML Engineer {n}") for n in range(1, 6)],
        posting(9, ml=False, title="Developer Advocate", external_id="devrel"),
        posting(10, ml=False, title="Account Executive", external_id="sales"),
    )
    assert len(_ranked(cli, "--limit", "3")) == 3
    plain = [r["external_id"] for r in _ranked(cli, "--limit", "10")]
    plan_b = [r["external_id"] for r in _ranked(cli, "--limit", "10", "--plan-b")]
    assert plain[-2:] == ["devrel", "sales"] or plain[-2:] == ["sales", "devrel"]
    assert plan_b[-2:] == ["devrel", "sales"]
    senior = _ranked(cli, "--stage", "ml-engineer")
    assert all("ml-engineer" in " ".join(x["text"] for x in r["reasons"]) for r in senior)


def test_explain_weights_prints_the_table(cli: CliRunner) -> None:
    result = cli("jobs", "rank", "--explain-weights")
    assert result.code == 0
    assert "Ranking weights" in result.out and "required" in result.out
    assert "Screened out automatically" in result.out
    data = json.loads(cli("jobs", "rank", "--explain-weights", "--json").out)
    assert data["base"] == 50 and all(w["rationale"] for w in data["weights"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--limit", "0"], "--limit must be between 1 and 10,000, not 0"),
        (["--limit", "abc"], "Invalid value for '--limit'"),
        (["--stage", "astronaut"], "unknown stage 'astronaut'; choose one of: swe-intern"),
    ],
)
def test_bad_input_is_one_line(
    cli_sqlite: CliRunner, sqlite_url: str, args: list[str], message: str
) -> None:
    _learner(cli_sqlite)
    add_postings(sqlite_url, posting(1))
    result = cli_sqlite("jobs", "rank", *args)
    assert result.code in (1, 2) and result.out == ""
    assert result.err.startswith("error: ") and message in result.err
    assert result.err.count("\n") == 1


def test_no_profile_needs_a_stage(cli_sqlite: CliRunner, sqlite_url: str) -> None:
    add_postings(sqlite_url, posting(1))
    result = cli_sqlite("jobs", "rank")
    assert result.code == 1 and "no profile yet" in result.err and "--stage" in result.err
    assert cli_sqlite("jobs", "rank", "--stage", "ml-entry", "--json").code == 0


def test_empty_store_says_what_to_do(cli_sqlite: CliRunner) -> None:
    _learner(cli_sqlite)
    result = cli_sqlite("jobs", "rank")
    assert result.code == 0 and "No open postings stored yet" in result.out


def test_explain_posting_score_quotes_the_posting(database_url: str) -> None:
    import io

    from rich.console import Console

    from hireable.cli.views import render_score_explanation
    from hireable.services.ranking import explain_posting_score
    from hireable.store.db import make_engine, session_scope
    from hireable.store.models import Posting

    (pid,) = add_postings(database_url, posting(1, degree="equivalent"))
    engine = make_engine(database_url)
    with session_scope(engine) as s:
        breakdown = explain_posting_score(s, s.get(Posting, pid), None, TODAY)
    engine.dispose()
    assert breakdown.stage == "ml-entry" and breakdown.assumed_stage
    assert breakdown.evidence["degree"] == "No degree needed: show us what you built."
    out = Console(file=io.StringIO(), width=200)
    render_score_explanation(out, breakdown)
    text = out.file.getvalue()  # type: ignore[attr-defined]
    assert f"Score {breakdown.score}/100 for ml-entry" in text
    assert "+10  degree: a degree or equivalent experience" in text
    assert "“You will train and ship vision models.”" in text
    assert breakdown.public()["reasons"][0]["evidence"]


def test_terminal_output_at_80_columns_wraps_under_each_entry(
    cli_sqlite: CliRunner, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long title and long reasons wrap within 80 columns, each wrapped line indented under
    its entry, so the numbers and "for:"/"against:" stay the only text at the left."""
    _learner(cli_sqlite)
    long_title = "Machine Learning Engineer, Search Ranking and Recommendations (Remote, Americas)"
    add_postings(
        sqlite_url,
        posting(1, title=long_title, degree="required", company="Google", source="linkedin"),
    )
    monkeypatch.setenv("COLUMNS", "80")
    result = cli_sqlite("jobs", "rank", "--limit", "1")
    assert result.code == 0, result.err
    entry = result.out.split("best first:\n", 1)[1].split("\n\n`hireable jobs show", 1)[0]
    lines = [line for line in entry.splitlines() if line.strip()]
    assert len(lines) > 4  # the title and the reasons did wrap
    assert all(len(line) <= 80 for line in lines)
    assert lines[0].startswith("  1.")
    assert all(line.startswith(" " * 6) for line in lines[1:]), entry


def test_jobs_show_at_80_columns_keeps_quotes_under_their_field(
    cli_sqlite: CliRunner, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The analyser's quotes and the score's reasons wrap under their own text, never back to
    the left edge where the field names and points stand."""
    long_quote = (
        "You will train, evaluate and ship ranking models for our marketplace search, working "
        "closely with product engineers and the data platform team"
    )
    row = posting(1)
    row["analysis"]["evidence"]["ml"] = long_quote
    add_postings(sqlite_url, row)
    monkeypatch.setenv("COLUMNS", "80")
    result = cli_sqlite("jobs", "show", "1")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    start = lines.index("evidence")
    quoted = lines[start + 1 : lines.index(next(x for x in lines if x.startswith("Score ")))]
    assert any(x.startswith("  ml: “You will train") for x in quoted)
    continued = [x for x in quoted if x.lstrip().split(":")[0] not in row["analysis"]["evidence"]]
    assert continued and all(x.startswith("      ") for x in continued)
    assert all(len(x) <= 80 for x in lines)
    explained = lines[lines.index(next(x for x in lines if x.startswith("Score "))) + 1 :]
    assert all(x.startswith("  ") for x in explained if x.strip())
