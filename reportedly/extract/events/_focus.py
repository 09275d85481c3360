"""The article's focus place, the fallback location of its events (see
``_places``), and the dateline whose place it does not count."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Protocol

from reportedly.extract.events import _where
from reportedly.model import Span


class PlaceMentionLike(Protocol):
    """A place mention (``places.PlaceMention``), read-only."""

    @property
    def span(self) -> Span: ...
    @property
    def place_id(self) -> str | None: ...
    @property
    def precision(self) -> str: ...
    @property
    def hint(self) -> str | None: ...
    @property
    def hint_span(self) -> Span | None: ...


def dateline_end(text: str) -> int:
    """The end of a dateline (``BEIRUT (Reuters) -``) at the text's start, or 0."""
    found = re.match(_where.lex()["focus"]["dateline"], text)
    return found.end() if found else 0


def focus(
    places: Sequence[PlaceMentionLike],
    countries: Mapping[str, str | None] | None = None,
    after: int = 0,
) -> PlaceMentionLike | None:
    """The article's focus, or None when it is ambiguous (see ``focus_of``)."""
    return focus_of(places, countries, after)[0]


def focus_of(
    places: Sequence[PlaceMentionLike],
    countries: Mapping[str, str | None] | None = None,
    after: int = 0,
) -> tuple[PlaceMentionLike | None, str]:
    """The article's focus and why: its most mentioned resolved place when
    the mentions of one country make most of the article's (``country_share``)
    and that place most of its country's (``place_share``), else the
    country's own mention; else (None, ``ambiguous``), or (None,
    ``no_place``) when the article names no resolved place. Mentions before
    ``after`` (a dateline) are not counted."""
    resolved = [m for m in places if m.place_id and m.span.start >= after]
    if not resolved:
        return None, "no_place"
    where = countries or {}
    land = {m.span.start: where.get(m.place_id or "") or m.place_id for m in resolved}
    home, n = Counter(land.values()).most_common(1)[0]
    knobs = _where.lex()["focus"]
    if n < knobs["country_share"] * len(resolved):
        return None, "ambiguous"
    ours = [m for m in resolved if land[m.span.start] == home]
    counts = Counter(m.place_id for m in ours).most_common()
    best, top = counts[0]
    tied = len(counts) > 1 and counts[1][1] == top
    if top >= knobs["place_share"] * len(ours) and not tied:
        # a mention inside the place: "Iran", not "outside Iran"
        best_of = [m for m in ours if m.place_id == best]
        beyond = set(knobs["outside"])
        return next((m for m in best_of if m.hint not in beyond), best_of[0]), "article"
    whole = next((m for m in ours if m.precision == "country"), None)
    return (whole, "article") if whole is not None else (None, "ambiguous")
