"""Ingest and analyse on every core of one machine: the pool under the usual
commands, with the one DuckDB writer fed in input order.

Records are those of a single process (``workers=1``): the same pipeline runs
in each worker and results are stored in input order. A document already in
the store is skipped before parsing; a second copy of an article within one
run is analysed but not stored twice, and counts as skipped.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from reportedly import corpus, pipeline, service
from reportedly.batch import _worker
from reportedly.batch.pool import CHUNK, Doc, Pool, PoolStats, default_workers
from reportedly.ingest import read_sources
from reportedly.model import Analysis, ErrorRecord
from reportedly.settings import Settings
from reportedly.store import DEFAULT_PATH, Store, writable

Result = Analysis | ErrorRecord


def analyze_paths(
    paths: Iterable[str],
    *,
    workers: int | None = None,
    raw: bool = False,
    published: str | None = None,
    settings: Settings | None = None,
    stats: PoolStats | None = None,
) -> Iterator[Result]:
    """Analyse every document of files, directories or ``-`` in ``workers``
    processes (default: the machine's cores), in input order."""
    s = service.settings_or_env(settings)
    res = service.resources(s)
    return analyze_parallel(
        read_sources(paths),
        workers=default_workers() if workers is None else workers,
        stats=stats,
        raw=raw,
        published=published,
        model=s.model,
        resources=res,
    )


def ingest(
    sources: Iterable[str],
    *,
    db: str | Path | Store = DEFAULT_PATH,
    workers: int | None = None,
    batch_size: int = 64,
    raw: bool = False,
    published: str | None = None,
    settings: Settings | None = None,
    progress: Callable[[int], Any] | None = None,
    stats: PoolStats | None = None,
) -> corpus.IngestSummary:
    """Analyse files, directories or ``-`` into the store ``db`` with ``workers``
    processes (default: the machine's cores); see ``service.ingest``."""
    s = service.settings_or_env(settings)
    res = service.resources(s)
    n = default_workers() if workers is None else workers
    stats = stats if stats is not None else PoolStats()
    with writable(db) as store:
        summary = corpus.IngestSummary()
        corpus.backfill_entities(store)
        seen = frozenset(store.article_ids())
        docs = read_sources(sources, exclude=[store.path])
        results = analyze_parallel(
            docs,
            workers=n,
            seen=seen,
            stats=stats,
            raw=raw,
            published=published,
            model=s.model,
            resources=res,
        )
        fresh = _first_copies(results, stats, progress)
        corpus.store_results(fresh, store, summary, batch_size, progress)
        summary.skipped = stats.skipped
        return summary


def _first_copies(
    results: Iterable[Result],
    stats: PoolStats,
    progress: Callable[[int], Any] | None,
) -> Iterator[Result]:
    """Drop a second copy of an article met in this run (counted as skipped);
    tick ``progress`` for documents the workers skipped as already stored."""
    run: set[str] = set()
    ticked = stats.skipped
    for r in results:
        if progress and stats.skipped > ticked:
            progress(stats.skipped - ticked)
            ticked = stats.skipped
        if isinstance(r, Analysis):
            if r.article.id in run:
                stats.skipped += 1
                ticked += 1
                if progress:
                    progress(1)
                continue
            run.add(r.article.id)
        yield r


def analyze_parallel(
    docs: Iterable[Doc],
    *,
    workers: int,
    seen: frozenset[str] = frozenset(),
    stats: PoolStats | None = None,
    chunk: int = CHUNK,
    **options: Any,
) -> Iterator[Result]:
    """Analyse ``docs`` in ``workers`` processes, in input order.

    ``options`` are those of ``pipeline.analyze_documents`` (``raw``,
    ``published``, ``model``, ``resources``); articles whose id is in ``seen``
    are skipped before parsing and counted in ``stats.skipped``. An input that
    fits in one chunk, or ``workers <= 1``, is analysed in this process.
    """
    stats = stats if stats is not None else PoolStats()
    stream = iter(docs)
    head = list(itertools.islice(stream, chunk + 1))
    if workers <= 1 or len(head) <= chunk:

        def skip(article: Any) -> bool:
            if article.id in seen:
                stats.skipped += 1
                return True
            return False

        stats.workers = 1
        started = time.perf_counter()
        _worker.warm_up(options)
        stats.startup_seconds = time.perf_counter() - started
        rest = itertools.chain(head, stream)
        yield from pipeline.analyze_documents(rest, skip=skip, **options)
        stats.peak_rss_mb = [_worker.peak_rss_mb()]
        return
    with Pool(workers, seen=seen, chunk=chunk, **options) as pool:
        try:
            yield from pool.analyze(itertools.chain(head, stream))
        finally:
            stats.workers = pool.stats.workers
            stats.replaced = pool.stats.replaced
            stats.skipped += pool.stats.skipped
            stats.peak_rss_mb = pool.stats.peak_rss_mb
            stats.startup_seconds = pool.stats.startup_seconds
