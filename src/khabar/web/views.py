"""What the pages and the JSON API show, built from the Python API: cards, groupings and highlighted text.

Nothing here knows about HTTP or templates; each function returns plain data.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..api import Khabar
from ..model import Article, Event, Story
from ..store.base import ArticleFilter, SearchHit
from . import charts

MAX_EVENT_ARTICLES = 1000
MAX_STORY_EVENTS = 500


@dataclass
class Segment:
    """A run of article text, inside an entity mention or not."""

    text: str
    entity: dict[str, Any] | None = None


@dataclass
class ArticleGroup:
    """An original article and the copies folded under it."""

    article: dict[str, Any]
    copies: list[dict[str, Any]] = field(default_factory=list)


def span(days: list[str | None]) -> tuple[str | None, str | None]:
    """The first and last ISO day among these (None when none is dated)."""
    dated = sorted(d[:10] for d in days if d)
    return (dated[0], dated[-1]) if dated else (None, None)


def story_cards(k: Khabar, stories: list[Story]) -> list[dict[str, Any]]:
    """Per story: its record, event count, date span, languages, outlets, article count and sparkline."""
    cov = k.coverage("story", [s.id for s in stories])
    cards = []
    for s in stories:
        c = cov[s.id]
        first, last = span([s.start, s.end, *c["days"]])
        cards.append(
            {
                "story": s,
                "events": len(s.events),
                "articles": c["articles"],
                "first": first,
                "last": last,
                "languages": [lang for lang, _ in c["languages"].most_common()],
                "outlets": [o for o, _ in c["outlets"].most_common()],
                "chart": charts.sparkline(c["days"]),
            }
        )
    return cards


def story_view(k: Khabar, story: Story) -> dict[str, Any]:
    """A story's events (newest first, with their coverage), timeline, actors, places and coverage bars."""
    events = k.events_by_id(story.events[:MAX_STORY_EVENTS])
    if not events:
        events, _ = k.events_page(story=story.id, limit=MAX_STORY_EVENTS)
    cov = k.coverage("event", [e.id for e in events])
    events.sort(key=lambda e: e.date or "", reverse=True)  # newest first, undated last
    points = [
        charts.TimelinePoint(
            e.date or "", cov[e.id]["articles"] or len(e.articles), e.title or e.id, f"/events/{e.id}"
        )
        for e in events
        if e.date
    ]
    languages: Counter[str] = Counter()
    outlets: Counter[str] = Counter()
    days: Counter[str] = Counter()
    places: dict[str, dict[str, Any]] = {}
    actors: dict[str, dict[str, Any]] = {}
    for e in events:
        languages.update(cov[e.id]["languages"])
        outlets.update(cov[e.id]["outlets"])
        days.update(cov[e.id]["days"])
        for p in e.places:
            places.setdefault(p.get("id") or p.get("name") or "", p)
        for a in e.actors:
            actors.setdefault(a.get("id") or a.get("name") or "", a)
    for a in story.actors:
        actors.setdefault(a.get("id") or a.get("name") or "", a)
    return {
        "story": story,
        "events": [(e, cov[e.id]) for e in events],
        "undated": [e for e in events if not e.date],
        "timeline": charts.timeline(points),
        "activity": charts.day_bars(days),
        "languages": charts.bars(list(languages.items())),
        "outlets": charts.bars(list(outlets.items())),
        "actors": list(actors.values()),
        "places": list(places.values()),
    }


def _group_copies(briefs: list[dict[str, Any]]) -> list[ArticleGroup]:
    """Originals in time order, each with the copies of it found among ``briefs`` (a copy of a copy folds
    under the first original of its chain)."""
    by_id = {b["id"]: b for b in briefs}

    def head(b: dict[str, Any]) -> str:
        seen = {b["id"]}
        while b["duplicate_of"] in by_id and b["duplicate_of"] not in seen:
            b = by_id[b["duplicate_of"]]
            seen.add(b["id"])
        return b["id"]

    groups: dict[str, ArticleGroup] = {}
    copies = []
    for b in sorted(briefs, key=lambda b: (b["published"] or "~", b["id"])):
        top = head(b)
        if top == b["id"]:
            groups[top] = ArticleGroup(b)
        else:
            copies.append((top, b))
    for top, c in copies:
        if top in groups:
            groups[top].copies.append(c)
        else:  # a cycle of copies: its earliest member stands for the original
            groups[c["id"]] = ArticleGroup(c)
    return list(groups.values())


def provenance(briefs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Which agency's (or outlet's) copy went through which outlets: from datelines and from found copies."""
    by_source: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    by_id = {b["id"]: b for b in briefs}
    for b in briefs:
        agency = ((b.get("dateline") or {}).get("agency") or {}).get("name")
        if agency:
            by_source[("agency", agency)].append(b)
        original = by_id.get(b["duplicate_of"] or "")
        if original is not None:
            by_source[("copy of", original["outlet"] or original["id"])].append(b)
    return [{"kind": kind, "source": name, "articles": items} for (kind, name), items in by_source.items()]


def event_view(k: Khabar, event: Event) -> dict[str, Any]:
    """An event's articles by language (copies folded), quotes, provenance and coverage."""
    briefs = k.article_briefs(
        ArticleFilter(event=event.id), ids=event.articles + event.copies, limit=MAX_EVENT_ARTICLES
    )
    by_lang: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for b in briefs:
        by_lang[b["lang"] or "?"].append(b)
    languages = sorted(by_lang, key=lambda lang: (-len(by_lang[lang]), lang))
    quotes = event.quotes or k.quotes(ArticleFilter(event=event.id), limit=200)
    first, last = span([event.date, *(b["published"] for b in briefs)])
    return {
        "event": event,
        "groups": [(lang, _group_copies(by_lang[lang])) for lang in languages],
        "articles": len(briefs),
        "copies": sum(1 for b in briefs if b["duplicate_of"]),
        "first": first,
        "last": last,
        "quotes": quotes,
        "provenance": provenance(briefs),
        "languages": charts.bars(list(Counter(b["lang"] or "unknown" for b in briefs).items())),
        "outlets": charts.bars(list(Counter(b["outlet"] or "unknown" for b in briefs).items())),
    }


def _mention_spans(article: Article) -> list[tuple[int, int, dict[str, Any]]]:
    """Non-overlapping, in-bounds entity mentions, in text order (earliest, then longest, wins)."""
    found = []
    for ent in article.entities:
        info = {"id": ent.get("id"), "type": ent.get("type"), "name": ent.get("name")}
        for m in ent.get("mentions") or []:
            start, end = m.get("start"), m.get("end")
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(article.text):
                found.append((start, end, info))
    found.sort(key=lambda x: (x[0], -x[1]))
    kept: list[tuple[int, int, dict[str, Any]]] = []
    for start, end, info in found:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end, info))
    return kept


def paragraphs(article: Article) -> list[list[Segment]]:
    """The clean text as paragraphs (one per line) of segments, entity mentions marked by their offsets."""
    text = article.text
    segments: list[Segment] = []
    pos = 0
    for start, end, info in _mention_spans(article):
        if start > pos:
            segments.append(Segment(text[pos:start]))
        segments.append(Segment(text[start:end], info))
        pos = end
    if pos < len(text):
        segments.append(Segment(text[pos:]))
    out: list[list[Segment]] = [[]]
    for seg in segments:
        lines = seg.text.split("\n")
        for i, line in enumerate(lines):
            if i:
                out.append([])
            if line:
                out[-1].append(Segment(line, seg.entity))
    return [p for p in out if any(s.text.strip() for s in p)]


def script_of(text: str) -> str:
    """The Unicode script of the first letter of ``text`` (Arabic, Latin, Cyrillic, ...), or "other"."""
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            return name.split(" ")[0].title() if name else "other"
    return "other"


def variants_by_script(entity: dict[str, Any]) -> list[tuple[str, str, list[tuple[str, int]]]]:
    """An entity's variants grouped by script and language: [(script, lang, [(text, count), ...])], most used first."""
    groups: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for text, info in entity.get("variants", {}).items():
        groups[(script_of(text), info.get("lang") or "?")].append((text, int(info.get("count") or 0)))
    ordered = sorted(groups.items(), key=lambda kv: (-sum(c for _, c in kv[1]), kv[0]))
    return [(script, lang, sorted(items, key=lambda v: (-v[1], v[0]))) for (script, lang), items in ordered]


def entity_view(k: Khabar, entity: dict[str, Any]) -> dict[str, Any]:
    """An entity's variants by script, mentions over time, co-occurring entities and events."""
    timeline = k.entity_timeline(entity["id"])
    return {
        "entity": entity,
        "scripts": variants_by_script(entity),
        "timeline": timeline,
        "chart": charts.day_bars({d: m for d, _, m in timeline}, unit="mentions"),
        "cooccurring": k.cooccurring(entity["id"]),
        "events": k.entity_events(entity["id"]),
    }


def group_hits(k: Khabar, hits: list[SearchHit]) -> list[tuple[Event | None, list[SearchHit]]]:
    """Search hits grouped by event, groups in the rank order of their best hit; unclustered hits last."""
    groups: dict[str | None, list[SearchHit]] = {}
    for h in hits:
        groups.setdefault(h.event, []).append(h)
    events = {e.id: e for e in k.events_by_id([e for e in groups if e])}
    ordered = [(events.get(eid) if eid else None, items) for eid, items in groups.items() if eid]
    if None in groups:
        ordered.append((None, groups[None]))
    return ordered
