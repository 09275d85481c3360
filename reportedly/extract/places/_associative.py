"""Place names that are not the name of an entity spaCy calls a place.

Three kinds, each a ``kind`` of the mention:

- ``demonym``: a people's adjective or plural that stands for its country or
  region ("Israeli officials", "Palestinians", "European countries"), from
  the demonym tables (``demonyms.tsv``, ``places.toml [demonyms]``), and a
  union named for its region ("the EU").
- ``in_name``: a place name inside the name of an organisation, a building,
  an event or a work ("Oxford City Council", "the University of Kentucky",
  "Zimbabwe Tourism Authority", "British Waterways"): a country, an admin
  unit, a region or a town of ``[associative] min_population`` people, read
  exactly by the gazetteer, and no word of a person's name.
- ``name``: a dateline in capitals at the start of a paragraph or a
  sentence, before ", Capital", ": Capital", "(" or a dash ("ALBUQUERQUE,
  N.M. (AP) -", "TORONTO -", "BEIRUT: ..."), which is where the story was
  filed and so a place like any other.

Demonyms and names inside names tell whose or which, not where: they are
places the article refers to, never an event's location (see
``events/__init__._run_event_places``).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from reportedly.extract._spans import doc_text
from reportedly.extract.actors._gender import first_name_gender
from reportedly.extract.places._readings import candidates, knobs
from reportedly.extract.places._recognise import _people
from reportedly.extract.places._variants import english, lexicon
from reportedly.extract.places.gazetteer import norm

# labels whose entities may carry a place name inside them
_NAMED = frozenset({"ORG", "PERSON", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "FAC"})
_BIG = frozenset({"country", "admin1", "admin2", "region"})
_LARGE = frozenset({"country", "region"})
_MAX = 4  # words of a place name inside another name ("New South Wales")
# at a paragraph's or a sentence's start, before ", Capital", "(" or a dash
_DATELINE = re.compile(
    r"(?m)(?:^[ \t]*|(?<=[.!?] ))([A-Z][A-Z'’]+(?:[ .\-]+[A-Z][A-Z'’]*\.?){0,3})"
    r"(?=[ \t]*(?:,[ \t]+[A-Z]|:[ \t]+[A-Z]|\(|—|–|\x97|--| - ))"
)


@functools.cache
def _settings() -> dict:
    return knobs()["associative"]


def demonyms(doc: Any, ents: tuple) -> list[tuple[int, int]]:
    """Return NORP entities that are demonyms of a country or region, each
    part of a hyphenated pair on its own ("Israeli-Egyptian")."""
    out = []
    for ent in ents:
        if ent.label_ not in ("NORP", "ORG"):
            continue  # an organisation only as a whole: "the EU"
        start = ent.start + (ent[0].lower_ == "the")
        if start >= ent.end:
            continue
        s, e = doc[start].idx, ent.end_char
        text = doc_text(doc)[s:e]
        if is_demonym(text):
            out.append((s, e))
        elif "-" in text and ent.label_ == "NORP":
            at = s
            for part in text.split("-"):
                if is_demonym(part):
                    out.append((at, at + len(part)))
                at += len(part) + 1
    return out


def is_demonym(text: str) -> bool:
    """Return whether ``text`` is a demonym ("Israeli", "Palestinians")."""
    key, table = norm(text), knobs()["demonyms"]
    return key in table or (key.endswith("s") and key[:-1] in table)


def in_names(doc: Any, ents: tuple, people: set[str]) -> list[tuple[int, int]]:
    """Return place names inside the names of organisations and the like."""
    out = []
    for ent in ents:
        if ent.label_ not in _NAMED or len(ent) < 2:
            continue
        start = ent.start + (ent[0].lower_ == "the")
        i = start
        while i < ent.end:
            found = None
            for j in range(min(ent.end, i + _MAX), i, -1):
                if (i, j) == (start, ent.end):
                    continue  # the whole name is the organisation's
                if _reads(doc[i:j], people):
                    found = j
                    break
            if found is None:
                i += 1
                continue
            out.append((doc[i].idx, doc[found - 1].idx + len(doc[found - 1].text)))
            i = found
    return out


def _reads(span: Any, people: set[str]) -> bool:
    """Return whether a run of capitalised words reads exactly as a place."""
    if not all(t.text[:1].isupper() for t in span):
        return False
    if any(t.lower_ in people for t in span):
        return False
    key = norm(span.text)
    if key in knobs()["stop"]["words"] or key in lexicon()["junk_names"]:
        return False
    if key in lexicon()["junk_inner"] or key in knobs()["level_of"]:
        return False
    if span[-1].lower_ in _settings()["not_last"] and len(span) > 1:
        return False  # "Oxford City Council" names Oxford
    if span.start > 0 and span.doc[span.start - 1].lower_ in _settings()["not_after"]:
        return False  # "Operation Olive Branch" is a code name
    if is_demonym(span.text):
        return True
    least, big = _settings()["min_population"], _BIG
    if len(span) == 1 and english(key):
        # "Lakes Edge", "Green Party": a common word is a place inside a
        # name only as a country, a region or a city
        least, big = _settings()["common_word_population"], _LARGE
    elif len(span) == 1 and first_name_gender(span.text):
        # "Leo Thames Newman"; "Georgia Power" stays
        least, big = _settings()["common_word_population"], _LARGE | {"admin1"}
    return any(
        exact and (e.level in big or e.population >= least)
        for e, exact in candidates(span.text, spelled=False)
    )


def datelines(text: str) -> list[tuple[int, int]]:
    """Return place names in capitals that open a paragraph or a sentence
    before a comma, a colon or a dash ("BAIKONUR, Kazakhstan -"), read
    exactly by the gazetteer."""
    out = []
    for m in _DATELINE.finditer(text):
        name = m.group(1).rstrip(" .-")
        if len(name) < 3 or norm(name) in knobs()["stop"]["words"]:
            continue
        if any(exact for _, exact in candidates(name.title(), spelled=False)):
            out.append((m.start(1), m.start(1) + len(name)))
    return out


def kinds(
    doc: Any, ents: tuple, text: str, spans: list[tuple[int, int]]
) -> dict[tuple[int, int], str]:
    """Return every candidate span with its kind: datelines in capitals
    replace what they overlap ("ST. LOUIS" is no "ST" and "LOUIS"); demonyms
    and names inside names count where no other candidate overlaps them."""
    lines = datelines(text)
    out = {
        x: "demonym" if is_demonym(text[x[0] : x[1]]) else "name"
        for x in spans
        if not any(_overlap(x, d) for d in lines)
    }
    out.update((d, "name") for d in lines)
    extra = [(x, "demonym") for x in demonyms(doc, ents)]
    extra += [(x, "in_name") for x in in_names(doc, ents, _people(ents))]
    for x, kind in extra:
        if not any(_overlap(x, y) for y in out):
            out[x] = kind
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
