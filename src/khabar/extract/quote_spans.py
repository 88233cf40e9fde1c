"""Quoted spans: text between quotation marks, paired within a paragraph.

Guillemets « » nest (open and close differ). Curly marks “ ” „ ‟ are paired in order, because
Arabic copy often writes ” for an opening mark; straight " marks likewise, and the doubled single
marks ’’ ‘‘ of Urdu copy (’’...‘‘, or the other way round). A single ’ or ‘ is an apostrophe
("it’s", "Soçi’de"), never a mark. A mark left open runs to the end of its paragraph. Spans nested
in another span are dropped.
"""

from __future__ import annotations

import re

MARKS = '«»“”„‟"'
"""The one-character quotation marks."""
DOUBLED = ("’’", "‘‘")
"""The two-character ones."""
# One class first (the regex engine scans for it fast), then a doubled mark's second character.
MARK = re.compile(f"[{MARKS}’‘](?:(?<=[{MARKS}])|(?<=’)’|(?<=‘)‘)")
_KIND = {**dict.fromkeys("“”„‟", "curly"), **dict.fromkeys(DOUBLED, "doubled")}  # else the mark itself
_PARAGRAPH = re.compile(r"[^\n]+")


def _paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    guillemets: list[int] = []
    open_at: dict[str, int] = {}  # marks paired in order: where the open one of each kind ends
    for m in MARK.finditer(text, start, end):
        mark = m.group()
        if mark == "«":
            guillemets.append(m.start())
        elif mark == "»":
            if guillemets:
                spans.append((guillemets.pop(), m.start()))
        else:
            kind = _KIND.get(mark, mark)
            left = open_at.pop(kind, None)
            if left is None:
                open_at[kind] = m.end() - 1
            else:
                spans.append((left, m.start()))
    for left in (*guillemets[:1], *open_at.values()):
        spans.append((left, end))
    return spans


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of every outermost quoted span: the quote is ``text[open + 1:close]``.

    ``open`` is the opening mark's last character, ``close`` the closing mark's first character (see
    :func:`mark_end`), or the paragraph end for a mark left open.
    """
    spans: list[tuple[int, int]] = []
    for p in _PARAGRAPH.finditer(text):
        if MARK.search(text, p.start(), p.end()):
            spans.extend(_paragraph_spans(text, p.start(), p.end()))
    spans.sort(key=lambda s: (s[0], -s[1]))
    outer: list[tuple[int, int]] = []
    for s in spans:
        if not outer or s[0] >= outer[-1][1]:
            outer.append(s)
    return outer


def mark_end(text: str, close: int) -> int:
    """Where the closing mark at ``close`` (a span's second offset) ends."""
    return close + 2 if text.startswith(DOUBLED, close) else close + 1
