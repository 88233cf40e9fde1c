"""Tries of regex pieces match as flat alternations sorted longest first."""

from __future__ import annotations

import re

from khabar.text.calendars import alternation

_WORDS = ["a", "ab", "abc", "ab d", "abd", "b", "bc d e", "bc", "x.y", ""]
_TEXTS = ["abc", "ab  d", "abdx", "ab de", "bc d e bc d", "x.y xzy", "a b c", "zzz", ""]


def _flat(words: list[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ordered)


def test_a_trie_alternation_matches_as_the_longest_first_alternation() -> None:
    for words in (_WORDS, _WORDS[:-1], ["وال", "والي", "والية", "ولاية"]):
        for wrap in ("(?:{})", r"(?<!\w)(?:{})(?!\w)", r"(?:{})\s*d"):
            trie = re.compile(wrap.format(alternation(words)))
            flat = re.compile(wrap.format(_flat(words)))
            for text in [*_TEXTS, "والية ولاية والي"]:
                assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]
    assert re.fullmatch(alternation(_WORDS), "bc   d e")
