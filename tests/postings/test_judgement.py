"""Degree language that generalises, and whether a decision was clear (made-up postings)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from hireable.postings.analyse import analyse
from hireable.postings.rank import RankContext, rank
from hireable.sources.jobs.registry import competition_group


def _ctx() -> RankContext:
    return RankContext("ml-entry", dt.date(2026, 1, 10), source_group=competition_group)

# (text, degree, degree_level, degree_clear)
DEGREES = [
    (
        "Qualifications:\n- Bachelor's degree in Physics.\n- 3+ years of Python.\n"
        "- An equivalent combination of education and experience will be considered.",
        "equivalent", "bachelor", True,
    ),
    ("Requirements\n- Degree or equivalent amount of experience required.", "equivalent",
     "bachelor", True),
    ("Requirements\n- Master's degree in Statistics (PhD preferred).", "required", "master", True),
    ("You will need a college degree and several years of experience.", "required", "bachelor",
     False),
    ("Requirements\n- 3+ years of Python\nDesired\n- Bachelor's degree in Biology", "preferred",
     "bachelor", True),
    (
        "QUALIFICATIONS\n(Equivalent combinations of education, licenses and experience may be "
        "considered)\n- Bachelor's degree in Chemistry or related field required",
        "equivalent", "bachelor", True,
    ),
    # A soft word that closes the statement softens its alternatives too; a strict word stays.
    ("Qualifications:\n- Bachelor's degree in Biology, or equivalent work experience, preferred",
     "preferred", "bachelor", True),
    ("Education:\n- Bachelor's degree required, Data Science or Statistics degree preferred",
     "required", "bachelor", True),
    # A degree that only shortens one path of years is no requirement of its own.
    (
        "Minimum qualifications:\n- Master's degree in Physics or equivalent practical experience."
        "\n- 6 years of experience with Spark, or 3 years of experience with a PhD degree.",
        "equivalent", "master", True,
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "degree", "level", "clear"), DEGREES)
def test_degree_language(text: str, degree: str, level: str, clear: bool) -> None:
    result = analyse(text, "Data Scientist")
    assert (result["degree"], result["degree_level"], result["degree_clear"]) == (
        degree,
        level,
        clear,
    )
    assert result["evidence"]["degree"]  # the deciding span either way


def test_a_required_and_an_equivalent_statement_are_borderline() -> None:
    text = "Requirements\n- BS in Chemistry required.\n\nAbout you\n- MS or equivalent experience."
    assert analyse(text, "Data Scientist")["degree_clear"] is False


def test_ml_clarity_and_its_span_either_way() -> None:
    clear = analyse(
        "You will train and deploy models with PyTorch.\nYou will build classification models.",
        "Machine Learning Engineer",
    )
    assert clear["ml"] is True and clear["ml_clear"] is True
    borderline = analyse(
        "Keep our services fast.\nHelp with machine learning experiments.\n"
        "Support the team's predictive models.",
        "Software Engineer",
    )
    assert borderline["ml"] is False and borderline["ml_clear"] is False
    assert borderline["evidence"]["ml"] == "Support the team's predictive models."
    plain = analyse("Build dashboards in Tableau for the sales team.", "Data Analyst")
    assert plain["ml"] is False and plain["ml_clear"] is True
    assert plain["evidence"]["ml"] == "Data Analyst"  # the title decided


def _facts(n: int, ml: bool, ml_clear: bool | None, title: str) -> SimpleNamespace:
    return SimpleNamespace(
        id=n, external_id=str(n), source="hn:2026-01", company="Acme", title=title,
        skills=[], size_band=None, posted_at=None, first_seen=None, degree="none",
        degree_level="none", seniority="mid", years_min=None, ml=ml, ml_clear=ml_clear,
    )  # fmt: skip


def test_a_borderline_posting_ranks_between_clear_ml_and_clear_non_ml() -> None:
    postings = [
        _facts(1, False, True, "Backend Engineer"),
        _facts(2, False, False, "Software Engineer"),
        _facts(3, True, True, "ML Engineer"),
    ]
    ranked = rank(postings, _ctx())
    assert [p.id for p, _ in ranked] == [3, 2, 1]
    reasons = {r.text for r in ranked[1][1].reasons}
    assert "ML work unclear — read it" in reasons


def test_a_multi_role_comment_ranks_on_its_ml_role() -> None:
    header = "Pinecrest | Senior Frontend Engineer, Machine Learning Engineer | Remote"
    text = header + "\n\nAs our machine learning engineer you will train and deploy models."
    analysis = analyse(text, header)
    comment = _facts(1, analysis["ml"], analysis["ml_clear"], header)
    comment.seniority = analysis["seniority"]
    other = _facts(2, False, True, "Senior Frontend Engineer")
    other.seniority = "senior"
    ranked = rank([other, comment], _ctx())
    assert ranked[0][0].id == 1
    assert any(r.factor == "ml" and r.points > 0 for r in ranked[0][1].reasons)


def test_a_comment_listing_a_data_scientist_is_judged_for_that_role() -> None:
    header = "Quillwork | Backend Engineers and Data Scientists | Denver | Onsite"
    bare = analyse(header + "\nWe make scheduling software for clinics.", header)
    # a listed data scientist the text says nothing of leans to ML: borderline, read it
    assert bare["ml"] is True and bare["ml_clear"] is False
    reporting = analyse(header + "\nOur data scientists build the weekly KPI dashboards.", header)
    assert reporting["ml"] is False  # a reporting cue leans the other way
    modelling = analyse(header + "\nOur data scientists build forecasting models.", header)
    assert modelling["ml"] is True


def test_a_silent_title_takes_the_level_its_hiring_sentence_names() -> None:
    header = "Larkspur | Backend Engineer | Remote (EU)"
    senior = analyse(header + "\nWe're looking for senior engineers who enjoy Go.", header)
    assert (senior["seniority"], senior["evidence"]["seniority"]) == ("senior", "senior engineers")
    # another kind of role's level is not this role's; stated years come first
    other = analyse(header + "\nWe're also looking for a senior designer.", header)
    assert other["seniority"] == "mid"
    text = header + "\nWe're looking for senior engineers with 2+ years of experience."
    years = analyse(text, header)
    assert years["seniority"] == "mid"


def test_work_on_language_models_is_ml_wiring_their_api_is_not() -> None:
    building = analyse(
        "You will fine-tune open LLMs on our support conversations.\n"
        "You will evaluate language models against our own benchmarks.\n"
        "You will train small language models for ranking answers.",
        "Software Engineer",
    )
    assert building["ml"] is True
    wiring = analyse(
        "You will integrate the OpenAI API into our support product.\n"
        "You will call LLM APIs from our Go backend.\nShip features weekly.",
        "AI Engineer",
    )
    assert wiring["ml"] is False and wiring["ml_clear"] is False  # borderline: read it
    plain = analyse(
        "You will integrate the OpenAI API into our support product.\nShip features weekly.",
        "Software Engineer",
    )
    assert plain["ml"] is False and plain["ml_clear"] is True
