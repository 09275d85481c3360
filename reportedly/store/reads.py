"""The store's reads for the web app: pages with totals, the overview, an
actor, the map, an article's links; and the readers' reviews."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

from reportedly.errors import StoreError
from reportedly.store import browse
from reportedly.store import query as query_mod

Row = dict[str, Any]


class Reads:
    """Mixed into ``Store``: needs ``con``, ``path``, ``query`` and ``_rows``."""

    con: Any
    path: str

    def query(self, what: str, **filters: Any) -> list[Row]:  # pragma: no cover
        raise NotImplementedError

    def _rows(
        self, sql: str, params: Sequence[Any] = ()
    ) -> list[Row]:  # pragma: no cover
        raise NotImplementedError

    def page(
        self,
        what: str,
        *,
        limit: int,
        offset: int = 0,
        sort: str | None = None,
        **filters: Any,
    ) -> tuple[list[Row], int]:
        """Return one page of a query view and the number of rows of all pages."""
        rows = self.query(what, limit=limit, offset=offset, sort=sort, **filters)
        sql, params = query_mod.count(what, **filters)
        total = self.con.execute(sql, params).fetchone()
        return rows, int(total[0]) if total else 0

    def overview(self) -> dict[str, Any]:
        """Counts, events per day, top actors, claimants, outlets and types."""
        return browse.overview(self.con)

    def entity(self, entity_id: str) -> dict[str, Any]:
        """One canonical actor with its counts and the actors it appears with."""
        found = browse.entity(self.con, entity_id)
        if found is None:
            raise StoreError(f"{self.path}: no actor with id {entity_id!r}")
        return found

    def map_points(self, **filters: Any) -> list[Row]:
        """Located events matching the filters, grouped by place."""
        return browse.map_points(self.con, **filters)

    def article_links(self, article_id: str) -> dict[str, dict[str, Any]]:
        """The entity of each actor of an article, the incident of each event."""
        return browse.article_links(self.con, article_id)

    def add_reviews(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """Store reviews (dicts with the columns of ``reviews``); a reviewer's
        later verdict on the same field replaces the earlier one."""
        cols = (
            "id, created, reviewer, kind, article_id, record_id, field, value, "
            "value_hash, verdict, correct, note"
        )
        for r in rows:
            self.con.execute(
                f"INSERT OR REPLACE INTO reviews ({cols}) VALUES "
                "(?, current_timestamp, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    r["id"],
                    r["reviewer"],
                    r["kind"],
                    r["article_id"],
                    r["record_id"],
                    r["field"],
                    r["value"],
                    r["value_hash"],
                    r["verdict"],
                    r.get("correct"),
                    r.get("note"),
                ],
            )

    def reviews(self, article_id: str | None = None) -> list[Row]:
        """Return the stored reviews, oldest first (of one article when given)."""
        sql = "SELECT *, CAST(created AS VARCHAR) AS created FROM reviews"
        sql = sql.replace("*,", "* EXCLUDE (created),")
        if article_id is None:
            return self._rows(sql + " ORDER BY created, id")
        return self._rows(
            sql + " WHERE article_id = ? ORDER BY created, id", [article_id]
        )

    def cursor(self) -> Any:
        """This store on its own cursor, for one thread (DuckDB connections
        are not shared between threads); closing it leaves the store open."""
        other = copy.copy(self)
        other.con = self.con.cursor()
        return other
