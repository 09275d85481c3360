"""What an event record's extraction knows about itself, as numbers 0..1.

Each feature is one fact the extractors left on the record: how sure the
event step was that the clause reports an event (the record's confidence on
arrival), whether actor, recipient and claimant resolved to coded actors,
what the modality says, where the date and location came from, whether
both parties were found, whether the event is violence, and whether other
sentences retell it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from reportedly.model import Actor, Event, EventArg

_PRONOUNS = frozenset(
    [
        "i",
        "you",
        "he",
        "she",
        "it",
        "we",
        "they",
        "who",
        "whom",
        "which",
        "that",
        "its",
        "his",
        "her",
        "their",
        "them",
        "this",
    ]
)


def _resolved(arg: EventArg | None, actors: Mapping[str, Actor]) -> float:
    """1 when the participant is an actor with a country or a sector."""
    actor = actors.get(arg.actor_id or "") if arg else None
    return float(actor is not None and bool(actor.country or actor.sector))


def _pronoun(arg: EventArg | None) -> float:
    return float(arg is not None and arg.span.text.casefold() in _PRONOUNS)


def features(ev: Event, actors: Mapping[str, Actor]) -> dict[str, float]:
    """Return the features of one event record, by name."""
    claimant = actors.get(ev.claimant.actor_id or "") if ev.claimant else None
    p = min(max(ev.confidence if ev.detection is None else ev.detection, 0.01), 0.99)
    return {
        "event_logit": math.log(p / (1 - p)),
        "actor": float(ev.actor is not None),
        "actor_resolved": _resolved(ev.actor, actors),
        "actor_pronoun": _pronoun(ev.actor),
        "recipient": float(ev.recipient is not None),
        "recipient_resolved": _resolved(ev.recipient, actors),
        "recipient_pronoun": _pronoun(ev.recipient),
        "claimed": float(ev.claimant is not None),
        "claimant_resolved": float(claimant is not None),
        "asserted": float(ev.modality == "asserted"),
        "date_own": float(ev.date_source in ("clause", "sentence")),
        "date_published": float(ev.date_source == "published"),
        "place_own": float(ev.location_source in ("clause", "sentence")),
        "place_article": float(ev.location_source == "article"),
        "counted": float(bool(ev.quantities)),
        "moded": float(ev.mode is not None),
        "both_parties": float(ev.actor is not None and ev.recipient is not None),
        "violent": float(ev.type in ("ASSAULT", "COERCE")),
        "retold": float(bool(ev.mentions)),
    }
