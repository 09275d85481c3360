"""Contradictions between claims inside one article (extract/signals)."""

from __future__ import annotations

from reportedly.extract.signals import contradictions
from reportedly.model import Claimant, Event, EventArg, Quantity, Span

TEXT = (
    "The ministry said its army struck eight IS targets. "
    "Officials said the army bombed at least four ISIS targets. "
    "A diplomat said the army hit opposition groups. "
    "The army struck a convoy, the ministry said."
)


def span(s: str, n: int = 0) -> Span:
    i = -1
    for _ in range(n + 1):
        i = TEXT.index(s, i + 1)
    return Span.of(TEXT, i, i + len(s))


RESOLVED = {
    "eight IS targets": "islamic-state",
    "at least four ISIS targets": "islamic-state",
    "opposition groups": "opposition",
}


def event(
    evidence: str,
    claimant: str,
    actor: str,
    recipient: str,
    qty: tuple[str, float] | None,
) -> Event:
    quantities = ()
    if qty is not None:
        q = span(qty[0])
        quantities = (
            Quantity(
                value=qty[1], unit="targets", text=q.text, start=q.start, end=q.end
            ),
        )
    return Event(
        id=evidence[:10],
        type="ASSAULT",
        cameo="19",
        evidence=span(evidence),
        actors=(EventArg(span=span(actor), actor_id="army"),),
        # recipients resolved as the pipeline does: IS and ISIS are one group
        recipients=(EventArg(span=span(recipient), actor_id=RESOLVED.get(recipient)),),
        quantities=quantities,
        claimant=Claimant(span=span(claimant), quote_id=claimant),
    )


MINISTRY = event(
    "its army struck eight IS targets",
    "The ministry",
    "army",
    "eight IS targets",
    ("eight IS targets", 8),
)
OFFICIALS = event(
    "the army bombed at least four ISIS targets",
    "Officials",
    "army",
    "at least four ISIS targets",
    ("at least four ISIS targets", 4),
)
DIPLOMAT = event(
    "the army hit opposition groups", "A diplomat", "army", "opposition groups", None
)


def test_different_numbers_from_different_claimants_conflict() -> None:
    (sig,) = contradictions([MINISTRY, OFFICIALS])
    assert sig.kind == "internal_contradiction"
    assert "eight IS targets" in sig.message and "four ISIS targets" in sig.message
    assert sig.span == MINISTRY.evidence and sig.related == (OFFICIALS.evidence,)


def test_different_targets_of_the_same_actor_conflict() -> None:
    sigs = list(contradictions([MINISTRY, DIPLOMAT]))
    assert [s.message.endswith("(they disagree on whom)") for s in sigs] == [True]


def test_one_claimant_never_contradicts_itself() -> None:
    same = event(
        "The army struck a convoy", "The ministry", "army", "a convoy", ("eight", 8)
    )
    assert list(contradictions([MINISTRY, same])) == []


def test_other_event_types_do_not_conflict() -> None:
    from dataclasses import replace

    assert list(contradictions([MINISTRY, replace(OFFICIALS, type="PROTEST")])) == []


def test_a_denial_is_not_a_contradiction_of_numbers() -> None:
    from dataclasses import replace

    assert list(contradictions([MINISTRY, replace(OFFICIALS, modality="denied")])) == []


def test_unresolved_recipients_never_conflict() -> None:
    from dataclasses import replace

    vague = replace(DIPLOMAT, recipients=(EventArg(span=span("opposition groups")),))
    assert list(contradictions([MINISTRY, vague])) == []
