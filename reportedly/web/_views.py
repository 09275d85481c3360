"""What each page shows, as plain data: the API returns it as JSON, the pages
render it, so a page's JSON twin and the API always agree.

A read-only store never changes while it is served, so its answers are kept
(``Answer``, a few hundred of each kind, least recently used dropped) with
their JSON body: a repeated request costs no SQL and no encoding. A store
served with ``--review`` is written, so its answers are made afresh each time.
"""

from __future__ import annotations

import csv
import io
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from reportedly.store import Store
from reportedly.web._params import Query, parse

ACTOR_EVENTS = 50
# answers kept per kind, per process: on FA-KES an article's answer with its
# page pieces is ~170 KB in memory, a listing's ~100 KB, a map's ~1 MB (and
# ~0.4 MB of JSON), so at most ~100 MB in all
KEEP = {"map": 16, "overview": 4}
KEEP_DEFAULT = 256
_SETUP = threading.Lock()


class Answer(dict):
    """A kept answer, shared by every request that asks the same: never change
    it. ``body`` is its JSON once encoded; ``pieces`` holds what pages derive
    from it (``_article``)."""

    __slots__ = ("body", "pieces")

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__(data)
        self.body: bytes | None = None
        self.pieces: dict[Any, Any] = {}


class Answers:
    """Answers of a read-only store by kind and key, least recently used
    dropped past ``KEEP``."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.kinds: dict[str, OrderedDict[Any, Answer]] = {}

    def get(self, kind: str, key: Any, make: Callable[[], dict[str, Any]]) -> Answer:
        with self.lock:
            kept = self.kinds.setdefault(kind, OrderedDict())
            found = kept.get(key)
            if found is not None:
                kept.move_to_end(key)
                return found
        made = Answer(make())  # outside the lock: requests run side by side
        with self.lock:
            kept[key] = made
            kept.move_to_end(key)
            while len(kept) > KEEP.get(kind, KEEP_DEFAULT):
                kept.popitem(last=False)
        return made


def _answers(request: Request) -> Answers | None:
    """The app's kept answers, or None when its store can change."""
    state = request.app.state
    found = getattr(state, "answers", None)
    if found is None:
        with _SETUP:
            found = getattr(state, "answers", None)
            if found is None:
                keep = not state.review and getattr(state.store, "read_only", False)
                found = state.answers = Answers() if keep else False
    return found or None


def kept(
    request: Request, kind: str, key: Any, make: Callable[[], dict[str, Any]]
) -> dict[str, Any]:
    """``make()``, or the answer kept from an earlier request of the same."""
    answers = _answers(request)
    return make() if answers is None else answers.get(kind, key, make)


@contextmanager
def reader(request: Request) -> Iterator[Store]:
    """The store on a cursor of its own, for this request's thread."""
    cur = request.app.state.store.cursor()
    try:
        yield cur
    finally:
        cur.close()


def query_of(request: Request, kind: str) -> Query:
    return parse(kind, dict(request.query_params))


def listing(request: Request, kind: str) -> dict[str, Any]:
    """One page of events, claims, quotes, incidents, actors or articles."""
    q = query_of(request, kind)

    def make() -> dict[str, Any]:
        with reader(request) as store:
            rows, total = store.page(
                kind, limit=q.limit, offset=q.offset, sort=q.sort, **q.store_filters()
            )
        return {
            "kind": kind,
            "total": total,
            "limit": q.limit,
            "offset": q.offset,
            "sort": q.sort,
            "filters": q.filters,
            "items": rows,
        }

    key = (kind, tuple(q.filters.items()), q.limit, q.offset, q.sort)
    return kept(request, "listing", key, make)


def _one(request: Request, kind: str, key: Any, read: Callable[[Store], Any]) -> Any:
    def make() -> dict[str, Any]:
        with reader(request) as store:
            return read(store)

    return kept(request, kind, key, make)


def overview(request: Request) -> dict[str, Any]:
    return _one(request, "overview", None, lambda s: s.overview())


def article(request: Request, article_id: str) -> dict[str, Any]:
    """The full analysis record of the output contract."""
    return _one(
        request, "article", article_id, lambda s: s.read_analysis(article_id).to_dict()
    )


def article_links(request: Request, article_id: str) -> dict[str, Any]:
    return _one(request, "links", article_id, lambda s: s.article_links(article_id))


def incident(request: Request, incident_id: str) -> dict[str, Any]:
    return _one(
        request, "incident", incident_id, lambda s: s.incident(incident_id).to_dict()
    )


def actor(request: Request, entity_id: str) -> dict[str, Any]:
    """A canonical actor: what it claims, what is claimed about it, its quotes
    and the actors it appears with."""
    return _one(request, "actor", entity_id, lambda s: _actor(s, entity_id))


def _actor(store: Store, entity_id: str) -> dict[str, Any]:
    found = store.entity(entity_id)
    claims, n_claims = store.page(
        "claims", limit=ACTOR_EVENTS, claimant_entity=entity_id
    )
    events, n_events = store.page("events", limit=ACTOR_EVENTS, party_entity=entity_id)
    quotes, n_quotes = store.page("quotes", limit=ACTOR_EVENTS, entity=entity_id)
    return {
        **found,
        "claims": claims,
        "n_claims": n_claims,
        "events": events,
        "n_events": n_events,
        "quotes": quotes,
        "n_quotes": n_quotes,
    }


def map_data(request: Request) -> dict[str, Any]:
    q = query_of(request, "map")

    def read(store: Store) -> dict[str, Any]:
        places = store.map_points(**q.store_filters())
        return {
            "filters": q.filters,
            "n_places": len(places),
            "n_events": sum(p["n"] for p in places),
            "places": places,
        }

    return _one(request, "map", tuple(q.filters.items()), read)


def csv_response(data: dict[str, Any], name: str) -> Response:
    """A listing as CSV: one row per item, nested values as JSON."""
    out = io.StringIO()
    items = data["items"]
    if items:
        w = csv.DictWriter(out, fieldnames=list(items[0]), extrasaction="ignore")
        w.writeheader()
        for r in items:
            w.writerow(
                {
                    k: json.dumps(v, default=str) if isinstance(v, list | dict) else v
                    for k, v in r.items()
                }
            )
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


def _json(data: Any) -> bytes:
    return json.dumps(data, default=str, ensure_ascii=False).encode("utf-8")


def json_response(data: Any, status: int = 200) -> Response:
    """The JSON of ``data``; a kept answer is encoded once."""
    if isinstance(data, Answer):
        if data.body is None:
            data.body = _json(data)
        body = data.body
    else:
        body = _json(data)
    return Response(body, status_code=status, media_type="application/json")
