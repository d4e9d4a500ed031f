"""Interview prep (DESIGN 1.5): the 30-second self-introduction and a 30-second story per key
item, built from the evidence's own data (pure, no I/O)."""

from __future__ import annotations

from collections.abc import Sequence

from hireable.core.portfolio import Person
from hireable.core.resume import Entry

STORY_WORDS = 75  # about 30 seconds spoken at 150 words a minute
INTRO_ITEMS = 2  # an introduction names two items; more is a list, not a story

# What the learner did, by kind: the verb of the story.
DID: dict[str, str] = {
    "open-source": "I contributed to someone else's project",
    "competition": "I entered a competition",
    "publication": "I wrote a paper",
    "benchmark": "I took on an established benchmark",
    "paid-work": "I was paid for ML work",
    "job": "I worked in an ML role",
    "product": "I built something people use",
    "content": "I published writing or video",
    "testimonial": "I worked with someone who vouches for me",
    "project": "I built a project",
}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def introduction(person: Person, best: Sequence[Entry]) -> str:
    goal = _lower_first(person.headline) or "looking for a machine learning role"
    lines = [f"Hi, I'm {person.name}. I taught myself machine learning by doing, and I'm {goal}."]
    for i, entry in enumerate(best[:INTRO_ITEMS]):
        lead = "My strongest work" if i == 0 else "I also"
        verb = ": " if i == 0 else " have "
        lines.append(f"{lead}{verb}{entry.record.title}. {entry.summary}")
    if best:
        lines.append("Every item links to its proof, so you can check it yourself.")
    return " ".join(lines)


def story(entry: Entry) -> str:
    """What it was, what it took, who validated it, the result and where to check it."""
    r = entry.record
    parts = [
        f"{DID.get(r.kind, 'I built something')}: {r.title}" + (f" ({r.date})." if r.date else ".")
    ]
    parts.append(f"The result: {_lower_first(entry.summary)}")
    if r.validator:
        parts.append(f"It was validated by {r.validator}.")
    if r.skills:
        parts.append(f"It took {', '.join(r.skills)}.")
    parts.append(f"{entry.mark}" + (f": {r.url}." if r.url else "."))
    text = " ".join(parts)
    words = text.split()
    return text if len(words) <= STORY_WORDS else " ".join(words[:STORY_WORDS]) + "…"
