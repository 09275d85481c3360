"""Contradictions inside one article: two claims about one kind of event that
disagree on how many or on whom (``eight IS targets`` vs ``at least four ISIS
targets``; IS targets vs opposition targets)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from itertools import combinations

from reportedly.extract.events import PRONOUNS
from reportedly.model import Actor, Event, Signal

VERSION = "contradictions.v1"


def _claim_key(ev: Event) -> str:
    return ev.claimant.quote_id or ev.claimant.span.text if ev.claimant else "outlet"


def _actor_keys(ev: Event, countries: Mapping[str, str]) -> set[str]:
    """Who acts, by actor id or text, and by country (the army and the defence
    ministry are one state); pronouns say nothing on their own."""
    keys = {
        a.actor_id or a.span.text.lower()
        for a in ev.actors
        if a.actor_id or a.span.text.lower() not in PRONOUNS
    }
    return keys | {countries[k] for k in keys if k in countries}


def _compatible_actors(ka: set[str], kb: set[str]) -> bool:
    """Unknown actors are compatible; known ones must share someone."""
    return not ka or not kb or bool(ka & kb)


def _quantity_clash(a: Event, b: Event) -> tuple[str, str] | None:
    for qa in a.quantities:
        for qb in b.quantities:
            if qa.unit == qb.unit and qa.value != qb.value:
                return qa.text, qb.text
    return None


def _recipient_clash(a: Event, b: Event) -> tuple[str, str] | None:
    """Both sides name resolved recipients and none is shared."""
    ra = {r.actor_id for r in a.recipients}
    rb = {r.actor_id for r in b.recipients}
    if ra and rb and None not in ra | rb and not ra & rb:
        return a.recipients[0].span.text, b.recipients[0].span.text
    return None


def contradictions(
    events: Sequence[Event], actors: Sequence[Actor] = ()
) -> Iterator[Signal]:
    """Yield an ``internal_contradiction`` signal for each pair of events of
    one type and compatible actors whose different claimants disagree."""
    countries = {a.id: f"country:{a.country}" for a in actors if a.country}
    for a, b in combinations(events, 2):
        if a.type != b.type or _claim_key(a) == _claim_key(b):
            continue
        if a.modality in ("negated", "denied") or b.modality in ("negated", "denied"):
            continue
        ka, kb = _actor_keys(a, countries), _actor_keys(b, countries)
        if not _compatible_actors(ka, kb):
            continue
        who_a = a.claimant.span.text if a.claimant else "the outlet"
        who_b = b.claimant.span.text if b.claimant else "the outlet"
        same_actor = bool(
            {x.actor_id for x in a.actors if x.actor_id}
            & {x.actor_id for x in b.actors if x.actor_id}
        )
        for what, clash in (
            ("how many", _quantity_clash(a, b)),
            # different targets are a contradiction only for one and the same actor
            ("whom", _recipient_clash(a, b) if same_actor else None),
        ):
            if clash is None:
                continue
            yield Signal(
                kind="internal_contradiction",
                message=f"{a.type}: {who_a}: '{clash[0]}'; {who_b}: "
                f"'{clash[1]}' (they disagree on {what})",
                span=a.evidence,
                related=(b.evidence,),
            )
            break  # one signal per pair of claims
