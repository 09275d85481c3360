"""How the list pages and the overview lay out their data: table columns,
the links cells carry, and the events-per-day bars."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

COLUMNS = {
    "events": (
        "date",
        "type",
        "actor_name",
        "recipient_name",
        "claimant",
        "modality",
        "place_name",
        "confidence",
        "outlet",
        "evidence",
    ),
    "claims": (
        "claimant",
        "modality",
        "type",
        "actor_name",
        "recipient_name",
        "place_name",
        "date",
        "outlet",
        "quote",
        "evidence",
        "confidence",
    ),
    "quotes": ("date", "speaker", "kind", "cue", "content", "outlet", "confidence"),
    "incidents": (
        "incident_id",
        "type",
        "date_start",
        "date_end",
        "country",
        "place_name",
        "actors",
        "recipients",
        "n_reports",
        "n_outlets",
        "n_claimants",
        "n_contradictions",
    ),
    "actors": (
        "name",
        "kind",
        "country",
        "sector",
        "n_articles",
        "n_mentions",
        "as_actor",
        "as_recipient",
        "as_claimant",
        "aliases",
    ),
    "articles": ("date", "outlet", "title", "n_events", "n_quotes", "n_signals"),
}
# column -> (id column, URL pattern) of the link a cell carries
LINKS = {
    "actor_name": ("actor_entity", "/actors/{}"),
    "recipient_name": ("recipient_entity", "/actors/{}"),
    "claimant": ("claimant_entity", "/actors/{}"),
    "speaker": ("speaker_entity", "/actors/{}"),
    "incident_id": ("incident_id", "/incidents/{}"),
    "name": ("entity_id", "/actors/{}"),
    "title": ("article_id", "/articles/{}"),
}


def cell(kind: str, col: str, row: dict[str, Any]) -> tuple[str, str | None]:
    """The text of a table cell and the link it carries (or None)."""
    value = row.get(col)
    text = "" if value is None else str(value)
    if col == "confidence" and isinstance(value, float):
        text = f"{value:.2f}"
    if col == "evidence" and row.get("event_id"):
        return text, f"/articles/{quote(row['article_id'])}#e-{quote(row['event_id'])}"
    if col == "content" and row.get("quote_id"):
        return text, f"/articles/{quote(row['article_id'])}#q-{quote(row['quote_id'])}"
    if col in LINKS:
        key, pattern = LINKS[col]
        if row.get(key) and text:
            return text, pattern.format(quote(str(row[key])))
    return text, None


def timeline(
    per_day: list[dict[str, Any]], width: int = 900, height: int = 120
) -> dict:
    """Bars of events per day (per month when the corpus spans over 200 days)."""
    counts: dict[str, int] = {}
    by_month = len(per_day) > 200
    for d in per_day:
        key = d["day"][:7] if by_month else d["day"]
        counts[key] = counts.get(key, 0) + int(d["events"])
    if not counts:
        return {"bars": [], "unit": "day", "width": width, "height": height, "max": 0}
    top = max(counts.values())
    step = width / len(counts)
    bars = [
        {
            "label": k,
            "n": n,
            "x": round(i * step, 2),
            "w": round(max(step - 1, 1), 2),
            "h": round(max(n / top * (height - 14), 1), 2),
            "since": k + ("-01" if by_month else ""),
            "until": k + ("-31" if by_month else ""),
        }
        for i, (k, n) in enumerate(sorted(counts.items()))
    ]
    for b in bars:
        b["y"] = round(height - b["h"], 2)
    unit = "month" if by_month else "day"
    return {"bars": bars, "unit": unit, "width": width, "height": height, "max": top}
