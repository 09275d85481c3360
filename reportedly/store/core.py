"""The Store: one DuckDB file holding analyses, errors and incidents."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from reportedly.errors import StoreError
from reportedly.store import query as query_mod
from reportedly.store.rows import Columns, Row, analysis_from_rows, analysis_rows
from reportedly.store.schema import TABLES, migrate

DEFAULT_PATH = "reportedly.duckdb"


class Store:
    """An open store; use ``open_store(path)`` to get one, and close it after."""

    def __init__(self, path: str | Path = DEFAULT_PATH, *, read_only: bool = False):
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as e:
            raise StoreError(
                f"{self.path}: cannot open the store ({_first_line(e)}); expected "
                "a DuckDB file written by reportedly, or a path for a new one"
            ) from None
        try:
            self.version = migrate(self.con) if not read_only else self._version()
        except duckdb.Error as e:
            self.con.close()
            raise StoreError(
                f"{self.path}: cannot read or update the store schema "
                f"({_first_line(e)})"
            ) from None

    def _version(self) -> int:
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def close(self) -> None:
        """Close the connection; committed data is on disk."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Run a block in one transaction: all of it is stored, or none."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # writing ---------------------------------------------------------------

    def _insert(self, table: str, columns: Columns, *, ignore: bool = False) -> None:
        """Insert column lists into ``table`` in one statement, through Arrow."""
        if not columns or not next(iter(columns.values())):
            return
        arrow = pa.table(columns)
        verb = "INSERT OR IGNORE INTO" if ignore else "INSERT INTO"
        self.con.register("_incoming", arrow)
        try:
            self.con.execute(f"{verb} {table} BY NAME SELECT * FROM _incoming")
        finally:
            self.con.unregister("_incoming")

    def article_ids(self) -> set[str]:
        """Return the ids of every stored article."""
        return {r[0] for r in self.con.execute("SELECT id FROM articles").fetchall()}

    def save(self, analyses: Iterable[Row], errors: Iterable[Row] = ()) -> list[Row]:
        """Store analysis and error dicts; return the analyses that were new."""
        batch: dict[str, Row] = {}
        for a in analyses:  # the first copy of an article wins, as across batches
            batch.setdefault(a["article"]["id"], a)
        if batch:
            arrow = pa.table({"id": list(batch)})
            self.con.register("_ids", arrow)
            try:
                old = self.con.execute(
                    "SELECT a.id FROM articles a JOIN _ids USING (id)"
                ).fetchall()
            finally:
                self.con.unregister("_ids")
            for (aid,) in old:
                del batch[aid]
        new = [batch[k] for k in sorted(batch)]
        for table, cols in analysis_rows(new).items():
            self._insert(table, cols)
        errs: Columns = {"source": [], "error": [], "message": []}
        for e in errors:
            for k in errs:
                errs[k].append(e[k])
        self._insert("errors", errs, ignore=True)
        return new

    def save_links(self, records: Sequence[Row]) -> None:
        """Store the link features of new linkable events (``incident_id`` unset)."""
        cols: Columns = {
            k: [] for k in ("article_id", "event_id", "type", "day", "country")
        }
        cols["features"] = []
        for r in records:
            for k in ("article_id", "event_id", "type", "day", "country"):
                cols[k].append(r.get(k))
            cols["features"].append(json.dumps(r, sort_keys=True, ensure_ascii=False))
        self._insert("link_index", cols)

    def link_candidates(self, keys: Sequence[tuple[str, int, int]]) -> list[Row]:
        """Return stored link records matching any (type, first day, last day) key.

        Records without a day match every key of their type.
        """
        if not keys:
            return []
        arrow = pa.table(
            {
                "type": [k[0] for k in keys],
                "lo": [k[1] for k in keys],
                "hi": [k[2] for k in keys],
            }
        )
        self.con.register("_keys", arrow)
        try:
            rows = self.con.execute(
                "SELECT DISTINCT l.features, l.incident_id FROM link_index l "
                "JOIN _keys k ON l.type = k.type "
                "AND (l.day IS NULL OR l.day BETWEEN k.lo AND k.hi)"
            ).fetchall()
        finally:
            self.con.unregister("_keys")
        return [{**json.loads(f), "incident_id": i} for f, i in rows]

    def incident_members(self, ids: Iterable[str]) -> list[Row]:
        """Return the link records of the given incidents."""
        wanted = sorted(set(ids))
        if not wanted:
            return []
        rows = self.con.execute(
            "SELECT features, incident_id FROM link_index "
            "WHERE incident_id IN (SELECT unnest(?))",
            [wanted],
        ).fetchall()
        return [{**json.loads(f), "incident_id": i} for f, i in rows]

    def apply_incidents(self, update: Row) -> None:
        """Write an incident update: drop replaced incidents, add new, reassign."""
        gone = sorted(set(update.get("removed", [])))
        if gone:
            for table, col in (
                ("incidents", "id"),
                ("incident_reports", "incident_id"),
            ):
                self.con.execute(
                    f"DELETE FROM {table} WHERE {col} IN (SELECT unnest(?))", [gone]
                )
        assign = update.get("assign", [])
        if assign:
            arrow = pa.table(
                {
                    "article_id": [a[0] for a in assign],
                    "event_id": [a[1] for a in assign],
                    "incident_id": [a[2] for a in assign],
                }
            )
            self.con.register("_assign", arrow)
            try:
                self.con.execute(
                    "UPDATE link_index SET incident_id = s.incident_id FROM _assign s "
                    "WHERE link_index.article_id = s.article_id "
                    "AND link_index.event_id = s.event_id"
                )
            finally:
                self.con.unregister("_assign")
        self._insert("incidents", _columns(update.get("incidents", [])))
        self._insert("incident_reports", _columns(update.get("reports", [])))

    # reading ---------------------------------------------------------------

    def read_analysis(self, article_id: str) -> Row:
        """Return the stored analysis dict of one article, as ``to_dict`` gave it."""
        art = self._rows("SELECT * FROM articles WHERE id = ?", [article_id])
        if not art:
            raise StoreError(f"{self.path}: no article with id {article_id!r}")
        children = {
            t: self._rows(
                f"SELECT ord, record FROM {t} WHERE article_id = ?", [article_id]
            )
            for t in ("actors", "places", "quotes", "events", "signals")
        }
        return analysis_from_rows(art[0], children)

    def incident(self, incident_id: str) -> Row:
        """Return one incident with its reports, in report order."""
        rows = self._rows("SELECT record FROM incidents WHERE id = ?", [incident_id])
        if not rows:
            raise StoreError(f"{self.path}: no incident with id {incident_id!r}")
        out: Row = json.loads(rows[0]["record"])
        reports = self._rows(
            "SELECT record FROM incident_reports WHERE incident_id = ? ORDER BY ord",
            [incident_id],
        )
        out["reports"] = [json.loads(r["record"]) for r in reports]
        return out

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description or []]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def counts(self) -> dict[str, int]:
        """Return the number of rows of every table."""
        out = {}
        for t in TABLES:
            row = self.con.execute(f"SELECT count(*) FROM {t}").fetchone()
            out[t] = int(row[0]) if row else 0
        return out

    def summary(self) -> dict[str, int]:
        """Return corpus figures: articles, errors, events, incidents and more."""
        row = self.con.execute(query_mod.SUMMARY).fetchone() or (0,) * 6
        names = (
            "articles",
            "errors",
            "events",
            "incidents",
            "multi_outlet",
            "contradictions",
        )
        return {k: int(v) for k, v in zip(names, row, strict=True)}

    def sql(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[Any]]:
        """Run any SQL; return column names and rows."""
        try:
            cur = self.con.execute(sql, list(params))
        except duckdb.Error as e:
            raise StoreError(f"SQL failed: {_first_line(e)}") from None
        names = [d[0] for d in cur.description or []]
        return names, cur.fetchall() if names else []

    def query(self, what: str, **filters: Any) -> list[Row]:
        """Return events, quotes, incidents, claims or reports matching the filters."""
        sql, params = query_mod.build(what, **filters)
        rows = self._rows(sql, params)
        for r in rows:
            for key in ("contradictions", "quantities"):
                if isinstance(r.get(key), str):
                    r[key] = json.loads(r[key])
        return rows

    def export(self, path: str | Path, *, fmt: str, table: str | None = None) -> int:
        """Write a table (or the event-data view when None) to JSONL, CSV or Parquet."""
        sql = query_mod.export_sql(table)
        options = {"jsonl": "FORMAT json", "csv": "FORMAT csv, HEADER true"}
        opt = options.get(fmt, "FORMAT parquet")
        target = str(path).replace("'", "''")
        self.con.execute(f"COPY ({sql}) TO '{target}' ({opt})")
        row = self.con.execute(f"SELECT count(*) FROM ({sql})").fetchone()
        return int(row[0]) if row else 0


def _columns(rows: Sequence[Row]) -> Columns:
    cols: Columns = {}
    for r in rows:
        if not cols:
            cols = {k: [] for k in r}
        for k in cols:
            v = r.get(k)
            if isinstance(v, (list, dict)):
                v = json.dumps(v, sort_keys=True, ensure_ascii=False)
            cols[k].append(v)
    return cols


def _first_line(e: BaseException) -> str:
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__


def open_store(path: str | Path = DEFAULT_PATH, *, read_only: bool = False) -> Store:
    """Open (or create) the store at ``path`` and bring its schema up to date."""
    return Store(path, read_only=read_only)
