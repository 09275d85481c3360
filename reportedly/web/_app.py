"""The app factory: the store, security headers, limits and error pages."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from reportedly import service
from reportedly.errors import StoreError
from reportedly.web._params import BadParam

HERE = Path(__file__).parent
MAX_BODY = 5_000_000  # bytes of a POST body
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def templates() -> Jinja2Templates:
    t = Jinja2Templates(directory=str(HERE / "templates"))
    t.env.autoescape = True
    t.env.auto_reload = False  # templates ship with the package: never re-read
    return t


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json") or path == "/openapi.json"


def error_response(request: Request, status: int, message: str) -> Response:
    """A JSON error for the API and JSON twins, an HTML page otherwise."""
    if wants_json(request):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    page = request.app.state.templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "message": message},
        status_code=status,
    )
    return page


def _same_origin(request: Request) -> bool:
    """Is a POST from this app's own pages (or from a client that is no
    browser)? Browsers say where a request comes from in ``Sec-Fetch-Site``
    and ``Origin``; a request with neither is not a cross-site form."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None:
        return True
    return origin.split("://", 1)[-1] == request.headers.get("host", "")


def create_app(
    db: str | Path, *, review: bool = False, max_body: int = MAX_BODY
) -> Any:
    """Return the app serving the store at ``db`` (read-only unless ``review``)."""
    from reportedly.web import _review, api, pages

    store = service.open_served(db, review=review)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="reportedly",
        summary="Event data that knows who said so: events, claims, quotes, "
        "incidents and actors of a corpus store.",
        version=_version(),
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.db = str(db)
    app.state.review = review
    app.state.token = secrets.token_urlsafe(24)
    app.state.max_body = max_body
    app.state.templates = templates()
    app.state.templates.env.globals.update(review=review, token=app.state.token)

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Response:
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            if not _same_origin(request):
                return error_response(request, 403, "cross-origin request refused")
            size = request.headers.get("content-length")
            if size is not None and (not size.isdigit() or int(size) > max_body):
                return error_response(
                    request, 413, f"the body is larger than {max_body:,} bytes"
                )
        response = await call_next(request)
        for k, v in HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    @app.exception_handler(BadParam)
    async def bad_param(request: Request, exc: BadParam) -> Response:
        return error_response(request, 400, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        status = 404 if ": no " in str(exc) and " with id " in str(exc) else 400
        return error_response(request, status, str(exc).split(": ", 1)[-1])

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return error_response(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x != "body")
            parts.append(f"{where or 'body'}: {e.get('msg')}")
        return error_response(request, 422, "; ".join(parts) or "invalid request")

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(_review.router)
    app.include_router(pages.router)
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("reportedly")
    except PackageNotFoundError:
        return "0"
