"""The web app factory: the HTML newsroom, the JSON API under /api, packaged static files, security headers."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from urllib.parse import quote

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException

from ..api import Khabar
from . import jsonapi, pages
from .http import SecurityHeaders

LANG_NAMES = {"ar": "Arabic", "fa": "Persian", "en": "English", "ur": "Urdu", "ps": "Pashto", "ckb": "Sorani", "ku": "Kurdish", "tr": "Turkish", "fr": "French", "ru": "Russian", "he": "Hebrew", "ug": "Uyghur"}  # fmt: skip


def _version() -> str:
    try:
        return version("khabar")
    except PackageNotFoundError:
        return "0"


def templates() -> Environment:
    """The Jinja2 environment: packaged templates, autoescaping on, a few filters."""
    env = Environment(
        loader=PackageLoader("khabar.web", "templates"),
        autoescape=select_autoescape(["html"], default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["seg"] = lambda value: quote(str(value), safe="")
    env.filters["day"] = lambda value: (value or "")[:10]
    env.filters["when"] = lambda value: (value or "").replace("T", " ")[:16]
    env.globals["version"] = _version()
    env.globals["lang_name"] = lambda code: LANG_NAMES.get(code or "", code or "unknown")
    return env


def create_app(k: Khabar, *, allow_ingest: bool = False, token: str | None = None) -> FastAPI:
    """A FastAPI app over the corpus ``k``: read-only unless ``allow_ingest`` (which needs a ``token``)."""
    if allow_ingest and not token:
        raise ValueError("allow_ingest needs a token")
    app = FastAPI(
        title="khabar",
        version=_version(),
        description="Articles, events and stories of a khabar corpus. Read-only unless started with --allow-ingest.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.khabar = k
    app.state.allow_ingest = allow_ingest
    app.state.token = token or ""
    app.state.templates = templates()
    app.add_middleware(SecurityHeaders)
    app.include_router(jsonapi.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(packages=[("khabar.web", "static")]), name="static")

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith(("/api/", "/openapi"))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if not wants_html(request):
            return JSONResponse({"detail": exc.detail}, exc.status_code, headers=exc.headers)
        html = app.state.templates.get_template("error.html").render(
            status=exc.status_code, detail=exc.detail
        )
        return Response(html, exc.status_code, media_type="text/html; charset=utf-8", headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"loc": e.get("loc"), "msg": e.get("msg")} for e in exc.errors()]
        if not wants_html(request):
            return JSONResponse({"detail": errors}, 422)
        detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors)
        html = app.state.templates.get_template("error.html").render(status=422, detail=detail)
        return Response(html, 422, media_type="text/html; charset=utf-8")

    return app
