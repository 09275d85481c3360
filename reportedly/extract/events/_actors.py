"""Resolve event participants to actors with a country and a sector.

A participant that is a mention of a known actor (a speaker, a named person or
organisation) takes that actor; a phrase that only contains one takes it when
the mention is the phrase's head (``Mr Conlon's father`` is not Mr Conlon).
Otherwise it is coded with the actor dictionary (``Russia's military`` -> RUS
MIL, ``Moscow`` -> Russia, ``IS`` -> Islamic State) and becomes an actor of its
own, merged with every other participant that codes the same way, so that
``Russia``, ``the Russians`` and ``Russia's`` are one actor. A pronoun takes
its antecedent (``actors._anaphora``): ``they`` and ``we`` in a claim are its
claimant (``Russian officials say they bombed``), ``he``/``she`` the nearest
person of that gender, ``it``/``its`` the nearest organisation or country;
a description (``the 56-year-old``, ``the former police chief``) the person
introduced with it. What names no entity is dropped: an unresolved pronoun,
a date or number, an abstract noun (``attempts``, ``the decision``), a place
that is the event's location rather than its target (``shelled Aleppo``). A
bare number (``struck eight IS targets``) gives way to the actor named in its
quantity; a state body with no country of its own (``the army``) takes its
claimant's country.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

from reportedly.extract.actors import Coded, code_actor
from reportedly.extract.actors._anaphora import Antecedents, describe
from reportedly.extract.actors._words import never, pronoun_class, words
from reportedly.extract.events._frames import read
from reportedly.extract.events._keys import key as _key
from reportedly.extract.events._lexicon import tables
from reportedly.extract.events._owners import _POSSESSIVE, _core
from reportedly.extract.events._refer import named_together, referents, surname
from reportedly.extract.events._sides import sides
from reportedly.model import Actor, Article, Event, EventArg, Span, replace, stable_id

VERSION = "event_actors.v3"

# Never coded as a name: "who" is not the WHO, "it" is not IT.
PRONOUNS = words("never_named")
# Sectors of the state: a bare "the army" belongs to its claimant's country.
STATE = frozenset(["GOV", "MIL", "COP", "LEG", "JUD", "SPY"])
# Entities that are places: as a recipient, the event's location, not its target.
PLACES = frozenset(["GPE", "LOC", "FAC"])
_THESE = re.compile(r"(?i)^(?:these|those|both|the two) (?:men|women|people|brothers)$")
DONE_BY_STATE = frozenset(["COERCE", "SANCTION"])  # its recipients are not the state
NAMED_KINDS = {"PERSON": "person", "ORG": "organization", "NORP": "group"}


class _Linker:
    def __init__(self, actors: Sequence[Actor], article: Article, doc: Any) -> None:
        self.text = article.text
        self.article_id = article.id
        self.published = article.published
        self.actors: dict[str, Actor] = {a.id: a for a in actors}
        self.spans = [(m.start, m.end, a.id) for a in actors for m in a.mentions]
        self.by_key: dict[tuple, str] = {}
        self.contextual: set[str] = set()  # named by a bare "the army"
        for a in actors:
            coded = code_actor(a.name) if a.kind != "person" else None
            if coded is not None and coded.name.lower() != a.name.lower():
                self.by_key.setdefault(_key(coded, a.name), a.id)
            self.by_key.setdefault(("name", a.name.lower()), a.id)
        self.ante = Antecedents(doc, self.text, self.actors) if doc else None
        self.first = {
            a.id: min((m.start for m in a.mentions), default=0) for a in actors
        }

    def mention_of(self, s: Span) -> str | None:
        """The actor ``s`` mentions: exactly, or by a mention of its head."""
        exact = [aid for a, b, aid in self.spans if (a, b) == (s.start, s.end)]
        inside = [aid for a, b, aid in self.spans if a >= s.start and b <= s.end]
        if exact or not inside or self.ante is None:
            found = exact or inside
            return found[0] if found else None
        head = self.ante.head(s.start, s.end).idx
        on_head = [
            aid
            for a, b, aid in self.spans
            if a >= s.start and b <= s.end
            if a <= head < b
        ]
        return on_head[0] if on_head else None

    def country_of(self, aid: str | None) -> str | None:
        return self.actors[aid].country if aid in self.actors else None

    def coded(self, span: Span) -> tuple[Span, Coded | None]:
        text = _POSSESSIVE.sub("", span.text).rstrip() or span.text
        coded, core = None, span
        owner = _core(text, span.start)
        if owner is not None:
            core = Span.of(self.text, *owner)
            coded = code_actor(core.text)
        if coded is None:
            coded, core = code_actor(text), span
        if coded is None:
            return span, None
        return core, coded

    def add(self, span: Span, coded: Coded, contextual: bool) -> str:
        key = _key(coded, span.text)
        aid = self.by_key.get(key) or self.by_key.get(("name", coded.name.lower()))
        if aid is None:
            aid = stable_id(self.article_id, coded.kind, *key[1:])
            self.by_key[key] = aid
            self.actors[aid] = Actor(
                id=aid,
                name=coded.name,
                kind=coded.kind,
                country=coded.country,
                sector=coded.sector,
            )
            if contextual:
                self.contextual.add(aid)
        elif aid in self.contextual and not contextual:
            # "Russia's military" names the actor better than "the army"
            self.contextual.discard(aid)
            self.actors[aid] = dataclasses.replace(self.actors[aid], name=coded.name)
        actor = self.actors[aid]
        if span not in actor.mentions:
            mentions = tuple(sorted((*actor.mentions, span), key=lambda m: m.start))
            self.actors[aid] = dataclasses.replace(actor, mentions=mentions)
            self.spans.append((span.start, span.end, aid))
            if self.ante is not None:
                self.ante.add(span.start, span.end, aid)
        return aid

    def pronoun(
        self, arg: EventArg, cls: str, claimant: str | None, done_to: bool = False
    ) -> list[str]:
        """The actors a pronoun participant refers to (none when unresolved)."""
        ante = self.ante
        said = self.actors.get(claimant) if claimant else None
        if said is not None and pronoun_class(said.name):
            claimant = None  # a speaker "I" no one was found for
        if claimant is not None and (
            cls == "s" or (cls == "p" and ante and ante.fits(claimant, cls, True))
        ):
            return [claimant]  # "Russian officials say they bombed"
        if claimant and cls in ("m", "f") and ante and ante.fits(claimant, cls, False):
            return [claimant]
        return referents(self, arg.span.start, cls, done_to)

    def no_entity(self, span: Span, recipient: bool) -> bool:
        """A date, a number, an abstract noun, or a place that is the location."""
        if self.ante is None:
            return False
        head = self.ante.head(span.start, span.end)
        if head.ent_type_ in ("DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"):
            return True
        nothing = never()
        if head.pos_ in ("NOUN", "NUM") and (
            head.lower_ in nothing or head.lemma_.lower() in nothing
        ):
            return True
        if head.pos_ == "NOUN" and read(head, tables()) is not None:
            return True  # an event ("condemned the arrest") is no participant
        building = head.pos_ == "NOUN" and head.lemma_.lower() in words("facilities")
        return recipient and (building or head.ent_type_ in PLACES)  # where

    def a_place(self, span: Span, aid: str) -> bool:
        """Is the participant a town or region named as such (not a country,
        which can be a party: ``struck Syria``)? Towns the tagger missed are
        found by ``_places`` once the places are known."""
        if self.ante is None or self.actors[aid].kind == "country":
            return False
        head = self.ante.head(span.start, span.end)
        return head.ent_type_ in ("GPE", "LOC", "FAC") and head.pos_ == "PROPN"

    def named(self, span: Span) -> str | Coded | None:
        """A name no dictionary knows: a person's surname the tagger missed
        (``Mourinho``: that person), else an actor of its own (``the
        Guildford Four``), unless it is a place."""
        if self.ante is None:
            return None
        head = self.ante.head(span.start, span.end)
        if head.pos_ != "PROPN" or not head.is_title:
            return None
        known = surname(self, head) if span.text == head.text else None
        if known is not None or head.ent_type_ in PLACES:
            return known
        name = re.sub(r"^(?:the|The) ", "", span.text)
        return Coded(name, NAMED_KINDS.get(head.ent_type_, "group"), None, None)

    def described(self, span: Span) -> str | None:
        """``the 56-year-old``: the person the article introduced that way."""
        people = [a for a in self.actors.values() if a.kind == "person"]
        return describe(
            self.text,
            span.text,
            people,
            lambda a: self.first.get(a.id, 0) < span.start,
            self.published,
        )

    def link(
        self, arg: EventArg, ev: Event, claimant_country: str | None, recipient: bool
    ) -> list[EventArg]:
        """The participant linked to its actors (two for ``they`` of ``X and
        Y``), or none when it names no entity."""
        if arg.actor_id is not None:
            return [arg]
        aid = self.mention_of(arg.span)
        if aid is not None and recipient and self.a_place(arg.span, aid):
            return []  # "the siege of Aleppo": the place is where, not whom
        # an unresolved speaker "I" or "we" is no actor to take
        if aid is not None and pronoun_class(self.actors[aid].name) is None:
            return [dataclasses.replace(arg, actor_id=aid)]
        low = arg.span.text.lower()
        claimant = ev.claimant.actor_id if ev.claimant else None
        caps = arg.span.text.isupper() and len(arg.span.text) > 1  # "US", "IT"
        cls = pronoun_class(low) if " " not in low and not caps else None
        if cls is not None or (low in PRONOUNS and not caps):
            done_to = recipient and ev.type in DONE_BY_STATE
            found = self.pronoun(arg, cls or "x", claimant, done_to)
            return [dataclasses.replace(arg, actor_id=f) for f in found]
        aid = self.described(arg.span)
        if aid is not None:
            return [dataclasses.replace(arg, actor_id=aid)]
        if _THESE.match(arg.span.text):  # "these men": the people named together
            found = named_together(self, arg.span.start)
            return [dataclasses.replace(arg, actor_id=f) for f in found] or [arg]
        span = arg.span
        if re.fullmatch(r"[\d,.]+|[a-z]+", span.text) and ev.quantities:
            q = next((q for q in ev.quantities if q.start == span.start), None)
            if q is not None:
                span = Span.of(self.text, q.start, q.end)
        core, coded = self.coded(span)
        if coded is None:
            bare = re.fullmatch(r"[\d,.]+", span.text) is not None
            if bare or self.no_entity(span, recipient):
                return []
            named = self.named(span)
            if named is None:
                return [arg]
            aid = named if isinstance(named, str) else self.add(span, named, False)
            return [EventArg(span=span, actor_id=aid)]
        if core == span and coded.kind != "country" and self.no_entity(span, recipient):
            return []
        contextual = False
        if coded.country is None and coded.scope is None and coded.sector in STATE:
            contextual = claimant_country is not None
            coded = dataclasses.replace(coded, country=claimant_country)
        aid = self.mention_of(core) or self.add(core, coded, contextual)
        return [EventArg(span=core, actor_id=aid)]

    def link_all(
        self, args: Sequence[EventArg], ev: Event, ctry: str | None, recipient: bool
    ) -> tuple[EventArg, ...]:
        """Link each participant; drop those that name no entity."""
        out: list[EventArg] = []
        doers = {a.actor_id for a in ev.actors} if recipient else set()
        for a in args:
            for linked in self.link(a, ev, ctry, recipient):
                if linked in out:
                    continue
                if linked.actor_id in doers and pronoun_class(a.span.text):
                    continue  # "the guards threatened to fire on them": not themselves
                out.append(linked)
        return tuple(out)


def event_actors(
    events: Sequence[Event],
    actors: Sequence[Actor],
    article: Article,
    doc: Any | None = None,
) -> tuple[list[Event], list[Actor]]:
    """Link each event's claimant, actors and recipients to actor records.

    Returns the events with ``actor_id`` set where a participant could be
    resolved and the article's actors, extended with the coded participants.
    """
    linker = _Linker(actors, article, doc)
    out = []
    for ev in events:
        claimant = ev.claimant
        if claimant is not None and claimant.actor_id is None:
            aid = linker.mention_of(claimant.span)
            if aid is not None and (
                (claimant.span.start, claimant.span.end)
                in {(m.start, m.end) for m in linker.actors[aid].mentions}
            ):
                claimant = dataclasses.replace(claimant, actor_id=aid)
        ev = replace(ev, claimant=claimant)
        ctry = linker.country_of(claimant.actor_id) if claimant else None
        acts = linker.link_all(ev.actors, ev, ctry, False)
        ev = replace(ev, actors=acts)
        recs = linker.link_all(ev.recipients, ev, ctry, True)
        out.append(sides(replace(ev, recipients=recs), linker.actors))
    return out, list(linker.actors.values())
