"""Which recognised and resolved place names stay places.

Doubtful names (people's or organisations' names that may be places) stay
when they resolve well; loose readings stay only near the article's other
places; unresolved names stay only with spaCy's place label.
"""

from __future__ import annotations

from collections import Counter

from reportedly.distance import km
from reportedly.extract.places._rank import Resolution
from reportedly.extract.places._readings import candidates, fuzzy, knobs
from reportedly.extract.places._recognise import LABELS, _people, cued
from reportedly.extract.places._variants import lexicon
from reportedly.extract.places.gazetteer import norm

_NEAR_CHARS = 100  # a country named this close to a town vouches for it


def place_key(name: str) -> str:
    key = norm(name)
    return key[4:] if key.startswith("the ") else key


def trusted(
    names: list[tuple[str, int, int]],
    res: list[Resolution],
    doubtful: set[tuple[int, int]],
) -> tuple[list[tuple[str, int, int]], list[Resolution]]:
    """Drop doubtful names (people's or organisations' names that may be
    places) unless they resolve to a country or an admin unit, or to a town
    in a country the article's other places are in, or, in an article that
    names no other place, to a city named at least twice ("Gainesville
    residents ... Gainesville's mayor"); and long unresolved names."""
    seen = Counter(n for n, _, _ in names)
    least = knobs()["associative"]["lone_city_population"]
    sure = {
        r.entry.country
        for (_, s, e), r in zip(names, res, strict=True)
        if r.entry and (s, e) not in doubtful
    }
    keep = [
        (
            (s, e) not in doubtful
            or (
                r.entry is not None
                and (
                    r.entry.level in ("country", "admin1", "region")
                    or r.entry.level in ("point", "admin2")
                    and r.entry.country in sure
                    or not sure
                    and r.entry.population >= least
                    and seen[n] >= 2
                )
            )
        )
        # long unresolved names are organisations spaCy took for places
        and (r.entry is not None or len(n.split()) <= 3)
        for (n, s, e), r in zip(names, res, strict=True)
    ]
    return _select(names, res, keep)


def labelled(
    names: list[tuple[str, int, int]],
    res: list[Resolution],
    ents: tuple,
    kinds: dict[tuple[int, int], str],
) -> tuple[list[tuple[str, int, int]], list[Resolution]]:
    """Keep unresolved names only where spaCy's place label makes them places:
    a name the gazetteer alone suggested ("Ski said", "Much of") is none."""
    labelled = [(e.start_char, e.end_char) for e in ents if e.label_ in LABELS]
    kept = [
        r.entry is not None
        or (kinds[(s, e)] == "name" and any(a <= s and e <= b for a, b in labelled))
        for (_, s, e), r in zip(names, res, strict=True)
    ]
    return _select(names, res, kept)


def _select(
    names: list[tuple[str, int, int]], res: list[Resolution], keep: list[bool]
) -> tuple[list[tuple[str, int, int]], list[Resolution]]:
    pairs = [(n, r) for n, r, k in zip(names, res, keep, strict=True) if k]
    return [n for n, _ in pairs], [r for _, r in pairs]


def vet(
    names: list[tuple[str, int, int]],
    res: list[Resolution],
    text: str,
    ents: tuple,
    focus: set[str],
) -> tuple[list[tuple[str, int, int]], list[Resolution]]:
    """Drop readings and mentions that only a loose match makes places.

    A name read by its consonant skeleton alone keeps its reading only in a
    country of the article's other (exactly read) places, its actors or its
    demonyms, and uncued only when its spelling is close; otherwise an
    uncued one is no place ("Erdogan said" is no Ardahan). A word of a
    person's name is no place unless a cue introduces it. A reading under
    another name (alternate or skeleton) far from all the article's other
    places is dropped.
    """
    people = _people(ents)
    outer = set(focus)
    close = lexicon()["transliteration"]["uncued_similarity"]
    loose = [fuzzy(n) for n, _, _ in names]
    keys = [place_key(n) for n, _, _ in names]
    out_n, out_r = [], []
    for i, ((name, s, e), r, f) in enumerate(zip(names, res, loose, strict=True)):
        cue = cued(text, s, e)
        big = r.entry is not None and (
            r.entry.level in ("country", "admin1") or r.entry.population >= 100_000
        )
        if not cue and not big and any(w.lower() in people for w in name.split()):
            continue  # "Erdogan" of "Recep Tayyip Erdogan"; "Georgia" stays
        if f and r.entry is not None:
            here = outer | {
                o.entry.country
                for j, o in enumerate(res)
                if keys[j] != keys[i] and o.entry is not None
            }
            ok = r.entry.country in here if here else cue
            if ok and not cue:
                ids = {x.geonames_id for x, _ in candidates(name, least=close)}
                ok = r.entry.geonames_id in ids
            if not ok:
                if not cue:
                    continue
                r = Resolution(None, 0.0, r.level)
        out_n.append((name, s, e))
        out_r.append(r)
    _far(out_n, out_r, outer)
    return out_n, out_r


def _far(
    out_n: list[tuple[str, int, int]], out_r: list[Resolution], outer: set[str]
) -> None:
    """Unresolve, in place, readings under another name far from all the
    article's other places, unless a country named near the name vouches
    for them."""
    far = knobs()["weights"].get("far_km", 1500)
    named = [
        (o.entry.country, n[1])
        for n, o in zip(out_n, out_r, strict=True)
        if o.entry and o.entry.level == "country"
    ]
    for i, ((name, _, _), r) in enumerate(zip(out_n, out_r, strict=True)):
        ent = r.entry
        if ent is None or ent.level not in ("point", "admin2"):
            continue
        if ent.lat is None or ent.lon is None:
            # no point to measure: only in a country the article is about
            near = set(outer) | {
                o.entry.country
                for j, o in enumerate(out_r)
                if j != i and o.entry is not None
            }
            if near and ent.country not in near:
                out_r[i] = Resolution(None, 0.0, r.level)
            continue
        big = ent.feature_code == "PPLC" or ent.population >= 100_000
        if big and not fuzzy(name):
            continue  # exact or not, a capital or a large city may be far
        near_by = {c for c, at in named if abs(at - out_n[i][1]) <= _NEAR_CHARS}
        if ent.country in near_by and not fuzzy(name):
            continue  # "Manbij, northern Syria" in a story told from Texas
        others: list[tuple[float, float]] = []
        for j, o in enumerate(out_r):
            other = o.entry
            if j == i or other is None or other.level == "country":
                continue
            if other.lat is not None and other.lon is not None:
                others.append((other.lat, other.lon))
        if others and all(km(ent.lat, ent.lon, la, lo) > far for la, lo in others):
            out_r[i] = Resolution(None, 0.0, r.level)
