"""Which source an address or a stored `source_key` points at (pure: no I/O)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import httpx

from hireable.sources.evidence.paperkeys import ARXIV_ID, arxiv_id, normalise_doi

KINDS = {
    "github-pr": "open-source",
    "github-repo": "product",
    "hf-model": "product",
    "hf-dataset": "product",
    "hf-space": "product",
    "kaggle": "competition",
    "arxiv": "publication",
    "doi": "publication",
    "s2": "publication",
    "openalex": "publication",
}
# First path segments of huggingface.co that are site pages, not a user's model.
HF_RESERVED = {
    "docs", "blog", "models", "datasets", "spaces", "papers", "learn", "api", "settings",
    "organizations", "collections", "posts", "tasks", "pricing", "join", "login", "enterprise",
}  # fmt: skip
BARE_ARXIV = re.compile(r"^(?:arxiv:)?\s*(\d{4}\.\d{4,5})(v\d+)?$", re.I)


@dataclass(frozen=True)
class Locator:
    source: str  # a key of KINDS
    ident: str  # "owner/repo#12", "user/model", "titanic", "2101.00001", "10.1/x"

    @property
    def kind(self) -> str:
        return KINDS[self.source]


def recognise(text: str) -> Locator | None:
    """A GitHub pull request, a Hugging Face model/dataset/Space, a Kaggle competition, an arXiv
    id or a DOI, given as an address or (arXiv, DOI) bare; None for anything else."""
    text = text.strip()
    if m := BARE_ARXIV.match(text):
        return Locator("arxiv", m[1])
    if re.match(r"^(doi:)?10\.\d{4,9}/\S+$", text, re.I):
        return Locator("doi", normalise_doi(text) or text)
    try:
        url = httpx.URL(text)
    except (httpx.InvalidURL, TypeError):
        return None
    host = (url.host or "").lower().removeprefix("www.")
    parts = [p for p in url.path.split("/") if p]
    if host == "github.com" and len(parts) >= 4 and parts[2] == "pull" and parts[3].isdigit():
        return Locator("github-pr", f"{parts[0]}/{parts[1]}#{int(parts[3])}")
    if host == "huggingface.co" and len(parts) >= 2:
        if parts[0] in ("datasets", "spaces") and len(parts) >= 3:
            return Locator(f"hf-{parts[0][:-1]}", f"{parts[1]}/{parts[2]}")
        if parts[0] not in HF_RESERVED:
            return Locator("hf-model", f"{parts[0]}/{parts[1]}")
    if host == "kaggle.com" and len(parts) >= 2 and parts[0] in ("competitions", "c"):
        return Locator("kaggle", parts[1].lower())
    if (
        host in ("arxiv.org", "export.arxiv.org")
        and len(parts) >= 2
        and parts[0]
        in (
            "abs",
            "pdf",
        )
    ):
        ident = arxiv_id("/".join(parts[1:]).removesuffix(".pdf"))
        return Locator("arxiv", ident) if ident and ARXIV_ID.match(ident) else None
    if host in ("doi.org", "dx.doi.org") and (doi := normalise_doi(url.path.lstrip("/"))):
        return Locator("doi", doi)
    return None


def from_key(source_key: str) -> Locator | None:
    """The locator of a stored item (`evidence refresh`)."""
    prefix, _, rest = source_key.partition(":")
    if prefix == "github":
        sub, _, ident = rest.partition(":")
        return Locator(f"github-{sub}", ident) if sub in ("pr", "repo") else None
    if prefix == "hf":
        sub, _, ident = rest.partition(":")
        return Locator(f"hf-{sub}", ident) if sub in ("model", "dataset", "space") else None
    if prefix == "kaggle":
        return Locator("kaggle", rest.partition(":")[2])
    if prefix == "paper":
        sub, _, ident = rest.partition(":")
        return Locator(sub, ident) if sub in ("doi", "arxiv") else None
    if prefix in ("s2", "openalex"):
        return Locator(prefix, rest)
    return None


def public_url(loc: Locator) -> str:
    """The address an employer would open, for items recorded as a link."""
    if loc.source == "github-pr":
        repo, _, number = loc.ident.partition("#")
        return f"https://github.com/{repo}/pull/{number}"
    if loc.source == "kaggle":
        return f"https://www.kaggle.com/competitions/{loc.ident}"
    if loc.source == "arxiv":
        return f"https://arxiv.org/abs/{loc.ident}"
    if loc.source == "doi":
        return f"https://doi.org/{loc.ident}"
    prefix = {"hf-dataset": "datasets/", "hf-space": "spaces/"}.get(loc.source, "")
    return f"https://huggingface.co/{prefix}{loc.ident}"
