"""Organisations no gazetteer has: a head noun (حزب، شركة، معهد، جامعة، منتخب؛ سازمان، تیم) and the name that
follows it.

After the head come the words of the name: words with the article (genitives and adjectives: "البنك المركزي
الأوروبي"), places and nationality adjectives the gazetteer found ("منتخب إيطاليا", "حزب التجمع المصري") and
rare words that look foreign (proper names: "شركة توتال", "معهد كارولينسكا"). The phrase is an organisation
only when one of them is a place, a nationality adjective with the article, a rare foreign-looking word, or
(after a head without the article) a rare word with the article: a head with common words after it is a
description ("اللجنة المنظمة", "حركة المرور", "شركة روسية"), not a name.

Persian has no article to mark a genitive: after the head come common words ("شرکت نفت ایران"), and the
name ends at its last place or rare foreign-looking word ("تیم ایران", "باشگاه پرسپولیس"). A nationality
adjective there describes ("تیم ایرانی", an Iranian team), and after the first place or proper name a common
word ends the name ("تیم ایران برابر ژاپن").
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from .foreign import foreignness
from .matcher import Tokens, gazetteer_words, is_latin, original_offset, zipf
from .names import CLITICS, PREPOSITION_ARTICLE, clean_gap

NAME_WORD_ZIPF = 3.5
"""A word rarer than this after an organisation's head is a proper name (أرامكو, رويان)."""
MAX_WORDS = 4
"""Words of the name after its head, at most."""
FUNCTION_WORD_ZIPF = 5.5
"""A word with the article this frequent is a function word or an adverb (الذي, التي, اليوم), no name's."""
PROCLITIC_STEM_ZIPF = 3.0
_ARTICLE_STARTS = ("ال", *PREPOSITION_ARTICLE)


_HEAD_PREFIXES = (
    ("", "", 0), ("ال", "ال", 0), ("و", "", 1), ("ف", "", 1), ("ب", "", 1), ("ل", "", 1),
    ("وال", "ال", 1), ("فال", "ال", 1), ("بال", "ال", 1), ("لل", "ال", 0),
)  # fmt: skip
"""(prefix, what the name keeps of it, letters of it the mention leaves out): a head bare, with the article,
behind a proclitic, or both (للجنة is ل + اللجنة: the mention keeps its word whole)."""


class _Head(NamedTuple):
    name: str
    """The head as the name spells it, folded, without a proclitic (النادي for لنادي or للنادي)."""
    prefix: str
    """What stands before the head noun in the text (ل, لل, وال)."""
    kept: str
    """What the name keeps of the prefix (ال of وال and of لل)."""
    cut: int
    """Letters of the prefix that the mention leaves out."""


class OrgName(NamedTuple):
    """An organisation named by a head noun, words ``i`` to ``j - 1``."""

    i: int
    j: int
    start: int
    """Where the mention starts in the text: after a proclitic on the head that the name leaves out."""
    key: str
    """The folded name without the proclitic: "لنادي برشلونة" and "نادي برشلونة" are one name."""
    display: str
    """The name as the text spells it, without the proclitic: "الاتحاد السعودي" for "للاتحاد السعودي"."""


@functools.cache
def _heads(lang: str) -> dict[str, _Head]:
    """Each folded form of a head noun of ``lang``, bare or behind a proclitic (Arabic's; a Persian head is a
    word of its own) -> how the name reads it."""
    out: dict[str, _Head] = {}
    for prefix, kept, cut in _HEAD_PREFIXES if lang == "ar" else (("", "", 0),):
        for word in sorted(gazetteer_words("org_heads.tsv", lang)):
            out.setdefault(prefix + word, _Head(kept + word, prefix, kept, cut))
    return out


def named_orgs(
    toks: Tokens, lang: str | None, covered: list[str | None], hit_end: list[int]
) -> list[OrgName]:
    """Organisations named by a head noun and the name after it (Arabic and Persian; English's are
    :mod:`.english_orgs`)."""
    heads = _heads(lang or "")
    present = heads.keys() & toks.vocabulary  # most texts hold a few heads: only their words are looked at
    if not present:
        return []
    out: list[OrgName] = []
    done = 0
    for k in (k for k, folded in enumerate(toks.folds) if folded in present):
        if k < done or covered[k] is not None:
            continue
        head = heads[toks.folds[k]]
        j = _name_end(toks, k + 1, covered, hit_end, lang or "", definite=head.name.startswith("ال"))
        if j > k + 1:
            word, begins = toks.word(k), toks.starts[k]
            display = (
                head.kept + toks.text[begins + original_offset(word, len(head.prefix)) : toks.ends[j - 1]]
            )
            key = " ".join([head.name, *toks.folds[k + 1 : j]])
            out.append(OrgName(k, j, begins + original_offset(word, head.cut), key, display))
            done = j
    return out


def _name_end(
    toks: Tokens, k: int, covered: list[str | None], hit_end: list[int], lang: str, definite: bool
) -> int:
    """The end of the name after a head at word k-1; k when it names nothing (no place, adjective or rare word).

    Rare words (a proper name) come right after a head without the article or after each other; once a word
    with the article or a place comes, only words with the article follow (an indefinite word after them is the
    sentence's: "البنك المركزي الإيطالي إضرابا"). After a head with the article (``definite``) only a place or
    a nationality adjective names an organisation ("البنك المركزي السويدي"; "الشركات المتعثرة" describes
    some). A very frequent word with the article (الذي, اليوم) ends the name. Without an article (Persian), see
    the module's docstring."""
    arabic = lang == "ar"
    j, named, last_named, by_article = k, False, k, not definite
    while j < len(toks) and j - k < MAX_WORDS and clean_gap(toks, j - 1, allow_comma=False):
        cov, folded, word = covered[j], toks.folds[j], toks.word(j)
        article = arabic and folded.startswith(_ARTICLE_STARTS)
        if arabic and folded.startswith("و") and zipf(word[1:], lang) >= PROCLITIC_STEM_ZIPF:
            break  # a conjunction: "الاتحاد السوفييتي والصين"
        if cov == "PLACE" or (cov or "").startswith("ADJ:"):
            if cov != "PLACE" and not definite and not article:
                break  # an indefinite head and adjective describe one: "شركة ألمانية", a German company
            j = hit_end[j]
            named, last_named, definite = True, j, arabic
        elif cov is not None or not folded.isalpha():
            break
        elif article and not folded.startswith(PREPOSITION_ARTICLE):
            if zipf(word, lang) >= FUNCTION_WORD_ZIPF:
                break
            j, definite = j + 1, True
            if by_article and zipf(word, lang) < NAME_WORD_ZIPF:
                named, last_named = True, j
        elif not definite and _proper(word, folded, lang):
            j += 1
            named, last_named = True, j
        elif not arabic and not named and zipf(word, lang) < FUNCTION_WORD_ZIPF:
            j += 1  # a common word of a Persian name, before its place or proper name: "شرکت نفت ایران"
        else:
            break
    return last_named if named else k


def _proper(word: str, folded: str, lang: str) -> bool:
    """A rare word without the article that looks foreign or is in Latin script (توتال, لوزان, Apple), not a verb
    (أجازت) nor an Arabic proclitic on a word of the language (لتخفض, ببرقية)."""
    if zipf(word, lang) >= NAME_WORD_ZIPF:
        return False
    if lang == "ar" and (
        folded.startswith(_ARTICLE_STARTS)
        or (folded[0] in CLITICS and zipf(word[1:], lang) >= PROCLITIC_STEM_ZIPF)
    ):
        return False
    return is_latin(folded) or foreignness(folded, lang) > 0
