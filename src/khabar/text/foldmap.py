"""Folding with offsets: search folded text, report spans in the writer's text."""

from __future__ import annotations

import re

from .normalize import fold

_TABLE: dict[int, str] = {}
_SPACE_RUNS = re.compile(r"\s+")


def _table_for(text: str) -> dict[int, str]:
    for ch in set(text):
        code = ord(ch)
        if code not in _TABLE:
            _TABLE[code] = fold(ch)
    return _TABLE


class Folded:
    """``text`` folded character by character (``khabar.text.normalize.fold``), with a map back to ``text``."""

    __slots__ = ("_starts", "folded", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        table = _table_for(text)
        self.folded = text.translate(table)
        if len(self.folded) == len(text) and all(len(table[ord(c)]) == 1 for c in set(text)):
            self._starts: list[int] | None = None
        else:
            starts: list[int] = []
            for i, ch in enumerate(text):
                starts.extend([i] * len(table[ord(ch)]))
            starts.append(len(text))
            self._starts = starts

    def raw_offset(self, folded_offset: int) -> int:
        """The offset in ``text`` of the character at ``folded_offset`` in ``folded``."""
        if self._starts is None:
            return folded_offset
        return self._starts[min(folded_offset, len(self._starts) - 1)]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``text`` that folds to ``folded[start:end]``."""
        if self._starts is None:
            return start, end
        raw_end = self._starts[end - 1] + 1 if end > start else self.raw_offset(start)
        return self.raw_offset(start), raw_end


def collapse(text: str) -> str:
    """Runs of whitespace become one space; ends are trimmed."""
    return _SPACE_RUNS.sub(" ", text).strip()
