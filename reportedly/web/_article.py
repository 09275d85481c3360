"""The article view: the text cut into segments at every span boundary, each
segment carrying the records whose spans cover it, so quotes, events, actors
and places are highlighted from their offsets (``text[start:end]``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportedly import reviews
from reportedly.web._views import Answer

# class of a highlighted span, by record kind and span role
CLASSES = {
    ("quote", "content"): "q",
    ("quote", "speaker"): "qs",
    ("quote", "cue"): "qc",
    ("event", "trigger"): "ev",
    ("event", "evidence"): "evd",
    ("actor", "mention"): "ac",
    ("place", "mention"): "pl",
}


def _spans(a: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    out: list[tuple[int, int, str, str]] = []

    def add(span: dict[str, Any] | None, kind: str, role: str, rid: str) -> None:
        if span and span.get("end", 0) > span.get("start", 0):
            out.append((span["start"], span["end"], CLASSES[(kind, role)], rid))

    for q in a["quotes"]:
        rid = "q-" + q["id"]
        for role in ("speaker", "cue"):
            add(q.get(role), "quote", role, rid)
        for part in q.get("parts") or [q.get("content")]:
            add(part, "quote", "content", rid)
    for e in a["events"]:
        rid = "e-" + e["id"]
        add(e.get("trigger"), "event", "trigger", rid)
        add(e.get("evidence"), "event", "evidence", rid)
    for x in a["actors"]:
        for m in x.get("mentions") or []:
            add(m, "actor", "mention", "a-" + x["id"])
    for p in a["places"]:
        for m in p.get("mentions") or []:
            add(m, "place", "mention", "p-" + p["id"])
    return out


class Segment(dict):
    """A segment as a dict (``text``, ``start``, ``classes``, ``ids``) whose
    keys are attributes too: the template reads ``s.text``, which on a plain
    dict costs Jinja a failed attribute lookup first (thousands per page)."""

    __slots__ = ("text", "start", "classes", "ids")

    def __init__(self, text: str, start: int, classes: str, ids: str) -> None:
        super().__init__(text=text, start=start, classes=classes, ids=ids)
        self.text, self.start, self.classes, self.ids = text, start, classes, ids


def _kept(name: str, a: Any, links: Any, make: Callable[[], Any]) -> Any:
    """``make()``, kept on ``a`` when it is a kept answer of a read-only store
    (``_views.Answer``, never changed) for the next page of the same article."""
    if not isinstance(a, Answer) or not (links is None or isinstance(links, Answer)):
        return make()
    found = a.pieces.get(name)
    if found is None or found[0] is not links:
        found = a.pieces[name] = (links, make())
    return found[1]


def segments(a: dict[str, Any]) -> list[dict[str, Any]]:
    """The text as segments: ``text``, the classes and the record ids over it."""
    return _kept("segments", a, None, lambda: _segments(a))


def _segments(a: dict[str, Any]) -> list[dict[str, Any]]:
    text = a["article"]["text"]
    spans = _spans(a)
    at: dict[int, list[tuple[int, int]]] = {0: [], len(text): []}
    for i, (s, e, _, _) in enumerate(spans):
        at.setdefault(s, []).append((1, i))
        at.setdefault(e, []).append((0, i))
    cuts = sorted(at)
    active: set[int] = set()
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        for opens, i in at[start]:
            (active.add if opens else active.discard)(i)
        over = [spans[i] for i in sorted(active)]
        out.append(
            Segment(
                text[start:end],
                start,
                " ".join(sorted({c for _, _, c, _ in over})),
                " ".join(dict.fromkeys(r for _, _, _, r in over)),
            )
        )
    return out


def records(a: dict[str, Any], links: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Every record of the article by highlight id, for the side panel; with
    the entity of each actor, the incident of each event and the values a
    reviewer judges."""
    return _kept("records", a, links, lambda: _records(a, links))


def _records(a: dict[str, Any], links: dict[str, dict[str, Any]]) -> dict[str, Any]:
    analysis = None
    out: dict[str, Any] = {}
    for kind, key, prefix in (
        ("quote", "quotes", "q-"),
        ("event", "events", "e-"),
        ("actor", "actors", "a-"),
        ("place", "places", "p-"),
    ):
        for r in a[key]:
            item = {"kind": kind, "record": r}
            if kind == "actor":
                item["entity"] = links["entities"].get(r["id"])
            if kind == "event":
                item["incident"] = links["incidents"].get(r["id"])
            if kind in reviews.FIELDS:
                if analysis is None:
                    from reportedly.model import Analysis

                    analysis = Analysis.from_dict(a)
                item["fields"] = reviews.values(analysis, kind, r["id"])
            out[prefix + r["id"]] = item
    return out
