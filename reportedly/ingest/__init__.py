"""Read files, directories and stdin into RawDocuments (or error records).

Formats, chosen by extension (``.gz`` is undone first, except for WARC):
``.txt`` and unknown extensions (one article per file; HTML is recognised),
``.html``/``.htm``, ``.jsonl``/``.ndjson`` (one article per line), ``.json``
(an object or a list of objects), ``.csv``/``.tsv`` (one article per row),
``.parquet`` (one article per row, the fields of a JSONL record) and
``.warc``/``.warc.gz`` (HTML and text responses). ``-`` reads stdin and
detects WARC, JSON, JSONL, HTML or text.

Each document's ``source`` says where to find it: ``path``, ``path:LINE``
(JSONL), ``path#row N`` (CSV, the header is row 1), ``path#record N``
(Parquet, from 1), ``path[I]`` (JSON list)
or ``path@OFFSET`` (WARC byte offset). A bad document becomes an
``ErrorRecord``; reading never raises for bad input.

Files named in ``exclude`` (the store's own database, with its ``.wal``
write-ahead log) are not input: they are skipped, and the skip is logged.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from reportedly.ingest.files import read_file, read_stdin, walk
from reportedly.ingest.texts import read_texts
from reportedly.model import ErrorRecord, RawDocument

__all__ = ["read_sources", "read_texts"]

log = logging.getLogger(__name__)
# DuckDB keeps a write-ahead log next to its database file: "c.duckdb.wal".
_COMPANIONS = ("", ".wal")


def read_sources(
    sources: Iterable[str], *, exclude: Iterable[str | Path] = ()
) -> Iterator[RawDocument | ErrorRecord]:
    """Yield every document of ``sources`` (files, directories, ``-``) in order.

    A file whose resolved path is one of ``exclude``, or one of them plus
    ``.wal``, is not input: it is skipped (and logged), whether a directory
    holds it or it is named directly.
    """
    skip = _excluded(exclude)
    for s in sources:
        if s == "-":
            yield from _guarded(partial(read_stdin, sys.stdin.buffer), "<stdin>")
            continue
        path = Path(s)
        if path.is_dir():
            found = skipped = False
            for f in walk(path):
                if _skipped(f, skip):
                    skipped = True
                    continue
                found = True
                yield from _guarded(partial(read_file, f), str(f))
            if not found:
                besides = " besides the store's own files" if skipped else ""
                yield ErrorRecord(
                    source=s,
                    error="empty",
                    message=f"{s}: the directory holds no files{besides}; expected "
                    "article files (.txt, .html, .jsonl, .json, .csv, .warc)",
                )
        elif not _skipped(path, skip):
            yield from _guarded(partial(read_file, path), s)


def _resolved(path: str | Path) -> str:
    """Return the absolute path with symlinks resolved; never raises."""
    try:
        return os.path.normcase(os.path.realpath(path))
    except (OSError, ValueError):  # e.g. a NUL byte in the name
        return os.path.normcase(os.path.abspath(path))


def _excluded(exclude: Iterable[str | Path]) -> frozenset[str]:
    """Return the resolved paths to skip: each excluded file and its ``.wal``.

    DuckDB puts the log at the path as given plus ``.wal``; when the database
    path is a symlink that differs from its resolved path plus ``.wal``.
    """
    skip: set[str] = set()
    for e in map(str, exclude):
        for c in _COMPANIONS:
            skip |= {_resolved(e + c), _resolved(e) + c}
    return frozenset(skip)


def _skipped(path: Path, skip: frozenset[str]) -> bool:
    """Say whether ``path`` is excluded; log the skip at INFO."""
    if not skip or _resolved(path) not in skip:
        return False
    log.info("%s: skipped, an excluded file (the store's own), not input", path)
    return True


def _guarded(
    read: Callable[[], Iterator[RawDocument | ErrorRecord]], source: str
) -> Iterator[RawDocument | ErrorRecord]:
    """Run one reader; turn whatever goes wrong into an error record."""
    count = 0
    try:
        for item in read():
            count += 1
            yield item
    except FileNotFoundError:
        yield ErrorRecord(
            source=source,
            error="unreadable",
            message=f"{source}: no such file or directory; expected a path to an "
            "article file, a directory of them, or - for stdin",
        )
        return
    except OSError as e:
        yield ErrorRecord(
            source=source,
            error="unreadable",
            message=f"{source}: cannot read the file ({e.strerror or e}); expected "
            "a readable article file",
        )
        return
    except Exception as e:  # noqa: BLE001 - one bad file never stops a batch
        yield ErrorRecord(
            source=source,
            error="unreadable",
            message=f"{source}: reading failed after {count} documents "
            f"({type(e).__name__}: {e})",
        )
        return
    if count == 0:
        yield ErrorRecord(
            source=source,
            error="empty",
            message=f"{source}: no articles found in it (no non-blank records, or "
            "no HTML or text responses in a WARC file)",
        )
