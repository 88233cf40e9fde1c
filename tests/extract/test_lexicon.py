"""Lexicon forms compiled into regexes: the same matches whichever pattern scans a text."""

from __future__ import annotations

import re

from khabar.extract.lexicon import _caseless, compile_forms, find_all

_FORMS = ["قال", "أكد", "وكالة الأنباء", "according to", "said", "CNN عربية", "قناة cnn", "ıt"]
_TEXTS = [
    "وقال الوزير إن وكالة الانباء نقلت ما أكّد عليه، بحسب قناة الجزيرة.",
    "وقـال المتحدث: «نعم» وأكد أن قناة cnn لم تنقل.",
    "According to SPA, he SAID that CNN عربية reported it; ıt IT it.",
    "قال",
    "",
]


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


def test_forms_match_as_the_full_case_folding_pattern() -> None:
    forms = compile_forms(_FORMS, prefix="[وف]")
    for text in _TEXTS:
        assert _spans(forms.finditer(text)) == _spans(forms.pattern.finditer(text))
        assert _spans(forms.finditer(text, 3, 30)) == _spans(forms.pattern.finditer(text, 3, 30))
    assert [m.group() for m in forms.finditer(_TEXTS[2])][:3] == ["According to", "SAID", "CNN عربية"]
    assert _caseless(_TEXTS[0])
    assert [m.group() for m in forms.finditer(_TEXTS[0])] == ["وقال", "وكالة الانباء", "أكّد"]


def test_forms_without_a_caseless_first_letter_find_nothing_in_a_caseless_text() -> None:
    forms = compile_forms(["said", "reported"])
    assert forms.caseless is None
    assert list(forms.finditer("قال الوزير")) == []
    assert [m.group() for m in forms.finditer("He Said")] == ["Said"]


def test_no_caseless_character_matches_a_cased_one_when_case_is_folded() -> None:
    """What the caseless pattern relies on: in a text without cased characters, folding case changes no
    match (a cased letter of a form cannot match any character of it, with or without folding)."""
    chars = [chr(code) for code in range(0x110000)]
    caseless = "".join(c for c in chars if _caseless(c))
    cased = "".join(re.escape(c) for c in chars if not _caseless(c))
    assert re.search(f"[{cased}]", caseless, re.IGNORECASE) is None


def test_one_pass_finds_what_each_lexicon_finds() -> None:
    """Lexicons sharing forms and overlapping each other: each keeps its own non-overlapping matches."""
    lexicons = (
        compile_forms(["وكالة", "قال", "said"], prefix="[وف]"),
        compile_forms(["وكالة الأنباء", "الأنباء", "according to"], prefix="[وف]"),
        compile_forms(["قال الوزير", "الوزير"]),
        compile_forms(["reported"]),
    )
    for text in [*_TEXTS, "قال الوزير لوكالة الأنباء وقال الوزير", "وكالة الأنباء said, and reported"]:
        assert find_all(text, lexicons) == [_spans(lexicon.finditer(text)) for lexicon in lexicons]
    spans = find_all("قال الوزير لوكالة الأنباء", lexicons)
    assert spans == [[(0, 3)], [(18, 25)], [(0, 10)], []]
