"""OpenAlex: a learner's works by ORCID or OpenAlex author id, with venue, type and citations.

`GET /works?filter=author.orcid:ORCID` (or `authorships.author.id:A...`) with `per-page=200` and
cursor paging (`cursor=*`, then `meta.next_cursor`). The optional API key goes in the `api_key`
parameter and never into a stored address.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from hireable.errors import SourceError, ValidationError
from hireable.sources.evidence.fetched import Fetched, Skipped
from hireable.sources.evidence.paperkeys import PREPRINT_NOTE, arxiv_id, normalise_doi, paper_key
from hireable.sources.http import RemoteNotFound, request_json

PAGE = 200
# Work types that a venue reviews before publishing, when the venue is a journal or conference.
PEER_REVIEWED_TYPES = {"article", "review", "letter", "book-chapter", "proceedings-article"}
PEER_REVIEWED_SOURCES = {"journal", "conference", "book series"}
# Work types that are not a paper of yours: skipped.
NOT_PAPERS = {"paratext", "erratum", "peer-review", "grant", "retraction", "editorial"}
ORCID = re.compile(r"(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$", re.I)
AUTHOR_ID = re.compile(r"(A\d+)$", re.I)


def parse_orcid(text: str) -> str:
    m = ORCID.search(text.strip().rstrip("/"))
    if not m:
        raise ValidationError(f"'{text}' is not an ORCID iD such as 0000-0002-1825-0097")
    return m[1].upper()


def parse_author_id(text: str) -> str:
    m = AUTHOR_ID.search(text.strip().rstrip("/"))
    if not m:
        raise ValidationError(f"'{text}' is not an OpenAlex author id such as A5023888391")
    return m[1].upper()


@dataclass
class OpenAlex:
    client: httpx.Client
    base_url: str
    api_key: str | None = None

    @property
    def base(self) -> str:
        return self.base_url.rstrip("/")

    def _params(self, **params: Any) -> dict[str, Any]:
        return {**params, "api_key": self.api_key} if self.api_key else params

    def works(self, *, orcid: str | None = None, author_id: str | None = None) -> Iterator[Any]:
        filt = f"author.orcid:{orcid}" if orcid else f"authorships.author.id:{author_id}"
        cursor: str | None = "*"
        while cursor:
            data = request_json(
                self.client,
                f"{self.base}/works",
                params=self._params(filter=filt, **{"per-page": PAGE, "cursor": cursor}),
                what=f"OpenAlex works of {orcid or author_id}",
            ).data
            if not isinstance(data, dict) or not isinstance(data.get("results"), list):
                raise SourceError("OpenAlex returned a malformed work list")
            yield from data["results"]
            nxt = (data.get("meta") or {}).get("next_cursor")
            cursor = nxt if data["results"] and nxt else None

    def work(self, ident: str) -> dict[str, Any]:
        """One work by DOI (`doi:10.x/y`) or OpenAlex id (`W123`)."""
        try:
            data = request_json(
                self.client,
                f"{self.base}/works/{ident}",
                params=self._params() or None,
                what=f"OpenAlex work {ident}",
            ).data
        except RemoteNotFound:
            raise RemoteNotFound(f"OpenAlex knows no work {ident}") from None
        if not isinstance(data, dict):
            raise SourceError("OpenAlex returned a malformed work")
        return data


def _mine(authorship: dict[str, Any], orcid: str | None, author_id: str | None) -> bool:
    author = authorship.get("author") or {}
    if orcid and str(author.get("orcid") or "").upper().endswith(orcid.upper()):
        return True
    return bool(author_id) and str(author.get("id") or "").upper().endswith(str(author_id))


def item(
    oa: OpenAlex, work: Any, *, orcid: str | None = None, author_id: str | None = None
) -> Fetched | Skipped:
    if not isinstance(work, dict) or not isinstance(work.get("id"), str):
        raise SourceError("OpenAlex returned a malformed work")
    wid = work["id"].rstrip("/").rsplit("/", 1)[-1]
    title = str(work.get("display_name") or work.get("title") or wid)
    wtype = str(work.get("type") or "")
    if wtype in NOT_PAPERS:
        return Skipped(title, f"an OpenAlex '{wtype}', not a paper")
    source = ((work.get("primary_location") or {}).get("source")) or {}
    venue = source.get("display_name") if isinstance(source, dict) else None
    source_type = source.get("type") if isinstance(source, dict) else None
    reviewed = wtype in PEER_REVIEWED_TYPES and source_type in PEER_REVIEWED_SOURCES
    metrics: dict[str, Any] = {"peer_reviewed": reviewed}
    if venue:
        metrics["venue"] = str(venue)
    if isinstance(work.get("cited_by_count"), int):
        metrics["citations"] = work["cited_by_count"]
    authorships = [a for a in work.get("authorships") or [] if isinstance(a, dict)]
    if orcid or author_id:
        metrics["first_author"] = bool(authorships) and _mine(authorships[0], orcid, author_id)
    doi = normalise_doi(work.get("doi"))
    arxiv = arxiv_id((work.get("ids") or {}).get("arxiv")) if doi is None else None
    date = work.get("publication_date") or (
        f"{work['publication_year']}-01" if isinstance(work.get("publication_year"), int) else None
    )
    raw = {k: v for k, v in work.items() if k in RAW_KEYS}
    return Fetched(
        source_key=paper_key(doi=doi, arxiv=arxiv, fallback=f"openalex:{wid}"),
        kind="publication",
        title=title[:500],
        source_url=f"{oa.base}/works/{wid}",
        url=f"https://doi.org/{doi}" if doi else work["id"],
        date=date[:10] if isinstance(date, str) else None,
        validator=str(venue) if reviewed and venue else None,
        metrics=metrics,
        raw=raw,
        note=None if reviewed else PREPRINT_NOTE,
    )


RAW_KEYS = (
    "id", "doi", "display_name", "publication_year", "publication_date", "type",
    "cited_by_count", "primary_location", "authorships", "ids",
)  # fmt: skip


def import_works(
    oa: OpenAlex, *, orcid: str | None = None, author_id: str | None = None
) -> Iterator[Fetched | Skipped]:
    for work in oa.works(orcid=orcid, author_id=author_id):
        yield item(oa, work, orcid=orcid, author_id=author_id)


def fetch_doi(oa: OpenAlex, doi: str) -> Fetched:
    found = item(oa, oa.work(f"doi:{doi}"))
    if isinstance(found, Skipped):
        raise SourceError(f"{found.what}: {found.reason}")
    return found
