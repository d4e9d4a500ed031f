"""Semantic Scholar: an author's papers with venue, publication types and citations.

`GET /graph/v1/author/{id}/papers?fields=...&limit=100&offset=N`; the answer is
`{"offset", "next", "data": [...]}` and `next` is absent on the last page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from hireable.errors import SourceError
from hireable.sources.evidence.fetched import Fetched
from hireable.sources.evidence.paperkeys import PREPRINT_NOTE, paper_key
from hireable.sources.http import RemoteNotFound, request_json

FIELDS = "title,venue,year,citationCount,externalIds,publicationTypes,url,publicationDate,authors"
PAGE = 100
# Publication types a venue reviews; with a venue other than a preprint server, peer-reviewed.
PEER_REVIEWED_TYPES = {"JournalArticle", "Conference", "Review", "BookSection"}
PREPRINT_VENUES = {"arxiv", "arxiv.org", "biorxiv", "medrxiv", "ssrn", "openreview.net"}


@dataclass
class SemanticScholar:
    client: httpx.Client
    base_url: str

    @property
    def base(self) -> str:
        return self.base_url.rstrip("/")

    def papers(self, author_id: str) -> Iterator[Any]:
        offset: int | None = 0
        while offset is not None:
            try:
                data = request_json(
                    self.client,
                    f"{self.base}/graph/v1/author/{author_id}/papers",
                    params={"fields": FIELDS, "limit": PAGE, "offset": offset},
                    what=f"Semantic Scholar papers of author {author_id}",
                ).data
            except RemoteNotFound:
                raise RemoteNotFound(
                    f"Semantic Scholar author '{author_id}' does not exist"
                ) from None
            if not isinstance(data, dict) or not isinstance(data.get("data"), list):
                raise SourceError("Semantic Scholar returned a malformed paper list")
            yield from data["data"]
            nxt = data.get("next")
            offset = nxt if isinstance(nxt, int) and data["data"] else None


def item(s2: SemanticScholar, paper: Any, *, author_id: str | None = None) -> Fetched:
    if not isinstance(paper, dict) or not paper.get("paperId"):
        raise SourceError("Semantic Scholar returned a malformed paper")
    venue = str(paper.get("venue") or "").strip()
    types = set(paper.get("publicationTypes") or [])
    reviewed = (
        bool(venue) and venue.lower() not in PREPRINT_VENUES and bool(types & PEER_REVIEWED_TYPES)
    )
    metrics: dict[str, Any] = {"peer_reviewed": reviewed}
    if venue:
        metrics["venue"] = venue
    if isinstance(paper.get("citationCount"), int):
        metrics["citations"] = paper["citationCount"]
    authors = [a for a in paper.get("authors") or [] if isinstance(a, dict)]
    if author_id and authors:
        metrics["first_author"] = str(authors[0].get("authorId")) == str(author_id)
    ids = paper.get("externalIds") or {}
    date = paper.get("publicationDate") or (
        f"{paper['year']}-01" if isinstance(paper.get("year"), int) else None
    )
    doi = ids.get("DOI")
    return Fetched(
        source_key=paper_key(doi=doi, arxiv=ids.get("ArXiv"), fallback=f"s2:{paper['paperId']}"),
        kind="publication",
        title=str(paper.get("title") or paper["paperId"])[:500],
        source_url=f"{s2.base}/graph/v1/paper/{paper['paperId']}",
        url=f"https://doi.org/{doi}" if doi else paper.get("url"),
        date=date[:10] if isinstance(date, str) else None,
        validator=venue if reviewed else None,
        metrics=metrics,
        raw=paper,
        note=None if reviewed else PREPRINT_NOTE,
    )


def import_author(s2: SemanticScholar, author_id: str) -> Iterator[Fetched]:
    for paper in s2.papers(author_id):
        yield item(s2, paper, author_id=author_id)


def fetch_paper(s2: SemanticScholar, paper_id: str) -> Fetched:
    try:
        data = request_json(
            s2.client,
            f"{s2.base}/graph/v1/paper/{paper_id}",
            params={"fields": FIELDS},
            what=f"Semantic Scholar paper {paper_id}",
        ).data
    except RemoteNotFound:
        raise RemoteNotFound(f"Semantic Scholar knows no paper {paper_id}") from None
    return item(s2, data)
