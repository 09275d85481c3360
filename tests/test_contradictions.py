"""Contradictions between claims inside one article (extract/signals): only
reports of one event contradict, counts are ranges, and whom only between the
camps that fight."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reportedly.extract.signals import contradictions
from reportedly.model import (
    Actor,
    Claimant,
    Event,
    EventArg,
    EventPlace,
    Quantity,
    Span,
)

TEXT = (
    "The ministry said its army struck eight IS targets. "
    "Officials said the army bombed at least four ISIS targets. "
    "A diplomat said the army hit opposition groups. "
    "Monitors said the army killed three civilians. "
    "Activists said the army struck only two targets. "
    "Residents said the army shelled Talbiseh and Rastan."
)
ACTORS = (
    Actor(
        id="army", name="Syrian army", kind="organization", country="SYR", sector="MIL"
    ),
    Actor(id="is", name="Islamic State", kind="group", sector="UAF"),
    Actor(id="opp", name="opposition", kind="group", country="SYR", sector="OPP"),
    Actor(id="civ", name="civilians", kind="group", country="SYR", sector="CVL"),
)
RESOLVED = {
    "eight IS targets": "is",
    "at least four ISIS targets": "is",
    "only two targets": "is",
    "opposition groups": "opp",
    "three civilians": "civ",
}


def span(s: str) -> Span:
    i = TEXT.index(s)
    return Span.of(TEXT, i, i + len(s))


def event(evidence: str, claimant: str, recipient: str, qty: float | None) -> Event:
    quantities = ()
    if qty is not None:
        q = span(recipient)
        quantities = (
            Quantity(value=qty, unit="targets", text=q.text, start=q.start, end=q.end),
        )
    return Event(
        id=evidence[:10],
        type="ASSAULT",
        cameo="19",
        evidence=span(evidence),
        actors=(EventArg(span=span("army"), actor_id="army"),),
        recipients=(EventArg(span=span(recipient), actor_id=RESOLVED.get(recipient)),),
        quantities=quantities,
        claimant=Claimant(span=span(claimant), quote_id=claimant),
    )


MINISTRY = event(
    "its army struck eight IS targets", "The ministry", "eight IS targets", 8
)
OFFICIALS = event(
    "the army bombed at least four ISIS targets",
    "Officials",
    "at least four ISIS targets",
    4,
)
ACTIVISTS = event(
    "the army struck only two targets", "Activists", "only two targets", 2
)
DIPLOMAT = event(
    "the army hit opposition groups", "A diplomat", "opposition groups", None
)
MONITORS = event("the army killed three civilians", "Monitors", "three civilians", None)


def _place(ev: Event, name: str, pid: str) -> Event:
    where = EventPlace(span=span(name), place_id=pid)
    return replace(
        ev, location=where, location_precision="point", location_source="clause"
    )


CASES = [
    # (first, second, what they disagree on, or None)
    (MINISTRY, OFFICIALS, None),  # eight is at least four
    (MINISTRY, ACTIVISTS, "how many"),  # eight is not two
    (MINISTRY, DIPLOMAT, "whom"),  # IS or the opposition: camps that fight
    (DIPLOMAT, MONITORS, None),  # rebels hit and civilians killed: both can be true
    (MINISTRY, replace(ACTIVISTS, type="PROTEST"), None),  # another type
    (MINISTRY, replace(ACTIVISTS, modality="denied"), None),  # a denial
    (MINISTRY, replace(ACTIVISTS, claimant=MINISTRY.claimant), None),  # one claimant
    (  # each dated by its own phrase, days apart: two events
        replace(
            MINISTRY, date="2015-10-01", date_precision="day", date_source="clause"
        ),
        replace(
            ACTIVISTS, date="2015-10-05", date_precision="day", date_source="clause"
        ),
        None,
    ),
    (  # the publication date says nothing about which day it was
        replace(
            MINISTRY, date="2015-10-01", date_precision="day", date_source="published"
        ),
        replace(
            ACTIVISTS, date="2015-10-05", date_precision="day", date_source="clause"
        ),
        "how many",
    ),
    (_place(MINISTRY, "Talbiseh", "p1"), _place(ACTIVISTS, "Rastan", "p2"), None),
    (
        _place(MINISTRY, "Talbiseh", "p1"),
        _place(ACTIVISTS, "Talbiseh", "p1"),
        "how many",
    ),
]


@pytest.mark.parametrize(("a", "b", "what"), CASES)
def test_contradictions(a: Event, b: Event, what: str | None) -> None:
    found = list(contradictions([a, b], ACTORS))
    if what is None:
        assert found == []
    else:
        (sig,) = found
        assert sig.kind == "internal_contradiction"
        assert sig.message.endswith(f"(they disagree on {what})")
        assert sig.span == a.evidence and sig.related == (b.evidence,)


def test_unresolved_recipients_never_conflict() -> None:
    vague = replace(DIPLOMAT, recipients=(EventArg(span=span("opposition groups")),))
    assert list(contradictions([MINISTRY, vague], ACTORS)) == []


def test_whom_is_compared_only_for_targets() -> None:
    """Who supports whom is no contradiction: the recipient is no target."""
    a, b = replace(MINISTRY, type="SUPPORT"), replace(DIPLOMAT, type="SUPPORT")
    assert list(contradictions([a, b], ACTORS)) == []
