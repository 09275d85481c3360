"""The event confidence: features read off the record, a logistic model."""

from __future__ import annotations

import dataclasses

import pytest

from reportedly.extract.confidence import confidence, features
from reportedly.model import Actor, Claimant, Event, EventArg, Span

TEXT = "Officials said Russian jets struck rebels in Talbiseh on Monday; they said so."
ACTORS = {
    "rus": Actor(id="rus", name="Russia", kind="country", country="RUS"),
    "reb": Actor(id="reb", name="rebels", kind="group", sector="REB"),
    "off": Actor(id="off", name="Officials", kind="group"),
}


def span(s: str) -> Span:
    i = TEXT.index(s)
    return Span.of(TEXT, i, i + len(s))


BASE = Event(
    id="e",
    type="ASSAULT",
    cameo="19",
    evidence=span("Russian jets struck rebels"),
    actors=(EventArg(span=span("Russian jets"), actor_id="rus"),),
    recipients=(EventArg(span=span("rebels"), actor_id="reb"),),
    claimant=Claimant(span=span("Officials"), actor_id="off"),
    date="2015-10-05",
    date_source="clause",
    confidence=0.7,
)


@pytest.mark.parametrize(
    ("change", "name", "value"),
    [
        ({}, "actor_resolved", 1.0),
        ({"actors": (EventArg(span=span("they")),)}, "actor_pronoun", 1.0),
        ({"actors": (EventArg(span=span("they")),)}, "actor_resolved", 0.0),
        ({"recipients": ()}, "recipient", 0.0),
        ({}, "claimant_resolved", 1.0),
        ({"claimant": None}, "claimed", 0.0),
        ({"modality": "alleged"}, "asserted", 0.0),
        ({"date_source": "published"}, "date_published", 1.0),
        ({}, "date_own", 1.0),
    ],
)
def test_features(change: dict, name: str, value: float) -> None:
    assert features(dataclasses.replace(BASE, **change), ACTORS)[name] == value


def test_detection_score_is_read_before_the_calibrated_one() -> None:
    ev = dataclasses.replace(BASE, confidence=0.1, detection=0.9)
    assert features(ev, ACTORS)["event_logit"] > 2


def test_confidence_is_a_probability() -> None:
    for ev in (
        BASE,
        dataclasses.replace(BASE, actors=(), recipients=(), confidence=0.2),
    ):
        assert 0.0 < confidence(ev, ACTORS) < 1.0
