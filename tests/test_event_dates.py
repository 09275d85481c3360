"""Event dates (extract/events/_when.py): which phrase dates an event, which
dates are plausible, and what an undated event gets. Sentences of our own."""

from __future__ import annotations

import pytest

import reportedly

pytestmark = pytest.mark.model

# (text, published, trigger, expected date, expected date_source)
EVENT_DATES = [
    (
        "Today, in eastern Harbin, like Nanking in 1937, crimes are being committed.",
        "2018-02-20",
        "committed",
        "2018-02-20",
        "clause",
    ),
    # a year in a relative clause after the event dates the clause only
    (
        "Their arrests came years after Robinson, who served in Kabul in 2012, "
        "travelled to Syria.",
        "2018-09-15",
        "arrests",
        "2018-09-15",
        "published",
    ),
    # a future event's weekday is the coming one only in its own future clause
    (
        "France sought to seize the initiative on Syria on Tuesday.",
        "2013-08-21",
        "seize",
        "2013-08-20",
        "clause",
    ),
    (
        "Officials said on Monday that the army plans to attack the town.",
        "2016-06-15",
        "attack",
        None,
        "after_published",
    ),
    (
        "Israel captured the heights in the 1967 war.",
        "2019-03-01",
        "captured",
        "1967-01-01",
        "clause",
    ),
    (
        "Prosecutors opened an investigation into his 2016 campaign.",
        "2019-03-01",
        "investigation",
        "2019-03-01",
        "published",
    ),
    (
        "The 2014 kidnapping of the aid workers shocked the town.",
        "2019-03-01",
        "kidnapping",
        "2014-01-01",
        "clause",
    ),
    (
        "Rebels have attacked the army since 2014.",
        "2019-03-01",
        "attacked",
        "2014-01-01",
        "clause",
    ),
    (
        "Troops shelled the village last December.",
        "2018-12-23",
        "shelled",
        "2017-12-01",
        "clause",
    ),
    (
        "Troops shelled the village last week.",
        "2018-12-23",
        "shelled",
        "2018-12-10",
        "clause",
    ),
    (
        "Police said on Thursday that the gunmen attacked the convoy.",
        "2018-12-22",
        "attacked",
        "2018-12-20",
        "sentence",
    ),
    (
        "The helicopter dropped barrel bombs at 1850 GMT.",
        "2016-10-26",
        "dropped",
        "2016-10-26",
        "published",
    ),
    (
        "The army struck the town at 0630, killing four.",
        "2016-10-26",
        "struck",
        "2016-10-26",
        "published",
    ),
    (
        "Vietnam is a vocal critic of China and has accused Beijing of "
        "encroaching into its waters.",
        "2019-11-20",
        "accused",
        None,
        "before_published",
    ),
    (
        "The men are said to have killed four hostages.",
        "2019-11-20",
        "killed",
        None,
        "before_published",
    ),
    (
        "The jet was shot down recently by rebels.",
        "2019-11-20",
        "shot",
        None,
        "before_published",
    ),
    (
        "The group, which has fought the army for decades, laid down its arms.",
        "2019-11-20",
        "fought",
        None,
        "before_published",
    ),
    (
        "The U.S. will provide the coast guard with a ship.",
        "2019-11-20",
        "provide",
        None,
        "after_published",
    ),
    (
        "The ministers will meet in Geneva next week.",
        "2019-11-20",
        "meet",
        "2019-11-25",
        "clause",
    ),
    (
        "The ministers met in Geneva, and will meet again next week.",
        "2019-11-20",
        "met",
        "2019-11-20",
        "published",
    ),
    (
        "Tillerson praised the army, and said he would visit next month.",
        "2018-02-14",
        "praised",
        "2018-02-14",
        "published",
    ),
    (
        "Robinson, who served in Afghanistan in 2012, travelled to Syria and fought.",
        "2018-09-15",
        "fought",
        "2018-09-15",
        "published",
    ),
    (
        "Like Srebrenica in 1995, crimes are being committed today in Ghouta.",
        "2018-02-20",
        "committed",
        "2018-02-20",
        "clause",
    ),
    (
        "The two armies will clash on Saturday, officials said.",
        "2019-11-20",
        "clash",
        "2019-11-23",
        "clause",
    ),
    (
        "The two armies clashed on Saturday, officials said.",
        "2019-11-20",
        "clashed",
        "2019-11-16",
        "clause",
    ),
    (
        "Last weekend's clashes killed ten soldiers.",
        "2018-02-14",
        "clashes",
        "2018-02-10",
        "clause",
    ),
    (
        "Tony Blair had in 1997 complained about abusive campaigning.",
        "2005-02-01",
        "complained",
        "1997-01-01",
        "clause",
    ),
    (
        "Gunmen attacked the village (1881) Related stories follow.",
        "2015-07-07",
        "attacked",
        "2015-07-07",
        "published",
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "trigger", "date", "source"), EVENT_DATES
)
def test_event_date(
    text: str, published: str, trigger: str, date: str | None, source: str
) -> None:
    a = reportedly.analyze(text, published=published, raw=True)
    found = [e for e in a.events if e.trigger is not None and e.trigger.text == trigger]
    assert found, f"no event {trigger!r}"
    assert (found[0].date, found[0].date_source) == (date, source)


def test_no_event_dated_implausibly_without_a_phrase_of_its_own() -> None:
    text = (
        "Officials said on Monday that the rebels would meet the envoy next "
        "month. Rebels shelled the town, witnesses said. Gunmen attacked a "
        "convoy at 1850 GMT."
    )
    a = reportedly.analyze(text, published="2019-11-20", raw=True)
    for e in a.events:
        if e.date is None:
            continue
        assert "1900-01-01" <= e.date <= "2019-11-22" or (
            e.date_source == "clause" and e.modality != "asserted"
        ), (e.trigger, e.date, e.date_source)
