"""Group link records into incidents, incrementally; no SQL here.

Two records are linked when ``_rules.compare`` says so; an incident is a
connected group of two or more linked records, so the grouping does not
depend on input order. New records are compared only with stored records of a
compatible type within the date window, and incidents they touch are merged.

Incident id rule: ``stable_id("incident", article_id, event_id)`` of the
earliest member, members sorted by (date, article id, event id), undated last.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from reportedly.incidents import _rules, _text
from reportedly.model import (
    Contradiction,
    Incident,
    IncidentUpdate,
    LinkPlace,
    LinkRecord,
    stable_id,
)

_NO_DAY = 10**8
Key = tuple[int, str, str]


def _key(r: LinkRecord) -> Key:
    return (r.day or _NO_DAY, r.article_id, r.event_id)


def candidate_keys(records: Iterable[LinkRecord]) -> list[tuple[str, int, int]]:
    """Return the (type, first day, last day) keys of stored records to compare."""
    w = _text.rules()["link"]["window_days"]
    keys = set()
    for r in records:
        for t in _rules.compatible_types(r.type):
            day = r.day
            keys.add((t, day - w, day + w) if day is not None else (t, 0, _NO_DAY))
    return sorted(keys)


class _Groups:
    """Union-find over record keys."""

    def __init__(self) -> None:
        self.parent: dict[Key, Key] = {}

    def find(self, k: Key) -> Key:
        self.parent.setdefault(k, k)
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: Key, b: Key) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _link(new: list[LinkRecord], pool: list[LinkRecord], groups: _Groups) -> None:
    """Union every new record with the records of ``pool`` it is linked to."""
    w = _text.rules()["link"]["window_days"]
    fresh = {_key(n) for n in new}
    index: dict[tuple[str, int | None], list[LinkRecord]] = {}
    for r in pool:
        index.setdefault((r.type, r.day), []).append(r)
    for n in new:
        groups.find(_key(n))
        day = n.day
        days = [None] if day is None else [None, *range(day - w, day + w + 1)]
        for t in sorted(_rules.compatible_types(n.type)):
            if day is None:
                near = [r for (tt, _), rs in index.items() if tt == t for r in rs]
            else:
                near = [r for d in days for r in index.get((t, d), [])]
            for c in near:
                if _key(c) in fresh and _key(c) <= _key(n):
                    continue
                if _rules.compare(n, c)[0]:
                    groups.union(_key(n), _key(c))


def update(
    new: list[LinkRecord],
    candidates: list[LinkRecord],
    members: Callable[[list[str]], list[LinkRecord]],
) -> IncidentUpdate:
    """Link new records to each other and to stored candidates; return the changes.

    ``candidates`` are stored records (with their ``incident_id``);
    ``members(ids)`` returns the stored records of the given incidents. The
    update names the stored incidents it replaces and the incidents to write.
    """
    new = sorted(new, key=_key)
    old = {_key(c): c for c in candidates}
    pool = sorted(old.values(), key=_key) + new
    groups = _Groups()
    _link(new, pool, groups)
    touched_roots = {groups.find(_key(n)) for n in new}
    comps: dict[Key, list[LinkRecord]] = {}
    for r in pool:
        root = groups.find(_key(r))
        if root in touched_roots:
            comps.setdefault(root, []).append(r)
    touched = sorted(
        {r.incident_id for c in comps.values() for r in c if r.incident_id}
    )
    by_incident: dict[str, list[LinkRecord]] = {}
    for r in members(touched) if touched else []:
        by_incident.setdefault(r.incident_id or "", []).append(r)
    merged = _merge(list(comps.values()), by_incident)
    return IncidentUpdate(
        removed=tuple(touched),
        incidents=tuple(build(g) for g in merged if len(g) >= 2),
    )


def _merge(
    comps: list[list[LinkRecord]], by_incident: dict[str, list[LinkRecord]]
) -> list[list[LinkRecord]]:
    """Join components that share a stored incident, adding its other members."""
    groups = _Groups()
    recs: dict[Key, LinkRecord] = {}
    for comp in comps:
        for r in comp:
            recs.setdefault(_key(r), r)
            groups.union(_key(comp[0]), _key(r))
            for m in by_incident.get(r.incident_id or "", []):
                recs.setdefault(_key(m), m)
                groups.union(_key(r), _key(m))
    out: dict[Key, list[LinkRecord]] = {}
    for k in sorted(recs):
        out.setdefault(groups.find(k), []).append(recs[k])
    return [out[k] for k in sorted(out)]


def _top(values: Iterable[Any], key: Callable[[Any], str] = str) -> Any:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], key(v))) if counts else None


def _place_key(p: LinkPlace) -> str:
    """Order places as their sorted (key, value) pairs, for a stable tie-break."""
    return str(tuple(sorted(p.to_dict().items())))


def build(group: list[LinkRecord]) -> Incident:
    """Return the incident of a group of link records, its reports in order."""
    group = sorted(group, key=_key)
    first = group[0]
    iid = stable_id("incident", first.article_id, first.event_id)
    dates = sorted(r.date for r in group if r.date)
    place: LinkPlace | None = _top((r.place for r in group if r.place), _place_key)
    found: list[Contradiction] = []
    for i, a in enumerate(group):
        for b in group[i + 1 :]:
            found += _rules.contradictions(a, b)
    return Incident(
        id=iid,
        type=_top(r.type for r in group),
        date_start=dates[0] if dates else None,
        date_end=dates[-1] if dates else None,
        country=_top(r.country for r in group),
        place_name=place.name if place else None,
        geonames_id=place.geonames_id if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        actors="; ".join(sorted({p[0] for r in group for p in r.actors})),
        recipients="; ".join(sorted({p[0] for r in group for p in r.recipients})),
        n_reports=len(group),
        n_articles=len({r.article_id for r in group}),
        n_outlets=len({r.outlet or f"article:{r.article_id}" for r in group}),
        n_claimants=len({r.claimant_key for r in group}),
        n_contradictions=len(found),
        contradictions=tuple(found),
        reports=tuple(dataclasses.replace(r, incident_id=iid) for r in group),
    )
