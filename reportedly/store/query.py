"""SQL for the query views (events, quotes, incidents, claims) and exports."""

from __future__ import annotations

from typing import Any

from reportedly.errors import StoreError
from reportedly.model import EVENT_TYPES, QUOTE_KINDS

KINDS = ("events", "quotes", "incidents", "claims", "reports", "errors")
FILTERS = (
    "actor",
    "country",
    "type",
    "place",
    "since",
    "until",
    "claimant",
    "outlet",
    "text",
)

_EVENT_DATE = "coalesce(e.date, a.published)"
_EVENTS = f"""
SELECT e.id AS event_id, {_EVENT_DATE} AS date, e.type, e.mode, e.cameo,
       e.actor_name, e.actor_country, e.actor_sector,
       e.recipient_name, e.recipient_country, e.recipient_sector,
       e.place_name, e.geonames_id, e.lat, e.lon,
       coalesce(e.claimant_name, e.claimant_text) AS claimant, e.modality,
       e.article_id, a.outlet, a.url, a.title, e.evidence
FROM events e JOIN articles a ON a.id = e.article_id"""
_CLAIMS = f"""
SELECT coalesce(e.claimant_name, e.claimant_text, 'outlet: ' ||
       coalesce(a.outlet, a.id)) AS claimant, e.claimant_country, e.modality,
       e.type, e.actor_name, e.recipient_name, e.place_name,
       {_EVENT_DATE} AS date, a.outlet, q.content AS quote, e.evidence,
       e.article_id, e.id AS event_id
FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN quotes q ON q.article_id = e.article_id AND q.id = e.quote_id"""
_QUOTES = """
SELECT q.speaker_name AS speaker, s.country AS speaker_country, q.kind, q.cue,
       q.content, a.published AS date, a.outlet, a.title, q.article_id,
       q.id AS quote_id
FROM quotes q JOIN articles a ON a.id = q.article_id
LEFT JOIN actors s ON s.article_id = q.article_id AND s.id = q.speaker_actor_id"""
_INCIDENTS = """
SELECT i.id AS incident_id, i.type, i.date_start, i.date_end, i.country,
       i.place_name, i.actors, i.recipients, i.n_reports, i.n_articles,
       i.n_outlets, i.n_claimants, i.n_contradictions, i.contradictions
FROM incidents i"""
_REPORTS = """
SELECT r.incident_id, i.type, r.date, r.outlet, r.claimant, r.modality,
       r.quantities, r.evidence, r.title, r.article_id, r.event_id, r.ord
FROM incident_reports r JOIN incidents i ON i.id = r.incident_id"""
_ERRORS = """
SELECT e.source, e.error, e.message FROM errors e"""
_IN_INCIDENT = """EXISTS (SELECT 1 FROM incident_reports r
JOIN events e ON e.article_id = r.article_id AND e.id = r.event_id
JOIN articles a ON a.id = r.article_id WHERE r.incident_id = i.id AND ({}))"""

_LIKE = "{} ILIKE '%' || ? || '%'"
# per kind: filter -> (SQL condition with ? placeholders, number of parameters)
_EVENT_CONDS = {
    "actor": (
        " OR ".join(
            _LIKE.format(c)
            for c in ("e.actor_name", "e.actor_text", "e.recipient_name")
        ),
        3,
    ),
    "country": (
        "upper(?) IN (e.actor_country, e.recipient_country, e.place_country)",
        1,
    ),
    "type": ("e.type = upper(?)", 1),
    "place": (
        _LIKE.format("e.place_name") + " OR CAST(e.geonames_id AS VARCHAR) = ?",
        2,
    ),
    "since": (f"TRY_CAST({_EVENT_DATE} AS DATE) >= TRY_CAST(? AS DATE)", 1),
    "until": (f"TRY_CAST({_EVENT_DATE} AS DATE) <= TRY_CAST(? AS DATE)", 1),
    "claimant": (_LIKE.format("coalesce(e.claimant_name, e.claimant_text)"), 1),
    "outlet": (_LIKE.format("a.outlet"), 1),
    "text": (_LIKE.format("e.evidence") + " OR " + _LIKE.format("a.title"), 2),
}
_QUOTE_CONDS = {
    "actor": (_LIKE.format("q.speaker_name"), 1),
    "claimant": (_LIKE.format("q.speaker_name"), 1),
    "country": ("s.country = upper(?)", 1),
    "type": ("q.kind = lower(?)", 1),
    "since": ("TRY_CAST(a.published AS DATE) >= TRY_CAST(? AS DATE)", 1),
    "until": ("TRY_CAST(a.published AS DATE) <= TRY_CAST(? AS DATE)", 1),
    "outlet": (_LIKE.format("a.outlet"), 1),
    "text": (_LIKE.format("q.content"), 1),
}
_INCIDENT_CONDS = {
    "type": ("i.type = upper(?)", 1),
    "since": ("TRY_CAST(i.date_end AS DATE) >= TRY_CAST(? AS DATE)", 1),
    "until": ("TRY_CAST(i.date_start AS DATE) <= TRY_CAST(? AS DATE)", 1),
    "country": (
        "upper(?) = i.country OR " + _IN_INCIDENT.format(_EVENT_CONDS["country"][0]),
        2,
    ),
}
for _k in ("actor", "place", "claimant", "outlet", "text"):
    _cond, _n = _EVENT_CONDS[_k]
    _INCIDENT_CONDS[_k] = (_IN_INCIDENT.format(_cond), _n)

_ERROR_CONDS = {
    "type": ("e.error = lower(?)", 1),
    "text": (_LIKE.format("e.message") + " OR " + _LIKE.format("e.source"), 2),
}

_VIEWS: dict[str, tuple[str, dict[str, tuple[str, int]], str]] = {
    "errors": (_ERRORS, _ERROR_CONDS, "source, error, message"),
    "reports": (_REPORTS, _INCIDENT_CONDS, "i.n_outlets DESC, incident_id, ord"),
    "events": (_EVENTS, _EVENT_CONDS, "date, article_id, event_id"),
    "claims": (_CLAIMS, _EVENT_CONDS, "date, article_id, event_id"),
    "quotes": (_QUOTES, _QUOTE_CONDS, "date, article_id, quote_id"),
    "incidents": (
        _INCIDENTS,
        _INCIDENT_CONDS,
        "n_outlets DESC, n_reports DESC, date_start, incident_id",
    ),
}


def build(what: str, *, limit: int | None = None, **filters: Any) -> tuple[str, list]:
    """Return the SQL and parameters of a query view with its filters."""
    if what not in _VIEWS:
        raise StoreError(f"cannot query {what!r}; expected one of {', '.join(KINDS)}")
    base, conds, order = _VIEWS[what]
    _check_type(what, filters.get("type"))
    where, params = [], []
    for name, value in sorted(filters.items()):
        if value is None or value == "":
            continue
        if name not in conds:
            allowed = ", ".join(f"--{k}" for k in conds)
            raise StoreError(
                f"the filter --{name} does not apply to {what}; expected {allowed}"
            )
        cond, n = conds[name]
        where.append(f"({cond})")
        params += [str(value)] * n
    sql = base + (" WHERE " + " AND ".join(where) if where else "")
    sql += f" ORDER BY {order}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return sql, params


def _check_type(what: str, value: Any) -> None:
    """Reject a ``type`` filter that no record can have, naming the valid ones."""
    if not value or what == "errors":
        return
    valid = QUOTE_KINDS if what == "quotes" else EVENT_TYPES
    if str(value).casefold() not in {v.casefold() for v in valid}:
        noun = "quote kind" if what == "quotes" else "event type"
        raise StoreError(
            f"unknown {noun} {value!r} for {what}; expected one of {', '.join(valid)}"
        )


EVENT_DATA = """
SELECT e.id AS event_id, TRY_CAST(coalesce(e.date, a.published) AS DATE) AS date,
       e.actor_name, e.actor_country, e.actor_sector,
       e.recipient_name, e.recipient_country, e.recipient_sector,
       e.type AS plover_type, e.mode AS plover_mode, e.cameo AS cameo_root,
       e.place_name, e.geonames_id, e.lat, e.lon,
       coalesce(e.claimant_name, e.claimant_text) AS claimant, e.modality,
       e.article_id, a.outlet, a.url, e.evidence
FROM events e JOIN articles a ON a.id = e.article_id
ORDER BY date, e.article_id, e.id"""

SUMMARY = """
SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM errors),
       (SELECT count(*) FROM events), (SELECT count(*) FROM incidents),
       (SELECT count(*) FROM incidents WHERE n_outlets >= 2),
       (SELECT coalesce(sum(n_contradictions), 0) FROM incidents)"""

_ORDER = {
    "articles": "id",
    "errors": "source, error, message",
    "incidents": "id",
    "incident_reports": "incident_id, ord",
    "link_index": "article_id, event_id",
}


def export_sql(table: str | None) -> str:
    """Return the SELECT of a table export, or of the event-data view."""
    from reportedly.store.schema import TABLES

    if table is None:
        return EVENT_DATA
    if table not in TABLES:
        raise StoreError(
            f"no table {table!r} in the store; expected one of {', '.join(TABLES)}"
        )
    return f"SELECT * FROM {table} ORDER BY {_ORDER.get(table, 'article_id, ord')}"
