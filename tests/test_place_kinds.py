"""Demonyms, place names inside other names and datelines in capitals
(extract/places/_associative.py), and that only names of places locate events.

Table-driven on sentences written for these tests.
"""

from __future__ import annotations

import functools

import pytest

import reportedly
from reportedly.extract.places import PlaceMention, places
from reportedly.model import Article, Place

pytestmark = pytest.mark.model


@functools.cache
def run(text: str) -> tuple[list[Place], list[PlaceMention]]:
    from reportedly.annotate import parse

    return places(parse(text), Article(id="t", text=text))


def mentions(text: str) -> dict[str, tuple[str, str | None]]:
    """Return each mention's text with its kind and country."""
    plist, ms = run(text)
    by_id = {p.id: p for p in plist}
    for m in ms:
        assert text[m.span.start : m.span.end] == m.span.text
    return {m.span.text: (m.kind, by_id[m.place_id].country) for m in ms}


def triggered(text: str, trigger: str, published: str = "2018-03-05") -> list:
    """The events of ``text`` whose trigger is ``trigger``."""
    a = reportedly.analyze(text, published=published)
    return [e for e in a.events if e.trigger and e.trigger.text == trigger]


# (text, mention, kind, country); kind None: no mention of that text
CASES = [
    # demonyms stand for their country or region
    ("Israeli officials met their Egyptian counterparts.", "Israeli", "demonym", "IL"),
    ("Israeli officials met their Egyptian counterparts.", "Egyptian", "demonym", "EG"),
    (
        "Palestinians marched through Ramallah on Friday.",
        "Palestinians",
        "demonym",
        "PS",
    ),
    ("Palestinians marched through Ramallah on Friday.", "Ramallah", "name", "PS"),
    ("Some European countries expelled diplomats.", "European", "demonym", None),
    ("The talks on Israeli-Egyptian ties resumed.", "Egyptian", "demonym", "EG"),
    # a religion or a party is no people of a place
    ("Muslim leaders and Republican senators met.", "Muslim", None, None),
    ("Muslim leaders and Republican senators met.", "Republican", None, None),
    # place names inside the names of organisations
    ("Oxford City Council approved the plan.", "Oxford", "in_name", "GB"),
    ("She teaches at the University of Kentucky.", "Kentucky", "in_name", "US"),
    ("The Zimbabwe Tourism Authority said visitors rose.", "Zimbabwe", "in_name", "ZW"),
    ("The road was closed by British Waterways.", "British", "in_name", "GB"),
    # a common word or a first name inside a name is no place
    ("Lakes Edge has appointed a new manager.", "Lakes", None, None),
    ("The actress is the mother of Leo Thames Newman.", "Leo", None, None),
    ("The Green Party candidate spoke on Monday.", "Green", None, None),
    (
        "Turkey launched Operation Olive Branch against the YPG.",
        "Olive Branch",
        None,
        None,
    ),
    # an acronym is no town: SANA is a news agency, not Sanaa
    ("SANA said the army retook the town.", "SANA", None, None),
    # a seat of power named for its building is where it stands
    (
        "Protesters gathered outside the White House on Sunday.",
        "White House",
        "name",
        "US",
    ),
    # a charity named "United Way" is no place
    ("Local United Way officials lobbied Congress.", "United Way", None, None),
    # a union named for its region
    ("EU ministers met in Brussels on Monday.", "EU", "demonym", None),
    # towns and countries the small model takes for people or organisations
    (
        "It's about protecting Gainesville as an inclusive city, Gainesville "
        "residents in Florida said.",
        "Gainesville",
        "name",
        "US",
    ),
    (
        "Several people were injured, including Sri Lanka's Minister of Posts.",
        "Sri Lanka",
        "name",
        "LK",
    ),
    # a city tagged as a person in an article that names no other place
    (
        "Gainesville residents marched on Friday. About 55 Gainesville "
        "residents joined, Gainesville officials said.",
        "Gainesville",
        "name",
        "US",
    ),
    # country acronyms
    ("China urged the DPRK and South Korea to talk.", "DPRK", "name", "KP"),
    # datelines in capitals are where the story was filed
    ("BAIKONUR, Kazakhstan — A Soyuz capsule lifted off.", "BAIKONUR", "name", "KZ"),
    ("TORONTO — A young man and his mother sued the police.", "TORONTO", "name", "CA"),
    ("UPDATE — The minister resigned on Friday.", "UPDATE", None, None),
    (
        "Police said the suspect fled. HARTFORD — Connecticut legislators voted.",
        "HARTFORD",
        "name",
        "US",
    ),
    ("Officials met. NATO, which leads the mission, agreed.", "NATO", None, None),
    ("Drug dealer arrested . BEIRUT: A dealer was arrested.", "BEIRUT", "name", "LB"),
    ("ALBUQUERQUE, N.M. (AP) — Documents show a delay.", "ALBUQUERQUE", "name", "US"),
    ("The Georgia Power plant in Atlanta closed.", "Georgia", "in_name", "US"),
]


@pytest.mark.parametrize(("text", "name", "kind", "country"), CASES)
def test_kinds_of_place_mentions(
    text: str, name: str, kind: str | None, country: str | None
) -> None:
    got = mentions(text)
    if kind is None:
        assert name not in got, got.get(name)
        return
    assert name in got, got
    assert got[name][0] == kind, got[name]
    assert got[name][1] == country, got[name]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Israeli jets struck a market in Khan Younis on Monday.", "Khan Younis"),
        ("Syrian troops shelled a hospital in Homs, killing four people.", "Homs"),
    ],
)
def test_demonyms_never_locate_events(text: str, where: str) -> None:
    a = reportedly.analyze(text, published="2018-03-05")
    located = [e.location.span.text for e in a.events if e.location]
    assert located, a.events
    assert all(w == where for w in located), located


def test_a_place_inside_a_name_never_locates_an_event() -> None:
    text = "Oxford City Council banned protests outside the town hall."
    a = reportedly.analyze(text, published="2018-03-05")
    assert a.events, "the ban should be an event"
    assert all(e.location is None for e in a.events), [e.location for e in a.events]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # a place a direction is measured from says where
        ("Aid arrived in Beirut. Jets bombed a school south of Homs.", "south of Homs"),
        # the place of an enclave is where troops went
        (
            "Officials met in Ankara. The army sent troops into the enclave of Afrin.",
            "Afrin",
        ),
        # a place after "in" inside a participant's name
        (
            "Officials met in Paris. The ministry kept partnering with the "
            "militia in Syria.",
            "Syria",
        ),
        # the place of strikes "carried out" there
        (
            "Officials met in Paris. Four people were killed in airstrikes "
            "carried out by the regime in Syria.",
            "Syria",
        ),
    ],
)
def test_places_inside_phrases_locate_events(text: str, where: str) -> None:
    a = reportedly.analyze(text, published="2018-03-05")
    last = [e for e in a.events if e.evidence.start > text.index(".")]
    assert last, a.events
    assert last[0].location is not None, last[0]
    assert last[0].location.span.text == where
    assert last[0].location_source == "clause"


def test_a_participant_that_is_a_place_is_not_where() -> None:
    text = (
        "Officials met in Paris. Erdogan called on the US not to allow disagreements."
    )
    called = triggered(text, "called")
    assert called
    assert called[0].location is None or called[0].location.span.text != "US"


def test_a_street_the_gazetteer_lacks_is_in_the_article_town() -> None:
    from reportedly.extract.places import resolve

    text = (
        "New Orleans police said the bar on Frenchmen Avenue was closed. "
        "New Orleans officials agreed."
    )
    names = [(n, text.index(n), text.index(n) + len(n)) for n in ("Frenchmen Avenue",)]
    names += [("New Orleans", 0, 11), ("New Orleans", 65, 76)]
    street, town, _ = resolve(names, text)
    assert town.entry is not None and town.entry.name == "New Orleans"
    assert (
        street.entry is not None and street.entry.geonames_id == town.entry.geonames_id
    )
    assert street.confidence < 0.5


def test_a_street_stays_unresolved_without_a_leading_town() -> None:
    from reportedly.extract.places import resolve

    text = "Talks on Frenchmen Avenue were held while Paris and Berlin waited."
    names = [("Frenchmen Avenue", 9, 25), ("Paris", 42, 47), ("Berlin", 52, 58)]
    assert text[9:25] == "Frenchmen Avenue" and text[42:47] == "Paris"
    street, _, _ = resolve(names, text)
    assert street.entry is None


def test_the_article_focus_is_told_inside_the_place() -> None:
    text = (
        "Activists outside Iran reported the figures. Iran has cut the "
        "internet, and Iran denied it. Security forces beat demonstrators."
    )
    beat = triggered(text, "beat", published="2019-11-20")
    assert beat and beat[0].location is not None, beat
    assert beat[0].location.span.text == "Iran"
    assert beat[0].location_source == "article"


@pytest.mark.parametrize(
    ("text", "trigger", "where", "source"),
    [
        # "the attack" refers back to the located killing
        (
            "Sgt John Smith, from Austin, Texas, served with US forces. He was "
            "killed by a roadside bomb in Manbij, northern Syria, on Thursday. "
            "His family in Dallas said he loved the army. Five others were "
            "wounded in the attack.",
            "wounded",
            "Manbij",
            "previous",
        ),
        # a town in a country the article names is kept though far from the
        # article's other places
        (
            "Sgt John Smith, from Austin, Texas, served with US forces. He was "
            "killed by a roadside bomb in Manbij, northern Syria, on Thursday.",
            "killed",
            "Manbij",
            "clause",
        ),
    ],
)
def test_events_told_again_and_far_towns(
    text: str, trigger: str, where: str, source: str
) -> None:
    found = triggered(text, trigger, published="2018-03-31")
    assert found and found[0].location is not None, found
    assert found[0].location.span.text == where
    assert found[0].location_source == source
