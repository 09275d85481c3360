"""Resolve place names to gazetteer entries with the whole article as context.

Each candidate gets an additive score (weights in ``lexicons/places.toml``):
a prior from the name match, the feature (country > admin1 > capital > town)
and log population, then context from the other names of the article (same
country, same admin1, nearby), containment (``Springfield, Illinois``), a
level word (``Homs province``), the actors' countries and the outlet's home
country. Two rounds let confident names pull ambiguous ones.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportedly.distance import km
from reportedly.extract.places._readings import candidates, iso2, knobs
from reportedly.extract.places.gazetteer import Entry, norm

_AFTER = re.compile(r"\s*,\s*((?:[A-Z][\w.]*\.?)(?:\s[A-Z][\w.]*\.?){0,2})")
_NEXT_WORD = re.compile(r"\s+(\w+)")


@dataclass(frozen=True, slots=True)
class Resolution:
    """The chosen entry for one name (``None`` when unknown) and its confidence."""

    entry: Entry | None
    confidence: float
    level: str | None = None  # "admin" or "town" when a level word follows


def _containers(text: str, end: int) -> set[tuple[str, str]]:
    """Return ``(country, admin1)`` units named right after ``, `` at ``end``."""
    m = _AFTER.match(text, end)
    if not m:
        return set()
    out = set()
    for e, _ in candidates(m.group(1)):
        if e.level == "country":
            out.add((e.country, ""))
        elif e.level == "admin1":
            out.add((e.country, e.admin1))
    return out


def _km(a: Entry, b: Entry) -> float:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return 1e9
    return km(a.lat, a.lon, b.lat, b.lon)


def _prior(e: Entry, exact: bool, w: dict) -> float:
    feat = w["feature"].get(e.feature_code, 0.0)
    if not exact:
        feat *= w["alternate_feature"]
    if e.feature_class == "A":  # a parish of 5,000 people is no Texas
        feat *= min(1.0, math.log10(e.population + 1) / w["admin_full_log_population"])
    return (
        exact * w["exact_name"]
        + feat
        + w["log_population"] * math.log10(e.population + 1)
    )


@dataclass(frozen=True, slots=True)
class _Known:
    """ISO2 codes of the actors' countries, the outlet's home, demonym countries."""

    actors: set[str]
    homes: set[str]
    named: set[str]


def resolve(
    names_with_spans: Sequence[tuple[str, int, int]],
    text: str,
    *,
    countries: Iterable[str] = (),
    home: str | None = None,
    mentioned: Iterable[str] = (),
) -> list[Resolution]:
    """Resolve ``(name, start, end)`` mentions of ``text``, each the others' context."""
    lex = knobs()
    w = lex["weights"]
    known = _Known(iso2(countries), iso2([home] if home else []), set(mentioned))
    keys = [norm(n) for n, _, _ in names_with_spans]
    cands, exact = _readings(names_with_spans, keys, w)
    bonus, levels = _bonuses(names_with_spans, keys, text, cands, exact, lex)
    choice = {k: (cs[0][0] if cs else None) for k, cs in cands.items()}
    # names known only by alternate or inner names give no context
    weak = {
        k
        for k, cs in cands.items()
        if not any(exact[k].get(e.geonames_id) for e, _ in cs)
    }
    units = _units(cands, w)
    scores: dict[str, list[tuple[Entry, float]]] = {}
    for _ in range(2):
        for key, cs in cands.items():
            scores[key] = _score(key, cs, choice, weak, units, bonus[key], known, w)
        choice = {
            k: (s[0][0] if s and s[0][1] >= w["min_score"] else None)
            for k, s in scores.items()
        }
    out = [
        _resolution(scores.get(key) or [], choice[key], levels.get(key), w)
        for key in keys
    ]
    return _in_town(names_with_spans, out, lex)


def _in_town(
    names: Sequence[tuple[str, int, int]], out: list[Resolution], lex: dict
) -> list[Resolution]:
    """A street or a building the gazetteer does not hold ("Royal Street",
    "the Third Presbyterian Church") is in the town the article names most,
    when one town leads; its confidence is low."""
    heads = frozenset(lex["facilities"]["heads"])
    towns = Counter(
        r.entry.geonames_id for r in out if r.entry and r.entry.level == "point"
    )
    ranked = towns.most_common(2)
    if not ranked or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return out
    town = next(r.entry for r in out if r.entry and r.entry.geonames_id == ranked[0][0])
    conf = lex["facilities"]["confidence"]
    return [
        Resolution(town, conf, r.level)
        if r.entry is None and n.split()[-1].lower().strip(".") in heads
        else r
        for (n, _, _), r in zip(names, out, strict=True)
    ]


def _readings(
    names_with_spans: Sequence[tuple[str, int, int]], keys: list[str], w: dict
) -> tuple[dict[str, list[tuple[Entry, float]]], dict[str, dict[int, bool]]]:
    """Return the best 80 readings of each name with their prior, and which
    readings match a name exactly."""
    cands: dict[str, list[tuple[Entry, float]]] = {}
    exact: dict[str, dict[int, bool]] = {}
    for (name, _, _), key in zip(names_with_spans, keys, strict=True):
        if key not in cands:
            found = candidates(name)
            exact[key] = {e.geonames_id: x for e, x in found if x}
            cs = [(e, _prior(e, x, w)) for e, x in found]
            best: dict[int, tuple[Entry, float]] = {}
            for e, p in cs:
                if e.geonames_id not in best or best[e.geonames_id][1] < p:
                    best[e.geonames_id] = (e, p)
            cands[key] = sorted(best.values(), key=lambda t: -t[1])[:80]
    return cands, exact


def _bonuses(
    names_with_spans: Sequence[tuple[str, int, int]],
    keys: list[str],
    text: str,
    cands: dict[str, list[tuple[Entry, float]]],
    exact: dict[str, dict[int, bool]],
    lex: dict,
) -> tuple[dict[str, dict[int, float]], dict[str, str]]:
    """Return the bonus of each reading from the words around its name (a
    container after a comma, a level word) and the level word of each name."""
    w = lex["weights"]
    bonus: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    levels: dict[str, str] = {}
    for (_, _start, end), key in zip(names_with_spans, keys, strict=True):
        inside = _containers(text, end)
        m = _NEXT_WORD.match(text, end)
        level = lex["level_of"].get(m.group(1).lower()) if m else None
        if level:
            levels[key] = level
        seats = {
            (e.country, e.admin1)
            for e, _ in cands[key]
            if e.level == "admin1" and exact[key].get(e.geonames_id)
        }
        for e, _ in cands[key]:
            b = 0.0
            if not level and e.level == "point" and (e.country, e.admin1) in seats:
                b += w["namesake_seat"]  # bare "Idlib": the city, not the province
            if (e.country, e.admin1) in inside or (e.country, "") in inside:
                b += w["contained"]
            if level and (e.feature_class == "A") == (level == "admin"):
                b += w["level_match"]
            bonus[key][e.geonames_id] = max(bonus[key][e.geonames_id], b)
    return bonus, levels


def _units(
    cands: dict[str, list[tuple[Entry, float]]], w: dict
) -> dict[str, dict[tuple[str, str], float]]:
    """Return the weight of each admin1 unit a name's readings lie in."""
    units: dict[str, dict[tuple[str, str], float]] = {}
    for k, cs in cands.items():
        units[k] = {}
        for e, p in cs:
            u = (e.country, e.admin1)
            if e.admin1 and e.level != "admin1" and u not in units[k]:
                units[k][u] = math.exp((p - cs[0][1]) / w["coherence_temperature"])
    return units


def _score(
    key: str,
    cs: list[tuple[Entry, float]],
    choice: dict[str, Entry | None],
    weak: set[str],
    units: dict[str, dict[tuple[str, str], float]],
    bonus: dict[int, float],
    known: _Known,
    w: dict,
) -> list[tuple[Entry, float]]:
    """Score the readings ``cs`` of ``key`` in the context of the other names'
    current choices and units; return them best first."""
    cc_w: dict[str, float] = defaultdict(float)
    a1_w: dict[tuple[str, str], float] = defaultdict(float)
    points = []
    for other, picked in choice.items():
        if other == key or picked is None or other in weak:
            continue
        e = picked
        cc_w[e.country] += 1.0
        if e.level != "country":
            a1_w[(e.country, e.admin1)] += 1.0
        if e.level in ("point", "admin2"):
            points.append(e)
    support: dict[tuple[str, str], float] = defaultdict(float)
    for other, us in units.items():
        if other != key and other not in weak:
            for u, v in us.items():
                support[u] += v
    scored = []
    for e, p in cs:
        if e.admin1:
            n = support.get((e.country, e.admin1), 0)
            s_ = w["coherence"] * (1 - math.exp(-n))
            p = p + s_
        s = p + bonus[e.geonames_id]
        share = cc_w.get(e.country, 0.0) / max(1.0, sum(cc_w.values()))
        s += w["context_country"] * share
        if e.level != "country":
            a1 = a1_w.get((e.country, e.admin1), 0.0)
            s += w["context_admin1"] * (1 - math.exp(-a1))
        if e.level == "point" and any(_km(e, o) < w["near_km"] for o in points):
            s += w["near"]
        if e.country in known.actors:
            s += w["actor_country"]
        if e.country in known.named:
            s += w["mentioned_country"]
        if e.country in known.homes:
            s += w["home_country"]
        scored.append((e, s))
    scored.sort(key=lambda t: -t[1])
    return scored


def _resolution(
    ranked: list[tuple[Entry, float]], chosen: Entry | None, level: str | None, w: dict
) -> Resolution:
    """The top reading with a softmax confidence, or no entry when none passed."""
    if not ranked or chosen is None:
        return Resolution(None, 0.0, level)
    top = ranked[0][1]
    z = sum(math.exp(v - top) for _, v in ranked[:20])
    conf = (1 / z) * min(1.0, top / (w["min_score"] * 3))
    return Resolution(ranked[0][0], round(conf, 3), level)
