"""One normalization for matching and search, shared by the index and by queries.

Display text keeps the writer's spelling; this folded form is only for comparing strings.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Mapping
from importlib.metadata import version
from pathlib import Path

from ..cache import cached, sources

# Arabic-script marks: harakat, tanween, shadda, sukun, superscript alef, Quranic marks.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")
# fmt: off
_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ٵ": "ا",
        "ى": "ی",
        "ي": "ی",
        "ئ": "ی",
        "ې": "ی",
        "ۍ": "ی",
        "ێ": "ی",
        "ٸ": "ی",
        "ك": "ک",
        "ڪ": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "ە": "ه",
        "ہ": "ه",
        "ھ": "ه",
        "ۂ": "ه",
        "ؤ": "و",
        "ٶ": "و",
        "ـ": "",  # tatweel
        "\u200c": "",
        "\u200d": "",
        "\u200e": "",
        "\u200f": "",
        "\ufeff": "",
        "\u00ad": "",
        "\u00a0": " ",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‹": "'",
        "›": "'",
        "`": "'",
        "،": ",",
        "؛": ";",
        "؟": "?",
        "٪": "%",
        "٫": ".",
        "٬": ",",
        "٭": "*",
        "۔": ".",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
    }
)
# fmt: on
_FOLD.update(
    {ord(d): w for d, w in zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789", strict=True)}
)  # one pass: letters and digits


_CODE_POINTS = tuple(range(0x10000))  # one int object per code point, shared by the tables below


def translation_table(mapping: Mapping[int, int | str | None]) -> tuple[int | str | None, ...]:
    """``mapping`` (a ``str.maketrans`` table) as a tuple indexed by code point over the Basic Multilingual
    Plane, every character absent from it mapped to itself; characters past the plane stay unchanged too.

    ``str.translate`` gives the same text with either, but looks each character up in the table: in a
    dict, every character the table lacks (most of an Arabic text) costs a raised and cleared KeyError;
    the tuple holds an answer for each (half the time on SaudiNewsNet texts).
    """
    return tuple(mapping.get(code, code) for code in _CODE_POINTS)


_FOLD_TABLE = translation_table(_FOLD)
_TOKEN = re.compile(r"\w+", re.UNICODE)
_SPACES = re.compile(r"\s+")

# Persian bound morphemes that writers detach with a space instead of a ZWNJ ("هسته ای", "می شود");
# written with the Persian ی, so the Arabic "أي"/"اي" is left alone.
_FA_DETACHED_SUFFIX = re.compile(r"(?<=[\u0620-\u06ff]) (?=(?:ها|های|ای|ی|تر|ترین|هایی)(?![\w\u200c]))")
_FA_DETACHED_PREFIX = re.compile(r"(?<![\w\u200c])(ن?می) (?=[\u0620-\u06ff])")

# Proclitics, longest first: Arabic conjunctions, prepositions and the article (folded spelling).
_AR_PREFIXES = (
    "وبال",
    "فبال",
    "وکال",
    "وال",
    "فال",
    "بال",
    "کال",
    "ولل",
    "فلل",
    "لل",
    "ال",
    "و",
    "ف",
    "ب",
    "ل",
    "ک",
)
# Persian plural and ezafe / indefinite suffixes, shortest first (folded spelling).
_FA_SUFFIXES = ("ی", "ها", "ای", "های", "هایی")
_MIN_STEM = 2  # letters left after stripping
_ARTICLE_MIN_STEM = 3  # after a prefix that holds the article, stripped without a frequency check
_MAX_SUFFIXES = 2  # "کتابهای" -> "کتابها" -> "کتاب"
_MIN_ZIPF = 2.0  # words rarer than this are not loaded into the folded frequency table


@functools.lru_cache(maxsize=64)  # a text is folded more than once (content hash, index): str caches its hash
def fold(text: str) -> str:
    """The comparison form: NFKC, no marks, tatweel or ZWNJ, one letter per variant, ASCII digits, lower case."""
    text = unicodedata.normalize("NFKC", text)
    text = _MARKS.sub("", text)
    return text.translate(_FOLD_TABLE).lower()


def match_key(text: str) -> str:
    """A key for comparing names: folded, with spaces and ZWNJ removed ("کی یف" = "کی‌یف" = "كييف")."""
    return _SPACES.sub("", fold(text))


def tokens(text: str) -> list[str]:
    """Folded word tokens; Persian suffixes and می written apart are joined to their word first."""
    return list(_tokens(text))


@functools.lru_cache(maxsize=8)  # one article's title and text are tokenized again (index entry, features)
def _tokens(text: str) -> tuple[str, ...]:
    text = _FA_DETACHED_PREFIX.sub(r"\1", _FA_DETACHED_SUFFIX.sub("", text))
    return tuple(_TOKEN.findall(fold(text)))


@functools.cache
def has_word_frequencies(lang: str | None) -> bool:
    """Whether wordfreq has a table of its own for ``lang`` (it would otherwise answer, with a warning,
    from the nearest language it has, e.g. English for Yoruba)."""
    import wordfreq

    return bool(lang) and lang in wordfreq.available_languages()


def frequency_dict(lang: str) -> dict[str, float]:
    """wordfreq's word -> frequency table for ``lang``, under the cache key of wordfreq's own lookups
    (``get_frequency_dict(lang)`` alone would build a second copy of the table)."""
    import wordfreq

    return wordfreq.get_frequency_dict(lang, "best")


@functools.cache
def _folded_frequencies(lang: str) -> dict[str, float]:
    """Word frequency by folded form for ``lang`` (wordfreq; loaded once per process, from the disk cache
    of :mod:`khabar.cache` when built before: folding the Arabic table's 180,000 words takes about 0.5 s)."""
    parts: list[str | Path] = [*sources("text"), f"lang={lang}", f"wordfreq={version('wordfreq')}"]
    return cached(f"folded-frequencies-{lang}", parts, lambda: _fold_frequencies(lang))


def _fold_frequencies(lang: str) -> dict[str, float]:
    least = 10 ** (_MIN_ZIPF - 9)
    table: dict[str, float] = {}
    for word, freq in frequency_dict(lang).items():
        if freq < least:
            break  # the dict is ordered by decreasing frequency
        key = fold(word)
        table[key] = max(freq, table.get(key, 0.0))
    return table


def folded_zipf(token: str, lang: str) -> float:
    """The Zipf frequency of a folded ar or fa token over every spelling that folds to it (0 when unknown).

    Scraped text often drops hamza and shadda ("الاضافة" for "الإضافة"); this sees the word's real frequency.
    """
    freq = _folded_frequencies(lang).get(token, 0.0)
    return math.log10(freq) + 9 if freq > 0 else 0.0


def common_folded(lang: str, min_zipf: float) -> frozenset[str]:
    """The folded ar or fa tokens whose ``folded_zipf`` is at least ``min_zipf`` (2 or more: rarer ones are not loaded)."""
    table = _folded_frequencies(lang)  # folded_zipf inlined: 180,000 calls at every start of a process
    return frozenset(t for t, f in table.items() if (math.log10(f) + 9 if f > 0 else 0.0) >= min_zipf)


def _strip_prefix(token: str) -> str:
    freq = _folded_frequencies("ar")
    for prefix in _AR_PREFIXES:
        if not token.startswith(prefix):
            continue
        rest = token[len(prefix) :]
        if len(rest) < _MIN_STEM:
            continue
        if prefix.endswith(("ال", "لل")) and len(rest) >= _ARTICLE_MIN_STEM:
            return rest
        if freq.get(rest, 0.0) > freq.get(token, 0.0):
            return rest
    return token


def _strip_suffixes(token: str) -> str:
    freq = _folded_frequencies("fa")
    for _ in range(_MAX_SUFFIXES):
        for suffix in _FA_SUFFIXES:  # shortest first: the longest known stem wins
            if not token.endswith(suffix):
                continue
            rest = token[: -len(suffix)]
            if len(rest) >= _MIN_STEM and freq.get(rest, 0.0) > freq.get(token, 0.0):
                token = rest
                break
        else:
            break
    return token


@functools.lru_cache(maxsize=50_000)
def strip_clitics(token: str) -> str:
    """The token without an Arabic proclitic and Persian suffixes, decided with word frequencies.

    ``token`` must already be folded (so ``ك`` is ``ک``). A prefix holding the article (ال, وال, لل...)
    goes when 3+ letters are left; a one-letter proclitic (و ف ب ل ک) or a Persian suffix goes only when
    the rest is a known word more frequent than the whole ("وبیلاروسیا" -> "بیلاروسیا", but "وزیر" stays;
    "هستهای" -> "هسته", "کتابهای" -> "کتاب").
    """
    return _strip_suffixes(_strip_prefix(token))


def index_text(text: str) -> str:
    """Text for the full-text index: every folded token, followed by its clitic-free stem when different."""
    return " ".join(map(_indexed, tokens(text)))


@functools.lru_cache(maxsize=50_000)
def _indexed(token: str) -> str:
    """A folded token as index_text writes it: followed by its clitic-free stem when different."""
    stem = strip_clitics(token)
    return token if stem == token else f"{token} {stem}"


def match_query(query: str) -> str:
    """An FTS5 MATCH expression for a user query: the clitic-free stem of every token must occur.

    The index holds every token and its stem, so a bare query word finds its cliticised forms,
    and a cliticised query word finds the bare form.
    """
    return " AND ".join(f'"{strip_clitics(tok)}"' for tok in tokens(query))
