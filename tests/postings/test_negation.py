"""Negated degree statements: "no degree required" opens a posting, it does not close it."""

from __future__ import annotations

import pytest

from hireable.postings.analyse import analyse


@pytest.mark.parametrize(
    "text",
    [
        "No degree required.",
        "A degree is not required.",
        "You do not need a degree.",
        "Degree not necessary; show us your work.",
        "Requirements:\n- A college degree is not required\n- Python",
        "We don't care about degrees; show us what you built.",
        "No formal degree needed.",
        "A Bachelor's degree is not a requirement.",
        "You don't need a CS degree to apply.",
        "Candidates without a degree are welcome.",
    ],
)
def test_a_negated_degree_asks_for_none(text: str) -> None:
    result = analyse(text, "Machine Learning Engineer")
    assert (result["degree"], result["degree_level"]) == ("none", "none")
    assert result["evidence"]["degree"] == ""


@pytest.mark.parametrize(
    ("text", "degree"),
    [
        # the negation belongs to another clause: the degree itself is asked for
        ("Bachelor's degree required. No relocation offered.", "required"),
        ("No visa sponsorship. BS in Computer Science required.", "required"),
        # a negated degree beside a real requirement: the requirement stands
        ("A PhD is not required, but a Master's degree is.", "required"),
        ("A Master's degree is not required; a Bachelor's degree is preferred.", "preferred"),
        # "not required" that softens the degree itself
        ("Preferably (but not required) a graduate degree in statistics.", "preferred"),
        ("BA/BS preferred, not required.", "preferred"),
        ("Advanced degree not required but preferred.", "preferred"),
    ],
)
def test_negation_stays_in_its_clause(text: str, degree: str) -> None:
    assert analyse(text, "Data Scientist")["degree"] == degree


@pytest.mark.parametrize(
    "text",
    [
        "Serve as the scrum master of the team.",
        "You will master new tools quickly and master the required software.",
    ],
)
def test_master_as_a_word_is_not_a_degree(text: str) -> None:
    assert analyse(text, "Data Analyst")["degree"] == "none"
