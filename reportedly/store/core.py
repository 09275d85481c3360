"""The Store: one DuckDB file holding analyses, errors and incidents."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from reportedly.errors import StoreError
from reportedly.model import (
    Actor,
    Analysis,
    Entity,
    ErrorRecord,
    Incident,
    IncidentUpdate,
    LinkRecord,
)
from reportedly.store import links
from reportedly.store import query as query_mod
from reportedly.store.reads import Reads
from reportedly.store.rows import Columns, Row, analysis_from_rows, analysis_rows
from reportedly.store.schema import TABLES, migrate

DEFAULT_PATH = "reportedly.duckdb"


class Store(Reads):
    """An open store; use ``open_store(path)`` to get one, and close it after."""

    def __init__(self, path: str | Path = DEFAULT_PATH, *, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as e:
            if "lock" in str(e).lower():
                raise StoreError(
                    f"{self.path}: the store is in use by another process (an "
                    "ingest, or `reportedly serve`); DuckDB lets one process "
                    "write a file: wait for it or stop it, or use another file "
                    f"({_first_line(e)[:160]})"
                ) from None
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

    def article_ids(self) -> set[str]:
        """Return the ids of every stored article."""
        return {r[0] for r in self.con.execute("SELECT id FROM articles").fetchall()}

    def save(
        self,
        analyses: Iterable[Analysis],
        errors: Iterable[ErrorRecord] = (),
        entities: Mapping[str, Mapping[str, Entity]] | None = None,
    ) -> list[Analysis]:
        """Store analyses and error records; return the analyses that were new.

        ``entities`` gives the canonical actor of each actor record, by article
        id and actor id (``reportedly.entities.assign``).
        """
        batch: dict[str, Analysis] = {}
        for a in analyses:  # the first copy of an article wins, as across batches
            batch.setdefault(a.article.id, a)
        if batch:
            self.con.register("_ids", pa.table({"id": list(batch)}))
            try:
                old = self.con.execute(
                    "SELECT a.id FROM articles a JOIN _ids USING (id)"
                ).fetchall()
            finally:
                self.con.unregister("_ids")
            for (aid,) in old:
                del batch[aid]
        new = [batch[k] for k in sorted(batch)]
        for table, cols in analysis_rows(new, entities).items():
            links.insert(self.con, table, cols)
        errs: Columns = {"source": [], "error": [], "message": []}
        for e in errors:
            for k in errs:
                errs[k].append(getattr(e, k))
        links.insert(self.con, "errors", errs, ignore=True)
        return new

    def actors_without_entity(self) -> list[tuple[str, Actor]]:
        """Return (article id, actor) of actor rows stored before entities were."""
        rows = self.con.execute(
            "SELECT article_id, record FROM actors WHERE entity_id IS NULL"
        ).fetchall()
        return [(a, Actor.from_dict(json.loads(r))) for a, r in rows]

    def set_entities(self, rows: Sequence[tuple[str, str, Entity]]) -> None:
        """Set the entity of actor rows given as (article id, actor id, entity)."""
        links.set_entities(self.con, rows)

    def save_links(self, records: Sequence[LinkRecord]) -> None:
        """Store the link records of new linkable events (``incident_id`` unset)."""
        links.save_links(self.con, records)

    def link_candidates(self, keys: Sequence[tuple[str, int, int]]) -> list[LinkRecord]:
        """Return stored link records matching any (type, first day, last day) key."""
        return links.candidates(self.con, keys)

    def incident_members(self, ids: Iterable[str]) -> list[LinkRecord]:
        """Return the link records of the given incidents."""
        return links.members(self.con, ids)

    def apply_incidents(self, update: IncidentUpdate) -> None:
        """Write an incident update: drop replaced incidents, add new, reassign."""
        links.apply(self.con, update)

    # reading ---------------------------------------------------------------

    def read_analysis(self, article_id: str) -> Analysis:
        """Return the stored analysis of one article, equal to the one saved."""
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

    def incident(self, incident_id: str) -> Incident:
        """Return one incident with its reports, in report order."""
        found = links.incident(self.con, incident_id)
        if found is None:
            raise StoreError(f"{self.path}: no incident with id {incident_id!r}")
        return found

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
            hint = ""
            if self.read_only and "read-only" in str(e):
                hint = "; the store is open read-only: pass --write to change it"
            raise StoreError(f"SQL failed: {_first_line(e)}{hint}") from None
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

    def export(
        self,
        path: str | Path,
        *,
        fmt: str,
        table: str | None = None,
        min_confidence: float = 0.0,
    ) -> int:
        """Write a table (or the event-data view when None) to JSONL, CSV or Parquet."""
        sql = query_mod.export_sql(table, min_confidence=min_confidence)
        options = {"jsonl": "FORMAT json", "csv": "FORMAT csv, HEADER true"}
        opt = options.get(fmt, "FORMAT parquet")
        target = str(path).replace("'", "''")
        self.con.execute(f"COPY ({sql}) TO '{target}' ({opt})")
        row = self.con.execute(f"SELECT count(*) FROM ({sql})").fetchone()
        return int(row[0]) if row else 0


def _first_line(e: BaseException) -> str:
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__


def open_store(path: str | Path = DEFAULT_PATH, *, read_only: bool = False) -> Store:
    """Open (or create) the store at ``path`` and bring its schema up to date."""
    return Store(path, read_only=read_only)


@contextmanager
def writable(db: str | Path | Store) -> Iterator[Store]:
    """Yield ``db`` if it is an open store, else open (or create) the file and
    close it at the end: for functions that take either."""
    if isinstance(db, Store):
        yield db
        return
    with open_store(db) as store:
        yield store
