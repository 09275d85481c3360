"""The merged record of one happening (``_merge``): the earliest record,
completed from the others (participants where it has none, their own date
and place where it has only the publication date or the article's place,
their counts), with their evidence spans as ``mentions``."""

from __future__ import annotations

from typing import Any

from reportedly.counts import unit_key
from reportedly.extract.events import _merge_cues as cue
from reportedly.extract.events._actors import PRONOUNS
from reportedly.model import Event, EventArg, replace


def _empty(args: tuple[EventArg, ...]) -> bool:
    """No participant, or only pronouns left unresolved."""
    return all(a.actor_id is None and a.span.text.lower() in PRONOUNS for a in args)


def _resolved(args: tuple[EventArg, ...]) -> bool:
    """A participant resolved to an actor, not by a possessive (``their
    arrests``: the arrested or the arresters) nor by a pronoun that can be a
    thing (``they would be provided``)."""
    vague = cue.words("possessive") | cue.words("weak")
    return any(a.actor_id and a.span.text.lower() not in vague for a in args)


def merged_record(
    kept: Event, rest: list[Event], typed_by: Event | None, timed: list[Event]
) -> Event:
    """The record of one happening: the earliest record ``kept``, completed
    from the ``rest``; ``typed_by`` is the event noun a light verb of ``kept``
    carries (``delivered an ultimatum``), which gives the type; ``timed`` are
    the records of ``rest`` whose clause tells the happening itself, so its
    date and place are the happening's."""
    if not rest:
        return kept
    new: dict[str, Any] = {}
    if typed_by is not None:
        noun = typed_by
        new.update(type=noun.type, cameo=noun.cameo, mode=noun.mode)
        t = noun.trigger
        new["recipients"] = tuple(
            r
            for r in kept.recipients
            if t is None or not (r.span.start <= t.start < r.span.end)
        )
    for side in ("actors", "recipients"):
        if _empty(new.get(side, getattr(kept, side))):
            donor = next((e for e in rest if _resolved(getattr(e, side))), None)
            if donor is not None:
                new[side] = getattr(donor, side)
    if timed:
        new.update(_when_where(kept, timed))
    have = {(q.value, unit_key(q.unit)) for q in kept.quantities}
    extra = [
        q for e in rest for q in e.quantities if (q.value, unit_key(q.unit)) not in have
    ]
    if extra:
        new["quantities"] = kept.quantities + tuple(
            {(q.value, unit_key(q.unit)): q for q in extra}.values()
        )
    spans = {(s.start, s.end): s for e in rest for s in (e.evidence, *e.mentions)}
    spans.update({(s.start, s.end): s for s in kept.mentions})
    spans.pop((kept.evidence.start, kept.evidence.end), None)
    new["mentions"] = tuple(spans[k] for k in sorted(spans))
    new["confidence"] = max(e.confidence for e in (kept, *rest))
    return replace(kept, **new)


_DATE = ("date", "date_text", "date_precision", "date_source")
_PLACE = ("location", "location_precision", "location_source")


def _when_where(kept: Event, rest: list[Event]) -> dict[str, Any]:
    """Own date and place of another record where the kept one has none."""
    out: dict[str, Any] = {}
    own_date = cue.words("own_date")
    if kept.date_source not in own_date:
        for src in ("clause", "sentence"):
            donor = next((e for e in rest if e.date and e.date_source == src), None)
            if donor is not None:
                out.update({k: getattr(donor, k) for k in _DATE})
                break
    rank = {"clause": 0, "sentence": 1, "article": 2, None: 3}
    best = min(rest, key=lambda e: rank.get(e.location_source, 3))
    if best.location is not None and rank.get(best.location_source, 3) < rank.get(
        kept.location_source, 3
    ):
        out.update({k: getattr(best, k) for k in _PLACE})
    return out
