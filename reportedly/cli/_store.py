"""The store commands: query, sql, export."""

from __future__ import annotations

from typing import Any

import click

from reportedly import report, service
from reportedly.cli import _common as _c
from reportedly.cli import main
from reportedly.model import EVENT_TYPES, QUOTE_KINDS
from reportedly.store import KINDS, TABLES

_TYPES_HELP = (
    "Event type (events, claims, incidents, reports): "
    + ", ".join(EVENT_TYPES)
    + "; quote kind (quotes): "
    + ", ".join(QUOTE_KINDS)
    + "; error kind (errors); actor kind (actors): person, organization, group, "
    "media, country, unknown."
)


@main.command()
@click.argument("what", type=click.Choice(list(KINDS)))
@_c.db
@click.option("--actor", help="Actor or recipient name contains this.")
@click.option("--country", help="Actor, recipient or place country code.")
@click.option("--type", "type_", metavar="TYPE", help=_TYPES_HELP)
@click.option("--place", help="Place name contains this, or a GeoNames id.")
@click.option("--since", callback=_c.iso_date, metavar="DATE", help="On or after.")
@click.option("--until", callback=_c.iso_date, metavar="DATE", help="On or before.")
@click.option("--claimant", help="Claimant (quotes: speaker) name contains this.")
@click.option("--outlet", help="Outlet contains this.")
@click.option("--text", help="Evidence, title, quote or error text contains this.")
@click.option(
    "--min-confidence",
    type=float,
    metavar="X",
    help="Only events or quotes with confidence >= X (0-1).",
)
@click.option("--limit", default=100, show_default=True, help="At most this many rows.")
@_c.fmt
@_c.errors
def query(
    what: str, db: str, fmt: str, limit: int, type_: str | None, **filters: str | None
) -> None:
    """Query stored events, quotes, incidents, claims, incident reports, errors or
    actors (one canonical actor per entity, with its aliases and counts), newest
    first.

    Example: reportedly query incidents --db corpus.duckdb --type ASSAULT
    """
    rows = service.query(db, what, limit=limit, type=type_, **filters)
    names = list(rows[0]) if rows else []
    _rows(names, [list(r.values()) for r in rows], fmt)


def _rows(names: list[str], rows: list[Any], fmt: str) -> None:
    if rows or fmt != "table":
        click.echo(report.render_rows(names, rows, fmt), nl=False)
    click.echo(f"{len(rows)} row{'' if len(rows) == 1 else 's'}", err=True)


@main.command(
    help="Run one SQL statement on the store and print the rows. The store is "
    "opened read-only unless --write is given. Tables: "
    + ", ".join(TABLES)
    + "; every row keeps its full record as JSON in `record`.\n\n"
    'Example: reportedly sql --db corpus.duckdb "SELECT count(*) FROM events"'
)
@click.argument("statement")
@_c.db
@click.option("--write", is_flag=True, help="Allow statements that change the store.")
@_c.fmt
@_c.errors
def sql(statement: str, db: str, write: bool, fmt: str) -> None:
    names, rows = service.sql(db, statement, write=write)
    _rows(names, rows, fmt)


@main.command()
@_c.db
@click.option("--table", type=click.Choice(list(TABLES)), help="Table to export.")
@click.option("--events", is_flag=True, help="Event-data export (GDELT/ICEWS-style).")
@click.option(
    "--reviews",
    is_flag=True,
    help="Readers' reviews as JSONL verdict lines (the format of bench/judged).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default="parquet",
    show_default=True,
    help="File format.",
)
@click.option(
    "--min-confidence",
    type=float,
    default=0.0,
    metavar="X",
    help="--events: only events with confidence >= X (0-1).",
)
@click.option("-o", "--output", required=True, metavar="PATH", help="File to write.")
@_c.errors
def export(
    db: str,
    table: str | None,
    events: bool,
    reviews: bool,
    fmt: str,
    min_confidence: float,
    output: str,
) -> None:
    """Export a table, or the event data, to JSONL, CSV or Parquet.

    Example: reportedly export --db corpus.duckdb --events --format csv -o events.csv
    """
    if (bool(table) + events + reviews) != 1:
        raise click.UsageError(
            "give exactly one of --table NAME, --events or --reviews"
        )
    if reviews:
        n = service.export_reviews(db, output)
        click.echo(f"{n} reviews written to {output}", err=True)
        return
    n = service.export(db, output, fmt=fmt, table=table, min_confidence=min_confidence)
    click.echo(f"{n} rows written to {output}", err=True)
