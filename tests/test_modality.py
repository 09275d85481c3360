"""Modality of events (extract/events/_modality.py): one sentence per pattern."""

from __future__ import annotations

import pytest

import reportedly
from reportedly.annotate import parse
from reportedly.extract.events._claims import modality_of

pytestmark = pytest.mark.model

# (text, trigger, expected modality)
MODALITY = [
    # conditionals: "if" on the event's own clause, a noun event in it too
    ("If the U.S. imposes a tariff, China will retaliate.", "imposes", "conditional"),
    ("If the U.S. imposes a tariff, China will retaliate.", "tariff", "conditional"),
    ("Paris would back the plan if Moscow ends the raids.", "back", "conditional"),
    # ... unless it happened
    (
        "If the mayor forces a shutdown, as happened this weekend, the depots close.",
        "shutdown",
        "asserted",
    ),
    # an inverted condition
    (
        "The rebels could be driven into the camps, should Russia's strikes "
        "continue to spare those camps.",
        "strikes",
        "conditional",
    ),
    # questions: "asked if", "whether", a question sentence
    (
        "Asked directly if the coalition would protect the groups, Carter did "
        "not answer.",
        "protect",
        "hypothetical",
    ),
    ("It is unclear whether Russia struck the base.", "struck", "hypothetical"),
    ("Did Russia bomb the hospital?", "bomb", "hypothetical"),
    ("Who bombed the hospital?", "bombed", "asserted"),
    # obligation is a demand
    ("Russia must stop the bombing of civilians.", "stop", "demanded"),
    ("The government has to release the prisoners.", "release", "demanded"),
    (
        "He said Moscow needed to state clearly who the enemy was, push Assad "
        "to halt the shelling, and make clear that Assad would go.",
        "push",
        "demanded",
    ),
    ("The army demanded that the suspects be handed over.", "handed", "demanded"),
    ("Washington wants Moscow to stop the strikes.", "stop", "demanded"),
    ("The UN called for talks between the two sides.", "talks", "demanded"),
    (
        "The vote followed a long campaign in Cork for a public apology.",
        "apology",
        "demanded",
    ),
    ("The UN urged Russia to stop the bombing of civilians.", "stop", "demanded"),
    # ... but what is to be stopped goes on, and what was told happened
    ("The UN urged Russia to stop the bombing of civilians.", "bombing", "asserted"),
    (
        "The ministry told reporters that the soldiers were handed over.",
        "handed",
        "asserted",
    ),
    # deliberation is not a decision
    (
        "Germany is also considering suspending its aid to the country.",
        "suspending",
        "hypothetical",
    ),
    # plans, schedules, hopes
    ("The army would shortly mount an offensive on the city.", "mount", "future"),
    ("He said the ship would be provided next year.", "provided", "future"),
    (
        "He said the apology would be made during questions in the Commons.",
        "apology",
        "future",
    ),
    ("The talks are scheduled to start this month.", "start", "future"),
    ("Russia is due to hold talks next week.", "hold", "future"),
    ("Turkey is set to launch an offensive.", "launch", "future"),
    (
        "The planned visa restrictions were announced on Monday.",
        "restrictions",
        "future",
    ),
    ("The hoped-for talks have been delayed again.", "talks", "future"),
    ("Moscow wants to open talks with the rebels.", "open", "future"),
    (
        "He added that formal talks with the rebels should get under way within days.",
        "talks",
        "future",
    ),
    ("Russia will send jets and strike the base.", "strike", "future"),
    # hypothetical
    ("Russia could decide to strike the base.", "strike", "hypothetical"),
    ("The possible strikes worry the neighbours.", "strikes", "hypothetical"),
    ("The strikes could push rebels into the camps.", "strikes", "asserted"),
    # hedges
    ("The rebels are believed to have seized the town.", "seized", "alleged"),
    ("The alleged attack killed ten people.", "attack", "alleged"),
    # what the clause around a noun says, and the verb it is the object of
    ("The men are said to have died in an American airstrike.", "airstrike", "alleged"),
    (
        "The UN begged the militias to agree to an immediate ceasefire.",
        "ceasefire",
        "demanded",
    ),
    (
        "He remains on bail and is planning an appeal against the verdict.",
        "appeal",
        "future",
    ),
    ("The council demanded a ceasefire in the north.", "ceasefire", "demanded"),
    ("The men appear likely to be tried in the US.", "tried", "hypothetical"),
    # hearsay: reports that, reportedly higher up
    (
        "There are unconfirmed reports that dozens of fighters were killed last week.",
        "killed",
        "alleged",
    ),
    (
        "The war has reportedly led Riyadh to renege on its pledges.",
        "renege",
        "alleged",
    ),
    # "would" over an adjective: a wish that may not come true
    ("He said he would be happy to meet the envoy.", "meet", "hypothetical"),
    # "no reports of", "no sign of": the event is negated
    ("There were no reports of clashes in the city.", "clashes", "negated"),
    ("There was no sign of fighting near the border.", "fighting", "negated"),
    ("The talks ended without a deal on the border.", "deal", "negated"),
    # a scheduled event as the subject of "be due to"
    ("The talks are due to start next month.", "talks", "future"),
    # "any" names no occasion; hopes, risks and plans of an event
    ("Jordan opposes any incursion near its border.", "incursion", "hypothetical"),
    ("Hopes of a ceasefire rose on Monday.", "ceasefire", "hypothetical"),
    ("Envoys warned of the risk of an attack on the port.", "attack", "hypothetical"),
    ("The army drew up plans for an assault on the city.", "assault", "future"),
    ("The army finished the assault on the city.", "assault", "asserted"),
    # denial of a named event; the default
    ("The army denied the attack on the school.", "attack", "denied"),
    ("The strikes killed 30 people in the town.", "strikes", "asserted"),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), MODALITY)
def test_modality(text: str, trigger: str, expected: str) -> None:
    doc = parse(text)
    start = text.index(trigger)
    tok = doc.char_span(start, start + len(trigger), alignment_mode="expand")[0]
    assert modality_of(tok, None) == expected


# (text, trigger, cue lemma of the attribution, rejection, expected)
WITH_CUE = [
    # a rejection made by negation is the event
    (
        "We will not accept attempts to seize the reefs.",
        "accept",
        None,
        True,
        "asserted",
    ),
    (
        "We will not accept attempts to seize the reefs.",
        "accept",
        None,
        False,
        "negated",
    ),
    # beliefs and fears are claims
    (
        "Officials fear that Russia is targeting other militants.",
        "targeting",
        "fear",
        False,
        "alleged",
    ),
    (
        "Officials are concerned that Russia is targeting other militants.",
        "targeting",
        "concerned",
        False,
        "alleged",
    ),
    (
        "Analysts expect that Russia widens the strikes.",
        "widens",
        "expect",
        False,
        "future",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "cue", "rejection", "expected"), WITH_CUE)
def test_modality_with_cue(
    text: str, trigger: str, cue: str | None, rejection: bool, expected: str
) -> None:
    doc = parse(text)
    start = text.index(trigger)
    tok = doc.char_span(start, start + len(trigger), alignment_mode="expand")[0]
    assert modality_of(tok, cue, rejection=rejection) == expected


# an event its own clause dates after publication has not happened yet,
# unless told in the past tense (then the publication date is suspect)
AHEAD = [
    ("Neumann is stepping down as chief executive in May 2020.", "future"),
    ("The minister meets his counterpart on 3 March 2020.", "future"),
    ("The army shelled the town on 3 March 2020.", "asserted"),
    ("Neumann is stepping down as chief executive on 21 November 2019.", "asserted"),
]


@pytest.mark.parametrize(("text", "expected"), AHEAD)
def test_a_date_after_publication_is_not_asserted(text: str, expected: str) -> None:
    an = reportedly.analyze(text, raw=True, published="2019-11-20")
    assert [e.modality for e in an.events] == [expected]
