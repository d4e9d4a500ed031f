"""One key per paper whichever index found it, so OpenAlex, Semantic Scholar and arXiv imports of
the same work update one evidence item: the DOI, else the arXiv id (arXiv's own DataCite DOIs
`10.48550/arXiv.X` count as the arXiv id)."""

from __future__ import annotations

import re

ARXIV_ID = re.compile(r"(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(v\d+)?", re.I)
DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)", re.I)
ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(.+)$", re.I)


def normalise_doi(text: str | None) -> str | None:
    if not text:
        return None
    m = DOI.search(text)
    return m[1].rstrip(".").lower() if m else None


def arxiv_id(text: str | None) -> str | None:
    """`http://arxiv.org/abs/2101.00001v2`, `arXiv:2101.00001` → `2101.00001` (no version)."""
    if not text:
        return None
    m = ARXIV_ID.search(text)
    return m[1].lower() if m else None


def paper_key(*, doi: str | None, arxiv: str | None, fallback: str) -> str:
    doi = normalise_doi(doi)
    if doi and (m := ARXIV_DOI.match(doi)):
        arxiv, doi = arxiv or arxiv_id(m[1]), None
    if doi:
        return f"paper:doi:{doi}"
    if arxiv:
        return f"paper:arxiv:{arxiv.lower()}"
    return fallback


PREPRINT_NOTE = "preprint: weaker evidence until a peer-reviewed venue publishes it"
