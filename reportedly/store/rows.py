"""Turn analysis records (their ``to_dict`` form) into column-wise table rows."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

Row = dict[str, Any]
Columns = dict[str, list[Any]]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _text(span: Row | None) -> str | None:
    return span["text"] if span else None


def _party(arg: Row | None, actors: dict[str, Row], prefix: str) -> Row:
    """Flatten an event argument or claimant into ``prefix_*`` columns."""
    actor = actors.get(arg.get("actor_id") or "") if arg else None
    return {
        f"{prefix}_name": actor["name"] if actor else _text(arg),
        f"{prefix}_country": actor.get("country") if actor else None,
        f"{prefix}_sector": actor.get("sector") if actor else None,
    }


def _article(a: Row) -> Row:
    art = a["article"]
    return {
        "id": art["id"],
        "source": art.get("source"),
        "url": art.get("url"),
        "outlet": art.get("outlet"),
        "title": art.get("title"),
        "published": art.get("published"),
        "language": art.get("language"),
        "text": art["text"],
        "removed": _json(a.get("removed", [])),
        "extractors": _json(a.get("extractors", {})),
        "record": _json({k: v for k, v in art.items() if k != "text"}),
    }


def _actor(r: Row, ctx: Row) -> Row:
    keys = ("id", "name", "kind", "country", "sector", "role", "affiliation")
    return {k: r.get(k) for k in keys}


def _place(r: Row, ctx: Row) -> Row:
    keys = ("id", "name", "geonames_id", "country", "lat", "lon", "feature")
    return {k: r.get(k) for k in keys}


def _quote(r: Row, ctx: Row) -> Row:
    sp = r.get("speaker")
    return {
        "id": r["id"],
        "kind": r.get("kind"),
        "speaker_text": _text(sp),
        "speaker_actor_id": sp.get("actor_id") if sp else None,
        "speaker_name": _party(sp, ctx["actors"], "s")["s_name"],
        "cue": _text(r.get("cue")),
        "content": _text(r.get("content")),
        "pattern": r.get("pattern"),
        "parent_id": r.get("parent_id"),
        "confidence": r.get("confidence"),
    }


def _event(r: Row, ctx: Row) -> Row:
    actors, places = ctx["actors"], ctx["places"]
    act, rec, loc = r.get("actor"), r.get("recipient"), r.get("location")
    cl = r.get("claimant")
    place = places.get((loc or {}).get("place_id") or "") or {}
    return {
        "id": r["id"],
        "type": r.get("type"),
        "mode": r.get("mode"),
        "cameo": r.get("cameo"),
        "actor_text": _text(act),
        "actor_id": act.get("actor_id") if act else None,
        **_party(act, actors, "actor"),
        "recipient_text": _text(rec),
        "recipient_id": rec.get("actor_id") if rec else None,
        **_party(rec, actors, "recipient"),
        "location_text": _text(loc),
        "place_id": loc.get("place_id") if loc else None,
        "place_name": place.get("name") or _text(loc),
        "geonames_id": place.get("geonames_id"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "place_country": place.get("country"),
        "date": r.get("date"),
        "modality": r.get("modality"),
        "claimant_text": _text(cl),
        "claimant_actor_id": cl.get("actor_id") if cl else None,
        **_party(cl, actors, "claimant"),
        "quote_id": cl.get("quote_id") if cl else None,
        "evidence": _text(r.get("evidence")),
        "confidence": r.get("confidence"),
    }


def _signal(r: Row, ctx: Row) -> Row:
    return {
        "kind": r.get("kind"),
        "message": r.get("message"),
        "span_text": _text(r.get("span")),
    }


CHILDREN: dict[str, tuple[str, Callable[[Row, Row], Row]]] = {
    "actors": ("actors", _actor),
    "places": ("places", _place),
    "quotes": ("quotes", _quote),
    "events": ("events", _event),
    "signals": ("signals", _signal),
}


def _append(cols: Columns, row: Row) -> None:
    if not cols:
        cols.update({k: [] for k in row})
    for k, v in row.items():
        cols[k].append(v)


def analysis_rows(analyses: Iterable[Row]) -> dict[str, Columns]:
    """Return column lists per table for analysis dicts (``Analysis.to_dict``)."""
    out: dict[str, Columns] = {t: {} for t in ("articles", *CHILDREN)}
    for a in analyses:
        _append(out["articles"], _article(a))
        aid = a["article"]["id"]
        ctx = {
            "actors": {x["id"]: x for x in a.get("actors", [])},
            "places": {x["id"]: x for x in a.get("places", [])},
        }
        for table, (key, build) in CHILDREN.items():
            for i, rec in enumerate(a.get(key, [])):
                row = {"article_id": aid, "ord": i, **build(rec, ctx)}
                row["record"] = _json(rec)
                _append(out[table], row)
    return {t: c for t, c in out.items() if c}


def analysis_from_rows(article: Row, children: dict[str, list[Row]]) -> Row:
    """Rebuild an analysis dict from its stored article row and child rows."""
    art = json.loads(article["record"])
    art["text"] = article["text"]
    out: Row = {"article": art, "removed": json.loads(article["removed"])}
    for table in CHILDREN:
        rows = sorted(children.get(table, []), key=lambda r: r["ord"])
        out[table] = [json.loads(r["record"]) for r in rows]
    out["extractors"] = json.loads(article["extractors"])
    return out
