"""Ingest a corpus: analyse, store and link incidents, one transaction per batch.

Each batch (its articles, every child row, its errors, its link records and the
incidents it changes) is committed at once, so a run killed at any moment
loses at most the batch in flight. Articles already stored are skipped before
parsing, so a rerun resumes where the last one stopped, and ids come from
content, so re-ingesting the same input adds nothing.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from reportedly import entities, incidents
from reportedly.model import Analysis, Article, ErrorRecord, RawDocument
from reportedly.pipeline import analyze_documents
from reportedly.store import Store


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


def store_batch(store: Store, items: list[Analysis | ErrorRecord]) -> tuple[int, int]:
    """Store one batch and update incidents in one transaction; return (new, events)."""
    analyses = [i for i in items if isinstance(i, Analysis)]
    errors = [i for i in items if isinstance(i, ErrorRecord)]
    canonical = {a.article.id: entities.assign(a) for a in analyses}
    with store.transaction():
        new = store.save(analyses, errors, canonical)
        records = [r for a in new for r in incidents.link_records(a)]
        candidates = store.link_candidates(incidents.candidate_keys(records))
        update = incidents.update(records, candidates, store.incident_members)
        store.save_links(records)
        store.apply_incidents(update)
    return len(new), sum(len(a.events) for a in new)


def backfill_entities(store: Store) -> int:
    """Give an entity to actor rows stored before entities existed; return how many."""
    missing = store.actors_without_entity()
    if missing:
        with store.transaction():
            store.set_entities(
                [(aid, a.id, entities.entity_of(a, aid)) for aid, a in missing]
            )
    return len(missing)


class _Writer:
    """Commit batches on one thread while the next batch is parsed.

    spaCy and DuckDB both release the GIL, so a commit overlaps the parsing
    of the next batch. At most one batch waits; each is still committed in
    one transaction, so a kill loses at most the batches in flight.
    """

    def __init__(self, store: Store, summary: IngestSummary) -> None:
        self.store, self.summary = store, summary
        self.queue: queue.Queue[list | None] = queue.Queue(maxsize=1)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (batch := self.queue.get()) is not None:
            if self.error is not None:
                continue  # drain: the failure is raised in the main thread
            try:
                new, events = store_batch(self.store, batch)
            except BaseException as e:  # noqa: BLE001 - re-raised by put/close
                self.error = e
                continue
            self.summary.stored += new
            self.summary.events += events
            self.summary.errors += sum(isinstance(i, ErrorRecord) for i in batch)

    def put(self, batch: list) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put(batch)

    def close(self) -> None:
        self.queue.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error


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
    backfill_entities(store)
    seen = store.article_ids()

    def skip(article: Article) -> bool:
        if article.id in seen:
            summary.skipped += 1
            if progress:
                progress(1)
            return True
        seen.add(article.id)
        return False

    results = analyze_documents(docs, skip=skip, **options)
    return store_results(results, store, summary, batch_size, progress)


def store_results(
    results: Iterable[Analysis | ErrorRecord],
    store: Store,
    summary: IngestSummary,
    batch_size: int = 32,
    progress: Callable[[int], Any] | None = None,
) -> IngestSummary:
    """Store analysed results in batches (committed on a writer thread) and
    fill ``summary`` with what was stored and the corpus totals after it."""
    writer = _Writer(store, summary)
    batch: list[Analysis | ErrorRecord] = []
    try:
        for item in results:
            batch.append(item)
            if progress:
                progress(1)
            if len(batch) >= batch_size:
                writer.put(batch)
                batch = []
        if batch:
            writer.put(batch)
    finally:
        writer.close()
    totals = store.summary()
    summary.incidents = totals["incidents"]
    summary.multi_outlet = totals["multi_outlet"]
    summary.contradictions = totals["contradictions"]
    summary.articles_total = totals["articles"]
    return summary
