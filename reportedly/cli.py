"""The command line: a thin click skin over ``reportedly.service``."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, TypeVar

import click

from reportedly import report, service
from reportedly.errors import ReportedlyError
from reportedly.model import EVENT_TYPES, QUOTE_KINDS
from reportedly.settings import Settings
from reportedly.store import DEFAULT_PATH, KINDS, TABLES

T = TypeVar("T")


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    """Validate a date option at the boundary: an ISO date or nothing."""
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date; expected YYYY-MM-DD, e.g. 2015-10-01"
        ) from None


def _errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Show a ReportedlyError as a one-line message and exit 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ReportedlyError as e:
            raise click.ClickException(str(e)) from e

    return wrapper


def _settings(model: str | None = None) -> Settings:
    """Read the environment once for this command; ``--model`` wins over it."""
    try:
        s = Settings.from_env()
    except ReportedlyError as e:
        raise click.ClickException(str(e)) from e
    return s if model is None else dataclasses.replace(s, model=model)


def _bar(progress: bool | None, total: int | None = None) -> Any:
    from tqdm import tqdm

    show = sys.stderr.isatty() if progress is None else progress
    return tqdm(total=total, unit="doc", file=sys.stderr, disable=not show, leave=False)


def _ticking(items: Iterable[T], bar: Any) -> Iterator[T]:
    """Yield the items, advancing the progress bar by one for each."""
    for item in items:
        bar.update(1)
        yield item


_published = click.option(
    "--published",
    callback=_iso_date,
    metavar="DATE",
    help="Publication date (YYYY-MM-DD) for every document.",
)
_raw = click.option(
    "--raw", is_flag=True, help="No cleaning: article.text is the input byte for byte."
)
_progress = click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr (default: when stderr is a terminal).",
)
_db = click.option(
    "--db", default=DEFAULT_PATH, show_default=True, metavar="PATH", help="The store."
)
_fmt = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)


@click.group()
@click.version_option(package_name="reportedly")
def main() -> None:
    """reportedly: event data that knows who said so.

    Settings come from the environment: REPORTEDLY_CACHE (built resources,
    default ~/.cache/reportedly), REPORTEDLY_ACTORS (your own actor TSV),
    REPORTEDLY_MODEL (the spaCy pipeline).
    """


@main.command()
@_errors
def setup() -> None:
    """Build what analysis needs once: the offline gazetteer (about 15 s).

    Example: reportedly setup
    """
    click.echo(f"gazetteer ready: {service.setup(_settings())}", err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(service.FORMATS),
    default="json",
    show_default=True,
    help="json: one object (a list for several); jsonl: one line each; text: a report.",
)
@_raw
@_published
@click.option("--model", metavar="NAME", help="spaCy pipeline to load.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
@_progress
@_errors
def analyze(
    paths: tuple[str, ...],
    fmt: str,
    raw: bool,
    published: str | None,
    model: str | None,
    output: IO[str],
    progress: bool | None,
) -> None:
    """Analyse articles: quotes and speakers, actors, events with their claimants,
    places and dates, and sourcing signals.

    PATHS are files (.txt .html .jsonl .json .csv .warc .warc.gz), directories
    (read recursively) or - for stdin. Every document comes out as an analysis
    or as an error record; the summary goes to stderr.

    Example: reportedly analyze --format text article.txt
    """
    s = _settings(model)
    results = service.analyze_paths(paths, raw=raw, published=published, settings=s)
    with _bar(progress) as bar:
        counts = service.render(_ticking(results, bar), fmt, output)
    click.echo(f"{counts.analysed} analysed, {counts.failed} failed", err=True)
    if counts.analysed == 0:
        sys.exit(1)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@_db
@click.option(
    "--batch-size", default=64, show_default=True, help="Documents per commit."
)
@_published
@_raw
@_progress
@_errors
def ingest(
    sources: tuple[str, ...],
    db: str,
    batch_size: int,
    published: str | None,
    raw: bool,
    progress: bool | None,
) -> None:
    """Analyse articles and store them, their events and incidents in a DuckDB file.

    Idempotent and resumable: articles already in the store are skipped
    before parsing, and each batch is committed whole. The store's own files
    are never read as input.

    Example: reportedly ingest --db corpus.duckdb articles/ feed.jsonl
    """
    s = _settings()
    show = sys.stderr.isatty() if progress is None else progress
    total = service.count_documents(sources, db) if show else None  # for the ETA
    with _bar(show, total) as bar:
        summary = service.ingest(
            sources,
            db=db,
            batch_size=batch_size,
            published=published,
            raw=raw,
            settings=s,
            progress=bar.update,
        )
    click.echo(report.render_summary(summary.to_dict(), db), err=True)


_TYPES_HELP = (
    "Event type (events, claims, incidents, reports): "
    + ", ".join(EVENT_TYPES)
    + "; quote kind (quotes): "
    + ", ".join(QUOTE_KINDS)
    + "; error kind (errors)."
)


@main.command()
@click.argument("what", type=click.Choice(list(KINDS)))
@_db
@click.option("--actor", help="Actor or recipient name contains this.")
@click.option("--country", help="Actor, recipient or place country code.")
@click.option("--type", "type_", metavar="TYPE", help=_TYPES_HELP)
@click.option("--place", help="Place name contains this, or a GeoNames id.")
@click.option("--since", callback=_iso_date, metavar="DATE", help="On or after.")
@click.option("--until", callback=_iso_date, metavar="DATE", help="On or before.")
@click.option("--claimant", help="Claimant (quotes: speaker) name contains this.")
@click.option("--outlet", help="Outlet contains this.")
@click.option("--text", help="Evidence, title, quote or error text contains this.")
@click.option("--limit", default=100, show_default=True, help="At most this many rows.")
@_fmt
@_errors
def query(
    what: str, db: str, fmt: str, limit: int, type_: str | None, **filters: str | None
) -> None:
    """Query stored events, quotes, incidents, claims, incident reports or errors.

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
@_db
@click.option("--write", is_flag=True, help="Allow statements that change the store.")
@_fmt
@_errors
def sql(statement: str, db: str, write: bool, fmt: str) -> None:
    names, rows = service.sql(db, statement, write=write)
    _rows(names, rows, fmt)


@main.command()
@_db
@click.option("--table", type=click.Choice(list(TABLES)), help="Table to export.")
@click.option("--events", is_flag=True, help="Event-data export (GDELT/ICEWS-style).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default="parquet",
    show_default=True,
    help="File format.",
)
@click.option("-o", "--output", required=True, metavar="PATH", help="File to write.")
@_errors
def export(db: str, table: str | None, events: bool, fmt: str, output: str) -> None:
    """Export a table, or the event data, to JSONL, CSV or Parquet.

    Example: reportedly export --db corpus.duckdb --events --format csv -o events.csv
    """
    if bool(table) == events:
        raise click.UsageError("give exactly one of --table NAME or --events")
    n = service.export(db, output, fmt=fmt, table=table)
    click.echo(f"{n} rows written to {output}", err=True)


if __name__ == "__main__":
    main()
