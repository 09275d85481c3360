"""Code an actor phrase: canonical name, kind, ISO 3166 alpha-3 country, sector.

The knowledge is data: every ISO country name (pycountry), ``demonyms.tsv``,
``actor_dictionary.tsv`` (variants of countries, groups, IGOs, media, leaders),
``actor_sectors.tsv`` (head nouns and role words -> sector) and, when the
current ``Resources`` name an ``actors_file`` with the columns of
``actor_dictionary.tsv``, the user's own rows (they win). All of it is read once
per actor file; a phrase then costs a few dictionary look-ups on its word n-grams.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

from reportedly.extract._resources import current
from reportedly.extract.actors._dictionary import (
    INTERNATIONAL,
    Coded,
    Tables,
    tables,
    tables_for,
)
from reportedly.extract.actors._lexicon import norm

__all__ = ["Coded", "as_former", "code_actor", "code_parts", "countries_in"]
# sectors of an office; held before, they make an elite (ELI)
OFFICES = frozenset(["GOV", "LEG", "JUD", "PTY", "OPP", "IGO", "ELI"])
MAX_TOKENS = 40
# words that end the head part of a phrase: "rebels in the Ivory Coast"
BREAKS = frozenset(
    ["of", "in", "for", "from", "at", "on", "near", "with", "to", "by"]
    + ["who", "which", "that", ",", "-", "–"]
)
# hyphen markers: "U.S.-backed rebels", "pro-Iranian Hizbollah"
BACKED = re.compile(r"^(.+?)-(backed|led|supported|sponsored|allied|aligned)$")
PRO = re.compile(r"^(pro|anti|ex)-(.+)$")
_TOKEN = re.compile(r"[^\s,;:()\[\]\"“”]+|,")
_POSS = re.compile(r"(?:'s|’s|'|’)$")
_PARENS = re.compile(r"\([^()]*\)?")


@dataclass(slots=True)
class _Tok:
    low: str
    orig: str
    mark: str = ""  # "backed" | "pro" | "anti" for hyphen markers


def _tokens(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    for raw in _TOKEN.findall(text)[:MAX_TOKENS]:
        word = _POSS.sub("", raw) if len(raw) > 2 else raw
        low = word.lower()
        m = BACKED.match(low)
        if m:
            toks.append(_Tok(m.group(1), word[: len(m.group(1))], "backed"))
            continue
        m = PRO.match(low)
        if m:
            toks.append(_Tok(m.group(2), word[len(m.group(1)) + 1 :], m.group(1)))
            continue
        toks.append(_Tok(low, word))
    return toks


def _cased(orig: str, key: str) -> bool:
    """Names are capitalised; short alphabetic acronyms (IS, UN, AP) in capitals."""
    if key.isalpha() and len(key) <= 3:
        return orig.isupper()
    return any(ch.isupper() for ch in orig)


def _lookup(table: dict, key: str) -> object | None:
    hit = table.get(key)
    if hit is None and key.endswith("."):
        hit = table.get(key[:-1])
    return hit


def _matches(toks: list[_Tok], t: Tables, cased: bool) -> list[tuple[int, int, Coded]]:
    """Greedy longest-first dictionary matches, left to right."""
    out, i = [], 0
    while i < len(toks):
        for n in range(min(t.max_words, len(toks) - i), 0, -1):
            if n > 1 and any(x.mark for x in toks[i + 1 : i + n]):
                continue
            key = " ".join(x.low for x in toks[i : i + n])
            hit = _lookup(t.entries, key)
            orig = " ".join(x.orig for x in toks[i : i + n])
            if isinstance(hit, Coded) and (not cased or _cased(orig, key)):
                out.append((i, i + n, hit))
                i += n
                break
        else:
            i += 1
    return out


def _sector_word(toks: list[_Tok], head: int, t: Tables) -> tuple[str, str] | None:
    """The sector of the head noun (two-word heads first, then plural-less)."""
    for n in (3, 2, 1):
        if head - n + 1 < 0:
            continue
        key = " ".join(x.low for x in toks[head - n + 1 : head + 1])
        for k in (key, key[:-1] if key.endswith("s") else key):
            sec = _lookup(t.sectors, k)
            if isinstance(sec, str):
                return k, sec
    return None


def _head_end(toks: list[_Tok], spans: list[tuple[int, int, Coded]], t: Tables) -> int:
    """Index just past the head part: up to the first break word outside a name."""
    inside = {k for a, b, _ in spans for k in range(a, b)}
    for k, tok in enumerate(toks):
        if k > 0 and tok.low in BREAKS and k not in inside:
            if tok.low == "of" and toks[k - 1].low in t.collective:
                continue  # "hundreds of people", "members of Hezbollah"
            return k
    return len(toks)


def code_actor(text: str, *, context_country: str | None = None) -> Coded | None:
    """Code an actor phrase, or return None when nothing in it is known.

    ``context_country`` (ISO3) is the country of a phrase that names none
    itself: ``the army`` in an article about Russia. The actor file of the
    current ``Resources`` extends the dictionary.
    """
    return _code(current().actors_file, text, context_country)


@functools.lru_cache(maxsize=4096)
def _code(extra: Path | None, text: str, context_country: str | None) -> Coded | None:
    """``code_actor`` with the dictionary extended by the actor file ``extra``."""
    t = tables_for(extra)
    cleaned = " ".join(_PARENS.sub(" ", text).split())
    if cleaned.lower().startswith("the "):
        cleaned = cleaned[4:]
    if not cleaned:
        return None
    if ", " in cleaned:  # "Harry Tseng, Taiwan's deputy foreign minister"
        return _merge(
            [_code(extra, p, context_country) for p in cleaned.split(", ")],
            cleaned,
        )
    cased = any(ch.isupper() for ch in cleaned)
    whole = _lookup(t.entries, norm(cleaned))
    if isinstance(whole, Coded) and (not cased or _cased(cleaned, norm(cleaned))):
        return whole
    toks = _tokens(cleaned)
    while toks and toks[-1].low in BREAKS:
        toks.pop()
    if not toks:
        return None
    spans = _matches(toks, t, cased)
    end = _head_end(toks, spans, t)
    head = end - 1
    head_ent = next((e for a, b, e in spans if a <= head < b), None)
    mods = [(a, e) for a, b, e in spans if e is not head_ent]
    backers = [e for a, e in mods if toks[a].mark in ("backed", "pro")]
    plain = [e for a, e in mods if not toks[a].mark]
    word = None if head_ent else _sector_word(toks, head, t)
    roles = [
        s
        for k in range(end)
        for n in (3, 2, 1)
        if k + n <= end
        if (s := t.sectors.get(" ".join(x.low for x in toks[k : k + n])))
    ]
    orgs = [e for e in plain if e.kind != "country" and e.sector]
    if head_ent is not None and head_ent.sector and head_ent.kind != "country":
        sector: str | None = head_ent.sector
    elif word and orgs and word[0] in t.members:
        sector = orgs[0].sector  # "Hezbollah leader", "Pentagon officials"
    elif word and word[1]:
        sector = word[1]
    elif orgs:
        sector = orgs[0].sector
    elif roles:
        sector = roles[0]
    else:
        sector = head_ent.sector if head_ent else None
    located = [e for e in ([head_ent] if head_ent else []) + plain if e.code]
    country = next((e.country for e in located if e.country), None)
    scope = None if country else next((e.scope for e in located if e.scope), None)
    if country is None and scope is None and sector:
        country = context_country
    if sector and any(x.low in t.former or x.mark == "ex" for x in toks[:end]):
        sector = _former_sector(sector, t)  # "former minister": ELI
    if head_ent is None and not spans and sector is None:
        return None
    backer = next((e.country or e.scope for e in backers if e.code), None)
    if head_ent and len(spans) == 1 and spans[0][:2] == (0, len(toks)):
        kind, name = head_ent.kind, head_ent.name
    else:
        kind = head_ent.kind if head_ent else _kind(toks[head], sector, word is None)
        name = cleaned
    return Coded(name, kind, country, sector, backer, scope)


def _former_sector(sector: str, t: Tables) -> str | None:
    """A former office holder is an elite (ELI); a former soldier or
    militant is no longer of that sector."""
    former = t.sectors["former"]
    return former if sector in OFFICES else None


def as_former(coded: Coded) -> Coded:
    """The code of someone who held an office before (``former President``)."""
    t = tables()
    return replace(coded, sector=_former_sector(coded.sector or "", t))


def _merge(parts: list[Coded | None], name: str) -> Coded | None:
    """One code for comma-separated parts: the first country, the first sector."""
    found = [p for p in parts if p is not None]
    if not found:
        return None
    first = found[0]
    return Coded(
        name if len(found) > 1 else first.name,
        first.kind,
        next((p.country for p in found if p.country), None),
        next((p.sector for p in found if p.sector), None),
        next((p.backer for p in found if p.backer), None),
        next((p.scope for p in found if p.scope), None),
    )


def _kind(tok: _Tok, sector: str | None, named: bool) -> str:
    if named and any(c.isupper() for c in tok.orig) and tok.low[-1:] != "s":
        return "person"  # "President Omar al-Bashir"
    if sector is None:
        return "unknown"
    if sector == "MED":
        return "media"
    return (
        "group"
        if tok.low.endswith("s") and not tok.low.endswith("ss")
        else ("organization")
    )


def countries_in(text: str) -> list[str]:
    """ISO3 codes of the countries, capitals and demonyms named in ``text``."""
    toks = _tokens(text)
    return [e.country for _, _, e in _matches(toks, tables(), True) if e.country]


def code_parts(
    name: str,
    *,
    kind: str,
    role: str | None = None,
    affiliation: str | None = None,
) -> Coded | None:
    """Code an actor record from its name, role and affiliation.

    A person is coded by a known name (``Bashar al-Assad``), else by the role
    (``President``) in the affiliation's country; a generic member role
    (``leader``, ``official``) takes the sector of its organisation (``Tory
    leader`` -> PTY, ``opposition leader`` -> OPP). No country is read out of
    a person's name itself (``Michael Jordan`` is not Jordan).
    """
    aff = code_actor(affiliation) if affiliation else None
    ctx = aff.code if aff else None
    if kind != "person":
        own = code_actor(name, context_country=ctx)
        if own is None and aff is not None and aff.kind == "country":
            # "the Britain-based organisation": an organisation of that
            # country, not the country itself
            return replace(aff, name=name, kind=kind)
        return own if own is not None else aff
    t = tables()
    key = norm(name)
    known = t.entries.get(key) or t.entries.get(key.split(" ")[-1])
    if known is not None and known.kind == "person":
        return replace(known, name=name)
    by_role = code_actor(role, context_country=ctx) if role else None
    country = (by_role and by_role.code) or ctx
    sector = by_role.sector if by_role else None
    party = aff.sector if aff is not None and aff.kind != "country" else None
    if party and (sector is None or norm(role or "") in t.members):
        sector = party  # "Tory leader": the party's (PTY), "opposition": OPP
    if country is None and sector is None:
        return None
    scope = country if country in INTERNATIONAL else None
    return Coded(name, "person", None if scope else country, sector, scope=scope)
