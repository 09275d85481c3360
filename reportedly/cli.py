"""The command line: a thin skin over the Python API."""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path
from typing import IO

import click

from reportedly import corpus, report
from reportedly.errors import ReportedlyError
from reportedly.model import ErrorRecord
from reportedly.pipeline import analyze_many
from reportedly.store import DEFAULT_PATH, KINDS, TABLES, Store, open_store


def _iso_date(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    """Validate ``--published`` at the boundary: an ISO date or nothing."""
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date; expected YYYY-MM-DD, e.g. 2015-10-01"
        ) from None


@click.group()
@click.version_option(package_name="reportedly")
def main() -> None:
    """reportedly: event data that knows who said so."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "text"]),
    default="json",
    show_default=True,
    help="json: one object (a list for several documents); "
    "jsonl: one line per document; text: a readable report.",
)
@click.option(
    "--raw",
    is_flag=True,
    help="No cleaning: article.text is the input "
    "text byte for byte, so offsets index the input file.",
)
@click.option(
    "--published",
    callback=_iso_date,
    default=None,
    metavar="DATE",
    help="Publication date (YYYY-MM-DD) for every document.",
)
@click.option(
    "--model",
    default=None,
    metavar="NAME",
    help="spaCy pipeline to load (default: en_core_web_sm).",
)
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write here instead of stdout.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr (default: when stderr is a terminal).",
)
def analyze(
    paths: tuple[str, ...],
    fmt: str,
    raw: bool,
    published: str | None,
    model: str | None,
    output: IO[str],
    progress: bool | None,
) -> None:
    """Analyse articles: quotes, speakers and sourcing signals.

    PATHS are files (.txt .html .jsonl .json .csv .warc .warc.gz), directories
    (read recursively) or - for stdin. Every document comes out as an analysis
    or as an error record; the summary goes to stderr.

    Example: reportedly analyze --format text article.txt
    """
    from tqdm import tqdm

    results = analyze_many(paths, raw=raw, published=published, model=model)
    # disable=None: a bar only when stderr is a terminal
    bar = tqdm(
        results,
        unit="doc",
        file=sys.stderr,
        disable=None if progress is None else not progress,
        leave=False,
    )
    ok = failed = 0
    collected: list[dict] = []
    try:
        for res in bar:
            if isinstance(res, ErrorRecord):
                failed += 1
                text = report.render_error(res)
            else:
                ok += 1
                text = report.render(res) + "\n" if fmt == "text" else ""
            if fmt == "jsonl":
                output.write(json.dumps(res.to_dict(), ensure_ascii=False) + "\n")
            elif fmt == "text":
                output.write(text)
            else:
                collected.append(res.to_dict())
    except ReportedlyError as e:  # set-up problems, e.g. no spaCy model installed
        raise click.ClickException(str(e)) from e
    if fmt == "json":
        doc = collected[0] if len(collected) == 1 else collected
        output.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    click.echo(f"{ok} analysed, {failed} failed", err=True)
    if ok == 0:
        sys.exit(1)


_db = click.option(
    "--db",
    default=DEFAULT_PATH,
    show_default=True,
    metavar="PATH",
    help="The DuckDB store file.",
)
_fmt = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)


def _store(db: str, must_exist: bool = True) -> Store:
    if must_exist and not Path(db).exists():
        raise click.ClickException(f"{db}: no such store; run reportedly ingest first")
    try:
        return open_store(db)
    except ReportedlyError as e:
        raise click.ClickException(str(e)) from e


@main.command()
@click.argument("sources", nargs=-1, required=True)
@_db
@click.option(
    "--batch-size", default=64, show_default=True, help="Documents per commit."
)
@click.option(
    "--published",
    callback=_iso_date,
    default=None,
    metavar="DATE",
    help="Publication date (YYYY-MM-DD) for every document.",
)
@click.option("--raw", is_flag=True, help="No cleaning, as for analyze.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr.")
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
    before parsing, and each batch is committed whole.

    Example: reportedly ingest --db corpus.duckdb articles/ feed.jsonl
    """
    from tqdm import tqdm

    show = sys.stderr.isatty() if progress is None else progress
    total = corpus.count_documents(sources) if show else None  # a pass for ETA
    with tqdm(total=total, unit="doc", file=sys.stderr, disable=not show) as bar:
        try:
            summary = corpus.ingest(
                sources,
                db=_store(db, False),
                batch_size=batch_size,
                progress=bar.update,
                published=published,
                raw=raw,
            )
        except ReportedlyError as e:
            raise click.ClickException(str(e)) from e
    click.echo(report.render_summary(summary.to_dict()), err=True)


@main.command()
@click.argument("what", type=click.Choice(list(KINDS)))
@_db
@click.option("--actor", help="Actor or recipient name contains this.")
@click.option("--country", help="Actor, recipient or place country code.")
@click.option("--type", "type_", help="PLOVER type (quotes: kind).")
@click.option("--place", help="Place name contains this, or a GeoNames id.")
@click.option("--since", callback=_iso_date, metavar="DATE", help="On or after.")
@click.option("--until", callback=_iso_date, metavar="DATE", help="On or before.")
@click.option("--claimant", help="Claimant (quotes: speaker) name contains this.")
@click.option("--outlet", help="Outlet contains this.")
@click.option("--text", help="Evidence, title or quote text contains this.")
@click.option("--limit", default=100, show_default=True, help="At most this many rows.")
@_fmt
def query(
    what: str, db: str, fmt: str, limit: int, type_: str | None, **filters: str | None
) -> None:
    """Query stored events, quotes, incidents, claims or incident reports.

    Example: reportedly query incidents --db corpus.duckdb --type ASSAULT
    """
    with _store(db) as store:
        try:
            rows = store.query(what, limit=limit, type=type_, **filters)
        except ReportedlyError as e:
            raise click.ClickException(str(e)) from e
    names = list(rows[0]) if rows else []
    click.echo(
        report.render_rows(names, [list(r.values()) for r in rows], fmt), nl=False
    )


@main.command()
@click.argument("statement")
@_db
@_fmt
def sql(statement: str, db: str, fmt: str) -> None:
    """Run any SQL statement on the store and print the rows.

    Example: reportedly sql --db corpus.duckdb "SELECT count(*) FROM events"
    """
    with _store(db) as store:
        try:
            names, rows = store.sql(statement)
        except ReportedlyError as e:
            raise click.ClickException(str(e)) from e
    click.echo(report.render_rows(names, rows, fmt), nl=False)


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
def export(db: str, table: str | None, events: bool, fmt: str, output: str) -> None:
    """Export a table, or the event data, to JSONL, CSV or Parquet.

    Example: reportedly export --db corpus.duckdb --events --format csv -o events.csv
    """
    if bool(table) == events:
        raise click.UsageError("give exactly one of --table NAME or --events")
    with _store(db) as store:
        n = store.export(output, fmt=fmt, table=table)
    click.echo(f"{n} rows written to {output}", err=True)


if __name__ == "__main__":
    main()
