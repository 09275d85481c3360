"""Claimants and modality of events (extract/events/_claims.py), table-driven."""

from __future__ import annotations

import pytest

import reportedly
from reportedly.annotate import parse
from reportedly.extract.events._claims import claims, modality_of
from reportedly.model import Event, Span

pytestmark = pytest.mark.model


def _event(text: str, trigger: str, n: int = 0) -> Event:
    start = -1
    for _ in range(n + 1):
        start = text.index(trigger, start + 1)
    return Event(
        id="e",
        type="ASSAULT",
        cameo="19",
        evidence=Span.of(text, 0, len(text)),
        trigger=Span.of(text, start, start + len(trigger)),
    )


MODALITY = [
    ("Russian jets struck the town on Monday.", "struck", "asserted"),
    ("The army did not shell the town.", "shell", "negated"),
    ("The army never shelled the town.", "shelled", "negated"),
    ("Russia will send more jets to the base.", "send", "future"),
    ("Moscow plans to open talks with the rebels.", "open", "future"),
    ("The strikes could push rebels into the camps.", "push", "hypothetical"),
    (
        "If Russia stops the bombing, Paris will support the plan.",
        "stops",
        "conditional",
    ),
    ("The UN called on Russia to stop the airstrikes.", "stop", "demanded"),
    ("The council urged both sides to withdraw their forces.", "withdraw", "demanded"),
    ("Rebels reportedly seized the checkpoint overnight.", "seized", "alleged"),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), MODALITY)
def test_modality(text: str, trigger: str, expected: str) -> None:
    doc = parse(text)
    start = text.index(trigger)
    tok = doc.char_span(start, start + len(trigger))[0]
    assert modality_of(tok, None) == expected


CLAIMED = [
    # (text, trigger, claimant speaker text or None, modality)
    (
        "Headline here\n\nThe ministry said its jets struck eight targets.",
        "struck",
        "The ministry",
        "asserted",
    ),
    (
        "Headline here\n\nThe ministry denied that its jets struck the hospital.",
        "struck",
        "The ministry",
        "denied",
    ),
    (
        "Headline here\n\nActivists claimed the regime used chlorine in the attack.",
        "used",
        "Activists",
        "alleged",
    ),
    (
        "Headline here\n\nRussian jets struck the town on Monday.",
        "struck",
        None,
        "asserted",
    ),
    # a belief held by an adjective or a verb is the holder's claim
    (
        "Headline here\n\nUSA officials are concerned that Russia is targeting "
        "other militants.",
        "targeting",
        "USA officials",
        "alleged",
    ),
    (
        "Headline here\n\nLocal doctors fear the militia shelled the camp.",
        "shelled",
        "Local doctors",
        "alleged",
    ),
    # an accusation reports what it charges
    (
        "Headline here\n\nVietnam accused Beijing of encroaching into its waters.",
        "encroaching",
        "Vietnam",
        "alleged",
    ),
    # a vote attributes no words: the outlet claims what it authorises
    (
        "Headline here\n\nThe parliament voted to authorise airstrikes in Syria.",
        "airstrikes",
        None,
        "asserted",
    ),
    # a stance holds a view of its object, it does not report it
    (
        "Headline here\n\nThe minister welcomed the ceasefire in the north.",
        "ceasefire",
        None,
        "asserted",
    ),
    (
        "Headline here\n\nThe envoy said the minister welcomed the ceasefire.",
        "ceasefire",
        "The envoy",
        "asserted",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "speaker", "modality"), CLAIMED)
def test_claimant_and_modality_from_the_attribution(
    text: str, trigger: str, speaker: str | None, modality: str
) -> None:
    a = reportedly.analyze(text, raw=True)
    doc = parse(text)
    (ev,) = claims(doc, [_event(text, trigger)], a.quotes)
    got = ev.claimant.span.text if ev.claimant else None
    assert got == speaker
    assert ev.modality == modality
    if ev.claimant:
        c = ev.claimant
        assert text[c.span.start : c.span.end] == c.span.text
        assert c.quote_id in {q.id for q in a.quotes}


def test_nested_claim_takes_the_innermost_speaker_and_keeps_the_chain() -> None:
    text = (
        "Headline here\n\nPOLITICO reported on Wednesday that, according to the "
        "Pentagon, Russian jets struck rebel positions near the city."
    )
    a = reportedly.analyze(text, raw=True)
    (ev,) = claims(parse(text), [_event(text, "struck")], a.quotes)
    assert ev.claimant is not None
    assert "Pentagon" in ev.claimant.span.text
    assert len(ev.claimant.chain) == 2
    outer = {q.id: q for q in a.quotes}[ev.claimant.chain[0]]
    assert outer.speaker is not None and outer.speaker.span.text == "POLITICO"


def test_headline_attribution_claims_the_headline_event() -> None:
    text = (
        "Defence ministry says jets struck eight targets in Syria\n\n"
        "The strikes began on Wednesday."
    )
    a = reportedly.analyze(text, raw=True)
    (ev,) = claims(parse(text), [_event(text, "struck")], a.quotes)
    assert ev.claimant is not None and ev.claimant.span.text == "Defence ministry"


@pytest.fixture(scope="module")
def reference() -> reportedly.Analysis:
    from pathlib import Path

    path = (
        Path(__file__).resolve().parents[1] / "reportedly/demo/000_49bb6308d4702ce6.txt"
    )
    return reportedly.analyze(path.read_text(encoding="utf-8"))


def _claimed(a: reportedly.Analysis, trigger: str) -> list[tuple[str, str | None]]:
    return [
        (e.type, e.claimant.span.text if e.claimant else None)
        for e in a.events
        if e.trigger is not None and e.trigger.text == trigger
    ]


def test_reference_headline_strike_is_claimed_by_the_ministry(reference) -> None:
    (ev,) = [e for e in reference.events if e.quantities and e.quantities[0].value == 8]
    assert ev.type == "ASSAULT" and ev.claimant is not None
    assert ev.claimant.span.text == "Russian defence ministry"
    assert ev.quantities[0].unit == "targets"


def test_reference_killings_are_claimed_by_khoja(reference) -> None:
    # "The Russians struck northern Homs today and killed 36": one happening
    (ev,) = [
        e
        for e in reference.events
        if e.claimant
        and e.claimant.span.text == "Khaled Khoja"
        and e.trigger.text == "struck"
    ]
    assert ev.type == "ASSAULT"
    assert any(m.text.startswith("killed 36") for m in ev.mentions)
    assert [q.value for q in ev.quantities] == [36.0]
    assert ("ASSAULT", "Russian officials") in _claimed(reference, "bombed")
    assert ("ASSAULT", "A French diplomatic") in _claimed(reference, "targeting")


def test_reference_parliament_vote_is_an_event_the_outlet_asserts(reference) -> None:
    assert ("AGREE", None) in _claimed(reference, "voted")


def test_reference_contradiction_is_on_whom_not_on_eight_versus_four(reference) -> None:
    """Eight targets are at least four; Russia's IS targets against the other
    militants US officials name is the contradiction the article holds."""
    msgs = [s.message for s in reference.signals if s.kind == "internal_contradiction"]
    assert not any("how many" in m for m in msgs)
    assert any("'IS'" in m and "other militants" in m and "whom" in m for m in msgs)


def test_reference_headline_strike_is_by_the_russian_military_on_is(reference) -> None:
    actors = {a.id: a for a in reference.actors}
    (ev,) = [e for e in reference.events if e.quantities and e.quantities[0].value == 8]
    actor = actors[ev.actors[0].actor_id]
    recipient = actors[ev.recipients[0].actor_id]
    assert (actor.country, actor.sector) == ("RUS", "MIL")
    assert recipient.sector == "UAF" and ev.recipients[0].span.text == "IS"
    ministry = actors[ev.claimant.actor_id]
    assert (ministry.country, ministry.sector) == ("RUS", "GOV")


def test_reference_russia_is_one_actor_across_its_variants(reference) -> None:
    russia = [a for a in reference.actors if a.kind == "country" and a.country == "RUS"]
    assert len(russia) == 1
    assert {"Russia", "The Russians", "Russian"} <= {m.text for m in russia[0].mentions}
