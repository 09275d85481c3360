"""Event location and date from place and date mentions (extract/events/_places.py)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from place_mentions import P

from reportedly.annotate import parse
from reportedly.extract.events import events
from reportedly.extract.events._places import event_places, focus
from reportedly.model import Article, Span

pytestmark = pytest.mark.model

TEXT = (
    "Jets struck northern Homs on Tuesday. "
    "Rebels shelled a checkpoint near Hama, activists said. "
    "Later the army arrested two men. "
    "Homs has been a target for months."
)


@dataclass(frozen=True)
class D:
    span: Span
    value: str | None
    precision: str = "day"


def sp(s: str, n: int = 0) -> Span:
    i = -1
    for _ in range(n + 1):
        i = TEXT.index(s, i + 1)
    return Span.of(TEXT, i, i + len(s))


PLACES = [
    P(sp("Homs"), "homs", hint="northern", hint_span=sp("northern Homs")),
    P(sp("Hama"), "hama"),
    P(sp("Homs", 1), "homs"),
]
DATES = [D(sp("on Tuesday"), "2015-09-29")]
SYRIA = {"homs": "SY", "hama": "SY"}


def _run(published: str | None = "2015-09-30"):
    doc = parse(TEXT)
    evs = list(events(doc, Article(id="t", text=TEXT)))
    out = event_places(doc, evs, PLACES, DATES, published=published, countries=SYRIA)
    return {e.trigger.text: e for e in out if e.trigger}


# (trigger, location text, precision, source, date, date source)
CASES = [
    ("struck", "northern Homs", "admin1", "clause", "2015-09-29", "clause"),
    ("shelled", "Hama", "point", "clause", "2015-09-30", "published"),
    ("arrested", "northern Homs", "admin1", "article", "2015-09-30", "published"),
]


@pytest.mark.parametrize(("trig", "loc", "prec", "src", "date", "dsrc"), CASES)
def test_location_and_date(trig, loc, prec, src, date, dsrc):
    ev = _run()[trig]
    assert ev.location is not None and ev.location.span.text == loc
    assert TEXT[ev.location.span.start : ev.location.span.end] == loc
    assert (ev.location_precision, ev.location_source) == (prec, src)
    assert (ev.date, ev.date_source) == (date, dsrc)


def test_a_place_is_no_recipient():
    ev = _run()["struck"]
    assert all("Homs" not in r.span.text for r in ev.recipients)


def test_no_published_date_leaves_undated_events_undated():
    got = _run(published=None)
    assert got["struck"].date == "2015-09-29"
    assert got["arrested"].date is None and got["arrested"].date_source is None


def test_focus_is_the_most_mentioned_place():
    assert focus(PLACES, SYRIA).place_id == "homs"
    assert focus([P(sp("Hama"), None)]) is None


@pytest.fixture(scope="module")
def dated_reference():
    from pathlib import Path

    import reportedly

    path = Path(__file__).resolve().parents[1] / "reportedly/demo"
    text = (path / "000_49bb6308d4702ce6.txt").read_text(encoding="utf-8")
    return reportedly.analyze(text, published="2015-09-30")


@pytest.mark.parametrize(
    ("trigger", "claimant", "date", "phrase"),
    [
        # Khoja: "struck northern Homs today and killed 36": one record
        ("struck", "Khoja", "2015-09-30", "today"),
        ("voted", "", "2015-09-30", "Wednesday morning"),
    ],
)
def test_reference_event_dates(dated_reference, trigger, claimant, date, phrase):
    ev = next(
        e
        for e in dated_reference.events
        if e.trigger.text == trigger
        and claimant in (e.claimant.span.text if e.claimant else "")
    )
    assert ev.date == date and ev.date_precision == "day"
    assert ev.date_text is not None and phrase in ev.date_text.text


def test_reference_northern_homs_strike_is_located_at_homs(dated_reference):
    places = {p.id: p for p in dated_reference.places}
    (ev,) = [
        e
        for e in dated_reference.events
        if e.trigger.text == "struck" and e.claimant and "Khoja" in e.claimant.span.text
    ]
    assert ev.location is not None and ev.location.span.text == "northern Homs"
    homs = places[ev.location.place_id]
    assert (homs.country, round(homs.lat, 1), round(homs.lon, 1)) == ("SY", 34.7, 36.7)
    assert (ev.location_precision, ev.location_source) == ("admin1", "clause")
    assert all("Homs" not in r.span.text for r in ev.recipients)


def test_reference_places_used_as_actors_locate_nothing(dated_reference):
    # "USA officials", "Paris would only support": places that act
    for ev in dated_reference.events:
        if ev.location is not None:
            assert ev.location.span.text not in ("USA", "Paris", "Russian Federation")
