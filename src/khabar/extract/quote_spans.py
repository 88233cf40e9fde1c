"""Quoted spans: text between quotation marks, paired within a paragraph.

Guillemets « » nest (open and close differ). Curly marks “ ” „ ‟ are paired in order, because
Arabic copy often writes ” for an opening mark; straight " marks likewise. A mark left open runs
to the end of its paragraph. Spans nested in another span are dropped.
"""

from __future__ import annotations

import re

_MARK = re.compile('[«»“”„‟"]')
_CURLY = frozenset("“”„‟")
_PARAGRAPH = re.compile(r"[^\n]+")


def _paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    guillemets: list[int] = []
    open_curly: int | None = None
    open_straight: int | None = None
    for m in _MARK.finditer(text, start, end):
        ch, i = m.group(), m.start()
        if ch == "«":
            guillemets.append(i)
        elif ch == "»":
            if guillemets:
                spans.append((guillemets.pop(), i))
        elif ch in _CURLY:
            if open_curly is None:
                open_curly = i
            else:
                spans.append((open_curly, i))
                open_curly = None
        elif open_straight is None:
            open_straight = i
        else:
            spans.append((open_straight, i))
            open_straight = None
    for left in (*guillemets[:1], open_curly, open_straight):
        if left is not None:
            spans.append((left, end))
    return spans


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of every outermost quoted span: the quote is ``text[open + 1:close]``.

    ``close`` is the closing mark's offset, or the paragraph end for a mark left open.
    """
    spans: list[tuple[int, int]] = []
    for p in _PARAGRAPH.finditer(text):
        if _MARK.search(text, p.start(), p.end()):
            spans.extend(_paragraph_spans(text, p.start(), p.end()))
    spans.sort(key=lambda s: (s[0], -s[1]))
    outer: list[tuple[int, int]] = []
    for s in spans:
        if not outer or s[0] >= outer[-1][1]:
            outer.append(s)
    return outer
