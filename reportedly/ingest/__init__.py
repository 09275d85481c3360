"""Read files, directories and stdin into RawDocuments (or error records)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from reportedly.model import ErrorRecord, RawDocument


def read_sources(sources: Iterable[str]) -> Iterator[RawDocument | ErrorRecord]:
    """Yield one RawDocument per input document (placeholder: .txt only)."""
    for s in sources:
        p = Path(s)
        yield RawDocument(source=s, content=p.read_text(encoding="utf-8"))
