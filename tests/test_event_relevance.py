"""Event detection knows an event from a word: table-driven cases written
for these tests (each non-event built like a mistake readers found)."""

from __future__ import annotations

import math

import pytest

from reportedly.annotate import parse
from reportedly.extract.events import events
from reportedly.extract.events._features import DIM, features, hashed
from reportedly.extract.events._relevance import model, probability
from reportedly.model import Article


def _found(text: str) -> list[tuple[str, str]]:
    """(type, trigger text) of every event record of ``text``."""
    return [
        (e.type, e.trigger.text if e.trigger else "")
        for e in events(parse(text), Article(id="t", text=text))
    ]


# (sentence, trigger word that must not give a record)
NOT_EVENTS = [
    # another sense of the word
    (
        "The claim that older staff cost more is a myth that needs to be exploded.",
        "exploded",
    ),
    ("Two climbers died in freezing temperatures on the ridge.", "freezing"),
    ("The scheme is giving rise to fears among farmers.", "giving"),
    ("The new study demonstrates that the treatment works.", "demonstrates"),
    ("The clinic has cut waiting times for new patients.", "cut"),
    ("The band released two videos on Friday.", "released"),
    ("The plague ended up killing a third of the town.", "killing"),
    ("The bus was traveling on icy roads when it skidded.", "traveling"),
    ("Working with these young musicians is a joy, she said.", "Working"),
    ("Tested by: Anna Berg. Price: 20 euros.", "Tested"),
    # a noun that names a thing, a job or a name, not an event
    ("A senior aid official described the camp as crowded.", "aid"),
    ("The Audit Commission published its yearly figures.", "Commission"),
    ("The settlements are home to thousands of families.", "settlements"),
    ("He spent five years in charge of the club.", "charge"),
    ("The deadline for entries is next Friday.", "deadline"),
    ("He was held in that prison during the Korean War.", "War"),
    ("He was hurt on a hunting trip last autumn.", "trip"),
    # dates and background
    ("In a March 21 phone call, the two presidents spoke about trade.", "March"),
    ("The museum opened in March 2006.", "March"),
    ("The city lies in ruins after nine years of war.", "war"),
    ("Ministers have long refused to publish the report.", "refused"),
    ("Rebels are alleged to have shelled the market.", "alleged"),
    ("The rebels have ties to the army.", "ties"),
    (
        "He spoke to the paper on condition of anonymity and a US-backed group.",
        "backed",
    ),
    # market reports: prices move, nobody acts
    ("Shares in the firm closed 0.68% higher on Friday.", "closed"),
    ("The index hit a record high on Tuesday.", "hit"),
    # a toll of a war is no occasion
    ("The conflict has killed more than 100,000 people.", "killed"),
    ("The war that has killed half a million people entered its ninth year.", "killed"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "word"), NOT_EVENTS)
def test_no_event_from_a_word(text, word):
    assert word not in [t for _, t in _found(text)], _found(text)


# (sentence, type that must be found, its trigger)
EVENTS = [
    ("Rebels shelled the market in the north on Monday.", "ASSAULT", "shelled"),
    ("Police arrested twelve activists outside the ministry.", "COERCE", "arrested"),
    ("The two presidents held a phone call on Tuesday.", "CONSULT", "call"),
    ("The militia released six hostages on Sunday.", "RETREAT", "released"),
    (
        "Thousands of students demonstrated against the new law.",
        "PROTEST",
        "demonstrated",
    ),
    ("Donors cut aid to the ministry after the coup.", "SANCTION", "cut"),
    (
        "The government established diplomatic ties with its neighbour.",
        "SUPPORT",
        "established",
    ),
    ("The minister accused the opposition of lying.", "ACCUSE", "accused"),
    ("The union threatened a general strike over pay.", "THREATEN", "threatened"),
    ("The army launched an offensive on the rebel town.", "ASSAULT", "offensive"),
    ("The president visited the flooded province on Friday.", "CONSULT", "visited"),
    ("Jets bombed a hospital in the city overnight.", "ASSAULT", "bombed"),
    (
        "The court sentenced the former mayor to six years in prison.",
        "SANCTION",
        "sentenced",
    ),
    ("Norway donated medical supplies to the flooded region.", "AID", "donated"),
    ("The rebels agreed to a ceasefire in the east.", "RETREAT", "ceasefire"),
    ("The two ministers clashed over the budget on Monday.", "ACCUSE", "clashed"),
    ("The minister hit back at a claim that he had lied.", "ACCUSE", "hit"),
    ("Troops were deployed along the border last week.", "MOBILIZE", "deployed"),
    ("The army declared war on the rebel movement.", "ASSAULT", "war"),
    ("Gunmen killed four soldiers at a checkpoint.", "ASSAULT", "killed"),
    # ... but fighting on an occasion and a party's own toll are events
    ("Fighting killed 20 people on Monday.", "ASSAULT", "killed"),
    ("Rebels have killed 20 soldiers in Idlib.", "ASSAULT", "killed"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "typ", "word"), EVENTS)
def test_real_events_stay(text, typ, word):
    assert (typ, word) in _found(text), _found(text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "typ"),
    [
        # a verb and its noun, or two nouns, telling one happening
        (
            "Eight hostages were released on Sunday in a release brokered by Qatar.",
            "RETREAT",
        ),
        ("The rebels carried out bomb attacks on two markets.", "ASSAULT"),
    ],
)
def test_one_happening_one_record(text, typ):
    assert [t for t, _ in _found(text)].count(typ) == 1, _found(text)


@pytest.mark.model
def test_confidence_is_the_model_probability():
    text = "Rebels shelled the market in the north on Monday."
    doc = parse(text)
    (e,) = [x for x in events(doc, Article(id="t", text=text)) if x.type == "ASSAULT"]
    assert 0 < e.confidence < 1
    m = model()
    assert m is not None and 0 < m.threshold < 1
    assert e.confidence >= round(m.threshold, 2)


def test_model_ships_and_is_small():
    m = model()
    assert m is not None
    assert 1000 < len(m.weights) <= DIM
    assert all(math.isfinite(w) for w in m.weights.values())


@pytest.mark.model
def test_features_are_stable_buckets():
    doc = parse("Police arrested twelve activists.")
    tok = doc[1]
    feats = features(tok, "COERCE", "arrest")
    assert "l=arrest" in feats and "t=COERCE" in feats
    assert hashed(["l=arrest"]) == hashed(["l=arrest"])
    assert all(0 <= h < DIM for h in hashed(feats))
    assert 0 < probability(tok, _trigger()) < 1


def _trigger():
    from reportedly.extract.events._lexicon import Trigger

    return Trigger("COERCE", "17", "arrest", "material_conflict")


@pytest.mark.model
def test_features_read_the_sentence_topic():
    """The sentence's content words are features (a hockey report's ``beat``
    is no assault); function words and the trigger itself are not."""
    doc = parse("Columbus beat Montreal in overtime after two late goals.")
    tok = next(t for t in doc if t.lower_ == "beat")
    feats = features(tok, "ASSAULT", None)
    assert {"s=overtime", "s=goal"} <= set(feats)
    assert "s=beat" not in feats and "s=in" not in feats and "s=after" not in feats


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "typ", "word"),
    [
        # a noun told as its type by its own verb stays, whatever the model
        ("The charity delivered aid to the stranded villagers.", "AID", "aid"),
        ("Canada sent assistance to the quake zone.", "AID", "assistance"),
    ],
)
def test_affirmed_nouns_stay(text, typ, word):
    from reportedly.extract.events._decide import affirmed
    from reportedly.extract.events._lexicon import tables, trigger_of

    doc = parse(text)
    tok = next(t for t in doc if t.text == word)
    trig = trigger_of(tok, tables())
    assert trig is not None and affirmed(tok, trig, tables())
    assert (typ, word) in _found(text), _found(text)


@pytest.mark.model
def test_a_pronoun_subject_affirms_nothing():
    from reportedly.extract.events._decide import affirmed
    from reportedly.extract.events._lexicon import tables, trigger_of

    doc = parse("They delivered aid to the villagers.")
    tok = next(t for t in doc if t.text == "aid")
    trig = trigger_of(tok, tables())
    assert trig is not None and not affirmed(tok, trig, tables())
