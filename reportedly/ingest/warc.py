"""Read the HTML (and plain-text) response records of WARC files."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import redirect_stderr as _stderr_to
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from reportedly.ingest.decode import NotText, decode_bytes, html_charset
from reportedly.model import ErrorRecord, RawDocument

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MAX_PAYLOAD = 50_000_000


def _media_type(record) -> tuple[str, str | None]:
    """Return the payload's media type and declared charset."""
    if record.http_headers is not None:
        value = record.http_headers.get_header("Content-Type") or ""
    else:
        value = record.rec_headers.get_header("Content-Type") or ""
    parts = [p.strip() for p in value.split(";")]
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip("\"' ") or None
    return parts[0].lower(), charset


def read_warc(fh: BinaryIO, path: str) -> Iterator[RawDocument | ErrorRecord]:
    """Yield a document per HTML or text response; damage becomes error records.

    A document's source is ``path@OFFSET``, the byte offset of its record (as
    ``warcio extract`` takes it). Records that are not responses (requests,
    metadata) and responses that are not HTML or text (images, scripts) are
    not articles and are skipped.
    """
    it = ArchiveIterator(fh)
    records = iter(it)
    n = 0
    while True:
        offset = it.offset
        try:
            with _stderr_to(io.StringIO()) as log:
                record = next(records, None)
        except Exception as e:  # noqa: BLE001 - damage ends the file, not the batch
            yield _malformed(path, n, max(offset, it.offset), e, log.getvalue())
            return
        if record is None:
            break
        n += 1
        offset = it.offset  # get_record_offset() would consume the record
        if record.rec_type is None:
            yield _malformed(path, n - 1, offset, ValueError("no WARC-Type"), "")
            return
        yield from _document(record, path, n, offset)
    # A gzip member cut short ends the iteration quietly: compare with the size.
    size = _size(fh)
    if size is not None and it.offset < size:
        yield ErrorRecord(
            source=f"{path}@{it.offset}",
            error="malformed_warc",
            message=f"{path}: the last {size - it.offset} bytes, from byte offset "
            f"{it.offset}, are not a readable WARC record (the file is truncated "
            f"or damaged there); {n} records were read before them",
        )


def _size(fh: BinaryIO) -> int | None:
    try:
        return fh.seek(0, io.SEEK_END)
    except (OSError, ValueError):
        return None


def _malformed(path: str, n: int, offset: int, e: Exception, log: str) -> ErrorRecord:
    note = f"; warcio: {log.strip()}" if log.strip() else ""
    return ErrorRecord(
        source=f"{path}@{offset}",
        error="malformed_warc",
        message=f"{path}: cannot read WARC record {n + 1} at byte offset {offset} "
        f"({type(e).__name__}: {str(e).strip()}{note}); {n} records were read "
        "before it and the rest of the file was skipped",
    )


def _document(
    record, path: str, n: int, offset: int
) -> Iterator[RawDocument | ErrorRecord]:
    if record.rec_type not in ("response", "resource", "conversion"):
        return
    media, charset = _media_type(record)
    is_html = media in _HTML_TYPES
    if not is_html and media != "text/plain":
        return
    source = f"{path}@{offset}"
    headers = record.rec_headers
    try:
        # content_stream undoes chunked and gzip transfer encodings.
        with _stderr_to(io.StringIO()) as log:
            payload = record.content_stream().read(_MAX_PAYLOAD)
    except Exception as e:  # noqa: BLE001 - a damaged body is this record's error
        yield _damaged(path, n, offset, f"{type(e).__name__}: {e}")
        return
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0 and len(payload) < _MAX_PAYLOAD:
        why = "; ".join(dict.fromkeys(filter(None, log.getvalue().split("\n"))))
        yield ErrorRecord(
            source=source,
            error="truncated_warc",
            message=f"{path}: WARC record {n} at byte offset {offset} is cut short "
            f"({missing} of {record.payload_length} payload bytes missing"
            + (f"; warcio: {why}" if why else "")
            + "): the file is truncated or damaged there; the readable part is "
            "analysed",
        )
    try:
        declared = charset or (html_charset(payload) if is_html else None)
        content = decode_bytes(payload, declared=declared)
    except NotText as e:
        yield ErrorRecord(
            source=source,
            error="binary",
            message=f"{path}: WARC record {n} at byte offset {offset} says "
            f"{media} but is not text ({e})",
        )
        return
    yield RawDocument(
        source=source,
        content=content,
        content_type="html" if is_html else "text",
        url=headers.get_header("WARC-Target-URI"),
        # the crawl time, not the publication date: the page's own date wins
        fetched=headers.get_header("WARC-Date"),
    )


def _damaged(path: str, n: int, offset: int, why: str) -> ErrorRecord:
    return ErrorRecord(
        source=f"{path}@{offset}",
        error="malformed_warc",
        message=f"{path}: cannot read the payload of WARC record {n} at byte "
        f"offset {offset} ({why})",
    )
