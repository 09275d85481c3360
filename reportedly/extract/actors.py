"""Actors: the people and organisations who speak, with name, role and affiliation."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from reportedly.model import Actor, Article, Quote

VERSION = "actors.v1"


def actors(doc: Any, article: Article, quotes: Sequence[Quote]) -> Iterator[Actor]:
    """Yield actors (placeholder)."""
    return iter(())
