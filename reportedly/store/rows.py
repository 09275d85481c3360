"""Turn typed records into column-wise table rows, and stored rows back."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from reportedly.model import (
    Actor,
    Analysis,
    Claimant,
    Entity,
    Event,
    EventArg,
    Incident,
    Place,
    Quote,
    Signal,
    Span,
    Speaker,
)

Row = dict[str, Any]
Columns = dict[str, list[Any]]


def to_json(value: Any) -> str:
    """Return the JSON text the store keeps: sorted keys, UTF-8 as is."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _text(span: Span | EventArg | Speaker | Claimant | None) -> str | None:
    if span is None:
        return None
    return span.text if isinstance(span, Span) else span.span.text


def _party(arg: Any, actors: dict[str, Actor], prefix: str) -> Row:
    """Flatten an event argument, speaker or claimant into ``prefix_*`` columns."""
    actor = actors.get(arg.actor_id or "") if arg else None
    return {
        f"{prefix}_name": actor.name if actor else _text(arg),
        f"{prefix}_country": actor.country if actor else None,
        f"{prefix}_sector": actor.sector if actor else None,
    }


def _article(a: Analysis) -> Row:
    art = a.article
    record = art.to_dict()
    del record["text"]
    return {
        "id": art.id,
        "source": art.source,
        "url": art.url,
        "outlet": art.outlet,
        "title": art.title,
        "published": art.published,
        "language": art.language,
        "text": art.text,
        "removed": to_json([r.to_dict() for r in art.removed]),
        "extractors": to_json(a.extractors),
        "record": to_json(record),
    }


def _actor(r: Actor, ctx: Row) -> Row:
    keys = ("id", "name", "kind", "country", "sector", "role", "affiliation")
    row = {k: getattr(r, k) for k in keys}
    row |= entity_columns(ctx["entities"].get(r.id))
    return row | {"n_mentions": len(r.mentions)}


def entity_columns(e: Entity | None) -> Row:
    """Return the ``entity_*`` columns of an actor row (all None without one)."""
    keys = ("id", "name", "kind", "country", "sector", "scope")
    return {f"entity_{k}": getattr(e, k) if e else None for k in keys}


def _place(r: Place, ctx: Row) -> Row:
    keys = ("id", "name", "geonames_id", "country", "lat", "lon", "feature")
    return {k: getattr(r, k) for k in keys}


def _quote(r: Quote, ctx: Row) -> Row:
    sp = r.speaker
    return {
        "id": r.id,
        "kind": r.kind,
        "speaker_text": _text(sp),
        "speaker_actor_id": sp.actor_id if sp else None,
        "speaker_name": _party(sp, ctx["actors"], "s")["s_name"],
        "cue": _text(r.cue),
        "content": _text(r.content),
        "pattern": r.pattern,
        "parent_id": r.parent_id,
        "confidence": r.confidence,
    }


def _event(r: Event, ctx: Row) -> Row:
    actors, places = ctx["actors"], ctx["places"]
    act, rec, loc, cl = r.actor, r.recipient, r.location, r.claimant
    place: Place | None = places.get(loc.place_id or "") if loc else None
    return {
        "id": r.id,
        "type": r.type,
        "mode": r.mode,
        "cameo": r.cameo,
        "actor_text": _text(act),
        "actor_id": act.actor_id if act else None,
        **_party(act, actors, "actor"),
        "recipient_text": _text(rec),
        "recipient_id": rec.actor_id if rec else None,
        **_party(rec, actors, "recipient"),
        "location_text": loc.span.text if loc else None,
        "place_id": loc.place_id if loc else None,
        "place_name": (place.name if place else None) or (loc and loc.span.text),
        "geonames_id": place.geonames_id if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "place_country": place.country if place else None,
        "date": r.date,
        "modality": r.modality,
        "claimant_text": _text(cl),
        "claimant_actor_id": cl.actor_id if cl else None,
        **_party(cl, actors, "claimant"),
        "quote_id": cl.quote_id if cl else None,
        "evidence": r.evidence.text,
        "confidence": r.confidence,
    }


def _signal(r: Signal, ctx: Row) -> Row:
    return {"kind": r.kind, "message": r.message, "span_text": _text(r.span)}


CHILDREN: dict[str, Callable[[Any, Row], Row]] = {
    "actors": _actor,
    "places": _place,
    "quotes": _quote,
    "events": _event,
    "signals": _signal,
}


def _append(cols: Columns, row: Row) -> None:
    if not cols:
        cols.update({k: [] for k in row})
    for k, v in row.items():
        cols[k].append(v)


def analysis_rows(
    analyses: Iterable[Analysis],
    entities: Mapping[str, Mapping[str, Entity]] | None = None,
) -> dict[str, Columns]:
    """Return column lists per table for analyses; ``entities`` gives the
    canonical actor of each actor record, by article id and actor id."""
    out: dict[str, Columns] = {t: {} for t in ("articles", *CHILDREN)}
    for a in analyses:
        _append(out["articles"], _article(a))
        ctx = {
            "actors": {x.id: x for x in a.actors},
            "places": {x.id: x for x in a.places},
            "entities": (entities or {}).get(a.article.id, {}),
        }
        for table, build in CHILDREN.items():
            for i, rec in enumerate(getattr(a, table)):
                row = {"article_id": a.article.id, "ord": i, **build(rec, ctx)}
                row["record"] = to_json(rec.to_dict())
                _append(out[table], row)
    return {t: c for t, c in out.items() if c}


def analysis_from_rows(article: Row, children: dict[str, list[Row]]) -> Analysis:
    """Rebuild an analysis from its stored article row and child rows."""
    art = json.loads(article["record"])
    art["text"] = article["text"]
    out: Row = {"article": art, "removed": json.loads(article["removed"])}
    for table in CHILDREN:
        rows = sorted(children.get(table, []), key=lambda r: r["ord"])
        out[table] = [json.loads(r["record"]) for r in rows]
    out["extractors"] = json.loads(article["extractors"])
    return Analysis.from_dict(out)


def incident_rows(incidents: Iterable[Incident]) -> tuple[Columns, Columns]:
    """Return the column lists of the incidents table and of their reports."""
    inc: Columns = {}
    reps: Columns = {}
    for i in incidents:
        d = i.to_dict()
        del d["reports"]
        _append(
            inc,
            {**d, "contradictions": to_json(d["contradictions"]), "record": to_json(d)},
        )
        for n, r in enumerate(i.reports):
            rec = r.to_dict()
            row = {"incident_id": i.id, "ord": n, "article_id": r.article_id}
            row |= {"event_id": r.event_id, "outlet": r.outlet, "title": r.title}
            row |= {"url": r.url, "date": r.date, "type": r.type}
            row |= {"claimant": r.claimant, "modality": r.modality}
            row["quantities"] = to_json(rec["quantities"])
            row |= {"evidence": r.evidence, "record": to_json(rec)}
            _append(reps, row)
    return inc, reps
