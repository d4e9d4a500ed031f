"""Cross-source duplicate detection: same company, same title, near-identical text.

Candidates come from a key on the normalised company and title, so each new posting is compared
with the few stored postings sharing its key, never with all of them. Two postings with the same key
are duplicates when the Jaccard similarity of their word 3-shingles is at least THRESHOLD.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

# 0.9: the same ad re-posted elsewhere differs only in boilerplate (a footer, an "apply" line);
# two genuinely different roles with the same title at one company rarely share 90% of shingles.
THRESHOLD = 0.9
SHINGLE = 3

_LEGAL = re.compile(
    r"\b(inc|incorporated|llc|ltd|limited|gmbh|ag|sa|sas|bv|plc|corp|corporation|co|company|"
    r"technologies|labs?)\b"
)
_TITLE_NOISE = re.compile(r"\b(m/w/d|f/m/d|w/m/d|h/f|remote|hybrid|onsite)\b|\(.*?\)|\[.*?\]")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return text.replace("&", " and ")


def norm_company(name: str | None) -> str:
    """'Acme, Inc.' and 'ACME' -> 'acme'."""
    words = re.sub(r"[^a-z0-9]+", " ", _LEGAL.sub(" ", _fold(name or "")))
    return " ".join(words.split())


def norm_title(title: str | None) -> str:
    """'Sr. ML Engineer (m/w/d)' and 'Senior ML Engineer' -> 'senior ml engineer'."""
    text = _TITLE_NOISE.sub(" ", _fold(title or ""))
    text = re.sub(r"\bsr\b\.?", "senior", re.sub(r"\bjr\b\.?", "junior", text))
    return " ".join(re.sub(r"[^a-z0-9+#]+", " ", text).split())


def dedupe_key(company: str | None, title: str | None) -> str | None:
    c, t = norm_company(company), norm_title(title)
    return f"{c}|{t}" if c and t else None


# A shingle is kept as the hash of its word triple: sets of ints intersect faster than sets of
# tuples, and two different triples share a 64-bit hash with negligible chance. (Hashes of text
# vary between processes, so shingles are compared only within one run, never stored.)
Shingles = frozenset[int]


def shingles(text: str) -> Shingles:
    """The set of consecutive word triples (single words for very short texts), hashed."""
    words = re.findall(r"[a-z0-9]+", _fold(text))
    if len(words) < SHINGLE:
        return frozenset(map(hash, ((w,) for w in words)))
    return frozenset(map(hash, zip(*(words[i:] for i in range(SHINGLE)), strict=False)))


def jaccard(a: Shingles, b: Shingles) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


@dataclass
class _Entry:
    id: int
    source: str
    load_text: Callable[[], str]
    _text: str | None = None
    _shingles: Shingles | None = None

    def text(self) -> str:
        if self._text is None:
            self._text = self.load_text()
        return self._text

    def shingles(self) -> Shingles:
        if self._shingles is None:
            self._shingles = shingles(self.text())
        return self._shingles


@dataclass
class DedupeIndex:
    """Canonical postings by key; texts load lazily, only for postings that share a key."""

    by_key: dict[str, list[_Entry]] = field(default_factory=dict)

    def add(self, key: str | None, id: int, source: str, load_text: Callable[[], str]) -> None:
        if key:
            self.by_key.setdefault(key, []).append(_Entry(id, source, load_text))

    def find(self, key: str | None, source: str, text: str) -> int | None:
        """The id of a canonical posting from another source this one duplicates, if any."""
        candidates = [e for e in self.by_key.get(key or "", []) if e.source != source]
        mine: Shingles | None = None
        for entry in candidates:
            if entry.text() == text:  # the same ad reposted word for word: similarity 1
                return entry.id
            if mine is None:
                mine = shingles(text)
            if jaccard(mine, entry.shingles()) >= THRESHOLD:
                return entry.id
        return None
