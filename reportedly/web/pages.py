"""The HTML pages, each with its JSON twin at the same URL plus ``.json``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from reportedly.model import EVENT_TYPES, MODALITIES, QUOTE_KINDS
from reportedly.reviews import VERDICTS
from reportedly.store.query import ACTOR_KINDS, sorts
from reportedly.web import _article, _review
from reportedly.web import _views as v
from reportedly.web._params import KIND_FILTERS, query_link
from reportedly.web._tables import COLUMNS, cell, timeline
from reportedly.web.api import BadBody, analyse

router = APIRouter(include_in_schema=False)
TITLES = {
    "events": "Events",
    "claims": "Claims",
    "quotes": "Quotes",
    "incidents": "Incidents",
    "actors": "Actors",
    "articles": "Articles",
}
CHOICES = {
    "type": {
        "events": EVENT_TYPES,
        "claims": EVENT_TYPES,
        "incidents": EVENT_TYPES,
        "quotes": QUOTE_KINDS,
        "actors": ACTOR_KINDS,
    },
    "modality": MODALITIES,
}


def page(
    request: Request, name: str, context: dict[str, Any], status: int = 200
) -> Response:
    return request.app.state.templates.TemplateResponse(
        request, name, context, status_code=status
    )


def _choices(kind: str) -> dict[str, tuple[str, ...]]:
    return {
        "type": CHOICES["type"].get(kind, ()),
        "modality": MODALITIES,
    }


def _listing_page(kind: str) -> None:
    def html(request: Request) -> Response:
        data = v.listing(request, kind)
        return page(
            request,
            "list.html",
            {
                "kind": kind,
                "title": TITLES[kind],
                "data": data,
                "filters": KIND_FILTERS[kind],
                "choices": _choices(kind),
                "sorts": sorts(kind),
                "link": lambda **change: query_link(data, **change),
                "columns": COLUMNS[kind],
                "cell": lambda col, row: cell(kind, col, row),
            },
        )

    def twin(request: Request) -> Response:
        return v.json_response(v.listing(request, kind))

    router.add_api_route(f"/{kind}.json", twin, methods=["GET"])
    router.add_api_route(f"/{kind}", html, methods=["GET"], response_class=HTMLResponse)


for _kind in TITLES:
    _listing_page(_kind)


@router.get("/.json")
@router.get("/index.json")
def overview_json(request: Request) -> Response:
    return v.json_response(v.overview(request))


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> Response:
    data = v.overview(request)
    return page(
        request, "overview.html", {"data": data, "tl": timeline(data["per_day"])}
    )


@router.get("/incidents/{incident_id}.json")
def incident_json(request: Request, incident_id: str) -> Response:
    return v.json_response(v.incident(request, incident_id))


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident(request: Request, incident_id: str) -> Response:
    data = v.incident(request, incident_id)
    involved = {c["a"] for c in data["contradictions"]} | {
        c["b"] for c in data["contradictions"]
    }
    fields = _review.event_fields(request, data["reports"])
    return page(
        request,
        "incident.html",
        {"inc": data, "involved": involved, "fields": fields, "verdicts": VERDICTS},
    )


@router.get("/articles/{article_id}.json")
def article_json(request: Request, article_id: str) -> Response:
    return v.json_response(v.article(request, article_id))


def _article_context(a: dict[str, Any], links: dict[str, Any], stored: bool) -> dict:
    return {
        "a": a,
        "segments": _article.segments(a),
        "records": _article.records(a, links),
        "stored": stored,
    }


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> Response:
    a = v.article(request, article_id)
    links = v.article_links(request, article_id)
    return page(request, "article.html", _article_context(a, links, True))


@router.get("/actors/{entity_id}.json")
def actor_json(request: Request, entity_id: str) -> Response:
    return v.json_response(v.actor(request, entity_id))


@router.get("/actors/{entity_id}", response_class=HTMLResponse)
def actor(request: Request, entity_id: str) -> Response:
    return page(request, "actor.html", {"d": v.actor(request, entity_id)})


@router.get("/map.json")
def map_json(request: Request) -> Response:
    return v.json_response(v.map_data(request))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> Response:
    q = v.query_of(request, "map")
    return page(
        request,
        "map.html",
        {
            "q": q,
            "filters": KIND_FILTERS["map"],
            "choices": _choices("events"),
            "data": {"filters": q.filters},
        },
    )


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request) -> Response:
    return page(request, "analyze.html", {"message": None})


@router.post("/analyze", response_class=HTMLResponse)
async def analyze(request: Request) -> Response:
    from starlette.concurrency import run_in_threadpool

    try:
        async with request.form(max_part_size=request.app.state.max_body) as form:
            item = await _form_item(form)
    except BadBody as e:
        return page(request, "analyze.html", {"message": str(e)}, e.status)
    try:
        a = await run_in_threadpool(analyse, request, item)
    except BadBody as e:
        return page(request, "analyze.html", {"message": str(e)}, e.status)
    if request.app.state.review:
        return RedirectResponse(f"/articles/{a['article']['id']}", status_code=303)
    links: dict[str, Any] = {"entities": {}, "incidents": {}}
    return page(request, "article.html", _article_context(a, links, False))


async def _form_item(form: Any) -> dict[str, Any]:
    """The document of the analyze form: a pasted text or an uploaded file."""
    text = str(form.get("text") or "")
    upload = form.get("file")
    item: dict[str, Any] = {"id": "posted"}
    if upload is not None and not isinstance(upload, str) and upload.filename:
        item |= await _upload(upload)
    elif text.strip():
        item["text"] = text
    else:
        raise BadBody(422, "paste a text or choose a file")
    for k in ("published", "outlet", "url", "title"):
        val = str(form.get(k) or "").strip()
        if val:
            item[k] = val
    return item


async def _upload(upload: UploadFile) -> dict[str, str]:
    name = (upload.filename or "").lower()
    data = await upload.read()
    if not name.endswith((".txt", ".html", ".htm")):
        raise BadBody(415, f"file {upload.filename!r}: expected a .txt or .html file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BadBody(422, f"file {upload.filename!r} is not UTF-8 text") from None
    return {"html": text} if name.endswith((".html", ".htm")) else {"text": text}


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> Response:
    return page(request, "docs.html", {})
