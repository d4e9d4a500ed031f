"""The dashboard's pages in navigation order. A page module is served when it is listed in
`app.PAGE_ROUTES`; the navigation shows only pages that are served."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    key: str
    label: str
    path: str


NAV: tuple[Page, ...] = (
    Page("status", "Status", "/"),
    Page("evidence", "Evidence", "/evidence"),
    Page("portfolio", "Portfolio", "/portfolio"),
    Page("journal", "Journal", "/journal"),
    Page("ideas", "Ideas & plan", "/ideas"),
    Page("jobs", "Jobs", "/jobs"),
    Page("tracker", "Tracker", "/tracker"),
    Page("profile", "Profile", "/profile"),
)
PATHS = {p.key: p.path for p in NAV}
