"""Normalisation and similarity behind cross-source duplicate detection."""

from __future__ import annotations

from hireable.postings.dedupe import DedupeIndex, dedupe_key, jaccard, shingles


def test_keys_ignore_legal_forms_case_and_title_noise() -> None:
    assert dedupe_key("Acme, Inc.", "Sr. ML Engineer (m/w/d)") == dedupe_key(
        "ACME", "Senior ML Engineer"
    )
    assert dedupe_key("Acme", "ML Engineer") != dedupe_key("Acme", "Data Engineer")
    assert dedupe_key(None, "ML Engineer") is None


def test_jaccard_of_shingles() -> None:
    text = " ".join(f"w{i}" for i in range(100))
    assert jaccard(shingles(text), shingles(text + " apply now")) >= 0.9
    assert jaccard(shingles(text), shingles("something else")) == 0.0
    assert jaccard(shingles(""), shingles("")) == 1.0


def test_index_only_matches_other_sources_with_the_same_key() -> None:
    index = DedupeIndex()
    text = " ".join(f"w{i}" for i in range(50))
    index.add("acme|ml engineer", 1, "greenhouse:acme", lambda: text)
    assert index.find("acme|ml engineer", "lever:acme", text) == 1
    assert index.find("acme|ml engineer", "greenhouse:acme", text) is None  # same source
    assert index.find("acme|data engineer", "lever:acme", text) is None
    assert index.find("acme|ml engineer", "lever:acme", "a different text") is None
