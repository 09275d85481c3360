"""The REST API under ``/api/``: listings with filters (JSON, or CSV with
``?format=csv``), single records, the map data and ``POST /api/analyze``."""

from __future__ import annotations

import json
import threading
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from reportedly import service
from reportedly.model import Analysis
from reportedly.web import _views as v
from reportedly.web._params import KIND_FILTERS, PAGING, TYPE_VALUES

router = APIRouter(prefix="/api", tags=["api"])
LISTINGS = ("events", "claims", "quotes", "incidents", "actors", "articles")
_ANALYZE = threading.Lock()  # one analysis at a time: the spaCy pipeline is shared
_HELP = {
    "type": "event type (PLOVER), quote kind or actor kind",
    "actor": "actor or recipient name contains",
    "recipient": "recipient name contains",
    "claimant": "claimant (quotes: speaker) name contains",
    "outlet": "outlet contains",
    "country": "ISO 3166 country code of an actor, recipient or place",
    "place": "place name contains, or a GeoNames id",
    "since": "on or after (YYYY-MM-DD)",
    "until": "on or before (YYYY-MM-DD)",
    "modality": "asserted, negated, denied, alleged, hypothetical, ...",
    "min_confidence": "confidence at least (0-1)",
    "text": "evidence, title or quote contains",
    "limit": "page size, 1-500 (default 50)",
    "offset": "rows to skip",
    "sort": "order of the rows",
    "format": "json (default) or csv",
}


def _parameters(kind: str) -> dict[str, Any]:
    """OpenAPI parameters of a listing (checked by ``_params``, not FastAPI)."""
    out = []
    for name in KIND_FILTERS[kind] + (PAGING if kind != "map" else ()):
        schema: dict[str, Any] = {"type": "string"}
        if name == "type" and kind in TYPE_VALUES:
            schema["enum"] = list(TYPE_VALUES[kind])
        out.append(
            {
                "name": name,
                "in": "query",
                "required": False,
                "schema": schema,
                "description": _HELP.get(name, name),
            }
        )
    return {"parameters": out}


def _listing_route(kind: str) -> None:
    def endpoint(request: Request) -> Response:
        data = v.listing(request, kind)
        if request.query_params.get("format") == "csv":
            return v.csv_response(data, kind)
        return v.json_response(data)

    endpoint.__name__ = f"list_{kind}"
    router.add_api_route(
        f"/{kind}",
        endpoint,
        methods=["GET"],
        summary=f"List {kind}, newest first, with filters and paging",
        openapi_extra=_parameters(kind),
    )


for _kind in LISTINGS:
    _listing_route(_kind)


@router.get("/overview", summary="The corpus at a glance")
def overview(request: Request) -> Response:
    return v.json_response(v.overview(request))


@router.get("/articles/{article_id}", summary="An article's full analysis record")
def article(request: Request, article_id: str) -> Response:
    return v.json_response(v.article(request, article_id))


@router.get("/incidents/{incident_id}", summary="An incident with all its reports")
def incident(request: Request, incident_id: str) -> Response:
    return v.json_response(v.incident(request, incident_id))


@router.get("/actors/{entity_id}", summary="A canonical actor: claims, events, quotes")
def actor(request: Request, entity_id: str) -> Response:
    return v.json_response(v.actor(request, entity_id))


@router.get(
    "/map", summary="Located events grouped by place", openapi_extra=_parameters("map")
)
def map_data(request: Request) -> Response:
    return v.json_response(v.map_data(request))


class BadBody(ValueError):
    """A request body that cannot be analysed; ``status`` is the HTTP code."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


async def read_body(request: Request) -> bytes:
    """The body, up to the app's limit (a chunked body is counted as it comes)."""
    limit = request.app.state.max_body
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BadBody(413, f"the body is larger than {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def item_of(body: bytes, content_type: str) -> dict[str, Any]:
    """The document to analyse from a text/plain, text/html or JSON body."""
    kind = content_type.split(";")[0].strip().lower()
    if kind not in ("text/plain", "text/html", "application/json"):
        raise BadBody(
            415,
            f"content type {kind or '(none)'!r} is not supported; expected "
            "text/plain, text/html or application/json",
        )
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BadBody(
            422, f"the body is not UTF-8 ({e.reason} at byte {e.start})"
        ) from None
    if kind == "text/plain":
        return {"text": text, "id": "posted"}
    if kind == "text/html":
        return {"html": text, "id": "posted"}
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise BadBody(
            422, f"malformed JSON: {e.msg} at line {e.lineno} column {e.colno}"
        ) from None
    if not isinstance(data, dict):
        raise BadBody(422, "the JSON body must be an object with text or html")
    keys = ("text", "html", "published", "outlet", "url", "title")
    unknown = sorted(set(data) - set(keys))
    if unknown:
        raise BadBody(
            422, f"unknown fields {', '.join(unknown)}; expected {', '.join(keys)}"
        )
    if not any(
        isinstance(data.get(k), str) and data[k].strip() for k in ("text", "html")
    ):
        raise BadBody(422, "the JSON body needs a non-empty 'text' or 'html' string")
    for k, val in data.items():
        if val is not None and not isinstance(val, str):
            raise BadBody(422, f"field {k!r} must be a string")
    return {k: val for k, val in data.items() if val is not None} | {"id": "posted"}


def analyse(request: Request, item: dict[str, Any]) -> dict[str, Any]:
    """Analyse one document; with ``--review`` store it. Raises ``BadBody``
    (422) when the document is rejected, with the error record's message."""
    with _ANALYZE:
        result = next(iter(service.analyze_texts([item])))
    if not isinstance(result, Analysis):
        raise BadBody(422, f"{result.error}: {result.message}")
    if request.app.state.review:
        with v.reader(request) as store:
            service.store_analyses(store, [result])
    return result.to_dict()


@router.post(
    "/analyze",
    summary="Analyse a posted article (text/plain, text/html or JSON)",
    openapi_extra={
        "requestBody": {
            "content": {
                "text/plain": {"schema": {"type": "string"}},
                "text/html": {"schema": {"type": "string"}},
                "application/json": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            k: {"type": "string"}
                            for k in (
                                "text",
                                "html",
                                "published",
                                "outlet",
                                "url",
                                "title",
                            )
                        },
                    }
                },
            }
        }
    },
)
async def analyze(request: Request) -> Response:
    from starlette.concurrency import run_in_threadpool

    try:
        item = item_of(
            await read_body(request), request.headers.get("content-type", "")
        )
        data = await run_in_threadpool(analyse, request, item)
    except BadBody as e:
        return v.json_response({"error": str(e), "status": e.status}, e.status)
    return v.json_response(data)
