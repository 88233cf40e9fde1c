"""Folding with offsets: search folded text, report spans in the writer's text."""

from __future__ import annotations

import functools
import re

from ..cache import cached, sources
from .normalize import fold

_FOLDED: dict[int, str] = {}
_NOT_ONE: set[str] = set()  # characters that fold to zero or several characters
_SPACE_RUNS = re.compile(r"\s+")
_PAST_BMP = re.compile("[\U00010000-\U0010ffff]")


@functools.cache
def _bmp_tables() -> tuple[tuple[int | str, ...], re.Pattern[str]]:
    """fold() of every character of the Basic Multilingual Plane as one ``str.translate`` table (a tuple
    indexed by code point: no dict lookups), and a pattern of those that fold to zero or several characters
    (from the disk cache when built before: 65,536 calls of fold() took 0.2 s at every start)."""
    table, not_one = cached("fold-table", sources("text"), _build_bmp_tables)
    return table, re.compile("[" + "".join(map(re.escape, not_one)) + "]")


def _build_bmp_tables() -> tuple[tuple[int | str, ...], list[str]]:
    table: list[int | str] = []
    not_one: list[str] = []
    for code in range(0x10000):
        folded = fold(chr(code))
        table.append(ord(folded) if len(folded) == 1 else folded)
        if len(folded) != 1:
            not_one.append(chr(code))
    return tuple(table), not_one


def _tables_for(text: str) -> bool:
    """Extend the tables to the characters of ``text``; True when each folds to exactly one character."""
    chars = set(text)
    for ch in chars:
        code = ord(ch)
        if code not in _FOLDED:
            _FOLDED[code] = fold(ch)
            if len(_FOLDED[code]) != 1:
                _NOT_ONE.add(ch)
    return not (chars & _NOT_ONE)


@functools.lru_cache(maxsize=8)
def _not_one_pattern(chars: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(map(re.escape, sorted(chars))) + "]")


class Folded:
    """``text`` folded character by character (``khabar.text.normalize.fold``), with a map back to ``text``."""

    __slots__ = ("_changes", "_not_one", "folded", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        if _PAST_BMP.search(text):  # rare: tables of the characters met so far, extended to these
            identity = _tables_for(text)
            self.folded = text.translate(_FOLDED)
            self._not_one = _not_one_pattern(frozenset(_NOT_ONE))
        else:
            table, self._not_one = _bmp_tables()
            self.folded = text.translate(table)
            identity = self._not_one.search(text) is None
        self._changes: list[tuple[int, int]] | None = [] if identity else None

    def _raw_index(self, folded_offset: int) -> int:
        """The index in ``text`` of the character that produced ``folded[folded_offset]``."""
        if self._changes is None:
            # The few characters that fold to zero or several: (index, folded length). Every other
            # character folds to one, so offsets between them differ by a constant shift.
            self._changes = [(m.start(), len(fold(m.group()))) for m in self._not_one.finditer(self.text)]
        shift = 0  # folded offset minus text offset before the next change
        for at, length in self._changes:
            if folded_offset - shift < at:
                return folded_offset - shift
            if at + shift + length > folded_offset:
                return at
            shift += length - 1
        return min(folded_offset - shift, len(self.text))

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``text`` that folds to ``folded[start:end]``."""
        raw_start = self._raw_index(start)
        return raw_start, (self._raw_index(end - 1) + 1 if end > start else raw_start)


def collapse(text: str) -> str:
    """Runs of whitespace become one space; ends are trimmed."""
    return _SPACE_RUNS.sub(" ", text).strip()
