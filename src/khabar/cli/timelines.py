"""``khabar show event ID`` and ``khabar show story ID``: the record and its timeline."""

from __future__ import annotations

from rich.markup import escape

from ..api import Khabar
from ..store.base import ArticleFilter
from .app import fail, out, print_json, print_table, short

MAX_ARTICLES = 500


def _names(items: list[dict[str, object]], n: int = 6) -> str:
    return ", ".join(str(i.get("name") or i.get("id") or "") for i in items[:n])


def show_event(k: Khabar, event_id: str, as_json: bool) -> None:
    """An event: what, where, when, who, its summary, its articles in time order (copies marked) and quotes."""
    event = k.event(event_id)
    if event is None:
        fail(f"no event {event_id!r}")
        return
    briefs = k.article_briefs(
        ArticleFilter(event=event.id), ids=event.articles + event.copies, limit=MAX_ARTICLES
    )
    timeline = sorted(briefs, key=lambda b: (b["published"] or "~", b["id"]))
    if as_json:
        print_json(event.to_dict() | {"timeline": timeline})
        return
    fields = [
        ("event", event.id),
        ("title", event.title),
        ("story", event.story),
        ("when", event.date),
        ("what", event.kind),
        ("where", _names(event.places)),
        ("who", _names(event.actors)),
        ("languages", ", ".join(event.languages)),
        ("outlets", ", ".join(event.outlets)),
        ("articles", f"{len(event.articles)} + {len(event.copies)} copies"),
    ]
    print_table(("field", "value"), [(f, v) for f, v in fields if v])
    for lang, summary in sorted(event.summary.items()):
        out.print(f"[bold]summary ({lang})[/bold] {escape(summary)}")
    rows = [
        (b["published"] or "", b["lang"] or "", b["outlet"] or "", short(b["title"], 60),
         f"copy of {b['duplicate_of']}" if b["duplicate_of"] else "", b["id"])
        for b in timeline
    ]  # fmt: skip
    print_table(("published", "lang", "outlet", "title", "", "article"), rows, title="timeline")
    if event.quotes:
        said = [((q.get("speaker") or {}).get("name") or "?", short(q.get("text"), 80)) for q in event.quotes]
        print_table(("speaker", "quote"), said, title="quotes")


def show_story(k: Khabar, story_id: str, as_json: bool) -> None:
    """A story: title, span, core actors and its events in time order."""
    story = k.story(story_id)
    if story is None:
        fail(f"no story {story_id!r}")
        return
    events = sorted(k.events_by_id(story.events), key=lambda e: (e.date or "~", e.id))
    if as_json:
        print_json(story.to_dict() | {"timeline": [e.to_dict() for e in events]})
        return
    fields = [
        ("story", story.id),
        ("title", story.title),
        ("span", f"{story.start or '?'} … {story.end or '?'}"),
        ("actors", _names(story.actors, 8)),
        ("events", str(len(story.events))),
    ]
    print_table(("field", "value"), [(f, v) for f, v in fields if v])
    rows = [
        (e.date or "", e.kind or "", _names(e.places, 2), len(e.articles), ",".join(e.languages),
         short(e.title, 60), e.id)
        for e in events
    ]  # fmt: skip
    print_table(("date", "kind", "where", "articles", "langs", "title", "event"), rows, title="timeline")
