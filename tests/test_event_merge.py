"""One record per happening (extract/events/_merge.py): retellings of one
happening in an article become one record with ``mentions``; distinct
happenings stay apart. Table-driven cases written for these tests."""

from __future__ import annotations

import pytest

import reportedly
from reportedly.model import Event, stable_id

pytestmark = pytest.mark.model

PUBLISHED = "2020-05-12"


def _analyze(text: str) -> reportedly.Analysis:
    return reportedly.analyze(text, raw=True, published=PUBLISHED)


def _with(a: reportedly.Analysis, trigger: str) -> list[Event]:
    return [e for e in a.events if e.trigger is not None and e.trigger.text == trigger]


def _tells(ev: Event, text: str) -> bool:
    """Does the record tell ``text``: in its evidence or one of its mentions?"""
    return any(text in s.text for s in (ev.evidence, *ev.mentions))


# (text, trigger of the record kept, words of the retelling it must hold)
MERGED = [
    # a definite noun mention
    (
        "Police arrested the mayor of Kordan on Monday. The arrest of the mayor "
        "was condemned.",
        "arrested",
        "The arrest of the mayor",
    ),
    (
        "Turkish jets bombed the camp on Monday. The bombing was condemned.",
        "bombed",
        "The bombing was condemned",
    ),
    (
        "The two ministries are cooperating closely on border patrols. This "
        "cooperation began last year.",
        "cooperating",
        "This cooperation",
    ),
    # the headline and a body sentence
    (
        "Rebels free three aid workers in Kordan\n\nRebels freed three aid workers "
        "in Kordan on Tuesday, after weeks of talks.",
        "free",
        "Rebels freed three aid workers",
    ),
    # a pronoun subject with the same verb
    (
        "The government will provide the clinic with two ambulances, the minister "
        "said. He said they would be provided next month.",
        "provide",
        "they would be provided",
    ),
    # counts are ranges: at least four fits seven
    (
        "Gunmen killed at least four guards at the prison. They killed seven "
        "guards at the prison.",
        "killed",
        "They killed seven guards",
    ),
    # one sentence: a noun joined by a preposition, a pledged act
    (
        "The governor was killed by a car bomb in Dalen on Friday.",
        "killed",
        "a car bomb",
    ),
    (
        "The party has pledged to cut taxes by scrapping the fuel levy.",
        "pledged",
        "scrapping the fuel levy",
    ),
    # the outcomes of one attack: killed, wounded, injured, destroyed
    (
        "A car bombing in a market in Kordan killed six people on Thursday. "
        "The attack also wounded 19 people.",
        "bombing",
        "wounded 19 people",
    ),
    (
        "Warplanes struck the town of Sermin on Tuesday. Four civilians were "
        "killed and seven others were injured.",
        "struck",
        "seven others were injured",
    ),
    ("Rebels shelled the port on Monday, killing five people.", "shelled", "killing"),
    # a headline and the body sentence telling one attack at one place
    (
        "Jets strike market in Idlib\n\nRussian jets struck a market in Idlib "
        "on Monday.",
        "strike",
        "Russian jets struck a market in Idlib",
    ),
]


@pytest.mark.parametrize(("text", "kept", "retold"), MERGED)
def test_retellings_become_one_record(text: str, kept: str, retold: str) -> None:
    a = _analyze(text)
    (ev,) = _with(a, kept)
    assert _tells(ev, retold)
    others = [e for e in a.events if e is not ev and e.type == ev.type]
    assert not any(retold in e.evidence.text for e in others)
    for s in ev.mentions:
        assert a.article.text[s.start : s.end] == s.text


# (text, trigger, how many records of it stay)
APART = [
    # two towns of their own clauses
    ("Jets bombed a market in Aleppo. They bombed a school in Homs.", "bombed", 2),
    # two days of their own phrases
    ("Troops shelled Kordan on 3 May. They shelled Kordan on 9 May.", "shelled", 2),
    # two counts that clash
    (
        "Gunmen killed four guards at the prison. They killed seven guards at "
        "the prison.",
        "killed",
        2,
    ),
    # another happening, said so
    ("Jets bombed a market in Aleppo. They bombed the market again.", "bombed", 2),
    # a mention naming its own year retells no record without it
    (
        "Militants attacked a checkpoint near Kordan on Monday. Residents "
        "recalled the 2013 attack on the base.",
        "attack",
        1,
    ),
    # outcomes of attacks on two towns (the first killing is the strike's),
    # or far from the attack
    (
        "Warplanes struck Sermin on Tuesday. Four civilians were killed there. "
        "In Saraqeb, eleven civilians were killed in separate strikes.",
        "killed",
        1,
    ),
    (
        "Warplanes struck Aleppo on Tuesday. In Damascus, eleven civilians were "
        "killed in separate strikes.",
        "killed",
        1,
    ),
    (
        "Gunmen attacked a checkpoint on Monday. The mayor spoke of the town's "
        "history. Its mills were built in 1850. Two guards were killed in May.",
        "attacked",
        1,
    ),
    # a headline and a body attack somewhere else
    ("Jets strike market in Idlib\n\nRebels shelled a school in Aleppo.", "shelled", 1),
    # a series of arrests
    (
        "Police arrested the mayor on Monday. Police arrested his deputy on Tuesday.",
        "arrested",
        2,
    ),
]


@pytest.mark.parametrize(("text", "trigger", "n"), APART)
def test_distinct_happenings_stay_apart(text: str, trigger: str, n: int) -> None:
    assert len(_with(_analyze(text), trigger)) == n


def test_two_actors_stay_apart() -> None:
    a = _analyze(
        "Turkish jets bombed the camp on Monday. The bombing by Russian jets was "
        "condemned."
    )
    assert len(_with(a, "bombed")) == 1 and len(_with(a, "bombing")) == 1


def test_a_demand_and_the_demanded_act_stay_two_records() -> None:
    """The demanded act says what is demanded (its type), of another party."""
    a = _analyze("The council urged both sides to withdraw their forces.")
    assert [(e.type, e.modality) for e in a.events] == [
        ("REQUEST", "asserted"),
        ("RETREAT", "demanded"),
    ]


def test_a_light_verb_takes_the_type_of_the_event_it_carries() -> None:
    a = _analyze("The defence minister delivered an ultimatum to the rebels on Sunday.")
    (ev,) = a.events
    assert ev.type == "THREATEN"
    assert [r.span.text for r in ev.recipients] == ["the rebels"]


def test_the_kept_record_is_completed_from_its_retellings() -> None:
    """The earliest record keeps its id and evidence, and takes the own date
    of a later mention."""
    text = (
        "The government will provide the clinic with two ambulances, the minister "
        "said. He said they would be provided next month."
    )
    a = _analyze(text)
    (ev,) = _with(a, "provide")
    assert ev.evidence.text.startswith("The government will provide")
    assert ev.date == "2020-06-01" and ev.date_source == "clause"
    ends = (ev.evidence.start, ev.evidence.end)
    assert ev.id == stable_id(a.article.id, ev.type, *ends)


def test_mentions_are_in_the_dict_form_and_round_trip() -> None:
    a = _analyze("Turkish jets bombed the camp on Monday. The bombing was condemned.")
    (ev,) = _with(a, "bombed")
    d = ev.to_dict()
    assert d["mentions"] == [
        {"text": "The bombing was condemned", "start": 40, "end": 65}
    ]
    assert Event.from_dict(d) == ev
    assert "event_merge" in a.extractors
