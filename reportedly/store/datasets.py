"""Parquet datasets of the store's tables, written part by part by batch jobs.

Layout under a dataset directory ``DIR``::

    DIR/<table>/month=YYYY-MM/part-<PART>.parquet   articles, actors, places,
                                                    quotes, events, signals, errors
    DIR/_done/<PART>.json                            the part is complete (counts)

Rows are those of the DuckDB tables (``rows.analysis_rows``, the same columns
and types), plus ``month``: the article's publication month, or ``unknown``
(error records have no article: always ``unknown``). A part's files are
written under temporary names and renamed, and its ``_done`` marker comes
last, so a part either counts as complete or is written again in full.
DuckDB reads the datasets directly::

    SELECT * FROM read_parquet('DIR/events/*/*.parquet', hive_partitioning=true)
"""

from __future__ import annotations

import functools
import json
import os
import uuid
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from reportedly.model import Analysis, Entity, ErrorRecord
from reportedly.store.rows import Columns, analysis_from_rows, analysis_rows

TABLES = ("articles", "actors", "places", "quotes", "events", "signals", "errors")
CHILDREN = ("actors", "places", "quotes", "events", "signals")
DONE = "_done"
ERROR_KEYS = ("source", "error", "message")
UNKNOWN = "unknown"
_ARROW = {
    "VARCHAR": "string",
    "JSON": "string",
    "INTEGER": "int32",
    "BIGINT": "int64",
    "DOUBLE": "float64",
}


@functools.lru_cache(maxsize=1)
def schemas() -> dict[str, Any]:
    """Return the Arrow schema of each dataset: the store table's columns, in
    order, with their types, then ``month``."""
    import duckdb
    import pyarrow as pa

    from reportedly.store.schema import migrate

    con = duckdb.connect(":memory:")
    try:
        migrate(con)
        out = {}
        for t in TABLES:
            rows = con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = ? ORDER BY ordinal_position",
                [t],
            ).fetchall()
            fields = [pa.field(n, getattr(pa, _ARROW[ty])()) for n, ty in rows]
            out[t] = pa.schema([*fields, pa.field("month", pa.string())])
        return out
    finally:
        con.close()


def month_of(published: str | None) -> str:
    """Return ``YYYY-MM`` of an ISO date, or ``unknown``."""
    if published and len(published) >= 7 and published[4] == "-":
        return published[:7]
    return UNKNOWN


def is_done(root: Path, part: str) -> bool:
    """Say whether a part was written in full."""
    return (root / DONE / f"{part}.json").is_file()


def done_parts(root: Path) -> dict[str, dict[str, Any]]:
    """Return the complete parts of a dataset directory with their counts."""
    out = {}
    for f in sorted((root / DONE).glob("*.json")):
        try:
            out[f.stem] = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # a marker being written: the part is not complete
    return out


def _atomic_write(path: Path, write: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_part(
    root: Path,
    part: str,
    analyses: list[Analysis],
    errors: list[ErrorRecord],
    entities: Mapping[str, Mapping[str, Entity]] | None = None,
    counts: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Write one part's rows under ``root``, then its ``_done`` marker; return
    the marker's content (row counts per table, plus ``counts``)."""
    import pyarrow.parquet as pq

    tables = analysis_rows(analyses, entities)
    month = {a.article.id: month_of(a.article.published) for a in analyses}
    if errors:
        tables["errors"] = {k: [getattr(e, k) for e in errors] for k in ERROR_KEYS}
    written: dict[str, int] = {}
    for t, cols in tables.items():
        n = len(next(iter(cols.values())))
        ids = cols["id"] if t == "articles" else cols.get("article_id")
        months = [UNKNOWN] * n if ids is None else [month[i] for i in ids]
        by_month: dict[str, list[int]] = {}
        for i, m in enumerate(months):
            by_month.setdefault(m, []).append(i)
        for m, rows in sorted(by_month.items()):
            table = _table(schemas()[t], cols, rows, m)
            path = root / t / f"month={m}" / f"part-{part}.parquet"
            _atomic_write(path, lambda p, table=table: pq.write_table(table, p))
        written[t] = n
    marker = {"part": part, "rows": written, **(counts or {})}
    text = json.dumps(marker, sort_keys=True)
    _atomic_write(
        root / DONE / f"{part}.json", lambda p: p.write_text(text, encoding="utf-8")
    )
    return marker


def _table(schema: Any, cols: Columns, rows: list[int], month: str) -> Any:
    """Build the Arrow table of ``rows`` of ``cols``; absent columns are null."""
    import pyarrow as pa

    data: dict[str, list[Any]] = {}
    for f in schema:
        col = cols.get(f.name)
        data[f.name] = [col[i] for i in rows] if col else [None] * len(rows)
    data["month"] = [month] * len(rows)
    return pa.Table.from_pydict(data, schema=schema)


def _files(root: Path, table: str, part: str) -> list[str]:
    return sorted(str(p) for p in root.glob(f"{table}/month=*/part-{part}.parquet"))


def read_part(
    root: Path, part: str, skip: Iterable[str] = ()
) -> tuple[list[Analysis], list[ErrorRecord]]:
    """Read one part back as analyses (equal to those written, in article id
    order, leaving out the ids in ``skip``) and error records."""
    import pyarrow.parquet as pq

    skip = set(skip)

    def rows(table: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for f in _files(root, table, part):
            out += pq.read_table(f).to_pylist()
        return out

    articles = [r for r in rows("articles") if r["id"] not in skip]
    children: dict[str, dict[str, list[dict[str, Any]]]] = {}
    if articles:
        for t in CHILDREN:
            for r in rows(t):
                children.setdefault(r["article_id"], {}).setdefault(t, []).append(r)
    analyses = [
        analysis_from_rows(a, children.get(a["id"], {}))
        for a in sorted(articles, key=lambda r: r["id"])
    ]
    errors = [ErrorRecord(**{k: r[k] for k in ERROR_KEYS}) for r in rows("errors")]
    return analyses, errors


def part_article_ids(root: Path, part: str) -> Iterator[str]:
    """Yield the article ids a part holds."""
    import pyarrow.parquet as pq

    for f in _files(root, "articles", part):
        yield from pq.read_table(f, columns=["id"]).column("id").to_pylist()
