"""The batch commands: the Spark engine of ``ingest``, and ``load``."""

from __future__ import annotations

import json
from typing import Any

import click

from reportedly import batch, report
from reportedly.cli import _common as _c
from reportedly.cli import main
from reportedly.settings import Settings


def spark_ingest(
    sources: tuple[str, ...],
    out: str | None,
    master: str | None,
    workers: int | None,
    settings: Settings,
    **options: Any,
) -> None:
    """Run the Spark job (``ingest --engine spark``) and print its summary."""
    from reportedly.batch import spark

    if not out:
        raise click.UsageError("--engine spark needs --out DIR (the datasets)")
    url = master or (f"local[{workers}]" if workers else spark.DEFAULT_MASTER)
    summary = spark.run(sources, out, master=url, settings=settings, **options)
    click.echo(json.dumps(summary.to_dict()), err=True)
    click.echo(
        f"{summary.analyses} articles, {summary.events} events, {summary.errors} "
        f"errors from {summary.documents} documents in "
        f"{summary.slices - summary.skipped_slices} slices "
        f"({summary.skipped_slices} already complete) on {summary.master}, "
        f"{summary.seconds:.1f} s; now: reportedly load {out} --db PATH",
        err=True,
    )


@main.command()
@click.argument("source", metavar="DIR")
@_c.db
@_c.progress
@_c.errors
def load(source: str, db: str, progress: bool | None) -> None:
    """Load Parquet datasets written by `ingest --engine spark` into a store and
    link incidents there. Incremental: articles already stored are skipped.

    DuckDB can also query the datasets directly, e.g.
    SELECT * FROM read_parquet('DIR/events/*/*.parquet', hive_partitioning=true)

    Example: reportedly load ds/ --db corpus.duckdb
    """
    with _c.bar(progress) as bar:
        summary = batch.load(source, db=db, progress=bar.update)
    click.echo(report.render_summary(summary.to_dict(), db), err=True)
