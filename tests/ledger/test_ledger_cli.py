"""The ledger through the command line, on every storage backend."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def init(cli, stage="ml-entry", target="ml-entry"):
    r = cli(
        "init",
        "--name",
        "Sam",
        "--stage",
        stage,
        "--target",
        target,
        "--hours-per-week",
        "12",
        "--runway-months",
        "6",
        "--skill",
        "python",
    )
    assert r.code == 0, r.err
    return r


def status(cli) -> dict:
    r = cli("status", "--json")
    assert r.code == 0, r.err
    return json.loads(r.out)


def readiness(data: dict) -> dict[str, dict]:
    return {row["stage"]: row for row in data["readiness"]}


def test_certificates_and_titanic_are_ready_for_nothing_and_warn(cli):
    init(cli)
    for title in ("Coursera ML", "Deep Learning Specialization", "fast.ai course"):
        assert cli("evidence", "add", "certificate", "--title", title).code == 0
    assert (
        cli(
            "evidence",
            "add",
            "project",
            "--title",
            "Titanic survival notebook",
            "--url",
            "https://kaggle.com/code/sam/titanic",
        ).code
        == 0
    )
    data = status(cli)
    assert not any(row["ready"] for row in data["readiness"])
    rules = {w["rule"] for w in data["warnings"]}
    assert "certificate-trap" in rules
    assert {e["class"] for e in data["evidence"]} == {"none"}
    assert data["next_actions"]


def test_silver_medal_maintainer_pr_and_paid_gig_make_ml_entry_ready(cli):
    init(cli)
    assert (
        cli(
            "evidence",
            "add",
            "competition",
            "--title",
            "Kaggle: Store sales",
            "--metric",
            "platform=kaggle",
            "--metric",
            "teams=1500",
            "--metric",
            "rank=60",
        ).code
        == 0
    )
    assert (
        cli(
            "evidence",
            "add",
            "open-source",
            "--title",
            "Fix LoRA merge bug",
            "--metric",
            "repo=huggingface/peft",
            "--metric",
            "stars=20000",
            "--metric",
            "merged=true",
            "--metric",
            "merged_by=maintainer",
            "--metric",
            "ml_repo=true",
        ).code
        == 0
    )
    assert (
        cli(
            "evidence",
            "add",
            "paid-work",
            "--title",
            "Demand forecast for a bakery",
            "--validator",
            "Bakery owner",
            "--metric",
            "amount=1500",
            "--metric",
            "currency=usd",
        ).code
        == 0
    )
    data = status(cli)
    entry = readiness(data)["ml-entry"]
    assert entry["ready"] is True
    assert entry["score"] == 100
    assert (entry["degree_equivalents"], entry["needed"]) == (3, 3)
    assert readiness(data)["ml-junior"]["ready"] is False
    classes = sorted(e["class"] for e in data["evidence"])
    assert classes == ["primary", "primary", "secondary"]


def test_status_names_the_gap_and_the_concrete_next_item(cli):
    init(cli)
    cli(
        "evidence",
        "add",
        "content",
        "--title",
        "Blog",
        "--metric",
        "audience=20000",
        "--url",
        "https://blog.dev/x",
    )
    cli("evidence", "add", "paid-work", "--title", "Gig", "--metric", "amount=2000")
    data = status(cli)
    entry = readiness(data)["ml-entry"]
    assert not entry["ready"]
    assert any("primary" in m for m in entry["missing"])
    assert "merged PR to an ML repository" in entry["next_item"]
    assert entry["next_item"].endswith("completes ml-entry")
    screen = cli("status")
    assert screen.code == 0
    assert "ml-entry" in screen.out and "Next actions" in screen.out


def test_status_without_profile_says_how_to_start(cli):
    r = cli("status")
    assert r.code == 1
    assert r.err.startswith("error: no profile yet") and r.err.count("\n") == 1


def test_explain_lists_factors_that_sum_to_the_score(cli):
    init(cli)
    cli(
        "evidence",
        "add",
        "open-source",
        "--title",
        "PR",
        "--url",
        "https://github.com/a/b/pull/1",
        "--metric",
        "stars=1500",
        "--metric",
        "merged_by=alice",
        "--metric",
        "merged=true",
    )
    shown = json.loads(cli("evidence", "show", "1", "--json").out)
    r = cli("evidence", "explain", "1")
    assert r.code == 0
    points = [int(line.split()[0]) for line in r.out.splitlines()[2:-1]]
    assert sum(points) == shown["credibility"]
    assert "resource: time" in r.out and "maintainer merge" in r.out


EXPORT = ("evidence", "export", "--format", "json")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("evidence", "add", "degree", "--title", "x"), "unknown evidence kind"),
        (("evidence", "add", "project", "--title", "x", "--date", "2024/05"), "YYYY-MM"),
        (("evidence", "add", "project", "--title", "x", "--date", "2023-02-30"), "calendar"),
        (("evidence", "add", "project", "--title", "x", "--date", "2099-01"), "future"),
        (("evidence", "add", "product", "--title", "x", "--metric", "stars=-3"), "negative"),
        (("evidence", "add", "product", "--title", "x", "--metric", "stars=lots"), "number"),
        (("evidence", "add", "product", "--title", "x", "--metric", "nope=1"), "does not apply"),
        (("evidence", "add", "product", "--title", "x", "--metric", "stars"), "key=value"),
        (
            (
                "evidence",
                "add",
                "competition",
                "--title",
                "x",
                "--metric",
                "teams=10",
                "--metric",
                "rank=11",
            ),
            "worse than",
        ),
        (("evidence", "add", "project", "--title", "  "), "title"),
        (("evidence", "add", "project", "--title", "x", "--url", "not a url"), "http"),
        (("evidence", "show", "99"), "no evidence with id 99"),
        (("evidence", "edit", "99", "--title", "y"), "no evidence with id 99"),
        (("evidence", "remove", "99"), "no evidence with id 99"),
        (("evidence", "explain", "99"), "no evidence with id 99"),
        (("evidence", "edit", "1", "--date", "2023-13"), "calendar"),
        (("evidence", "edit", "1", "--metric", "stars=-1"), "negative"),
        (("profile", "set", "--stage", "phd"), "unknown stage"),
        (("profile", "set", "--hours-per-week", "-4"), "hours per week"),
        (("init", "--name", "X", "--stage", "ml-entry", "--target", "ml-entry"), "already"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(cli, args, message):
    init(cli)
    cli("evidence", "add", "project", "--title", "Seed", "--url", "https://x.dev/seed")
    before = (cli(*EXPORT).out, cli("profile", "show", "--json").out)
    r = cli(*args)
    assert r.code == 1, (r.out, r.err)
    assert r.err.startswith("error: ") and r.err.count("\n") == 1, r.err
    assert message in r.err
    assert "Traceback" not in r.err
    assert (cli(*EXPORT).out, cli("profile", "show", "--json").out) == before


def test_usage_errors_exit_2_with_one_line(cli):
    r = cli("evidence", "add", "project")
    assert r.code == 2 and r.err.startswith("error: ") and r.err.count("\n") == 1
    r = cli("evidence", "list", "--bogus")
    assert r.code == 2 and "--bogus" in r.err
    r = cli("evidence", "show", "abc")
    assert r.code == 2 and r.err.count("\n") == 1


RECORDS = [
    {
        "kind": "competition",
        "title": "Kaggle: fraud",
        "date": "2026-03",
        "url": "https://kaggle.com/c/fraud",
        "validator": "Kaggle",
        "skills": ["xgboost"],
        "metrics": {"platform": "kaggle", "teams": 2000, "rank": 90},
        "verification": "link",
    },
    {
        "kind": "paid-work",
        "title": "Forecast gig",
        "date": "2025-11-05",
        "url": None,
        "validator": None,
        "skills": [],
        "metrics": {"amount": 1200.5, "currency": "EUR"},
        "verification": "self",
    },
    {
        "kind": "publication",
        "title": "Paper",
        "date": None,
        "url": "https://arxiv.org/abs/1",
        "validator": "NeurIPS",
        "skills": ["nlp", "transformers"],
        "metrics": {"peer_reviewed": True, "citations": 12, "first_author": False},
        "verification": "link",
    },
]


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_import_export_round_trip_is_lossless(cli, tmp_path: Path, fmt):
    import yaml

    init(cli)
    source = tmp_path / f"in.{fmt}"
    source.write_text(json.dumps(RECORDS) if fmt == "json" else yaml.safe_dump(RECORDS))
    r = cli("evidence", "import", str(source))
    assert r.code == 0, r.err
    assert "Imported 3" in r.out
    exported = cli("evidence", "export", "--format", fmt).out
    back = json.loads(exported) if fmt == "json" else yaml.safe_load(exported)
    assert back == RECORDS
    again = tmp_path / f"again.{fmt}"
    again.write_text(exported)
    r = cli("evidence", "import", str(again))
    assert (r.code, r.out) == (
        0,
        f"Imported 0 evidence items from {again}; 3 already there, not added again.\n",
    )
    assert len(json.loads(cli("evidence", "list", "--json").out)) == 3


def test_importing_a_file_twice_adds_nothing_the_second_time(cli, tmp_path: Path):
    init(cli)
    path = tmp_path / "in.json"
    path.write_text(json.dumps(RECORDS))
    first = cli("evidence", "import", str(path))
    assert first.out.startswith(f"Imported 3 evidence items from {path}; 0 already there")
    before = json.loads(cli("evidence", "list", "--json").out)
    second = cli("evidence", "import", str(path))
    assert (second.code, second.out.splitlines()) == (
        0,
        [f"Imported 0 evidence items from {path}; 3 already there, not added again."],
    )
    assert json.loads(cli("evidence", "list", "--json").out) == before


def test_a_record_already_stored_is_matched_by_its_key_and_kept_as_stored(cli, tmp_path: Path):
    """With a URL: kind and URL. Without: kind, title and date. A match whose other fields
    differ keeps the stored item as it is and names it with the fields that differ."""
    init(cli)
    path = tmp_path / "in.json"
    path.write_text(json.dumps(RECORDS))
    cli("evidence", "import", str(path))
    assert cli("evidence", "edit", "1", "--skill", "lightgbm").code == 0  # the learner's edit
    changed = [
        {**RECORDS[0], "title": "Kaggle fraud, bronze", "metrics": {"teams": 2000, "rank": 80}},
        RECORDS[1],
        {**RECORDS[1], "date": "2025-12"},  # another gig of that name: a new item
        {**RECORDS[2], "kind": "content", "metrics": {}},  # another kind: new
        {**RECORDS[1], "title": "Forecast gig", "date": "2025-11-05", "skills": ["pandas"]},
    ]
    path.write_text(json.dumps(changed))
    r = cli("evidence", "import", str(path))
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert lines[0] == f"Imported 2 evidence items from {path}; 3 already there, not added again."
    assert lines[1].startswith(
        "  kept      Kaggle: fraud [1] — the file differs in title, skills, metrics; kept as stored"
    )
    assert lines[2].startswith("  kept      Forecast gig [2] — the file differs in skills;")
    assert len(lines) == 3
    stored = json.loads(cli("evidence", "list", "--json").out)
    assert [(i["id"], i["kind"], i["date"]) for i in stored] == [
        (1, "competition", "2026-03"),
        (2, "paid-work", "2025-11-05"),
        (3, "publication", None),
        (4, "paid-work", "2025-12"),
        (5, "content", None),
    ]
    assert (stored[0]["title"], stored[0]["skills"], stored[0]["metrics"]["rank"]) == (
        "Kaggle: fraud",
        ["lightgbm"],
        90,
    )


def test_an_export_with_two_items_sharing_a_url_imports_whole(cli, tmp_path: Path):
    """Two gigs for one client's site: one key, two items of the ledger the file came from."""
    init(cli)
    site = "https://client.example.com"
    for title in ("Churn model", "Demand forecast"):
        args = ("evidence", "add", "paid-work", "--title", title, "--url", site)
        assert cli(*args, "--metric", "amount=900").code == 0
    exported = tmp_path / "ledger.json"
    assert cli("evidence", "export", "--output", str(exported)).code == 0
    for item_id in ("1", "2"):  # an empty ledger again
        assert cli("evidence", "remove", item_id).code == 0
    r = cli("evidence", "import", str(exported))
    assert r.code == 0, r.err
    assert r.out.startswith(f"Imported 2 evidence items from {exported}; 0 already there")
    titles = [i["title"] for i in json.loads(cli("evidence", "list", "--json").out)]
    assert sorted(titles) == ["Churn model", "Demand forecast"]
    again = cli("evidence", "import", str(exported))
    assert again.out.startswith(f"Imported 0 evidence items from {exported}; 2 already there")


def test_a_repeat_within_one_file_is_stored_once(cli, tmp_path: Path):
    init(cli)
    path = tmp_path / "twice.yaml"
    path.write_text(json.dumps([RECORDS[1], RECORDS[0], RECORDS[1]]))
    r = cli("evidence", "import", str(path))
    assert r.out == f"Imported 2 evidence items from {path}; 1 already there, not added again.\n"
    assert len(json.loads(cli("evidence", "list", "--json").out)) == 2


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (None, "missing.json", "does not exist"),
        ("{not json", "bad.json", "not valid JSON"),
        ("kind: [unclosed", "bad.yaml", "not valid YAML"),
        ('{"kind": "project"}', "obj.json", "must hold a list"),
        (
            json.dumps(
                [RECORDS[0], {"kind": "project", "title": "x", "date": "2025-02-31"}, RECORDS[1]]
            ),
            "mixed.json",
            "record 1",
        ),
        (json.dumps([RECORDS[0], {"kind": "wizardry", "title": "x"}]), "kind.json", "record 1"),
        (
            json.dumps([{"kind": "project", "title": "x", "verification": "api"}]),
            "api.json",
            "verification",
        ),
    ],
)
def test_bad_import_file_stores_nothing(cli, tmp_path: Path, content, name, message):
    init(cli)
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    r = cli("evidence", "import", str(path))
    assert r.code == 1
    assert r.err.startswith("error: ") and r.err.count("\n") == 1
    assert message in r.err
    assert json.loads(cli("evidence", "list", "--json").out) == []


def test_edit_and_remove(cli):
    init(cli)
    cli("evidence", "add", "product", "--title", "Tool", "--metric", "weekly_users=50")
    r = cli("evidence", "edit", "1", "--metric", "weekly_users=150", "--url", "https://t.dev")
    assert r.code == 0, r.err
    item = json.loads(cli("evidence", "show", "1", "--json").out)
    assert item["metrics"]["weekly_users"] == 150
    assert (item["class"], item["verification"]) == ("secondary", "link")
    assert cli("evidence", "remove", "1").code == 0
    assert json.loads(cli("evidence", "list", "--json").out) == []


def test_profile_show_and_set(cli):
    init(cli, stage="swe-intern", target="ml-entry")
    r = cli("profile", "set", "--hours-per-week", "20", "--skill", "pytorch", "--skill", "sql")
    assert r.code == 0, r.err
    profile = json.loads(cli("profile", "show", "--json").out)
    assert profile["hours_per_week"] == 20
    assert profile["skills"] == ["pytorch", "sql"]
    assert profile["stage"] == "swe-intern" and profile["target"] == "ml-entry"
    bad = cli("profile", "set", "--stage", "ml-junior")
    assert bad.code == 1 and "comes before" in bad.err


def test_demo_uses_its_own_database(cli, tmp_path: Path):
    r = cli("demo")
    assert r.code == 0, r.err
    assert "Readiness" in r.out and "ml-entry" in r.out and "Next actions" in r.out
    assert "This week" in r.out  # the sprint plan's current block
    assert "Best openings for ml-entry" in r.out and "Loamwise" in r.out
    assert (tmp_path / "data" / "demo.db").exists()
    assert cli("status").code == 1  # the user's own database still has no profile


def test_list_at_80_columns_is_one_line_per_item(cli_sqlite, monkeypatch):
    """A long title is cut with an ellipsis; the id, class and credibility stay whole."""
    long_title = "Fine-tuning a speech model on call-centre audio with a home-made labelling tool"
    assert cli_sqlite("evidence", "add", "open-source", "--title", long_title).code == 0
    assert cli_sqlite("evidence", "add", "course", "--title", "Short one").code == 0
    monkeypatch.setenv("COLUMNS", "80")
    out = cli_sqlite("evidence", "list").out.splitlines()
    header, first, second = out[0].split(), out[1], out[2]
    assert header == ["id", "kind", "title", "date", "class", "verified", "credibility"]
    assert all(len(line) <= 80 for line in out[:3])
    assert first.split()[:2] == ["1", "open-source"] and "…" in first
    assert second.split()[:3] == ["2", "course", "Short"]
    assert out[3].startswith("Next:")


def test_adding_by_hand_what_is_stored_already_is_kept_with_a_note(cli):
    url = "https://github.com/org/repo/pull/7"
    assert cli("evidence", "add", "open-source", "--title", "Fix loader", "--url", url).code == 0
    again = cli("evidence", "add", "open-source", "--title", "Loader fix", "--url", url)
    assert again.code == 0, again.err
    assert again.out.splitlines()[-1] == (
        "note: evidence 1 (Fix loader) has the same kind and URL: if this one is a repeat, "
        "remove it (`hireable evidence remove 2`)."
    )
    plain = cli("evidence", "add", "course", "--title", "Stats 101", "--date", "2025-01")
    assert "note:" not in plain.out
    twin = cli("evidence", "add", "course", "--title", "Stats 101", "--date", "2025-01")
    assert "note: evidence 3 (Stats 101) has the same kind and title and date" in twin.out
    assert len(json.loads(cli("evidence", "list", "--json").out)) == 4
