"""The clean stage: site chrome leaves the body line by line, and the title, outlet, section and source become fields.

Three mechanisms decide together: the multilingual chrome lexicon (``data/chrome/<lang>.tsv``), per-outlet
learning (line keys known to repeat across an outlet's documents, injected as config), and structural cues
(short unpunctuated lines before the first or after the last paragraph, stretched slogans, date, dateline,
outlet and section lines). Every removed line is kept in ``removed``; a clean article comes out unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..model import Article
from ..registry import stage
from .calendars import parse_date_line
from .chrome import (
    MAX_KEY_WORDS,
    candidate_keys,
    ends_sentence,
    key,
    lexicon,
    line_key,
    outlet_words,
    sections,
    source_words,
    stretched,
)
from .datelines import parse_dateline
from .title import sane, strip_site, title_like

MAX_DATE_LINE_WORDS = 15
MAX_OUTLET_WORDS = 4
PARAGRAPH_WORDS = 10  # a line this long is body text
TAIL_SOURCE_LINES = 3  # a source line is one of the last few lines
TITLE_SEARCH_LINES = 8
MAX_EDGE_BLOCK = 4  # more short lines than this at the head or the foot are a list, not chrome
KEYED_WORDS = 40  # longer lines are body text: no matching form needed

_EMPTY: Mapping[str, Collection[str]] = MappingProxyType({})
_SEP = r"[|\-–—ـ/»>]"
_OUTLET_SECTION = re.compile(
    rf"^(?P<outlet>[^|\-–—ـ/»>]{{1,40}}?)\s*\s{_SEP}+\s+(?P<section>[^|\-–—ـ/»>]{{1,30}})$"
)
_SOURCE = re.compile(r"^(?P<word>[^\W\d_]+(?:\s[^\W\d_]+)?)\s*[:：]\s*(?P<names>\S.{0,150})$")
_NAME_SPLIT = re.compile(
    r"\s*(?:[،,;؛]|\s(?:and|et|ve|و|اور)\s|\s+و(?!كال|زار|ول\s|اشنطن|ام\b|اس\b|اع\b)(?=\S))\s*"
)
_LIST_ITEM = re.compile(r"^\W{0,2}(?:[*•·▪◦‣\-–]|\d{1,3}\s*[-.)])\s*\w")
_LEAD_IN = re.compile(r"[:：]\s*$")
_BLANK_RUNS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


@dataclass
class _Line:
    index: int
    raw: str
    words: int
    key: str = ""

    @classmethod
    def of(cls, index: int, raw: str) -> _Line:
        """A line with its word count (numbers aside) and, when short enough to matter, its matching form."""
        tokens = raw.split()
        if len(tokens) > KEYED_WORDS:
            return cls(index, raw, len(tokens))
        k = key(raw)
        return cls(index, raw, sum(1 for w in k.split() if not w.isdigit()), k)

    @property
    def paragraph(self) -> bool:
        return self.words >= PARAGRAPH_WORDS or (self.words >= 6 and ends_sentence(self.raw))


def split_names(names: str) -> list[str]:
    """Names on a source line, split on commas, "and" and the Arabic conjunction و."""
    return [n.strip(" .") for n in _NAME_SPLIT.split(names) if n.strip(" .")]


def _source_line(line: _Line) -> list[str] | None:
    m = _SOURCE.match(line.raw)
    if m and key(m.group("word")) in source_words():
        return split_names(m.group("names"))
    return None


def _outlet_section(line: _Line) -> tuple[str | None, str | None] | None:
    """(outlet name, section) named by an outlet or section line, or None."""
    if line.words <= 3 and line.key in sections():
        return None, line.raw
    m = _OUTLET_SECTION.match(line.raw)
    if m and key(m.group("section")) in sections() and len(m.group("outlet").split()) <= MAX_OUTLET_WORDS:
        return m.group("outlet").strip(), m.group("section").strip()
    words = line.raw.split()
    if 2 <= len(words) <= MAX_OUTLET_WORDS + 1:
        marks = outlet_words()
        if key(words[0]) in marks.get("before", ()):
            return " ".join(words[1:]), None
        if key(words[-1]) in marks.get("after", ()):
            return " ".join(words[:-1]), None
    return None


def _classify(line: _Line, learned: Collection[str], meta: dict[str, Any]) -> str | None:
    """The chrome kind of a line on its own (no position cues), recording what it names in ``meta``."""
    kind = lexicon().kind(line.key)
    if kind:
        return kind
    if line.words <= MAX_KEY_WORDS and learned and line_key(line.raw) in learned:
        return "learned"
    if line.paragraph:
        return None
    dateline = parse_dateline(line.raw)
    if dateline and not line.raw[dateline.end :].strip():
        meta.setdefault("dateline_line", line.raw)
        return "dateline"
    if line.words <= MAX_DATE_LINE_WORDS:
        date = parse_date_line(line.raw)
        if date and (not date.extra or key(" ".join(date.extra)) in sections()):
            meta.setdefault("date_lines", []).append(line.raw)
            if date.extra:
                meta.setdefault("section", " ".join(date.extra))
            return "date"
    named = _outlet_section(line)
    if named:
        outlet, section = named
        if outlet:
            meta.setdefault("outlet_name", outlet)
        if section:
            meta["section"] = section
        return "outlet" if outlet else "section"
    return None


def _find_title(article: Article, lines: list[_Line], kinds: dict[int, str]) -> tuple[str | None, int | None]:
    """The title and the index of its line in the text (None when the title is not a line of the text)."""
    if sane(article.title):
        title = strip_site(article.title or "", (article.outlet, article.meta.get("html_sitename")))
        wanted = key(title)
        for line in lines[:TITLE_SEARCH_LINES]:
            if line.key == wanted:
                return title, line.index
        return title, None
    for line in lines[:TITLE_SEARCH_LINES]:
        if line.index in kinds:
            continue
        if title_like(line.raw):
            return line.raw, line.index
        if line.words >= PARAGRAPH_WORDS:
            break
    return None, None


def _structural(body: list[_Line], kinds: dict[int, str], max_short_words: int) -> dict[int, str]:
    """Short unpunctuated lines before the first or after the last paragraph: captions, labels, bylines, ids.

    A block with more such lines than ``MAX_EDGE_BLOCK`` is a list that belongs to the article, and so is
    a line that starts with a list marker.
    """
    paragraphs = [line.index for line in body if line.index not in kinds and line.paragraph]
    if not paragraphs:
        return {}
    edges: dict[str, list[_Line]] = {"head": [], "tail": []}
    for n, line in enumerate(body):
        if line.index in kinds or line.paragraph or line.words > max_short_words or ends_sentence(line.raw):
            continue
        if _LIST_ITEM.match(line.raw) or (_LEAD_IN.search(line.raw) and n < len(body) - 1):
            continue
        if line.index < paragraphs[0]:
            edges["head"].append(line)
        elif line.index > paragraphs[-1]:
            edges["tail"].append(line)
    return {
        line.index: "slogan" if stretched(line.raw) else edge
        for edge, found in edges.items()
        if len(found) <= MAX_EDGE_BLOCK
        for line in found
    }


@stage("khabar.text.clean.v1", assigns=("text", "title", "removed", "meta"), requires=("text",))
def clean(
    article: Article, *, outlet_lines: Mapping[str, Collection[str]] = _EMPTY, max_short_words: int = 8
) -> Article:
    """Remove site chrome from ``text`` line by line; set ``title``, ``removed`` and metadata it names.

    ``outlet_lines`` maps an outlet to line keys (``chrome.line_key``) known to repeat across its documents.
    ``meta["line_keys"]`` receives the keys of this article's short lines, for the store to count.
    """
    text = article.text or ""
    meta: dict[str, Any] = {}
    lines = [
        line for i, raw in enumerate(text.split("\n")) if (line := _Line.of(i, raw.strip())).key or line.words
    ]
    learned = outlet_lines.get(article.outlet or "", ()) if outlet_lines else ()
    kinds = {line.index: kind for line in lines if (kind := _classify(line, learned, meta))}
    title, title_index = _find_title(article, lines, kinds)
    body = [line for line in lines if line.index != title_index]
    tail = {line.index for line in body[-TAIL_SOURCE_LINES:]}
    for line in body:
        if line.index in tail and line.index not in kinds and (names := _source_line(line)) is not None:
            kinds[line.index] = "source"
            meta["source_line"], meta["source_names"] = line.raw, names
    kinds.update(_structural(body, kinds, max_short_words))
    removed = [line for line in body if line.index in kinds]
    if removed or title_index is not None:
        drop = {line.index for line in removed} | {title_index}
        kept = "\n".join(raw for i, raw in enumerate(text.split("\n")) if i not in drop)
        article.text = _BLANK_RUNS.sub("\n\n", kept).strip()
    article.title = title
    article.removed = [line.raw for line in removed]
    meta["removed_kinds"] = [kinds[line.index] for line in removed]
    meta["line_keys"] = candidate_keys(text)
    article.meta.update(meta)
    return article
