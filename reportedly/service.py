"""What every surface calls: set up, analyse texts or files, render, ingest, query.

The CLI, the web app and the batch engine call these functions and nothing
below them. Settings are passed in (``Settings.from_env()`` is read once by
the surface); without them the environment is read here, once per call.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from reportedly import corpus, pipeline, report, reviews
from reportedly.errors import InputError, StoreError
from reportedly.extract import Resources, check_resources
from reportedly.extract import setup as build_resources
from reportedly.ingest import read_sources, read_texts
from reportedly.model import Analysis, ErrorRecord, RawDocument
from reportedly.settings import Settings
from reportedly.store import DEFAULT_PATH, Store, open_store, writable

log = logging.getLogger(__name__)
Result = Analysis | ErrorRecord
FORMATS = ("json", "jsonl", "text")


def settings_or_env(settings: Settings | None) -> Settings:
    """Return ``settings``, or the environment's when None."""
    return settings if settings is not None else Settings.from_env()


def resources(settings: Settings | None = None) -> Resources:
    """Return the extraction resources, checked: raises ``SetupError`` if missing."""
    s = settings_or_env(settings)
    res = Resources(cache_dir=s.cache_dir, actors_file=s.actors_file)
    check_resources(res)
    return res


def setup(settings: Settings | None = None) -> Path:
    """Build what analysis needs, once (the gazetteer); return its path."""
    s = settings_or_env(settings)
    return build_resources(Resources(cache_dir=s.cache_dir, actors_file=s.actors_file))


def analyze_texts(
    items: Iterable[str | Mapping[str, Any]],
    *,
    raw: bool = False,
    published: str | None = None,
    settings: Settings | None = None,
    batch_size: int = 32,
) -> Iterator[Result]:
    """Analyse texts held in memory, lazily and in order.

    Each item is a string or a dict with a ``text`` or ``html`` field and
    optional ``id``, ``title``, ``outlet``, ``url``, ``published``; the id
    comes back as the result's ``source``. Bad items become error records.
    """
    s = settings_or_env(settings)
    res = resources(s)  # fails now, not at the first article
    return pipeline.analyze_documents(
        read_texts(items),
        raw=raw,
        published=published,
        model=s.model,
        batch_size=batch_size,
        resources=res,
    )


def analyze_documents(
    docs: Iterable[RawDocument | ErrorRecord],
    *,
    raw: bool = False,
    published: str | None = None,
    settings: Settings | None = None,
    batch_size: int = 32,
) -> Iterator[Result]:
    """Analyse documents already read (``RawDocument``), lazily and in order."""
    s = settings_or_env(settings)
    res = resources(s)
    return pipeline.analyze_documents(
        docs,
        raw=raw,
        published=published,
        model=s.model,
        batch_size=batch_size,
        resources=res,
    )


def analyze_paths(
    paths: Iterable[str],
    *,
    raw: bool = False,
    published: str | None = None,
    settings: Settings | None = None,
    exclude: Iterable[str | Path] = (),
) -> Iterator[Result]:
    """Analyse every document of files, directories or ``-`` (stdin), in order."""
    s = settings_or_env(settings)
    res = resources(s)
    docs = read_sources(paths, exclude=exclude)
    return pipeline.analyze_documents(
        docs, raw=raw, published=published, model=s.model, resources=res
    )


def analyze(
    text: str,
    *,
    raw: bool = False,
    html: bool = False,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    source: str = "<text>",
    settings: Settings | None = None,
) -> Analysis:
    """Analyse one article given as a string; raise ``InputError`` if unusable."""
    s = settings_or_env(settings)
    doc = RawDocument(
        source=source,
        content=text,
        content_type="html" if html else "text",
        url=url,
        title=title,
        outlet=outlet,
        published=published,
    )
    res = resources(s)
    (result,) = pipeline.analyze_documents([doc], raw=raw, model=s.model, resources=res)
    if isinstance(result, ErrorRecord):
        raise InputError(result.error, result.message)
    return result


@dataclass(slots=True)
class Rendered:
    """How many results a render wrote: analyses and error records."""

    analysed: int = 0
    failed: int = 0


def render(results: Iterable[Result], fmt: str, out: IO[str]) -> Rendered:
    """Write results to ``out`` as ``json`` (one object or a list), ``jsonl`` or
    ``text`` (a readable report), as they come; return the counts."""
    if fmt not in FORMATS:
        raise ValueError(
            f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}"
        )
    counts = Rendered()
    collected: list[dict[str, Any]] = []
    for res in results:
        if isinstance(res, ErrorRecord):
            counts.failed += 1
        else:
            counts.analysed += 1
        if fmt == "jsonl":
            out.write(json.dumps(res.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "text":
            text = report.render_error(res) if isinstance(res, ErrorRecord) else None
            out.write(text or report.render(res) + "\n")  # type: ignore[arg-type]
        else:
            collected.append(res.to_dict())
    if fmt == "json":
        doc = collected[0] if len(collected) == 1 else collected
        out.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    return counts


def count_documents(sources: Iterable[str], db: str | Path | None = None) -> int | None:
    """Return how many documents ``sources`` hold (None when stdin is one)."""
    if "-" in (sources := list(sources)):
        return None
    return sum(1 for _ in read_sources(sources, exclude=[db] if db else []))


def ingest(
    sources: Iterable[str],
    *,
    db: str | Path | Store = DEFAULT_PATH,
    batch_size: int = 64,
    raw: bool = False,
    published: str | None = None,
    settings: Settings | None = None,
    progress: Callable[[int], Any] | None = None,
) -> corpus.IngestSummary:
    """Analyse files, directories or ``-`` into the DuckDB store ``db``.

    The store's own files are never read as input. ``progress(n)`` is called
    as documents are stored or skipped.
    """
    s = settings_or_env(settings)
    res = resources(s)
    with writable(db) as store:
        docs = read_sources(sources, exclude=[store.path])
        return corpus.ingest_documents(
            docs,
            store,
            batch_size=batch_size,
            progress=progress,
            raw=raw,
            published=published,
            model=s.model,
            resources=res,
        )


def open_existing(db: str | Path, *, write: bool = False) -> Store:
    """Open a store that must exist; read-only unless ``write``."""
    if not Path(db).exists():
        raise StoreError(f"{db}: no such store; run reportedly ingest first")
    return open_store(db, read_only=not write)


def query(db: str | Path, what: str, **filters: Any) -> list[dict[str, Any]]:
    """Return stored events, quotes, incidents, claims, reports or errors."""
    with open_existing(db) as store:
        return store.query(what, **filters)


def sql(
    db: str | Path, statement: str, *, write: bool = False
) -> tuple[list[str], list[Any]]:
    """Run one SQL statement; the store is read-only unless ``write``."""
    with open_existing(db, write=write) as store:
        return store.sql(statement)


def export(
    db: str | Path,
    output: str | Path,
    *,
    fmt: str,
    table: str | None,
    min_confidence: float = 0.0,
) -> int:
    """Write a table, or the event data when ``table`` is None (events with at
    least ``min_confidence``); return the number of rows."""
    with open_existing(db) as store:
        return store.export(output, fmt=fmt, table=table, min_confidence=min_confidence)


def open_served(db: str | Path, *, review: bool = False) -> Store:
    """Open a store to serve: read-only, or writable for reviews (``review``).

    DuckDB lets one process write a file: while it is served, ``ingest`` into
    the same file fails with a message saying so (and the other way round)."""
    return open_existing(db, write=review)


def review_scores(store: Store, lines: list[dict[str, Any]] | None = None) -> dict:
    """Per-field precision of the store's records from reviews (the store's own,
    or verdict lines exported from another store)."""
    if lines is None:
        lines = [reviews.from_row(r).verdict_line() for r in store.reviews()]
    keys = {
        (
            str(v["kind"]),
            str(v["locator"]).removeprefix("article:"),
            str(v["key"]),
            str(v["field"]),
        )
        for v in lines
    }
    analyses = {}
    for art in {k[1] for k in keys}:
        try:
            analyses[art] = store.read_analysis(art)
        except StoreError:
            continue  # the article is not in this store: its reviews are stale
    return reviews.score(lines, reviews.current_hashes(analyses, keys))


def store_analyses(store: Store, items: list[Analysis | ErrorRecord]) -> int:
    """Store analyses (and link their incidents) in an open store; return how
    many were new."""
    return corpus.store_batch(store, items)[0]


def export_reviews(db: str | Path, output: str | Path) -> int:
    """Write the store's reviews as JSONL verdict lines; return how many."""
    with open_existing(db) as store:
        lines = [reviews.from_row(r).verdict_line() for r in store.reviews()]
    with open(output, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    return len(lines)
