"""HTTP plumbing shared by the pages and the JSON API: security headers, ETags, query parameters."""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any, TypeVar

from fastapi import HTTPException, Query, Request, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..store.base import ArticleFilter

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
    " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
MAX_LIMIT = 100
MAX_OFFSET = 10_000
_DAY = r"^(\d{4}-\d{2}-\d{2}.*)?$"
T = TypeVar("T")


class SecurityHeaders:
    """ASGI middleware: the Content-Security-Policy and friends on every response, errors and static files too."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in names
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def respond(request: Request, body: bytes, media_type: str) -> Response:
    """A 200 with a strong ETag (hash of the body), or a 304 when the client's If-None-Match holds it."""
    tag = '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'
    headers = {"ETag": tag, "Cache-Control": "no-cache"}
    wanted = request.headers.get("if-none-match", "")
    if tag in {t.strip().removeprefix("W/") for t in wanted.split(",")} or wanted.strip() == "*":
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


def respond_json(request: Request, data: Any) -> Response:
    """JSON (UTF-8, not ASCII-escaped) through :func:`respond`."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")
    return respond(request, body, "application/json")


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size (at most {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="How many to skip.")]


def article_filter(
    lang: Annotated[str | None, Query(max_length=16, description="ISO 639-1 language code.")] = None,
    outlet: Annotated[str | None, Query(max_length=200, description="Outlet name.")] = None,
    since: Annotated[
        str | None, Query(pattern=_DAY, description="Published on or after (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, Query(pattern=_DAY, description="Published on or before (YYYY-MM-DD).")
    ] = None,
    entity: Annotated[str | None, Query(max_length=200, description="Mentions this entity id.")] = None,
    event: Annotated[str | None, Query(max_length=200, description="Belongs to this event id.")] = None,
) -> ArticleFilter:
    """The shared article filters; empty form fields count as absent."""
    return ArticleFilter(
        lang=lang or None,
        outlet=outlet or None,
        since=since or None,
        until=until or None,
        entity=entity or None,
        event=event or None,
    )


def or_404(item: T | None, kind: str, item_id: str) -> T:
    """The item looked up, or a 404 naming what was missing."""
    if item is None:
        raise HTTPException(404, f"no {kind} {item_id!r}")
    return item
