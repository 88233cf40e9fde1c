"""Towns no gazetteer has, named as towns by the word before them ("محافظة أملج", "بلدية بقيق", "city of Homs")
or, in English, after them ("Aceh province", "Hennepin County").

A settlement cue without the article (a noun in construct, or "city of") names the word after it as a town:
the word is then a place wherever the text uses it, bare or behind a one-letter proclitic (ببقيق), and never
a person ("محافظ أملج" is the governor of Umluj). Adjectives and common nouns after a cue are no names: the
word must be rare in the language, and an Arabic one without the article must not end like a feminine
adjective (محافظة ساحلية, a coastal governorate). A cue that follows its place (``settlement_cues_after.tsv``)
names a one-word capitalised name right before it, not the last word of a longer one ("Los Angeles County").
"""

from __future__ import annotations

import functools

from ..text.normalize import fold
from .matcher import Tokens, after_lexicon_word, folded_lexicon, gazetteer_words, is_latin, zipf

TOWN_ZIPF = 4.5
"""A word after a cue at least this frequent is a common word (محافظة على, "keeping to"), not a name; a town's
name may be a word too (حقل, Haql, is "field")."""
ARTICLE_MARGIN = 0.5
"""A name with the article is this much commoner than without it (القطيف 4.28, قطيف 2.05); a noun or an
adjective is about as common either way (الملاهي 3.43, ملاهي 3.36: مدينة الملاهي, an amusement park)."""
STEM_ZIPF = 3.0
"""A word behind a one-letter proclitic whose stem is this frequent is that word (وأهاليها), not a name."""
_ONE_LETTER = ("و", "ف", "ب", "ل")
_FEMININE_ADJECTIVE = fold("ية")
_ARTICLE = "ال"


PLACE_PREPOSITION_LANGS = frozenset({"ar"})
"""Where :func:`after_place_preposition` can tell a name from a noun: Arabic, by the article a noun takes."""
FUNCTION_WORD_ZIPF = 5.5
"""A word this frequent after a preposition is a function word (عنه "about him", بأنه "that it"), whatever it
also names (Anah in Iraq, Baneh in Iran); the commonest towns' names stay below it (غزة 5.12)."""
NOUN_ARTICLE_ZIPF = 3.5
"""A word without the article that is this frequent with it is a noun (حقل "field": الحقل 4.09), not a name (صعدة:
الصعدة 1.01; غزة 1.71)."""
_PREFIX_IN = ("ب", "وب", "فب")  # the proclitic preposition "in" (بصعدة)
_PREFIXED_LETTERS = 4  # a shorter name behind ب is often part of another word (وبكين: and Beijing, not Caen)
_TANWEEN = "\u064b"  # an indefinite noun's ending (بنكاً, a bank), which no place name takes


def after_place_preposition(toks: Tokens, k: int, prefix: str, lang: str | None) -> bool:
    """Word k (behind the proclitic ``prefix``) follows a preposition of place and is no common noun or adjective:
    in Arabic, a name without the article is rare with it, and one with it is much commoner than without it.

    After a preposition a word is no verb, so a town whose name is also a verb (ينبع, تدمر) or that its own
    press makes as frequent as a word (صعدة, مأرب, غزة) reads as a place there ("في صعدة", "بمأرب"); "في حقل" (in
    a field) does not."""
    if lang not in PLACE_PREPOSITION_LANGS:
        return False
    if prefix not in _PREFIX_IN and (
        prefix or not after_lexicon_word(toks, k, lang, "gazetteer", "place_prepositions.tsv")
    ):
        return False
    word = toks.word(k)[len(prefix) :]
    folded = fold(word)
    if zipf(word, lang) >= FUNCTION_WORD_ZIPF or word.endswith(_TANWEEN):
        return False
    if prefix and len(folded) < _PREFIXED_LETTERS:
        return False
    if folded.startswith(_ARTICLE):
        return _name_with_article(word, lang)
    return zipf(_ARTICLE + word, lang) < NOUN_ARTICLE_ZIPF


def _name_with_article(word: str, lang: str) -> bool:
    """A word with the article is a name when it is ``ARTICLE_MARGIN`` commoner with it than without it."""
    return zipf(word[2:], lang) <= zipf(word, lang) - ARTICLE_MARGIN


@functools.lru_cache(maxsize=16)
def _cues(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The folded one-word cues of ``lang``, bare and behind a one-letter proclitic, and the two-word ones."""
    phrases = [p for p, cue_lang in folded_lexicon("gazetteer", "settlement_cues.tsv") if cue_lang == lang]
    one = [p for p in phrases if " " not in p]
    return frozenset(one + [c + p for p in one for c in _ONE_LETTER]), frozenset(
        p for p in phrases if " " in p
    )


def _is_name(toks: Tokens, k: int, lang: str, cue_after: bool = False) -> bool:
    """Word k, after a cue (or, ``cue_after``, before one), is a town's name rather than an adjective or a
    common word."""
    folded = toks.folds[k]
    word = toks.word(k)
    if len(folded) < 3 or not folded.isalpha() or not toks.whole(k, k + 1):
        return False
    if is_latin(word) and not (word[0].isupper() and (cue_after or _ends_name(toks, k))):
        return False  # lowercase; or the first word of a longer name ("city of Brotherly Love")
    frequency = zipf(word, lang)
    if frequency >= TOWN_ZIPF:
        return False
    if folded.startswith(_ARTICLE):
        return _name_with_article(word, lang)
    if folded.endswith(_FEMININE_ADJECTIVE):
        return False
    return not (lang == "ar" and folded.startswith(_ONE_LETTER) and zipf(word[1:], lang) >= STEM_ZIPF)


def _ends_name(toks: Tokens, k: int) -> bool:
    """Word k, capitalised, is not followed by another capitalised word of the same name (only spaces between)."""
    return k + 1 >= len(toks) or bool(toks.gap(k).strip()) or not toks.word(k + 1)[:1].isupper()


def cued_towns(toks: Tokens, lang: str | None, covered: list[str | None]) -> set[str]:
    """The folded words of ``toks`` that a settlement cue names as towns, none of them in a gazetteer hit."""
    if not lang:
        return set()
    one, two = _cues(lang)
    after = gazetteer_words(
        "settlement_cues_after.tsv", lang
    )  # cues that follow their place ("Aceh province")
    if (
        one.isdisjoint(toks.vocabulary)
        and after.isdisjoint(toks.vocabulary)
        and not any(p.split()[-1] in toks.vocabulary for p in two)
    ):
        return set()
    folds = toks.folds
    out: set[str] = set()
    for k in range(len(folds)):
        cued = k > 0 and (folds[k - 1] in one or (k > 1 and f"{folds[k - 2]} {folds[k - 1]}" in two))
        before = k + 1 < len(folds) and folds[k + 1] in after
        if (cued and covered[k] is None and not toks.gap(k - 1).strip() and _is_name(toks, k, lang)) or (
            before and _named_before(toks, k, covered, lang)
        ):
            out.add(folds[k])
    return out


def _named_before(toks: Tokens, k: int, covered: list[str | None], lang: str) -> bool:
    """Word k, right before a cue that follows its place ("Aceh province"), is a one-word name: capitalised,
    rare, in no gazetteer hit, and no capitalised word before it but a sentence's first ("The Hennepin County";
    not the last word of a longer name: "Los Angeles County")."""
    alone = (
        k == 0
        or bool(toks.gap(k - 1).strip())
        or not toks.word(k - 1)[:1].isupper()
        or toks.folds[k - 1] in gazetteer_words("name_stops.tsv", lang)
    )
    return (
        covered[k] is None and not toks.gap(k).strip() and alone and _is_name(toks, k, lang, cue_after=True)
    )


def town_words(toks: Tokens, towns: set[str], covered: list[str | None]) -> list[tuple[int, int, str]]:
    """(word, characters of a proclitic before the name, folded name) for every word outside gazetteer hits
    that names one of ``towns``, bare or behind a one-letter proclitic."""
    out = []
    for k, folded in enumerate(toks.folds):
        if covered[k] is not None or not toks.whole(k, k + 1):
            continue
        if folded in towns and not (is_latin(folded) and toks.word(k)[:1].islower()):
            out.append((k, 0, folded))
        elif folded[:1] in _ONE_LETTER and folded[1:] in towns and toks.word(k)[0] == folded[0]:
            out.append((k, 1, folded[1:]))
    return out
