"""The ranking's factors, one at a time, and the fast path agreeing with the explained scores."""

from __future__ import annotations

import json
import random
from types import SimpleNamespace
from typing import Any

import pytest

from hireable.postings.rank import (
    FACT_FIELDS,
    WEIGHTS,
    LearnerSkills,
    RankContext,
    Scorer,
    is_famous,
    plan_b_kind,
    rank,
    score_posting,
    top_totals,
)
from hireable.sources.jobs.registry import competition_group
from tests.ranking.factory import TODAY, posting

VERIFIED_PYTORCH = LearnerSkills.build([(["pytorch"], "api")], [])


def facts(n: int = 1, **changes: Any) -> SimpleNamespace:
    return SimpleNamespace(id=n, **posting(n, **changes))


def ctx(stage: str = "ml-entry", **kw: Any) -> RankContext:
    return RankContext(stage, TODAY, source_group=competition_group, **kw)


@pytest.mark.parametrize(
    ("better", "worse", "factor"),
    [
        ({"degree": "none"}, {"degree": "required"}, "degree"),
        ({"degree": "equivalent"}, {"degree": "required"}, "degree"),
        ({"seniority": "entry"}, {"seniority": "senior"}, "seniority"),
        ({"years_min": 1}, {"years_min": 6}, "years"),
        ({"ml": True}, {"ml": False, "title": "Data Analyst"}, "ml"),
        ({"size_band": "11-50"}, {"size_band": "1000+"}, "size"),
        ({"source": "hn:2026-03"}, {"source": "linkedin"}, "competition"),
        ({"company": "Acme Vision"}, {"company": "Google"}, "competition"),
        ({"posted_at": None}, {"posted_at": facts().posted_at.replace(year=2025)}, "freshness"),
    ],
)
def test_each_factor_orders_postings_as_it_says(
    better: dict[str, Any], worse: dict[str, Any], factor: str
) -> None:
    good, bad = facts(1, **better), facts(2, **worse)
    ordered = rank([bad, good], ctx())
    assert [p.id for p, _ in ordered] == [1, 2]
    by_factor = {r.factor: r.points for r in ordered[1][1].reasons}
    assert factor in by_factor


def test_verified_skill_overlap_beats_none() -> None:
    matching, other = facts(1, skills=["pytorch"]), facts(2, skills=["tableau"])
    ordered = rank([other, matching], ctx(skills=VERIFIED_PYTORCH))
    assert [p.id for p, _ in ordered] == [1, 2]
    skills = next(r for r in ordered[0][1].reasons if r.factor == "skills")
    assert skills.points > 0 and "verified: pytorch" in skills.text


def test_verified_skills_count_more_than_self_reported_and_profile() -> None:
    p = facts(skills=["pytorch"])
    points = {
        case: next(
            r.points for r in score_posting(p, ctx(skills=skills)).reasons if r.factor == "skills"
        )
        for case, skills in {
            "api": VERIFIED_PYTORCH,
            "link": LearnerSkills.build([(["pytorch"], "link")], []),
            "self": LearnerSkills.build([(["pytorch"], "self")], []),
            "profile": LearnerSkills.build([], ["PyTorch"]),
        }.items()
    }
    assert points["api"] > points["link"] > points["self"] > points["profile"] > 0


def test_required_degree_is_ranked_down_but_never_hidden() -> None:
    ordered = rank([facts(1, degree="required")], ctx())
    assert len(ordered) == 1
    assert any(r.factor == "degree" and r.points < 0 for r in ordered[0][1].reasons)


def test_the_stage_changes_what_fits() -> None:
    senior_big = {"seniority": "mid", "years_min": 4, "size_band": "1000+", "company": "Google"}
    entry_small = {"seniority": "entry", "years_min": 0}
    for_entry = rank([facts(1, **senior_big), facts(2, **entry_small)], ctx("ml-entry"))
    for_engineer = rank([facts(1, **senior_big), facts(2, **entry_small)], ctx("ml-engineer"))
    assert [p.id for p, _ in for_entry] == [2, 1]
    assert [p.id for p, _ in for_engineer] == [1, 2]


@pytest.mark.parametrize(
    ("title", "company", "skills", "kind"),
    [
        ("Senior Data Analyst", "Acme", [], "analytics"),
        ("Developer Advocate", "Acme", [], "developer advocacy"),
        ("Backend Engineer", "Acme", ["pytorch", "python"], "software at an ML company"),
        ("Software Engineer", "Vision AI", [], "software at an ML company"),
        ("Software Engineer", "Acme Plumbing", ["java"], None),
        ("Account Executive", "Acme AI", ["machine learning"], None),
    ],
)
def test_plan_b_roles_are_recognised(
    title: str, company: str, skills: list[str], kind: str | None
) -> None:
    assert plan_b_kind(title, company, skills) == kind


def test_plan_b_lifts_close_roles_but_ml_stays_first() -> None:
    ml = facts(1)
    analytics = facts(2, ml=False, title="Data Analyst")
    sales = facts(3, ml=False, title="Account Executive")
    without = rank([sales, analytics, ml], ctx())
    with_plan_b = rank([sales, analytics, ml], ctx(plan_b=True))
    assert without[1][1].total == without[2][1].total  # both simply "not ML"
    assert [p.id for p, _ in with_plan_b] == [1, 2, 3]
    assert any("plan B: analytics" in r.text for r in with_plan_b[1][1].reasons)


def test_sources_and_famous_employers() -> None:
    assert competition_group("greenhouse:acme") == "direct"
    assert competition_group("lever-eu:acme") == "direct"
    assert competition_group("hn:2026-03") == "hn"
    assert competition_group("linkedin-2018-datascientist") == "aggregator"
    assert competition_group("aggregator:indeed") == "aggregator"
    assert competition_group("file:jobs.csv") == "file"
    assert is_famous("Amazon Lab126") and is_famous("Google LLC") and is_famous("Walmart Labs")
    assert not is_famous("Acme Vision") and not is_famous(None) and not is_famous("Xylo")


def test_score_is_base_plus_points_within_0_to_100() -> None:
    best = score_posting(facts(source="hn:x", skills=["pytorch"]), ctx(skills=VERIFIED_PYTORCH))
    worst = score_posting(
        facts(
            degree="required",
            seniority="senior",
            years_min=10,
            ml=False,
            size_band="1000+",
            company="Google",
            source="linkedin",
            posted_at=facts().posted_at.replace(year=2020),
        ),
        ctx(),
    )
    assert best.total == 50 + sum(r.points for r in best.reasons)
    assert best.score == min(100, best.total) and worst.score == max(0, worst.total) == 0
    assert best.pros() and not best.cons() and worst.cons()


def test_every_weight_has_a_rationale_and_words() -> None:
    assert all(w.rationale and w.text for w in WEIGHTS)
    assert len({(w.factor, w.case) for w in WEIGHTS}) == len(WEIGHTS)


def test_fast_totals_equal_the_explained_scores() -> None:
    """Rows are read by column name: the columns come in a shuffled order."""
    rnd = random.Random(3)
    columns = ["id", *FACT_FIELDS]
    rnd.shuffle(columns)
    rows, postings = [], []
    for n in range(1, 400):
        p = facts(
            n,
            source=rnd.choice(["greenhouse:a", "hn:x", "linkedin", "file:f", "lever:b"]),
            company=rnd.choice(["Acme", "Google", "Vision AI", None]),
            title=rnd.choice(["Data Analyst", "Software Engineer", "ML Engineer", None]),
            degree=rnd.choice(["none", "preferred", "equivalent", "required", None]),
            seniority=rnd.choice(["intern", "entry", "mid", "senior", None]),
            years_min=rnd.choice([None, 0, 2, 3, 5, 9]),
            ml=rnd.choice([True, False, None]),
            ml_clear=rnd.choice([True, False, None]),
            skills=rnd.sample(["python", "pytorch", "sql", "nlp", "tableau", "r"], 3),
            size_band=rnd.choice([None, "1-10", "11-50", "51-200", "201-1000", "1000+"]),
            posted_at=rnd.choice([None, facts().posted_at.replace(month=rnd.randint(1, 3))]),
        )
        postings.append(p)
        as_text = rnd.random() < 0.5  # SQLite hands back text; PostgreSQL typed values
        values = {
            **vars(p),
            "ml": None if p.ml is None else int(p.ml),
            "ml_clear": None if p.ml_clear is None else int(p.ml_clear),
            "skills": json.dumps(p.skills) if as_text else p.skills,
            "posted_at": str(p.posted_at) if as_text and p.posted_at else p.posted_at,
            "first_seen": str(p.first_seen) if as_text else p.first_seen,
        }
        rows.append(tuple(values[f] for f in columns))
    learner = LearnerSkills.build([(["pytorch", "nlp"], "link"), (["sql"], "self")], ["r"])
    for stage in ("swe-intern", "ml-entry", "ml-junior", "ml-engineer"):
        for plan_b in (False, True):
            c = ctx(stage, skills=learner, plan_b=plan_b)
            scorer = Scorer(c, columns)
            for row, p in zip(rows, postings, strict=True):
                assert scorer.total(row) == score_posting(p, c).total
            full = [(s.total, p.id) for p, s in rank(postings, c, 10)]
            assert top_totals(rows, columns, c, 10) == full


def test_rows_without_a_column_ranking_reads_are_refused() -> None:
    with pytest.raises(ValueError, match="size_band"):
        Scorer(ctx(), [f for f in FACT_FIELDS if f != "size_band"])
