"""The web and review commands: serve, eval."""

from __future__ import annotations

import json

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
@_c.errors
def serve(db: str, host: str, port: int, review: bool) -> None:
    """Serve the web app and REST API over a store (read-only by default).

    DuckDB lets one process write a file: while a store is served, ingest into
    another file, or stop the server first.

    Example: reportedly serve --db corpus.duckdb, then open http://127.0.0.1:8000/
    """
    import uvicorn

    from reportedly.web import create_app

    app = create_app(db, review=review)
    click.echo(
        f"serving {db} {'with review' if review else 'read-only'} at "
        f"http://{host}:{port}/ (API docs at /docs); Ctrl-C stops",
        err=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")


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
