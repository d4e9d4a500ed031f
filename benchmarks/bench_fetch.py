"""How much faster `hireable jobs fetch` is with concurrency. Prints figures only.

    .venv/bin/python benchmarks/bench_fetch.py [--boards 200] [--delay 0.3]

200 followed boards, two postings each, are served by local HTTP servers that answer every
request after 300 ms, one server per ATS on its own loopback address (127.0.0.2-6), as each ATS
has its own API host. The same fetch runs at `--concurrency 1` and `8` on fresh databases; it
prints wall time, requests served and the ratio, and checks both stored the same postings.
Target: >= 6x at 8.

Two mixes: `one-request` spreads the boards over the four ATS that list a board in one request
(Greenhouse, Lever, Ashby, Workable); `with-details` over all five, SmartRecruiters included,
whose boards cost one request per posting more. With at most 2 requests at once per host, the
busiest host bounds the run: its requests x 300 ms / 2, printed beside the figure.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

TARGET_RATIO = 6.0
ATS = ("greenhouse", "lever", "ashby", "workable", "smartrecruiters")


def _body(source: str, board: str, path: str) -> Any:
    """A tiny but real-shaped answer of each ATS for `board` (two jobs)."""
    jobs = [(f"{board}-{n}", f"ML Engineer {n} at {board}") for n in (1, 2)]
    text = "<p>Train and ship models. No degree required. 2+ years of Python.</p>"
    if source == "greenhouse":
        return {"jobs": [{"id": i, "title": t, "content": text, "absolute_url": f"https://x/{i}",
                          "location": {"name": "Remote"}, "updated_at": "2026-11-01T00:00:00Z"}
                         for i, t in jobs]}
    if source == "lever":
        return [{"id": i, "text": t, "descriptionPlain": text, "hostedUrl": f"https://x/{i}",
                 "categories": {"location": "Remote"}, "createdAt": 1761955200000}
                for i, t in jobs]
    if source == "ashby":
        return {"jobs": [{"id": i, "title": t, "descriptionHtml": text, "jobUrl": f"https://x/{i}",
                          "location": "Remote", "publishedAt": "2026-11-01T00:00:00Z"}
                         for i, t in jobs]}
    if source == "workable":
        return {"name": board, "jobs": [{"shortcode": i, "title": t, "description": text,
                                         "url": f"https://x/{i}", "city": "Remote"}
                                        for i, t in jobs]}
    if path.count("/") > 4:  # a SmartRecruiters posting's details
        return {"jobAd": {"sections": {"jobDescription": {"text": text}}},
                "postingUrl": f"https://x/{path.rsplit('/', 1)[1]}"}
    return {"totalFound": 2, "content": [{"id": i, "name": t, "location": {"city": "Remote"},
                                          "company": {"name": board, "identifier": board}}
                                         for i, t in jobs]}


def _serve(source: str, host: str, delay: float, counter: list[int]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
            time.sleep(delay)
            counter.append(1)
            parts = [p for p in self.path.split("?")[0].split("/") if p]
            board = next((p for p in parts if p.startswith("co")), "co")
            data = json.dumps(_body(source, board, self.path.split("?")[0])).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer((host, 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


MIXES = {"one-request": ATS[:4], "with-details": ATS}


def _run(
    urls: dict[str, str], refs: list[str], concurrency: int, workdir: Path
) -> tuple[float, Any]:
    from sqlalchemy import select

    from hireable.config import Settings
    from hireable.services.job_fetch import fetch_boards
    from hireable.sources.hostlimit import HostLimited
    from hireable.sources.http import make_client
    from hireable.store.db import ensure_schema, make_engine, session_scope
    from hireable.store.models import Posting

    engine = make_engine(f"sqlite:///{workdir / f'{refs[-1]}-c{concurrency}.db'}")
    ensure_schema(engine)
    base_urls = {f"{source}_url": url for source, url in urls.items()}
    settings = Settings(data_dir=workdir, http_retries=0, **base_urls)
    start = time.perf_counter()
    with make_client(settings, transport=HostLimited()) as client:
        results = fetch_boards(session_factory=lambda: session_scope(engine), client=client,
                               settings=settings, refs=refs, concurrency=concurrency)
    wall = time.perf_counter() - start
    failed = [r.error for r in results if r.error]
    if failed:
        raise SystemExit(f"bench_fetch: {len(failed)} boards failed, e.g. {failed[0]}")
    with session_scope(engine) as s:
        stored = sorted(s.execute(select(Posting.source, Posting.external_id, Posting.title)).all())
    engine.dispose()
    return wall, stored


def _mix(name: str, urls: dict[str, str], counter: list[int], args: Any, tmp: Path) -> None:
    sources = MIXES[name]
    refs = [f"{sources[n % len(sources)]}:co{n}" for n in range(args.boards)]
    figures = {}
    for concurrency in (1, 8):
        counter.clear()
        wall, stored = _run(urls, refs, concurrency, tmp)
        figures[concurrency] = (wall, stored)
        print(f"{name:>12} --concurrency {concurrency}: {wall:6.1f} s wall, {len(counter)} "
              f"requests, {len(stored)} postings stored")
    per_host = {s: sum(_requests(ref) for ref in refs if ref.startswith(s + ":")) for s in sources}
    busiest = max(per_host, key=lambda s: per_host[s])
    bound = per_host[busiest] * args.delay / 2
    ratio = figures[1][0] / figures[8][0]
    print(f"{name:>12} ratio: {ratio:.1f}x at 8 (target >= {TARGET_RATIO:.0f}x: "
          f"{'met' if ratio >= TARGET_RATIO else 'not met'}); busiest host {busiest} "
          f"({per_host[busiest]} requests, 2 at once) bounds it at {bound:.1f} s; "
          f"same postings stored: {figures[1][1] == figures[8][1]}")


def _requests(ref: str) -> int:
    return 3 if ref.startswith("smartrecruiters:") else 1  # the listing, then 2 postings' details


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boards", type=int, default=200)
    parser.add_argument("--delay", type=float, default=0.3)
    parser.add_argument("--mix", choices=[*MIXES, "both"], default="both")
    args = parser.parse_args()
    counter: list[int] = []
    servers = {s: _serve(s, f"127.0.0.{i + 2}", args.delay, counter) for i, s in enumerate(ATS)}
    urls = {s: f"http://{srv.server_address[0]}:{srv.server_address[1]}"
            for s, srv in servers.items()}
    with tempfile.TemporaryDirectory() as tmp:
        for name in MIXES if args.mix == "both" else [args.mix]:
            _mix(name, urls, counter, args, Path(tmp))
    for server in servers.values():
        server.shutdown()


if __name__ == "__main__":
    main()
