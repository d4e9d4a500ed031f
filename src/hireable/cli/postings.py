"""`hireable postings ...`: analyse postings (JSON Lines in, JSON Lines out), measure the
analyser against hand labels, and explain one posting's labels."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import typer

from hireable.cli import common
from hireable.cli.common import id_argument, json_option, output_option

if TYPE_CHECKING:
    from rich.console import RenderableType

    from hireable.postings.evaluate import Report

postings_app = typer.Typer(
    name="postings",
    help="Analyse job postings: degree requirement, seniority, years, hands-on ML, skills.",
    no_args_is_help=True,
)

EXPLAIN_FIELDS = ("degree", "degree_level", "seniority", "years_min", "ml")
# Which evidence entry explains each field (the level is decided by the degree statement).
EVIDENCE_OF = {"degree_level": "degree"}


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(postings_app)


def _open_input(stack: ExitStack, path: Path | None) -> IO[bytes] | IO[str]:
    if path is None or str(path) == "-":
        return getattr(sys.stdin, "buffer", sys.stdin)
    from hireable.errors import ValidationError

    try:
        return stack.enter_context(path.open("rb"))
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ValidationError(f"cannot read {path}: {reason}; check the --input path") from None


@postings_app.command("analyze")
def analyze(
    input_path: Path | None = typer.Option(
        None, "--input", "-i", help="JSON Lines file of postings (default: stdin)."
    ),
    output_path: Path | None = output_option(
        "--output", "-o", help="Where to write the analyses (default: stdout)."
    ),
    jobs: int = typer.Option(
        1, "--jobs", "-j", help="Worker processes (default 1, at most 4 per CPU)."
    ),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first malformed line."),
) -> None:
    """Analyse postings: one JSON object a line in (needs "description"), one a line out."""
    from hireable.fileio import writer
    from hireable.postings import stream

    _check_jobs(jobs)
    with ExitStack() as stack:
        source = _counted(stack, _open_input(stack, input_path), input_path, output_path)
        write: Callable[[str], object] = sys.stdout.write
        if output_path is not None:  # after the input opened: a wrong --input truncates nothing
            write = stack.enter_context(writer(output_path, "--output"))
        written, skipped = stream.run(
            source,
            write,
            jobs=jobs,
            strict=strict,
            on_error=lambda e: _note(str(e)),
        )
    if skipped:
        what = "stopped at the first malformed line" if strict else f"skipped {skipped} line(s)"
        _note(f"{what}; analysed {written} posting(s)")
        raise typer.Exit(1)
    if written == 0:
        _note("no postings in the input; nothing to analyse")


PROGRESS_EVERY = 256  # lines between two updates of the progress bar
JOBS_PER_CPU = 4  # beyond this, more processes only add start-up time and memory


def _check_jobs(jobs: int) -> None:
    import os

    from hireable.errors import UsageError

    if jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    most = (os.cpu_count() or 1) * JOBS_PER_CPU
    if jobs > most:
        raise UsageError(f"--jobs must be at most {most} ({JOBS_PER_CPU} per CPU), not {jobs}")


def _counted(
    stack: ExitStack, source: IO[bytes] | IO[str], input_path: Path | None, output_path: Path | None
) -> Iterator[bytes | str]:
    """The input's lines, moving a progress bar (by bytes read, for a file) as they are read.
    The bar stays off while the analyses go to the terminal itself."""
    size = None
    if input_path is not None and str(input_path) != "-" and input_path.is_file():
        size = input_path.stat().st_size
    show = output_path is not None or not sys.stdout.isatty()
    tick = stack.enter_context(common.progress_bar("analysing postings:", size, show=show))

    def lines() -> Iterator[bytes | str]:
        done = count = 0
        for raw in source:
            done += len(raw)
            count += 1
            if count % PROGRESS_EVERY == 0:
                tick(done, count)
            yield raw
        tick(done, count)

    return lines()


def _note(message: str) -> None:
    """One unwrapped line on stderr (messages are grep-able: `line N: reason`)."""
    from hireable.cli.literal import visible

    sys.stderr.write(visible(message) + "\n")


@postings_app.command("eval")
def evaluate_command(
    input_path: Path = typer.Option(..., "--input", "-i", help="JSON Lines postings (with id)."),
    labels_path: Path = typer.Option(..., "--labels", "-l", help="JSON Lines hand labels."),
    as_json: bool = json_option("Print the figures as JSON."),
) -> None:
    """Measure the analyser against hand labels: accuracy, F1, confusion, disagreeing ids."""
    from hireable.errors import ValidationError
    from hireable.postings.evaluate import evaluate
    from hireable.postings.stream import analyse_posting, numbered_lines, parse_posting

    labels = _read_labels(labels_path)
    wanted = {str(row.get("id")) for row in labels}
    predictions: dict[str, dict[str, Any]] = {}
    with ExitStack() as stack:
        for lineno, raw in numbered_lines(_open_input(stack, input_path)):
            try:
                obj = parse_posting(raw)
            except ValueError as exc:
                raise ValidationError(f"{input_path} line {lineno}: {exc}") from None
            if str(obj.get("id")) in wanted:
                predictions[str(obj.get("id"))] = analyse_posting(obj)
    if not predictions:
        raise ValidationError(
            f"no labelled id found in {input_path}; the labels' ids must match the postings' ids"
        )
    report = evaluate(labels, predictions)
    if as_json:
        common.print_json(report.as_dict())
        return
    _print_report(report)


def _read_labels(path: Path) -> list[dict[str, Any]]:
    from hireable.errors import ValidationError
    from hireable.postings.evaluate import label_problem
    from hireable.untrusted_json import loads

    rows: list[dict[str, Any]] = []
    try:
        with path.open("rb") as fh:
            for lineno, raw in enumerate(fh, start=1):
                if not raw.strip():
                    continue
                try:
                    row = loads(raw)
                except ValueError:  # not JSON, not UTF-8, nested too deeply
                    row = None
                if not isinstance(row, dict) or "id" not in row:
                    raise ValidationError(
                        f"{path} line {lineno}: not a label object with an id; see GUIDELINES.md"
                    )
                if problem := label_problem(row):
                    raise ValidationError(f"{path} line {lineno}: {problem}; see GUIDELINES.md")
                rows.append(row)
    except OSError as exc:
        raise ValidationError(f"cannot read {path}: {exc.strerror}; check --labels") from None
    if not rows:
        raise ValidationError(f"{path} holds no labels")
    return rows


def _print_report(report: Report) -> None:
    from rich.table import Table

    console = common.console()
    summary = Table(title="Accuracy (F1 where a positive class is named)")
    summary.add_column("field")
    for subset in report.scores:
        n = next(iter(report.scores[subset].values())).n
        summary.add_column(f"{subset} (n={n})", justify="right")
    for name in report.scores["all"]:
        cells = []
        for subset in report.scores:
            score = report.scores[subset][name]
            f1 = f"  F1 {score.f1:.3f}" if score.f1 is not None else ""
            cells.append(f"{score.accuracy:.3f}{f1}")
        summary.add_row(name, *cells)
    console.print(summary)
    for subset, fields in report.scores.items():
        for name, score in fields.items():
            console.print(_confusion_table(f"{name} — {subset}", score.confusion))
            ids = ", ".join(score.disagree) or "none"
            console.print(f"disagree ({len(score.disagree)}): {ids}")
    if report.missing:
        console.print(f"labels without a posting: {', '.join(report.missing)}")


def _confusion_table(title: str, confusion: dict[str, dict[str, int]]) -> RenderableType:
    from rich.table import Table

    classes = sorted(set(confusion) | {p for row in confusion.values() for p in row})
    table = Table(title=f"{title} (rows: label, columns: analyser)", title_justify="left")
    table.add_column("label \\ got")
    for c in classes:
        table.add_column(c, justify="right")
    for truth in classes:
        row = confusion.get(truth, {})
        table.add_row(truth, *(str(row.get(p, 0) or "") for p in classes))
    return table


@postings_app.command("explain")
def explain(
    posting_id: int | None = id_argument(
        None, metavar=None, help="A stored posting's id (see `jobs list`)."
    ),
    input_path: Path | None = typer.Option(
        None, "--input", "-i", help="Explain a posting from this JSON Lines file instead."
    ),
    line_id: str | None = typer.Option(
        None, "--id", help="With --input: the posting's id (default: the first one)."
    ),
) -> None:
    """Show each label with the sentence that decided it, highlighted in the posting text."""
    from hireable.errors import UsageError

    if (posting_id is None) == (input_path is None):
        raise UsageError("give either a POSTING_ID or --input FILE [--id ID]")
    if line_id is not None and input_path is None:
        raise UsageError("--id needs --input FILE")
    if input_path is not None:
        title, description = _posting_from_file(input_path, line_id)
    else:
        assert posting_id is not None
        title, description = _posting_from_store(posting_id)
    _show_explanation(title, description)


def _posting_from_file(path: Path, wanted: str | None) -> tuple[str | None, str]:
    from hireable.errors import NotFoundError
    from hireable.postings.stream import numbered_lines, parse_posting

    with ExitStack() as stack:
        for _, raw in numbered_lines(_open_input(stack, path)):
            try:
                obj = parse_posting(raw)
            except ValueError:
                continue
            if wanted is None or str(obj.get("id")) == wanted:
                title = obj.get("title")
                return (title if isinstance(title, str) else None), obj["description"]
    what = f"no posting with id {wanted}" if wanted else "no valid posting"
    raise NotFoundError(f"{what} in {path}; check --id and the file")


def _posting_from_store(posting_id: int) -> tuple[str | None, str]:
    from hireable.errors import NotFoundError
    from hireable.store.models import Posting

    with common.session() as s:
        posting = s.get(Posting, posting_id)
        if posting is None:
            raise NotFoundError(f"no posting with id {posting_id}; see `hireable jobs list`")
        return posting.title, posting.text or posting.description or ""


def _show_explanation(title: str | None, description: str) -> None:
    from rich.table import Table

    from hireable.cli.literal import text, visible
    from hireable.postings.analyse import analyse, clean_text

    result = analyse(description, title)
    evidence = result["evidence"]
    console = common.console()
    table = Table(title=title or "posting", title_justify="left", show_lines=True)
    table.add_column("field")
    table.add_column("label")
    table.add_column("decided by")
    for name in EXPLAIN_FIELDS:
        quote = evidence.get(EVIDENCE_OF.get(name, name), "")
        shown = text(quote, "bold yellow") if quote else text("(nothing in the text)")
        table.add_row(name, _label(result[name]), shown)
    table.add_row("remote", _label(result["remote"]), "")
    table.add_row("salary", _label(result["salary"]), "")
    table.add_row("skills", ", ".join(result["skills"]) or "-", "")
    console.print(table)
    body = text(clean_text(description))
    for name in ("degree", "seniority", "years_min", "ml"):
        quote = evidence.get(name, "")
        if quote:
            body.highlight_words([visible(quote)], style="bold yellow")
    console.print(body)


def _label(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return str(value)
