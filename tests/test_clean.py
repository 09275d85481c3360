"""Cleaning: HTML main text, boilerplate lines, whitespace, raw mode, ids, dates."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from reportedly.clean import clean, line_reason, normalise
from reportedly.clean.boilerplate import lexicon
from reportedly.clean.dates import iso_date
from reportedly.model import RawDocument, Removed, stable_id

DEMO = Path(__file__).resolve().parents[1] / "reportedly" / "demo"
REFERENCE = DEMO / "000_49bb6308d4702ce6.txt"

HEADLINE = "Council delays vote on harbour plan"
PARAS = [
    "The city council on Tuesday delayed a vote on the harbour plan, officials said.",
    "“We need more time to read the report,” said council leader Ann Moss.",
    "The plan would add two piers and a ferry terminal by 2027.",
]


def article(*middle: str, tail: str | None = None) -> str:
    """Build a plain-text article: headline, paragraphs, ``middle`` lines, more text."""
    parts = [HEADLINE, PARAS[0], *middle, PARAS[1], PARAS[2]]
    if tail is not None:
        parts.append(tail)
    return "\n\n".join(parts)


def cleaned(text: str, **kw) -> tuple[str, list[tuple[str, str]]]:
    a = clean(RawDocument(source="t.txt", content=text, **kw))
    return a.text, [(r.text, r.reason) for r in a.removed]


def test_reference_article_loses_exactly_four_lines() -> None:
    raw = REFERENCE.read_text(encoding="utf-8")
    a = clean(RawDocument(source=str(REFERENCE), content=raw))
    romney = "Mitt Romney: Obama has been a 'foreign policy disaster'"
    assert a.removed == (
        Removed(text="Share", reason="share button"),
        Removed(text="Advertisement", reason="advertisement"),
        Removed(text="Advertisement", reason="advertisement"),
        Removed(text=romney, reason="trailing headline of another story"),
    )
    dropped = {"Share", "Advertisement", romney}
    kept = [p for p in raw.split("\n\n") if p.strip() not in dropped]
    assert a.text == "\n\n".join(p.strip() for p in kept)
    assert a.text.startswith("Russian defence ministry says army struck eight IS")


# (boilerplate line, reason): each one is dropped from a self-written article
BOILERPLATE_CASES = [
    ("Share", "share button"),
    ("SHARE:", "share button"),
    ("Share this article", "share button"),
    ("Share on Facebook", "share button"),
    ("Facebook Twitter Email", "social-share row"),
    ("Share | Tweet | Pin | Email", "social-share row"),
    ("Advertisement", "advertisement"),
    ("ADVERTISEMENT", "advertisement"),
    ("Advertisement - story continues below", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("Subscribe", "subscription prompt"),
    ("Subscribe to our daily politics newsletter", "subscription prompt"),
    ("Sign up for our morning briefing", "subscription prompt"),
    ("Read more: Harbour plan faces new legal challenge", "read-more link"),
    ("READ MORE: Ferry fares to rise in spring", "read-more link"),
    ("Read the rest of the story here.", "read-more link"),
    ("Continue reading", "read-more link"),
    ("Related: Mayor defends spending on new piers", "related-story link"),
    ("Related Stories", "related-story link"),
    ("You may also like", "related-story link"),
    ("Click here", "click-here prompt"),
    ("Click here to get the latest updates.", "click-here prompt"),
    ("Follow us on Twitter", "follow-us prompt"),
    ("Follow us on Facebook and Instagram", "follow-us prompt"),
    ("Follow Ann Moss on Twitter @annmoss.", "follow-us prompt"),
    ("© 2015 Harbour Gazette. All rights reserved.", "copyright line"),
    ("Copyright 2019 The Daily Planet", "copyright line"),
    ("All Rights Reserved.", "copyright line"),
    ("Comments", "comments prompt"),
    ("12 comments", "comments prompt"),
    ("Skip to main content", "page navigation"),
    ("Back to top", "page navigation"),
    ("Getty Images", "image credit"),
    ("Photo credit: Jane Roe/Harbour Gazette", "image credit"),
    ("Watch the video above.", "video embed"),
    ("Media playback is not supported on this device", "video embed"),
    ("• Share •", "share button"),
    ("SEE MORE: Harbour protests spread to the quay", "read-more link"),
    ("SEE MORE", "read-more link"),
    ("DON'T MISS", "read-more link"),
    ("Photos by Jane Roe", "image credit"),
    ("Picture courtesy of the Harbour Trust", "image credit"),
    ("AFP/Jane Roe", "image credit"),
    (
        "A ferry leaves the harbour at dawn on Tuesday. REUTERS/Jane Roe",
        "photo caption",
    ),
    ("[WARNING] Graphic footage of the harbour collapse", "tagged story link"),
    ("[VIDEO] Inside the new ferry terminal", "tagged story link"),
]


@pytest.mark.parametrize(("line", "reason"), BOILERPLATE_CASES)
def test_boilerplate_line_is_dropped(line: str, reason: str) -> None:
    text, removed = cleaned(article(line))
    assert removed == [(line.strip(), reason)]
    assert text == article()


def test_every_lexicon_reason_has_a_test_case() -> None:
    reasons = {r.reason for r in lexicon().rules}
    assert reasons == {reason for _, reason in BOILERPLATE_CASES}


# Lines that look a little like boilerplate but are article text: kept.
KEPT_LINES = [
    "Share prices fell 3% on Monday after the announcement.",
    "Advertisement spending rose by a fifth last year, the agency said.",
    "Subscribers to the ferry service complained about delays.",
    "Related charges were filed against two contractors on Friday.",
    "Click here, the instructions said, and the money was gone.",
    "Follow-up talks are planned for next month.",
    "Copyright law was changed in 2019 after a long campaign.",
    "Comments by the mayor drew criticism from residents.",
    "Home owners near the harbour will be compensated.",
    "Reuters",  # a wire credit says who reported: kept
    "Read more about the plan in the council's 300-page report, she said.",
    "Follow the money, he said.",
    "Support for the plan fell to 40 per cent, a Reuters/Ipsos poll showed.",
    "See more of the harbour from the new ferry, the mayor said.",
    # Longer than the rule's max_chars: long lines are sentences, however they start.
    "More: the council also voted to extend the ferry contract, to widen the quay and "
    "to hire two more harbour pilots, a decision that several members of the council "
    "opposed because of its cost to the city budget and to the people of the harbour",
]


@pytest.mark.parametrize("line", KEPT_LINES)
def test_article_lines_are_kept(line: str) -> None:
    text, removed = cleaned(article(line))
    assert removed == []
    assert text == article(line)


# (final line, is it a stray headline?)
TRAILING_CASES = [
    ("Mitt Romney: Obama has been a 'foreign policy disaster'", True),
    ("Mayor Defends Harbour Spending As Costs Soar", True),
    ("Ann Moss: We will not be rushed on the harbour", True),
    ("Halo 2 is out now for the PC", False),  # a sentence lacking a full stop
    ("Joel Jutge (France)", False),  # the last item of a list
    ("Reporting by Jane Roe; Editing by John Doe", False),  # a credit line
    ("Contributing: Kristine Phillips", False),
    ("The End Of An Era.", False),  # ends a sentence
    ("Harbour Plans", False),  # too short to tell
    ("You can hear more on the Harbour Hour programme, Go Digital", False),
]


@pytest.mark.parametrize(("line", "dropped"), TRAILING_CASES)
def test_trailing_headline(line: str, dropped: bool) -> None:
    text, removed = cleaned(article(tail=line))
    if dropped:
        assert removed == [(line, "trailing headline of another story")]
        assert text == article()
    else:
        assert removed == []
        assert text == article(tail=line)


def test_trailing_headline_needs_a_finished_paragraph_before_it() -> None:
    text = "\n\n".join(
        [HEADLINE, "Talks went on late into the night and", "Mayor Wins Vote"]
    )
    assert cleaned(text)[1] == []


def test_run_of_trailing_headlines_and_single_newlines() -> None:
    tail = "Mayor Defends Harbour Spending\nFerry Fares To Rise In Spring"
    text, removed = cleaned(article() + "\n" + tail)
    assert [r for _, r in removed] == ["trailing headline of another story"] * 2
    assert text == article()


def test_headline_first_line_is_kept() -> None:
    text, removed = cleaned(article())
    assert text.split("\n\n")[0] == HEADLINE and removed == []
    short = f"{HEADLINE}\n\n{PARAS[0]}"
    assert cleaned(short) == (short, [])


# (input, normalised)
WHITESPACE_CASES = [
    ("a\r\nb\rc", "a\nb\nc"),
    ("one\xa0two\u2009three\u3000four", "one two three four"),
    ("lots   of\t\tspace  ", "lots of space"),
    ("p1\n\n\n\n\np2", "p1\n\np2"),
    ("p1\n \n\t\np2", "p1\n\np2"),
    ("\n\n  p1  \n\n", "p1"),
    ("zero\u200bwidth\ufeff soft\xadhyphen", "zerowidth softhyphen"),
    ("line\u2028break\u2029para", "line\nbreak\n\npara"),
]


@pytest.mark.parametrize(("text", "exp"), WHITESPACE_CASES)
def test_normalise_whitespace(text: str, exp: str) -> None:
    assert normalise(text) == exp


def test_clean_normalises_and_keeps_paragraphs() -> None:
    messy = f"  {HEADLINE}  \r\n\r\n\r\n\r\n{PARAS[0]}\xa0\xa0\r\n\r\n{PARAS[1]}"
    text, _ = cleaned(messy)
    assert text == f"{HEADLINE}\n\n{PARAS[0]}\n\n{PARAS[1]}"


@pytest.mark.parametrize(
    "text",
    [
        REFERENCE.read_text(encoding="utf-8"),
        "Share\r\n\r\nHeadline\xa0here\r\n\r\n\r\n\r\nBody text.  \r\n",
        article("Advertisement", tail="Mayor Defends Harbour Spending"),
    ],
)
def test_raw_keeps_text_identical(text: str) -> None:
    a = clean(RawDocument(source="r.txt", content=text), raw=True)
    assert a.text == text
    assert a.removed == ()


def test_ids_are_stable_and_depend_on_text_and_url() -> None:
    doc = RawDocument(source="a.txt", content=article(), url="http://x.org/a")
    a, b = (
        clean(doc),
        clean(RawDocument(source="other.txt", content=article(), url=doc.url)),
    )
    assert a.id == b.id == stable_id(a.text, "http://x.org/a")
    assert clean(RawDocument(source="a.txt", content=article())).id == stable_id(
        a.text, ""
    )
    assert (
        clean(RawDocument(source="a.txt", content=article(), url="http://y.org")).id
        != a.id
    )
    assert clean(RawDocument(source="a.txt", content=article("Advertisement"))).id == (
        clean(RawDocument(source="a.txt", content=article())).id
    )


PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Council delays harbour vote | Harbour Gazette</title>
<meta property="og:title" content="Council delays harbour vote">
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2015-10-01T09:00:00Z">
<link rel="canonical" href="https://gazette.example/2015/10/harbour-vote">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Council delays harbour vote</h1>
<p>The city council on Tuesday delayed a vote on the harbour plan, officials said.
Members asked for more time to study the engineering report.</p>
<p>"We need more time to read the report," said council leader Ann Moss, who
chairs the planning committee and has backed the plan since 2013.</p>
<p>Advertisement</p>
<p>The plan would add two piers and a ferry terminal by 2027, according to the
city's own estimate, at a cost of about 40 million pounds.</p>
</article>
<footer><p>Subscribe to our newsletter</p><p>© 2015 Harbour Gazette</p></footer>
</body></html>"""


def test_html_main_text_and_metadata() -> None:
    a = clean(RawDocument(source="p.html", content=PAGE, content_type="html"))
    assert a.title == "Council delays harbour vote"
    assert (a.outlet, a.published) == ("Harbour Gazette", "2015-10-01")
    assert a.url == "https://gazette.example/2015/10/harbour-vote"
    paragraphs = a.text.split("\n\n")
    assert paragraphs[0] == "Council delays harbour vote"  # headline first
    assert paragraphs[1].startswith("The city council on Tuesday delayed a vote")
    assert any(p.startswith("The plan would add two piers") for p in paragraphs)
    for junk in ("Home", "Subscribe", "©", "Advertisement\n"):
        assert junk not in a.text
    assert all(r.text != "Council delays harbour vote" for r in a.removed)


def test_document_metadata_wins_over_the_page() -> None:
    doc = RawDocument(
        source="x.warc@0",
        content=PAGE,
        content_type="html",
        url="http://archive.example/1",
        outlet="Archive",
        published="2016-02-03T00:00:00Z",
        title="Given title",
    )
    a = clean(doc)
    assert (a.url, a.outlet, a.published, a.title) == (
        "http://archive.example/1",
        "Archive",
        "2016-02-03",
        "Given title",
    )


# (published as found, ISO date)
DATE_CASES = [
    ("2016-10-17T14:57:38Z", "2016-10-17"),
    ("2015-10-01", "2015-10-01"),
    ("4/5/2017", "2017-04-05"),
    ("Wed 05 Apr 2017", "2017-04-05"),
    ("April 3, 2015", "2015-04-03"),
    ("2008-10-294T05:21:46-0700", None),  # malformed WARC-Date
    ("2019-02-30", None),
    ("yesterday", None),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("value", "exp"), DATE_CASES)
def test_iso_date(value: str | None, exp: str | None) -> None:
    assert iso_date(value) == exp


def test_lexicon_is_data_loaded_once() -> None:
    assert lexicon() is lexicon()
    data = tomllib.loads(
        resources.files("reportedly.lexicons").joinpath("boilerplate.toml").read_text()
    )
    for rule in data["line"]:
        assert rule["reason"] and re.compile(rule["pattern"])
    assert line_reason("Advertisement") == "advertisement"
    assert line_reason("The advertisement ran for a week.") is None
