"""One error hierarchy. The CLI turns any HireableError into `error: <message>` and exit 1."""

from __future__ import annotations


class HireableError(Exception):
    """A failure the user can understand and fix; the message says what and how."""

    exit_code = 1


class UsageError(HireableError):
    """The command was called wrongly (bad flag value, missing argument)."""

    exit_code = 2


class ValidationError(HireableError):
    """Input data (a value, a record, a file) is not acceptable."""


class NotFoundError(HireableError):
    """An id or name that does not exist in the store."""


class ConfigError(HireableError):
    """Settings or the environment are wrong (database URL, missing profile)."""


class StoreBusy(HireableError):
    """Another process held the database's write lock for longer than the busy timeout."""


class SourceError(HireableError):
    """A remote source failed: network, HTTP status, malformed response."""


class RateLimited(SourceError):
    """A source's request budget ran out; `resume_at` says when it refills (epoch seconds)."""

    def __init__(self, message: str, resume_at: float | None = None) -> None:
        super().__init__(message)
        self.resume_at = resume_at


def shown(value: object, limit: int = 40) -> str:
    """A bad value as a message quotes it: its repr, clipped (a 400-digit number stays short)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
