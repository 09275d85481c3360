"""Counts as ranges, and the camps of recipients: what may contradict.

``at least 4 targets`` is [4, inf) and ``eight targets`` [8, 8], so the two
agree. Recipients contradict only between the camps that fight (state,
rebels, jihadists), or across countries within them. Shared by the
contradictions inside one article and those between the reports of an
incident; word lists are data in ``lexicons/incidents.toml``
(``[contradictions]``)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any, Protocol

from reportedly.lexicons import load_toml

YEAR = re.compile(r"\b(?:19|20)\d\d\b")


class CountLike(Protocol):
    """A number with its unit and its words (a Quantity or a Count)."""

    @property
    def value(self) -> float: ...

    @property
    def unit(self) -> str: ...

    @property
    def text(self) -> str: ...


def _rules() -> dict[str, Any]:
    return load_toml("incidents.toml")["contradictions"]


def unit_key(u: str) -> str:
    """Return a unit for comparing: lower case, a listed plural made singular."""
    u = u.casefold().strip()
    return u[:-1] if u.endswith("s") and u[:-1] in _rules()["units"] else u


def bounds(q: CountLike) -> tuple[float, float]:
    """Return the interval a count states (``at least 4`` -> [4, inf))."""
    text, v, c = q.text.casefold(), float(q.value), _rules()["bounds"]
    if any(w in text for w in c["lower_bound"]):
        return v, math.inf
    if any(w in text for w in c["upper_bound"]):
        return 0.0, v
    if any(w in text for w in c["approximate"]):
        return 0.7 * v, 1.3 * v
    return v, v


def _by_unit(counts: Iterable[CountLike]) -> dict[str, list[CountLike]]:
    units = set(_rules()["units"])
    out: dict[str, list[CountLike]] = {}
    for q in counts:
        u = unit_key(q.unit)
        if u in units and not YEAR.search(q.text):
            out.setdefault(u, []).append(q)
    return out


def clashes(
    a: Iterable[CountLike], b: Iterable[CountLike]
) -> list[tuple[str, list[CountLike], list[CountLike]]]:
    """Return (unit, counts of a, counts of b) for every compared unit where no
    count of ``a`` fits (overlaps) any count of ``b``."""
    qa, qb = _by_unit(a), _by_unit(b)
    out = []
    for u in sorted(qa.keys() & qb.keys()):
        fits = any(
            not (ba[1] < bb[0] or bb[1] < ba[0])
            for x in qa[u]
            for y in qb[u]
            for ba, bb in [(bounds(x), bounds(y))]
        )
        if not fits:
            out.append((u, qa[u], qb[u]))
    return out


def camp(sector: str | None) -> str | None:
    """Return the camp of a sector (``MIL`` -> ``state``), or None."""
    for name, sectors in _rules()["camps"].items():
        if sector in sectors:
            return str(name)
    return None


def recipients_clash(
    a: tuple[str | None, str | None], b: tuple[str | None, str | None]
) -> bool:
    """Say whether two resolved recipients, (country, sector) each, cannot both
    be the target: both in fighting camps, and of different camps or countries."""
    ca, cb = camp(a[1]), camp(b[1])
    whom = _rules()["whom"]
    if ca not in whom or cb not in whom:
        return False
    return ca != cb or (a[0] is not None and b[0] is not None and a[0] != b[0])


def targets(event_type: str) -> bool:
    """Say whether the recipients of this event type are targets (may clash)."""
    return event_type in _rules()["whom_types"]
