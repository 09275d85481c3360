"""Date phrases: find them in an article, resolve them against its publication date.

Common forms resolve by rule (dateparser mishandles weekdays and is slow); other
phrases naming a month go to dateparser with the publication date as base.
Relative phrases never resolve without a publication date.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from reportedly.extract.dates._fallback import with_dateparser
from reportedly.extract.dates._guards import not_a_date
from reportedly.lexicons import load_toml
from reportedly.model import Article, Span

VERSION = "dates.v2"
_LEX = load_toml("dates.toml")
MONTHS: dict[str, int] = _LEX["months"]
WEEKDAYS: dict[str, int] = _LEX["weekdays"]
NUMBERS: dict[str, int] = _LEX["numbers"]
_WORDS = _LEX["words"]
PREFIXES = tuple(sorted(_WORDS["prefixes"], key=len, reverse=True))
_PREFIX = re.compile(rf"^(?:(?:{'|'.join(PREFIXES)})(?: |-)+)+")
DAY_PARTS = "|".join(_WORDS["day_parts"])
DURATION_BEFORE = frozenset(_WORDS["duration_before"])
VAGUE = frozenset(_WORDS["vague"])
FUTURE_SLACK = 7  # days a yearless date may lie after publication

# --- phrases in text ----------------------------------------------------------
_WD = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WDA = rf"(?:{_WD}|(?:Mon|Tues?|Wed|Thu(?:rs)?|Fri|Sat|Sun)\.?)"
_MF = (
    "January|February|March|April|May|June|July|August|September|October"
    "|November|December"
)
_MON = rf"(?:{_MF}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[89]|20)\d\d(?![\d-])"
_NUM = r"\d+|" + "|".join(NUMBERS)
_YS = r"(?:\s+(?:last|this|next)\s+year)?"  # "June last year"
_PREP = r"(?i:in|since|until|by|during|of|from|before|after|early|late|mid-)"
# one pattern per form, longest first; group 1 of each is the phrase
_FIND = re.compile(
    r"\b(?=[\dA-Zabdefilmnostuy])(?:"  # cheap test first: a word start
    + "|".join(
        (
            rf"((?:{_WDA},?\s+)?(?:{_DAY}\s+(?:of\s+)?{_MON}|{_MON}\s+{_DAY})"
            rf"(?:,?\s+{_YEAR})?)",
            rf"({_MON},?\s+{_YEAR})",
            r"(\d{4}[-/]\d\d[-/]\d\d|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})\b",
            rf"((?:(?i:earlier|late|early|last|this|next)\s+)?(?:{_WD})"
            rf"(?:\s+(?:{DAY_PARTS}))?)\b",
            rf"(?i:((?:the\s+day\s+before\s+)?yesterday(?:\s+(?:{DAY_PARTS}))?"
            rf"|today|tonight|tomorrow(?:\s+(?:{DAY_PARTS}))?|last\s+night"
            r"|this\s+(?:morning|afternoon|evening)"
            r"|the\s+(?:day\s+before|previous\s+day)))\b",
            r"(?i:((?:earlier\s+|later\s+)?(?:last|this|next)\s+(?:weekend|week|month|year)))\b",
            rf"(?i:((?:{_NUM})\s+(?:day|week|month|year)s?\s+ago))\b",
            rf"{_PREP}\s*((?:(?i:early|late)\s+|(?i:mid)-\s*)?(?:{_MF}){_YS})\b(?![\s,]*\d)",
            rf"((?i:last|this|next|early|late)\s+(?:{_MF}){_YS})\b(?![\s,]*\d)",
            rf"{_PREP}\s*({_YEAR})",
            rf"(?i:the|his|her|its|their|our|this|that)\s+({_YEAR})(?=\s+[a-z])",
        )
    )
    + ")"
)
_OF = re.compile(r"\s+(?:the|a|an|his|her|its|their|this|that)\b|\s+\w+['\u2019]s\b")
_UNIT = re.compile(r"(?i)\b(?:days?|weeks?|months?|years?|decades?)\b")
_AGE = re.compile(r"(?i)^-?\s*(?:year|years)?-?\s*old\b|^-year")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date phrase in the article and the period it names."""

    span: Span
    value: str | None
    precision: str
    relative: bool


# --- resolution --------------------------------------------------------------
# A recipe: (kind, arg, arg, ...); kinds need the publication date unless "abs".
Recipe = tuple[Any, ...]
_PRECISION = {"week": "week", "months": "month", "month_of": "month", "years": "year"}
_SPECIAL: dict[str, Recipe] = {k: tuple(v) for k, v in _LEX["relative"].items()}
_WDN = "|".join(WEEKDAYS)
_MN = "|".join(MONTHS)
_YR = r"(1[89]\d\d|20\d\d)"
_RX = {
    "iso": re.compile(r"^(\d{4})[-/](\d\d)[-/](\d\d)$"),
    "num": re.compile(r"^(\d{1,2})([-/ ])(\d{1,2})[-/ ](\d{4})$"),
    "year": re.compile(rf"^{_YR}$"),
    "ago": re.compile(rf"^({_NUM}) (day|week|month|year)s? ago$"),
    "dur": re.compile(
        rf"^(?:the )?(?:past |last |next |coming |first |previous )?"
        rf"(?:{_NUM}|several|few|a few|many|couple of|a couple of)"
        r" (?:days?|weeks?|months?|years?|decades?)$"
    ),
    "wd": re.compile(rf"^(?:(last|this|next|this past|this coming) )?({_WDN})$"),
    "mon": re.compile(rf"^(?:(last|this|next) )?({_MN})(?: (last|this|next) year)?$"),
    "my": re.compile(rf"^({_MN}),? {_YR}$"),
    "dm": re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MN}),?(?: {_YR})?$"),
    "md": re.compile(rf"^({_MN}) (\d{{1,2}})(?:st|nd|rd|th)?,?(?: {_YR})?$"),
}


@functools.lru_cache(maxsize=65536)
def _norm(phrase: str) -> str:
    """Lower-case ``phrase`` and drop what does not move the start of its period."""
    s = phrase.lower().replace("\u2019", "'").replace(".", " ")
    s = re.sub(r"\s+", " ", s).strip(" ,;:()\"'-")
    s = re.sub(r"(?:'s|\s+at\s+\d.*|\s+at\s+(?:noon|midnight|dawn|dusk))$", "", s)
    s = _PREFIX.sub("", s)
    if s not in _SPECIAL:
        s = re.sub(rf" (?:{DAY_PARTS})$", "", s)
    s = re.sub(rf"^(?:{_WDN}),? (?=\d|(?:{_MN}) \d)", "", s)  # "Wed 5 April"
    return s.replace(",", "").strip()


def _ymd(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _recipe(s: str) -> Recipe | None:
    """Return how to resolve the normalised phrase ``s``, or None for no rule."""
    if s in _SPECIAL:
        return _SPECIAL[s]
    rx = _RX
    if m := rx["iso"].match(s):
        d = _ymd(int(m[1]), int(m[2]), int(m[3]))
        return ("abs", d, "day") if d else ("none",)
    if m := rx["num"].match(s):
        a, b, y = int(m[1]), int(m[3]), int(m[4])
        dmy, mdy = _ymd(y, b, a), _ymd(y, a, b)
        if not (dmy and mdy) or dmy == mdy:
            return ("abs", dmy or mdy, "day") if dmy or mdy else ("none",)
        return ("num", dmy, mdy) if m[2] != "/" else ("num", mdy, dmy)
    if m := rx["year"].match(s):
        return ("abs", date(int(m[1]), 1, 1), "year")
    if m := rx["ago"].match(s):
        n = int(m[1]) if m[1].isdigit() else NUMBERS[m[1]]
        unit = {"day": "offset", "week": "week", "month": "months", "year": "years"}
        return (unit[m[2]], -n)
    if rx["dur"].match(s) or s in VAGUE or re.search(r"\d0s$", s):
        return ("none",)
    if m := rx["wd"].match(s):
        return ("weekday", WEEKDAYS[m[2]], (m[1] or "").split(" ")[0])
    if m := rx["mon"].match(s):
        return ("month_of", MONTHS[m[2]], m[3] + " year" if m[3] else m[1] or "")
    if m := rx["my"].match(s):
        return ("abs", date(int(m[2]), MONTHS[m[1]], 1), "month")
    dm, md = rx["dm"].match(s), rx["md"].match(s)
    if dm or md:
        day, mon, year = (dm[1], dm[2], dm[3]) if dm else (md[2], md[1], md[3])  # type: ignore[index]
        if year:
            d = _ymd(int(year), MONTHS[mon], int(day))
            return ("abs", d, "day") if d else ("none",)
        ok = _ymd(2000, MONTHS[mon], int(day))
        return ("md", MONTHS[mon], int(day)) if ok else ("none",)
    return None


def _apply(r: Recipe, pub: date) -> date | None:
    """Return the start of the period recipe ``r`` names, seen from ``pub``."""
    kind = r[0]
    if kind == "offset":
        return pub + timedelta(days=r[1])
    if kind == "week":
        return pub - timedelta(days=pub.weekday() - 7 * r[1])
    if kind == "months":
        n = pub.year * 12 + pub.month - 1 + r[1]
        return date(n // 12, n % 12 + 1, 1)
    if kind == "years":
        return date(pub.year + r[1], 1, 1)
    if kind == "weekend":  # the Saturday of a weekend
        monday = pub - timedelta(days=pub.weekday())
        if r[1] == -1 or (r[1] == "past" and pub.weekday() < 5):
            return monday - timedelta(days=2)
        if r[1] == 0 and pub.weekday() == 0:
            return monday - timedelta(days=2)  # on a Monday, the one just gone
        return monday + timedelta(days=5)
    if kind == "weekday":
        back = (pub.weekday() - r[1]) % 7
        if r[2] == "next":
            return pub + timedelta(days=7 - back)
        return pub - timedelta(days=back or (7 if r[2] == "last" else 0))
    if kind == "month_of":
        month, after = r[1], r[1] > pub.month
        shift = {"next": int(not after), "this": 0, "last": -int(month >= pub.month)}
        shift |= {"last year": -1, "this year": 0, "next year": 1}
        return date(pub.year + shift.get(r[2], -int(after)), month, 1)
    if kind == "md":
        for year in range(pub.year, pub.year - 8, -1):
            d = _ymd(year, r[1], r[2])
            if d and (d - pub).days <= FUTURE_SLACK:
                return d
    return None


@functools.lru_cache(maxsize=65536)
def _resolve(s: str, published: str | None) -> tuple[str | None, str, bool]:
    """Return ``(value, precision, relative)`` of normalised ``s`` seen from a date."""
    pub = _iso(published)
    r = _recipe(s)
    if r is None:
        d, precision, relative = with_dateparser(s, pub)
    elif r[0] == "none":
        return None, "unknown", False
    elif r[0] == "abs":
        d, precision, relative = r[1], r[2], False
    elif r[0] == "num":  # 03-07-2015: the reading nearest before publication
        first, second = r[1], r[2]
        if pub and (abs((pub - second).days) < abs((pub - first).days)):
            first = second if (second - pub).days <= FUTURE_SLACK else first
        d, precision, relative = first, "day", False
    else:
        precision, relative = _PRECISION.get(r[0], "day"), True
        d = _apply(r, pub) if pub else None
    return (d.isoformat() if d else None), precision, relative


def _iso(published: str | None) -> date | None:
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", published or "")
    return _ymd(int(m[1]), int(m[2]), int(m[3])) if m else None


def resolve(phrase: str, published: str | None) -> tuple[str | None, str]:
    """Return the ISO start date and precision of ``phrase`` seen from ``published``.

    ``published`` is an ISO date (or datetime); without it relative phrases
    give ``(None, precision)``. Unresolvable phrases give ``(None, "unknown")``.
    """
    value, precision, _ = _resolve(_norm(phrase), published)
    return value, precision


def _candidates(doc: Any, text: str) -> list[tuple[int, int]]:
    """Return the character ranges of date phrases: DATE entities and patterns."""
    out = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        start, end = ent.start_char, ent.end_char
        m = re.search(r"(?:['\u2019]s|[\s,.;:'\u2019\"-])+$", text[start:end])
        end = start + m.start() if m else end
        phrase = text[start:end].lower()
        prev = (text[max(0, start - 20) : start].split() or [""])[-1].lower()
        old = _AGE.match(text[end : end + 12]) or "old" in phrase or prev == "aged"
        dur = prev in DURATION_BEFORE and "ago" not in phrase and _UNIT.search(phrase)
        if end > start and not old and not dur:
            out.append((start, end))
    out.extend(m.span(m.lastindex or 0) for m in _FIND.finditer(text))
    return out


def date_mentions(
    doc: Any, article: Article, *, published: str | None = None
) -> list[DateMention]:
    """Return the date phrases of ``article`` in text order, resolved.

    ``doc`` is the spaCy Doc of ``article.text``; ``published`` overrides
    ``article.published``. Overlapping phrases keep the longest resolvable one.
    """
    text = article.text
    pub = published if published is not None else article.published
    found: list[DateMention] = []
    last_end = -1
    for start, end in sorted(set(_candidates(doc, text)), key=lambda r: (r[0], -r[1])):
        # "the day before the vote" counts from the vote, not from publication
        if (
            start < last_end
            or (text.endswith("before", 0, end) and _OF.match(text, end))
            or not_a_date(text, start, end)
        ):
            continue
        value, precision, relative = _resolve(_norm(text[start:end]), pub)
        if precision == "unknown":
            continue
        found.append(DateMention(Span.of(text, start, end), value, precision, relative))
        last_end = end
    return found
