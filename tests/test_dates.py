"""Date phrases: resolution against the publication date, and finding them in text."""

from __future__ import annotations

import pytest

from reportedly.extract.dates import DateMention, date_mentions, resolve
from reportedly.model import Article

WED = "2015-09-30"  # a Wednesday
SAT = "2015-01-10"  # a Saturday, early in the year

# (phrase, published, expected value, expected precision)
RESOLVE = [
    # today, yesterday, the day before
    ("today", WED, "2015-09-30", "day"),
    ("Today", WED, "2015-09-30", "day"),
    ("tonight", WED, "2015-09-30", "day"),
    ("yesterday", WED, "2015-09-29", "day"),
    ("yesterday morning", WED, "2015-09-29", "day"),
    ("last night", WED, "2015-09-29", "day"),
    ("tomorrow", WED, "2015-10-01", "day"),
    ("the day before", WED, "2015-09-29", "day"),
    ("the previous day", WED, "2015-09-29", "day"),
    ("the day before yesterday", WED, "2015-09-28", "day"),
    ("yesterday", "2015-09-30T10:15:00", "2015-09-29", "day"),
    # weekdays: the most recent one on or before publication
    ("on Wednesday", WED, "2015-09-30", "day"),
    ("Wednesday", WED, "2015-09-30", "day"),
    ("earlier Wednesday", WED, "2015-09-30", "day"),
    ("Wednesday night", WED, "2015-09-30", "day"),
    ("late Wednesday", WED, "2015-09-30", "day"),
    ("on Tuesday", WED, "2015-09-29", "day"),
    ("on Thursday", WED, "2015-09-24", "day"),
    ("Sunday", WED, "2015-09-27", "day"),
    ("Saturday's", WED, "2015-09-26", "day"),
    ("Friday", SAT, "2015-01-09", "day"),
    ("last Wednesday", WED, "2015-09-23", "day"),
    # weeks start on Monday
    ("last week", WED, "2015-09-21", "week"),
    ("last week", SAT, "2014-12-29", "week"),
    ("this week", WED, "2015-09-28", "week"),
    ("earlier this week", WED, "2015-09-28", "week"),
    ("next week", WED, "2015-10-05", "week"),
    ("two weeks ago", WED, "2015-09-14", "week"),
    # months and years, relative
    ("last month", WED, "2015-08-01", "month"),
    ("last month", SAT, "2014-12-01", "month"),
    ("earlier this month", WED, "2015-09-01", "month"),
    ("three months ago", WED, "2015-06-01", "month"),
    ("this year", WED, "2015-01-01", "year"),
    ("earlier this year", WED, "2015-01-01", "year"),
    ("last year", WED, "2014-01-01", "year"),
    ("two years ago", WED, "2013-01-01", "year"),
    ("three days ago", WED, "2015-09-27", "day"),
    # years
    ("in 2014", WED, "2014-01-01", "year"),
    ("2014", None, "2014-01-01", "year"),
    ("mid-2014", WED, "2014-01-01", "year"),
    # month names: the most recent one not after publication
    ("in September", WED, "2015-09-01", "month"),
    ("in October", WED, "2014-10-01", "month"),
    ("early August", WED, "2015-08-01", "month"),
    ("the end of August", WED, "2015-08-01", "month"),
    ("in December", SAT, "2014-12-01", "month"),
    ("in June last year", WED, "2014-06-01", "month"),
    ("October this year", WED, "2015-10-01", "month"),
    ("September 2014", None, "2014-09-01", "month"),
    # day and month, either order; the year from publication
    ("on 30 September", WED, "2015-09-30", "day"),
    ("30 September", "2016-01-03", "2015-09-30", "day"),
    ("September 30", WED, "2015-09-30", "day"),
    ("Sept. 29", WED, "2015-09-29", "day"),
    ("on 3 October", WED, "2015-10-03", "day"),
    ("on 12 October", WED, "2014-10-12", "day"),
    ("December 25", SAT, "2014-12-25", "day"),
    ("the 3rd of May", WED, "2015-05-03", "day"),
    # absolute dates need no publication date
    ("Sept. 30, 2015", None, "2015-09-30", "day"),
    ("30 September 2015", None, "2015-09-30", "day"),
    ("Wednesday, September 30, 2015", None, "2015-09-30", "day"),
    ("Wed 05 Apr 2017", None, "2017-04-05", "day"),
    ("Fri 07 Apr 2017 at 0914", None, "2017-04-07", "day"),
    ("2015-09-30", None, "2015-09-30", "day"),
    ("30/09/2015", None, "2015-09-30", "day"),
    ("the 30th of September 2015", None, "2015-09-30", "day"),
    ("August of 2013", None, "2013-08-01", "month"),
    # numeric dates: unambiguous ones either order; else the reading nearest
    # before publication, or day first (month first with slashes) without one
    ("15-09-2013", None, "2013-09-15", "day"),
    ("09/15/2013", None, "2013-09-15", "day"),
    ("28.04.2017", None, "2017-04-28", "day"),
    ("03-07-2015", "2015-07-03", "2015-07-03", "day"),
    ("03-07-2015", "2015-03-08", "2015-03-07", "day"),
    ("03-07-2015", None, "2015-07-03", "day"),
    ("07/03/2015", None, "2015-07-03", "day"),
    ("2015/09/30", None, "2015-09-30", "day"),
    # relative phrases without a publication date: never guessed
    ("today", None, None, "day"),
    ("on Wednesday", None, None, "day"),
    ("the day before", None, None, "day"),
    ("last week", None, None, "week"),
    ("last month", None, None, "month"),
    ("in September", None, None, "month"),
    ("this year", None, None, "year"),
    ("on 30 September", None, None, "day"),
    ("the 3rd of May", None, None, "day"),
    # not dates: durations, ages, vague words, bare numbers
    ("three years", WED, None, "unknown"),
    ("for three years", WED, None, "unknown"),
    ("the past five years", WED, None, "unknown"),
    ("55-year-old", WED, None, "unknown"),
    ("recently", WED, None, "unknown"),
    ("the 1990s", WED, None, "unknown"),
    ("0914", WED, None, "unknown"),
    ("13:06 3885", WED, None, "unknown"),
    ("2015-16", WED, None, "unknown"),
    ("13-13-2015", WED, None, "unknown"),
    ("", WED, None, "unknown"),
    # a Sunday paper: last week is the Monday-to-Sunday week before this one
    ("last week", "2018-12-23", "2018-12-10", "week"),
    ("on Thursday", "2018-12-22", "2018-12-20", "day"),
    ("last December", "2018-12-23", "2017-12-01", "month"),
    # weekends are their Saturday
    ("last weekend", WED, "2015-09-26", "day"),
    ("last weekend", "2018-12-24", "2018-12-22", "day"),
    ("this weekend", "2018-12-23", "2018-12-22", "day"),
    ("this weekend", "2018-12-24", "2018-12-22", "day"),
    ("this weekend", WED, "2015-10-03", "day"),
    ("over the weekend", WED, "2015-09-26", "day"),
]


@pytest.mark.parametrize(("phrase", "published", "value", "precision"), RESOLVE)
def test_resolve(
    phrase: str, published: str | None, value: str | None, precision: str
) -> None:
    assert resolve(phrase, published) == (value, precision)


def test_resolve_table_is_large() -> None:
    assert len(RESOLVE) >= 45


# (text, published, [(span text, value, precision, relative), ...])
MENTIONS = [
    (
        "Rebels shelled the town on Wednesday, killing five people.",
        WED,
        [("Wednesday", "2015-09-30", "day", True)],
    ),
    ("The 55-year-old governor has ruled the province for three years.", WED, []),
    ("Recently, more aid arrived in the besieged town.", WED, []),
    (
        "Talks resumed last week and ended on 30 September 2015.",
        WED,
        [
            ("last week", "2015-09-21", "week", True),
            ("30 September 2015", "2015-09-30", "day", False),
        ],
    ),
    (
        "The army retook the town it lost in 2014 to the rebels.",
        WED,
        [("2014", "2014-01-01", "year", False)],
    ),
    (
        "He spoke yesterday morning, the ministry said on Thursday night.",
        WED,
        [
            ("yesterday morning", "2015-09-29", "day", True),
            ("Thursday night", "2015-09-24", "day", True),
        ],
    ),
    (
        "Officials said on Wednesday that the war began in 2011.",
        None,
        [("Wednesday", None, "day", True), ("2011", "2011-01-01", "year", False)],
    ),
    (
        "Saturday\u2019s blast killed 20 people, two weeks ago.",
        WED,
        [
            ("Saturday", "2015-09-26", "day", True),
            ("two weeks ago", "2015-09-14", "week", True),
        ],
    ),
    (
        "Posted 03-07-2015: in 2015-16 the 13:06 bus ran every day.",
        "2015-07-03",
        [("03-07-2015", "2015-07-03", "day", False)],
    ),
    (
        "The day before, the army attacked; the day before the vote it withdrew.",
        WED,
        [("The day before", "2015-09-29", "day", True)],
    ),
    (
        "The group declared a caliphate in June last year.",
        WED,
        [("June last year", "2014-06-01", "month", True)],
    ),
    (
        "Earlier this month, the UN said the siege began in early August.",
        WED,
        [
            ("Earlier this month", "2015-09-01", "month", True),
            ("early August", "2015-08-01", "month", True),
        ],
    ),
    # times of day, bracketed numbers and list markers are no years
    (
        "Barrel bombs fell at 1850 GMT on Tuesday.",
        WED,
        [("Tuesday", "2015-09-29", "day", True)],
    ),
    (
        "The shelling began at 1850 (Syrian time) on Tuesday.",
        WED,
        [("Tuesday", "2015-09-29", "day", True)],
    ),
    ("The convoy left at 0630 and was hit.", WED, []),
    ("Violence Erupts as the Militants Advance (1881) Related stories", WED, []),
    ("1850. Rebels shelled the town.", WED, []),
    # a year naming a thing is a date phrase; an explicit old year stays one
    (
        "Israel took the heights in the 1967 war.",
        WED,
        [("1967", "1967-01-01", "year", False)],
    ),
    (
        "The war of 1812 ended in 1815.",
        WED,
        [("1812", "1812-01-01", "year", False), ("1815", "1815-01-01", "year", False)],
    ),
    ("Fighting has raged since 2014.", WED, [("2014", "2014-01-01", "year", False)]),
]


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from reportedly import annotate

    return annotate.load()


@pytest.mark.model
@pytest.mark.parametrize(("text", "published", "expected"), MENTIONS)
def test_date_mentions(nlp, text: str, published: str | None, expected) -> None:  # type: ignore[no-untyped-def]
    article = Article(id="t", text=text, published=published)
    found = date_mentions(nlp(text), article)
    for m in found:
        assert isinstance(m, DateMention)
        assert text[m.span.start : m.span.end] == m.span.text
    got = [(m.span.text, m.value, m.precision, m.relative) for m in found]
    assert got == expected


@pytest.mark.model
def test_published_argument_overrides_article(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The convoy was hit on Friday."
    article = Article(id="t", text=text, published=None)
    found = date_mentions(nlp(text), article, published=WED)
    assert [(m.span.text, m.value) for m in found] == [("Friday", "2015-09-25")]
