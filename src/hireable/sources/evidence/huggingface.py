"""Hugging Face: a user's public models, datasets and Spaces as `product` evidence.

`GET /api/{models|datasets|spaces}?author=USER&expand[]=...` lists them with their signals:
`downloads` (the last 30 days), `downloadsAllTime` and `likes`. The `expand[]` parameters replace
`full=true` (the Hub refuses the two together) and ask only for the fields used here. Lists are
paged with a `Link: <...>; rel="next"` header.

Metrics: `downloads` is the all-time count (the 30-day count when the Hub does not give the
all-time one: a lower bound), `downloads_30d` the last 30 days, `likes`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from hireable.errors import SourceError
from hireable.sources.evidence.fetched import Fetched, Skipped, day
from hireable.sources.http import RemoteNotFound, request_json

# repo type → (API collection, URL prefix on the site, fields to expand)
REPO_TYPES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "model": (
        "models",
        "",
        ("downloads", "downloadsAllTime", "likes", "createdAt", "private", "pipeline_tag", "tags"),
    ),
    "dataset": (
        "datasets",
        "datasets/",
        ("downloads", "downloadsAllTime", "likes", "createdAt", "private", "tags"),
    ),
    "space": ("spaces", "spaces/", ("likes", "createdAt", "private", "sdk", "tags")),
}
PAGE = 100
# Below this nobody has used it yet: not evidence (yet). Rationale: a handful of downloads are
# the author's own and bots'; likes are deliberate.
MIN_DOWNLOADS = 100
MIN_LIKES = 5


@dataclass
class HuggingFace:
    client: httpx.Client
    base_url: str

    @property
    def base(self) -> str:
        return self.base_url.rstrip("/")

    def _params(self, repo_type: str, **extra: Any) -> list[tuple[str, Any]]:
        fields = REPO_TYPES[repo_type][2]
        return [*extra.items(), *(("expand[]", f) for f in fields)]

    def check_user(self, user: str) -> None:
        """Users and organisations both own repositories; 404 for both means nobody."""
        for kind in ("users", "organizations"):
            try:
                request_json(
                    self.client,
                    f"{self.base}/api/{kind}/{user}/overview",
                    what=f"Hugging Face {kind[:-1]} '{user}'",
                )
                return
            except RemoteNotFound:
                continue
        raise RemoteNotFound(f"Hugging Face user or organisation '{user}' does not exist")

    def list(self, repo_type: str, user: str) -> Iterator[dict[str, Any]]:
        collection = REPO_TYPES[repo_type][0]
        url: str | None = f"{self.base}/api/{collection}"
        params: list[tuple[str, Any]] | None = self._params(repo_type, author=user, limit=PAGE)
        while url:
            page = request_json(
                self.client,
                url,
                params=httpx.QueryParams(params) if params else None,
                what=f"Hugging Face {collection} of '{user}'",
            )
            if not isinstance(page.data, list):
                raise SourceError(f"Hugging Face returned a malformed {repo_type} list")
            yield from page.data
            url, params = page.link("next"), None

    def one(self, repo_type: str, repo_id: str) -> dict[str, Any]:
        collection = REPO_TYPES[repo_type][0]
        try:
            data = request_json(
                self.client,
                f"{self.base}/api/{collection}/{repo_id}",
                params=httpx.QueryParams(self._params(repo_type)),
                what=f"Hugging Face {repo_type} {repo_id}",
            ).data
        except RemoteNotFound:
            raise RemoteNotFound(
                f"Hugging Face {repo_type} {repo_id} does not exist or is private"
            ) from None
        if not isinstance(data, dict):
            raise SourceError(f"Hugging Face returned a malformed {repo_type} record")
        return data


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def item(hf: HuggingFace, repo_type: str, data: dict[str, Any]) -> Fetched:
    repo_id = data.get("id") or data.get("modelId")
    if not isinstance(repo_id, str) or "/" not in repo_id:
        raise SourceError(f"Hugging Face returned a {repo_type} without its id")
    collection, prefix, _ = REPO_TYPES[repo_type]
    metrics: dict[str, Any] = {}
    recent, total, likes = (
        _int(data.get("downloads")),
        _int(data.get("downloadsAllTime")),
        _int(data.get("likes")),
    )
    if repo_type != "space":
        if total is not None or recent is not None:
            metrics["downloads"] = total if total is not None else recent
        if recent is not None:
            metrics["downloads_30d"] = recent
    if likes is not None:
        metrics["likes"] = likes
    label = {"model": "model", "dataset": "dataset", "space": "Space"}[repo_type]
    raw = {k: v for k, v in data.items() if k not in ("siblings", "cardData", "config")}
    return Fetched(
        source_key=f"hf:{repo_type}:{repo_id}",
        kind="product",
        title=f"Hugging Face {label} {repo_id}",
        source_url=f"{hf.base}/api/{collection}/{repo_id}",
        url=f"{hf.base}/{prefix}{repo_id}",
        date=day(data.get("createdAt")),
        metrics=metrics,
        raw=raw,
        note=None if total is not None or repo_type == "space" else "all-time downloads unknown",
    )


def has_attention(fetched: Fetched) -> bool:
    m = fetched.metrics
    return m.get("downloads", 0) >= MIN_DOWNLOADS or m.get("likes", 0) >= MIN_LIKES


def import_user(hf: HuggingFace, user: str) -> Iterator[Fetched | Skipped]:
    hf.check_user(user)
    for repo_type in REPO_TYPES:
        for data in hf.list(repo_type, user):
            if not isinstance(data, dict):
                raise SourceError(f"Hugging Face returned a malformed {repo_type} record")
            fetched = item(hf, repo_type, data)
            name = fetched.source_key.split(":", 2)[2]
            if data.get("private"):
                yield Skipped(name, "private: nobody else can see it")
            elif not has_attention(fetched):
                yield Skipped(
                    f"{repo_type} {name}",
                    f"fewer than {MIN_DOWNLOADS} downloads and {MIN_LIKES} likes so far",
                )
            else:
                yield fetched


def fetch_one(hf: HuggingFace, repo_type: str, repo_id: str) -> Fetched:
    return item(hf, repo_type, hf.one(repo_type, repo_id))
