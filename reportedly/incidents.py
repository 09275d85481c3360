"""Group event reports of many articles into incidents; no SQL here.

Events become *link records* (plain dicts with resolved actors, place, date,
claimant and quantities). Two records are linked when ``linking.compare``
says so; an incident is a connected group of two or more linked records, so
the grouping does not depend on input order. Incremental: new records are
compared only with stored records of a compatible type within the date window
(the store fetches them by type and day), and incidents they touch are merged.

Incident id rule: ``stable_id("incident", article_id, event_id)`` of the
earliest member, members sorted by (date, article id, event id), undated last.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from reportedly import incident_text, linking
from reportedly.model import stable_id

Rec = dict[str, Any]
_NO_DAY = 10**8


def _day(iso: str | None) -> int | None:
    try:
        return datetime.date.fromisoformat(iso).toordinal() if iso else None
    except ValueError:
        return None


def _background_free(ev: Rec, published: str | None) -> str | None:
    """Return ``published`` as the event date unless the evidence names another year.

    Background sentences ('unrest since March 2011') are not news of the day.
    """
    text = ev["evidence"]["text"]
    if not published or incident_text.background(text):
        return None
    years = set(incident_text.YEAR.findall(text))
    return None if years - {published[:4]} else published


def _party(arg: Rec | None, actors: dict[str, Rec]) -> list | None:
    if not arg:
        return None
    a = actors.get(arg.get("actor_id") or "")
    if a:
        return [a["name"], a.get("country"), a.get("sector")]
    return [arg["text"], None, None]


def _place(loc: Rec | None, places: dict[str, Rec], ev: Rec) -> Rec | None:
    # the article's focus is no evidence of where this event happened
    if not loc or ev.get("location_source") == "article":
        return None
    p = places.get(loc.get("place_id") or "")
    if not p:
        return {"name": loc["text"], "precision": ev.get("location_precision")}
    precision = ev.get("location_precision")
    if precision is None and p.get("lat") is None:
        precision = "country"
    big = incident_text.rules()["link"]["city_population"]
    if precision == "point" and (p.get("population") or 0) >= big:
        precision = "admin1"
    keys = ("geonames_id", "name", "lat", "lon", "country")
    return {**{k: p.get(k) for k in keys}, "precision": precision}


def link_records(analysis: Rec) -> list[Rec]:
    """Return the link records of an analysis dict's linkable events."""
    art = analysis["article"]
    actors = {a["id"]: a for a in analysis.get("actors", [])}
    places = {p["id"]: p for p in analysis.get("places", [])}
    out = []
    for ev in analysis.get("events", []):
        if not linking.linkable(ev.get("type"), ev.get("modality")):
            continue
        if ev.get("date_precision") in ("week", "month", "year"):
            continue  # "in May", "since 2014": a campaign or background, no incident
        acts = [p for p in (_party(x, actors) for x in ev.get("actors", [])) if p]
        recs = [p for p in (_party(x, actors) for x in ev.get("recipients", [])) if p]
        place = _place(ev.get("location"), places, ev)
        if not (acts or recs or place):
            continue
        quantities = [
            {k: q[k] for k in ("value", "unit", "text")}
            for q in ev.get("quantities", [])
        ]
        trigger = (ev.get("trigger") or {}).get("text")
        if incident_text.not_news(ev["evidence"]["text"], trigger, quantities):
            continue
        if not incident_text.specific(ev["evidence"]["text"], quantities, place):
            continue
        iso = ev.get("date") or _background_free(ev, art.get("published"))
        cl = ev.get("claimant")
        claimant = _party(cl, actors)[0] if cl else None  # type: ignore[index]
        outlet = art.get("outlet")
        out.append(
            {
                "article_id": art["id"],
                "event_id": ev["id"],
                "type": ev["type"],
                "mode": ev.get("mode"),
                "date": iso,
                "day": _day(iso),
                "date_precision": ev.get("date_precision"),
                "country": (place or {}).get("country"),
                "outlet": outlet,
                "title": art.get("title"),
                "url": art.get("url"),
                "actors": acts,
                "recipients": recs,
                "place": place,
                "claimant": claimant,
                "claimant_key": (claimant or "").casefold()
                or f"outlet:{outlet or art['id']}",
                "modality": ev.get("modality"),
                "quantities": quantities,
                "evidence": ev["evidence"]["text"],
            }
        )
    return out


def _key(r: Rec) -> tuple:
    return (r.get("day") or _NO_DAY, r["article_id"], r["event_id"])


def candidate_keys(records: Iterable[Rec]) -> list[tuple[str, int, int]]:
    """Return the (type, first day, last day) keys of stored records to compare."""
    w = incident_text.rules()["link"]["window_days"]
    keys = set()
    for r in records:
        for t in linking.compatible_types(r["type"]):
            day = r.get("day")
            keys.add((t, day - w, day + w) if day is not None else (t, 0, _NO_DAY))
    return sorted(keys)


class _Groups:
    """Union-find over record keys."""

    def __init__(self) -> None:
        self.parent: dict[tuple, tuple] = {}

    def find(self, k: tuple) -> tuple:
        self.parent.setdefault(k, k)
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: tuple, b: tuple) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def update(
    new: list[Rec],
    candidates: list[Rec],
    members: Callable[[list[str]], list[Rec]],
) -> Rec:
    """Link new records to each other and to stored candidates; return the changes.

    ``members(ids)`` returns the stored records of the given incidents. The
    result holds ``removed`` (incident ids to drop), ``incidents`` and
    ``reports`` (rows to write) and ``assign`` ((article_id, event_id,
    incident_id) for every member of a written incident).
    """
    new = sorted(new, key=_key)
    old = {_key(c): c for c in candidates}
    groups = _Groups()
    w = incident_text.rules()["link"]["window_days"]
    pool = sorted(old.values(), key=_key) + new
    fresh = {_key(n) for n in new}
    index: dict[tuple[str, int | None], list[Rec]] = {}
    for r in pool:
        index.setdefault((r["type"], r.get("day")), []).append(r)
    for n in new:
        groups.find(_key(n))
        day = n.get("day")
        days = [None] if day is None else [None, *range(day - w, day + w + 1)]
        for t in sorted(linking.compatible_types(n["type"])):
            if day is None:
                near = [r for (tt, _), rs in index.items() if tt == t for r in rs]
            else:
                near = [r for d in days for r in index.get((t, d), [])]
            for c in near:
                if _key(c) in fresh and _key(c) <= _key(n):
                    continue
                if linking.compare(n, c)[0]:
                    groups.union(_key(n), _key(c))
    touched_roots = {groups.find(_key(n)) for n in new}
    comps: dict[tuple, list[Rec]] = {}
    for r in pool:
        root = groups.find(_key(r))
        if root in touched_roots:
            comps.setdefault(root, []).append(r)
    touched = sorted(
        {r["incident_id"] for c in comps.values() for r in c if r.get("incident_id")}
    )
    stored = members(touched) if touched else []
    by_incident: dict[str, list[Rec]] = {}
    for r in stored:
        by_incident.setdefault(r["incident_id"], []).append(r)
    out: Rec = {"removed": touched, "incidents": [], "reports": [], "assign": []}
    merged = _merge(list(comps.values()), by_incident)
    for group in merged:
        if len(group) < 2:
            continue
        inc, reports = build(group)
        out["incidents"].append(inc)
        out["reports"] += reports
        out["assign"] += [(r["article_id"], r["event_id"], inc["id"]) for r in group]
    return out


def _merge(
    comps: list[list[Rec]], by_incident: dict[str, list[Rec]]
) -> list[list[Rec]]:
    """Join components that share a stored incident, adding its other members."""
    groups = _Groups()
    recs: dict[tuple, Rec] = {}
    for comp in comps:
        for r in comp:
            recs.setdefault(_key(r), r)
            groups.union(_key(comp[0]), _key(r))
            for m in by_incident.get(r.get("incident_id") or "", []):
                recs.setdefault(_key(m), m)
                groups.union(_key(r), _key(m))
    out: dict[tuple, list[Rec]] = {}
    for k in sorted(recs):
        out.setdefault(groups.find(k), []).append(recs[k])
    return [out[k] for k in sorted(out)]


def _top(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], str(v))) if counts else None


def build(group: list[Rec]) -> tuple[Rec, list[Rec]]:
    """Return the incident row and its report rows for a group of link records."""
    group = sorted(group, key=_key)
    first = group[0]
    iid = stable_id("incident", first["article_id"], first["event_id"])
    dates = sorted(r["date"] for r in group if r.get("date"))
    place = _top(tuple(sorted(r["place"].items())) for r in group if r.get("place"))
    place = dict(place) if place else {}
    found = []
    for i, a in enumerate(group):
        for b in group[i + 1 :]:
            found += linking.contradictions(a, b)
    inc = {
        "id": iid,
        "type": _top(r["type"] for r in group),
        "date_start": dates[0] if dates else None,
        "date_end": dates[-1] if dates else None,
        "country": _top(r.get("country") for r in group),
        "place_name": place.get("name"),
        "geonames_id": place.get("geonames_id"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "actors": "; ".join(sorted({p[0] for r in group for p in r["actors"]})),
        "recipients": "; ".join(sorted({p[0] for r in group for p in r["recipients"]})),
        "n_reports": len(group),
        "n_articles": len({r["article_id"] for r in group}),
        "n_outlets": len({r["outlet"] or f"article:{r['article_id']}" for r in group}),
        "n_claimants": len({r["claimant_key"] for r in group}),
        "n_contradictions": len(found),
        "contradictions": found,
    }
    inc["record"] = dict(inc)
    reports = []
    for i, r in enumerate(group):
        rec = {k: v for k, v in r.items() if k != "incident_id"}
        reports.append(
            {
                "incident_id": iid,
                "ord": i,
                **{k: r.get(k) for k in ("article_id", "event_id", "outlet", "title")},
                **{k: r.get(k) for k in ("url", "date", "type", "claimant")},
                "modality": r.get("modality"),
                "quantities": r.get("quantities"),
                "evidence": r.get("evidence"),
                "record": rec,
            }
        )
    return inc, reports
