"""`hireable serve`: the local web dashboard on 127.0.0.1."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from hireable import clock

if TYPE_CHECKING:
    import threading

    from sqlalchemy.engine import Engine

    from hireable.config import Settings
    from hireable.services.ingest import IngestResult

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def check_host(host: str, allow_remote: bool) -> None:
    from hireable.errors import UsageError

    if host.lower() not in LOOPBACK and not allow_remote:
        raise UsageError(
            f"--host {host} would let other machines reach your data and the dashboard has no "
            "accounts yet; add --allow-remote if you mean it"
        )


def demo_engine(settings: Settings) -> Engine:
    """The demo learner's own database, built when missing; the user's data is never opened."""
    from hireable.services.demo import DEMO_FILE, build_demo
    from hireable.store.db import ensure_schema, make_engine

    path = settings.data_dir / DEMO_FILE
    if not path.exists():
        return build_demo(settings.data_dir, clock.today())[1]
    engine = make_engine(f"sqlite:///{path}")
    ensure_schema(engine)
    return engine


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(
        8000, "--port", min=0, max=65535, help="Port to listen on (0: any free port)."
    ),
    demo: bool = typer.Option(False, "--demo", help="Serve the demo learner, never your data."),
    open_browser: bool = typer.Option(
        False, "--open/--no-open", help="Open the dashboard in your browser."
    ),
    allow_remote: bool = typer.Option(
        False, "--allow-remote", help="Allow a --host other than this machine (no accounts!)."
    ),
) -> None:
    """The local web dashboard, on the same database as the CLI. Ctrl-C stops it."""
    check_host(host, allow_remote)
    from hireable.cli.common import engine, err_console, settings
    from hireable.web.app import create_app
    from hireable.web.server import bind, serve_forever, url_of

    conf = settings()
    eng = demo_engine(conf) if demo else engine()
    sock = bind(host, port)
    url = url_of(sock)
    if host.lower() not in LOOPBACK:
        err_console().print(
            f"warning: listening on {host}: anyone who can reach this machine can read and change "
            "your data (there are no accounts yet)",
            markup=False,
        )
    what = "the demo learner (your data is untouched)" if demo else "your workspace"
    typer.echo(f"hireable dashboard for {what} at {url}/ (Ctrl-C stops it)")
    if open_browser:
        import webbrowser

        webbrowser.open(f"{url}/")
    app = create_app(conf, eng, host=host, allow_remote=allow_remote, demo=demo)
    stop = _fetch_in_background(conf, eng) if conf.fetch_every and not demo else None
    try:
        serve_forever(app, sock)
    finally:
        if stop is not None:
            stop.set()  # the board being written, if any, is finished first
    typer.echo("Stopped the dashboard.")


def _fetch_in_background(conf: Settings, eng: Engine) -> threading.Event:
    """HIREABLE_FETCH_EVERY: fetch the followed boards now and then every interval."""
    from hireable.cli.common import err_console
    from hireable.intervals import parse_interval
    from hireable.services.job_fetch import start_background_fetch
    from hireable.sources import http
    from hireable.sources.hostlimit import HostLimited
    from hireable.store.db import session_scope

    def report(results: list[IngestResult]) -> None:
        failed = [r for r in results if r.error]
        new = sum(r.new for r in results if not r.error)
        line = f"fetched {len(results)} boards: {new} new postings"
        err_console().print(line + (f", {len(failed)} boards failed" if failed else ""))
        for r in failed:
            err_console().print(f"error: {r.error}")

    _, stop = start_background_fetch(
        session_factory=lambda: session_scope(eng),
        make_client=lambda: http.make_client(conf, transport=HostLimited(http.transport_factory())),
        settings=conf,
        interval=parse_interval(conf.fetch_every),
        report=report,
    )
    err_console().print(f"fetching the followed boards every {conf.fetch_every}")
    return stop
