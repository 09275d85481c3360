"""Participants that the event's type puts on another side (used by
``_actors``): forces deployed or withdrawn are the actor's own (``troops
were deployed``: the troops act; ``the US withdrew its troops``: no
recipient), and a place visited is where, not whom (``paid a visit to the
prison``)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

from reportedly.extract.actors._words import words
from reportedly.model import Actor, Event, EventArg

OWN_FORCES = frozenset(["MOBILIZE", "RETREAT"])
VISITS = frozenset(["CONSULT"])
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
            return dataclasses.replace(ev, actors=acts, recipients=rest)
    if ev.type in VISITS:
        rest = tuple(r for r in ev.recipients if _head(r) not in words("facilities"))
        if len(rest) != len(ev.recipients):
            return dataclasses.replace(ev, recipients=rest)
    return ev
