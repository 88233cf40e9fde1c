"""Repair of words split where a shadda or tanween was dropped in scraping ("تكب دت" -> "تكبدت").

When a scraper replaces a combining mark with a space, a word breaks right after the letter that bore it.
Two adjacent fragments are joined only when word-frequency data says the joined form is a real word and
far more likely than the fragments as two words (a unigram model with independent words), and the
fragments look like damage: one of them is rare, or the second is a lone letter that cannot stand alone;
a mark sits after a letter that can bear one, so fragments ending in alef or starting with the article are
never joined, nor are abbreviations ("د ب أ", "د.") or proclitics written apart with tatweel ("بـ").
False joins are worse than missed repairs, so everything doubtful stays apart.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from typing import Any

from ..model import Article
from ..registry import stage
from .normalize import frequency_dict

_MARKS = re.compile("[\u064b-\u065f\u0670\u00ad\u200c\u200d]")  # and invisible joiners
# Arabic-script words (with marks, tatweel and presentation forms, so "بـ" and "اﻷفلاج" stay whole).
_WORD = re.compile(
    "[\u00ad\u200c\u200d\u0621-\u065f\u0660-\u0669\u066e-\u06d3\u0670\ufb50-\ufdff\ufe70-\ufefc]+"
)
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
_TATWEEL = "\u0640"
# Lone letters that are never a fragment: و is a word, hamza letters stand alone in abbreviations and
# enumerations, and ب ل ك ف are proclitics that attach forward ("بـ 800"), not backward.
_NOT_FRAGMENTS = frozenset("وأإآءؤئبلكف")
# Lone letters that can never be a word or a label: tanween alef, alef maqsura, teh marbuta.
_FINAL_ONLY = frozenset("اىة")
# A mark sits after its letter: no fragment ends in a letter that takes none (alef, alef maqsura, teh
# marbuta, initial hamza alefs), and none starts with a word-initial alef or the article.
_NO_MARK_BEFORE = tuple("اىةآأإ")
_WORD_INITIAL = ("آ", "أ", "إ", "ال")
# Persian bound morphemes that are written apart on purpose (ZWNJ spacing): never joined here.
_FA_APART = frozenset(
    {"می", "نمی", "ها", "های", "ای", "ی", "تر", "ترین", "ام", "ات", "اش", "اند", "ایم", "اید", "هایی"}
)
# Proclitics that may precede a split word ("ويتمر نون", "ومد ة").
_PROCLITICS = re.compile("^[وف]?[بلك]?")
_PROCLITIC_LETTERS = frozenset("وفبلك")  # the letters _PROCLITICS may strip first
_LANGS = ("ar", "fa")
_PREFIX_MIN_ZIPF = 1.5  # rarer words add nothing to a prefix's mass worth their memory


@functools.cache
def _prefix_index(lang: str) -> tuple[list[str], list[float]]:
    """The words of ``lang`` sorted, with running sums of their frequencies (for prefix masses)."""
    freq = frequency_dict(lang)
    least = 10 ** (_PREFIX_MIN_ZIPF - 9)
    words = sorted(w for w, f in freq.items() if f >= least)
    return words, list(itertools.accumulate(freq[w] for w in words))


def _to_zipf(freq: float) -> float:
    return math.log10(freq) + 9 if freq > 0 else 0.0


def _continuations(left: str, joined: str, lang: str) -> float:
    """Zipf mass of the words that begin with ``left``, other than ``left`` itself and the ``joined`` word's family."""
    words, running = _prefix_index(lang)

    def mass(prefix: str) -> float:
        lo, hi = bisect.bisect_left(words, prefix), bisect.bisect_left(words, prefix + "\uffff")
        return running[hi - 1] - (running[lo - 1] if lo else 0.0) if hi > lo else 0.0

    freq = frequency_dict(lang)
    return _to_zipf(mass(left) - mass(joined) - freq.get(left, 0.0))


def _zipf(word: str, lang: str) -> float:
    return _to_zipf(frequency_dict(lang).get(word, 0.0))


@functools.lru_cache(maxsize=8)
def _common(lang: str, rare: float) -> frozenset[str]:
    """The words of ``lang`` that ``should_join`` counts as not rare (zipf ``rare`` or more)."""
    common = itertools.takewhile(lambda item: _to_zipf(item[1]) >= rare, frequency_dict(lang).items())
    return frozenset(w for w, _ in common)  # the table is ordered by decreasing frequency


def should_join(
    left: str,
    right: str,
    lang: str,
    *,
    min_zipf: float,
    margin: float,
    rare: float,
    letter_drop: float,
    prefix_gain: float,
) -> bool:
    """Whether ``left right`` (marks removed, no proclitic on ``left``) is one word split by a dropped mark.

    A lone-letter ``right`` is damage when the joined word is known and not much rarer than ``left``
    (``letter_drop`` zipf for ا ى ة, which are never words; a third of that for consonants, which can be
    labels such as "سكن د"). Otherwise one fragment must be rare, the joined word at least as frequent as
    ``left`` and ``margin`` zipf more likely than the two fragments as independent words, and ``left`` must
    begin other words ``prefix_gain`` zipf more often than it stands alone.
    """
    if len(left) < 2 or not right or left.endswith(_NO_MARK_BEFORE) or right.startswith(_WORD_INITIAL):
        return False
    if lang == "fa" and (left in _FA_APART or right in _FA_APART):
        return False
    joined, z_left = _zipf(left + right, lang), _zipf(left, lang)
    if joined < min_zipf:
        return False
    if len(right) == 1:
        if right in _NOT_FRAGMENTS:
            return False
        return joined - z_left >= (-letter_drop if right in _FINAL_ONLY else -letter_drop / 3)
    if left.endswith("و") and _zipf(left[:-1], lang) >= rare and _zipf("و" + right, lang):
        return False  # a misplaced space before the conjunction ("عزو جل" for "عز وجل"), not a lost mark
    z_right = _zipf(right, lang)
    # log10 P(joined) against log10 P(left) + log10 P(right), both on the zipf scale (+9 per word).
    if min(z_left, z_right) >= rare or joined < z_left or joined - (z_left + z_right - 9) < margin:
        return False
    # A true fragment begins many other words; a word written apart from its partner ("البريمير ليغ",
    # "نتن ياهو") mostly stands alone.
    return _continuations(left, left + right, lang) - z_left >= prefix_gain


def _core(left: str, right: str, lang: str) -> int:
    """How many letters of ``left`` are proclitics: when the bare fragment and the bare joined word are
    both likelier than with them ("ومد ة"; but "كيف هم" and "فكرو ا" keep their first letters)."""
    cut = len(_PROCLITICS.match(left).group())  # type: ignore[union-attr]
    if not cut:
        return 0
    bare_left, bare_joined = (
        _zipf(left[cut:], lang) > _zipf(left, lang),
        _zipf(left[cut:] + right, lang) > _zipf(left + right, lang),
    )
    return cut if cut and bare_left and bare_joined else 0


def _abbreviation(text: str, words: list[tuple[int, int, str]], i: int) -> bool:
    """A lone letter beside pair ``i, i+1`` ("د ب أ", "أ ف ب") or a lone letter with a dot ("د.")."""
    s1, e2 = words[i][0], words[i + 1][1]
    before = i > 0 and len(words[i - 1][2]) == 1 and words[i - 1][1] + 1 == s1
    after = i + 2 < len(words) and len(words[i + 2][2]) == 1 and e2 + 1 == words[i + 2][0]
    return before or after or (len(words[i + 1][2]) == 1 and text[e2 : e2 + 1] == ".")


def _words(text: str) -> tuple[list[tuple[int, int, str]], list[str]]:
    """The Arabic-script words of ``text`` as (start, end, word without marks), and the text between each
    two (regex calls over the whole text, not one per word)."""
    parts = _WORD_SPLIT.split(text)  # gap, word, gap, word, ..., gap
    raw = parts[1::2]
    bare = _MARKS.sub("", "\n".join(raw)).split("\n") if _MARKS.search(text) else raw
    offsets = list(itertools.accumulate(map(len, parts)))
    return list(zip(offsets[0:-1:2], offsets[1::2], bare, strict=True)), parts[2:-1:2]


@functools.lru_cache(maxsize=50_000)
def _bare(word: str) -> str:
    """``word`` without the proclitics _PROCLITICS matches."""
    return _PROCLITICS.sub("", word, 1)


def find_splits(text: str, lang: str, **rule: float) -> list[tuple[int, int]]:
    """(start, end) of every split word in ``text``: both fragments and the space, without leading proclitics."""
    words, gaps = _words(text)
    bare = [w for _, _, w in words]
    known = frequency_dict(lang) if rule["min_zipf"] > 0 else None
    common = _common(lang, rule["rare"])
    # Pairs one space apart that should_join's first test lets through (whatever proclitics _core cuts);
    # with a frequency floor, only those of which some joined form is a word (should_join would refuse
    # the rest, at several times the cost; the letter tests first: they spare most lookups in the table,
    # and the lookup without proclitics comes last: it strips them only from the few pairs left).
    pairs = [
        i
        for i, (gap, left, right) in enumerate(zip(gaps, bare[:-1], bare[1:], strict=True))
        if gap == " "
        and not left.endswith(_NO_MARK_BEFORE)
        and not right.startswith(_WORD_INITIAL)
        # should_join refuses two common words (also with the proclitics _core may cut from ``left``)
        and not (
            len(right) > 1
            and right in common
            and left in common
            and (left[:1] not in _PROCLITIC_LETTERS or _bare(left) in common)
        )
        and (
            known is None
            or left + right in known
            or (left[:1] in _PROCLITIC_LETTERS and _bare(left) + right in known)
        )
    ]
    found: list[tuple[int, int]] = []
    for i in pairs:
        (s1, _, left), (_, e2, right) = words[i], words[i + 1]
        if (
            (found and found[-1][1] > s1)
            or _TATWEEL in left
            or _TATWEEL in right
            or _abbreviation(text, words, i)
        ):
            continue  # already joined to the word before, a proclitic written apart, or an abbreviation
        cut = _core(left, right, lang)
        if should_join(left[cut:], right, lang, **rule):
            found.append((s1 + cut, e2))
    return found


def _shift(offset: int, moves: list[int]) -> int:
    """``offset`` in the old text mapped to the new one; ``moves`` are old offsets of removed spaces."""
    return offset - bisect.bisect_left(moves, offset)


def _shift_spans(items: list[dict[str, Any]], moves: list[int]) -> None:
    for item in items:
        for key in ("start", "end"):
            if isinstance(item.get(key), int):
                item[key] = _shift(item[key], moves)


@stage("khabar.text.split_words.v1", assigns=("text", "repairs"), requires=("text", "lang"))
def split_words(
    article: Article,
    *,
    min_zipf: float = 1.5,
    margin: float = 4.5,
    rare: float = 3.0,
    letter_drop: float = 1.5,
    prefix_gain: float = 2.0,
    languages: tuple[str, ...] = _LANGS,
) -> Article:
    """Join words split by a dropped shadda or tanween in ar/fa text; record each repair with its new offset.

    Offsets that earlier stages recorded in ``text`` (lang_spans, date_refs, earlier joins still in the
    text) are shifted to match; on a rerun over repaired text the earlier records stay.
    """
    text = article.text
    article.repairs = [
        r
        for r in article.repairs
        if r.get("kind") != "split_word" or text[r["start"] : r["start"] + len(r["to"])] == r["to"]
    ]
    if article.lang not in languages or not text:
        return article
    splits = find_splits(
        text,
        article.lang,
        min_zipf=min_zipf,
        margin=margin,
        rare=rare,
        letter_drop=letter_drop,
        prefix_gain=prefix_gain,
    )
    if not splits:
        return article
    parts: list[str] = []
    moves: list[int] = []
    pos = 0
    for start, end in splits:
        parts.append(text[pos:start])
        new_start = start - len(moves)
        repaired = text[start:end].replace(" ", "", 1)
        parts.append(repaired)
        moves.append(text.index(" ", start, end))
        article.repairs.append(
            {"from": text[start:end], "to": repaired, "start": new_start, "kind": "split_word"}
        )
        pos = end
    parts.append(text[pos:])
    article.text = "".join(parts)
    _shift_spans(article.repairs[: -len(splits)], moves)
    _shift_spans(article.lang_spans, moves)
    _shift_spans(article.date_refs, moves)
    return article
