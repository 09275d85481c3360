"""Resolve place names to gazetteer entries with the whole article as context.

Each candidate gets an additive score (weights in ``lexicons/places.toml``):
a prior from the name match, the feature (country > admin1 > capital > town)
and log population, then context from the other names of the article (same
country, same admin1, nearby), containment (``Springfield, Illinois``), a
level word (``Homs province``), the actors' countries and the outlet's home
country. Two rounds let confident names pull ambiguous ones.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportedly.distance import km
from reportedly.extract.actors import lexicon as actor_lexicon
from reportedly.extract.places.gazetteer import Entry, gazetteer, norm
from reportedly.lexicons import load_toml

_AFTER = re.compile(r"\s*,\s*((?:[A-Z][\w.]*\.?)(?:\s[A-Z][\w.]*\.?){0,2})")
_NEXT_WORD = re.compile(r"\s+(\w+)")


@dataclass(frozen=True, slots=True)
class Resolution:
    """The chosen entry for one name (``None`` when unknown) and its confidence."""

    entry: Entry | None
    confidence: float
    level: str | None = None  # "admin" or "town" when a level word follows


@functools.cache
def knobs() -> dict:
    """Return the ``places.toml`` lexicon with derived lookup tables."""
    lex = dict(load_toml("places.toml"))
    lex["level_of"] = {w: k for k, ws in lex["levels"].items() for w in ws}
    demonyms = {}
    for key, country in actor_lexicon().demonyms.items():
        # adjectives and plurals only: the table also lists capitals ("hanoi")
        towns = [e for e, x in gazetteer().lookup(key) if x and e.population > 50_000]
        if not towns and key.endswith(
            ("an", "ish", "ese", "i", "ic", "ch", "ans", "is")
        ):
            demonyms[norm(key)] = country
    demonyms.update(lex["demonyms"])
    lex["demonyms"] = demonyms
    return lex


def iso2(codes: Iterable[str]) -> set[str]:
    """Map ISO alpha-3 (or alpha-2) country codes to alpha-2."""
    g = gazetteer()
    out = set()
    for c in codes:
        c = (c or "").upper()
        if len(c) == 2:
            out.add(c)
        elif c in g.iso3:
            out.add(g.iso3[c])
    return out


def candidates(name: str) -> list[tuple[Entry, bool]]:
    """Return ``(entry, exact)`` readings of ``name``, aliases and demonyms included."""
    g, lex = gazetteer(), knobs()
    key = norm(name)
    if key.startswith("the "):
        key = key[4:]
    if key.endswith(" s") and not g.lookup(key):
        key = key[:-2]
    if key in lex["aliases"]:
        return [(e, True) for e, _ in g.lookup(lex["aliases"][key])]
    found = list(g.lookup(key))
    if key in lex["us_states"] and (name.endswith(".") or name.isupper()):
        state = lex["us_states"][key]
        found += [(e, True) for e, _ in g.lookup(state) if e.feature_code == "ADM1"]
    if key not in lex["demonyms"] and key[:-1] in lex["demonyms"]:
        key = key[:-1]  # plural demonyms: "Canadians"
    if key in lex["demonyms"]:
        big = ("country", "admin1", "region")
        target = norm(lex["demonyms"][key])
        named = g.lookup(lex["aliases"].get(target, target))
        found = [(e, True) for e, _ in named if e.level in big] + [
            (e, False) for e, _ in found
        ]
    words = key.split()
    if len(words) > 1 and words[-1] in lex["level_of"]:
        kind = lex["level_of"][words[-1]]
        base = g.lookup(" ".join(words[:-1]))
        found += [
            (e, x) for e, x in base if (e.feature_class == "A") == (kind == "admin")
        ]
    if not found and len(words) > 1:
        found = _inner(words)
    return found


def _inner(words: list[str]) -> list[tuple[Entry, bool]]:
    """Return readings of the longest place name inside a longer one.

    "Dubai World Cup" or "Colorado State University" sit in the place they
    name; only countries, admin units and towns of 10,000 people count, and
    the match is never exact.
    """
    stop = knobs()["stop"]["words"]
    for size in range(len(words) - 1, 0, -1):
        found = []
        for i in range(len(words) - size + 1):
            part = " ".join(words[i : i + size])
            if part in stop or len(part) < 3 and part not in knobs()["aliases"]:
                continue
            if part in knobs()["demonyms"]:
                continue  # "Syrian Observatory" is no place in Syria
            found += [
                (e, False)
                for e, x in candidates(part)
                if x and (e.level != "point" or e.population >= 10_000)
            ]
        if found:
            return found
    return []


def demonym_countries(words: Iterable[str]) -> set[str]:
    """Return the ISO alpha-2 codes of the countries that demonyms in ``words`` name."""
    lex, out = knobs(), set()
    for word in words:
        country = lex["demonyms"].get(norm(word))
        for e, _ in gazetteer().lookup(country) if country else ():
            if e.level == "country":
                out.add(e.country)
    return out


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
    actors = iso2(countries)
    homes = iso2([home] if home else [])
    named = set(mentioned)
    keys = [norm(n) for n, _, _ in names_with_spans]
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
    choice = {k: (cs[0][0] if cs else None) for k, cs in cands.items()}
    # names known only by alternate or inner names give no context
    weak = {
        k
        for k, cs in cands.items()
        if not any(exact[k].get(e.geonames_id) for e, _ in cs)
    }
    units: dict[str, dict[tuple[str, str], float]] = {}
    for k, cs in cands.items():
        units[k] = {}
        for e, p in cs:
            u = (e.country, e.admin1)
            if e.admin1 and e.level != "admin1" and u not in units[k]:
                units[k][u] = math.exp((p - cs[0][1]) / w["coherence_temperature"])
    scores: dict[str, list[tuple[Entry, float]]] = {}
    for _ in range(2):
        for key, cs in cands.items():
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
                s = p + bonus[key][e.geonames_id]
                share = cc_w.get(e.country, 0.0) / max(1.0, sum(cc_w.values()))
                s += w["context_country"] * share
                if e.level != "country":
                    a1 = a1_w.get((e.country, e.admin1), 0.0)
                    s += w["context_admin1"] * (1 - math.exp(-a1))
                if e.level == "point" and any(_km(e, o) < w["near_km"] for o in points):
                    s += w["near"]
                if e.country in actors:
                    s += w["actor_country"]
                if e.country in named:
                    s += w["mentioned_country"]
                if e.country in homes:
                    s += w["home_country"]
                scored.append((e, s))
            scored.sort(key=lambda t: -t[1])
            scores[key] = scored
        choice = {
            k: (s[0][0] if s and s[0][1] >= w["min_score"] else None)
            for k, s in scores.items()
        }
    out = []
    for key in keys:
        ranked = scores.get(key) or []
        if not ranked or choice[key] is None:
            out.append(Resolution(None, 0.0, levels.get(key)))
            continue
        top = ranked[0][1]
        z = sum(math.exp(v - top) for _, v in ranked[:20])
        conf = (1 / z) * min(1.0, top / (w["min_score"] * 3))
        out.append(Resolution(ranked[0][0], round(conf, 3), levels.get(key)))
    return out
