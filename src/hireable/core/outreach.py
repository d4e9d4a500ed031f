"""Compose a short outreach email in the method's shape (DESIGN 1.5). Pure; never sends mail.

The shape: where you saw their product, what impressed you, that you seek the stage's role, one or
two credentials with links (your strongest verified evidence), and a request for leads. Plain
words: no jargon, no "ML enthusiast".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hireable.errors import ValidationError

TONES = ("friendly", "formal", "brief")
DEFAULT_TONE = "friendly"
DEFAULT_MAX_WORDS = 150
MIN_WORDS, MAX_WORDS = 40, 400

# The role each target stage asks for: (in a sentence, in a subject line).
ROLE: dict[str, tuple[str, str]] = {
    "swe-intern": ("a software engineering internship", "Software internship"),
    "ml-entry": ("an entry-level machine learning role", "Entry-level machine learning role"),
    "ml-junior": ("a junior machine learning role", "Junior machine learning role"),
    "ml-engineer": ("a machine learning engineer role", "Machine learning engineer role"),
}

# Words that make a cold email sound like everyone else's; never generated, flagged if given.
JARGON = re.compile(
    r"\b(?:enthusiast|passionate|rock ?star|ninja|guru|synergy|synergies|leverag\w*|"
    r"cutting[- ]edge|go-getter|self-starter|thought leader\w*|disrupt\w*)\b",
    re.I,
)

IMPRESSED_PLACEHOLDER = "[one specific thing about their product that impressed you]"
LINK_PLACEHOLDER = "[a link to your strongest work]"
PLACEHOLDERS = (IMPRESSED_PLACEHOLDER, LINK_PLACEHOLDER)
MAX_BODY_CHARS = 20_000  # a hand-edited draft stays an email


@dataclass(frozen=True)
class Credential:
    title: str
    url: str


@dataclass(frozen=True)
class DraftInput:
    learner: str
    company: str
    stage: str = "ml-entry"
    contact: str | None = None
    posting_title: str | None = None
    product: str | None = None
    impressed: str | None = None
    credentials: tuple[Credential, ...] = ()
    tone: str = DEFAULT_TONE
    max_words: int = DEFAULT_MAX_WORDS


@dataclass
class Draft:
    subject: str
    body: str
    placeholders: list[str] = field(default_factory=list)  # parts the learner must fill in
    jargon: list[str] = field(default_factory=list)  # jargon found in what the learner gave

    @property
    def words(self) -> int:
        return word_count(self.body)


def word_count(text: str) -> int:
    return len(text.split())


def placeholders_in(body: str) -> list[str]:
    """The parts of a draft the learner still has to fill in."""
    return [p for p in PLACEHOLDERS if p in body]


def jargon_in(text: str) -> list[str]:
    return sorted({m.group(0).lower() for m in JARGON.finditer(text)})


@dataclass(frozen=True)
class Review:
    """What to fix in a draft before sending it."""

    words: int
    placeholders: list[str]
    jargon: list[str]


def review(body: str) -> Review:
    return Review(word_count(body), placeholders_in(body), jargon_in(body))


def check_edit(subject: str, body: str) -> tuple[str | None, str]:
    """A hand-edited draft as it is stored: the subject on one line (None when empty), the body
    with plain newlines; an empty or oversized one is a one-line error."""
    one_line = " ".join(subject.split())
    text = body.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise ValidationError("the email is empty: write it, or generate a draft")
    if len(text) > MAX_BODY_CHARS:
        raise ValidationError(
            f"the email has {len(text)} characters; a cold email this long goes unread "
            f"(at most {MAX_BODY_CHARS})"
        )
    return one_line or None, text


def check_options(tone: str, max_words: int) -> None:
    if tone not in TONES:
        raise ValidationError(f"unknown tone '{tone}'; choose one of: {', '.join(TONES)}")
    if not MIN_WORDS <= max_words <= MAX_WORDS:
        raise ValidationError(
            f"max words must be between {MIN_WORDS} and {MAX_WORDS}, not {max_words}"
        )


def _first_name(contact: str | None) -> str | None:
    return contact.split()[0] if contact and contact.split() else None


def _lowered(text: str) -> str:
    """A phrase to sit inside a sentence: no trailing full stop."""
    return " ".join(text.split()).rstrip(".!")


def _credits(creds: tuple[Credential, ...]) -> str:
    parts = [f"{c.title} ({c.url})" for c in creds]
    return parts[0] if len(parts) == 1 else f"{parts[0]} and {parts[1]}"


def _parts(d: DraftInput, creds: tuple[Credential, ...]) -> list[str]:
    """The email's paragraphs in the chosen tone."""
    role = ROLE.get(d.stage, ROLE["ml-entry"])[0]
    first = _first_name(d.contact)
    seen = (
        f"I came across {_lowered(d.product)}"
        if d.product
        else f"I saw your {d.posting_title} opening at {d.company}"
        if d.posting_title
        else f"I came across {d.company}'s work"
    )
    impressed = _lowered(d.impressed) if d.impressed else IMPRESSED_PLACEHOLDER
    links = _credits(creds) if creds else LINK_PLACEHOLDER
    if d.tone == "formal":
        return [
            f"Dear {d.contact or f'{d.company} team'},",
            f"{seen}. I was impressed by {impressed}.",
            f"I am seeking {role} and would welcome the chance to contribute at {d.company}. "
            f"My strongest work so far: {links}.",
            "If there is no opening at present, I would be grateful for any leads.",
            f"Kind regards,\n{d.learner}",
        ]
    if d.tone == "brief":
        return [
            f"Hi {first or 'there'},",
            f"{seen}; {impressed} stood out to me.",
            f"I'm looking for {role}. My work: {links}.",
            "Any openings, or anyone I should talk to?",
            f"Thanks,\n{d.learner}",
        ]
    return [
        f"Hi {first or 'there'},",
        f"{seen} and wanted to say what impressed me: {impressed}.",
        f"I'm looking for {role} and would love to do that work at {d.company}. "
        f"Here is some of what I have built: {links}.",
        "If nothing fits right now, could you point me to anyone who might be hiring?",
        f"Thanks for reading,\n{d.learner}",
    ]


def _subject(d: DraftInput) -> str:
    role = ROLE.get(d.stage, ROLE["ml-entry"])[1]
    if d.tone == "formal":
        return f"{role}: enquiry from {d.learner}"
    return f"{role} at {d.company}?"


def compose(d: DraftInput) -> Draft:
    """The draft; drops the second credential if needed to fit `max_words`."""
    check_options(d.tone, d.max_words)
    creds = d.credentials[:2]
    body = "\n\n".join(_parts(d, creds))
    if word_count(body) > d.max_words and len(creds) > 1:
        creds = creds[:1]
        body = "\n\n".join(_parts(d, creds))
    if word_count(body) > d.max_words:
        raise ValidationError(
            f"the shortest {d.tone} draft has {word_count(body)} words, more than max words "
            f"{d.max_words}; raise max words, choose the brief tone or shorten the product and "
            "what impressed you"
        )
    given = " ".join(x for x in (d.product, d.impressed) if x)
    return Draft(_subject(d), body, placeholders_in(body), jargon_in(given))
