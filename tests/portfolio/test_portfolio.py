"""`portfolio build` and `portfolio verify`, against the importers' fake sources."""

from __future__ import annotations

import json
import re

import pytest

from tests.evidence_import.conftest import GH, github_routes, load, reply

INIT = ("init", "--name", "Alice Doe", "--stage", "ml-entry", "--target", "ml-entry")


def _tinylib_pull() -> dict:
    pull = load("github_pull_transformers_101.json")
    pull.update(
        number=7,
        title="Typo in README",
        merged_by={"login": "bob"},
        html_url="https://github.com/bob/tinylib/pull/7",
        merged_at="2026-02-01T09:00:00Z",
    )
    pull.pop("additions", None)
    pull.pop("deletions", None)
    return pull


def verify_routes(net) -> None:
    """What `portfolio verify` fetches for every item the GitHub import stored."""
    github_routes(net)
    net.route("GET", f"{GH}/repos/alice/cool-llm", reply(load("github_user_repos.json")[0]))
    net.route("GET", f"{GH}/repos/bob/tinylib/pulls/7", reply(_tinylib_pull()))


@pytest.fixture
def built(cli_sqlite, net, tmp_path):
    verify_routes(net)
    assert cli_sqlite(*INIT, "--email", "alice@example.org", "--github", "alice").code == 0
    assert cli_sqlite("import", "github", "alice", "--no-token").code == 0
    out = tmp_path / "site"
    r = cli_sqlite("portfolio", "build", "--output", out)
    assert r.code == 0, r.err
    return out


def doc(site) -> dict:
    return json.loads((site / "portfolio.json").read_text(encoding="utf-8"))


def test_build_writes_a_self_contained_site_strongest_first(built, cli_sqlite):
    html = (built / "index.html").read_text(encoding="utf-8")
    assert "Alice Doe" in html and "Looking for an entry-level machine learning role" in html
    assert 'href="mailto:alice@example.org"' in html and "github.com/alice" in html
    assert "Merged by a maintainer into huggingface/transformers, 130k stars." in html
    assert "Verified via the GitHub API on " in html
    assert "hireable portfolio verify" in html and "@media print" in html
    assert "viewport" in html
    # no external requests: no stylesheet links, scripts, images or fonts fetched from anywhere
    assert not re.search(r"<(link|script|img|iframe)\b|@import|url\(", html)
    data = doc(built)
    assert data["format"] == "hireable-portfolio/1" and data["person"]["name"] == "Alice Doe"
    classes = [i["class"] for i in data["items"]]
    assert classes == sorted(classes, key=["primary", "secondary", "talent"].index)
    assert classes[0] == "primary"
    first = data["items"][0]
    assert first["source"]["key"] == "github:pr:huggingface/transformers#101"
    assert first["source"]["api"].endswith("/repos/huggingface/transformers/pulls/101")
    assert first["source"]["signals"]["stars"] == 130000 and first["source"]["fetched_at"]
    assert html.index("huggingface/transformers#101") < html.index("alice/cool-llm")


def test_none_class_left_out_self_only_when_asked_and_titles_escaped(cli_sqlite, net, tmp_path):
    assert cli_sqlite(*INIT, "--website", "https://alice.dev").code == 0
    cli_sqlite("evidence", "add", "certificate", "--title", "Deep Learning Specialization")
    cli_sqlite(
        "evidence", "add", "project", "--title", "MNIST classifier", "--url", "https://x.org/m"
    )
    cli_sqlite(
        "evidence",
        "add",
        "product",
        "--title",
        "<script>alert(1)</script>",
        "--url",
        "https://x.org/app",
        "--metric",
        "weekly_users=300",
    )
    cli_sqlite(
        "evidence",
        "add",
        "paid-work",
        "--title",
        "Churn model for a shop",
        "--metric",
        "amount=4000",
        "--metric",
        "currency=EUR",
        "--metric",
        "client=Shop",
    )
    out = tmp_path / "p"
    assert cli_sqlite("portfolio", "build", "--output", out).code == 0
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    assert "Link given" in html and "300 weekly users" in html
    assert "Specialization" not in html and "MNIST" not in html and "Churn" not in html
    assert cli_sqlite("portfolio", "build", "--output", out, "--include-self").code == 0
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "Churn model for a shop" in html and "Self-reported" in html
    items = {i["title"]: i for i in doc(out)["items"]}
    assert items["Churn model for a shop"]["verification"] == "self"
    assert "source" not in items["Churn model for a shop"]


def test_missing_contact_or_profile_is_one_line_naming_the_option(cli_sqlite, tmp_path):
    r = cli_sqlite("portfolio", "build", "--output", tmp_path / "p")
    assert r.code == 1 and "hireable init" in r.err and r.err.count("\n") == 1
    cli_sqlite(*INIT)
    r = cli_sqlite("portfolio", "build", "--output", tmp_path / "p")
    assert r.code == 1 and "hireable profile set --email" in r.err and r.err.count("\n") == 1
    assert not (tmp_path / "p").exists()


def test_unwritable_output_is_one_line_and_leaves_the_old_site(cli_sqlite, tmp_path):
    cli_sqlite(*INIT, "--email", "a@example.org")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = cli_sqlite("portfolio", "build", "--output", blocker / "site")
    assert r.code == 1 and r.err.count("\n") == 1
    assert r.err.startswith(f"error: cannot write {blocker / 'site'}: ")
    assert r.err.endswith("; check the --output path\n")  # as every other writer says it
    r = cli_sqlite("portfolio", "build", "--output", blocker)
    assert r.code == 1 and "is a file" in r.err
    site = tmp_path / "site"
    site.mkdir()
    (site / "notes.txt").write_text("mine")
    r = cli_sqlite("portfolio", "build", "--output", site)
    assert r.code == 1 and "notes.txt" in r.err and (site / "notes.txt").read_text() == "mine"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_fresh_portfolio_verifies_confirmed(built, cli_sqlite):
    r = cli_sqlite("portfolio", "verify", built / "portfolio.json")
    assert r.code == 0, r.err
    assert "4 confirmed, 0 moved, 0 contradicted, 0 unreachable" in r.out
    data = json.loads(cli_sqlite("portfolio", "verify", built, "--json").out)
    assert data["ok"] and {i["status"] for i in data["items"]} == {"confirmed"}


def _edit(site, key: str, change) -> None:
    data = doc(site)
    item = next(i for i in data["items"] if i["source"]["key"] == key)
    change(item["source"]["signals"])
    (site / "portfolio.json").write_text(json.dumps(data), encoding="utf-8")


TRANSFORMERS = "github:pr:huggingface/transformers#101"


@pytest.mark.parametrize(
    ("change", "status", "code"),
    [
        (lambda s: s.update(stars=1_400_000), "contradicted", 1),
        (lambda s: s.update(stars=120_000), "moved", 0),
        (lambda s: s.update(merged_by="torvalds"), "contradicted", 1),
        (lambda s: s.update(author="karpathy"), "contradicted", 1),
    ],
)
def test_edited_claims_are_caught(built, cli_sqlite, change, status, code):
    _edit(built, TRANSFORMERS, change)
    r = cli_sqlite("portfolio", "verify", built / "portfolio.json", "--json")
    assert r.code == code, r.err
    got = {i["title"].split(":")[0]: i for i in json.loads(r.out)["items"]}
    assert got["huggingface/transformers#101"]["status"] == status
    others = [i["status"] for k, i in got.items() if k != "huggingface/transformers#101"]
    assert set(others) == {"confirmed"}


def test_an_item_gone_or_unmerged_at_the_source_is_never_confirmed(built, cli_sqlite, net):
    net.route("GET", f"{GH}/repos/alice/cool-llm", reply({"message": "Not Found"}, 404))
    closed = load("github_pull_transformers_101.json")
    closed.update(merged_at=None, merged=False, merged_by=None)
    net.route("GET", f"{GH}/repos/huggingface/transformers/pulls/101", reply(closed))
    r = cli_sqlite("portfolio", "verify", built / "portfolio.json")
    assert r.code == 1
    lines = r.out.splitlines()
    assert any("cool-llm" in line and line.split()[0] == "unreachable" for line in lines)
    assert any("#101" in line and line.split()[0] == "contradicted" for line in lines)
    assert any("#101" in line and "not merged" in line for line in lines)
    assert "2 confirmed, 0 moved, 1 contradicted, 1 unreachable" in lines[-1]


def test_verify_reads_a_url_and_rejects_what_is_not_a_portfolio(built, cli_sqlite, net, tmp_path):
    net.route("GET", "alice.example.org/portfolio.json", reply(doc(built)))
    r = cli_sqlite("portfolio", "verify", "https://alice.example.org/portfolio.json")
    assert r.code == 0 and "4 confirmed" in r.out
    other = tmp_path / "other.json"
    other.write_text('{"basics": {}}')
    for bad in (other, tmp_path / "missing.json"):
        r = cli_sqlite("portfolio", "verify", bad)
        assert r.code == 1 and r.err.startswith("error: ") and r.err.count("\n") == 1
    assert "not a hireable portfolio" in cli_sqlite("portfolio", "verify", other).err
