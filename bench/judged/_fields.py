"""The judged fields of a record: the values a reader sees, and their hashes."""

from __future__ import annotations

from bench.judged._sample import digest, sentence
from reportedly.model import Analysis, Event, Quote
from reportedly.reviews import arg_text

EVENT_FIELDS = (
    "real",
    "type",
    "actor",
    "recipient",
    "claimant",
    "modality",
    "date",
    "location",
)
QUOTE_FIELDS = ("real", "speaker", "content")
# a record is usable when it is real and these are right or rightly empty
USABLE = ("type", "actor", "recipient", "claimant", "modality")
GOOD = {"right", "rightly_empty", "yes"}


def event_values(a: Analysis, e: Event) -> dict[str, str]:
    """Return what a reader judges of an event, field by field, as display text."""
    places = {p.id: p for p in a.places}
    loc = ""
    if e.location is not None:
        p = places.get(e.location.place_id or "")
        where = f"{p.name}, {p.country} ({p.geonames_id})" if p else "unresolved"
        loc = f"{e.location.span.text} -> {where} [{e.location_source}]"
    claimant = "(the outlet)"
    if e.claimant is not None:
        actors = {x.id: x for x in a.actors}
        actor = actors.get(e.claimant.actor_id or "")
        claimant = f"{e.claimant.span.text}" + (f" -> {actor.name}" if actor else "")
    date = ""
    if e.date:
        said = f" from {e.date_text.text!r}" if e.date_text else ""
        date = f"{e.date} ({e.date_precision}, {e.date_source}{said})"
    return {
        "real": "",  # tied to the key: sentence and trigger
        "type": e.type + (f":{e.mode}" if e.mode else ""),
        "actor": " + ".join(arg_text(a, x) for x in e.actors),
        "recipient": " + ".join(arg_text(a, x) for x in e.recipients),
        "claimant": claimant,
        "modality": e.modality,
        "date": date,
        "location": loc,
    }


def quote_values(a: Analysis, q: Quote) -> dict[str, str]:
    """Return what a reader judges of a quote: the attribution, speaker, content."""
    speaker = ""
    if q.speaker is not None:
        actors = {x.id: x for x in a.actors}
        actor = actors.get(q.speaker.actor_id or "")
        speaker = q.speaker.span.text + (f" -> {actor.name}" if actor else "")
    return {
        "real": "",  # tied to the key: content and cue
        "speaker": speaker,
        "content": " ".join(q.content.text.split()),
    }


def hashes(values: dict[str, str]) -> dict[str, str]:
    """Return the value hash of every field (what a verdict is tied to)."""
    return {k: digest(k, v) for k, v in values.items()}


def event_sentence(a: Analysis, e: Event) -> str:
    """Return the digest of the sentence an event's evidence sits in."""
    return digest("sentence", sentence(a, e.evidence.start, e.evidence.end))
