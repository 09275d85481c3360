"""The current records of the sample, with their keys, values and verdicts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.judged._fields import event_sentence, event_values, hashes, quote_values
from bench.judged._sample import HERE, Item, event_key, quote_key
from reportedly.model import Analysis

VERDICTS = HERE / "verdicts"  # one file per judge: verdicts/<judge>.jsonl


@dataclass
class Rec:
    """One current record: what it says, and the verdicts that still apply."""

    item: Item
    kind: str  # event | quote
    key: str
    values: dict[str, str]
    confidence: float
    sentence: str = ""
    type: str = ""
    shown: str = ""  # what the record is about: trigger and evidence, or cue
    obj: Any = None  # the Event or Quote itself
    verdicts: dict[str, str] = field(default_factory=dict)  # field -> verdict
    correct: dict[str, str] = field(default_factory=dict)  # field -> right value


def records(item: Item, a: Analysis) -> Iterator[Rec]:
    """Yield the events, then the quotes, of one analysed article."""
    seen: dict[str, int] = {}
    for e in a.events:
        yield Rec(
            item,
            "event",
            event_key(a, e, seen),
            event_values(a, e),
            e.confidence,
            sentence=event_sentence(a, e),
            type=e.type,
            shown=f"trigger {e.trigger.text if e.trigger else None!r} in "
            f"{' '.join(e.evidence.text.split())!r}",
            obj=e,
        )
    for q in a.quotes:
        cue = q.cue.text if q.cue else None
        shown = f"{q.kind} quote, cue {cue!r}, pattern {q.pattern}"
        yield Rec(
            item,
            "quote",
            quote_key(q, seen),
            quote_values(a, q),
            q.confidence,
            shown=shown,
            obj=q,
        )


def load_verdicts(folder: Path = VERDICTS) -> list[dict]:
    """Return every verdict line, oldest first by date (a later one wins)."""
    lines = [
        json.loads(line)
        for path in sorted(folder.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return sorted(lines, key=lambda v: v.get("date", ""))


def attach(recs: list[Rec], lines: list[dict]) -> None:
    """Set each record's verdicts: the latest one for its key, field and value."""
    latest: dict[tuple, dict] = {}
    for v in lines:
        if v.get("kind") in ("event", "quote"):
            latest[(v["locator"], v["key"], v["field"], v["value"])] = v
    for r in recs:
        for name, h in hashes(r.values).items():
            found = latest.get((r.item.locator, r.key, name, h))
            if found is not None:
                r.verdicts[name] = found["verdict"]
                if found.get("correct"):
                    r.correct[name] = found["correct"]
        dup = latest.get((r.item.locator, r.key, "duplicate", ""))
        if dup is not None:
            r.verdicts["duplicate"] = dup["verdict"]


def gold_events(lines: list[dict]) -> set[tuple[str, str, str]]:
    """Return (locator, sentence, type) of every real event a reader found:
    records judged real (with their right type) and events listed as missed.
    A record judged a duplicate is no event of its own: its happening is found
    where the record it repeats is."""
    gold = set()
    dup = {
        (v["locator"], v["key"]): v["verdict"]
        for v in lines
        if v.get("field") == "duplicate"
    }
    real = {
        (v["locator"], v["key"]): v
        for v in lines
        if v.get("kind") == "event" and v["field"] == "real" and v["verdict"] == "yes"
    }
    types = {
        (v["locator"], v["key"]): v.get("correct") or v.get("shown")
        for v in lines
        if v.get("kind") == "event" and v["field"] == "type"
    }
    for (loc, key), v in real.items():
        t = types.get((loc, key))
        if t and dup.get((loc, key), "no") == "no":
            gold.add((loc, v["sentence"], t.split(":")[0]))
    for v in lines:
        if v.get("kind") == "missed":
            gold.add((v["locator"], v["sentence"], v["type"]))
    return gold
