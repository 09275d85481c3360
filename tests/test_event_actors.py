"""Event participants resolved to actors end to end (extract/events/_actors.py)."""

from __future__ import annotations

import pytest

import reportedly
from reportedly.extract.events._actors import _core

pytestmark = pytest.mark.model


def _first(text: str, trigger: str):
    an = reportedly.analyze(text, raw=True)
    actors = {a.id: a for a in an.actors}
    ev = next(e for e in an.events if e.trigger and e.trigger.text == trigger)

    def code(arg):
        a = actors.get(arg.actor_id)
        return (a.name, a.country, a.sector) if a else None

    return an, ev, [code(a) for a in ev.actors], [code(r) for r in ev.recipients]


# (text, trigger, actor (name, ISO3, sector), recipient (name, ISO3, sector))
CASES = [
    (
        "Russia's military struck rebel positions near the city on Monday.",
        "struck",
        ("Russia's military", "RUS", "MIL"),
        None,
    ),
    (
        "The Russians bombed Islamic State positions east of the city.",
        "bombed",
        ("Russia", "RUS", None),
        ("Islamic State", None, "UAF"),
    ),
    (
        "Moscow condemned the sanctions imposed by Washington.",
        "condemned",
        ("Russia", "RUS", None),
        None,
    ),
    (
        "U.S. forces attacked eight Taliban targets in the valley.",
        "attacked",
        ("U.S. forces", "USA", "MIL"),
        ("Taliban", "AFG", "REB"),
    ),
]


@pytest.mark.parametrize(("text", "trigger", "actor", "recipient"), CASES)
def test_participants_are_coded(text, trigger, actor, recipient):
    an, ev, acts, recs = _first(text, trigger)
    assert acts[:1] == [actor]
    if recipient is not None:
        assert recs[:1] == [recipient]
    for a in an.actors:
        for m in a.mentions:
            assert an.article.text[m.start : m.end] == m.text


def test_variants_of_one_country_are_one_actor():
    text = (
        "Russia said on Monday that its jets had struck rebel bases. "
        "The Russians bombed the town again on Tuesday. "
        "Russia's strikes killed five people, activists said."
    )
    an = reportedly.analyze(text, raw=True)
    russia = [a for a in an.actors if a.country == "RUS" and a.kind == "country"]
    assert len(russia) == 1
    assert {m.text for m in russia[0].mentions} >= {"Russia", "The Russians"}


def test_they_in_a_claim_is_the_claimant():
    text = "Russian officials said they bombed four militant camps overnight."
    an, ev, acts, _ = _first(text, "bombed")
    assert ev.claimant is not None and ev.claimant.actor_id is not None
    assert ev.actors[0].actor_id == ev.claimant.actor_id
    assert acts[0][1:] == ("RUS", "GOV")


def test_a_bare_army_takes_its_claimants_country():
    text = "The Turkish defence ministry said the army shelled militant positions."
    _, ev, acts, _ = _first(text, "shelled")
    assert acts[0][1:] == ("TUR", "MIL")


@pytest.mark.parametrize(
    "text",
    [
        "The villagers, who fought the militants, were attacked.",
        "Police said it attacked the convoy.",
        "The rebels said the army shelled them.",
    ],
)
def test_pronouns_are_never_coded_as_names(text):
    an = reportedly.analyze(text, raw=True)
    names = {a.name for a in an.actors}
    assert "World Health Organization" not in names
    assert not names & {"who", "it", "them"}


@pytest.mark.parametrize(
    ("text", "exp"),
    [
        ("eight IS targets", "IS"),
        ("at least four ISIS targets including depots", "ISIS"),
        ("dozens of rebel positions", "rebel"),
        ("36 innocent people", None),
        ("targets", None),
    ],
)
def test_owner_of_targets(text, exp):
    got = _core(text, 0)
    assert (text[got[0] : got[1]] if got else None) == exp
