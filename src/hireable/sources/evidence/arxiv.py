"""arXiv: preprints by author name from the Atom API, paced at one request per 3 seconds as
arXiv asks (`GET /api/query?search_query=au:NAME&start=N&max_results=100`).

A preprint is weaker evidence than a peer-reviewed paper; one with a `journal_ref` has been
published and counts as peer-reviewed at that venue.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx

from hireable.errors import SourceError
from hireable.sources.evidence.fetched import Fetched, day
from hireable.sources.evidence.paperkeys import PREPRINT_NOTE, arxiv_id, normalise_doi, paper_key
from hireable.sources.http import request_json

PAGE = 100
INTERVAL = 3.0  # seconds between requests (arXiv API terms of use)
NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "arxiv": "http://arxiv.org/schemas/atom",
    "opensearch": "http://a9.com/-/spec/opensearch/1.1/",
}


def pause(seconds: float) -> None:
    """The pacer's default sleep (a module function, so tests can replace it)."""
    time.sleep(seconds)


def _monotonic() -> float:
    return time.monotonic()


@dataclass
class Pacer:
    """At most one call per `interval` seconds; sleep and clock are injectable for tests."""

    interval: float = INTERVAL
    sleep: Callable[[float], None] = field(default_factory=lambda: pause)
    clock: Callable[[], float] = field(default_factory=lambda: _monotonic)
    _last: float | None = field(default=None, init=False)

    def wait(self) -> None:
        now = self.clock()
        if self._last is not None and now - self._last < self.interval:
            self.sleep(self.interval - (now - self._last))
            now = self.clock()
        self._last = now


def _feed(content: bytes) -> ET.Element:
    return ET.fromstring(content)


@dataclass
class Arxiv:
    client: httpx.Client
    base_url: str
    pacer: Pacer = field(default_factory=Pacer)

    @property
    def base(self) -> str:
        return self.base_url.rstrip("/")

    def _query(self, params: dict[str, Any], what: str) -> ET.Element:
        self.pacer.wait()
        root = request_json(
            self.client, f"{self.base}/api/query", params=params, what=what, parse=_feed
        ).data
        if root.tag != f"{{{NS['atom']}}}feed":
            raise SourceError(f"{what}: arXiv did not answer with an Atom feed")
        for entry in root.findall("atom:entry", NS):
            if _text(entry, "atom:title") == "Error":
                why = _text(entry, "atom:summary")
                raise SourceError(f"{what}: arXiv refused the query: {why}")
        return root

    def by_author(self, name: str) -> Iterator[ET.Element]:
        query = f'au:"{name}"' if " " in name.strip() else f"au:{name.strip()}"
        start = 0
        while True:
            root = self._query(
                {"search_query": query, "start": start, "max_results": PAGE},
                f"arXiv papers by {name}",
            )
            entries = root.findall("atom:entry", NS)
            yield from entries
            total = int(_text(root, "opensearch:totalResults") or 0)
            start += len(entries)
            if not entries or start >= total:
                return

    def by_id(self, ident: str) -> ET.Element:
        root = self._query({"id_list": ident, "max_results": 1}, f"arXiv paper {ident}")
        entries = root.findall("atom:entry", NS)
        if not entries:
            from hireable.sources.http import RemoteNotFound

            raise RemoteNotFound(f"arXiv has no paper {ident}")
        return entries[0]


def _text(node: ET.Element, path: str) -> str:
    found = node.find(path, NS)
    return " ".join((found.text or "").split()) if found is not None else ""


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def item(ax: Arxiv, entry: ET.Element, *, author: str | None = None) -> Fetched:
    ident = arxiv_id(_text(entry, "atom:id"))
    if not ident:
        raise SourceError("arXiv returned an entry without its id")
    authors = [_text(a, "atom:name") for a in entry.findall("atom:author", NS)]
    journal = _text(entry, "arxiv:journal_ref")
    doi = normalise_doi(_text(entry, "arxiv:doi"))
    metrics: dict[str, Any] = {"peer_reviewed": bool(journal), "venue": journal or "arXiv"}
    if author and authors:
        metrics["first_author"] = _same_name(authors[0], author)
    published = _text(entry, "atom:published")
    return Fetched(
        source_key=paper_key(doi=doi, arxiv=ident, fallback=f"paper:arxiv:{ident}"),
        kind="publication",
        title=_text(entry, "atom:title")[:500] or ident,
        source_url=f"{ax.base}/api/query?id_list={ident}",
        url=f"https://arxiv.org/abs/{ident}",
        date=day(published),
        validator=journal or None,
        metrics=metrics,
        raw={
            "id": _text(entry, "atom:id"),
            "title": _text(entry, "atom:title"),
            "published": published,
            "authors": authors,
            "journal_ref": journal or None,
            "doi": doi,
        },
        note=None if journal else PREPRINT_NOTE,
    )


def import_author(ax: Arxiv, name: str) -> Iterator[Fetched]:
    for entry in ax.by_author(name):
        yield item(ax, entry, author=name)


def fetch_id(ax: Arxiv, ident: str) -> Fetched:
    return item(ax, ax.by_id(ident))
