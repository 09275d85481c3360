"""Read evidence texts for incident linking: place-like names, near copies, news.

Heuristics, with their word lists as data in ``lexicons/incidents.toml``.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Sequence
from importlib import resources
from typing import Any

from reportedly.counts import unit_key
from reportedly.model import Count, LinkPlace


@functools.cache
def rules() -> dict[str, Any]:
    """Return the linking rules of ``lexicons/incidents.toml``."""
    ref = resources.files("reportedly.lexicons").joinpath("incidents.toml")
    with ref.open("rb") as fh:
        return tomllib.load(fh)


def specific(text: str, quantities: Sequence[Count], place: LinkPlace | None) -> bool:
    """Say whether an event is specific enough to link: a place, a name or a count."""
    units = set(rules()["contradictions"]["units"])
    counted = any(unit(q.unit) in units for q in quantities)
    return bool(place and place.geonames_id) or counted or bool(evidence_names(text))


_PERFECT = re.compile(r"\b(?:has|have)\s+(?:been\s+)?(?:\w+ly\s+)?\w+(?:ed|en|t)\b")
_MONTH_DAY = re.compile(
    r"\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d{1,2}\b"
)


def not_news(text: str, trigger: str | None, quantities: Sequence[Count]) -> bool:
    """Say whether an evidence text tells of something ongoing, not one incident.

    Page furniture (``|``-separated menus) counts too; an -ing event word with
    a count ("a bombing killed 20") is news.
    """
    low = f" {text.casefold()} "
    if "|" in text:
        return True
    if any(f" {d} " in low for d in rules()["names"]["days"]) or _MONTH_DAY.search(low):
        return False
    units = set(rules()["contradictions"]["units"])
    counted = any(unit(q.unit) in units for q in quantities)
    ongoing = (trigger or "").casefold().endswith("ing") and not counted
    return ongoing or bool(_PERFECT.search(low))


def background(text: str) -> bool:
    """Say whether an evidence text reads as background, not news of the day."""
    low = f" {text.casefold()} "
    return any(f" {w} " in low for w in rules()["names"]["background"])


_ART = r"(?:(?:al|el|ad|as|ar|ash|az|ez|an|at)-)?"
_NAME = re.compile(rf"\b{_ART}[A-Z][\w'-]+(?:\s+{_ART}[A-Z][\w'-]+)*")
_ARTICLE = re.compile(r"^(?:al|el|ad|as|ar|ash|az|ez|an|at)-")


@functools.cache
def _not_places() -> frozenset[str]:
    return frozenset(rules()["names"]["not_places"])


@functools.lru_cache(maxsize=1 << 16)
def evidence_names(text: str) -> frozenset[str]:
    """Return the runs of capitalised words of an evidence text that may be places.

    Words that name no place (countries, groups, weekdays) are dropped from each
    run; a lone word that opens a sentence is ignored.
    """
    stop, out = _not_places(), set()
    for m in _NAME.finditer(text or ""):
        words = m.group().split()
        opens = m.start() == 0 or text[: m.start()].rstrip()[-1:] in '.!?"“:'
        if opens and len(words) == 1:
            continue
        bare = [_ARTICLE.sub("", w.casefold()) for w in words]
        kept = [
            w
            for w, b in zip(words, bare, strict=True)
            if b not in stop
            and not (b.endswith("s") and b[:-1] in stop)
            and not b.endswith(("-led", "-backed", "-held", "-based"))
        ]
        name = " ".join(kept).casefold()
        if len(name) >= 4:
            out.add(name)
    return frozenset(out)


@functools.cache
def regions() -> frozenset[str]:
    """Return the region names too large to place an incident."""
    return frozenset(rules()["names"]["regions"])


def same_text(a: str, b: str) -> bool:
    """Say whether two evidence texts are near copies (syndicated wording)."""
    wa, wb = (
        set(re.findall(r"\w+", a.casefold())),
        set(re.findall(r"\w+", b.casefold())),
    )
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.7


def unit(u: str) -> str:
    """Return a unit for comparing: lower case, a listed plural made singular."""
    return unit_key(u)
