"""The quantities a text states (a death toll, a sum, a magnitude), written the same way in every language.

Two reports of one happening give the same figures (43 dead, 120 wounded, 6.1 on the Richter scale) in
any script, and two happenings of one kind give others: figures are evidence that crosses languages
without a lexicon. Dates and times are not quantities here (the date features carry them): years, a day
number next to a month name and the digits of times and numeric dates are left out, and so are the
integers below 10, which every text has.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from .calendars import YEAR_DIGITS, months
from .normalize import fold

MIN_INTEGER = 10
"""The smallest integer counted: below it, figures are too common to tell happenings apart."""

# A figure, in folded text (ASCII digits; Arabic '٬' and '٫' folded to ',' and '.'), with thousands
# separators and a decimal part, not a piece of a longer token (a time, a numeric date, a score, an id, a
# word with digits), though an Arabic or Persian proclitic may be written onto it ("و1500", "ب43").
_EDGE_BEFORE = r"(?<![\d.,:/\-])"
_EDGE_AFTER = r"(?![\w:/\-]|[.,]\d)"
_FIGURE = re.compile(rf"{_EDGE_BEFORE}(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?{_EDGE_AFTER}")
_WORD = re.compile(r"[^\W\d_]+")
_PROCLITICS = frozenset(fold("وبلكف"))  # matched on folded text, where ك is ک


@functools.cache
def _month_words() -> frozenset[str]:
    """Every folded word of a month name, of every calendar and tradition."""
    return frozenset(word for name in months() for word in name.split())


def _next_to_month(text: str, start: int, end: int) -> bool:
    """Whether the word right before or right after ``text[start:end]`` belongs to a month name."""
    before = _WORD.findall(text[max(0, start - 24) : start])
    after = _WORD.match(text[end : end + 24].lstrip())
    words = _month_words()
    return bool(before and before[-1] in words) or bool(after and after.group() in words)


def _standalone(text: str, start: int) -> bool:
    """Whether a figure at ``start`` begins a token: nothing word-like before it but a lone proclitic."""
    before = text[start - 1] if start else " "
    if not (before.isalnum() or before == "_"):
        return True
    return before in _PROCLITICS and (start < 2 or not text[start - 2].isalnum())


def quantities(text: str) -> Counter[str]:
    """The figures ``text`` states, in a canonical form (ASCII digits, no thousands separator, '.' as the
    decimal point), with how often each occurs."""
    folded = fold(text)
    found: Counter[str] = Counter()
    for m in _FIGURE.finditer(folded):
        if not _standalone(folded, m.start()):
            continue
        figure = m.group().replace(",", "")
        integer = "." not in figure
        if integer and (int(figure) < MIN_INTEGER or YEAR_DIGITS.fullmatch(figure)):
            continue
        if integer and int(figure) <= 31 and _next_to_month(folded, m.start(), m.end()):
            continue
        found[str(int(figure)) if integer else figure] += 1
    return found
