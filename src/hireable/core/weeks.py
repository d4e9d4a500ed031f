"""How many weeks a sprint plan and a journal report span (constants only: the CLI's options
read them without importing the logic behind them)."""

from __future__ import annotations

PLAN_WEEKS = 4  # planned by default: a month of sprint, short enough to follow through
MAX_PLAN_WEEKS = 52  # a year ahead: beyond it the evidence and the target will have moved
MAX_REPORT_WEEKS = 104  # two years of journal: as long as the longest stage (ml-engineer, ~2 years)
