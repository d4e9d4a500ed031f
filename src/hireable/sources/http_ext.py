"""`request_json`: the shared client's `send` (retries, rate limits) plus decoding, returning the
response headers too. Evidence importers read `Link` (GitHub, Hugging Face paging) and
`X-RateLimit-*` (GitHub GraphQL) from them, and POST to GitHub GraphQL."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from hireable.errors import SourceError
from hireable.sources.http import _where, decode_json, send


@dataclass
class JsonResponse:
    data: Any
    headers: httpx.Headers

    def link(self, rel: str = "next") -> str | None:
        """The URL of an RFC 8288 `Link` header relation."""
        return link_url(self.headers.get("Link", ""), rel)


def link_url(header: str, rel: str = "next") -> str | None:
    for part in header.split(","):
        url, _, params = part.partition(";")
        if f'rel="{rel}"' in params.replace(" ", "") and "<" in url:
            return url.strip().strip("<>")
    return None


def request_json(
    client: httpx.Client,
    url: str,
    *,
    method: str = "GET",
    params: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    json_body: Any = None,
    what: str = "",
    parse: Callable[[bytes], Any] | None = None,
) -> JsonResponse:
    """Send under the client's retry policy; decode JSON (or `parse` the body: arXiv's Atom)."""
    what = what or _where(url)
    response = send(
        client, url, method=method, params=params, headers=headers, json_body=json_body, what=what
    )
    if parse is None or response.status_code >= 400:
        return JsonResponse(decode_json(response, url, what), response.headers)
    try:
        return JsonResponse(parse(response.content), response.headers)
    except Exception:  # any parser's failure means a malformed answer
        raise SourceError(f"{what}: malformed answer from {_where(url)}") from None
