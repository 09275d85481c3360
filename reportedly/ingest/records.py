"""Read record formats (JSONL, JSON, CSV) where each record is one article."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from reportedly.ingest.markup import looks_like_markup
from reportedly.model import ErrorRecord, RawDocument

# Field names looked up in order; the first non-empty one wins. A text field
# wins over an HTML field; a text field that holds markup is read as HTML.
TEXT_FIELDS = (
    "text",
    "content",
    "article_content",
    "body",
    "articleBody",
    "article_body",
    "article",
    "full_text",
    "maintext",
    "story",
)
HTML_FIELDS = ("html", "raw_html", "content_html", "body_html")
META_FIELDS = {
    "title": ("title", "headline", "article_title"),
    "url": ("url", "link", "uri", "article_url"),
    "outlet": ("outlet", "source", "publisher", "site_name", "sitename", "source_name"),
    "published": (
        "published",
        "date",
        "published_date",
        "publish_date",
        "pubdate",
        "date_publish",
        "publishedAt",
        "datetime",
    ),
    "language": ("language", "lang"),
}
_LIST_KEYS = ("articles", "items", "records", "data", "documents", "results")


def _value(v: Any) -> str | None:
    """Return a record value as a stripped string; None when empty or unusable."""
    if isinstance(v, Mapping):  # e.g. NewsAPI: "source": {"id": ..., "name": ...}
        v = v.get("name") or v.get("title")
    if isinstance(v, bool) or v is None or isinstance(v, (list, dict)):
        return None
    s = str(v).strip()
    return s or None


def _lookup(record: Mapping[str, Any], names: Iterable[str]) -> str | None:
    """Return the first non-empty value among ``names`` (case-insensitive keys)."""
    lower = {str(k).lower(): v for k, v in record.items()}
    for n in names:
        v = _value(record[n]) if n in record else _value(lower.get(n.lower()))
        if v:
            return v
    return None


def _has_any(keys: Iterable[str], names: Iterable[str]) -> bool:
    lower = {str(k).lower() for k in keys}
    return any(n.lower() in lower for n in names)


def expected_fields() -> str:
    """Return the text field names a record may use, for messages."""
    return ", ".join(TEXT_FIELDS + HTML_FIELDS)


def document(record: Mapping[str, Any], source: str) -> RawDocument | ErrorRecord:
    """Build a RawDocument from one record, or an error record naming its keys.

    The first non-empty text field is the content (HTML when it holds
    markup); without one, the first non-empty HTML field (always HTML).
    """
    meta = {k: _lookup(record, names) for k, names in META_FIELDS.items()}
    text = _lookup(record, TEXT_FIELDS)
    if text is not None:
        kind = "html" if looks_like_markup(text) else "text"
        return RawDocument(source=source, content=text, content_type=kind, **meta)
    html = _lookup(record, HTML_FIELDS)
    if html is not None:
        return RawDocument(source=source, content=html, content_type="html", **meta)
    if _has_any(record, TEXT_FIELDS + HTML_FIELDS):
        # The text field is there but empty: let cleaning report "empty".
        return RawDocument(source=source, content="", **meta)
    keys = ", ".join(map(str, record)) or "none"
    return ErrorRecord(
        source=source,
        error="no_text",
        message=f"{source}: the record has no text field (keys found: {keys}); "
        f"expected one of {expected_fields()}",
    )


def read_jsonl(lines: Iterable[str], path: str) -> Iterator[RawDocument | ErrorRecord]:
    """Yield one document per non-blank JSONL line; bad lines become error records."""
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        source = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield ErrorRecord(
                source=source,
                error="malformed_jsonl",
                message=f"{path}: line {n} is not valid JSON ({e.msg} at column "
                f"{e.colno}); expected one JSON object per line",
            )
            continue
        if not isinstance(obj, dict):
            yield ErrorRecord(
                source=source,
                error="malformed_jsonl",
                message=f"{path}: line {n} is a JSON {type(obj).__name__}, "
                "expected a JSON object with a text field",
            )
            continue
        yield document(obj, source)


def read_json(text: str, path: str) -> Iterator[RawDocument | ErrorRecord]:
    """Yield the documents of a JSON file: one object, or a list of objects."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        yield ErrorRecord(
            source=path,
            error="malformed_json",
            message=f"{path}: not valid JSON ({e.msg} at line {e.lineno}, column "
            f"{e.colno}); expected an object or a list of objects",
        )
        return
    if isinstance(obj, dict) and not _has_any(obj, TEXT_FIELDS + HTML_FIELDS):
        for key in _LIST_KEYS:
            if isinstance(obj.get(key), list):
                obj = obj[key]
                break
    if isinstance(obj, dict):
        yield document(obj, path)
        return
    if not isinstance(obj, list):
        yield ErrorRecord(
            source=path,
            error="malformed_json",
            message=f"{path}: the JSON is a {type(obj).__name__}; "
            "expected an object or a list of objects",
        )
        return
    for i, item in enumerate(obj):
        source = f"{path}[{i}]"
        if isinstance(item, dict):
            yield document(item, source)
        else:
            yield ErrorRecord(
                source=source,
                error="malformed_json",
                message=f"{source}: item {i} is a JSON {type(item).__name__}; "
                "expected an object with a text field",
            )


def _raise_field_limit() -> None:
    # Whole articles sit in one CSV cell; the default 128 KiB limit is too small.
    limit = 1 << 30
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)


def read_csv(
    text: str, path: str, *, delimiter: str | None = None
) -> Iterator[RawDocument | ErrorRecord]:
    """Yield one document per CSV row; ``path#row N`` counts the header as row 1."""
    _raise_field_limit()
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(text[:8192], ",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        columns = [c for c in (reader.fieldnames or []) if c is not None]
    except csv.Error as e:
        columns = []
        yield _csv_error(path, 1, e)
        return
    if not _has_any(columns, TEXT_FIELDS + HTML_FIELDS):
        found = ", ".join(columns) or "none"
        yield ErrorRecord(
            source=path,
            error="no_text_column",
            message=f"{path}: the CSV has no text column (columns found: {found}); "
            f"expected one of {expected_fields()}",
        )
        return
    row = 1
    while True:
        try:
            rec = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield _csv_error(path, row + 1, e)
            return
        row += 1
        rec = {k: v for k, v in rec.items() if k is not None}
        yield document(rec, f"{path}#row {row}")


def _csv_error(path: str, row: int, e: csv.Error) -> ErrorRecord:
    return ErrorRecord(
        source=f"{path}#row {row}",
        error="malformed_csv",
        message=f"{path}: cannot read CSV row {row} ({e}); the rest of the file "
        "was skipped; expected comma-separated rows with a header line",
    )
