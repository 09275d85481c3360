"""A place mention as the event-place code reads it (``PlaceMentionLike``),
for the event location tests (no gazetteer needed)."""

from __future__ import annotations

from dataclasses import dataclass

from reportedly.model import Span


@dataclass(frozen=True)
class P:
    span: Span
    place_id: str | None
    precision: str = "point"
    hint: str | None = None
    hint_span: Span | None = None
