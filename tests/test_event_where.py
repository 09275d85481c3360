"""Where an event happened: its own clause, the clause governing it, the place
a statement was made, the article's focus only when unambiguous, else empty
with the reason (extract/events/_places.py, _where.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

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
}
COUNTRIES = {pid: c for pid, c, _ in GAZ.values()}


@dataclass(frozen=True)
class P:
    span: Span
    place_id: str | None
    precision: str = "point"
    hint: str | None = None
    hint_span: Span | None = None


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
    # a statement is located where it was made, when the text says so
    (
        "The foreign minister said in Geneva that Russia rejected the plan to "
        "withdraw from Homs. Talks continue in Paris.",
        "rejected",
        "Geneva",
        "statement",
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
    text = "Homs Homs Homs Paris Berlin"
    assert focus_of(mentions(text), COUNTRIES) == (None, "ambiguous")


def test_focus_of_nothing_resolved():
    assert focus_of([], COUNTRIES) == (None, "no_place")
