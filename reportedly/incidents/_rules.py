"""Pairwise rules of incident linking: may two event reports be one incident?

Works on typed link records (``LinkRecord``, made by ``link_records``); the
thresholds and type tables are data in ``lexicons/incidents.toml``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from reportedly.counts import clashes, recipients_clash, targets
from reportedly.distance import km
from reportedly.incidents._text import (
    evidence_names,
    regions,
    rules,
    same_text,
    unit,
)
from reportedly.model import Contradiction, LinkPlace, LinkRecord, Party


@functools.cache
def compatible_types(kind: str) -> frozenset[str]:
    """Return the types an event of type ``kind`` may be linked with."""
    out = {kind}
    for a, b in rules()["types"]["compatible"]:
        if kind in (a, b):
            out |= {a, b}
    return frozenset(out)


def linkable(kind: str | None, modality: str | None) -> bool:
    """Say whether events of this type and modality may form incidents."""
    types = rules()["types"]
    return kind in types["linkable"] and modality in types["modalities"]


_DATELINE = re.compile(r"^.*?\s[-\u2013\u2014]\s+")
_LEAD = re.compile(
    r"^(?:(?:the|a|an|its|their|some|at least|more than|over|\d[\d,.]*)\s+)+"
)
_TAIL = re.compile(r"\s+(?:in|near|of|from|on|at|across)\s.*$")


def _norm(name: str | None) -> str:
    """Return a name for matching: no dateline, leading numbers or place phrase."""
    s = _DATELINE.sub("", (name or "").casefold().strip())
    s = _TAIL.sub("", _LEAD.sub("", s))
    return re.sub(r"[^\w]+", " ", s).strip()


def _pair_score(p: Party, q: Party) -> float:
    """Score one party pair ``[name, country, sector]``; 0 when nothing agrees."""
    w = rules()["weights"]
    if _norm(p[0]) and _norm(p[0]) == _norm(q[0]):
        coded = (p[1] or p[2]) and (q[1] or q[2])
        if coded and _norm(p[0]) not in _generic():
            return w["name"]
        return w["bare_name"]
    if p[1] and p[1] == q[1]:
        if p[2] and q[2]:
            return w["country_sector"] if p[2] == q[2] else 0.0
        return w["country"]
    if not p[1] and not q[1] and p[2] and p[2] == q[2]:
        return w["sector"]
    return 0.0


@functools.cache
def _generic() -> frozenset[str]:
    return frozenset(rules()["names"]["generic"])


def side(a: Sequence[Party], b: Sequence[Party]) -> tuple[str, float]:
    """Compare two participant lists: ``agree``, ``disagree`` or ``unknown``."""
    if not a or not b:
        return "unknown", 0.0
    best = max(_pair_score(p, q) for p in a for q in b)
    if best > 0:
        return "agree", best
    resolved = all(p[1] for p in a) and all(q[1] for q in b)
    return ("disagree" if resolved else "unknown"), 0.0


def place(a: LinkPlace | None, b: LinkPlace | None) -> str:
    """Compare two locations: ``agree``, ``country``, ``disagree`` or ``unknown``."""
    if not a or not b:
        return "unknown"
    # a province or a country is too wide to tell two attacks apart
    coarse = bool({"country", "admin1"} & {a.precision, b.precision})
    same = a.geonames_id and a.geonames_id == b.geonames_id
    if same and not coarse:
        return "agree"
    located = None not in (a.lat, a.lon, b.lat, b.lon)
    if not coarse and located:
        near = km(a.lat, a.lon, b.lat, b.lon) <= rules()["link"]["max_km"]  # type: ignore[arg-type]
        return "agree" if near else "disagree"
    if not coarse and _norm(a.name) and _norm(a.name) == _norm(b.name):
        return "agree"
    if a.country and b.country:
        return "country" if a.country == b.country else "disagree"
    return "unknown"


def date(a: LinkRecord, b: LinkRecord, window: int) -> str:
    """Compare two dates: ``same``, ``agree`` (in the window), ``disagree``, unknown."""
    if a.day is None or b.day is None:
        return "unknown"
    if {a.date_precision, b.date_precision} & {"month", "year"}:
        return "unknown"
    gap = abs(a.day - b.day)
    if gap == 0:
        return "same"
    return "agree" if gap <= window else "disagree"


def compare(a: LinkRecord, b: LinkRecord) -> tuple[bool, str]:
    """Decide whether two link records report one incident; say why."""
    if a.article_id == b.article_id and a.claimant_key == b.claimant_key:
        return False, "same article and claimant"
    if b.type not in compatible_types(a.type):
        return False, f"types {a.type} and {b.type} are not compatible"
    if a.outlet == b.outlet and a.evidence == b.evidence and a.title != b.title:
        return False, "stock background sentence of one outlet"
    loc = place(a.place, b.place)
    if loc == "disagree":
        return False, "locations disagree"
    if a.article_id == b.article_id and loc != "agree":
        return False, "same article, and no resolved place agrees"
    # participants before names: cheap, and they reject most pairs
    act, act_score = side(a.actors, b.actors)
    if act == "disagree":
        return False, "actors disagree"
    if act != "agree" and loc != "agree":
        return False, "neither actor nor location agrees"
    if loc in ("unknown", "country") and (
        (evidence_names(a.evidence) & evidence_names(b.evidence)) - regions()
        or same_text(a.evidence, b.evidence)
    ):
        loc = "named"
    link = rules()["link"]
    if link["require_place_or_name"] and loc not in ("agree", "named"):
        return False, "no place and no place-like name in common"
    d = date(a, b, link["window_days" if loc == "agree" else "window_days_unlocated"])
    if d == "disagree":
        return False, f"dates {a.date} and {b.date} are too far apart"
    if d == "unknown" and loc != "agree" and not same_text(a.evidence, b.evidence):
        return False, "date unknown: needs a resolved place or the same text"
    if a.article_id == b.article_id and _quantity_clash(a, b):
        return False, "same article, different counts: different sub-events"
    if a.article_id == b.article_id and not (
        same_text(a.evidence, b.evidence) or _shared_count(a, b)
    ):
        # one article reports many strikes of one day in one place
        return False, "same article, no shared count or wording"
    rec, rec_score = side(a.recipients, b.recipients)
    w = rules()["weights"]
    loc_score = {"agree": w["place"], "named": w["named"]}.get(loc, 0.0)
    if rec == "disagree" and not (act == "agree" and loc == "agree"):
        return False, "recipients disagree and actor and location do not both agree"
    score = act_score + rec_score + loc_score + (w["same_day"] if d == "same" else 0)
    need = link["min_score_undated"] if d == "unknown" else link["min_score"]
    if loc not in ("agree", "named"):
        need = max(need, link["min_score_unlocated"])
    if score < need:
        return False, f"evidence {score:g} below {need:g}"
    return (
        True,
        f"evidence {score:g} (actor {act}, recipient {rec}, place {loc}, date {d})",
    )


def _camps_differ(a: Sequence[Party], b: Sequence[Party]) -> bool:
    """Say whether every pair of resolved recipients cannot both be the target."""
    if side(a, b)[0] != "disagree":
        return False
    return all(recipients_clash((p[1], p[2]), (q[1], q[2])) for p in a for q in b)


def _shared_count(a: LinkRecord, b: LinkRecord) -> bool:
    """Do two records give one and the same count of something?"""
    va = {(q.value, unit(q.unit)) for q in a.quantities}
    return bool(va & {(q.value, unit(q.unit)) for q in b.quantities})


def _quantity_clash(a: LinkRecord, b: LinkRecord) -> list[tuple[str, str]]:
    """Return (unit, detail) for units where no count of ``a`` fits one of ``b``."""
    out = []
    for u, qa, qb in clashes(a.quantities, b.quantities):
        texts = (", ".join(repr(q.text) for q in g) for g in (qa, qb))
        out.append((u, " vs ".join(texts)))
    return out


def contradictions(a: LinkRecord, b: LinkRecord) -> list[Contradiction]:
    """Return the ways two reports of one incident contradict each other."""
    if a.article_id == b.article_id and a.claimant_key == b.claimant_key:
        return []
    ids = {"a": a.event_id, "b": b.event_id}
    out = [
        Contradiction(kind="quantity", unit=u, detail=detail, **ids)
        for u, detail in _quantity_clash(a, b)
    ]
    if targets(a.type) and _camps_differ(a.recipients, b.recipients):
        names = " vs ".join(str(x.recipients[0][0]) for x in (a, b))
        out.append(Contradiction(kind="recipient", detail=names, **ids))
    # the same words cannot both assert and deny: a modality gap between near
    # copies is an extraction slip, not a contradiction
    if {a.modality, b.modality} == {"asserted", "denied"} and not same_text(
        a.evidence, b.evidence
    ):
        out.append(Contradiction(kind="modality", detail="asserted vs denied", **ids))
    return out
