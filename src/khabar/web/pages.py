"""The HTML newsroom: stories, story, event, article, entity and search pages, rendered on the server."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from ..store.base import ArticleFilter
from . import views
from .http import Offset, article_filter, or_404, respond
from .jsonapi import Id, corpus

router = APIRouter(include_in_schema=False)
PAGE = 20


def render(request: Request, template: str, **context: Any) -> Response:
    """A template rendered to HTML, with an ETag."""
    html = request.app.state.templates.get_template(template).render(request=request, **context)
    return respond(request, html.encode("utf-8"), "text/html; charset=utf-8")


def pager(request: Request, offset: int, shown: int, total: int | None) -> dict[str, Any]:
    """Links to the previous and next pages (None at either end)."""
    more = offset + shown < total if total is not None else shown >= PAGE
    return {
        "first": offset + 1 if shown else 0,
        "last": offset + shown,
        "total": total,
        "prev": str(request.url.include_query_params(offset=max(offset - PAGE, 0))) if offset else None,
        "next": str(request.url.include_query_params(offset=offset + PAGE)) if more else None,
    }


@router.get("/")
def home(request: Request, offset: Offset = 0) -> Response:
    """Stories, newest activity first; the latest articles while nothing is clustered."""
    k = corpus(request)
    stories, total = k.stories_page(limit=PAGE, offset=offset)
    latest = [] if total else k.article_briefs(limit=PAGE)
    return render(
        request,
        "stories.html",
        cards=views.story_cards(k, stories),
        latest=latest,
        pager=pager(request, offset, len(stories), total),
        stats=k.stats() if not total else None,
    )


@router.get("/stories/{story_id:path}")
def story(request: Request, story_id: Id) -> Response:
    """One story: timeline, actors and places, events, coverage."""
    k = corpus(request)
    found = or_404(k.story(story_id), "story", story_id)
    return render(request, "story.html", **views.story_view(k, found))


@router.get("/events/{event_id:path}")
def event(request: Request, event_id: Id) -> Response:
    """One event: what/where/when/who, summary, articles by language, quotes, provenance."""
    k = corpus(request)
    found = or_404(k.event(event_id), "event", event_id)
    story = k.story(found.story) if found.story else None
    return render(request, "event.html", story=story, **views.event_view(k, found))


@router.get("/articles/{article_id:path}")
def article(request: Request, article_id: Id) -> Response:
    """One article: highlighted clean text, removed lines, repairs, metadata."""
    k = corpus(request)
    found = or_404(k.article(article_id), "article", article_id)
    event = k.event(found.event) if found.event else None
    return render(
        request,
        "article.html",
        article=found,
        event=event,
        paragraphs=views.paragraphs(found),
        link=found.url if (found.url or "").lower().startswith(("http://", "https://")) else None,
    )


@router.get("/entities/{entity_id:path}")
def entity(request: Request, entity_id: Id) -> Response:
    """One entity: variants by script, mentions over time, co-occurring entities, events."""
    k = corpus(request)
    found = or_404(k.entity(entity_id), "entity", entity_id)
    return render(request, "entity.html", **views.entity_view(k, found))


@router.get("/search")
def search(
    request: Request,
    flt: Annotated[ArticleFilter, Depends(article_filter)],
    q: Annotated[str, Query(max_length=500)] = "",
    offset: Offset = 0,
) -> Response:
    """Full-text search with filters; results grouped by event."""
    k = corpus(request)
    hits = k.search_page(q, flt, limit=PAGE, offset=offset) if q.strip() else []
    return render(
        request,
        "search.html",
        q=q,
        flt=flt,
        facets=k.facets(),
        groups=views.group_hits(k, hits),
        hits=len(hits),
        pager=pager(request, offset, len(hits), None),
        entity=k.entity(flt.entity) if flt.entity else None,
    )


@router.get("/docs")
def docs(request: Request) -> Response:
    """The JSON API reference, rendered from the OpenAPI schema (no CDN, no script)."""
    return render(request, "docs.html", schema=request.app.openapi())
