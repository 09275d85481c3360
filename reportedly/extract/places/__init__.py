"""Find the places an article names and resolve them to GeoNames.

Recognition (``_recognise``) takes spaCy's GPE/LOC/FAC entities, entities
with other labels that a place cue introduces or an Arabic article shapes,
and capitalised token sequences outside entities that the gazetteer reads as
places, under their spelling or a transliteration variant (``_variants``);
the cue words, articles, transliteration rules and junk names are in
``lexicons/place_names.toml``. Each mention keeps its precision and hints: a
directional or relative word before it (``northern Homs``, ``east of
Palmyra``) or a level word after it (``Homs province``). Resolution is
``_rank.resolve`` with every mention of the article as context, against the
offline GeoNames database of ``gazetteer``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reportedly.extract._draft import Draft, Extractor
from reportedly.extract.places import _associative as _by_kind
from reportedly.extract.places import _filters
from reportedly.extract.places._rank import resolve
from reportedly.extract.places._readings import demonym_countries, iso2, knobs
from reportedly.extract.places._recognise import cued
from reportedly.extract.places._recognise import doubtful as _doubtful
from reportedly.extract.places._recognise import lone as _lone
from reportedly.extract.places._recognise import spans as _spans
from reportedly.extract.places._variants import lexicon
from reportedly.model import Article, Place, Span, stable_id

NAME = "places.v1"
VERSION = NAME

__all__ = ["NAME", "PLACES", "VERSION", "PlaceMention", "places", "resolve"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceMention:
    """One span naming a place, with its precision and qualifying hint."""

    span: Span
    place_id: str | None
    precision: str  # point | admin2 | admin1 | country | region
    hint: str | None = None
    hint_span: Span | None = None
    # name | demonym ("Israeli") | in_name ("Oxford City Council"): only a
    # name says where something happened
    kind: str = "name"

    def to_dict(self) -> dict[str, Any]:
        return {
            "span": self.span.to_dict(),
            "place_id": self.place_id,
            "precision": self.precision,
            "kind": self.kind,
            "hint": self.hint,
            "hint_span": self.hint_span.to_dict() if self.hint_span else None,
        }


@functools.cache
def _words() -> tuple[frozenset[str], tuple[str, ...]]:
    lex = knobs()
    direction = frozenset(lex["hints"]["directional"])
    relative = tuple(sorted(lex["hints"]["relative"], key=lambda s: -len(s)))
    return direction, relative


def _hint(text: str, start: int, end: int, level: str | None) -> tuple:
    """Return ``(hint, hint_start, hint_end)`` for the mention ``start:end``."""
    direction, relative = _words()
    before = text[max(0, start - 40) : start].lower()
    for phrase in relative:
        if before.endswith(phrase + " "):
            return phrase, start - len(phrase) - 1, end
    words = before.split()
    if words and words[-1] in direction and before.endswith(" "):
        return words[-1], start - len(words[-1]) - 1, end
    last = text[start:end].split()[-1].lower()
    if last in knobs()["level_of"] and " " in text[start:end]:
        return last, start, end
    if level:
        rest = text[end : end + 30].split()
        if rest and rest[0].lower() in knobs()["level_of"]:
            word = rest[0]
            s = text.index(word, end)
            return word.lower(), start, s + len(word)
    return None, start, end


def places(
    doc: Any,
    article: Article,
    *,
    countries: Iterable[str] = (),
    home: str | None = None,
) -> tuple[list[Place], list[PlaceMention]]:
    """Return the article's places (one per location) and every mention of them."""
    text = article.text
    ents = tuple(doc.ents)
    found = _spans(doc, ents)
    alone = _lone(doc, ents) - set(found)
    kinds = _by_kind.kinds(doc, ents, text, found + sorted(alone))
    spans = sorted(kinds)
    # a place cue ("south of Homs", "the town of Palmyra") settles a doubt
    doubtful = {x for x in _doubtful(doc, ents) | alone if not cued(text, x[0], x[1])}
    names = [(text[s:e], s, e) for s, e in spans]
    norp = demonym_countries(e.text for e in ents if e.label_ == "NORP")
    res = resolve(names, text, countries=countries, home=home, mentioned=norp)
    names, res = _filters.trusted(names, res, doubtful)
    names, res = _filters.vet(names, res, text, ents, iso2(countries) | norp)
    names, res = _filters.labelled(names, res, ents, kinds)
    groups: dict[str, list] = {}
    mentions = []
    for (name, s, e), r in zip(names, res, strict=True):
        ent = r.entry
        key = f"gn:{ent.geonames_id}" if ent else f"name:{name.lower()}"
        pid = stable_id("place", key)
        groups.setdefault(pid, []).append((s, e, r))
        hint, hs, he = _hint(text, s, e, r.level)
        precision = ent.level if ent else "point"
        if not ent and _filters.place_key(name) in lexicon()["regions"]:
            precision = "region"
        mentions.append(
            PlaceMention(
                span=Span.of(text, s, e),
                place_id=pid,
                precision=precision,
                hint=hint,
                hint_span=Span.of(text, hs, he) if hint else None,
                kind=kinds[(s, e)],
            )
        )
    out = []
    for pid, items in groups.items():
        s, e, r = items[0]
        ent = r.entry
        out.append(
            Place(
                id=pid,
                name=ent.name if ent else text[s:e],
                geonames_id=ent.geonames_id if ent else None,
                country=ent.country or None if ent else None,
                lat=ent.lat if ent else None,
                lon=ent.lon if ent else None,
                feature=ent.feature if ent else None,
                admin1=(ent.admin1 or None) if ent else None,
                population=ent.population if ent else None,
                confidence=max(x[2].confidence for x in items),
                mentions=tuple(Span.of(text, a, b) for a, b, _ in items),
            )
        )
    return out, mentions


def _run(draft: Draft) -> None:
    """Places resolved in the context of the countries of the article's actors."""
    countries = sorted({a.country for a in draft.actors if a.country})
    draft.places, draft.place_mentions = places(
        draft.doc, draft.article, countries=countries
    )


PLACES = Extractor("places", VERSION, _run)
