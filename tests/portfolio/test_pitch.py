"""`hireable pitch`: the introduction and 30-second stories, from the evidence's own data."""

from __future__ import annotations

import json


def test_pitch_introduces_and_tells_a_story_per_key_item(ledger):
    r = ledger("pitch")
    assert r.code == 0, r.err
    intro, *stories = r.out.strip().split("\n\n")
    assert "Hi, I'm Alice Doe" in intro and "entry-level machine learning role" in intro
    assert "Merged by @sam into huggingface/transformers, 130k stars." in intro
    assert len(stories) == 3
    first = stories[0].split("\n", 1)[1]
    assert "I contributed to someone else's project" in first and "pytorch" in first
    assert "https://github.com/huggingface/transformers/pull/101" in first
    assert all(len(s.split("\n", 1)[1].split()) <= 76 for s in stories)
    assert "MNIST" not in r.out and "Specialization" not in r.out


def test_pitch_for_one_item_and_unknown_ids(ledger):
    listed = json.loads(ledger("evidence", "list", "--json").out)
    items = {i["title"]: i["id"] for i in listed}
    r = ledger("pitch", items["Kaggle: leaf disease"])
    assert r.code == 0 and r.out.count("Story for item") == 1
    assert "Ranked 9 of 1,200 teams on Kaggle, gold medal" in r.out
    for bad in (items["MNIST classifier"], 999):
        r = ledger("pitch", bad)
        assert r.code == 1 and "is not on your résumé" in r.err and r.err.count("\n") == 1
