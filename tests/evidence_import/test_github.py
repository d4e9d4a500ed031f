"""`hireable import github USER`: pull requests into others' repositories and own products."""

from __future__ import annotations

import time

import httpx

from tests.evidence_import.conftest import (
    GH,
    TOKEN,
    by_url,
    github_routes,
    items,
    load,
    reply,
    sequence,
)

PR_TRANSFORMERS = "https://github.com/huggingface/transformers/pull/101"
PR_TINYLIB = "https://github.com/bob/tinylib/pull/7"
PR_VISION = "https://github.com/mlorg/vision/pull/55"
REPO_LLM = "https://github.com/alice/cool-llm"


def test_rest_import_maps_pull_requests_and_products(cli, net):
    github_routes(net)
    result = cli("import", "github", "alice", "--no-token")
    assert result.code == 0, result.err
    got = by_url(cli)
    assert set(got) == {PR_TRANSFORMERS, PR_TINYLIB, PR_VISION, REPO_LLM}
    maintainer = got[PR_TRANSFORMERS]
    assert maintainer["kind"] == "open-source" and maintainer["verification"] == "api"
    assert maintainer["class"] == "primary"
    assert maintainer["metrics"] == {
        "repo": "huggingface/transformers", "stars": 130000, "merged": True, "ml_repo": True,
        "author": "alice", "merged_by": "a maintainer", "merged_at": "2026-03-10T12:00:00Z",
    }  # fmt: skip
    # a CONTRIBUTOR has no write access, so someone else merged it: no detail request needed
    assert maintainer["validator"] == "a maintainer of huggingface/transformers"
    assert maintainer["date"] == "2026-03-10"
    # self-merged into a popular ML repo: weaker than a maintainer's merge
    selfmerged = got[PR_VISION]
    assert selfmerged["class"] == "talent" and "self-merged" in selfmerged["signals"]
    assert selfmerged["credibility"] < maintainer["credibility"]
    # a small non-ML repo by a contributor: merged by someone else, no look-up spent
    assert got[PR_TINYLIB]["metrics"]["ml_repo"] is False
    assert got[PR_TINYLIB]["metrics"]["merged_by"] == "a maintainer"
    assert got[REPO_LLM]["kind"] == "product"
    assert got[REPO_LLM]["metrics"] == {"stars": 120, "forks": 14}
    # a PR to the user's own repository is not an open-source contribution
    assert "alice/notes#3" in result.out and "your own repository" in result.out
    assert "alice/dotfiles" in result.out and "fewer than 10 stars" in result.out
    assert "4 added, 0 updated, 0 unchanged" in result.out
    # details only where the author could have merged it and the class depends on it
    assert sorted(p for p in net.paths() if "/pulls/" in p) == ["/repos/mlorg/vision/pulls/55"]
    search = [r for r in net.requests if r.url.path == "/search/issues"][0]
    assert search.url.params["q"] == "is:pr is:merged author:alice -user:alice"
    assert search.url.params["per_page"] == "100"


def test_provenance_keeps_source_and_raw_record(cli_sqlite, net):
    github_routes(net)
    assert cli_sqlite("import", "github", "alice", "--no-token").code == 0
    pr = by_url(cli_sqlite)[PR_TRANSFORMERS]
    shown = cli_sqlite("evidence", "show", str(pr["id"]), "--json")
    assert "api.github.com/repos/huggingface/transformers/pulls/101" in shown.out


def test_graphql_with_token_and_token_never_leaks(cli, net, monkeypatch):
    github_routes(net)
    monkeypatch.setenv("HIREABLE_GITHUB_TOKEN", TOKEN)
    result = cli("import", "github", "alice")
    assert result.code == 0, result.err
    graphql = [r for r in net.requests if r.url.path == "/graphql"]
    assert len(graphql) == 1
    assert graphql[0].headers["Authorization"] == f"Bearer {TOKEN}"
    assert "is:pr is:merged author:alice -user:alice" in graphql[0].content.decode()
    assert not [p for p in net.paths() if p.startswith("/search") or "/pulls/" in p]
    got = by_url(cli)
    assert got[PR_TRANSFORMERS]["class"] == "primary"
    assert got[PR_TINYLIB]["metrics"]["merged_by"] == "bob"
    assert got[PR_VISION]["class"] == "talent"
    exported = cli("evidence", "export")
    for text in (result.out, result.err, exported.out):
        assert TOKEN not in text
    dump = _database_text(cli)
    assert TOKEN not in dump and "Authorization" not in dump


def _database_text(cli) -> str:
    import os

    from sqlalchemy import create_engine, text

    engine = create_engine(
        os.environ["HIREABLE_DATABASE_URL"].replace("postgresql://", "postgresql+psycopg://")
    )
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT * FROM evidence")).fetchall()
    engine.dispose()
    return repr(rows)


def test_second_import_is_a_no_op(cli, net):
    github_routes(net)
    assert cli("import", "github", "alice", "--no-token").code == 0
    first = items(cli)
    again = cli("import", "github", "alice", "--no-token")
    assert again.code == 0, again.err
    assert "0 added, 0 updated, 4 unchanged" in again.out
    assert items(cli) == first


def test_changed_signals_update_the_item_and_its_score(cli, net):
    github_routes(net)
    assert cli("import", "github", "alice", "--no-token").code == 0
    before = by_url(cli)[PR_VISION]
    repo = load("github_repo_vision.json")
    repo["stargazers_count"] = 600  # below the popular-project tier now
    net.route("GET", f"{GH}/repos/mlorg/vision", reply(repo))
    again = cli("import", "github", "alice", "--no-token")
    assert "stars 2,000 → 600" in again.out and "credibility" in again.out
    assert "0 added, 1 updated, 3 unchanged" in again.out
    after = by_url(cli)[PR_VISION]
    assert after["id"] == before["id"] and after["metrics"]["stars"] == 600


def test_learner_edits_of_title_and_skills_survive_a_reimport(cli_sqlite, net):
    github_routes(net)
    assert cli_sqlite("import", "github", "alice", "--no-token").code == 0
    pr = by_url(cli_sqlite)[PR_TRANSFORMERS]
    cli_sqlite("evidence", "edit", str(pr["id"]), "--title", "LoRA int8 fix", "--skill", "PyTorch")
    assert cli_sqlite("import", "github", "alice", "--no-token").code == 0
    pr = by_url(cli_sqlite)[PR_TRANSFORMERS]
    assert pr["title"] == "LoRA int8 fix" and pr["skills"] == ["PyTorch"]


def test_hand_made_item_with_the_same_url_is_adopted(cli_sqlite, net):
    github_routes(net)
    cli_sqlite("evidence", "add", "open-source", "--title", "My LoRA fix", "--url", PR_TRANSFORMERS)
    result = cli_sqlite("import", "github", "alice", "--no-token")
    assert "matched your item by its URL" in result.out
    mine = [i for i in items(cli_sqlite) if i["url"] == PR_TRANSFORMERS]
    assert len(mine) == 1 and mine[0]["verification"] == "api" and mine[0]["title"] == "My LoRA fix"


def test_429_then_200_succeeds(cli_sqlite, net):
    github_routes(net)
    net.route(
        "GET",
        f"{GH}/search/issues",
        sequence(
            reply({"message": "slow down"}, 429, {"Retry-After": "2"}),
            reply(load("github_search.json")),
        ),
    )
    result = cli_sqlite("import", "github", "alice", "--no-token")
    assert result.code == 0, result.err
    assert 2.0 in net.sleeps
    assert len(items(cli_sqlite)) == 4


def test_403_rate_limit_stops_cleanly_and_keeps_what_was_imported(cli, net):
    github_routes(net)
    reset = int(time.time()) + 3600
    net.route(
        "GET",
        f"{GH}/repos/bob/tinylib",
        reply(
            {"message": "API rate limit exceeded for 203.0.113.9."},
            403,
            {
                "X-RateLimit-Limit": "60",
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset": str(reset),
                "X-RateLimit-Resource": "core",
            },
        ),
    )
    result = cli("import", "github", "alice", "--no-token")
    assert result.code == 1
    assert "rate limit" in result.err and "run the same command again after" in result.err
    assert "the 1 item added or updated so far is kept" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert [i["url"] for i in items(cli)] == [PR_TRANSFORMERS]


def test_unknown_user_is_one_clear_line(cli, net):
    github_routes(net)
    result = cli("import", "github", "nobody-here", "--no-token")
    assert result.code == 1
    assert result.err.strip() == "error: GitHub user 'nobody-here' does not exist"
    assert items(cli) == []


def test_revoked_token_is_one_clear_line_without_the_token(cli, net, monkeypatch):
    monkeypatch.setenv("HIREABLE_GITHUB_TOKEN", TOKEN)
    net.route("GET", f"{GH}/users/alice", reply({"message": "Bad credentials"}, 401))
    result = cli("import", "github", "alice")
    assert result.code == 1
    assert "rejected the token" in result.err and TOKEN not in result.err + result.out
    assert len(result.err.strip().splitlines()) == 1


def test_malformed_response_writes_nothing(cli, net):
    github_routes(net)
    net.route("GET", f"{GH}/users/alice/repos", lambda r: httpx.Response(200, text="<html>oops"))
    result = cli("import", "github", "alice", "--no-token")
    assert result.code == 1 and "malformed JSON" in result.err
    assert items(cli) == []


def test_graphql_rate_limited_error_body(cli_sqlite, net, monkeypatch):
    github_routes(net)
    monkeypatch.setenv("HIREABLE_GITHUB_TOKEN", TOKEN)
    net.route(
        "POST",
        f"{GH}/graphql",
        reply(
            {"errors": [{"type": "RATE_LIMITED", "message": "API rate limit exceeded"}]},
            200,
            {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(time.time()) + 600)},
        ),
    )
    result = cli_sqlite("import", "github", "alice")
    assert result.code == 1 and "run the same command again after" in result.err
