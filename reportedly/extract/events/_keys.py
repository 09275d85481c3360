"""Which participants are one actor (used by ``_actors``)."""

from __future__ import annotations

from reportedly.extract.actors import Coded
from reportedly.extract.events._quantities import SCALES, SCALES_APPROX, UNITS

DET = frozenset(["the", "a", "an"])
COUNTS = (frozenset(UNITS) - DET) | frozenset(SCALES) | frozenset(SCALES_APPROX)


def key(coded: Coded, text: str) -> tuple:
    """Participants that code the same way are one actor (``Russia's
    military`` and ``the Russian army``); parties, named organisations and
    phrases with no country, no sector or a count go by name (Labour is not
    the Tories, ``the government`` is not ``the chancellor``, ``seven
    people`` are not ``eleven people``, ``rival rebels`` are not a named
    rebel group)."""
    if coded.kind in ("country", "person") or coded.sector == "PTY":
        return (coded.kind, coded.name)
    words = text.split()
    if words and words[-1][:1].isupper():
        return ("named", coded.name.lower())
    unplaced = coded.country is None and coded.scope is None
    if coded.sector is None or unplaced or counted(words):
        return ("phrase", " ".join(w.lower() for w in words if w.lower() not in DET))
    return (coded.kind, coded.country, coded.sector, coded.scope, coded.backer)


def counted(words: list[str]) -> bool:
    """``seven people``, ``dozens of civilians``."""
    return any(w[:1].isdigit() or w.lower() in COUNTS for w in words)
