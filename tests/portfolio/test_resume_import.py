"""`resume import`: a JSON Resume becomes profile fields and evidence, all or nothing, and a
second import of the same file changes nothing."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

from hireable.core.resume_import import Existing, parse_resume, plan_import
from hireable.errors import ValidationError
from tests.portfolio.conftest import fill_ledger
from tests.test_hostile_inputs import DEEP, one_error

STAGES = ("--stage", "ml-entry", "--target", "ml-entry")
TODAY = dt.date(2026, 11, 25)
COMPARED = ("kind", "title", "url", "date", "validator", "skills", "metrics")


def write(tmp_path: Path, data: Any, name: str = "resume.json") -> Path:
    path = tmp_path / name
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def items(cli: Any) -> list[dict[str, Any]]:
    return json.loads(cli("evidence", "list", "--json").out)


def profile(cli: Any) -> dict[str, Any] | None:
    r = cli("profile", "show", "--json")
    return json.loads(r.out) if r.code == 0 else None


def fields(item: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(json.dumps(item[k], sort_keys=True) for k in COMPARED)


def test_export_then_import_on_a_fresh_database_gives_the_same_items(
    cli, net, tmp_path, monkeypatch
):
    from tests.portfolio.test_portfolio import verify_routes

    fresh = os.environ["HIREABLE_DATABASE_URL"]  # the test's own database, on every backend
    monkeypatch.setenv("HIREABLE_DATABASE_URL", f"sqlite:///{tmp_path / 'source.db'}")
    fill_ledger(cli)
    verify_routes(net)
    assert cli("import", "github", "alice", "--no-token").code == 0  # API-verified items too
    exported = tmp_path / "resume.json"
    assert cli("resume", "export", "--format", "json-resume", "--output", exported).code == 0
    before = items(cli)
    on_resume = [i for i in before if i["class"] != "none" or i["kind"] == "certificate"]
    assert any(i["verification"] == "api" for i in on_resume)
    source_profile = profile(cli)

    monkeypatch.setenv("HIREABLE_DATABASE_URL", fresh)
    r = cli("resume", "import", exported, *STAGES)
    assert r.code == 0, r.err
    after = items(cli)
    assert sorted(map(fields, after)) == sorted(map(fields, on_resume))
    # A file is only the learner's word: what the API verified comes back as "link given".
    assert {i["verification"] for i in after} <= {"link", "self"}
    assert all(i["verification"] == ("link" if i["url"] else "self") for i in after)
    mine = profile(cli)
    assert mine is not None and source_profile is not None
    for key in ("name", "email", "website", "location", "github", "huggingface", "target"):
        assert mine[key] == source_profile[key]
    assert f"{len(on_resume)} evidence items added, 0 already there" in r.out

    again = tmp_path / "again.json"
    assert cli("resume", "export", "--format", "json-resume", "--output", again).code == 0
    first, second = (json.loads(p.read_text(encoding="utf-8")) for p in (exported, again))
    for section in ("work", "projects", "publications", "awards", "certificates"):
        titles = sorted(e.get("name") or e.get("title") for e in first.get(section, []))
        assert titles == sorted(e.get("name") or e.get("title") for e in second.get(section, []))
    assert first["basics"] == second["basics"]


def test_importing_the_same_file_again_changes_nothing(cli, tmp_path):
    fill_ledger(cli)
    path = tmp_path / "resume.json"
    assert cli("resume", "export", "--format", "json-resume", "--output", path).code == 0
    before, mine = items(cli), profile(cli)
    for _ in range(2):
        r = cli("resume", "import", path)
        assert r.code == 0, r.err
        assert r.out.startswith(f"Nothing changed from {path}: profile unchanged; 0 evidence")
    assert items(cli) == before and profile(cli) == mine


def test_a_foreign_resume_maps_by_section_type_and_url(cli, tmp_path):
    path = write(
        tmp_path,
        {
            "basics": {
                "name": "Bo Lee",
                "email": "bo@example.org",
                "url": "https://bo.dev",
                "location": {"city": "Lagos", "countryCode": "NG"},
                "profiles": [
                    {"network": "GitHub", "username": "bolee"},
                    {"network": "HuggingFace", "url": "https://huggingface.co/bo-l"},
                    {"network": "Twitter", "username": "bo"},
                ],
                "phone": "+234 1",
            },
            "work": [
                {"name": "Acme", "position": "ML engineer", "startDate": "2024-03-01"},
                {"name": "Shop", "position": "Freelance churn model", "url": "https://shop.ex"},
            ],
            "projects": [
                {"name": "Fix tokenizer", "url": "https://github.com/o/tok/pull/12"},
                {"name": "Plant app", "type": "application", "keywords": ["onnx", "Onnx"]},
                {"name": "Notebook", "startDate": "2021"},
            ],
            "publications": [{"name": "Tricks", "publisher": "arXiv", "releaseDate": "2025-05"}],
            "awards": [{"title": "Leaf disease, 9th", "awarder": "Kaggle", "date": "2025-01"}],
            "certificates": [{"name": "DL course", "issuer": "Coursera"}],
            "references": [{"name": "Dr. Ng", "reference": "Alice shipped our model."}],
            "education": [{"institution": "Night school"}],
            "skills": [{"name": "Python", "keywords": ["pandas"]}],
        },
    )
    r = cli("resume", "import", path, *STAGES)
    assert r.code == 0, r.err
    assert "Not imported: education (1): schooling is learning, not evidence." in r.out
    got = {i["title"]: i for i in items(cli)}
    kinds = {title: i["kind"] for title, i in got.items()}
    assert kinds == {
        "ML engineer": "job",
        "Freelance churn model": "paid-work",
        "Fix tokenizer": "open-source",
        "Plant app": "product",
        "Notebook": "project",
        "Tricks": "publication",
        "Leaf disease, 9th": "competition",
        "DL course": "certificate",
        "Alice shipped our model.": "testimonial",
    }
    assert got["ML engineer"]["metrics"] == {"client": "Acme"}
    assert got["ML engineer"]["date"] == "2024-03-01" and got["Notebook"]["date"] == "2021-01"
    assert got["Plant app"]["skills"] == ["onnx"]
    assert got["Tricks"]["metrics"] == {"venue": "arXiv"}
    assert got["Leaf disease, 9th"]["metrics"] == {"platform": "Kaggle"}
    assert got["DL course"]["metrics"] == {"issuer": "Coursera"}
    assert got["Alice shipped our model."]["metrics"] == {"from": "Dr. Ng"}
    assert got["Freelance churn model"]["verification"] == "link"
    assert got["ML engineer"]["verification"] == "self"
    mine = profile(cli)
    assert mine is not None
    assert (mine["name"], mine["email"], mine["website"]) == (
        "Bo Lee",
        "bo@example.org",
        "https://bo.dev",
    )
    assert (mine["location"], mine["github"], mine["huggingface"]) == ("Lagos, NG", "bolee", "bo-l")
    assert mine["skills"] == ["Python", "pandas"]


def test_an_existing_profile_keeps_what_it_has_and_gains_what_it_lacks(cli, tmp_path):
    assert cli("init", "--name", "Alice Doe", *STAGES, "--email", "alice@example.org").code == 0
    assert cli("evidence", "add", "publication", "--title", "small DATA tricks").code == 0
    path = write(
        tmp_path,
        {
            "basics": {"name": "Alice D.", "email": "other@example.org", "url": "https://a.dev"},
            "publications": [{"name": "Small data tricks", "url": "https://arxiv.org/abs/1"}],
            "skills": [{"name": "SQL"}],
        },
    )
    r = cli("resume", "import", path, "--target", "ml-junior")
    assert r.code == 0, r.err
    assert (
        "Kept your email alice@example.org (the file says other@example.org); change it "
        "with `hireable profile set --email`." in r.out
    )
    assert "Kept your name Alice Doe (the file says Alice D.)" in r.out
    assert "1 already there" in r.out  # same title, no URL to contradict it
    mine = profile(cli)
    assert mine is not None
    assert (mine["name"], mine["email"]) == ("Alice Doe", "alice@example.org")
    assert (mine["website"], mine["target"], mine["skills"]) == (
        "https://a.dev",
        "ml-junior",
        ["SQL"],
    )
    assert len(items(cli)) == 1


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("{not json", "is not valid JSON: Expecting property name"),
        ("", "is not valid JSON"),
        (DEEP, "nests more than 100 levels deep"),
        ('{"basics": {"name": NaN}}', "NaN is not a JSON value"),
        ([{"basics": {}}], "not a JSON Resume: the top level must be an object"),
        ({"format": "hireable-portfolio/1"}, "not a JSON Resume: it has none of basics, skills"),
        ({"basics": {"name": 5}}, "basics.name must be text, not 5"),
        ({"basics": []}, "basics must be an object"),
        ({"basics": {"location": "Berlin"}}, "basics.location must be an object"),
        ({"basics": {"email": "nope"}}, "basics.email 'nope' is not an address"),
        ({"basics": {"profiles": [{"network": "GitHub", "username": "-x-"}]}},
         "basics.profiles[0].username '-x-' is not a GitHub login"),
        ({"work": {"name": "Acme"}}, "work must be a list of entries"),
        ({"work": ["Acme"]}, "work[0] must be an object"),
        ({"work": [{"summary": "did things"}]}, "work[0] has no position or name"),
        ({"projects": [{"name": "A"}, {"name": "B", "keywords": "ml"}]},
         "projects[1].keywords must be a list of names"),
        ({"projects": [{"name": "A", "startDate": "May 2024"}]},
         "projects[0].startDate 'May 2024' is not a date like 2024"),
        ({"projects": [{"name": "A", "startDate": "2099-01"}]}, "date '2099-01' is in the future"),
        ({"projects": [{"name": "A", "url": "javascript:alert(1)"}]},
         "projects[0]: url 'javascript:alert(1)' must be an http(s) address"),
        ({"projects": [{"name": "A" * 501}]}, "projects[0]: title is 501 characters; at most 500"),
        ({"awards": [{"title": "K", "x-hireable": {"kind": "job"}}]},
         "awards[0].x-hireable.kind 'job' is no kind of awards"),
        ({"awards": [{"title": "K", "x-hireable": {"kind": "competition", "verification": "api"}}]},
         "awards[0].x-hireable has an unknown key 'verification'"),
        ({"awards": [{"title": "K", "x-hireable": {"kind": "competition",
                                                    "metrics": {"teams": 10**400}}}]},
         "awards[0]: metric teams=1000"),
        ({"education": "MIT"}, "education must be a list of entries"),
    ],
)  # fmt: skip
def test_a_bad_file_is_one_error_naming_the_field_and_stores_nothing(cli, tmp_path, data, expected):
    fill_ledger(cli)
    before, mine = items(cli), profile(cli)
    one_error(cli("resume", "import", write(tmp_path, data)), expected)
    assert items(cli) == before and profile(cli) == mine


def test_one_bad_entry_imports_nothing_not_even_the_profile(cli, tmp_path):
    path = write(
        tmp_path,
        {
            "basics": {"name": "Bo", "email": "bo@example.org"},
            "projects": [{"name": "Good one"}, {"name": "Bad", "url": "ftp://x"}],
        },
    )
    one_error(cli("resume", "import", path, *STAGES), "projects[1]", "nothing was imported")
    assert profile(cli) is None
    assert cli("init", "--name", "Kim", *STAGES).code == 0
    assert items(cli) == []


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), "you have no profile yet: give --stage STAGE"),
        (("--stage", "ml-entry"), "give --target STAGE"),
        (("--stage", "nope", "--target", "ml-entry"), "unknown stage 'nope'"),
        (("--stage", "ml-junior", "--target", "ml-entry"), "comes before the current stage"),
    ],
)
def test_a_new_profile_needs_the_stage_flags(cli, tmp_path, args, expected):
    path = write(tmp_path, {"basics": {"name": "Bo"}, "projects": [{"name": "Demo"}]})
    one_error(cli("resume", "import", path, *args), expected)
    assert profile(cli) is None


def test_a_new_profile_needs_a_name(cli, tmp_path):
    path = write(tmp_path, {"projects": [{"name": "Demo"}]})
    one_error(cli("resume", "import", path, *STAGES), "the file has no basics.name")


def test_hostile_text_is_stored_literally_and_matched_again(cli, tmp_path):
    path = write(
        tmp_path,
        {
            "basics": {"name": "[bold red]Eve[/b]"},
            "projects": [{"name": "Demo\u0000 [/b] <script>x</script>", "keywords": ["a\u0000b"]}],
        },
    )
    r = cli("resume", "import", path, *STAGES)
    assert r.code == 0, r.err
    assert "profile created for [bold red]Eve[/b]" in r.out
    (item,) = items(cli)
    assert item["title"] == "Demo [/b] <script>x</script>" and item["skills"] == ["ab"]
    r = cli("resume", "import", path)
    assert r.code == 0 and "0 evidence items added, 1 already there" in r.out


def test_the_plan_matches_by_section_title_and_url() -> None:
    parsed = parse_resume(
        {
            "work": [{"name": "Acme", "position": "Engineer", "url": "https://a.example/1"}],
            "projects": [{"name": "Demo"}, {"name": "demo"}, {"name": "Other", "url": "https://o"}],
        },
        today=TODAY,
    )
    existing = [
        Existing(1, "paid-work", "ENGINEER", None),  # the same résumé section: work
        Existing(2, "open-source", "Other", "https://elsewhere"),  # a URL that contradicts
        Existing(3, "publication", "Demo", None),  # another section
    ]
    plan = plan_import(parsed, stored_profile={"name": "Al"}, existing=existing)
    assert [(i.where, hit) for i, hit in plan.matched] == [("work[0]", 1), ("projects[1]", None)]
    assert [i.where for i in plan.add] == ["projects[0]", "projects[2]"]
    assert plan.new_profile is None and plan.profile_updates == {} and plan.changes


def test_parse_refuses_what_is_no_resume() -> None:
    for data in ([], "text", {"meta": {}}):
        with pytest.raises(ValidationError, match="not a JSON Resume"):
            parse_resume(data, today=TODAY)
