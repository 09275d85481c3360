"""Read texts held in memory (strings, or dicts with metadata) into RawDocuments."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from reportedly.ingest.markup import looks_like_markup
from reportedly.ingest.records import document
from reportedly.model import ErrorRecord, RawDocument

ID_FIELDS = ("id", "doc_id", "document_id", "article_id")


def _id(record: Mapping[str, Any]) -> str | None:
    for name in ID_FIELDS:
        value = record.get(name)
        if value is not None and str(value).strip():
            return str(value).strip()
    return None


def read_texts(
    items: Iterable[str | Mapping[str, Any]],
) -> Iterator[RawDocument | ErrorRecord]:
    """Yield one document per item, in order.

    A string is one article (HTML when it holds markup). A dict is one record
    with the fields of a JSONL line (``text`` or ``html``, ``title``,
    ``outlet``, ``url``, ``published`` ...); its ``id`` is carried through as
    the document's ``source``, so every analysis or error record can be
    matched to its input. Items without an id are named ``<text N>``.
    """
    for n, item in enumerate(items):
        if isinstance(item, str):
            kind = "html" if looks_like_markup(item) else "text"
            yield RawDocument(source=f"<text {n}>", content=item, content_type=kind)
        elif isinstance(item, Mapping):
            yield document(item, _id(item) or f"<text {n}>")
        else:
            yield ErrorRecord(
                source=f"<text {n}>",
                error="malformed",
                message=f"<text {n}>: got {type(item).__name__}; expected a string "
                "or a dict with a text or html field",
            )
