"""Bring Parquet datasets written by a batch job into a DuckDB store.

Each complete part is read back into analyses (equal to those the job made)
and stored as ``ingest`` stores them: one transaction per batch, canonical
actors, and incidents linked against everything already in the store. Loading
is incremental: articles the store holds are skipped, so a load after a
rerun of the job adds only what is new.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from reportedly import corpus
from reportedly.errors import StoreError
from reportedly.model import Analysis, ErrorRecord
from reportedly.store import DEFAULT_PATH, Store, datasets, writable


def load(
    source: str | Path,
    *,
    db: str | Path | Store = DEFAULT_PATH,
    batch_size: int = 256,
    progress: Callable[[int], Any] | None = None,
) -> corpus.IngestSummary:
    """Load the complete parts of the dataset directory ``source`` into ``db``."""
    root = Path(source)
    parts = datasets.done_parts(root)
    if not parts:
        raise StoreError(
            f"{root}: no complete part found (expected _done/*.json written by "
            "'reportedly ingest --engine spark --out DIR')"
        )
    with writable(db) as store:
        summary = corpus.IngestSummary()
        corpus.backfill_entities(store)
        stored = store.article_ids()

        def results() -> Iterator[Analysis | ErrorRecord]:
            for part in sorted(parts):
                ids = list(datasets.part_article_ids(root, part))
                analyses, errors = datasets.read_part(root, part, skip=stored)
                summary.skipped += len(ids) - len(analyses)
                if progress:
                    progress(len(ids) - len(analyses))
                for a in analyses:
                    stored.add(a.article.id)
                yield from analyses
                yield from errors

        corpus.store_results(results(), store, summary, batch_size, progress)
        return summary
