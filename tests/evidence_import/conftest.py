"""A fake internet for the evidence importers: routes served through `httpx.MockTransport`,
every request recorded. Tests never reach the network."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "verify"
TOKEN = "ghp_TESTTOKENdoNotLeak0123456789abcdef"

Handler = Callable[[httpx.Request], httpx.Response]


def load(name: str) -> Any:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return json.loads(text) if name.endswith(".json") else text


def reply(body: Any = None, status: int = 200, headers: dict[str, str] | None = None) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        if isinstance(body, str):
            return httpx.Response(status, text=body, headers=headers)
        return httpx.Response(status, json=body, headers=headers)

    return handler


def sequence(*handlers: Handler) -> Handler:
    """Each call answers with the next handler; the last one repeats."""
    queue = list(handlers)

    def handler(request: httpx.Request) -> httpx.Response:
        return (queue.pop(0) if len(queue) > 1 else queue[0])(request)

    return handler


@dataclass
class Net:
    routes: list[tuple[str, re.Pattern[str], Handler]] = field(default_factory=list)
    requests: list[httpx.Request] = field(default_factory=list)
    sleeps: list[float] = field(default_factory=list)

    def route(self, method: str, path: str, handler: Handler) -> None:
        """`path` is a regex matched against host + path (no query)."""
        self.routes.insert(0, (method, re.compile(path + "$"), handler))

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        where = f"{request.url.host}{request.url.path}"
        for method, pattern, handler in self.routes:
            if method == request.method and pattern.match(where):
                return handler(request)
        return httpx.Response(404, json={"message": "Not Found"})

    def paths(self) -> list[str]:
        return [r.url.path for r in self.requests]


@pytest.fixture
def net(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Net:
    from hireable.sources import http
    from hireable.sources.evidence import arxiv, github

    fake = Net()
    monkeypatch.setattr(http, "transport_factory", lambda: httpx.MockTransport(fake))
    monkeypatch.setattr(http, "_sleep", fake.sleeps.append)
    monkeypatch.setattr(arxiv, "pause", fake.sleeps.append)
    monkeypatch.setattr(github, "gh_cli_token", lambda timeout=5.0: None)
    for name in (
        "HIREABLE_GITHUB_TOKEN",
        "KAGGLE_USERNAME",
        "KAGGLE_KEY",
        "KAGGLE_CONFIG_DIR",
        "HIREABLE_OPENALEX_API_KEY",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("HIREABLE_HTTP_BACKOFF", "0")
    return fake


GH = "api.github.com"


def github_routes(net: Net) -> None:
    net.route("GET", f"{GH}/users/alice", reply(load("github_user.json")))
    net.route("GET", f"{GH}/search/issues", reply(load("github_search.json")))
    net.route(
        "GET", f"{GH}/repos/huggingface/transformers", reply(load("github_repo_transformers.json"))
    )
    net.route("GET", f"{GH}/repos/bob/tinylib", reply(load("github_repo_tinylib.json")))
    net.route("GET", f"{GH}/repos/mlorg/vision", reply(load("github_repo_vision.json")))
    net.route(
        "GET",
        f"{GH}/repos/huggingface/transformers/pulls/101",
        reply(load("github_pull_transformers_101.json")),
    )
    net.route("GET", f"{GH}/repos/mlorg/vision/pulls/55", reply(load("github_pull_vision_55.json")))
    net.route("GET", f"{GH}/users/alice/repos", reply(load("github_user_repos.json")))
    net.route("POST", f"{GH}/graphql", reply(load("github_graphql.json")))


def items(cli: Any) -> list[dict[str, Any]]:
    result = cli("evidence", "list", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def by_url(cli: Any) -> dict[str, dict[str, Any]]:
    return {i["url"]: i for i in items(cli)}
