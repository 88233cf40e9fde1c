"""The letter statistics that tell a foreign name in Arabic script from a word of the language."""

from __future__ import annotations

import pytest

from khabar.extract.foreign import foreignness
from khabar.text.normalize import fold


@pytest.mark.parametrize("name", ["باموك", "فيدرر", "مونتويا", "ديوكوفيتش", "شوارزنيغر"])
@pytest.mark.parametrize("word", ["بحثهم", "حراسها", "مصداقية", "المسؤولين", "يواصلون"])
def test_foreign_names_look_more_foreign_than_arabic_words(name: str, word: str) -> None:
    assert foreignness(fold(name), "ar") > 0 > foreignness(fold(word), "ar")


def test_a_language_without_word_frequencies_says_nothing() -> None:
    assert foreignness("pamuk", "en") == 0.0 == foreignness("باموك", None)
