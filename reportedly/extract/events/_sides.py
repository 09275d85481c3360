"""Participants that the event's type puts on another side (used by
``_actors``): forces deployed or withdrawn are the actor's own (``troops
were deployed``: the troops act; ``the US withdrew its troops``: no
recipient), and so are the actor's forces in any event but a fight
(``threatened to send his forces``). Places and buildings are where, not
whom: ``_actors`` leaves them out."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from reportedly.extract.actors._words import words
from reportedly.model import Actor, Event, EventArg, replace

OWN_FORCES = frozenset(["MOBILIZE", "RETREAT"])
FOUGHT = frozenset(["ASSAULT", "COERCE"])  # the other side can be one's own
ARMED = frozenset(["MIL", "REB", "COP", "UAF", "SPY", "PRM", "INS"])
_LAST = re.compile(r"([A-Za-z-]+)\W*$")


def _head(arg: EventArg) -> str:
    m = _LAST.search(arg.span.text)
    return m.group(1).lower() if m else ""


def _force(arg: EventArg, actors: Mapping[str, Actor]) -> bool:
    actor = actors.get(arg.actor_id) if arg.actor_id else None
    if actor is not None and actor.sector in ARMED:
        return True
    return _head(arg) in words("forces")


def sides(ev: Event, actors: Mapping[str, Actor]) -> Event:
    """The event with its participants on the sides its type gives them."""
    if ev.type in OWN_FORCES:
        forces = [r for r in ev.recipients if _force(r, actors)]
        if forces:
            rest = tuple(r for r in ev.recipients if r not in forces)
            acts = ev.actors or tuple(forces)
            return replace(ev, actors=acts, recipients=rest)
    if ev.type not in FOUGHT:
        own = [r for r in ev.recipients if _own(r, ev, actors)]
        if own:
            rest = tuple(r for r in ev.recipients if r not in own)
            return replace(ev, recipients=rest)
    return ev


def _own(arg: EventArg, ev: Event, actors: Mapping[str, Actor]) -> bool:
    """Forces that belong to the actor: ``threatened to send his forces``,
    ``sending Turkish forces`` (by Turkey's president), ``recalling US
    forces`` (by the US president). In a fight they can be the other side."""
    if _head(arg) not in words("forces"):
        return False  # "the Taliban", "its militia allies": parties of their own
    if arg.span.text.lower().split()[0] in ("his", "her", "its", "their", "our"):
        return True
    mine = {x.country for a in ev.actors if (x := actors.get(a.actor_id or ""))}
    them = actors.get(arg.actor_id) if arg.actor_id else None
    return them is not None and them.country is not None and them.country in mine


def place_actors(actors: Sequence[Actor], located: Sequence[Any]) -> frozenset[str]:
    """Actors (not countries) whose every mention lies within a resolved
    place mention: a town or region named as a participant (``the siege of
    Aleppo``), not a party named with its place (``rebels near Hama``)."""
    return frozenset(
        a.id
        for a in actors
        if a.kind != "country"
        and a.mentions
        and all(
            any(m.span.start <= x.start and x.end <= m.span.end for m in located)
            for x in a.mentions
        )
    )


def without_towns(ev: Event, towns: frozenset[str]) -> Event:
    """The event without actors that are only a town's name (its recipients
    go in ``_places``, where the place can become the location)."""
    if not any(a.actor_id in towns for a in ev.actors):
        return ev
    return replace(ev, actors=tuple(a for a in ev.actors if a.actor_id not in towns))
