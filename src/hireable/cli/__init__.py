"""The `hireable` command. Thin: parse input, call a service, format output.

Each command group lives in its own module and is registered here. Modules import heavy
libraries (SQLAlchemy, httpx, the analyser) inside their command functions so that
`hireable --help` stays fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import typer

from hireable import __version__
from hireable.cli import (
    imports,
    jobs,
    journal,
    ledger,
    portfolio,
    postings,
    resume,
    serve,
    tracker,
)
from hireable.errors import HireableError

app = typer.Typer(
    name="hireable",
    help="Evidence, readiness and niche job search for self-taught ML learners.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

ledger.register(app)
journal.register(app)
postings.register(app)
jobs.register(app)
tracker.register(app)
imports.register(app)
serve.register(app)
portfolio.register(app)
resume.register(app)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hireable {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Evidence, readiness and niche job search for self-taught ML learners."""


def _fail(message: str) -> None:
    from hireable.cli.literal import visible

    print(f"error: {visible(' '.join(message.split()))}", file=sys.stderr)


def run(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code; every user-caused failure is one `error:` line."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        result = app(args=args, prog_name="hireable", standalone_mode=False)
    except HireableError as exc:
        from hireable.cli.wording import cli_wording

        _fail(cli_wording(str(exc)))
        return exc.exit_code
    except typer.TyperException as exc:  # usage errors (exit 2) and other CLI parsing failures
        if type(exc).__name__ == "NoArgsIsHelpError":  # a bare group: show its help
            print(exc.format_message())
            return 0
        ctx = getattr(exc, "ctx", None)
        hint = (
            f" (see `{ctx.command_path} --help`)" if ctx is not None and exc.exit_code == 2 else ""
        )
        _fail(exc.format_message() + hint)
        return exc.exit_code
    except typer.Abort:
        _fail("aborted")
        return 1
    except typer.Exit as exc:
        return exc.exit_code
    except KeyboardInterrupt:
        _fail("interrupted; nothing from the unfinished step was saved")
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # output to a full disk, say: `hireable status > /dev/full`
        _fail(_os_error(exc))
        return 1
    return result if isinstance(result, int) else 0


def _os_error(exc: OSError) -> str:
    from hireable.fileio import cannot_write

    return cannot_write(exc.filename, exc) if exc.filename else exc.strerror or type(exc).__name__


def main() -> None:
    code = run()
    try:
        sys.stdout.flush()  # what is still buffered, while an error can still be told
    except OSError as exc:
        if code == 0 and not isinstance(exc, BrokenPipeError):
            _fail(_os_error(exc))
            code = 1
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the interpreter's own flush at exit stays quiet
    sys.exit(code)
