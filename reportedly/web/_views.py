"""What each page shows, as plain data: the API returns it as JSON, the pages
render it, so a page's JSON twin and the API always agree."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from reportedly.store import Store
from reportedly.web._params import Query, parse

ACTOR_EVENTS = 50


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


def overview(request: Request) -> dict[str, Any]:
    with reader(request) as store:
        return store.overview()


def article(request: Request, article_id: str) -> dict[str, Any]:
    """The full analysis record of the output contract."""
    with reader(request) as store:
        return store.read_analysis(article_id).to_dict()


def article_links(request: Request, article_id: str) -> dict[str, Any]:
    with reader(request) as store:
        return store.article_links(article_id)


def incident(request: Request, incident_id: str) -> dict[str, Any]:
    with reader(request) as store:
        return store.incident(incident_id).to_dict()


def actor(request: Request, entity_id: str) -> dict[str, Any]:
    """A canonical actor: what it claims, what is claimed about it, its quotes
    and the actors it appears with."""
    with reader(request) as store:
        found = store.entity(entity_id)
        claims, n_claims = store.page(
            "claims", limit=ACTOR_EVENTS, claimant_entity=entity_id
        )
        events, n_events = store.page(
            "events", limit=ACTOR_EVENTS, party_entity=entity_id
        )
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
    with reader(request) as store:
        places = store.map_points(**q.store_filters())
    return {
        "filters": q.filters,
        "n_places": len(places),
        "n_events": sum(p["n"] for p in places),
        "places": places,
    }


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


def json_response(data: Any, status: int = 200) -> Response:
    body = json.dumps(data, default=str, ensure_ascii=False)
    return Response(body, status_code=status, media_type="application/json")
