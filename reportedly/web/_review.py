"""Review routes: a reader marks a record's fields right or wrong (``--review``).

Writes come only as ``POST /api/reviews`` from the app's own pages: the
same-origin check of the app plus the token the pages carry. The value a
verdict is tied to is taken from the stored record, never from the client.
"""

from __future__ import annotations

import json
import secrets
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from reportedly import reviews
from reportedly.web import _views as v
from reportedly.web.api import BadBody, read_body

router = APIRouter(prefix="/api", tags=["review"])
TEXT_LIMIT = 2000


def _review_of(request: Request, data: Any) -> reviews.Review:
    if not isinstance(data, dict):
        raise BadBody(422, "the body must be a JSON object")
    need = ("reviewer", "kind", "article_id", "record_id", "field", "verdict")
    missing = [
        k for k in need if not isinstance(data.get(k), str) or not data[k].strip()
    ]
    if missing:
        raise BadBody(422, f"missing or empty: {', '.join(missing)}")
    for k in ("correct", "note"):
        if data.get(k) is not None and not isinstance(data[k], str):
            raise BadBody(422, f"{k} must be a string")
        if len(data.get(k) or "") > TEXT_LIMIT:
            raise BadBody(422, f"{k} is longer than {TEXT_LIMIT} characters")
    problem = reviews.check(data["kind"], data["field"], data["verdict"])
    if problem:
        raise BadBody(422, problem)
    with v.reader(request) as store:
        analysis = store.read_analysis(data["article_id"])
    shown = reviews.values(analysis, data["kind"], data["record_id"])
    if shown is None:
        raise BadBody(
            404,
            f"no {data['kind']} {data['record_id']!r} in article "
            f"{data['article_id']!r}",
        )
    return reviews.Review(
        reviewer=data["reviewer"].strip()[:100],
        kind=data["kind"],
        article_id=data["article_id"],
        record_id=data["record_id"],
        field=data["field"],
        value=shown[data["field"]],
        verdict=data["verdict"],
        correct=(data.get("correct") or "").strip() or None,
        note=(data.get("note") or "").strip() or None,
    )


@router.post("/reviews", summary="Mark one field of a record right or wrong (--review)")
async def add_review(request: Request) -> Response:
    from starlette.concurrency import run_in_threadpool

    if not request.app.state.review:
        return v.json_response(
            {
                "error": "this store is served read-only; start with --review",
                "status": 403,
            },
            403,
        )
    token = request.headers.get("x-review-token", "")
    if not secrets.compare_digest(token, request.app.state.token):
        return v.json_response(
            {"error": "missing or wrong review token", "status": 403}, 403
        )
    try:
        kind = request.headers.get("content-type", "").split(";")[0].strip()
        if kind != "application/json":
            raise BadBody(
                415, f"content type {kind or '(none)'!r}; expected application/json"
            )
        try:
            data = json.loads(await read_body(request))
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise BadBody(422, f"malformed JSON: {e}") from None
        review = await run_in_threadpool(_review_of, request, data)
    except BadBody as e:
        return v.json_response({"error": str(e), "status": e.status}, e.status)

    def save() -> None:
        with v.reader(request) as store:
            store.add_reviews([reviews.row(review)])

    await run_in_threadpool(save)
    return v.json_response({"saved": review.verdict_line()})


def event_fields(
    request: Request, reports: list[dict[str, Any]]
) -> dict[str, dict[str, str]]:
    """What a reviewer judges of each report's event, by event id (review mode)."""
    if not request.app.state.review:
        return {}
    out: dict[str, dict[str, str]] = {}
    with v.reader(request) as store:
        for art in dict.fromkeys(r["article_id"] for r in reports):
            analysis = store.read_analysis(art)
            for r in reports:
                if r["article_id"] == art:
                    shown = reviews.values(analysis, "event", r["event_id"])
                    if shown is not None:
                        out[r["event_id"]] = shown
    return out


@router.get("/reviews", summary="The reviews of the store (verdict lines)")
def list_reviews(request: Request, article_id: str | None = None) -> Response:
    with v.reader(request) as store:
        rows = store.reviews(article_id)
    return v.json_response([reviews.from_row(r).verdict_line() for r in rows])
