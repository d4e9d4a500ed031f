"""How many requests a GitHub import costs: a user with 1,000 merged pull requests across 200
repositories (and, to show date slicing, one with 2,500), with a token (GraphQL) and without
(REST search + repository look-ups + the budgeted pull request details). Served by a counting
`httpx.MockTransport`; prints the counts, asserts nothing.

    .venv/bin/python benchmarks/bench_github_requests.py
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from typing import Any

import httpx

BASE = "https://api.github.com"
START = dt.date(2020, 1, 1)


def fake_github(
    n_prs: int, n_repos: int, popular_ml: int = 20
) -> tuple[httpx.MockTransport, Counter]:
    """Pull requests spread over repositories and merge dates; the first `popular_ml`
    repositories are ML projects with 5,000 stars (REST spends detail look-ups on them)."""
    counts: Counter = Counter()
    pulls = [
        {
            "repo": f"org{i % n_repos}/proj{i % n_repos}",
            "number": i + 1,
            "merged": START + dt.timedelta(days=(i * 2000) // max(1, n_prs)),
        }
        for i in range(n_prs)
    ]

    def matching(query: str) -> list[dict[str, Any]]:
        m = re.search(r"merged:(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})", query)
        if not m:
            return pulls
        lo, hi = dt.date.fromisoformat(m[1]), dt.date.fromisoformat(m[2])
        return [p for p in pulls if lo <= p["merged"] <= hi]

    def repo_json(full: str) -> dict[str, Any]:
        index = int(full.split("/")[0].removeprefix("org"))
        ml = index < popular_ml
        return {
            "full_name": full, "owner": {"login": full.split("/")[0]},
            "html_url": f"https://github.com/{full}", "stargazers_count": 5000 if ml else 50,
            "forks_count": 3, "topics": ["deep-learning"] if ml else [], "language": "Python",
            "description": "a project", "fork": False,
        }  # fmt: skip

    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/users/bench":
            counts["user"] += 1
            return httpx.Response(
                200, json={"login": "bench", "created_at": "2019-06-01T00:00:00Z"}
            )
        if path == "/users/bench/repos":
            counts["own repos"] += 1
            return httpx.Response(200, json=[])
        if path == "/search/issues":
            counts["search"] += 1
            found = matching(request.url.params["q"])
            page = int(request.url.params.get("page", 1))
            chunk = found[:1000][(page - 1) * 100 : page * 100]
            items = [search_item(p) for p in chunk]
            return httpx.Response(200, json={"total_count": len(found), "items": items})
        if path == "/graphql":
            counts["graphql"] += 1
            body = json.loads(request.content)
            found = matching(body["variables"]["q"])
            offset = int(body["variables"]["after"] or 0)
            chunk = found[:1000][offset : offset + 100]
            more = offset + 100 < min(1000, len(found))
            nodes = [graphql_node(p, repo_json(p["repo"])) for p in chunk]
            return httpx.Response(200, json={"data": {"search": {
                "issueCount": len(found), "nodes": nodes,
                "pageInfo": {"hasNextPage": more, "endCursor": str(offset + 100)},
            }}})  # fmt: skip
        m = re.fullmatch(r"/repos/([^/]+/[^/]+)/pulls/(\d+)", path)
        if m:
            counts["pull details"] += 1
            return httpx.Response(200, json={
                "number": int(m[2]), "title": "t", "user": {"login": "bench"},
                "merged_at": "2021-01-01T00:00:00Z", "merged_by": {"login": "maintainer"},
                "additions": 10, "deletions": 2,
            })  # fmt: skip
        m = re.fullmatch(r"/repos/([^/]+/[^/]+)", path)
        if m:
            counts["repo look-ups"] += 1
            return httpx.Response(200, json=repo_json(m[1]))
        return httpx.Response(404, json={"message": "Not Found"})

    return httpx.MockTransport(handler), counts


def search_item(p: dict[str, Any]) -> dict[str, Any]:
    return {
        "number": p["number"], "title": "t", "user": {"login": "bench"},
        "author_association": "CONTRIBUTOR",
        "repository_url": f"{BASE}/repos/{p['repo']}",
        "html_url": f"https://github.com/{p['repo']}/pull/{p['number']}",
        "pull_request": {"merged_at": f"{p['merged']}T00:00:00Z"},
    }  # fmt: skip


def graphql_node(p: dict[str, Any], repo: dict[str, Any]) -> dict[str, Any]:
    return {
        "number": p["number"], "title": "t", "url": repo["html_url"] + f"/pull/{p['number']}",
        "mergedAt": f"{p['merged']}T00:00:00Z", "additions": 1, "deletions": 1,
        "author": {"login": "bench"}, "mergedBy": {"login": "maintainer"},
        "repository": {
            "nameWithOwner": repo["full_name"], "url": repo["html_url"],
            "stargazerCount": repo["stargazers_count"], "forkCount": 3, "description": "x",
            "owner": {"login": repo["owner"]["login"]}, "primaryLanguage": {"name": "Python"},
            "repositoryTopics": {"nodes": [{"topic": {"name": t}} for t in repo["topics"]]},
        },
    }  # fmt: skip


def run(n_prs: int, n_repos: int, *, token: bool) -> tuple[int, dict[str, int]]:
    """(pull requests imported, requests by purpose) for one import."""
    from hireable.sources.evidence.fetched import Fetched
    from hireable.sources.evidence.github import GitHub, import_user

    transport, counts = fake_github(n_prs, n_repos)
    with httpx.Client(transport=transport) as client:
        gh = GitHub(
            client, BASE, "bench-token" if token else None, today=lambda: dt.date(2026, 1, 1)
        )
        imported = sum(1 for item in import_user(gh, "bench") if isinstance(item, Fetched))
    return imported, dict(counts)


def main() -> None:
    for n_prs, n_repos in ((1000, 200), (2500, 200)):
        for token in (True, False):
            imported, counts = run(n_prs, n_repos, token=token)
            mode = "token (GraphQL)" if token else "no token (REST)"
            total = sum(counts.values())
            detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
            print(
                f"{n_prs:>5} PRs / {n_repos} repos, {mode:<16}: {imported} imported, "
                f"{total} requests ({detail})"
            )


if __name__ == "__main__":
    main()
