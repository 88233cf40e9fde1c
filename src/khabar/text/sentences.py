"""Sentence segmentation for Arabic, Persian, Urdu, English and other text with Western or Arabic punctuation.

Line breaks are hard boundaries. Within a line a sentence ends at . ! ? ؟ ۔ … ؛ (and runs of them), with
any closing quotes or brackets that follow kept in the sentence, when whitespace or the line's end
follows. A dot does not end a sentence in a decimal number (10.5), after an abbreviation (Mr., U.S.)
or a single letter (J. K. Rowling, د. سالم), or before a lower-case word. Terminators inside a short
quotation (“…” «…» "…") do not split it, unless they close it; a long quotation splits at its own ends.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from ..model import Article
from ..registry import stage

_DATA = Path(__file__).resolve().parent.parent / "data" / "sentences"
_TERMINATORS = re.compile(r"[.!?؟۔…؛]+")
_CLOSERS = "\"'”’»)]}›"
_PAIRS = {"“": "”", "«": "»", "‹": "›", "„": "“"}
_SYMMETRIC = '"”'  # an ASCII quote, or a closing quote used to open (as some Arabic sites do)
_QUOTES = re.compile('["“”«»‹›„]')
_WORD_BEFORE = re.compile(r"([^\W\d_](?:[\w.]*[^\W_])?)$")
_LONG_QUOTE = 250  # characters: a longer quotation is segmented inside


@functools.cache
def _abbreviations() -> frozenset[str]:
    lines = (_DATA / "abbreviations.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _short_quotes(line: str) -> list[tuple[int, int]]:
    """(open, close) offsets of quotations up to _LONG_QUOTE characters; unclosed ones are ignored."""
    regions: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for m in _QUOTES.finditer(line):
        i, ch = m.start(), m.group()
        if stack and ch == stack[-1][0]:
            start = stack.pop()[1]
            if i - start <= _LONG_QUOTE:
                regions.append((start, i))
        elif ch in _PAIRS:
            stack.append((_PAIRS[ch], i))
        elif ch in _SYMMETRIC:
            stack.append((ch, i))
    return regions


def _dot_continues(line: str, start: int, end: int) -> bool:
    """A lone dot that is part of a number, an abbreviation or an initial, or is followed by a lower-case word."""
    if start > 0 and end < len(line) and line[start - 1].isdigit() and line[end].isdigit():
        return True
    word_start = start  # the word before the dot begins after the last character that is no [\w.]
    while word_start and (line[word_start - 1].isalnum() or line[word_start - 1] in "_."):
        word_start -= 1
    m = _WORD_BEFORE.search(line, word_start, start)
    if m and (len(m.group(1)) == 1 or m.group(1).lower() in _abbreviations()):
        return True
    rest = line[end:].lstrip()
    return bool(rest) and rest[0].isascii() and rest[0].islower()


def _split_line(line: str, offset: int) -> list[list[int]]:
    quotes = _short_quotes(line)
    out: list[list[int]] = []
    start = 0
    for m in _TERMINATORS.finditer(line):
        a, end = m.span()
        if m.group() == "." and _dot_continues(line, a, end):
            continue
        while end < len(line) and line[end] in _CLOSERS:
            end += 1
        if end < len(line) and not line[end].isspace():
            continue
        if any(q_open < a and end <= q_close for q_open, q_close in quotes):
            continue  # inside a short quotation that goes on after this terminator
        out.append([start, end])
        start = end
    out.append([start, len(line)])
    sentences = []
    for s, e in out:
        chunk = line[s:e]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            sentences.append([offset + s + lead, offset + s + trail])
    return sentences


def split_sentences(text: str) -> list[list[int]]:
    """[start, end] offsets of the sentences of ``text``; line breaks always end a sentence."""
    out: list[list[int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.extend(_split_line(line, pos))
        pos += len(line) + 1
    return out


@stage("khabar.text.sentences.v1", assigns=("sentences",), requires=("text",))
def sentences(article: Article) -> Article:
    """Set ``sentences`` to [start, end] offsets into ``text``."""
    article.sentences = split_sentences(article.text)
    return article
