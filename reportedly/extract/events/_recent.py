"""Dates relative to the publication day: a weekday of a future event is
the coming one; a past event with no date phrase of its own, told right
after a sentence dated in the days before publication, shares that day
(``On Tuesday air strikes hit Idlib ... Eleven civilians were killed in
Saraqeb``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from reportedly.lexicons import load_toml
from reportedly.model import Event

CONTEXT_SENTENCES = 2  # sentences a past event looks back for its day
RECENT_DAYS = 7  # a day that old or newer is news of these days
NOMINAL = ("NOUN", "PROPN")


def _verb_above(tok: Any) -> Any | None:
    return next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)


def context(doc: Any, trig: Any, dates: Sequence[Any], published: str | None) -> Any:
    """The date mention of the last dated sentence before the event's, if
    it is within ``CONTEXT_SENTENCES`` and names a day of the week before
    publication; else None."""
    if not published:
        return None
    sent = trig.sent
    lo = sent.start
    for _ in range(CONTEXT_SENTENCES):
        if lo == 0:
            break
        lo = doc[lo - 1].sent.start
    start, end = doc[lo].idx, sent.start_char
    near = [d for d in dates if d.value and start <= d.span.start < end]
    if not near:
        return None
    last = max(near, key=lambda d: d.span.start)
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return None
    earliest = (day - timedelta(days=RECENT_DAYS)).isoformat()
    if last.precision != "day" or not earliest <= last.value <= day.isoformat():
        return None
    return last


def _looks_ahead(trig: Any) -> bool:
    """``will play``, ``is due to meet``: the event's clause speaks of the
    future (and no verb above it of the past: ``sought to seize``)."""
    tok = trig if trig.pos_ not in NOMINAL else _verb_above(trig)
    ahead = False
    for _ in range(4):
        if tok is None or tok.tag_ == "VBD":
            return False
        aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
        ahead = ahead or bool(aux & {"will", "shall", "'ll", "wo"})
        if tok.dep_ not in ("xcomp", "conj") or tok.head.i == tok.i:
            break
        tok = tok.head
    return ahead


def ahead(
    m: Any, ev: Event, trig: Any, source: str, published: str | None
) -> str | None:
    """``will play West Ham on Saturday``: a bare weekday in the clause of a
    future event is the coming one, not the last one."""
    words = m.span.text.lower().split()
    weekdays = load_toml("dates.toml")["weekdays"]
    weekday = len(words) <= 2 and words[-1].strip(".,") in weekdays
    if not (weekday and source == "clause" and published and m.value):
        return m.value
    if ev.modality != "future" or not _looks_ahead(trig):
        return m.value
    if words[0] in ("last", "past") or m.value >= published[:10]:
        return m.value
    return (date.fromisoformat(m.value) + timedelta(days=7)).isoformat()
