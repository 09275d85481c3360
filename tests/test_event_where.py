"""Where an event happened: its own clause, the clause governing it, the place
a statement was made, the article's focus only when unambiguous, else empty
with the reason (extract/events/_places.py, _where.py)."""

from __future__ import annotations

import re

import pytest
from place_mentions import P

from reportedly.annotate import parse
from reportedly.extract.events import events
from reportedly.extract.events._places import event_places, focus_of
from reportedly.model import Article, Span

pytestmark = pytest.mark.model

# name -> (place id, country, precision)
GAZ = {
    "Homs": ("homs", "SY", "point"),
    "Hama": ("hama", "SY", "point"),
    "Syria": ("syria", "SY", "country"),
    "Afrin": ("afrin", "SY", "point"),
    "Manbij": ("manbij", "SY", "point"),
    "Geneva": ("geneva", "CH", "point"),
    "Ankara": ("ankara", "TR", "point"),
    "Turkey": ("turkey", "TR", "country"),
    "Paris": ("paris", "FR", "point"),
    "Berlin": ("berlin", "DE", "point"),
    "BEIRUT": ("beirut", "LB", "point"),
    "Egypt": ("egypt", "EG", "country"),
    "Damascus": ("damascus", "SY", "point"),
    "Raqqa": ("raqqa", "SY", "point"),
    "Durham": ("durham", "GB", "point"),
    "Sunderland": ("sunderland", "GB", "point"),
    "Qatar": ("qatar", "QA", "country"),
    "Afghan": ("afghanistan", "AF", "country"),
    "Iraq": ("iraq", "IQ", "country"),
    "Srebrenica": ("srebrenica", "BA", "point"),
}
COUNTRIES = {pid: c for pid, c, _ in GAZ.values()}


def mentions(text: str) -> list[P]:
    out = []
    for name, (pid, _, prec) in GAZ.items():
        for m in re.finditer(rf"\b{name}\b", text):
            out.append(P(Span.of(text, m.start(), m.end()), pid, prec))
    return sorted(out, key=lambda m: m.span.start)


def located(text: str, trigger: str):
    doc = parse(text)
    evs = list(events(doc, Article(id="t", text=text)))
    out = event_places(doc, evs, mentions(text), [], countries=COUNTRIES)
    ev = next(e for e in out if e.trigger and e.trigger.text == trigger)
    where = ev.location.span.text if ev.location else None
    return where, ev.location_source


# (text, trigger, location text or None, location_source)
CASES = [
    # the event's own clause
    (
        "Rebels shelled Hama on Monday. Officials met in Paris.",
        "shelled",
        "Hama",
        "clause",
    ),
    # the clause governing it: "detained when holidaying in Turkey"
    (
        "The couple had been holidaying in Turkey when they were detained. "
        "They had travelled from Berlin.",
        "detained",
        "Turkey",
        "sentence",
    ),
    # a place in another clause of the sentence is not the event's
    (
        "The president warned that troops would advance from Afrin to Manbij. "
        "Officials met in Paris.",
        "warned",
        None,
        "ambiguous",
    ),
    # "Manbij, where US forces are deployed": at the antecedent
    (
        "Troops will advance to Manbij, where American special forces are deployed.",
        "deployed",
        "Manbij",
        "clause",
    ),
    # a statement is located where it was made, when the text says so: the
    # speaker's own statement only
    (
        "The foreign minister said in Geneva that he rejected the plan to "
        "withdraw from Homs. Talks continue in Paris.",
        "rejected",
        "Geneva",
        "statement",
    ),
    # not an event by another actor inside the quoted content
    (
        "The foreign minister said in Geneva that Russia rejected the plan to "
        "withdraw from Homs. Talks continue in Paris.",
        "rejected",
        None,
        "ambiguous",
    ),
    (
        "The foreign minister, speaking in Ankara, accused Russia of violating the "
        "truce in Homs. Talks continue in Paris.",
        "accused",
        "Ankara",
        "clause",
    ),
    # the focus when the clause and sentence name none and it is unambiguous
    (
        "Protesters gathered in Homs on Friday. Later police arrested two men. "
        "Homs has been tense since March.",
        "arrested",
        "Homs",
        "article",
    ),
    # the focus is ambiguous: places of two countries, none leading
    (
        "The minister flew to Paris. Later police arrested two men. "
        "Officials met in Berlin.",
        "arrested",
        None,
        "ambiguous",
    ),
    # no place at all
    ("Police arrested two men on Friday.", "arrested", None, "no_place"),
    # a dateline says where the reporter was: not counted for the focus
    (
        "BEIRUT (Reuters) - Police arrested two men on Friday. "
        "Protests continued in Homs.",
        "arrested",
        "Homs",
        "article",
    ),
    # "the outskirts of Damascus": the place of a relational word
    (
        "Regime forces besieged the town on the outskirts of Damascus. "
        "Talks continue in Paris.",
        "besieged",
        "Damascus",
        "clause",
    ),
]


# places the event's own clause or sentence names (issue: 27 "missing")
CASES += [
    # inside an argument's modifier: "troops based in Raqqa"
    (
        "Turkey launched an assault on Kurdish troops based in Raqqa. Talks "
        "continue in Paris.",
        "assault",
        "Raqqa",
        "clause",
    ),
    # from + a relational word: "from parts of Syria"
    (
        "Soldiers expelled the militants from parts of Syria. Talks continue in Paris.",
        "expelled",
        "Syria",
        "clause",
    ),
    # at + place
    (
        "Both sides agreed to negotiate at Geneva. Officials met in Paris.",
        "negotiate",
        "Geneva",
        "clause",
    ),
    # outside + place noun compound
    (
        "The union protested against the branding outside its Durham "
        "headquarters. Officials met in Paris.",
        "protested",
        "Durham",
        "clause",
    ),
    # at + place noun compound: "at Sunderland station"
    (
        "The minister met the protesters at Sunderland station. Officials met "
        "in Paris.",
        "met",
        "Sunderland",
        "clause",
    ),
    # a place modifying a place noun under a relational word
    (
        "Gunmen abducted two aid workers in the heart of the Afghan capital. "
        "Officials met in Paris.",
        "abducted",
        "Afghan",
        "clause",
    ),
    # "to" after a motion verb: "sent them to Qatar"
    (
        "The government freed three prisoners and sent them to Qatar. "
        "Officials met in Paris.",
        "sent",
        "Qatar",
        "clause",
    ),
    # the only place of the sentence, claimed by no other event
    (
        "After the shelling, many families left Homs. Officials met in Paris.",
        "shelling",
        "Homs",
        "sentence",
    ),
    # a place in another verb's nested clause is not the sentence's
    (
        "He fought Isis for a month before crossing into Iraq. Officials met in Paris.",
        "fought",
        None,
        "ambiguous",
    ),
    # a place compared with is not where
    (
        "Like Srebrenica, the town was shelled for weeks. Officials met in Paris.",
        "shelled",
        None,
        "ambiguous",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "where", "source"), CASES)
def test_event_location(text, trigger, where, source):
    assert located(text, trigger) == (where, source)


def test_focus_of_one_country_with_a_leading_place():
    text = "Homs Homs Hama Syria"
    got, why = focus_of(mentions(text), COUNTRIES)
    assert (got.place_id, why) == ("homs", "article")


def test_focus_of_one_country_without_a_leader_is_the_country():
    text = "Homs Hama Damascus Syria"
    got, why = focus_of(mentions(text), COUNTRIES)
    assert (got.place_id, why) == ("syria", "article")


def test_focus_of_tied_towns_without_the_country_is_ambiguous():
    assert focus_of(mentions("Homs Hama"), COUNTRIES) == (None, "ambiguous")


def test_focus_of_several_countries_is_ambiguous():
    text = "Homs Homs Paris Berlin"  # one country holds half, under 0.6
    assert focus_of(mentions(text), COUNTRIES) == (None, "ambiguous")


def test_focus_of_nothing_resolved():
    assert focus_of([], COUNTRIES) == (None, "no_place")


def test_assault_on_a_place_that_is_also_an_actor():
    """``an assault on Afrin``: the recipient is the place, even when its
    span is an actor's name (and so not a plain place mention)."""
    text = "Turkish jets launched an assault on Afrin. Officials met in Paris."
    doc = parse(text)
    evs = list(events(doc, Article(id="t", text=text)))
    at = text.index("Afrin")
    out = event_places(
        doc,
        evs,
        mentions(text),
        [],
        countries=COUNTRIES,
        actors=[Span.of(text, at, at + len("Afrin"))],
    )
    ev = next(e for e in out if e.trigger and e.trigger.text == "assault")
    assert ev.location is not None and ev.location.span.text == "Afrin"


def test_speaker_place_not_given_to_another_actors_event():
    text = (
        '"A country we call an ally is insisting on arming them," said the '
        "president, speaking in Ankara. Officials met in Paris."
    )
    got = located(text, "insisting")
    assert got[0] != "Ankara"
