"""An event told again by an anaphor takes the place of the event it refers
to: "A roadside bomb killed a soldier in Manbij. Five others were wounded in
the attack." The second event names no place of its own; "the attack" (a
definite noun of ``[previous] nouns`` in ``lexicons/event_places.toml``, in
its clause) points back to the nearest earlier event of the same type that
its own clause located, at most ``sentences`` sentences before. Its
``location_source`` is ``previous``."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

from reportedly.extract.events import _where
from reportedly.model import Event, replace

_OWN = frozenset({"clause", "sentence", "statement"})
_NONE = frozenset({"article", "ambiguous", "no_place"})


def from_previous(doc: Any, events: Sequence[Event]) -> list[Event]:
    """Return ``events`` with anaphoric events located as their antecedent."""
    knobs = _where.lex()["previous"]
    nouns = frozenset(knobs["nouns"])
    starts = [s.start_char for s in doc.sents]
    out = list(events)
    for i, ev in enumerate(out):
        if ev.location_source not in _NONE or not _anaphor(doc, ev, nouns):
            continue
        here = _sentence(starts, ev.evidence.start)
        for j in range(i - 1, -1, -1):
            prev = out[j]
            if here - _sentence(starts, prev.evidence.start) > knobs["sentences"]:
                break
            if prev.type != ev.type or prev.location_source not in _OWN:
                continue
            if prev.evidence.start >= ev.evidence.start:
                continue
            out[i] = replace(
                ev,
                location=prev.location,
                location_precision=prev.location_precision,
                location_source="previous",
            )
            break
    return out


def _sentence(starts: list[int], pos: int) -> int:
    """The index of the sentence that holds character ``pos``."""
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _anaphor(doc: Any, ev: Event, nouns: frozenset[str]) -> bool:
    """Does the event's evidence hold "the attack" (a definite anaphoric noun)?"""
    span = doc.char_span(ev.evidence.start, ev.evidence.end, alignment_mode="expand")
    if span is None:
        return False
    return any(
        t.lemma_.lower() in nouns
        and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children
        )
        for t in span
    )
