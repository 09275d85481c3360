"""Ingest a corpus: analyse, store and link incidents, one transaction per batch.

Each batch (its articles, every child row, its errors, its link records and the
incidents it changes) is committed at once, so a run killed at any moment
loses at most the batch in flight. Articles already stored are skipped before
parsing, so a rerun resumes where the last one stopped, and ids come from
content, so re-ingesting the same input adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportedly import incidents
from reportedly.ingest import read_sources
from reportedly.model import Analysis, Article, ErrorRecord, RawDocument
from reportedly.pipeline import analyze_documents
from reportedly.store import DEFAULT_PATH, Store, open_store


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did, and the corpus totals after it."""

    stored: int = 0
    skipped: int = 0
    errors: int = 0
    events: int = 0
    incidents: int = 0
    multi_outlet: int = 0
    contradictions: int = 0
    articles_total: int = 0

    def to_dict(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in self.__slots__}  # type: ignore[attr-defined]


def count_documents(sources: Iterable[str]) -> int | None:
    """Return how many documents ``sources`` hold (None when stdin is one)."""
    sources = list(sources)
    if "-" in sources:
        return None
    return sum(1 for _ in read_sources(sources))


def store_batch(store: Store, items: list[Analysis | ErrorRecord]) -> tuple[int, int]:
    """Store one batch and update incidents in one transaction; return (new, events)."""
    analyses = [i.to_dict() for i in items if isinstance(i, Analysis)]
    errors = [i.to_dict() for i in items if isinstance(i, ErrorRecord)]
    with store.transaction():
        new = store.save(analyses, errors)
        records = [r for a in new for r in incidents.link_records(a)]
        candidates = store.link_candidates(incidents.candidate_keys(records))
        update = incidents.update(records, candidates, store.incident_members)
        store.save_links(records)
        store.apply_incidents(update)
    return len(new), sum(len(a["events"]) for a in new)


def ingest_documents(
    docs: Iterable[RawDocument | ErrorRecord],
    store: Store,
    *,
    batch_size: int = 32,
    progress: Callable[[int], Any] | None = None,
    **options: Any,
) -> IngestSummary:
    """Analyse documents into ``store``; ``options`` go to ``analyze_documents``."""
    summary = IngestSummary()
    seen = store.article_ids()

    def skip(article: Article) -> bool:
        if article.id in seen:
            summary.skipped += 1
            if progress:
                progress(1)
            return True
        seen.add(article.id)
        return False

    def flush(batch: list[Analysis | ErrorRecord]) -> None:
        new, events = store_batch(store, batch)
        summary.stored += new
        summary.events += events
        summary.errors += sum(isinstance(i, ErrorRecord) for i in batch)
        batch.clear()

    batch: list[Analysis | ErrorRecord] = []
    for item in analyze_documents(docs, skip=skip, **options):
        batch.append(item)
        if progress:
            progress(1)
        if len(batch) >= batch_size:
            flush(batch)
    if batch:
        flush(batch)
    totals = store.summary()
    summary.incidents = totals["incidents"]
    summary.multi_outlet = totals["multi_outlet"]
    summary.contradictions = totals["contradictions"]
    summary.articles_total = totals["articles"]
    return summary


def ingest(
    sources: Iterable[str],
    *,
    db: str | Path | Store = DEFAULT_PATH,
    batch_size: int = 32,
    progress: Callable[[int], Any] | None = None,
    **options: Any,
) -> IngestSummary:
    """Analyse files, directories or ``-`` and store them in the DuckDB file ``db``.

    ``progress(n)`` is called as documents are stored or skipped; ``options``
    (``raw``, ``published``, ``model``) go to ``analyze_documents``.
    """
    store = db if isinstance(db, Store) else open_store(db)
    try:
        return ingest_documents(
            read_sources(sources),
            store,
            batch_size=batch_size,
            progress=progress,
            **options,
        )
    finally:
        if store is not db:
            store.close()
