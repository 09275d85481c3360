"""SQL of the web views: the corpus at a glance, an actor, the map, links."""

from __future__ import annotations

from typing import Any

from reportedly.store import query as query_mod
from reportedly.store.shapes import ACTOR, EVENT_DATE, RECIPIENT, SHAPES

TOP = 10


def _dicts(cur: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def overview(con: Any) -> dict[str, Any]:
    """Counts, events per day and the top actors, claimants, outlets and types."""
    row = con.execute(query_mod.SUMMARY).fetchone() or (0,) * 6
    names = ("articles", "errors", "events", "incidents", "multi_outlet")
    counts = {k: int(v) for k, v in zip(names, row[:5], strict=True)}
    counts["contradictions"] = int(row[5])
    for table in ("quotes", "places"):
        n = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        counts[table] = int(n[0]) if n else 0
    n = con.execute("SELECT count(*) FROM entities").fetchone()
    counts["actors"] = int(n[0]) if n else 0
    per_day = _dicts(
        con.execute(
            """SELECT CAST(d AS VARCHAR) AS day, count(*) AS events FROM (
                 SELECT TRY_CAST(coalesce(e.date, a.published) AS DATE) AS d
                 FROM events e JOIN articles a ON a.id = e.article_id)
               WHERE d IS NOT NULL AND d >= DATE '1900-01-01'
               GROUP BY d ORDER BY d"""
        )
    )

    def top(role: str) -> list[dict[str, Any]]:
        return _dicts(
            con.execute(
                f"""SELECT x.entity_id AS entity_id, min(x.entity_name) AS name,
                           count(*) AS n
                    FROM events e JOIN actors x ON x.article_id = e.article_id
                     AND x.id = e.{role}
                    WHERE x.entity_id IS NOT NULL
                    GROUP BY x.entity_id ORDER BY n DESC, name, entity_id LIMIT {TOP}"""
            )
        )

    return {
        "counts": counts,
        "per_day": per_day,
        "top_actors": top("actor_id"),
        "top_recipients": top("recipient_id"),
        "top_claimants": top("claimant_actor_id"),
        "top_outlets": _dicts(
            con.execute(
                f"""SELECT a.outlet AS name, count(*) AS n FROM events e
                    JOIN articles a ON a.id = e.article_id WHERE a.outlet IS NOT NULL
                    GROUP BY a.outlet ORDER BY n DESC, name LIMIT {TOP}"""
            )
        ),
        "top_types": _dicts(
            con.execute(
                "SELECT type AS name, count(*) AS n FROM events "
                "GROUP BY type ORDER BY n DESC, name"
            )
        ),
    }


def entity(con: Any, entity_id: str) -> dict[str, Any] | None:
    """One canonical actor: its row in ``actors`` view and who it appears with."""
    sql, params = query_mod.build("actors", entity=entity_id)
    found = _dicts(con.execute(sql, params))
    if not found:
        return None
    together = _dicts(
        con.execute(
            f"""SELECT o.entity_id AS entity_id, min(o.entity_name) AS name,
                       count(DISTINCT o.article_id) AS articles
                FROM actors me JOIN actors o ON o.article_id = me.article_id
                WHERE me.entity_id = ? AND o.entity_id IS NOT NULL
                  AND o.entity_id <> me.entity_id
                GROUP BY o.entity_id ORDER BY articles DESC, name, entity_id
                LIMIT {TOP * 2}""",
            [entity_id],
        )
    )
    return {"actor": found[0], "appears_with": together}


# the columns of the events view the map shows (with only the joins they read)
MAP_EVENTS = f"""
SELECT e.lat, e.lon, e.place_name, e.geonames_id, e.id AS event_id, e.type,
       {EVENT_DATE} AS date, {ACTOR} AS actor_name, {RECIPIENT} AS recipient_name,
       e.article_id, a.title"""
MAP = """
SELECT e.lat, e.lon, min(e.place_name) AS place_name, e.geonames_id,
       count(*) AS n, list(struct_pack(event_id := e.event_id, type := e.type,
           date := CAST(e.date AS VARCHAR), actor := e.actor_name,
           recipient := e.recipient_name, article_id := e.article_id,
           title := e.title) ORDER BY e.date DESC NULLS LAST, e.article_id,
           e.event_id)[1:{per_place}] AS events
FROM ({events}) e
WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL
GROUP BY e.lat, e.lon, e.geonames_id
ORDER BY n DESC, place_name, e.geonames_id, e.lat, e.lon"""


def map_points(con: Any, per_place: int = 20, **filters: Any) -> list[dict[str, Any]]:
    """Located events grouped by place: the place, its count, the newest events."""
    _, cond, params = query_mod.where("events", **filters)
    events = MAP_EVENTS + query_mod.from_clause(SHAPES["events"], MAP_EVENTS + cond)
    sql = MAP.format(events=events + cond, per_place=int(per_place))
    return _dicts(con.execute(sql, params))


def article_links(con: Any, article_id: str) -> dict[str, dict[str, Any]]:
    """An article's actor entities and the incidents its events belong to."""
    entities = {
        r[0]: {"entity_id": r[1], "entity_name": r[2]}
        for r in con.execute(
            "SELECT id, entity_id, entity_name FROM actors WHERE article_id = ?",
            [article_id],
        ).fetchall()
    }
    incidents = {
        r[0]: r[1]
        for r in con.execute(
            "SELECT event_id, incident_id FROM incident_reports WHERE article_id = ?",
            [article_id],
        ).fetchall()
    }
    return {"entities": entities, "incidents": incidents}
