"""The phrase index: longest phrase first whatever the order phrases were added in, clitic-aware starts."""

from __future__ import annotations

import pytest

from khabar.extract import matcher
from khabar.extract.matcher import PhraseIndex, tokenize


def test_longest_phrase_wins_whatever_the_order_added() -> None:
    index = PhraseIndex()
    index.add("Abu", "short")
    toks = tokenize("Abu Bakr al Baghdadi spoke")
    assert index.match(toks, 0, "en").payloads == ("short",)
    index.add("Abu Bakr al Baghdadi", "long")  # added after a match: the bucket is sorted again
    index.add("Abu Bakr", "middle")
    hit = index.match(toks, 0, "en")
    assert (hit.j, hit.payloads) == (4, ("long",))


@pytest.mark.parametrize("small_index", [0, matcher.SMALL_INDEX], ids=["cached-words", "listed-forms"])
def test_starts_strip_arabic_proclitics(monkeypatch: pytest.MonkeyPatch, small_index: int) -> None:
    monkeypatch.setattr(matcher, "SMALL_INDEX", small_index)
    index = PhraseIndex()
    index.add("الرياض", "riyadh")
    index.add("روسيا", "russia")
    index.add("بغداد", "baghdad")
    toks = tokenize("وصل وفد من وبالرياض إلى روسيا وللرياض ثم لبغداد وبغداد وريا بالرياضة ورياض")
    assert index.starts(toks, "ar") == [3, 5, 6, 8, 9]  # not ريا, الرياضة or رياض
    assert index.starts(toks, "en") == [5]  # no clitics outside Arabic
    hit = index.match(toks, 3, "ar")
    assert (hit.prefix, toks.text[hit.start : hit.end]) == ("وب", "الرياض")


def test_first_word_cache_starts_over_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matcher, "FIRSTS_CACHE", 2)
    monkeypatch.setattr(matcher, "SMALL_INDEX", 0)  # the words met are cached, not the forms listed
    index = PhraseIndex()
    index.add("روسيا", "russia")
    toks = tokenize("قال مسؤول في روسيا إن روسيا وروسيا")
    assert index.starts(toks, "ar") == [3, 5, 6]
    assert all(len(cache) <= 2 for cache in index._firsts_cache)
    assert index.starts(toks, "ar") == [3, 5, 6]
