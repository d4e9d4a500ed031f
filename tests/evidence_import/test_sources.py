"""Hugging Face, Kaggle and paper imports; `evidence add --url`; `evidence refresh`."""

from __future__ import annotations

import json

import pytest

from tests.evidence_import.conftest import GH, by_url, github_routes, items, load, reply

HF = "huggingface.co"
KG = "www.kaggle.com"
OA = "api.openalex.org"
S2 = "api.semanticscholar.org"
AX = "export.arxiv.org"
NEXT = '<https://huggingface.co/api/models?author=alice&cursor=abc>; rel="next"'


def hf_routes(net) -> None:
    net.route("GET", f"{HF}/api/users/alice/overview", reply(load("hf_overview.json")))
    net.route("GET", f"{HF}/api/models", reply(load("hf_models.json")))
    net.route("GET", f"{HF}/api/datasets", reply(load("hf_datasets.json")))
    net.route("GET", f"{HF}/api/spaces", reply(load("hf_spaces.json")))
    model = load("hf_models.json")[0]
    net.route("GET", f"{HF}/api/models/alice/tiny-sentiment", reply(model))
    net.route("GET", f"{HF}/api/datasets/alice/street-signs", reply(load("hf_datasets.json")[0]))
    net.route("GET", f"{HF}/api/spaces/alice/sign-reader", reply(load("hf_spaces.json")[0]))


def test_huggingface_import(cli, net):
    hf_routes(net)
    result = cli("import", "huggingface", "alice")
    assert result.code == 0, result.err
    got = by_url(cli)
    model = got["https://huggingface.co/alice/tiny-sentiment"]
    assert model["kind"] == "product" and model["verification"] == "api"
    assert model["metrics"] == {"downloads": 12000, "downloads_30d": 1500, "likes": 9}
    assert model["class"] == "secondary" and model["date"] == "2025-05-02"
    assert got["https://huggingface.co/datasets/alice/street-signs"]["metrics"]["downloads"] == 4100
    assert got["https://huggingface.co/spaces/alice/sign-reader"]["metrics"] == {"likes": 12}
    assert "alice/scratch" in result.out and "fewer than 100 downloads" in result.out
    listing = [r for r in net.requests if r.url.path == "/api/models"][0]
    assert listing.url.params["author"] == "alice"
    assert "downloadsAllTime" in listing.url.params.get_list("expand[]")
    again = cli("import", "huggingface", "alice")
    assert "0 added, 0 updated, 3 unchanged" in again.out


def test_huggingface_follows_link_pagination(cli_sqlite, net):
    hf_routes(net)
    first, second = load("hf_models.json")
    net.route(
        "GET",
        f"{HF}/api/models",
        lambda r: (
            reply([second])(r)
            if r.url.params.get("cursor")
            else reply(
                [first],
                headers={"Link": NEXT},
            )(r)
        ),
    )
    assert cli_sqlite("import", "huggingface", "alice").code == 0
    assert "alice/scratch" in cli_sqlite("import", "huggingface", "alice").out


def test_a_spinner_shows_on_a_terminal_and_leaves_the_report_alone(cli_sqlite, net, monkeypatch):
    import io

    from rich.console import Console

    from hireable.cli import common

    buffer = io.StringIO()
    monkeypatch.setattr(
        common, "err_console", lambda: Console(file=buffer, force_terminal=True, width=100)
    )
    hf_routes(net)
    result = cli_sqlite("import", "huggingface", "alice")
    assert result.code == 0, result.err
    assert "importing alice from Hugging Face" in buffer.getvalue()
    assert "3 added" in result.out  # the report still goes to stdout
    buffer.truncate(0)
    with common.working("importing [bold]x[/bold]"):  # names are text, not markup
        pass
    assert "importing [bold]x[/bold]" in buffer.getvalue()


def test_huggingface_unknown_user(cli_sqlite, net):
    result = cli_sqlite("import", "huggingface", "ghost")
    assert result.code == 1
    assert result.err.strip() == "error: Hugging Face user or organisation 'ghost' does not exist"


def kaggle_routes(net) -> None:
    net.route(
        "GET",
        f"{KG}/api/v1/competitions/list",
        lambda r: reply(load("kaggle_entered.json") if r.url.params["page"] == "1" else [])(r),
    )


def test_kaggle_api_import_with_credentials(cli, net, monkeypatch):
    kaggle_routes(net)
    monkeypatch.setenv("KAGGLE_USERNAME", "alice")
    monkeypatch.setenv("KAGGLE_KEY", "kaggle-secret-key-123")
    result = cli("import", "kaggle")
    assert result.code == 0, result.err
    got = by_url(cli)
    comp = got["https://www.kaggle.com/competitions/store-sales-forecasting"]
    assert comp["metrics"] == {"platform": "kaggle", "teams": 2000, "rank": 50}
    assert comp["class"] == "primary" and comp["verification"] == "api"
    assert "silver medal" in result.out and "top 2.5%" in result.out
    assert "no final rank yet" in result.out and "Getting Started" in result.out
    assert len(got) == 1
    sent = net.requests[0]
    assert sent.url.params["group"] == "entered" and sent.headers["Authorization"].startswith(
        "Basic"
    )
    assert "kaggle-secret-key-123" not in result.out + result.err + cli("evidence", "export").out


def test_kaggle_credentials_from_kaggle_json(cli_sqlite, net, tmp_path):
    kaggle_routes(net)
    folder = tmp_path / "home" / ".kaggle"
    folder.mkdir(parents=True)
    (folder / "kaggle.json").write_text(json.dumps({"username": "alice", "key": "k"}))
    assert cli_sqlite("import", "kaggle").code == 0
    assert len(items(cli_sqlite)) == 1


def test_kaggle_without_credentials_says_what_to_do(cli_sqlite, net):
    result = cli_sqlite("import", "kaggle")
    assert result.code == 1 and "no Kaggle credentials" in result.err and "--csv" in result.err


def test_kaggle_csv_import_and_all_or_nothing(cli, net, tmp_path):
    good = tmp_path / "results.csv"
    good.write_text(
        "competition,url,teams,rank,date\n"
        "Store Sales,https://www.kaggle.com/competitions/store-sales-forecasting,2000,50,2025-11\n"
        "Local hackathon,,40,3,2025-05-10\n"
    )
    result = cli("import", "kaggle", "--csv", str(good))
    assert result.code == 0, result.err
    got = {i["title"]: i for i in items(cli)}
    assert got["Kaggle: Store Sales"]["verification"] == "link"
    assert got["Kaggle: Local hackathon"]["verification"] == "self"
    assert cli("import", "kaggle", "--csv", str(good)).out.count("unchanged") >= 1
    bad = tmp_path / "bad.csv"
    bad.write_text("competition,url,teams,rank,date\nA,,100,5,2025-01\nB,,10,50,2025-01\n")
    result = cli("import", "kaggle", "--csv", str(bad))
    assert result.code == 1 and "line 3" in result.err and "nothing was imported" in result.err
    assert len(items(cli)) == 2


def paper_routes(net) -> None:
    net.route("GET", f"{OA}/works", reply(load("openalex_works.json")))
    net.route("GET", f"{S2}/graph/v1/author/123/papers", reply(load("s2_papers.json")))
    net.route("GET", f"{AX}/api/query", reply(load("arxiv_feed.xml")))


def test_openalex_by_orcid(cli, net):
    paper_routes(net)
    result = cli("import", "papers", "--orcid", "https://orcid.org/0000-0002-1825-0097")
    assert result.code == 0, result.err
    got = by_url(cli)
    paper = got["https://doi.org/10.1145/3600001.3600002"]
    assert paper["class"] == "primary"
    assert paper["metrics"] == {
        "peer_reviewed": True, "venue": "Proceedings of the ACM Conference on Small Models",
        "citations": 14, "first_author": True,
    }  # fmt: skip
    preprint = got["https://doi.org/10.48550/arxiv.2501.01234"]
    assert preprint["metrics"]["peer_reviewed"] is False and preprint["class"] == "secondary"
    assert preprint["metrics"]["first_author"] is False
    assert "preprint: weaker evidence" in result.out and "not a paper" in result.out
    sent = net.requests[0].url.params
    assert sent["filter"] == "author.orcid:0000-0002-1825-0097" and sent["per-page"] == "200"
    assert sent["cursor"] == "*"


def test_openalex_api_key_never_stored(cli_sqlite, net, monkeypatch):
    paper_routes(net)
    monkeypatch.setenv("HIREABLE_OPENALEX_API_KEY", "oa-secret-456")
    result = cli_sqlite("import", "papers", "--openalex", "A5000000001")
    assert result.code == 0, result.err
    assert net.requests[0].url.params["api_key"] == "oa-secret-456"
    for item in items(cli_sqlite):
        shown = cli_sqlite("evidence", "show", str(item["id"]), "--json").out
        assert "oa-secret-456" not in shown


def test_semantic_scholar_merges_with_openalex_by_doi(cli, net):
    paper_routes(net)
    assert cli("import", "papers", "--orcid", "0000-0002-1825-0097").code == 0
    result = cli("import", "papers", "--semantic-scholar", "123")
    assert result.code == 0, result.err
    assert "citations 14 → 16" in result.out
    papers = [i for i in items(cli) if "Cheap Distillation" in i["title"]]
    assert len(papers) == 1
    s2_preprint = [i for i in items(cli) if i["title"] == "Scaling Laws for Very Small Models"][0]
    assert s2_preprint["metrics"]["peer_reviewed"] is False


def test_arxiv_by_author_paced(cli_sqlite, net):
    paper_routes(net)
    result = cli_sqlite("import", "papers", "--arxiv-author", "Alice Liddell")
    assert result.code == 0, result.err
    got = by_url(cli_sqlite)
    preprint = got["https://arxiv.org/abs/2502.04321"]
    assert preprint["title"] == "Scaling Laws for Very Small Models"
    assert preprint["metrics"] == {"peer_reviewed": False, "venue": "arXiv", "first_author": True}
    published = got["https://arxiv.org/abs/2409.00077"]
    assert published["metrics"]["peer_reviewed"] is True and published["class"] == "primary"
    assert "preprint: weaker evidence" in result.out
    assert net.requests[0].url.params["search_query"] == 'au:"Alice Liddell"'


def test_arxiv_pacer_waits_three_seconds_between_requests():
    from hireable.sources.evidence.arxiv import Pacer

    now, slept = [100.0], []

    def sleep(s: float) -> None:
        slept.append(s)
        now[0] += s

    pacer = Pacer(sleep=sleep, clock=lambda: now[0])
    pacer.wait()
    now[0] += 1.0
    pacer.wait()
    pacer.wait()
    assert slept == [2.0, 3.0]


def test_papers_needs_exactly_one_identity(cli_sqlite, net):
    result = cli_sqlite("import", "papers")
    assert result.code == 2 and "exactly one" in result.err


# -- evidence add --url -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "kind", "expect"),
    [
        ("https://github.com/huggingface/transformers/pull/101", "open-source", "primary"),
        ("https://huggingface.co/alice/tiny-sentiment", "product", "secondary"),
        ("https://huggingface.co/datasets/alice/street-signs", "product", "secondary"),
        ("https://huggingface.co/spaces/alice/sign-reader", "product", "talent"),
        ("https://www.kaggle.com/competitions/store-sales-forecasting", "competition", None),
        ("https://arxiv.org/abs/2502.04321v2", "publication", "secondary"),
        ("https://doi.org/10.1145/3600001.3600002", "publication", "primary"),
    ],
)
def test_add_by_url_recognises_each_kind(cli_sqlite, net, monkeypatch, url, kind, expect):
    github_routes(net)
    hf_routes(net)
    kaggle_routes(net)
    paper_routes(net)
    net.route(
        "GET",
        f"{OA}/works/doi:10.1145/3600001.3600002",
        reply(load("openalex_works.json")["results"][0]),
    )
    if "kaggle" in url:
        monkeypatch.setenv("KAGGLE_USERNAME", "alice")
        monkeypatch.setenv("KAGGLE_KEY", "k")
        expect = "primary"
    result = cli_sqlite("evidence", "add", "--url", url)
    assert result.code == 0, result.err
    [item] = items(cli_sqlite)
    assert item["kind"] == kind and item["class"] == expect and item["verification"] == "api"
    again = cli_sqlite("evidence", "add", "--url", url)
    assert "Already recorded" in again.out and len(items(cli_sqlite)) == 1


def test_add_kaggle_url_without_credentials_is_a_link(cli_sqlite, net):
    result = cli_sqlite(
        "evidence",
        "add",
        "--url",
        "https://www.kaggle.com/c/store-sales",
        "--metric",
        "teams=2000",
        "--metric",
        "rank=50",
    )
    assert result.code == 0, result.err
    [item] = items(cli_sqlite)
    assert item["verification"] == "link" and item["metrics"]["rank"] == 50
    assert not net.requests


def test_add_unrecognised_url_without_kind_is_a_clear_error(cli_sqlite, net):
    result = cli_sqlite("evidence", "add", "--url", "https://example.com/my-blog")
    assert result.code == 1 and "give its KIND" in result.err
    assert cli_sqlite("evidence", "add").code == 2
    assert not net.requests and items(cli_sqlite) == []


def test_add_with_kind_records_a_link_without_fetching(cli_sqlite, net):
    result = cli_sqlite(
        "evidence", "add", "open-source", "--title", "PR", "--url", "https://github.com/a/b/pull/1"
    )
    assert result.code == 0 and not net.requests


# -- evidence refresh -------------------------------------------------------------------------


def test_refresh_reverifies_api_items(cli, net):
    github_routes(net)
    hf_routes(net)
    assert cli("import", "github", "alice", "--no-token").code == 0
    assert cli("import", "huggingface", "alice").code == 0
    cli("evidence", "add", "project", "--title", "Hand-made")
    net.route("GET", f"{GH}/repos/alice/cool-llm", reply(load("github_user_repos.json")[0]))
    tiny = load("github_pull_transformers_101.json")
    tiny.update(
        number=7,
        title="Typo in README",
        merged_by={"login": "bob"},
        additions=1,
        deletions=1,
        html_url="https://github.com/bob/tinylib/pull/7",
    )
    net.route("GET", f"{GH}/repos/bob/tinylib/pulls/7", reply(tiny))
    model = load("hf_models.json")[0]
    model["downloadsAllTime"] = 20000
    net.route("GET", f"{HF}/api/models/alice/tiny-sentiment", reply(model))
    net.requests.clear()
    result = cli("evidence", "refresh")
    assert result.code == 0, result.err
    assert "downloads 12,000 → 20,000" in result.out
    assert "3 updated" in result.out and "4 unchanged" in result.out
    # refresh fills in the merger that the import could only infer
    assert "merged_by a maintainer → bob" in result.out
    assert not [r for r in net.requests if "/search/" in r.url.path]


def test_refresh_one_item_and_gone_items(cli_sqlite, net):
    github_routes(net)
    assert cli_sqlite("import", "github", "alice", "--no-token").code == 0
    pr = by_url(cli_sqlite)["https://github.com/bob/tinylib/pull/7"]
    net.route("GET", f"{GH}/repos/bob/tinylib/pulls/7", reply({"message": "Not Found"}, 404))
    result = cli_sqlite("evidence", "refresh", str(pr["id"]))
    assert result.code == 0 and "missing" in result.out and "kept as it was" in result.out
    hand = cli_sqlite("evidence", "add", "project", "--title", "Mine")
    assert hand.code == 0
    mine = [i for i in items(cli_sqlite) if i["title"] == "Mine"][0]
    result = cli_sqlite("evidence", "refresh", str(mine["id"]))
    assert result.code == 1 and "nothing to refresh" in result.err
