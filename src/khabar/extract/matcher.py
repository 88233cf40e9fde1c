"""Tokens with offsets, and a phrase index over folded token sequences (longest match first, clitic-aware)."""

from __future__ import annotations

import functools
import itertools
import math
import re
import string
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from wordfreq import zipf_frequency

from ..text.normalize import (
    common_folded,
    fold,
    folded_zipf,
    frequency_dict,
    has_word_frequencies,
    strip_clitics,
)
from ..text.tables import rows

# A word: letters/digits plus Arabic-script marks inside it. ZWNJ separates words (as fold() does).
_WORD = re.compile(r"(?:[^\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed])+")
# The same words in a text whose "_" became a space (same offsets): one character class, split twice as fast.
_WORD_SPLIT = re.compile(r"([\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+)")
_MARK = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Between the words of one name: spaces, ZWNJ, hyphens, an abbreviation dot.
_JOINER = re.compile(r"[\s\u200c\u200d\-.]*")
_ZWNJ_GAP = re.compile(r"[\u200c\u200d]+")

# Arabic proclitics (folded): conjunction, preposition, article and their combinations.
_PROCLITICS = ("وبال", "فبال", "وکال", "وال", "فال", "بال", "کال", "ولل", "فلل", "لل", "ال",
               "وب", "ول", "فب", "فل", "وک", "و", "ف", "ب", "ل", "ک")  # fmt: skip
_PROCLITIC_SET = frozenset(_PROCLITICS)
_LONGEST_PROCLITIC = max(map(len, _PROCLITICS))
_PROCLITIC_INITIALS = frozenset(p[0] for p in _PROCLITICS)
_CLITIC_LANGS = frozenset({"ar"})
_SUFFIX_LANGS = frozenset({"fa", "ur"})
_YEH = "ی"  # folded
_MIN_REST = 3
FIRSTS_CACHE = 100_000
"""Words whose possible first words are remembered, per clitic mode, before the memo starts over: a bound on a
worker's memory. Over SaudiNewsNet's 31,030 articles (6.3M distinct words of a text looked up) 100,000 words
recompute 12% of them, 200,000 words 6% but the memo then grows for most of the run."""
SMALL_INDEX = 2_000
"""An index with at most this many first words lists every word a phrase may start with (proclitics and all)
instead of caching the words it meets."""


@functools.lru_cache(maxsize=50_000)
@functools.cache
def folded_lexicon(area: str, name: str) -> frozenset[tuple[str, str]]:
    """(folded phrase, lang) of a ``phrase<TAB>lang`` data file, ``data/<area>/<name>``."""
    return frozenset((fold(phrase), lang) for phrase, lang in rows(area, name))


@functools.cache
def gazetteer_words(name: str, lang: str) -> frozenset[str]:
    """The folded phrases of ``lang`` in the gazetteer lexicon ``name`` (``name_stops.tsv``: words capitalised at
    a sentence's start that start no name; ``org_heads.tsv``; ``settlement_cues_after.tsv``)."""
    return frozenset(
        phrase for phrase, phrase_lang in folded_lexicon("gazetteer", name) if phrase_lang == lang
    )


def after_lexicon_word(toks: Tokens, i: int, lang: str | None, area: str, name: str) -> bool:
    """Whether word ``i`` directly follows a one- or two-word phrase of ``lang`` in the lexicon ``data/<area>/<name>``
    (``phrase<TAB>lang``), a one-word one also behind Arabic proclitics ("بمحافظة", "لمستشفى")."""
    if i == 0 or not lang:
        return False
    one = strip_clitics(toks.folds[i - 1])
    two = f"{toks.folds[i - 2]} {toks.folds[i - 1]}" if i > 1 else ""
    words = folded_lexicon(area, name)
    return (one, lang) in words or (strip_clitics(one), lang) in words or (two, lang) in words


def fold_token(token: str) -> str:
    """The folded form of one word (no spaces); a Cyrillic word's without its case ending (see ``case_key``)."""
    return case_key(fold(token).replace(" ", ""))


_CASE_ENDINGS = (
    *("ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими"),
    *("ым", "им", "ом", "ем", "ой", "ей", "ою", "ею", "ью", "ам", "ям", "ах", "ях", "ую", "юю", "ая", "яя"),
    *("ые", "ие", "ий", "ый", "а", "я", "е", "и", "ы", "у", "ю", "ь", "й", "о"),
)
"""Russian case endings of nouns, names and adjectives, longest first."""
_SOFT_END = "аеёиоуыэюяйь"
_CYRILLIC_FOLDED = re.compile("[а-яё]+")
MIN_CASE_STEM = 3


@functools.lru_cache(maxsize=20_000)
def case_key(folded: str) -> str:
    """A folded Russian (Cyrillic) word without its case ending and the soft letters left before it, so that
    every case of a name has one key: России, Россией and Россия are росс; Минске минск; Путиным путин;
    Беларуси беларус. Other words are returned as they are. (Written here: the Snowball stemmer cuts Киев to
    ки but Киеве to киев, Беларусь to белар but Беларуси to беларус.)"""
    if not _CYRILLIC_FOLDED.fullmatch(folded):
        return folded
    for ending in _CASE_ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= MIN_CASE_STEM:
            folded = folded[: -len(ending)]
            break
    while len(folded) > MIN_CASE_STEM and folded[-1] in _SOFT_END:
        folded = folded[:-1]
    return folded


@functools.lru_cache(maxsize=50_000)
def zipf(word: str, lang: str) -> float:
    """The Zipf frequency of a word in ``lang`` (0 for unknown words and languages); for ar and fa, the
    highest over every spelling that folds alike, so a word scraped without its hamza is still common."""
    if lang in _PLAIN_LANGS:
        own = _plain_zipf(word, lang) if _PLAIN_WORD.fullmatch(word) else zipf_frequency(word, lang)
        return max(own, folded_zipf(fold(word), lang))
    if not has_word_frequencies(lang):
        return 0.0
    try:
        return zipf_frequency(word, lang)
    except (
        LookupError,
        ValueError,
        ImportError,
    ):  # unknown language, or one needing a tokenizer not installed
        return 0.0


@functools.lru_cache(maxsize=16)  # a few thresholds per language met: bounded
def common_words(lang: str | None, min_zipf: float) -> frozenset[str]:
    """Folded words that ``zipf`` puts at ``min_zipf`` or more however they are spelled (it counts every spelling
    that folds alike in ar and fa); empty for the other languages. Read once per language and threshold: it
    scans the whole folded frequency table (once per document, it cost an entity stage 35 ms per article)."""
    return common_folded(lang, min_zipf) if lang in _PLAIN_LANGS else frozenset()


# Words of plain Arabic letters (no marks, tatweel, digits or joiners), which wordfreq's ar/fa preprocessing
# and tokenizer leave as they are: one token, looked up directly.
_PLAIN_WORD = re.compile("[\u0621-\u063a\u0641-\u064a]+")
_PLAIN_LANGS = frozenset({"ar", "fa"})
_MIN_FREQ = 1e-9  # wordfreq's floor for zipf_frequency's default minimum of 0


def _plain_zipf(word: str, lang: str) -> float:
    """``zipf_frequency(word, lang)`` for a plain word, with wordfreq's arithmetic and without its tokenizer."""
    known = frequency_dict(lang).get(word)
    if known is None:
        freq = _MIN_FREQ
    else:
        freq = max(1.0 / (1.0 / known), _MIN_FREQ)  # wordfreq combines token frequencies this way
        freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


_ASCII_LETTERS = frozenset(string.ascii_letters)


def is_latin(word: str) -> bool:
    """True when the word starts with a Latin letter."""
    return word[:1] in _ASCII_LETTERS


@dataclass(slots=True)
class Tokens:
    """The words of a text with their character offsets and folded forms."""

    text: str
    starts: list[int]
    ends: list[int]
    folds: list[str]
    vocabulary: frozenset[str]
    """The distinct folded words: set operations over them replace loops over the words."""
    glued: frozenset[int] = frozenset()
    """Words joined to the word before them by a ZWNJ: parts of one word (گفت‌وگو), never a name's edge."""
    whole_folds: bool = True
    """Every folded word is ``fold()`` of the word as written (False when one folded with a space, removed here)."""

    def whole(self, i: int, j: int) -> bool:
        """True when words [i, j) do not cut a ZWNJ-joined word."""
        return i not in self.glued and j not in self.glued

    def __len__(self) -> int:
        return len(self.folds)

    def joined(self, i: int, j: int) -> bool:
        """True when words i..j-1 are separated only by spaces, ZWNJ, hyphens or dots."""
        return all(_JOINER.fullmatch(self.text, self.ends[k], self.starts[k + 1]) for k in range(i, j - 1))

    def word(self, k: int) -> str:
        """Word k as written."""
        return self.text[self.starts[k] : self.ends[k]]

    def before(self, k: int) -> str:
        """The text between word k-1 (or the start of the text) and word k."""
        return self.text[self.ends[k - 1] if k else 0 : self.starts[k]]

    def gap(self, k: int) -> str:
        """The text between word k and word k+1 (or the end of the text)."""
        end = self.starts[k + 1] if k + 1 < len(self.folds) else len(self.text)
        return self.text[self.ends[k] : end]


def tokenize(text: str) -> Tokens:
    """Split ``text`` into words, keeping offsets into it."""
    parts = _WORD_SPLIT.split(text.replace("_", " "))  # gap, word, ..., gap: words and offsets without a loop
    words = parts[1::2]
    offsets = list(itertools.accumulate(map(len, parts)))
    starts, ends = offsets[0:-1:2], offsets[1::2]
    joined = fold("\n".join(words))  # one fold() call; per word when NFKC changed the count
    folded = joined.split("\n")
    if _CYRILLIC_FOLDED.search(joined):
        folded = [case_key(f) for f in folded]
    spaced = " " in joined
    if len(folded) != len(words) or spaced or "" in folded:
        folded = [fold_token(w) for w in words]
        keep = [k for k, f in enumerate(folded) if f]
        starts, ends, folded = [starts[k] for k in keep], [ends[k] for k in keep], [folded[k] for k in keep]
    glued = (
        frozenset(k for k in range(1, len(starts)) if _ZWNJ_GAP.fullmatch(text, ends[k - 1], starts[k]))
        if "\u200c" in text or "\u200d" in text
        else frozenset()
    )
    return Tokens(text, starts, ends, folded, frozenset(folded), glued, not spaced)


TITLE_CASE_SHARE = 0.8
"""A sentence whose words of three letters or more (its first aside) are capitalised at least this often is a
headline in title case ("Lindsay Lohan Checks Into Rehab")..."""
TITLE_CASE_WORDS = 5
"""... when it has at least this many of them."""
_SENTENCE_ENDS = ".!?\n"


def title_case(toks: Tokens, k: int) -> bool:
    """Word k is in a sentence (or line) in title case, where capitals mark no names (see TITLE_CASE_SHARE)."""
    text, at = toks.text, toks.starts[k]
    begin = max(text.rfind(c, 0, at) for c in _SENTENCE_ENDS) + 1
    end = min((e for c in _SENTENCE_ENDS if (e := text.find(c, at)) >= 0), default=len(text))
    words = [w for w in text[begin:end].split()[1:] if len(w) > 2 and w[0].isalpha()]
    capitalised = sum(w[0].isupper() for w in words)
    return len(words) >= TITLE_CASE_WORDS and capitalised >= TITLE_CASE_SHARE * len(words)


def capitalised_inside(toks: Tokens, k: int) -> bool:
    """Word k is capitalised in a cased script inside a sentence that is not in title case: a name's capital,
    not a sentence's or a headline's."""
    initial = toks.word(k)[:1]
    if not (initial.isupper() and initial <= "\u024f") or k == 0:  # a Latin capital, accented too (İzmir)
        return False
    gap = toks.gap(k - 1)
    return not any(c in gap for c in _SENTENCE_ENDS) and not title_case(toks, k)


def original_offset(word: str, folded_chars: int) -> int:
    """How many characters of ``word`` (original spelling) spell its first ``folded_chars`` folded letters."""
    if folded_chars <= len(word) and not _MARK.search(word, 0, folded_chars):
        return folded_chars  # no mark or tatweel among them (most words): one character per letter
    seen = 0
    for k, ch in enumerate(word):
        if seen == folded_chars:
            return k
        if not _MARK.match(ch):
            seen += 1
    return len(word)


class Hit(NamedTuple):
    """A phrase found in the tokens: words [i, j), character span, and the payloads of the phrase.

    A named tuple: as immutable as a frozen dataclass, and built several times faster (many per article).
    """

    i: int
    j: int
    start: int
    end: int
    payloads: tuple[Any, ...]
    key: tuple[str, ...] = ()
    """The indexed word sequence that matched."""
    prefix: str = ""
    """The proclitic stripped from the first word ("" when none)."""


class PhraseIndex:
    """Maps folded word sequences to payloads; finds the longest sequence starting at a word."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[int]] = {}
        """The lengths of the phrases each first word starts (longest first once sorted): a match looks each
        length up in ``_exact`` instead of comparing every phrase of a frequent first word (علی)."""
        self._exact: dict[tuple[str, ...], list[Any]] = {}
        self._firsts_cache: tuple[dict[str, tuple[tuple[str, str], ...]], ...] = ({}, {})
        self._startable: tuple[set[str], ...] = (set(), set())
        """The words of each cache that some indexed phrase may start with (a non-empty ``firsts``)."""
        self._unsorted: set[str] = set()
        """First words given a new phrase length since their lengths were last sorted."""
        self._forms: list[frozenset[str] | None] = [None, None]
        """A small index's words with a non-empty ``firsts``, without and with proclitics (built when first asked)."""

    def _sort(self) -> None:
        """Sort the phrase lengths of the first words given a new one: longest first."""
        for first in self._unsorted:
            self._by_first[first].sort(reverse=True)
        self._unsorted.clear()

    def add(self, phrase: str, payload: Any) -> None:
        """Index ``phrase`` (any spelling; folded here) with ``payload``."""
        key = tuple(f for f in (fold_token(w) for w in _WORD.findall(phrase)) if f)
        if not key:
            return
        if key not in self._exact:
            self._exact[key] = []
            lengths = self._by_first.setdefault(key[0], [])
            if len(key) not in lengths:
                lengths.append(len(key))
                self._unsorted.add(key[0])
            self._clear_firsts()
        if payload not in self._exact[key]:
            self._exact[key].append(payload)

    def _clear_firsts(self) -> None:
        for cache, startable in zip(self._firsts_cache, self._startable, strict=True):
            cache.clear()
            startable.clear()
        self._forms = [None, None]

    def _startable_forms(self, clitics: bool) -> frozenset[str] | None:
        """Every word whose ``firsts`` is not empty, for an index of at most SMALL_INDEX first words (else None):
        the first words, and (clitics) each behind a proclitic, its article merged into لل or kept after one."""
        if len(self._by_first) > SMALL_INDEX:
            return None
        forms = self._forms[clitics]
        if forms is None:
            found = set(self._by_first)
            for first in self._by_first if clitics else ():
                if len(first) >= _MIN_REST:
                    found.update(p + first for p in _PROCLITICS)
                if first.startswith("ال") and len(first) - 2 >= _MIN_REST:
                    found.update(p + first[2:] for p in _PROCLITICS if p.endswith(("لل", "ال")))
            forms = self._forms[clitics] = frozenset(found)
        return forms

    def add_all(self, rows: Iterable[tuple[str, Any]]) -> None:
        """Index many (phrase, payload) pairs."""
        for phrase, payload in rows:
            self.add(phrase, payload)

    def get(self, phrase: tuple[str, ...]) -> list[Any]:
        """The payloads of an exact folded word sequence."""
        return self._exact.get(phrase, [])

    def firsts(self, word: str, clitics: bool) -> tuple[tuple[str, str], ...]:
        """Indexed first words this word may be: itself, then (for clitic languages) without a proclitic."""
        cache = self._firsts_cache[clitics]
        cached = cache.get(word)
        if cached is not None:
            return cached
        indexed = self._by_first
        out = [(word, "")] if word in indexed else []
        if clitics and word[:1] in _PROCLITIC_INITIALS:
            for n in range(min(_LONGEST_PROCLITIC, len(word) - _MIN_REST), 0, -1):
                p = word[:n]
                if p in _PROCLITIC_SET:
                    rest = word[n:]
                    if p.endswith(("لل", "ال")) and "ال" + rest in indexed:
                        # لل + صين = ل + الصين; after ال, keep the article in the span. First: a name with the
                        # article (بالرياض: ب + الرياض) is read so before its bare form (رياض, also a given name)
                        out.append(("ال" + rest, p if p.endswith("لل") else p[:-2]))
                    if rest in indexed:
                        out.append((rest, p))
        found = tuple(out)
        if len(cache) >= FIRSTS_CACHE:
            cache.clear()  # start over: the frequent words come back first
            self._startable[clitics].clear()
        cache[word] = found
        if found:
            self._startable[clitics].add(word)
        return found

    def startable(self, toks: Tokens, lang: str | None) -> set[str] | frozenset[str]:
        """The distinct folded words of ``toks`` some phrase may start with."""
        clitics = lang in _CLITIC_LANGS
        forms = self._startable_forms(clitics)
        if forms is not None:
            return forms & toks.vocabulary
        words = toks.vocabulary
        can_start = self._startable[clitics] & words  # set operations: no Python loop over known words
        can_start.update(w for w in words.difference(self._firsts_cache[clitics]) if self.firsts(w, clitics))
        return can_start

    def starts(self, toks: Tokens, lang: str | None) -> list[int]:
        """The words where some phrase may start (a cheap filter before match())."""
        can_start = self.startable(toks, lang)
        return [i for i, w in enumerate(toks.folds) if w in can_start] if can_start else []

    def match(self, toks: Tokens, i: int, lang: str | None) -> Hit | None:
        """The longest phrase starting at word ``i`` (a proclitic may be stripped from that word)."""
        if self._unsorted:
            self._sort()
        folds = toks.folds
        clitics = lang in _CLITIC_LANGS
        firsts = self._firsts_cache[clitics].get(folds[i])
        if firsts is None:
            firsts = self.firsts(folds[i], clitics)
        if not firsts:
            return None
        best: tuple[int, str, list[Any], tuple[str, ...]] | None = None
        room = len(folds) - i
        exact = self._exact
        suffixed = lang in _SUFFIX_LANGS
        for first, cut in firsts:
            for n in self._by_first[first]:  # longest first
                if best is not None and n <= best[0] - i:
                    break
                if n > room:
                    continue
                key = (first, *folds[i + 1 : i + n])
                payloads = exact.get(key)
                if payloads is None and suffixed and n > 1 and key[-1].endswith(_YEH) and len(key[-1]) > 3:
                    # a Persian or Urdu ezafe or indefinite ی on a name of two words or more (آران نیوزی)
                    key = (*key[:-1], key[-1][:-1])
                    payloads = exact.get(key)
                if payloads is not None and (n == 1 or toks.joined(i, i + n)) and toks.whole(i, i + n):
                    best = (i + n, cut, payloads, key)
                    break
        if best is None:
            return None
        j, cut, payloads, key = best
        word = toks.word(i)
        start = toks.starts[i] + (original_offset(word, len(cut)) if cut else 0)
        return Hit(i, j, start, toks.ends[j - 1], tuple(payloads), key, cut)
