"""Sourcing signals: how far the article's sourcing can be trusted."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from reportedly.model import Actor, Article, Quote, Signal

VERSION = "signals.v1"


def signals(
    doc: Any, article: Article, quotes: Sequence[Quote], actors: Sequence[Actor]
) -> Iterator[Signal]:
    """Yield signals (placeholder)."""
    return iter(())
