"""What the text says about two event records of one article (``_merge``):
whether their values allow one happening, and which cue says one retells
the other. Word lists are data in ``lexicons/event_merge.toml``.
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from reportedly.counts import YEAR, bounds, unit_key
from reportedly.extract.actors import code_actor
from reportedly.extract.events._actors import PRONOUNS
from reportedly.lexicons import load_toml
from reportedly.model import Actor, Event, EventArg, Place

_NOUNS = ("NOUN", "PROPN")
_NAMES = ("PERSON", "ORG", "GPE", "NORP")


@functools.cache
def lex() -> dict[str, Any]:
    """The ``[coreference]`` section of ``lexicons/event_merge.toml``."""
    return load_toml("event_merge.toml")["coreference"]


@functools.cache
def words(key: str) -> frozenset[str]:
    """One word list of the lexicon, lower case."""
    return frozenset(w.lower() for w in lex()[key])


@functools.cache
def _pairs(key: str) -> frozenset[frozenset[str]]:
    return frozenset(frozenset(p) for p in lex()[key])


def types_fit(a: str, b: str, key: str = "type_pairs") -> bool:
    """One type, or a pair of types one happening can get (``key``: the
    pairs of any two records, or ``clause_pairs`` of a joined noun too)."""
    if a == b or frozenset((a, b)) in _pairs("type_pairs"):
        return True
    return key != "type_pairs" and frozenset((a, b)) in _pairs(key)


# --- participants ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Party:
    """What identifies a participant: actor id, canonical name, country, nouns."""

    actor_id: str | None
    canon: str | None
    country: str | None
    nouns: frozenset[str]
    weak: bool = False  # a pronoun that can stand for a thing: matches, never clashes
    named: bool = False  # a name (Esper, China), not a kind (army units, terrorists)


def party(arg: EventArg, actors: Mapping[str, Actor], doc: Any) -> Party | None:
    """The participant as compared, or None for an unresolved pronoun."""
    actor = actors.get(arg.actor_id or "")
    if actor is None and arg.span.text.lower() in PRONOUNS:
        return None
    coded = code_actor(actor.name) if actor else None
    span = doc.char_span(arg.span.start, arg.span.end, alignment_mode="expand")
    nouns = {t.lemma_.lower() for t in span or () if t.pos_ in _NOUNS}
    if actor is not None:
        nouns |= {w.lower() for w in actor.name.split() if w[:1].isupper()}
    return Party(
        actor_id=arg.actor_id if actor else None,
        canon=coded.name.casefold() if coded else None,
        country=(actor.country if actor else None)
        or (coded.country if coded else None),
        nouns=frozenset(nouns),
        weak=arg.span.text.lower() in words("weak"),
        named=any(t.pos_ == "PROPN" or t.ent_type_ in _NAMES for t in span or ())
        or (actor is not None and actor.kind in ("person", "country")),
    )


def _same(a: Party, b: Party) -> bool:
    if a.actor_id and a.actor_id == b.actor_id:
        return True
    if a.canon and a.canon == b.canon:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    return bool(a.nouns & b.nouns)


def side_fits(a: Sequence[Party], b: Sequence[Party]) -> bool:
    """Participants that can be the same: one in common, or one side empty
    (weak pronouns aside)."""
    if any(_same(x, y) for x in a for y in b):
        return True
    return not any(not x.weak for x in a) or not any(not y.weak for y in b)


def side_shared(a: Sequence[Party], b: Sequence[Party], named: bool = False) -> bool:
    """One participant of both sides is the same (with ``named``: a name,
    not a kind such as ``army units``)."""
    return any(_same(x, y) and (not named or x.named and y.named) for x in a for y in b)


# --- dates, places and counts ----------------------------------------------


def _interval(ev: Event) -> tuple[date, date] | None:
    """The days an event's own date phrase covers, or None."""
    if not ev.date or ev.date_source not in words("own_date"):
        return None
    try:
        d = date.fromisoformat(ev.date)
    except ValueError:
        return None
    if ev.date_precision == "week":
        return d, d + timedelta(days=6)
    if ev.date_precision == "month":
        return d, d.replace(day=calendar.monthrange(d.year, d.month)[1])
    if ev.date_precision == "year":
        return d, d.replace(month=12, day=31)
    return d, d


def dates_clash(a: Event, b: Event) -> bool:
    """Both dated by their own phrases, to days (weeks, months, years) that
    do not overlap."""
    ia, ib = _interval(a), _interval(b)
    return ia is not None and ib is not None and (ia[1] < ib[0] or ib[1] < ia[0])


def places_clash(a: Event, b: Event, places: Mapping[str, Place]) -> bool:
    """Both placed by their own clauses, in two towns, two countries, or a
    town outside the province the other names."""
    la, lb = a.location, b.location
    own = words("own_place")
    if la is None or lb is None or la.place_id == lb.place_id:
        return False
    if a.location_source not in own or b.location_source not in own:
        return False
    pa, pb = places.get(la.place_id or ""), places.get(lb.place_id or "")
    if pa is None or pb is None:
        return False
    if pa.country and pb.country and pa.country != pb.country:
        return True
    kinds = {a.location_precision, b.location_precision}
    if kinds == {"point"}:
        return True
    if kinds == {"point", "admin1"}:
        return bool(pa.admin1 and pb.admin1 and pa.admin1 != pb.admin1)
    return False


def counts_clash(a: Event, b: Event) -> bool:
    """Counts of one unit whose ranges do not overlap (``counts.bounds``:
    ``at least 4`` fits ``eight``), for any unit both records count."""
    qa = [q for q in a.quantities if not YEAR.search(q.text)]
    qb = [q for q in b.quantities if not YEAR.search(q.text)]
    for unit in {unit_key(q.unit) for q in qa} & {unit_key(q.unit) for q in qb}:
        ra = [bounds(q) for q in qa if unit_key(q.unit) == unit]
        rb = [bounds(q) for q in qb if unit_key(q.unit) == unit]
        if not any(x[0] <= y[1] and y[0] <= x[1] for x in ra for y in rb):
            return True
    return False


# --- cues in the parse ------------------------------------------------------


def distinct(tok: Any) -> bool:
    """The trigger is marked as another happening (``another attack``, ``he
    also accused``, ``once again ... killed``)."""
    near = [c for c in tok.children if c.dep_ in ("amod", "det", "advmod")]
    near += [g for c in near for g in c.children if g.dep_ == "advmod"]
    return any(c.lower_ in words("distinct") for c in near)


def definite(tok: Any) -> bool:
    """A noun trigger with a definite determiner or possessive pronoun
    (``the release``, ``this collaboration``), not a superlative (``the worst
    attacks`` names a kind) nor described by a clause of its own (``the
    airstrikes now taking a toll``, ``the bombs which killed``: a description
    that identifies a happening, not a retelling of one)."""
    if tok.pos_ not in _NOUNS:
        return False
    kids = list(tok.children)
    if any(c.tag_ in ("JJS", "RBS") or c.dep_ in ("acl", "relcl") for c in kids):
        return False
    return any(
        c.dep_ in ("det", "poss") and c.lower_ in words("definite") for c in kids
    )


def bare(tok: Any) -> bool:
    """A noun with nothing of its own but a determiner, a possessive pronoun
    or an adjective (``the attack``, ``their arrests``, ``the huge blast``)."""
    return all(
        c.dep_ in ("det", "punct", "amod") or (c.dep_ == "poss" and c.pos_ == "PRON")
        for c in tok.children
    )


def specifiers(tok: Any) -> set[str]:
    """The names, places and dates that say which happening a noun is: ``the
    2013 Ghouta attack``, ``the strikes on Homs``, ``their battle against
    Assad`` (lower case; a possessor is a participant, compared as one)."""
    kids = [c for c in tok.children if c.dep_ != "poss"]
    kids += [
        g for c in kids if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
    ]
    kinds = words("specifier_entities")
    return {c.lower_ for c in kids if c.ent_type_.lower() in kinds or c.pos_ == "PROPN"}


def generic(tok: Any) -> bool:
    """A trigger told as a habit, a pattern or a kind, no one happening a
    mention can retell: ``frequent bombing``, ``regularly bomb``, ``attacks in
    the past``, ``the worst violence``, ``any withdrawal``, a bare ``from
    atrocities``, or the object or subject of a campaign verb
    (``intensifying their attacks``, ``the fighting has intensified``)."""
    kids = list(tok.children)
    named = ("det", "predet", "poss", "nummod", "compound", "amod", "nmod")
    if tok.pos_ in _NOUNS and not any(c.dep_ in named for c in kids):
        return True  # a bare plural or mass noun: "from atrocities"
    near = kids + [g for c in kids if c.dep_ == "prep" for g in c.children]
    if any(c.lower_ in words("habitual") or c.tag_ in ("JJS", "RBS") for c in near):
        return True
    if any(c.dep_ in ("det", "predet") and c.lower_ in words("generic") for c in kids):
        return True  # "any withdrawal", "all the bombing"
    campaign = tok.head.lemma_.lower() in words("campaign_verbs")
    return campaign and tok.dep_ in ("dobj", "nsubj", "nsubjpass")


def number_differs(e: Any, m: Any) -> bool:
    """A plural mention of one noun happening (``its strikes`` after ``a
    strike``), or one of many (``the attack`` after ``attacks``)."""
    if m.pos_ not in _NOUNS:
        return False
    return (e.tag_ in ("NNS", "NNPS")) != (m.tag_ in ("NNS", "NNPS"))


def pronoun_subject(tok: Any) -> bool:
    """A verb trigger whose subject is a personal pronoun (``it would be
    provided``)."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in words("pronouns")
        for c in tok.children
    )


def clause_link(e: Any, m: Any) -> str | None:
    """How two triggers of one sentence tell one happening: ``light`` (a
    light verb and the event noun it carries, ``delivered an ultimatum``:
    the noun ``e`` gives the type), ``prep`` (``killed by a drone strike``)
    or ``relcl`` (``the bombs which killed``); None when they do not."""
    for verb, noun in ((m, e), (e, m)):
        light = verb.lemma_.lower() in words("light_verbs")
        if light and noun.head.i == verb.i and noun.dep_ == "dobj":
            return "light" if noun is e else "light_kept"
        prep = noun.head
        if (
            noun.dep_ in ("pobj", "pcomp")
            and prep.dep_ in ("prep", "agent")
            and prep.head.i == verb.i
            and prep.lower_ in words("same_preps")
        ):
            return "prep"
        if verb.dep_ == "relcl" and verb.head.i == noun.i:
            rel = words("relative")
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if any(c.lower_ in rel for c in subj):
                return "relcl"
    return None


def pledged(e: Any, m: Any, triggers: set[int]) -> bool:
    """``e`` is the act a pledge or threat ``m`` announces: ``m`` governs it
    through content dependencies, with no other event trigger between."""
    t = e
    deps = words("content_deps")
    while t.head.i != t.i and t.dep_ in deps:
        t = t.head
        if t.i == m.i:
            return True
        if t.i in triggers:
            return False
    return False
