"""Score the current records against the verdicts: precision per field, the
usable share, duplicates, events missed, and usable share per confidence band."""

from __future__ import annotations

from collections import Counter

from bench.common import table
from bench.judged._fields import EVENT_FIELDS, GOOD, QUOTE_FIELDS, USABLE
from bench.judged._records import Rec

BANDS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.01)


def _share(good: int, n: int) -> str:
    return f"{good / n:.2f} ({good} of {n})" if n else "-"


def usable(r: Rec) -> bool | None:
    """Is an event usable? None while a field it needs has no verdict."""
    if r.verdicts.get("real") == "no":
        return False
    need = ("real", *USABLE)
    if any(f not in r.verdicts for f in need):
        return None
    return all(r.verdicts[f] in GOOD for f in need)


def event_rows(events: list[Rec]) -> list[tuple[str, str]]:
    """Return (measure, value) rows for events."""
    judged = [r for r in events if "real" in r.verdicts]
    real = [r for r in judged if r.verdicts["real"] == "yes"]
    rows = [
        (
            "event records",
            f"{len(events)} ({len(events) - len(judged)} without a verdict)",
        ),
        ("real event", _share(len(real), len(judged))),
    ]
    known = [u for u in (usable(r) for r in events) if u is not None]
    rows.append(("usable", _share(sum(known), len(known))))
    for f in EVENT_FIELDS[1:]:
        got = [r.verdicts[f] for r in real if f in r.verdicts]
        rows.append(
            (
                f"  {f} right (real events)",
                _share(sum(v in GOOD for v in got), len(got)),
            )
        )
    dups = sum(1 for r in real if r.verdicts.get("duplicate", "no") != "no")
    rows.append(("duplicates (of real events)", str(dups)))
    return rows


def quote_rows(quotes: list[Rec]) -> list[tuple[str, str]]:
    """Return (measure, value) rows for quotes."""
    judged = [r for r in quotes if "real" in r.verdicts]
    real = [r for r in judged if r.verdicts["real"] == "yes"]
    rows = [
        (
            "quote records",
            f"{len(quotes)} ({len(quotes) - len(judged)} without a verdict)",
        ),
        ("real attribution", _share(len(real), len(judged))),
    ]
    for f in QUOTE_FIELDS[1:]:
        got = [r.verdicts[f] for r in real if f in r.verdicts]
        rows.append((f"  {f} right", _share(sum(v in GOOD for v in got), len(got))))
    return rows


def calibration(events: list[Rec]) -> str:
    """Return the table of usable share per confidence band."""
    rows = []
    for lo, hi in zip(BANDS, BANDS[1:], strict=False):
        band = [
            u
            for r in events
            if lo <= r.confidence < hi and (u := usable(r)) is not None
        ]
        rows.append(
            (
                f"{lo:.1f}-{min(hi, 1.0):.1f}",
                str(len(band)),
                _share(sum(band), len(band)),
            )
        )
    high = [u for r in events if r.confidence >= 0.8 and (u := usable(r)) is not None]
    known = [u for r in events if (u := usable(r)) is not None]
    rows.append(
        (">= 0.8", f"{len(high)} of {len(known)}", _share(sum(high), len(high)))
    )
    return table(rows, ("confidence", "records", "usable"))


def missed(
    events: list[Rec], gold: set[tuple[str, str, str]], locators: list[str]
) -> tuple[str, str]:
    """Return the events a reader found that no current record reports, per
    article: none in its sentence of its type (a record of the wrong type that
    a reader judged real counts as found: its type is scored on its own)."""
    found = {
        (r.item.locator, r.sentence, t)
        for r in events
        if r.verdicts.get("real") != "no"
        for t in (r.type, r.correct.get("type", r.type).split(":")[0])
    }
    lost = Counter(g[0] for g in gold if g[0] in locators and g not in found)
    n = len([g for g in gold if g[0] in locators])
    per = sum(lost.values()) / len(locators) if locators else 0
    return (
        "real events missed",
        f"{sum(lost.values())} of {n} found by readers ({per:.1f} per article)",
    )
