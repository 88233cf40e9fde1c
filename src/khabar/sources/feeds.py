"""RSS and Atom feeds (feedparser): one Document per entry, from its content, its linked page, or its summary."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from ..model import Document
from .base import Item, Problem, SourceError
from .detect import Format, sniff
from .documents import text_document
from .http import Fetched
from .records import iso_date

Fetch = Callable[[str], Fetched]
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _published(entry: Any) -> str | None:
    for key in ("published", "updated"):
        iso = iso_date(entry.get(key))
        if iso:
            return iso
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            year, month, day, hour, minute, second = parsed[:6]
            return datetime(year, month, day, hour, minute, second, tzinfo=UTC).isoformat()
    return None


def _entry_meta(entry: Any, feed: Any, origin: str) -> dict[str, Any]:
    meta = {
        "url": entry.get("link"),
        "title": entry.get("title"),
        "published": _published(entry),
        "outlet": feed.get("title"),
        "lang": feed.get("language"),
        "guid": entry.get("id"),
        "author": entry.get("author"),
        "feed": origin,
    }
    return {k: v.strip() if isinstance(v, str) else v for k, v in meta.items() if v}


def _content(entry: Any) -> tuple[str, str] | None:
    """The entry's longest full content as (value, content type)."""
    parts = [c for c in entry.get("content") or () if (c.get("value") or "").strip()]
    if not parts:
        return None
    best = max(parts, key=lambda c: len(c["value"]))
    return best["value"], "text/html" if best.get("type") in _HTML_TYPES else "text/plain"


def _linked_page(link: str, fetch: Fetch, meta: dict[str, Any]) -> Document:
    fetched = fetch(link)
    fmt = (
        Format.HTML if sniff(fetched.body[:4096], link, fetched.content_type) is Format.HTML else Format.TEXT
    )
    doc = text_document(link, fetched.body, fmt, meta, fetched.charset)
    doc.meta["url"] = fetched.url
    return doc


def _entry_item(origin: str, index: int, entry: Any, feed: Any, fetch: Fetch | None) -> Item:
    meta = _entry_meta(entry, feed, origin)
    link = meta.get("url")
    entry_origin = link or f"{origin}#{index}"
    content = _content(entry)
    if content:
        return Document(entry_origin, unicodedata.normalize("NFC", content[0]), content[1], meta)
    summary = (entry.get("summary") or "").strip()
    if link and fetch is not None:
        try:
            return _linked_page(link, fetch, {**meta, "summary": summary} if summary else meta)
        except SourceError as exc:
            meta["fetch_error"] = exc.reason
    if not summary:
        failure = f" (fetch: {meta['fetch_error']})" if "fetch_error" in meta else ""
        return Problem(origin, f"entry {index}: no content or summary{failure}")
    kind = entry.get("summary_detail", {}).get("type")
    return Document(
        entry_origin,
        unicodedata.normalize("NFC", summary),
        "text/html" if kind in _HTML_TYPES else "text/plain",
        meta,
    )


def iter_feed(origin: str, data: bytes, fetch: Fetch | None) -> Iterator[Item]:
    """Documents for a feed's entries. ``fetch`` (None: never fetch) gets the linked page of summary-only entries;
    when it fails the summary is used and ``meta["fetch_error"]`` says why."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        if parsed.get("bozo"):
            raise SourceError(f"malformed feed: {parsed.get('bozo_exception')}")
        raise SourceError("feed without entries")
    for index, entry in enumerate(parsed.entries, 1):
        yield _entry_item(origin, index, entry, parsed.feed, fetch)
