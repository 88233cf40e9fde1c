"""Folded text maps its offsets back to the writer's text, also around characters that fold to zero or
several characters (marks, tatweel, ligatures)."""

from __future__ import annotations

from khabar.text.foldmap import Folded
from khabar.text.normalize import fold


def _by_character(text: str, offset: int) -> int:
    """The reference map: walk the text, one character's fold at a time."""
    end = 0
    for i, ch in enumerate(text):
        end += len(fold(ch))
        if end > offset:
            return i
    return len(text)


def test_raw_span_matches_a_character_walk() -> None:
    texts = ("", "abc", "الأُسْبُوعِ الـمـاضـي", "ﻻ بد ﷲ يومَ الخميسِ", "a\u064bb\u0651\u0651c ﻻﻻ d", "𝐀𝐁 يومَ ﻻ 😀")
    for text in texts:  # the last has characters past the Basic Multilingual Plane
        folded = Folded(text)
        assert folded.folded == "".join(fold(ch) for ch in text)
        for start in range(len(folded.folded) + 1):
            for end in range(start, len(folded.folded) + 1):
                expected_start = _by_character(text, start)
                expected_end = _by_character(text, end - 1) + 1 if end > start else expected_start
                assert folded.raw_span(start, end) == (expected_start, expected_end), (text, start, end)


def test_raw_span_finds_a_word_after_marks() -> None:
    text = "قالَ يومَ الخميسِ"
    folded = Folded(text)
    needle = fold("الخميس")
    start = folded.folded.index(needle)
    raw_start, raw_end = folded.raw_span(start, start + len(needle))
    assert text[raw_start:raw_end] == "الخميسِ"[:-1]
