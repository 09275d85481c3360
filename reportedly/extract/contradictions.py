"""Contradictions inside one article: two claims about one kind of event that
disagree on how many or on whom (``eight IS targets`` vs ``at least four ISIS
targets``; IS targets vs opposition targets)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations

from reportedly.model import Event, Signal

VERSION = "contradictions.v1"


def _claim_key(ev: Event) -> str:
    return ev.claimant.quote_id or ev.claimant.span.text if ev.claimant else "outlet"


PRONOUNS = {"they", "he", "she", "it", "we", "who", "which", "that", "them"}


def _actor_keys(ev: Event) -> set[str]:
    """Who acts, by actor id or text; pronouns say nothing on their own."""
    return {
        a.actor_id or a.span.text.lower()
        for a in ev.actors
        if a.actor_id or a.span.text.lower() not in PRONOUNS
    }


def _compatible_actors(a: Event, b: Event) -> bool:
    """Unknown actors are compatible; known ones must share someone."""
    ka, kb = _actor_keys(a), _actor_keys(b)
    return not ka or not kb or bool(ka & kb)


def _quantity_clash(a: Event, b: Event) -> tuple[str, str] | None:
    for qa in a.quantities:
        for qb in b.quantities:
            if qa.unit == qb.unit and qa.value != qb.value:
                return qa.text, qb.text
    return None


def _recipient_clash(a: Event, b: Event) -> tuple[str, str] | None:
    ra = {r.actor_id or r.span.text.lower() for r in a.recipients}
    rb = {r.actor_id or r.span.text.lower() for r in b.recipients}
    if ra and rb and not ra & rb:
        return a.recipients[0].span.text, b.recipients[0].span.text
    return None


def contradictions(events: Sequence[Event]) -> Iterator[Signal]:
    """Yield an ``internal_contradiction`` signal for each pair of events of
    one type and compatible actors whose different claimants disagree."""
    for a, b in combinations(events, 2):
        if a.type != b.type or _claim_key(a) == _claim_key(b):
            continue
        if a.modality in ("negated", "denied") or b.modality in ("negated", "denied"):
            continue
        if not _compatible_actors(a, b):
            continue
        who_a = a.claimant.span.text if a.claimant else "the outlet"
        who_b = b.claimant.span.text if b.claimant else "the outlet"
        same_actor = bool(_actor_keys(a) & _actor_keys(b))
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
