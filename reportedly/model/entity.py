"""Canonical actors across a corpus: one entity per real-world actor."""

from __future__ import annotations

from dataclasses import dataclass

from reportedly.model._serial import Record


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity(Record):
    """The canonical actor an article's actor record stands for.

    ``id`` is the same in every article that names the entity (``ISIS``,
    ``Daesh`` and ``Islamic State`` are one); generic actors (``officials``,
    ``the army``) stay entities of their own article.
    """

    id: str
    name: str
    kind: str
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None
    scope: str = "corpus"  # corpus: shared across articles | article: local
