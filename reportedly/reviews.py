"""Reviews: a reader's verdicts on stored records, field by field.

A review names a record (an event, quote or place of an article), a field, the
value the reader saw (kept with its hash), a verdict and, optionally, the
right value and a note. Reviews never change the machine's record. They are
exported in the verdict format of the judged sample (``bench/judged``) and
score later analyses: a verdict applies while the record still has the same
id and the field the same value.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from reportedly.model import Analysis, Event, EventArg

FIELDS: dict[str, tuple[str, ...]] = {
    "event": (
        "real",
        "type",
        "actor",
        "recipient",
        "claimant",
        "modality",
        "date",
        "location",
    ),
    "quote": ("real", "speaker", "content"),
    "place": ("real", "resolution"),
}
VERDICTS = ("right", "wrong", "missing", "rightly_empty", "yes", "no")
GOOD = frozenset({"right", "rightly_empty", "yes"})
USABLE = ("type", "actor", "recipient", "claimant", "modality")


def digest(value: str) -> str:
    """The hash a verdict is tied to (12 hex digits of SHA-1, as bench/judged)."""
    return hashlib.sha1(value.encode("utf-8")).hexdigest()[:12]


def arg_text(a: Analysis, arg: EventArg | None) -> str:
    """An event argument as a reader sees it: span, then -> actor [codes]."""
    if arg is None:
        return ""
    actor = next((x for x in a.actors if x.id == arg.actor_id), None)
    if actor is None:
        return f"{arg.span.text} (unresolved)"
    code = "/".join(c for c in (actor.country, actor.sector) if c)
    return f"{arg.span.text} -> {actor.name}" + (f" [{code}]" if code else "")


def _event(a: Analysis, e: Event) -> dict[str, str]:
    places = {p.id: p for p in a.places}
    loc = ""
    if e.location is not None:
        p = places.get(e.location.place_id or "")
        where = f"{p.name}, {p.country} ({p.geonames_id})" if p else "unresolved"
        loc = f"{e.location.span.text} -> {where}"
    claimant = "(the outlet)"
    if e.claimant is not None:
        actor = next((x for x in a.actors if x.id == e.claimant.actor_id), None)
        claimant = e.claimant.span.text + (f" -> {actor.name}" if actor else "")
    return {
        "real": f"{e.type} {e.trigger.text if e.trigger else ''} @ {e.evidence.start}",
        "type": e.type + (f":{e.mode}" if e.mode else ""),
        "actor": " + ".join(arg_text(a, x) for x in e.actors),
        "recipient": " + ".join(arg_text(a, x) for x in e.recipients),
        "claimant": claimant,
        "modality": e.modality,
        "date": e.date or "",
        "location": loc,
    }


def values(a: Analysis, kind: str, record_id: str) -> dict[str, str] | None:
    """What a reader judges of one record, field by field, as display text."""
    if kind == "event":
        e = next((x for x in a.events if x.id == record_id), None)
        return _event(a, e) if e else None
    if kind == "quote":
        q = next((x for x in a.quotes if x.id == record_id), None)
        if q is None:
            return None
        speaker = ""
        if q.speaker is not None:
            actor = next((x for x in a.actors if x.id == q.speaker.actor_id), None)
            speaker = q.speaker.span.text + (f" -> {actor.name}" if actor else "")
        content = q.content.text if q.content else ""
        return {
            "real": f"{q.kind} @ {q.content.start}",
            "speaker": speaker,
            "content": content,
        }
    if kind == "place":
        p = next((x for x in a.places if x.id == record_id), None)
        if p is None:
            return None
        where = f"{p.name}, {p.country} ({p.geonames_id})" if p.geonames_id else ""
        return {"real": p.name, "resolution": where}
    return None


@dataclass(frozen=True)
class Review:
    """One verdict on one field of one record."""

    reviewer: str
    kind: str
    article_id: str
    record_id: str
    field: str
    value: str
    verdict: str
    correct: str | None = None
    note: str | None = None
    created: str = ""

    @property
    def id(self) -> str:
        return digest(
            "|".join(
                (self.reviewer, self.kind, self.article_id, self.record_id, self.field)
            )
        )

    def verdict_line(self) -> dict[str, Any]:
        """The review in the verdict format of ``bench/judged`` (one JSON line)."""
        out: dict[str, Any] = {
            "kind": self.kind,
            "locator": f"article:{self.article_id}",
            "key": self.record_id,
            "field": self.field,
            "value": digest(self.value),
            "verdict": self.verdict,
            "judge": self.reviewer,
            "date": (self.created or dt.date.today().isoformat())[:10],
            "shown": self.value,
        }
        if self.correct:
            out["correct"] = {self.field: self.correct}
        if self.note:
            out["note"] = self.note
        return out


def check(kind: str, field: str, verdict: str) -> str | None:
    """The problem with a review's kind, field or verdict, or None."""
    if kind not in FIELDS:
        return f"kind {kind!r} is unknown; expected one of {', '.join(FIELDS)}"
    if field not in FIELDS[kind]:
        return f"field {field!r} of a {kind} is unknown; expected one of " + ", ".join(
            FIELDS[kind]
        )
    allowed = ("yes", "no") if field == "real" else VERDICTS[:4]
    if verdict not in allowed:
        return (
            f"verdict {verdict!r} for {field} is unknown; expected one of "
            + ", ".join(allowed)
        )
    return None


def score(
    reviews: Iterable[Mapping[str, Any]], current: Mapping[tuple[str, str, str], str]
) -> dict[str, Any]:
    """Per-field precision of the records the reviews still apply to.

    ``reviews`` are verdict lines; ``current`` maps (article id, record id,
    field) to the value hash of the record as it is now. A review whose
    record is gone or whose value changed is counted as stale.
    """
    fields: dict[tuple[str, str], list[int]] = {}
    stale = 0
    by_record: dict[tuple[str, str], dict[str, str]] = {}
    latest: dict[tuple[str, str, str], Mapping[str, Any]] = {}
    for r in reviews:  # the last verdict of a field wins
        art = str(r["locator"]).removeprefix("article:")
        latest[(art, str(r["key"]), str(r["field"]))] = r
    for (art, key, fld), r in sorted(latest.items()):
        if current.get((art, key, fld)) != r["value"]:
            stale += 1
            continue
        good = r["verdict"] in GOOD
        cell = fields.setdefault((r["kind"], fld), [0, 0])
        cell[0] += good
        cell[1] += 1
        by_record.setdefault((r["kind"] + ":" + art, key), {})[fld] = r["verdict"]
    events = [
        v for (k, _), v in by_record.items() if k.startswith("event:") and "real" in v
    ]
    judged = [v for v in events if v["real"] == "no" or all(f in v for f in USABLE)]
    usable = [
        v for v in judged if v["real"] == "yes" and all(v[f] in GOOD for f in USABLE)
    ]
    return {
        "fields": {f"{k}.{f}": (g, n) for (k, f), (g, n) in sorted(fields.items())},
        "usable": (len(usable), len(judged)),
        "stale": stale,
    }


def current_hashes(
    analyses: Mapping[str, Analysis], keys: Iterable[tuple[str, str, str, str]]
) -> dict[tuple[str, str, str], str]:
    """The value hash of each reviewed field as the records are now.

    ``keys`` are (kind, article id, record id, field); ``analyses`` the
    current analysis of each article (missing: the record is gone)."""
    out: dict[tuple[str, str, str], str] = {}
    for kind, art, key, fld in keys:
        a = analyses.get(art)
        shown = values(a, kind, key) if a is not None else None
        if shown is not None and fld in shown:
            out[(art, key, fld)] = digest(shown[fld])
    return out


def row(review: Review) -> dict[str, Any]:
    """The review as a row of the store's ``reviews`` table."""
    return {
        "id": review.id,
        "reviewer": review.reviewer,
        "kind": review.kind,
        "article_id": review.article_id,
        "record_id": review.record_id,
        "field": review.field,
        "value": review.value,
        "value_hash": digest(review.value),
        "verdict": review.verdict,
        "correct": review.correct,
        "note": review.note,
    }


def from_row(r: Mapping[str, Any]) -> Review:
    """A review read back from the store."""
    return Review(
        reviewer=r["reviewer"],
        kind=r["kind"],
        article_id=r["article_id"],
        record_id=r["record_id"],
        field=r["field"],
        value=r["value"],
        verdict=r["verdict"],
        correct=r.get("correct"),
        note=r.get("note"),
        created=str(r.get("created") or ""),
    )
