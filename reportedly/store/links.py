"""SQL of incident linking: the link index, candidates, and incident rewrites."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import pyarrow as pa

from reportedly.model import Entity, Incident, IncidentUpdate, LinkRecord
from reportedly.store.rows import Columns, entity_columns, incident_rows, to_json

_KEYS = ("article_id", "event_id", "type", "day", "country")


def _registered(con: Any, name: str, columns: Columns) -> Any:
    con.register(name, pa.table(columns))
    return con


def insert(con: Any, table: str, columns: Columns, *, ignore: bool = False) -> None:
    """Insert column lists into ``table`` in one statement, through Arrow."""
    if not columns or not next(iter(columns.values())):
        return
    verb = "INSERT OR IGNORE INTO" if ignore else "INSERT INTO"
    _registered(con, "_incoming", columns)
    try:
        con.execute(f"{verb} {table} BY NAME SELECT * FROM _incoming")
    finally:
        con.unregister("_incoming")


def save_links(con: Any, records: Sequence[LinkRecord]) -> None:
    """Store the link records of new linkable events (``incident_id`` unset)."""
    cols: Columns = {k: [getattr(r, k) for r in records] for k in _KEYS}
    cols["features"] = [to_json(r.to_dict()) for r in records]
    insert(con, "link_index", cols)


def _records(rows: Iterable[tuple[str, str | None]]) -> list[LinkRecord]:
    return [LinkRecord.from_dict({**json.loads(f), "incident_id": i}) for f, i in rows]


def candidates(con: Any, keys: Sequence[tuple[str, int, int]]) -> list[LinkRecord]:
    """Return stored link records matching any (type, first day, last day) key.

    Records without a day match every key of their type.
    """
    if not keys:
        return []
    cols: Columns = {"type": [k[0] for k in keys], "lo": [k[1] for k in keys]}
    cols["hi"] = [k[2] for k in keys]
    _registered(con, "_keys", cols)
    try:
        rows = con.execute(
            "SELECT DISTINCT l.features, l.incident_id FROM link_index l "
            "JOIN _keys k ON l.type = k.type "
            "AND (l.day IS NULL OR l.day BETWEEN k.lo AND k.hi)"
        ).fetchall()
    finally:
        con.unregister("_keys")
    return _records(rows)


def members(con: Any, ids: Iterable[str]) -> list[LinkRecord]:
    """Return the link records of the given incidents."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    rows = con.execute(
        "SELECT features, incident_id FROM link_index "
        "WHERE incident_id IN (SELECT unnest(?))",
        [wanted],
    ).fetchall()
    return _records(rows)


def apply(con: Any, update: IncidentUpdate) -> None:
    """Write an incident update: drop replaced incidents, add new, reassign."""
    gone = sorted(set(update.removed))
    if gone:
        for table, col in (("incidents", "id"), ("incident_reports", "incident_id")):
            con.execute(
                f"DELETE FROM {table} WHERE {col} IN (SELECT unnest(?))", [gone]
            )
    assign: Columns = {"article_id": [], "event_id": [], "incident_id": []}
    for inc in update.incidents:
        for r in inc.reports:
            assign["article_id"].append(r.article_id)
            assign["event_id"].append(r.event_id)
            assign["incident_id"].append(inc.id)
    if assign["article_id"]:
        _registered(con, "_assign", assign)
        try:
            con.execute(
                "UPDATE link_index SET incident_id = s.incident_id FROM _assign s "
                "WHERE link_index.article_id = s.article_id "
                "AND link_index.event_id = s.event_id"
            )
        finally:
            con.unregister("_assign")
    incidents, reports = incident_rows(update.incidents)
    insert(con, "incidents", incidents)
    insert(con, "incident_reports", reports)


def incident(con: Any, incident_id: str) -> Incident | None:
    """Return one stored incident with its reports in report order, or None."""
    row = con.execute("SELECT record FROM incidents WHERE id = ?", [incident_id])
    found = row.fetchone()
    if not found:
        return None
    reports = con.execute(
        "SELECT record FROM incident_reports WHERE incident_id = ? ORDER BY ord",
        [incident_id],
    ).fetchall()
    data = json.loads(found[0])
    data["reports"] = [json.loads(r[0]) for r in reports]
    return Incident.from_dict(data)


def set_entities(con: Any, rows: Sequence[tuple[str, str, Entity]]) -> None:
    """Set the ``entity_*`` columns of actor rows (article id, actor id, entity)."""
    if not rows:
        return
    cols: Columns = {"article_id": [r[0] for r in rows], "id": [r[1] for r in rows]}
    per_row = [entity_columns(r[2]) for r in rows]
    for key in entity_columns(None):
        cols[key] = [c[key] for c in per_row]
    _registered(con, "_entities", cols)
    sets = ", ".join(f"{k} = s.{k}" for k in entity_columns(None))
    try:
        con.execute(
            f"UPDATE actors SET {sets} FROM _entities s "
            "WHERE actors.article_id = s.article_id AND actors.id = s.id"
        )
    finally:
        con.unregister("_entities")
