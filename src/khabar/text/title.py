"""Title detection: a sane metadata title wins; otherwise the first substantial line of the text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .chrome import key

MAX_TITLE_CHARS = 400
MIN_TITLE_WORDS = 3
MAX_TITLE_WORDS = 24

_BAD_END = re.compile(r"[.۔:،,;؛]\s*[\"'»”’)\]]*\s*$")
_SITE_SUFFIX = re.compile(r"\s+[|\-–—:»]\s+(?P<site>[^|\-–—:»]{1,60})$")


def sane(title: str | None) -> bool:
    """True for a metadata title worth keeping: words, not too long, not only punctuation."""
    return bool(title and title.strip() and len(title) <= MAX_TITLE_CHARS and key(title))


def strip_site(title: str, site_names: Iterable[str | None]) -> str:
    """The title without a trailing " | Site" or " - Site" naming the outlet."""
    m = _SITE_SUFFIX.search(title)
    names = {key(n) for n in site_names if n}
    if m and key(m.group("site")) in names:
        return title[: m.start()].strip()
    return title.strip()


def title_like(line: str) -> bool:
    """True for a line that can be a headline: a few words, not ending like a sentence or a lead-in."""
    words = len(key(line).split())
    return MIN_TITLE_WORDS <= words <= MAX_TITLE_WORDS and not _BAD_END.search(line)
