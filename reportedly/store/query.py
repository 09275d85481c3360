"""Build the SQL of a query view with its filters, and of exports."""

from __future__ import annotations

from typing import Any

from reportedly.errors import StoreError
from reportedly.model import EVENT_TYPES, MODALITIES, QUOTE_KINDS
from reportedly.store.views import SORTS, VIEWS

KINDS = (
    "events",
    "quotes",
    "incidents",
    "claims",
    "reports",
    "errors",
    "actors",
    "articles",
)
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
    "min_confidence",
    "recipient",
    "modality",
)
ACTOR_KINDS = ("person", "organization", "group", "media", "country", "unknown")


def _check_type(what: str, value: Any) -> None:
    """Reject a ``type`` filter that no record can have, naming the valid ones."""
    if not value or what == "errors":
        return
    valid: tuple[str, ...] = EVENT_TYPES
    noun = "event type"
    if what == "quotes":
        valid, noun = QUOTE_KINDS, "quote kind"
    elif what == "actors":
        valid, noun = ACTOR_KINDS, "actor kind"
    if str(value).casefold() not in {v.casefold() for v in valid}:
        raise StoreError(
            f"unknown {noun} {value!r} for {what}; expected one of {', '.join(valid)}"
        )


def _check_confidence(value: Any) -> None:
    try:
        ok = 0.0 <= float(value) <= 1.0
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise StoreError(
            f"--min-confidence {value!r} is not a number from 0 to 1; e.g. 0.8"
        )


def _check_modality(value: Any) -> None:
    if value and str(value).lower() not in MODALITIES:
        raise StoreError(
            f"unknown modality {value!r}; expected one of {', '.join(MODALITIES)}"
        )


def sorts(what: str) -> tuple[str, ...]:
    """The sort names of a kind; the first is the default."""
    return tuple(SORTS.get(what, {}))


def where(what: str, **filters: Any) -> tuple[str, str, list]:
    """Return the SELECT of a view, its WHERE clause (or "") and parameters."""
    if what not in VIEWS:
        raise StoreError(f"cannot query {what!r}; expected one of {', '.join(KINDS)}")
    base, conds, _ = VIEWS[what]
    _check_type(what, filters.get("type"))
    _check_modality(filters.get("modality"))
    found: list[str] = []
    params: list[str] = []
    for name, value in sorted(filters.items()):
        if value is None or value == "":
            continue
        if name not in conds:
            allowed = ", ".join(f"--{k.replace('_', '-')}" for k in conds)
            flag = name.replace("_", "-")
            raise StoreError(
                f"the filter --{flag} does not apply to {what}; expected {allowed}"
            )
        if name == "min_confidence":
            _check_confidence(value)
        cond, n = conds[name]
        found.append(f"({cond})")
        params += [str(value)] * n
    return base, (" WHERE " + " AND ".join(found) if found else ""), params


def build(
    what: str,
    *,
    limit: int | None = None,
    offset: int = 0,
    sort: str | None = None,
    **filters: Any,
) -> tuple[str, list]:
    """Return the SQL and parameters of a query view with its filters."""
    base, cond, params = where(what, **filters)
    order = VIEWS[what][2]
    if sort:
        known = SORTS.get(what, {})
        if sort not in known:
            raise StoreError(
                f"cannot sort {what} by {sort!r}; expected one of "
                + (", ".join(known) or "(no other order)")
            )
        order = known[sort]
    sql = base + cond + f" ORDER BY {order}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    if offset:
        sql += f" OFFSET {int(offset)}"
    return sql, params


def count(what: str, **filters: Any) -> tuple[str, list]:
    """Return the SQL counting the rows of a query view with its filters."""
    base, cond, params = where(what, **filters)
    return f"SELECT count(*) FROM ({base}{cond})", params


EVENT_DATA = """
SELECT e.id AS event_id, TRY_CAST(coalesce(e.date, a.published) AS DATE) AS date,
       coalesce(ea.entity_name, e.actor_name) AS actor_name,
       ea.entity_id AS actor_entity, e.actor_country, e.actor_sector,
       coalesce(er.entity_name, e.recipient_name) AS recipient_name,
       er.entity_id AS recipient_entity, e.recipient_country, e.recipient_sector,
       e.type AS plover_type, e.mode AS plover_mode, e.cameo AS cameo_root,
       e.place_name, e.geonames_id, e.lat, e.lon,
       coalesce(ec.entity_name, e.claimant_name, e.claimant_text) AS claimant,
       ec.entity_id AS claimant_entity, e.modality, e.confidence,
       e.article_id, a.outlet, a.url, e.evidence
FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN actors ea ON ea.article_id = e.article_id AND ea.id = e.actor_id
LEFT JOIN actors er ON er.article_id = e.article_id AND er.id = e.recipient_id
LEFT JOIN actors ec ON ec.article_id = e.article_id AND ec.id = e.claimant_actor_id
WHERE e.confidence >= {min_confidence}
ORDER BY date DESC NULLS LAST, e.article_id, e.id"""

SUMMARY = """
SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM errors),
       (SELECT count(*) FROM events), (SELECT count(*) FROM incidents),
       (SELECT count(*) FROM incidents WHERE n_outlets >= 2),
       (SELECT coalesce(sum(n_contradictions), 0) FROM incidents)"""

_ORDER = {
    "articles": "id",
    "errors": "source, error, message",
    "entities": "id",
    "incidents": "id",
    "incident_reports": "incident_id, ord",
    "link_index": "article_id, event_id",
    "reviews": "created, id",
}


def export_sql(table: str | None, *, min_confidence: float = 0.0) -> str:
    """Return the SELECT of a table export, or of the event-data view."""
    from reportedly.store.schema import TABLES

    if table is None:
        _check_confidence(min_confidence)
        return EVENT_DATA.format(min_confidence=float(min_confidence))
    if table not in TABLES:
        raise StoreError(
            f"no table {table!r} in the store; expected one of {', '.join(TABLES)}"
        )
    return f"SELECT * FROM {table} ORDER BY {_ORDER.get(table, 'article_id, ord')}"
