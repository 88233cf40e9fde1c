"""The JSON API under /api: stories, events, articles, entities, quotes, search, stats and (opt-in) ingest."""

from __future__ import annotations

import hmac
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from ..api import Khabar
from ..export import article_record
from ..model import Document
from ..sources import Problem
from ..store.base import ArticleFilter
from . import views
from .http import Limit, Offset, article_filter, or_404, respond_json

router = APIRouter(prefix="/api", tags=["api"])
Id = Annotated[str, Path(max_length=2000)]
CONTENT_KEYS = ("html", "content", "text", "body")


def corpus(request: Request) -> Khabar:
    """The corpus the app serves."""
    return request.app.state.khabar


def _page(items: list[Any], total: int | None, limit: int, offset: int) -> dict[str, Any]:
    page: dict[str, Any] = {"limit": limit, "offset": offset, "items": items}
    if total is not None:
        page["total"] = total
    return page


@router.get("/stories", summary="Stories, newest activity first")
def stories(request: Request, limit: Limit = 20, offset: Offset = 0) -> Response:
    """A page of stories: {total, limit, offset, items}."""
    page, total = corpus(request).stories_page(limit=limit, offset=offset)
    return respond_json(request, _page([s.to_dict() for s in page], total, limit, offset))


@router.get("/stories/{story_id:path}", summary="One story with its events")
def story(request: Request, story_id: Id) -> Response:
    """The story record plus its events (full records), newest first."""
    k = corpus(request)
    found = or_404(k.story(story_id), "story", story_id)
    events = [e.to_dict() for e, _ in views.story_view(k, found)["events"]]
    return respond_json(request, found.to_dict() | {"event_records": events})


@router.get("/events", summary="Events, newest first")
def events(
    request: Request,
    story: Annotated[str | None, Query(max_length=2000, description="Only events of this story.")] = None,
    since: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}", description="On or after.")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """A page of events: {total, limit, offset, items}."""
    page, total = corpus(request).events_page(story=story, since=since, limit=limit, offset=offset)
    return respond_json(request, _page([e.to_dict() for e in page], total, limit, offset))


@router.get("/events/{event_id:path}", summary="One event with its articles")
def event(request: Request, event_id: Id) -> Response:
    """The event record plus light records of its articles (copies carry ``duplicate_of``)."""
    k = corpus(request)
    found = or_404(k.event(event_id), "event", event_id)
    briefs = k.article_briefs(
        ArticleFilter(event=found.id), ids=found.articles + found.copies, limit=views.MAX_EVENT_ARTICLES
    )
    return respond_json(request, found.to_dict() | {"article_records": briefs})


@router.get("/articles", summary="Articles, newest first")
def articles(
    request: Request,
    flt: Annotated[ArticleFilter, Depends(article_filter)],
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """A page of article records (the export shape): {total, limit, offset, items}."""
    page, total = corpus(request).articles_page(flt, limit=limit, offset=offset)
    return respond_json(request, _page([article_record(a) for a in page], total, limit, offset))


@router.get("/articles/{article_id:path}", summary="One article")
def article(request: Request, article_id: Id) -> Response:
    """One article record (the export shape)."""
    found = or_404(corpus(request).article(article_id), "article", article_id)
    return respond_json(request, article_record(found))


@router.get("/entities", summary="Entities, most covered first")
def entities(
    request: Request,
    type: Annotated[
        str | None, Query(pattern="^(PERSON|PLACE|ORG)?$", description="PERSON, PLACE or ORG.")
    ] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Part of a name or variant, or an id.")
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """A page of entities (id, type, name, articles): {total, limit, offset, items}."""
    page, total = corpus(request).entities_page(
        type=type or None, query=q or None, limit=limit, offset=offset
    )
    return respond_json(request, _page(page, total, limit, offset))


@router.get("/entities/{entity_id:path}", summary="One entity")
def entity(request: Request, entity_id: Id) -> Response:
    """The entity with its variants, mentions per day, co-occurring entities and event ids."""
    k = corpus(request)
    found = or_404(k.entity(entity_id), "entity", entity_id)
    view = views.entity_view(k, found)
    return respond_json(
        request,
        found
        | {
            "timeline": [{"day": d, "articles": n, "mentions": m} for d, n, m in view["timeline"]],
            "cooccurring": view["cooccurring"],
            "events": [{"id": e.id, "title": e.title, "date": e.date} for e in view["events"]],
        },
    )


@router.get("/quotes", summary="Quotes, newest first")
def quotes(
    request: Request,
    flt: Annotated[ArticleFilter, Depends(article_filter)],
    speaker: Annotated[str | None, Query(max_length=200, description="Speaker entity id.")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """A page of quotes, each with its article, language, outlet, date and event: {limit, offset, items}."""
    items = corpus(request).quotes(flt, speaker=speaker or None, limit=limit, offset=offset)
    return respond_json(request, _page(items, None, limit, offset))


@router.get("/search", summary="Full-text search across scripts")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words, in any script.")],
    flt: Annotated[ArticleFilter, Depends(article_filter)],
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """Ranked hits with snippets, and the same hits grouped by event: {query, limit, offset, items, groups}."""
    k = corpus(request)
    hits = k.search_page(q, flt, limit=limit, offset=offset)
    groups = [
        {"event": e.to_dict() if e else None, "hits": [h.article_id for h in items]}
        for e, items in views.group_hits(k, hits)
    ]
    page = _page([h.__dict__ for h in hits], None, limit, offset)
    return respond_json(request, {"query": q, **page, "groups": groups})


@router.get("/stats", summary="Corpus statistics")
def stats(request: Request) -> Response:
    """Counts by language and outlet, events, stories, date span."""
    return respond_json(request, corpus(request).stats())


def _document(record: Any, n: int) -> Document | Problem:
    """One posted record (like a JSONL line) as a Document."""
    origin = f"api:{n}"
    if not isinstance(record, dict):
        return Problem(origin, "not a JSON object")
    key = next((k for k in CONTENT_KEYS if isinstance(record.get(k), str) and record[k].strip()), None)
    if key is None:
        return Problem(origin, f"no content (one of {', '.join(CONTENT_KEYS)})")
    meta = {k: v for k, v in record.items() if k not in CONTENT_KEYS and isinstance(v, str | int | float)}
    return Document(origin, record[key], "text/html" if key == "html" else "text/plain", meta)


def _documents(body: bytes, content_type: str) -> list[Document | Problem]:
    if not content_type.startswith("application/json"):
        text = body.decode("utf-8", errors="replace")
        return [Document("api:0", text)] if text.strip() else [Problem("api:0", "empty")]
    try:
        payload = json.loads(body)
    except ValueError as exc:
        raise HTTPException(400, f"invalid JSON: {exc}") from None
    records = payload.get("records") if isinstance(payload, dict) and "records" in payload else [payload]
    if not isinstance(records, list):
        raise HTTPException(400, '"records" must be a list')
    return [_document(r, i) for i, r in enumerate(records)]


@router.post(
    "/ingest",
    summary="Ingest records (needs --allow-ingest and a bearer token)",
    responses={401: {"description": "missing or wrong token"}, 403: {"description": "ingest is disabled"}},
)
async def ingest(request: Request) -> Response:
    """Ingest a JSON record (``{"text"|"html"|"content": ..., "title", "url", "published", "outlet", "lang", "id"}``),
    ``{"records": [...]}``, or a text/plain body; returns the ingest report with the new ids."""
    settings = request.app.state
    if not settings.allow_ingest:
        raise HTTPException(403, "ingest is disabled: start the server with --allow-ingest")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), settings.token.encode()):
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})
    k = corpus(request)
    limit = int(k.config["ingest"]["max_bytes"])
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"body over {limit} bytes")
        chunks.append(chunk)
    docs = _documents(b"".join(chunks), request.headers.get("content-type", ""))
    report = await run_in_threadpool(k.ingest_documents, docs)
    return respond_json(request, report.to_dict() | {"ids": report.ids})
