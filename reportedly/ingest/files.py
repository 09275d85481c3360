"""Find input files, pick a reader by extension, and read stdin."""

from __future__ import annotations

import gzip
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from reportedly.ingest.decode import NotText, decode_bytes, html_charset
from reportedly.ingest.parquet import read_parquet
from reportedly.ingest.records import read_csv, read_json, read_jsonl
from reportedly.ingest.warc import read_warc
from reportedly.model import ErrorRecord, RawDocument

Item = RawDocument | ErrorRecord

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".arc"}
# One article per file; bigger than this cannot hold a 1,000,000-character text.
MAX_DOCUMENT_BYTES = 50_000_000
EXPECTED = (
    "expected article text (UTF-8 or another encoding), HTML, JSONL, CSV, "
    "Parquet or WARC"
)


def walk(root: Path) -> Iterator[Path]:
    """Yield the files under ``root`` recursively, sorted; hidden names skipped."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found += [Path(dirpath, f) for f in filenames if not f.startswith(".")]
    # Sort by path components, so "b/c/x.txt" < "b/m.txt" < "z.txt" everywhere.
    yield from sorted(found, key=lambda p: p.relative_to(root).parts)


def _suffixes(path: Path) -> tuple[str, bool]:
    """Return the format suffix of ``path`` and whether it is gzip-compressed."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    return (suffixes[-1] if suffixes else ""), gz


def read_file(path: Path) -> Iterator[Item]:
    """Yield the documents of one file; never raise for bad content."""
    name = str(path)
    suffix, gz = _suffixes(path)
    if suffix == ".parquet" and not gz:
        yield from read_parquet(path)
        return
    if suffix in WARC_SUFFIXES:
        with open(path, "rb") as fh:
            yield from read_warc(fh, name)
        return
    if suffix in JSONL_SUFFIXES:
        with gzip.open(path, "rb") if gz else open(path, "rb") as fh:
            yield from _jsonl(fh, name)
        return
    size = path.stat().st_size
    if not gz and size > MAX_DOCUMENT_BYTES and suffix not in (".csv", ".tsv", ".json"):
        yield ErrorRecord(
            source=name,
            error="oversized",
            message=f"{name}: the file has {size:,} bytes; expected one article "
            f"of at most {MAX_DOCUMENT_BYTES:,} bytes",
        )
        return
    data = gzip.decompress(path.read_bytes()) if gz else path.read_bytes()
    yield from read_bytes(data, name, suffix)


def read_bytes(data: bytes, name: str, suffix: str) -> Iterator[Item]:
    """Yield the documents in ``data``, read as a file with ``suffix``."""
    if not data.strip():
        yield ErrorRecord(
            source=name,
            error="empty",
            message=f"{name}: the file is empty ({len(data)} bytes); {EXPECTED}",
        )
        return
    declared = html_charset(data) if suffix in HTML_SUFFIXES else None
    try:
        text = decode_bytes(data, declared=declared)
    except NotText as e:
        yield ErrorRecord(
            source=name,
            error="binary",
            message=f"{name}: looks like binary data, not text ({e}); {EXPECTED}",
        )
        return
    if suffix in JSONL_SUFFIXES:
        # Split on "\n" only: JSON strings may hold U+2028 and other line breaks.
        yield from read_jsonl(text.split("\n"), name)
    elif suffix == ".json":
        yield from read_json(text, name)
    elif suffix in (".csv", ".tsv"):
        yield from read_csv(text, name, delimiter="\t" if suffix == ".tsv" else None)
    elif suffix in HTML_SUFFIXES or (suffix != ".txt" and _looks_html(text)):
        yield RawDocument(source=name, content=text, content_type="html")
    else:
        yield RawDocument(source=name, content=text)


def _jsonl(fh: BinaryIO, name: str) -> Iterator[Item]:
    """Decode a JSONL file line by line, so big files stream."""

    def lines() -> Iterator[str]:
        for raw in fh:
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    yield decode_bytes(raw)
                except NotText:
                    yield "\x00"  # not JSON: reported as a malformed line

    yield from read_jsonl(lines(), name)


def _looks_html(text: str) -> bool:
    head = text.lstrip()[:1024].lower()
    return head.startswith(("<!doctype html", "<html")) or (
        head.startswith("<") and ("<body" in head or "<head" in head)
    )


def read_stdin(stream: BinaryIO, name: str = "<stdin>") -> Iterator[Item]:
    """Yield the documents on stdin: WARC, JSON(L), HTML or plain text."""
    data = stream.read()
    if data[:2] == b"\x1f\x8b":
        try:
            inner = gzip.decompress(data)
        except (OSError, EOFError):
            inner = b"WARC/"  # a clipped gzip stream: let the WARC reader report it
        if inner.startswith(b"WARC/"):
            yield from read_warc(io.BytesIO(data), name)
            return
        data = inner
    if data.startswith(b"WARC/"):
        yield from read_warc(io.BytesIO(data), name)
        return
    head = data.lstrip()[:1]
    if head in (b"{", b"["):
        try:
            json.loads(data)
            suffix = ".json"
        except (ValueError, UnicodeDecodeError):
            suffix = ".jsonl"
        yield from read_bytes(data, name, suffix)
        return
    yield from read_bytes(data, name, "")
