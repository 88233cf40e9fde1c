"""Folding with offsets: search folded text, report spans in the writer's text."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from .normalize import fold

_FOLDED: dict[int, str] = {}
_LENGTHS: dict[int, str] = {}
_NOT_ONE: set[str] = set()  # characters that fold to zero or several characters
_SPACE_RUNS = re.compile(r"\s+")


def _tables_for(text: str) -> bool:
    """Extend the tables to the characters of ``text``; True when each folds to exactly one character."""
    chars = set(text)
    for ch in chars:
        code = ord(ch)
        if code not in _FOLDED:
            _FOLDED[code] = fold(ch)
            _LENGTHS[code] = chr(len(_FOLDED[code]))
            if len(_FOLDED[code]) != 1:
                _NOT_ONE.add(ch)
    return not (chars & _NOT_ONE)


class Folded:
    """``text`` folded character by character (``khabar.text.normalize.fold``), with a map back to ``text``."""

    __slots__ = ("_ends", "folded", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        identity = _tables_for(text)
        self.folded = text.translate(_FOLDED)
        self._ends: list[int] | None = [] if identity else None

    def _raw_index(self, folded_offset: int) -> int:
        """The index in ``text`` of the character that produced ``folded[folded_offset]``."""
        if self._ends is None:
            self._ends = list(accumulate(self.text.translate(_LENGTHS).encode("latin-1")))
        return bisect_right(self._ends, folded_offset) if self._ends else folded_offset

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``text`` that folds to ``folded[start:end]``."""
        raw_start = self._raw_index(start)
        return raw_start, (self._raw_index(end - 1) + 1 if end > start else raw_start)


def collapse(text: str) -> str:
    """Runs of whitespace become one space; ends are trimmed."""
    return _SPACE_RUNS.sub(" ", text).strip()
