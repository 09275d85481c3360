"""Read a Parquet file of articles: one row per article, with the fields of a
JSONL record (``text`` or ``html``, and ``title``, ``url``, ``published``...)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from reportedly.ingest.records import document
from reportedly.model import ErrorRecord, RawDocument

ROWS_PER_BATCH = 256  # rows decoded at a time, so a big file streams


def read_parquet(path: Path) -> Iterator[RawDocument | ErrorRecord]:
    """Yield one document per row; ``source`` is ``path#record N`` (from 1)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as e:
        yield ErrorRecord(
            source=str(path),
            error="unreadable",
            message=f"{path}: not a readable Parquet file ({e}); expected rows with "
            "a text or html column",
        )
        return
    n = 0
    for batch in pf.iter_batches(batch_size=ROWS_PER_BATCH):
        for record in batch.to_pylist():
            n += 1
            yield document(record, f"{path}#record {n}")
