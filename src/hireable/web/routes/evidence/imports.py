"""Imports and refresh in the background: a POST starts a job that runs the service the CLI's
`hireable import ...` and `evidence refresh` run, with its own session and HTTP client; its page
shows the lines as they come (htmx polls it; without JavaScript the page refreshes itself)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PureWindowsPath
from typing import TYPE_CHECKING, Any

from starlette.datastructures import UploadFile
from starlette.responses import RedirectResponse
from starlette.routing import BaseRoute, Route

from hireable.core.contact import check_contact
from hireable.core.words import plural
from hireable.errors import NotFoundError, ValidationError
from hireable.services import evidence_import as svc
from hireable.store.db import session_scope
from hireable.web.background import POLL_SECONDS
from hireable.web.forms import optional_id, optional_int, read_form
from hireable.web.render import job_page
from hireable.web.routes.evidence.table import INDEX, PAPER_IDS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
    from starlette.requests import Request
    from starlette.responses import Response

    from hireable.services.evidence_import import Line, Progress, Report, Sources
    from hireable.web.background import Job
    from hireable.web.forms import Refuse

SKIPPED_SHOWN = 15  # beyond this, skipped items are grouped by reason (as the CLI does)
CSV_FIELD = "file"

Run = Callable[["Session", "Sources", dict[str, str], dt.date, "Progress"], "Report"]


@dataclass(frozen=True)
class ImportKind:
    fields: tuple[str, ...]
    required: tuple[tuple[str, str], ...]  # (field, the error when it is empty)
    title: Callable[[dict[str, str]], str]
    run: Run
    use_token: bool = False  # only GitHub takes a token (and refresh, which may reach GitHub)
    # The profile's contact field whose rule the user name follows (core/contact.py), so a name
    # no account can have ("../x", a space) is refused here rather than sent to the source.
    user_rule: str | None = None


def _papers(s: Session, src: Sources, v: dict[str, str], today: dt.date, p: Progress) -> Report:
    keyword = PAPER_IDS[v["id_type"]][1]
    return svc.import_papers(s, src, today=today, progress=p, **{keyword: v["ident"]})


def _refresh(s: Session, src: Sources, v: dict[str, str], today: dt.date, p: Progress) -> Report:
    one = optional_int(v["evidence_id"], "evidence id")
    return svc.refresh(s, src, today=today, evidence_id=one, progress=p)


IMPORTS: dict[str, ImportKind] = {
    "github": ImportKind(
        ("user", "no_token"),
        (("user", "give a GitHub login"),),
        lambda v: f"GitHub {v['user']}",
        lambda s, src, v, today, p: svc.import_github(s, src, v["user"], today=today, progress=p),
        use_token=True,
        user_rule="github",
    ),
    "huggingface": ImportKind(
        ("user",),
        (("user", "give a Hugging Face user or organisation"),),
        lambda v: f"Hugging Face {v['user']}",
        lambda s, src, v, today, p: svc.import_huggingface(
            s, src, v["user"], today=today, progress=p
        ),
        user_rule="huggingface",
    ),
    "papers": ImportKind(
        ("id_type", "ident"),
        (("ident", "give the id or name to look your papers up by"),),
        lambda v: f"papers by {PAPER_IDS[v['id_type']][0]} {v['ident']}",
        _papers,
    ),
    "kaggle": ImportKind(
        (),
        (),
        lambda v: "Kaggle results (your API key)",
        lambda s, src, v, today, p: svc.import_kaggle(s, src, today=today, progress=p),
    ),
    "kaggle-csv": ImportKind(
        (),
        (),
        lambda v: f"Kaggle CSV {v['name']}",
        lambda s, src, v, today, p: svc.import_kaggle_csv_text(
            s, v["text"], name=v["name"], today=today, progress=p
        ),
    ),
    "refresh": ImportKind(
        ("evidence_id",),
        (),
        lambda v: f"refresh of evidence {v['evidence_id']}" if v["evidence_id"] else "refresh",
        _refresh,
        use_token=True,
    ),
}


# -- starting a job ---------------------------------------------------------------------------


async def _upload(request: Request) -> dict[str, str]:
    """The uploaded CSV as text, with its file name (no folders) for messages."""
    async with request.form() as form:
        upload = form.get(CSV_FIELD)
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise ValidationError("choose a CSV file to upload")
        data = await upload.read()
        name = PureWindowsPath(upload.filename).name  # strips / and \ folders alike
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(f"{name} is not a UTF-8 text file") from None
    return {"name": name, "text": text}


async def _values(
    request: Request, source: str, kind: ImportKind, refuse: Refuse
) -> dict[str, str]:
    if source == "kaggle-csv":
        return await _upload(request)
    values = await read_form(request, kind.fields, refuse)
    if "user" in values:
        values["user"] = values["user"].lstrip("@")
    return values


def _check(source: str, kind: ImportKind, values: dict[str, str]) -> None:
    if source == "papers" and values["id_type"] not in PAPER_IDS:
        raise ValidationError(f"look papers up by one of: {', '.join(PAPER_IDS)}")
    for name, error in kind.required:
        if not values[name]:
            raise ValidationError(error)
    if kind.user_rule is not None:
        check_contact(kind.user_rule, values["user"], label="the user name")
    if "evidence_id" in values:  # checked here, so a bad id never starts a job
        optional_id(values["evidence_id"], "evidence id")


def _work(request: Request, kind: ImportKind, values: dict[str, str]) -> Callable[..., Report]:
    """The job: the service with its own session and HTTP client, as the CLI runs it."""
    state = request.app.state
    engine, settings, today = state.engine, state.settings, state.today()
    use_token = kind.use_token and not values.get("no_token")

    def work(progress: Callable[[Line], None]) -> Report:
        with (
            svc.Sources.open(settings, use_token=use_token) as src,
            session_scope(engine) as session,
        ):
            return kind.run(session, src, values, today, progress)

    return work


async def start(request: Request) -> Response:
    source = request.path_params["source"]
    kind = IMPORTS.get(source)
    if kind is None:
        raise NotFoundError(f"there is no import from '{source}'")
    refuse = INDEX.refuser(source)
    values: dict[str, str] = {}
    try:
        values = await _values(request, source, kind, refuse)
        _check(source, kind, values)
    except ValidationError as exc:
        return await refuse(request, exc, values)
    job = request.app.state.jobs.start(kind.title(values), _work(request, kind, values))
    return RedirectResponse(f"/evidence/imports/{job.id}", status_code=303)


# -- showing a job ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    action: str
    what: str
    detail: str
    evidence_id: int | None


def _stop_text(report: Report) -> str:
    exc = report.stopped
    if exc is None:
        return ""
    kept = report.count(svc.ADDED) + report.count(svc.UPDATED)
    when = ""
    if exc.resume_at:
        at = dt.datetime.fromtimestamp(exc.resume_at, dt.UTC)
        when = f"; start it again after {at:%Y-%m-%d %H:%M} UTC"
    return (
        f"Stopped early, rate limit reached ({exc}); the {plural(kept, 'item')} added or updated "
        f"so far {'is' if kept == 1 else 'are'} kept{when}."
    )


def job_view(job: Job, clean: Callable[[str], str]) -> dict[str, Any]:
    """What the page shows: lines that changed something, skipped ones (grouped by reason when
    many), unchanged ones as a count; every text made safe (tokens hidden)."""
    report: Report | None = job.result
    # A failed import stored nothing, so the lines it had reported are not shown.
    lines: list[Line] = [] if job.error else list(report.lines if report else job.lines)

    def shown(line: Line) -> Shown:
        return Shown(line.action, clean(line.what), clean(line.detail), line.evidence_id)

    skipped = [line for line in lines if line.action == svc.SKIPPED]
    grouped = len(skipped) > SKIPPED_SHOWN
    return {
        "job": job,
        "lines": [shown(x) for x in lines if x.action not in (svc.UNCHANGED, svc.SKIPPED)],
        "skipped": [] if grouped else [shown(x) for x in skipped],
        "skipped_groups": (
            [(clean(r), n) for r, n in Counter(x.detail for x in skipped).most_common()]
            if grouped
            else []
        ),
        "counts": Counter(x.action for x in lines),
        "summary": clean(report.summary()) if report is not None else "",
        "stopped": clean(_stop_text(report)) if report is not None else "",
        "poll": POLL_SECONDS,
    }


async def import_page(request: Request) -> Response:
    return job_page(
        request, request.app.state.jobs, job_view, noun=("import", "imports"), active="evidence",
        template="evidence/job",
    )  # fmt: skip


routes: list[BaseRoute] = [
    Route("/evidence/imports/{job}", import_page, methods=["GET"], name="evidence-job"),
    Route("/evidence/imports/{source}", start, methods=["POST"], name="evidence-import"),
]
