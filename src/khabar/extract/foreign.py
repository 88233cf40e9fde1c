"""How much an Arabic-script word looks like a foreign name written in that script, from letter statistics.

A foreign name in Arabic or Persian script (باموك, فيدرر, مونتويا) strings its letters otherwise than the
language's own words do: long vowels where the language writes none, clusters it never makes, no clitics or
inflection (بحثهم, انكماشا). Two letter-pair and letter-triple models, read from the package data once per
language and process, tell them apart: one of the gazetteer's names of places in countries where no
Arabic-script language is official (جوهانسبرج, سورغوت, آبلدورن), the other of the language's common words
(Zipf 3 and more, the names among them left out).
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from importlib.metadata import version
from pathlib import Path

from babel.languages import get_official_languages

from ..cache import cached, sources
from ..text.langid import ARABIC_SCRIPT_LANGS
from ..text.normalize import fold
from .knowledge import DATA_DIR, read_entities
from .matcher import common_words

NATIVE_ZIPF = 3.0
_GRAMS = (2, 3)


def _grams(word: str) -> list[str]:
    marked = f"^{word}$"
    return [marked[i : i + n] for n in _GRAMS for i in range(len(marked) - n + 1)]


@functools.cache
def _at_home(country: str) -> bool:
    return not set(ARABIC_SCRIPT_LANGS).isdisjoint(get_official_languages(country, de_facto=True))


@functools.cache
def _model(lang: str) -> tuple[dict[str, float], float]:
    """Each letter gram's log-odds of a foreign name against a word of ``lang``, and that of an unseen gram
    (from the disk cache of :mod:`khabar.cache` when built before: building takes about 0.5 s)."""
    parts: list[str | Path] = [*sources("extract", "text"), DATA_DIR / "places.jsonl", f"lang={lang}"]
    parts += [f"{lib}={version(lib)}" for lib in ("wordfreq", "babel")]
    return cached(f"foreign-letters-{lang}", parts, lambda: _build(lang))


def _build(lang: str) -> tuple[dict[str, float], float]:
    foreign = {
        word
        for place in read_entities("places.jsonl")
        if place.get("country") and not _at_home(place["country"])
        for variant in place.get("variants", ())
        if variant.get("lang") == lang
        for word in fold(variant["text"]).split()
        if len(word) > 2
    }
    native = {w for w in common_words(lang, NATIVE_ZIPF) if len(w) > 2} - foreign
    if not foreign or not native:
        return {}, 0.0
    counts = [Counter(g for w in words for g in _grams(w)) for words in (foreign, native)]
    grams = set(counts[0]) | set(counts[1])
    totals = [sum(c.values()) + len(grams) for c in counts]  # add-one smoothing
    odds = {
        g: math.log((counts[0][g] + 1) / totals[0]) - math.log((counts[1][g] + 1) / totals[1]) for g in grams
    }
    return odds, math.log(totals[1] / totals[0])


@functools.lru_cache(maxsize=50_000)  # the name rules ask for the same words in article after article
def foreignness(folded: str, lang: str | None) -> float:
    """The mean log-odds, over its letter grams, that the folded word ``folded`` is a foreign name rather than a
    word of ``lang``: above 0 when it looks foreign. 0 for a language without the data."""
    odds, unseen = _model(lang or "")
    if not odds or not folded:
        return 0.0
    grams = _grams(folded)
    return sum(odds.get(g, unseen) for g in grams) / len(grams)
