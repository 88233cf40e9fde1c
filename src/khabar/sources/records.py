"""JSON records (JSONL lines, array items, sidecar files) to khabar metadata: field names, ISO 8601 dates."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "url": ("url",),
    "title": ("title",),
    "text": ("text", "content", "body"),
    "published": ("published", "date"),
    "outlet": ("outlet", "source"),
    "lang": ("lang",),
}
"""khabar field -> the record keys it is read from, first present wins (a ``field_map`` key comes first)."""

_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
_EPOCH_RANGE = (631152000, 4102444800)  # 1990 .. 2100


def iso_date(value: Any) -> str | None:
    """``value`` (ISO-like string, RFC 2822 string, or epoch seconds) as ISO 8601, or None if it is not a date."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > _EPOCH_RANGE[1] else value
        if _EPOCH_RANGE[0] <= seconds <= _EPOCH_RANGE[1]:
            return datetime.fromtimestamp(seconds, UTC).isoformat()
        return None
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if _DATE_ONLY.fullmatch(text):
        return text
    try:
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _take(record: dict[str, Any], field: str, field_map: dict[str, str]) -> tuple[str | None, Any]:
    keys = (field_map[field], *ALIASES[field]) if field in field_map else ALIASES[field]
    for key in keys:
        if record.get(key) not in (None, ""):
            return key, record[key]
    return None, None


def split_record(record: dict[str, Any], field_map: dict[str, str]) -> tuple[Any, dict[str, Any]]:
    """Return (the record's text value or None, khabar meta). Unknown keys are kept in meta as they are."""
    meta: dict[str, Any] = {}
    used: set[str] = set()
    text = None
    for field in ALIASES:
        key, value = _take(record, field, field_map)
        if key is None:
            continue
        used.add(key)
        if field == "text":
            text = value
        elif field == "published":
            iso = iso_date(value)
            meta["published" if iso else "published_raw"] = iso or value
        elif field == "title" and isinstance(value, str):
            # Scraped titles often keep the page's character references (&quot;, &amp;): plain text wants the characters.
            meta[field] = html.unescape(value).strip()
        else:
            meta[field] = value.strip() if isinstance(value, str) else str(value)
    skip = used | set(ALIASES["text"])
    meta.update((k, v) for k, v in record.items() if k not in skip and k not in meta)
    return text, meta
