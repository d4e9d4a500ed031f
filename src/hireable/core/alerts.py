"""Warnings shown on the status screen, each naming the rule that fired."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Alert:
    rule: str  # the rule that fired, e.g. "certificate-trap"
    message: str  # what is wrong and what to do about it

    def public(self) -> dict[str, str]:
        return {"rule": self.rule, "message": self.message}
