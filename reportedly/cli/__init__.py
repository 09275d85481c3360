"""The command line: a thin click skin over ``reportedly.service``."""

from __future__ import annotations

import sys
from typing import IO

import click

from reportedly import batch, report, service
from reportedly.cli import _common as _c


@click.group()
@click.version_option(package_name="reportedly")
def main() -> None:
    """reportedly: event data that knows who said so.

    Settings come from the environment: REPORTEDLY_CACHE (built resources,
    default ~/.cache/reportedly), REPORTEDLY_ACTORS (your own actor TSV),
    REPORTEDLY_MODEL (the spaCy pipeline).
    """


@main.command()
@_c.errors
def setup() -> None:
    """Build what analysis needs once: the offline gazetteer (about 15 s).

    Example: reportedly setup
    """
    click.echo(f"gazetteer ready: {service.setup(_c.settings())}", err=True)


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
@_c.raw
@_c.published
@click.option("--model", metavar="NAME", help="spaCy pipeline to load.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
@_c.workers
@_c.progress
@_c.errors
def analyze(
    paths: tuple[str, ...],
    fmt: str,
    raw: bool,
    published: str | None,
    model: str | None,
    output: IO[str],
    workers: int | None,
    progress: bool | None,
) -> None:
    """Analyse articles: quotes and speakers, actors, events with their claimants,
    places and dates, and sourcing signals.

    PATHS are files (.txt .html .jsonl .json .csv .warc .warc.gz), directories
    (read recursively) or - for stdin. Every document comes out as an analysis
    or as an error record; the summary goes to stderr.

    Example: reportedly analyze --format text article.txt
    """
    s = _c.settings(model)
    results = batch.analyze_paths(
        paths, workers=workers, raw=raw, published=published, settings=s
    )
    with _c.bar(progress) as bar:
        counts = service.render(_c.ticking(results, bar), fmt, output)
    click.echo(f"{counts.analysed} analysed, {counts.failed} failed", err=True)
    if counts.analysed == 0:
        sys.exit(1)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@_c.db
@click.option(
    "--batch-size", default=64, show_default=True, help="Documents per commit."
)
@_c.published
@_c.raw
@_c.workers
@click.option(
    "--engine",
    type=click.Choice(["local", "spark"]),
    default="local",
    show_default=True,
    help="local: worker processes into --db; spark: a Spark job writing Parquet "
    "datasets to --out (then: reportedly load).",
)
@click.option(
    "--master",
    metavar="URL",
    help="--engine spark: local[N] or spark://HOST:7077 (default: local[N] with "
    "N from --workers, else local[*]).",
)
@click.option(
    "--out", metavar="DIR", help="--engine spark: the Parquet dataset directory."
)
@click.option(
    "--split-mb",
    type=click.IntRange(min=1),
    default=64,
    show_default=True,
    help="--engine spark: input MB per slice at most (more slices when the inputs "
    "are too few for 4 per core).",
)
@_c.progress
@_c.errors
def ingest(
    sources: tuple[str, ...],
    db: str,
    batch_size: int,
    published: str | None,
    raw: bool,
    workers: int | None,
    engine: str,
    master: str | None,
    out: str | None,
    split_mb: int,
    progress: bool | None,
) -> None:
    """Analyse articles and store them, their events and incidents in a DuckDB file.

    Idempotent and resumable: articles already in the store are skipped
    before parsing, and each batch is committed whole. The store's own files
    are never read as input. With --engine spark the job writes Parquet
    datasets (partitioned by publication month) under --out instead, and a
    rerun skips the slices already complete.

    Example: reportedly ingest --db corpus.duckdb --workers 2 articles/ feed.jsonl

    Example: reportedly ingest --engine spark --master local[2] --out ds/ crawl/
    """
    s = _c.settings()
    if engine == "spark":
        opts = {"published": published, "raw": raw, "split_bytes": split_mb << 20}
        _batch.spark_ingest(sources, out, master, workers, s, **opts)
        return
    if out or master:
        raise click.UsageError("--out and --master go with --engine spark")
    show = sys.stderr.isatty() if progress is None else progress
    total = service.count_documents(sources, db) if show else None  # for the ETA
    with _c.bar(show, total) as bar:
        summary = batch.ingest(
            sources,
            db=db,
            workers=workers,
            batch_size=batch_size,
            published=published,
            raw=raw,
            settings=s,
            progress=bar.update,
        )
    click.echo(report.render_summary(summary.to_dict(), db), err=True)


from reportedly.cli import _batch, _store, _web  # noqa: E402,F401  (register commands)
