"""Dates relative to the publication day: a bare weekday in the clause of a
future event is the coming one, not the last one."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from reportedly.lexicons import load_toml
from reportedly.model import Event

NOMINAL = ("NOUN", "PROPN")


def clause_verb(trig: Any) -> Any | None:
    """The verb of an event's clause: the trigger, or the verb above a noun."""
    if trig.pos_ not in NOMINAL:
        return trig
    return next((a for a in trig.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _looks_ahead(trig: Any) -> bool:
    """``will play``, ``is due to meet``: the event's clause speaks of the
    future (and no verb above it of the past: ``sought to seize``)."""
    tok = clause_verb(trig)
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
