"""Event participants are entities (issue 10): pronouns resolved or dropped,
no dates, numbers, abstract nouns or locations, roles as the grammar says,
hyphenated names whole. Sentences written for these tests."""

from __future__ import annotations

import pytest
from event_args import event_args

import reportedly

pytestmark = [pytest.mark.model, pytest.mark.usefixtures("every_candidate")]


# (text, trigger, first actor, first recipient): the name of the actor it
# resolved to, else the participant as written; None: no participant
CASES = [
    # relative pronouns take the noun their clause hangs on
    (
        "The militia, which had attacked the town, was disbanded.",
        "attacked",
        "militia",
        "*",
    ),
    (
        "The Taliban, who have long rejected negotiations, bombed a checkpoint.",
        "bombed",
        "Taliban",
        "*",
    ),
    # personal pronouns: the nearest earlier entity of the right kind
    (
        "The Kurdish militia held the ridge. They shelled the road at dawn.",
        "shelled",
        "Kurdish militia",
        "*",
    ),
    (
        "Anna Berg met Sajid Javid in London. She criticised the minister.",
        "criticised",
        "Anna Berg",
        "*",
    ),
    (
        "Home Secretary Sajid Javid met Priti Patel. She criticised the plan.",
        "criticised",
        "Priti Patel",
        None,
    ),
    (
        "Tom Reed met Mrs Clara Stone in Leeds. He criticised the council.",
        "criticised",
        "Tom Reed",
        "*",
    ),
    (
        "The guards threatened to use live ammunition on them.",
        "threatened",
        "guards",
        None,
    ),
    # "US" is the United States, not "us"; two parties stay two actors
    ("The US recognised the new government.", "recognised", "United States", "*"),
    (
        "Labour attacked the Tories. The Tories condemned Labour.",
        "condemned",
        "Tories",
        "Labour",
    ),
    # a pronoun with no antecedent is no participant
    ("It attacked the convoy.", "attacked", None, "the convoy"),
    # dates, weekdays, abstract nouns and locations are never participants
    ("Rebels shelled Aleppo on Monday.", "shelled", "Rebels", None),
    ("The army attacked in December 2016.", "attacked", "army", None),
    ("The ministry rejected the decision.", "rejected", "ministry", None),
    ("The council rejected attempts to close the school.", "rejected", "council", None),
    ("The board rejected overtures from the union.", "rejected", "board", None),
    # passives, deep by-agents, responsibility claims, event subjects
    (
        "Two reporters were shot by soldiers near the border.",
        "shot",
        "soldiers",
        "Two reporters",
    ),
    (
        "Residents were forced to undergo searches by the Syrian Democratic Forces.",
        "forced",
        "Syrian Democratic Forces",
        "Residents",
    ),
    (
        "The Taliban claimed responsibility for shooting down the helicopter.",
        "shooting",
        "Taliban",
        "*",
    ),
    ("The army's attack on the village killed 12 people.", "killed", "army", "*"),
    # a dateline is no subject
    (
        "KABUL (AP) — Defence Minister Omar Khan accused Pakistan of arming militants.",
        "accused",
        "Omar Khan",
        "Pakistan",
    ),
    # a relative's own name, not the person whose relative they are
    (
        "Mr Conlon's father Giuseppe was arrested in London.",
        "arrested",
        None,
        "Giuseppe",
    ),
    # descriptions resolve to the person the article introduced with them
    (
        "Jose Costa, 56, was sacked on Friday. The 56-year-old criticised the owners.",
        "criticised",
        "Jose Costa",
        "*",
    ),
    (
        "Former police chief Tom Hardy was arrested. "
        "The former police chief condemned the arrest.",
        "condemned",
        "Tom Hardy",
        "*",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "actor", "recipient"), CASES)
def test_participants(text, trigger, actor, recipient):
    acts, recs = event_args(text, trigger)
    assert (acts[0] if acts else None) == actor
    if recipient != "*":  # "*": not checked
        assert (recs[0] if recs else None) == recipient


@pytest.mark.parametrize(
    ("text", "trigger", "names"),
    [
        (
            "The attack was blamed on Lashkar-e-Taiba and Jaish-e-Mohammed.",
            "attack",
            None,
        ),
        (
            "Troops fought Lashkar-e-Taiba and Jaish-e-Mohammed in the valley.",
            "fought",
            ["Lashkar-e-Taiba", "Jaish-e-Mohammed"],
        ),
        ("Jets bombed al-Nusra and Ahrar al-Sham positions.", "bombed", None),
    ],
)
def test_hyphenated_names_stay_whole(text, trigger, names):
    an = reportedly.analyze(text, raw=True)
    for e in an.events:
        for arg in (*e.actors, *e.recipients):
            assert not arg.span.text.startswith("-") and not arg.span.text.endswith("-")
    if names:
        ev = next(e for e in an.events if e.trigger.text == trigger)
        assert [r.span.text for r in ev.recipients] == names


@pytest.mark.parametrize(
    ("text", "trigger", "published", "actor"),
    [
        # a role title resolves only to a holder in office on the publication date
        (
            "Former US President Barack Obama met Angela Merkel. "
            "The US president condemned the attack.",
            "condemned",
            "2019-05-01",
            "US president",
        ),
        (
            "President Barack Obama met Angela Merkel. "
            "The US president condemned the attack.",
            "condemned",
            "2015-05-01",
            "Barack Obama",
        ),
        (
            "President Barack Obama met Angela Merkel. "
            "The US president condemned the attack.",
            "condemned",
            "2019-05-01",
            "US president",
        ),
    ],
)
def test_role_titles_respect_the_publication_date(text, trigger, published, actor):
    acts, _ = event_args(text, trigger, published)
    assert acts[0] == actor
