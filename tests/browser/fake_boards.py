"""A job board API on 127.0.0.1 for the browser journeys: real HTTP on a free port, so the app
under test fetches from it exactly as it would from the ATS. Point an adapter at it through its
base-URL setting (`Settings(greenhouse_url=boards.url)`); the postings are invented here."""

from __future__ import annotations

import html
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

PUBLISHED = "2026-11-20T09:00:00Z"
HELD_AT_MOST = 10.0  # seconds a held answer waits before it goes anyway (a test forgot it)


def greenhouse_job(
    job_id: int,
    title: str,
    body_html: str,
    *,
    company: str = "Acme AI",
    location: str = "Remote",
    published: str = PUBLISHED,
) -> dict[str, Any]:
    """One job as Greenhouse's board API lists it with `content=true`: the description is HTML
    whose entities are escaped once more (`&lt;p&gt;`)."""
    return {
        "id": job_id,
        "title": title,
        "company_name": company,
        "absolute_url": f"https://boards.example.test/{company.lower().replace(' ', '-')}/{job_id}",
        "location": {"name": location},
        "content": html.escape(body_html),
        "first_published": published,
        "updated_at": published,
    }


@dataclass
class FakeBoards:
    """Routes a path to a JSON body (anything else is a 404, as a missing board is), and keeps
    every request's path and query so a test can say what was asked. `hold()` keeps every
    answer back until the test lets it go, so a page can be seen while a fetch is running."""

    routes: dict[str, Any] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    url: str = ""
    _server: ThreadingHTTPServer | None = None
    _gate: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self._gate.set()  # answering

    def greenhouse(self, token: str, jobs: list[dict[str, Any]]) -> str:
        """Serve `jobs` as Greenhouse board `token`; returns the board's ref to follow."""
        self.routes[f"/v1/boards/{token}/jobs"] = {"jobs": jobs, "meta": {"total": len(jobs)}}
        return f"greenhouse:{token}"

    def hold(self) -> threading.Event:
        """Answer nothing until the returned event is set (`stop` sets it too)."""
        self._gate.clear()
        return self._gate

    def start(self) -> FakeBoards:
        boards = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
                boards.requests.append(self.path)
                boards._gate.wait(timeout=HELD_AT_MOST)
                body = boards.routes.get(urlsplit(self.path).path)
                status = 404 if body is None else 200
                data = json.dumps({"error": "not found"} if body is None else body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:  # quiet: pytest shows failures
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        host, port = self._server.server_address[:2]
        self.url = f"http://{host}:{port}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self._gate.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


# Invented openings of three kinds, so a ranked list has a visible order: one the demo learner
# fits, one a stretch, one closed to them.
ACME_JOBS = [
    greenhouse_job(
        9101,
        "Junior Machine Learning Engineer",
        "<p>Ship PyTorch models for our speech search product.</p>"
        "<ul><li>1+ years of Python</li><li>No degree required: show us what you built</li></ul>",
    ),
    greenhouse_job(
        9102,
        "Machine Learning Engineer, Ranking",
        "<p>Own ranking models end to end. 3+ years building ML systems in production; "
        "a degree in computer science or equivalent experience.</p>",
        location="Berlin",
    ),
    greenhouse_job(
        9103,
        "Senior Research Scientist",
        "<p>Lead our research agenda. PhD in machine learning required; 8+ years of "
        "experience and a record of first-author publications.</p>",
        location="London",
    ),
]
