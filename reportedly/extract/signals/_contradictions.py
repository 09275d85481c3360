"""Contradictions inside one article: two claimants who disagree about one and
the same event, on how many (counts as ranges: ``eight IS targets`` agrees
with ``at least four ISIS targets``) or on whom (IS targets vs opposition
groups, between the camps that fight).

Two records are taken for one event only when they are of one type, their
actors are compatible (one actor or one country), and neither their dates
(each dated to a day by its own phrase, more than a day apart) nor their
places (two different towns of their own clauses) tell them apart.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from itertools import combinations

from reportedly.counts import clashes, recipients_clash, targets
from reportedly.extract.events import PRONOUNS
from reportedly.model import Actor, Event, Signal

VERSION = "contradictions.v2"
_OWN = ("clause", "sentence")  # a date or place the event's own text gives


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


def _days_apart(a: Event, b: Event) -> bool:
    if not (a.date and b.date and a.date_source in _OWN and b.date_source in _OWN):
        return False
    if a.date_precision != "day" or b.date_precision != "day":
        return False
    try:
        gap = date.fromisoformat(a.date) - date.fromisoformat(b.date)
    except ValueError:
        return False
    return abs(gap.days) > 1


def _places_apart(a: Event, b: Event) -> bool:
    la, lb = a.location, b.location
    if la is None or lb is None or la.place_id == lb.place_id:
        return False
    points = a.location_precision == b.location_precision == "point"
    return points and a.location_source in _OWN and b.location_source in _OWN


def same_event(a: Event, b: Event, countries: Mapping[str, str]) -> bool:
    """Say whether two records may tell of one event (see the module doc)."""
    if a.type != b.type or _days_apart(a, b) or _places_apart(a, b):
        return False
    ka, kb = _actor_keys(a, countries), _actor_keys(b, countries)
    return not ka or not kb or bool(ka & kb)


def _count_clash(a: Event, b: Event) -> tuple[str, str] | None:
    for _, qa, qb in clashes(a.quantities, b.quantities):
        return qa[0].text, qb[0].text
    return None


def _whom_clash(
    a: Event, b: Event, codes: Mapping[str, tuple]
) -> tuple[str, str] | None:
    """Both name resolved recipients, and no pair of them can both be the target."""
    if not targets(a.type):
        return None
    ra = [(r, codes.get(r.actor_id or "")) for r in a.recipients]
    rb = [(r, codes.get(r.actor_id or "")) for r in b.recipients]
    if not ra or not rb or any(c is None for _, c in ra + rb):
        return None
    if all(recipients_clash(x[1], y[1]) for x in ra for y in rb):  # type: ignore[arg-type]
        return ra[0][0].span.text, rb[0][0].span.text
    return None


def contradictions(
    events: Sequence[Event], actors: Sequence[Actor] = ()
) -> Iterator[Signal]:
    """Yield an ``internal_contradiction`` signal for each pair of records of one
    event whose different claimants disagree on how many or on whom."""
    countries = {a.id: f"country:{a.country}" for a in actors if a.country}
    codes = {a.id: (a.country, a.sector) for a in actors}
    for a, b in combinations(events, 2):
        if _claim_key(a) == _claim_key(b):
            continue
        if a.modality in ("negated", "denied") or b.modality in ("negated", "denied"):
            continue
        if not same_event(a, b, countries):
            continue
        who_a = a.claimant.span.text if a.claimant else "the outlet"
        who_b = b.claimant.span.text if b.claimant else "the outlet"
        for what, clash in (
            ("how many", _count_clash(a, b)),
            ("whom", _whom_clash(a, b, codes)),
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
