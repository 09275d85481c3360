"""Render an analysis as a readable report for a person: speakers, quotes, signals."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Sequence

from reportedly.model import (
    Actor,
    Analysis,
    ErrorRecord,
    Event,
    EventArg,
    Place,
    Quote,
)

WIDTH = 88


def _clip(text: str, n: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _actor_line(a: Actor) -> str:
    bits = [b for b in (a.role, a.affiliation) if b]
    desc = ", ".join(bits)
    return f"{a.name}" + (f" — {desc}" if desc else "") + f" [{a.kind}]"


def _speaker(q: Quote, actors: dict[str, Actor]) -> str:
    if q.speaker is None:
        return "(no speaker)"
    written = q.speaker.span.text
    actor = actors.get(q.speaker.actor_id or "")
    if actor is None:
        return written
    if actor.name.lower() in written.lower():
        return actor.name
    return f"{written} → {actor.name}"


def _arg(args: tuple[EventArg, ...], actors: dict[str, Actor]) -> str:
    names = []
    for a in args:
        actor = actors.get(a.actor_id or "")
        names.append(actor.name if actor else a.span.text)
    return " + ".join(names) if names else "?"


def _where(e: Event, places: dict[str, Place]) -> str:
    """``Homs, SY (admin1)`` for the location, ``2015-09-30`` for the date."""
    parts = []
    if e.location is not None:
        place = places.get(e.location.place_id or "")
        name = f"{place.name}, {place.country}" if place and place.country else None
        text = name or e.location.span.text
        if e.location_source == "article":
            text += " (article)"
        parts.append(text)
    if e.date:
        parts.append(e.date + (" (published)" if e.date_source == "published" else ""))
    return ", ".join(parts)


def _event_line(
    e: Event, actors: dict[str, Actor], places: dict[str, Place] | None = None
) -> str:
    """``claimant: actor -TYPE-> recipient @ place, date (modality)``."""
    who = "outlet"
    if e.claimant is not None:
        actor = actors.get(e.claimant.actor_id or "")
        who = actor.name if actor else e.claimant.span.text
    kind = e.type + (f":{e.mode}" if e.mode else "")
    line = f"{who}: {_arg(e.actors, actors)} -{kind}-> {_arg(e.recipients, actors)}"
    where = _where(e, places or {})
    if where:
        line += f" @ {where}"
    if e.quantities:
        line += " [" + "; ".join(q.text for q in e.quantities) + "]"
    return line + f" ({e.modality})"


def render(analysis: Analysis) -> str:
    """Return the readable report of one analysed article."""
    art = analysis.article
    actors = {a.id: a for a in analysis.actors}
    title = art.title or art.text.strip().split("\n", 1)[0]
    meta = ", ".join(x for x in (art.outlet, art.published, art.url) if x)
    out = [f"== {_clip(title, 100)}", f"   id {art.id}  {meta}  source {art.source}"]
    if art.removed:
        out.append(f"\nRemoved ({len(art.removed)}):")
        out += [f"  - {_clip(r.text, 70)!r}: {r.reason}" for r in art.removed]
    speaker_ids = [q.speaker.actor_id for q in analysis.quotes if q.speaker]
    counts = {i: speaker_ids.count(i) for i in speaker_ids if i}
    speakers = [a for a in analysis.actors if a.id in counts]
    out.append(f"\nSpeakers ({len(speakers)}):")
    for a in speakers:
        out.append(f"  - {_actor_line(a)} · {counts[a.id]} attribution(s)")
    out.append(f"\nQuotes and attributions ({len(analysis.quotes)}):")
    index = {q.id: n for n, q in enumerate(analysis.quotes, 1)}
    for n, q in enumerate(analysis.quotes, 1):
        cue = f" ({q.cue.text})" if q.cue else ""
        nested = f" (inside #{index[q.parent_id]})" if q.parent_id in index else ""
        head = f"  #{n} [{q.kind}, {q.pattern}] {_speaker(q, actors)}{cue}{nested}:"
        out.append(head)
        out += textwrap.wrap(
            _clip(q.content.text),
            WIDTH,
            initial_indent="      ",
            subsequent_indent="      ",
        )
    if analysis.events:
        out.append(f"\nEvents ({len(analysis.events)}):")
        places = {p.id: p for p in analysis.places}
        out += [f"  - {_event_line(e, actors, places)}" for e in analysis.events]
    out.append(f"\nSignals ({len(analysis.signals)}):")
    for s in analysis.signals:
        where = f" @{s.span.start}" if s.span else ""
        out.append(f"  - {s.kind}{where}: {s.message}")
    return "\n".join(out) + "\n"


def render_error(err: ErrorRecord) -> str:
    """Return the readable line of a document that could not be analysed."""
    return f"!! {err.source}: {err.error}: {err.message}\n"


def _cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:g}"
    if isinstance(v, list) and all(isinstance(x, dict) for x in v):
        if all("detail" in x for x in v):  # contradictions
            return "; ".join(f"{x.get('kind')}: {x['detail']}" for x in v)
        if all("text" in x for x in v):  # quantities
            return "; ".join(str(x["text"]) for x in v)
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return " ".join(str(v).split())


def _plain(v: object) -> object:
    if isinstance(v, str) and v[:1] in "[{":
        try:
            return json.loads(v)
        except ValueError:
            return v
    if v is None or isinstance(v, (int, float, str, bool, list, dict)):
        return v
    return str(v)


def render_rows(
    names: Sequence[str], rows: Sequence[Sequence[object]], fmt: str = "table"
) -> str:
    """Render query rows as an aligned table, a JSON list or CSV."""
    if fmt == "json":
        docs = [{n: _plain(v) for n, v in zip(names, r, strict=True)} for r in rows]
        return json.dumps(docs, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([[_cell(v) for v in r] for r in rows])
        return buf.getvalue()
    cells = [[_clip(_cell(v), 40) for v in r] for r in rows]
    widths = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def render_summary(s: dict[str, int], db: str | None = None) -> str:
    """Render an ingest summary as a few lines, saying where errors can be read."""
    out = (
        f"{s['stored']} articles stored, {s['skipped']} skipped as already present, "
        f"{s['errors']} errors, {s['events']} events\n"
        f"store: {s['articles_total']} articles, {s['incidents']} incidents, "
        f"{s['multi_outlet']} with 2+ outlets, {s['contradictions']} contradictions"
    )
    if s["errors"] and db:
        out += f"\nread the errors with: reportedly query errors --db {db}"
    return out
