"""The dates stage: publication date, dateline and date references.

Metadata dates win over the text; a date line of the text (found by the clean stage or at the head or foot
of the text) gives ``published`` otherwise, and leaves the body. No date line and no metadata: None.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..model import Article
from ..registry import stage
from .calendars import parse_date_line, parse_with_dateparser
from .chrome import key, sections
from .datelines import Dateline, parse_dateline
from .daterefs import find_date_refs

OWN_PARSER_LANGS = frozenset({"ar", "fa", "ur", "en", "fr", "tr", "ps", "ckb", "ug"})
MAX_DATE_LINE_WORDS = 15
DATELINE_SEARCH_LINES = 3
_DISPATCH_DATE = re.compile(r"\s*([^\n\-–—ـ:]{4,40}?)\s*[-–—ـ]")


def iso_of(value: Any) -> str | None:
    """An ISO 8601 string for a metadata date (ISO text, "2015-07-21 02:51:32", date or datetime), else None."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        stamp = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = parse_date_line(text)
        return parsed.iso() if parsed else None
    if len(text) == 10:
        return stamp.date().isoformat()
    return stamp.isoformat(timespec="minutes")


def _metadata_date(article: Article) -> str | None:
    own = None if article.meta.get("published_from") == "text" else article.published
    for value in (own, article.meta.get("published"), article.meta.get("html_date")):
        found = iso_of(value)
        if found:
            return found
    return None


def _date_of_line(line: str, lang: str | None) -> str | None:
    """ISO date of a date-only line (section words allowed beside the date), or None."""
    if len(line.split()) > 2 * MAX_DATE_LINE_WORDS or len(key(line).split()) > MAX_DATE_LINE_WORDS:
        return None
    parsed = parse_date_line(line)
    if parsed and (not parsed.extra or key(" ".join(parsed.extra)) in sections()):
        return parsed.iso()
    if parsed is None and lang and lang not in OWN_PARSER_LANGS:
        return parse_with_dateparser(line, lang)
    return None


def _edge_indexes(lines: list[str], head: int, tail: int) -> list[int]:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return list(dict.fromkeys(filled[:head] + filled[len(filled) - tail :] if tail else filled[:head]))


def _find_dateline(
    article: Article, lines: list[str], drop: set[int], strip: bool
) -> tuple[Dateline | None, str]:
    """The dateline (the clean stage's dateline line, or one of the first lines, or the first paragraph's
    prefix) and the text after it on its line."""
    own = article.meta.get("dateline_line")
    if isinstance(own, str) and (found := parse_dateline(own)):
        return found, own[found.end :]
    filled = [i for i, line in enumerate(lines) if line.strip() and i not in drop][:DATELINE_SEARCH_LINES]
    for n, i in enumerate(filled):
        found = parse_dateline(lines[i], place_only=n == 0)
        if found is None:
            continue
        rest = lines[i][found.end :].strip()
        if not rest:
            drop.add(i)
            article.removed.append(lines[i].strip())
        elif strip:
            lines[i] = rest
        return found, rest
    return None, ""


def _dispatch_date(rest: str, lang: str | None) -> str | None:
    """The date a dateline is dispatched on, written right after it and closed by a dash
    ("وین - ایرنا - ۲۳ تیر ۱۳۹۴ - ...")."""
    m = _DISPATCH_DATE.match(rest)
    return _date_of_line(m[1], lang) if m else None


@stage(
    "khabar.text.dates.v1",
    assigns=("published", "dateline", "date_refs", "removed", "text"),
    requires=("text",),
)
def dates(
    article: Article, *, head_lines: int = 6, tail_lines: int = 3, strip_dateline: bool = False
) -> Article:
    """Set ``published`` (metadata first, else a date line), ``dateline``, ``date_refs`` and ``meta["weekday"]``.

    ``meta["published_from"]`` tells where ``published`` came from: "metadata" (a firm publication date)
    or "text" (a date line of the text alone, which a rerun of the stage does not take for metadata).

    Date lines and a dateline standing alone on a line leave ``text`` for ``removed``; with ``strip_dateline``
    a dateline opening the first paragraph is cut from it too.
    """
    text = article.text or ""
    lines = text.split("\n")
    drop: set[int] = set()
    text_date = None
    for line in article.meta.get("date_lines") or ():
        text_date = text_date or _date_of_line(line, article.lang)
    for i in _edge_indexes(lines, head_lines, tail_lines):
        found = _date_of_line(lines[i], article.lang)
        if found:
            text_date = text_date or found
            drop.add(i)
            article.removed.append(lines[i].strip())
    dateline, rest = _find_dateline(article, lines, drop, strip_dateline)
    text_date = text_date or (_dispatch_date(rest, article.lang) if dateline else None)
    if drop or strip_dateline:
        article.text = "\n".join(line for i, line in enumerate(lines) if i not in drop).strip()
    earlier_text_date = article.published if article.meta.get("published_from") == "text" else None
    metadata_date = _metadata_date(article)
    article.published = metadata_date or text_date or earlier_text_date
    if text_date:
        article.meta["text_date"] = text_date
    if article.published:
        article.meta["published_from"] = "metadata" if metadata_date else "text"
    article.dateline = dateline.export() if dateline else None
    base = None
    if article.published:
        try:
            base = dt.date.fromisoformat(article.published[:10])
        except ValueError:
            base = None
    article.date_refs = find_date_refs(article.text, base)
    weekday = next((r["weekday"] for r in article.date_refs if r["kind"] == "weekday"), None)
    if weekday:
        article.meta["weekday"] = weekday
    return article
