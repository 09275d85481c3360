"""Readings of a place name: the gazetteer entries it may stand for.

A name is looked up as written and normalised, through the aliases of
``lexicons/places.toml`` (``U.S.`` and state abbreviations), as a demonym
(``Syrian`` reads as Syria), with a level word (``Homs province``) and,
when nothing else matches, by the longest place name inside it (``Dubai
World Cup``). ``knobs()`` holds the lexicon with its derived tables.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from reportedly.extract.actors import lexicon as actor_lexicon
from reportedly.extract.places._variants import (
    article_keys,
    english,
    lexicon,
    skeleton_readings,
)
from reportedly.extract.places.gazetteer import Entry, gazetteer, norm
from reportedly.lexicons import load_toml


@functools.cache
def knobs() -> dict:
    """Return the ``places.toml`` lexicon with derived lookup tables.

    Read once per process: the demonyms it derives from the gazetteer are the
    same in every gazetteer file of one version, whatever its directory.
    """
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


def candidates(
    name: str, *, least: float = 0.0, spelled: bool = True
) -> list[tuple[Entry, bool]]:
    """Return ``(entry, exact)`` readings of ``name`` (see ``_candidates``)."""
    return list(_candidates(name, least, spelled))


@functools.lru_cache(maxsize=65536)
def _candidates(name: str, least: float, spelled: bool) -> tuple:
    """Return ``(entry, exact)`` readings of ``name``, aliases and demonyms included.

    Other spellings count when the name has no reading as written (and
    ``spelled``), a transliteration variant only when its spelling is
    ``least`` close. Cached: an article set names the same places again.
    """
    g, lex = gazetteer(), knobs()
    key = norm(name)
    if key.startswith("the "):
        key = key[4:]
    if key.endswith(" s") and not g.lookup(key):
        key = key[:-2]
    if key in lex["aliases"]:
        return tuple((e, True) for e, _ in g.lookup(lex["aliases"][key]))
    if key in lexicon()["junk_names"] or key in lexicon()["regions"]:
        return ()  # "United Nations", "Village", "Gulf": never a place alone
    found = list(g.lookup(key))
    if " " not in key and english(key):
        # "Headquarters" is an alternate name of Stansted: a common word
        # reads only as a place of its own name, under an exonym of a place
        # where names are transliterated ("Palmyra" is Tadmur) or as a town
        far = frozenset(lexicon()["transliteration"]["countries"])
        found = [
            (e, x)
            for e, x in found
            if x
            or e.country in far
            or e.population >= lexicon()["junk"]["common_word_town"]
            or e.feature_code == "RGN"  # "Donbass" is the Donbas
        ]
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
    if not found and spelled:
        found = variants(key, least)
        if found and not any(g.lookup(k) for k in article_keys(key)):
            _FUZZY.add(name)
    if not found and len(words) > 1:
        found = _inner(words)
    return tuple(found)


_FUZZY: set[str] = set()


def fuzzy(name: str) -> bool:
    """Return whether ``name`` reads as places only by its consonant skeleton."""
    candidates(name)
    return name in _FUZZY


def variants(key: str, least: float = 0.0) -> list[tuple[Entry, bool]]:
    """Return readings of ``key`` under other spellings: with or without an
    Arabic article (as exact as the gazetteer says), else by transliteration."""
    g = gazetteer()
    for alt in article_keys(key):
        found = list(g.lookup(alt))
        if found:
            return found
    return skeleton_readings(key, least)


def _inner(words: list[str]) -> list[tuple[Entry, bool]]:
    """Return readings of the longest place name inside a longer one.

    "Dubai World Cup" or "Colorado State University" sit in the place they
    name; only countries, admin units and towns of 10,000 people count, and
    the match is never exact.
    """
    stop = knobs()["stop"]["words"]
    junk = lexicon()["junk_inner"] | lexicon()["junk_names"]
    for size in range(len(words) - 1, 0, -1):
        found = []
        for i in range(len(words) - size + 1):
            part = " ".join(words[i : i + size])
            if part in stop or len(part) < 3 and part not in knobs()["aliases"]:
                continue
            if part in junk or part in knobs()["level_of"]:
                continue  # "Kennedy Center", "Safiyeh village", "Persian Gulf"
            if part in knobs()["demonyms"]:
                continue  # "Syrian Observatory" is no place in Syria
            common = " " not in part and english(part)  # "Ain" (France)
            found += [
                (e, False)
                for e, x in candidates(part, spelled=False)
                if x
                and (e.level != "point" or e.population >= 10_000)
                and not (common and e.level == "admin2")
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
