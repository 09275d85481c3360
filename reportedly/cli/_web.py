"""The web and review commands: serve, eval."""

from __future__ import annotations

import json
from pathlib import Path

import click

from reportedly import service
from reportedly.cli import _common as _c
from reportedly.cli import main


@main.command()
@_c.db
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port.")
@click.option(
    "--review",
    is_flag=True,
    help="Open the store writable so readers can mark records right or wrong "
    "(and /analyze stores what it analyses).",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes sharing the port (read-only stores; each keeps its "
    "own copy of the answers it has given).",
)
@_c.errors
def serve(db: str, host: str, port: int, review: bool, workers: int) -> None:
    """Serve the web app and REST API over a store (read-only by default).

    DuckDB lets one process write a file: while a store is served, ingest into
    another file, or stop the server first.

    Example: reportedly serve --db corpus.duckdb, then open http://127.0.0.1:8000/
    """
    from reportedly.errors import StoreError
    from reportedly.web import _workers, create_app

    if workers > 1 and review:
        raise click.UsageError(
            "--review writes the store, which one process at a time may do: "
            "use --workers 1"
        )
    mode = "with review" if review else "read-only"
    if workers > 1:
        mode += f", {workers} workers"
    message = (
        f"serving {db} {mode} at http://{host}:{port}/ (API docs at /docs); "
        "Ctrl-C stops"
    )
    if workers == 1:
        app = create_app(db, review=review)
        click.echo(message, err=True)
        _workers.serve(app, host, port)
        return
    if not Path(db).exists():  # each worker opens the store after the fork
        raise StoreError(f"{db}: no such store; run reportedly ingest first")
    click.echo(message, err=True)
    try:
        code = _workers.serve_forked(lambda: create_app(db), host, port, workers)
    except OSError as e:
        raise click.ClickException(f"cannot serve on {host}:{port}: {e}") from None
    if code:
        raise click.ClickException("a server worker failed (its message is above)")


@main.command("eval")
@_c.db
@click.option(
    "--reviews",
    "reviews_file",
    metavar="FILE",
    help="Verdict lines (JSONL, from `export --reviews`) to score this store "
    "against, instead of the store's own reviews.",
)
@_c.errors
def eval_(db: str, reviews_file: str | None) -> None:
    """Per-field precision of the store's records from readers' reviews.

    A review applies while its record has the same id and the field the same
    value; reviews of records that changed are counted as stale.

    Example: reportedly eval --db corpus.duckdb
    """
    lines = None
    if reviews_file:
        with open(reviews_file, encoding="utf-8") as f:
            lines = [json.loads(x) for x in f if x.strip()]
    with service.open_existing(db) as store:
        scores = service.review_scores(store, lines)
    rows = [
        f"| {name} | {good} of {n} | {good / n:.2f} |"
        for name, (good, n) in scores["fields"].items()
        if n
    ]
    click.echo("| field | right | share |\n|---|---|---|")
    click.echo("\n".join(rows) if rows else "| (no reviews apply) | | |")
    good, n = scores["usable"]
    if n:
        click.echo(f"| usable events | {good} of {n} | {good / n:.2f} |")
    click.echo(
        f"{scores['stale']} reviews no longer apply (the record changed)", err=True
    )
