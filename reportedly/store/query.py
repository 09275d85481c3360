"""Build the SQL of a query view with its filters, and of exports."""

from __future__ import annotations

import re
from typing import Any

from reportedly.errors import StoreError
from reportedly.model import EVENT_TYPES, MODALITIES, QUOTE_KINDS
from reportedly.store.shapes import SHAPES, Shape
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
    page = f" LIMIT {int(limit)}" if limit is not None else ""
    if offset:
        page += f" OFFSET {int(offset)}"
    shape = SHAPES.get(what)
    if limit is not None and shape is not None and shape.key:
        found = _by_key(shape, cond, order, page)
        if found is not None:
            return found, params
    return base + cond + f" ORDER BY {order}" + page, params


def _joins(shape: Shape, reads: str) -> list[str]:
    """The optional joins of a view whose alias ``reads`` names."""
    return [
        sql
        for alias, sql in shape.optional.items()
        if re.search(rf"(?<![\w.]){alias}\.", reads)
    ]


def from_clause(shape: Shape, reads: str) -> str:
    """The FROM of a view with only the optional joins ``reads`` names."""
    return _from(shape, _joins(shape, reads))


def _from(shape: Shape, joins: list[str], page: str = "") -> str:
    """The FROM of a view with some of its optional joins (``page`` joined to
    its first table)."""
    return "\n".join([f"\nFROM {shape.first}{page} {shape.inner}", *joins])


def _by_key(shape: Shape, cond: str, order: str, page: str) -> str | None:
    """One page of a view in two steps: the keys of the page's rows (ordered
    and cut without the view's optional joins), then the page's rows in full,
    joined from those keys. Same rows in the same order as the view's one
    query, since every order of a paged view ends on its key. None (use the
    one query) when the filters or the order read an optional join, or the
    order names a column ``shape.columns`` lacks: then the keys cost as much
    as the rows."""
    names = list(dict.fromkeys(part.split()[0] for part in order.split(",")))
    if len(shape.optional) < 2 or not all(n in shape.columns for n in names):
        return None
    if _joins(shape, cond + " " + " ".join(shape.columns[n] for n in names)):
        return None
    keys = [f"_k{i}" for i in range(len(shape.key))]
    picks = [f"{k} AS {n}" for k, n in zip(shape.key, keys, strict=True)]
    picks += [f"{shape.columns[n]} AS {n}" for n in names]
    inner = f"SELECT {', '.join(picks)}{_from(shape, [])}{cond} ORDER BY {order}"
    on = " AND ".join(f"{k} = _page.{n}" for k, n in zip(shape.key, keys, strict=True))
    join = f" JOIN (SELECT {', '.join(keys)} FROM ({inner}{page})) _page ON {on}"
    joins = list(shape.optional.values())
    return f"\nSELECT {shape.select}{_from(shape, joins, join)} ORDER BY {order}"


def count(what: str, **filters: Any) -> tuple[str, list]:
    """Return the SQL counting the rows of a query view with its filters (with
    only the joins the filters read)."""
    base, cond, params = where(what, **filters)
    shape = SHAPES.get(what)
    if shape is not None:
        return f"SELECT count(*){from_clause(shape, cond)}{cond}", params
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
