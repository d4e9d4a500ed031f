"""What a feature adds to the status report: warnings, next actions and named sections."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hireable.core.alerts import Alert


@dataclass
class StatusContribution:
    warnings: list[Alert] = field(default_factory=list)
    next_actions: list[str] = field(default_factory=list)
    # Extra named sections for the screen and the JSON (e.g. "this_week").
    sections: dict[str, Any] = field(default_factory=dict)
