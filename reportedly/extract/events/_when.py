"""When an event happened: the date phrase that governs it, if plausible;
else the publication date when the event is news of the day; else null.

A phrase dates an event when it sits in the event's clause (its evidence) or
in a clause governing it (``Police said on Thursday that the men fled``), but
not in a clause of its own (``Robinson, who served in Afghanistan in 2012,``)
nor in a comparison (``like Srebrenica in 1995``). A year that names a thing
dates that thing (``the 2014 kidnapping``), and the event it is the time of
(``captured in the 1967 war``), never another event (``an investigation into
his 2016 campaign``).

A date more than 2 days after publication is kept only from the event's own
clause, for an event not told in the past tense (``will meet next
Wednesday``); a date before 1900 only from an explicit year in the clause
(``the war of 1812``). Without a phrase, ``date_source`` says what the date
is: ``published`` (news of the day: the publication date), or null with
``before_published`` (the text places the event earlier: ``was said to have
killed``, ``which had fought``, ``shot down recently``) or ``after_published``
(a future event: ``will provide a ship``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, Protocol

from reportedly.extract.events import _ahead
from reportedly.lexicons import word_set
from reportedly.model import Event, Span, replace

FUTURE_SLACK_DAYS = 2
EARLIEST = "1900-01-01"
NOMINAL = _ahead.NOMINAL
# a clause of its own: a phrase in it dates what happens there, not outside
CLAUSES = frozenset(
    ["relcl", "advcl", "ccomp", "acl", "xcomp", "csubj", "csubjpass", "parataxis"]
)
MODIFIERS = frozenset(["nummod", "compound", "amod", "poss", "nmod", "npadvmod"])


class DateMentionLike(Protocol):
    """A date mention (``dates.DateMention``), read-only."""

    @property
    def span(self) -> Span: ...
    @property
    def value(self) -> str | None: ...
    @property
    def precision(self) -> str: ...


def _words(key: str) -> frozenset[str]:
    return word_set("dates.toml", "events", key)


def _token(doc: Any, start: int, end: int) -> Any | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _clause_head(tok: Any) -> Any | None:
    """The verb (or root) of the clause ``tok`` sits in; None across a
    comparison (``like Srebrenica in 1995``)."""
    while tok.head.i != tok.i and tok.dep_ not in CLAUSES:
        if tok.dep_ == "prep" and tok.lower_ in _words("comparisons"):
            return None
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod",):
            return tok
        tok = tok.head
    return tok


def governs(doc: Any, mention: DateMentionLike, trig: Any, own_clause: bool) -> bool:
    """Does the date phrase ``mention`` date the event of token ``trig``?"""
    r = _token(doc, mention.span.start, mention.span.end)
    if r is None:
        return own_clause
    if _compared(doc, r):
        return False
    if r.dep_ in MODIFIERS and r.head.pos_ in NOMINAL and r.head.i != r.i:
        named = r.head  # "the 2014 kidnapping", "in the 1967 war"
        if named.i == trig.i:
            return True
        prep = named.head
        if named.dep_ != "pobj" or prep.lower_ not in _words("temporal_preps"):
            return False
        r = prep
    head = _clause_head(r)
    if head is None:
        return False
    return own_clause or _under(trig, head) or _right_before(doc, mention, trig)


def _compared(doc: Any, r: Any) -> bool:
    """``like Srebrenica in 1995``: a comparison right before the phrase."""
    for t in reversed(doc[max(0, r.i - 4) : r.i]):
        if t.is_punct:
            return False
        if t.lower_ in _words("comparisons"):
            return True
    return False


def _right_before(doc: Any, mention: DateMentionLike, trig: Any) -> bool:
    """``had in 1997 complained``: a phrase just before the event's verb."""
    if mention.span.end > trig.idx:
        return False
    between = [t for t in doc[max(0, trig.i - 4) : trig.i] if t.idx >= mention.span.end]
    return len(between) <= 2 and all(t.pos_ in ("AUX", "ADV", "PART") for t in between)


def _under(trig: Any, head: Any) -> bool:
    """Is ``trig`` in the clause of ``head`` or one it governs, not in a
    description (``killed 36 people who fought against extremism``)?"""
    tok = trig
    while tok.i != head.i:
        if tok.dep_ in ("relcl", "acl") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _past(trig: Any) -> bool:
    """Told in the past tense: ``struck``, ``has struck``, ``was struck``."""
    verb = _ahead.clause_verb(trig)
    if verb is None:
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ == "VBD" or bool(aux & {"had", "has", "have", "was", "were"})


def background(trig: Any) -> bool:
    """Does the text place the event before publication without dating it?
    ``is said to have killed``, ``which has fought``, ``had seized``,
    ``shot down recently``, ``is a critic ... and has accused``."""
    verb = _ahead.clause_verb(trig)
    if verb is None:
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    kids = {c.lower_ for c in verb.children if c.dep_ in ("advmod", "npadvmod")}
    perfect = bool(aux & {"has", "have"})
    if "had" in aux or ("to" in aux and "have" in aux):
        return True  # past perfect, perfect infinitive
    if kids & _words("earlier_adverbs"):
        return True
    return perfect and (verb.dep_ in ("relcl", "acl") or _describes(verb))


def _describes(verb: Any) -> bool:
    """``Vietnam is a critic of X and has accused Y``: a perfect joined to a
    description in the present is background."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and head.lemma_ == "be"
        and head.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _plausible(
    m: DateMentionLike, trig: Any, own_clause: bool, published: str | None
) -> bool:
    """A date after publication (+2 days) or before 1900 needs its own
    explicit phrase in the event's clause."""
    value = m.value or ""
    if value < EARLIEST:
        return own_clause and any(ch.isdigit() for ch in m.span.text)
    if published and value > _later(published):
        return own_clause and not _past(trig)
    return True


def _later(published: str) -> str:
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return "9999"
    return (day + timedelta(days=FUTURE_SLACK_DAYS)).isoformat()


def _ahead_modality(
    m: DateMentionLike, ev: Event, trig: Any, source: str, published: str | None
) -> str:
    """``is stepping down in May 2020`` (published in 2019): a date of the
    event's own clause more than 2 days after publication says the event has
    not happened yet; not for a verb in a past form (``hit by air strikes
    ... June 12``): then the publication date may be wrong, not the text."""
    told = ev.modality != "asserted" or source != "clause" or not published
    if told or trig.tag_ in ("VBD", "VBN"):
        return ev.modality
    return "future" if (m.value or "") > _later(published or "") else ev.modality


def _nearest(items: list[Any], pos: int) -> Any | None:
    """The mention closest to ``pos``; after it wins a tie (``struck X``)."""
    if not items:
        return None
    return min(items, key=lambda m: (abs(m.span.start - pos), m.span.start < pos))


def _phrase(
    doc: Any,
    ev: Event,
    trig: Any,
    dates: Sequence[DateMentionLike],
    sent: tuple[int, int],
    published: str | None,
) -> tuple[DateMentionLike, str] | None:
    """The date phrase of the event's clause, else of a clause governing it."""
    pos = (ev.trigger or ev.evidence).start
    lo, hi = ev.evidence.start, ev.evidence.end
    known = [d for d in dates if d.value]
    for source, own, near in (
        ("clause", True, [d for d in known if lo <= d.span.start and d.span.end <= hi]),
        ("sentence", False, [d for d in known if sent[0] <= d.span.start < sent[1]]),
    ):
        fits = [
            d
            for d in near
            if governs(doc, d, trig, own) and _plausible(d, trig, own, published)
        ]
        found = _nearest(fits, pos)
        if found is not None:
            return found, source
        if ev.modality == "future":
            break  # "said on Monday it plans to attack": Monday is the saying's
    return None


def date_event(
    doc: Any,
    ev: Event,
    dates: Sequence[DateMentionLike],
    sent: tuple[int, int],
    published: str | None,
) -> Event:
    """Return ``ev`` with its date, date text, precision and source."""
    pos = (ev.trigger or ev.evidence).start
    trig = _token(doc, pos, (ev.trigger or ev.evidence).end)
    if trig is None:
        return ev
    found = _phrase(doc, ev, trig, dates, sent, published)
    if found is not None:
        when, source = found
        return replace(
            ev,
            modality=_ahead_modality(when, ev, trig, source, published),
            date=_ahead.ahead(when, ev, trig, source, published),
            date_text=when.span,
            date_precision=when.precision,
            date_source=source,
        )
    if ev.modality == "future":
        return replace(ev, date=None, date_source="after_published")
    if background(trig):
        return replace(ev, date=None, date_source="before_published")
    if published:
        return replace(
            ev, date=published, date_precision="day", date_source="published"
        )
    return ev
