"""Persons no gazetteer has: role triggers, known given names and Persian «» followed or filled by name words."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate, islice
from typing import Literal

from ..text.calendars import latin_weekdays
from .foreign import foreignness
from .linking import SON_OF
from .matcher import PhraseIndex, Tokens, after_lexicon_word, is_latin, original_offset, title_case, zipf
from .quotes import quote_lexicon

NAME_ZIPF = 4.6
"""Words at least this frequent in the article's language are common words: they end a name."""
SINGLE_ZIPF = 4.4
"""A lone name word after a trigger ("الرئيس بوتين") must be rarer than this."""
HONORIFIC_ROLES = frozenset({"honorific"})
"""Trigger roles (gazetteer/triggers.tsv) of titles put before a name only: forms of address (آقای, السيد, Dr).
Not a cleric's: البابا and الإمام also stand alone for the office ("وصف البابا تطاولا")."""
MAX_NAME_WORDS = 3
MAX_SKIP = 6
_STOP_GAP = frozenset(".:;!?؟۔؛\"'“”«»()[]{}\n")
_COMMAS = frozenset(",،")
_CONJ = ("و", "ف", "ب", "ل")
_OPEN_QUOTE = re.compile("«")
CLITICS = frozenset("وفبلک")
"""Folded one-letter Arabic proclitics (conjunctions and prepositions)."""
LATIN_NAME_ZIPF = 5.8
HEADLINE_NAME_ZIPF = 4.0
"""In a title-case headline a capitalised Latin-script word this frequent is a word ("Lindsay Lohan | Checks")."""
ARTICLE_NAME_ZIPF = 4.0
FAMILY_NAME_ZIPF = 4.45  # the commonest nisbas: الحربي 4.43, المالكي 4.37; not الجامعي 4.53, الحوثي 4.51
Articles = Literal["none", "rare"]
"""Which words with the article may go on a name after its first word: none (after a role word and a word
that is no given name); or family names (nisbas and given names with the article, see :func:`_article_name`)
and rare words that are no plural (الفيصل, الدعيع; not the verb's object in "الأمير سعود المهنئين"), after a
given name."""
CLITIC_STEM_ZIPF = 4.0
CONJUNCTION_STEM_ZIPF = 3.0
"""After a name's first word, و on a word this common and commoner than the whole ends the name: the next
word is joined to the sentence ("عادل وناجز", "جورج بوش وفشله"), not a name's part (وهبي, وحيد)."""
NAME_LINKS = frozenset({"عبد", "ابو", "ابی", "بن", "ابن", "بنت", "ام", "ال"})
"""Folded Arabic words that link name parts and never end a name."""
SEYYED = frozenset({"سید", "سیده"})
"""Folded Persian words for a descendant of the Prophet that begin a name and count as none of its words."""
LINEAGE_LINKS = SON_OF | {"ال"}
"""The links of a lineage (son of, daughter of, family of): a name goes on past them (فهد بن عبدالله آل سعود)."""
PREPOSITION_ARTICLE = ("لل", "بال", "وال", "فال", "كال", "کال")
"""Folded starts of an Arabic word that is a preposition or conjunction with the article (للصحفيين، والتطرف)."""
WORD_ZIPF = 2.5
"""A token at least this frequent is a word of its own, not a proclitic on a given name."""


@dataclass(frozen=True, slots=True)
class PersonSpan:
    """A person name found by rule: words [i, j), the country of a nationality adjective next to its trigger."""

    i: int
    j: int
    country: str | None
    role: str | None
    cut: int = 0
    """Characters of word i before the name (a conjunction: وألكسندر)."""
    part: bool = False
    """Words of a longer name, no mention of a person: an institution's or a place's named after one (مستشفى
    الملك فهد), or the father's name after a person's (محمد بن سلمان بن عبد العزيز)."""


@dataclass
class Context:
    """What the rules look at: the tokens, the article language, and what the gazetteer already covers."""

    toks: Tokens
    lang: str | None
    covered: list[str | None]
    """Per word: None, or the type of the gazetteer hit on it ("PLACE", "ORG", "PERSON", "ADJ:<country>")."""
    hit_end: list[int]
    """Per word: the end word of the gazetteer hit on it (or the word itself + 1)."""
    triggers: PhraseIndex
    given: frozenset[str]
    known: Callable[[str], bool]
    """True for a word the document already uses as a surname."""
    family: frozenset[str] = frozenset()
    """Folded family names of the language, which go on a name however common a word they are."""
    _counts: Counter[str] | None = None

    def count(self, word: str) -> int:
        """How often a folded word occurs in the text."""
        if self._counts is None:
            self._counts = Counter(self.toks.folds)
        return self._counts[word]

    def zipf(self, k: int) -> float:
        """The frequency of word k in the article's language (original spelling)."""
        return zipf(self.toks.word(k), self.lang or "en")


def clean_gap(toks: Tokens, k: int, allow_comma: bool) -> bool:
    """Whether only spaces (and, with ``allow_comma``, commas) stand between words k and k+1: no sentence or
    clause punctuation, quote or bracket."""
    gap = toks.gap(k)
    return _STOP_GAP.isdisjoint(gap) and (allow_comma or _COMMAS.isdisjoint(gap))


def _is_given(ctx: Context, k: int, listed: bool = False) -> bool:
    """Word k is a given name (capitalised, in a cased script), or (Arabic) و/ف/ب/ل and one, unless the whole
    token is itself a word ("فرضا" is "they imposed", not "ف + رضا"); ``listed`` (a name ends right before it):
    و and a given name start the next name of a list, however frequent the token (وإبراهيم)."""
    f = ctx.toks.folds[k]
    if f in ctx.given:
        # in a cased script a name is capitalised: "the Doctor can regenerate" is not the Turkish Can
        if is_latin(f) and not ctx.toks.text[ctx.toks.starts[k]].isupper():
            return False
        return not ctx.triggers.get((f,))  # أمير, شاه: a role word names the role ("بن نايف أمير المنطقة")
    return (
        ctx.lang == "ar"
        and f[:1] in _CONJ
        and f[1:] in ctx.given
        and ((listed and f[0] == "و") or ctx.zipf(k) < WORD_ZIPF)
    )


def _is_name_word(ctx: Context, k: int, first: bool, articles: Articles) -> bool:
    """Word k may be part of a name: not covered, not a trigger, not a common word of the language."""
    if k >= len(ctx.toks) or ctx.covered[k] is not None or not ctx.toks.whole(k, k + 1):
        return False
    f = ctx.toks.folds[k]
    if not first and f in NAME_LINKS:
        return True  # بن, عبد, أبو: frequent words, which inside a name link its parts (سعود بن نايف)
    if first and _is_given(ctx, k):
        return True
    if len(f) < 2 or not f.isalpha() or ctx.triggers.get((f,)) or f in _reporting_verbs(ctx.lang):
        return False
    if is_latin(f):
        if not first and _lower_link(ctx, k):  # Khalid al-Falih, Tariq bin Ahmed: a link inside a name
            return _latin_link(ctx, k, articles)
        frequency = ctx.zipf(k)
        return (
            ctx.toks.text[ctx.toks.starts[k]].isupper()
            and f not in latin_weekdays()  # "said Hasim Rahman Saturday": no name's part
            and frequency < LATIN_NAME_ZIPF
            and not (frequency >= HEADLINE_NAME_ZIPF and title_case(ctx.toks, k))
        )
    if f.startswith("ال") and (first or not _article_name(ctx, k, articles)):
        return False
    if ctx.lang == "ar" and f.startswith(PREPOSITION_ARTICLE):
        return False  # a preposition or conjunction with the article (للصحفيين, بالوزير) never starts a name word
    if not first and f not in ctx.given and _is_given(ctx, k):
        return False  # "بوتين وألكسندر": a conjunction starts the next name
    if not first and (f in ctx.given or f in ctx.family):
        return True  # a father's or a family name, however common a word it is too (محمد مساعد, احمد شریف)
    z = ctx.zipf(k)
    if z >= NAME_ZIPF:
        return False
    word = ctx.toks.word(k)
    if _TANWEEN in word:
        return False  # an indefinite noun or adverb marked as one (اتصالاً هاتفيًا, معسكرًا تدريبيًا): no name
    if ctx.lang != "ar":
        return True
    if _inflected(word, z):
        return False  # a common word with a pronoun suffix (برنامجه, حياتهم, بقدراتها) ends a name
    if _accusative(word, f, z):
        return False  # an indefinite accusative without its mark (اعتبارا, أميرا): "حسين حبري اعتبارا من"
    if f[0] in _VERB_PREFIXES and foreignness(f, "ar") < VERB_FOREIGNNESS:
        return False  # a verb or a verbal noun after the name: "محمد عبده يقلل", "جون تعيين"
    if f[0] in CLITICS:
        stem = zipf(word[1:], "ar")
        floor = CONJUNCTION_STEM_ZIPF if f[0] == "و" and not first else CLITIC_STEM_ZIPF
        return not (stem >= floor and stem > z)  # not a preposition or conjunction on a common word (لشؤون)
    return True


_LATIN_LINKS = frozenset({"al", "el", "bin", "ben", "ibn", "bint", "ould"})
"""Romanized links of Arabic names, written in lower case inside a name (al-Falih, el-Sisi, bin Salman; French
ben Salmane)."""


def _lower_link(ctx: Context, k: int) -> bool:
    """Word k is a :data:`_LATIN_LINKS` word in lower case."""
    return ctx.toks.folds[k] in _LATIN_LINKS and ctx.toks.text[ctx.toks.starts[k]].islower()


def _latin_link(ctx: Context, k: int, articles: Articles) -> bool:
    """Word k, a :func:`_lower_link`, links a name to the name word right after it (the article by a hyphen, the
    others by a space)."""
    toks = ctx.toks
    gap = "-" if toks.folds[k] in ("al", "el") else " "
    return (
        toks.gap(k) == gap
        and _is_name_word(ctx, k + 1, False, articles)
        and toks.text[toks.starts[k + 1]].isupper()
    )


_TANWEEN = "\u064b"
"""The fathatan of an indefinite accusative (ًا), which writers put on nouns and adverbs, never on a name."""
_VERB_PREFIXES = "یت"
VERB_FOREIGNNESS = -0.5
"""A word that begins as an Arabic imperfect verb or verbal noun does (ي, ت: يقلل, تعيين) and looks at least this
native (:func:`~khabar.extract.foreign.foreignness`) is no name's part; foreign names that begin so look
foreign (تاتشر 0.20, يلتسين -0.06), and Arab given names are listed (يعقوب)."""
PRONOUN_SUFFIXES = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه")
"""Arabic attached pronouns, as written (ه, not the ة of a feminine name: حمامة)."""
SUFFIX_STEM_ZIPF = 4.0
PLURAL_SUFFIX_STEM_ZIPF = 3.0
"""A plural pronoun suffix (هم, هن, كم, هما, كما) marks a noun more surely than ه or ها, which end names too
(طه, مها): a stem this frequent will do (زوجاتهم: زوجات 3.9, "their wives", after the given name أسماء)."""
_PLURAL_SUFFIXES = frozenset({"هما", "كما", "هم", "هن", "كم"})


def _inflected(word: str, z: float) -> bool:
    """An Arabic word (of zipf ``z``) is a common word with a pronoun suffix, perhaps behind a proclitic: its stem
    is at least SUFFIX_STEM_ZIPF frequent (PLURAL_SUFFIX_STEM_ZIPF with a plural suffix) and commoner than the
    whole (حياتهم: حياة; بقدراتها: قدرات)."""
    suffix = next((x for x in PRONOUN_SUFFIXES if word.endswith(x)), "")
    base = word[: -len(suffix)] if suffix else ""
    if len(base) < 3:
        return False
    stems = [base, base[1:]] if base[0] in _CONJ else [base]
    stems += [stem[:-1] + "ة" for stem in stems if stem.endswith("ت")]
    best = max(zipf(stem, "ar") for stem in stems)
    return best >= (PLURAL_SUFFIX_STEM_ZIPF if suffix in _PLURAL_SUFFIXES else SUFFIX_STEM_ZIPF) and best > z


ACCUSATIVE_STEM_ZIPF = 3.0
ACCUSATIVE_FOREIGNNESS = 0.5
"""Foreign names that end in alef and are words without it look this foreign or more: فارغا (Varga) 1.15,
شيبا 0.81, كاميا 0.75, مارا 0.64; accusatives less (مديرا 0.04, أميرا 0.18, كافرا 0.42, أساسا 0.41)."""


def _accusative(word: str, folded: str, z: float) -> bool:
    """An Arabic word (``folded``, of zipf ``z``) ends in the alef of an indefinite accusative written without
    its mark: without that alef it is a word at least ACCUSATIVE_STEM_ZIPF frequent and commoner than the whole
    (اعتبارا: اعتبار, مقلدا: مقلد), and it does not look foreign (ACCUSATIVE_FOREIGNNESS). A foreign name that
    ends in alef is mostly no word without it (كونديرا, أوباما); a word with the article takes no tanween."""
    if len(word) < 4 or not word.endswith("ا") or word.startswith("ال"):
        return False
    stem = zipf(word[:-1], "ar")
    return stem >= ACCUSATIVE_STEM_ZIPF and stem > z and foreignness(folded, "ar") < ACCUSATIVE_FOREIGNNESS


@functools.lru_cache(maxsize=16)  # one per language met: bounded
def _reporting_verbs(lang: str | None) -> frozenset[str]:
    """The reporting verbs of ``lang`` in the quotes lexicon, folded (افزود, گفتند, قالت): the word after a name,
    never its part, however rare a word of the language it is ("میرباقری افزود")."""
    return frozenset(k for k, verb in quote_lexicon().verbs.items() if verb.lang == lang)


_PLURAL_NOUN = re.compile(r"^ال(?:م\w{3,}(?:ین|ون|ات)|\w+ی(?:ین|ون))$")
"""A folded Arabic plural with the article that no family name is: a participle's (المستفيدين, المرشحات) or a
nisba's (العلويين); a family name is singular (السعدون, الزيات and الحصين are no participles)."""


def _article_name(ctx: Context, k: int, articles: Articles) -> bool:
    """Word k, with the article, may end a name (``articles``: which such words may, see :data:`Articles`).

    A family name may be as frequent as common words because so many bear it: a nisba (القحطاني،
    الحربي) or a given name with the article (الفيصل). An adjective with the article seldom follows a
    name (it follows its noun)."""
    if articles == "none":
        return False
    f = ctx.toks.folds[k]
    if _PLURAL_NOUN.match(f) and f not in ctx.family:
        return False
    z = ctx.zipf(k)
    return z < ARTICLE_NAME_ZIPF or (z < FAMILY_NAME_ZIPF and (f.endswith(("ی", "ي")) or f[2:] in ctx.given))


def _name_run(
    ctx: Context, k: int, limit: int = MAX_NAME_WORDS, articles: Articles = "none", continued: bool = False
) -> int:
    """The end of the run of name words starting at word k (k itself when there is none); ``continued``: word
    k goes on a name begun before it (a given name), so it may be a linking word or a family name.

    A linking word of Arabic names (عبد، أبو، بن، آل) takes the next word with it, article and all
    (عبد الواحد، أبو بكر، بن سلمان); a run that would end on one is cut before it. A family name
    with the article or a house's (آل الشيخ) ends the run (خالد الفيصل). ``limit`` counts the words of a
    lineage name (with بن or آل) other than its links (عبد الله بن خليفة آل ثاني counts three), and every word
    of another name (جمال عبد الناصر: a word after it is more often the verb than a part). After a lineage
    link a word with the article may go on the name as after a given name (``articles`` "rare"): its family
    name (عجب بن سميح المرزوقي).
    """
    j, links, lineage = k, 0, False  # links: the link words taken, which a lineage name does not count
    if ctx.lang == "fa" and k < len(ctx.toks) and ctx.toks.folds[k] in SEYYED:
        links, lineage = 1, True  # nor a Persian name its سید: سید محمد علی ابطحی counts three
    while (
        j < len(ctx.toks)
        and j - k - (links if lineage else 0) < limit
        and _is_name_word(ctx, j, j == k and not continued, "rare" if lineage else articles)
        and (j - k < limit or _lineage_part(ctx, j))
    ):
        if j > k and not clean_gap(ctx.toks, j - 1, allow_comma=False):
            break
        if (j > k or continued) and _starts_role(ctx, j):
            break
        j += 1
        f = ctx.toks.folds[j - 1]
        if (j - 1 > k or continued) and len(f) > 2 and f.startswith("ال"):
            break
        if (j - 1 > k or continued) and _lower_link(ctx, j - 1):  # _latin_link let it in with its name word
            j += 1
            links, lineage = links + 1, True
            continue
        if f in NAME_LINKS:
            linked = _link_end(ctx, j)
            if linked is None:
                j -= 1
                break
            taken = ctx.toks.folds[j - 1 : linked - 1]
            lineage = lineage or not LINEAGE_LINKS.isdisjoint(taken)
            links += len(taken)
            j = linked
            if "ال" in taken:
                break  # a house's name ends the name, as a family name with the article does (حمد آل الشيخ)
    if j > k and j - k - (links if lineage else 0) < limit and _nisba(ctx, j):
        j += 1
    return j


def known_as(folds: Sequence[str]) -> list[int]:
    """The words (indexes into a name's folded words) a lineage name is known by, all of them for another name:
    its bearer's and his family's names (عادل الطريفي of عادل بن زيد الطريفي), which the press also writes
    alone; or, without a family name, his and his father's (خالد بن فيصل of خالد بن فيصل بن عبد العزيز, who
    is not خالد بن عبد العزيز). A name after a link (بن, آل, عبد) is a forefather's or a house's, no family name."""
    link = next((w for w in range(1, len(folds) - 1) if folds[w] in SON_OF), None)
    if link is None:
        return list(range(len(folds)))
    head = link + 2
    while head < len(folds) and folds[head - 1] in NAME_LINKS:  # a father's name with عبد or أبو: عبد الله
        head += 1
    last = len(folds) - 1
    if last >= head and folds[last - 1] not in NAME_LINKS:
        return [*range(link), last]
    return list(range(head))


def _starts_role(ctx: Context, j: int) -> bool:
    """A role phrase of two words or more starts at word j (خادم الحرمين الشريفين): it follows a name, or a
    verb that opens the sentence (عزى خادم الحرمين), and is no part of one."""
    hit = ctx.triggers.match(ctx.toks, j, ctx.lang)
    return hit is not None and hit.j - hit.i > 1


def _lineage_part(ctx: Context, j: int) -> bool:
    """Word j, past a name's first MAX_NAME_WORDS words thanks to its lineage links, goes on it: a given or
    family name, one with the article, or a word rarer than ARTICLE_NAME_ZIPF; not the noun or verb that
    follows "محمد بن ناصر" (حظي 4.2, تأجيل 4.3)."""
    f = ctx.toks.folds[j]
    return (
        f in NAME_LINKS
        or f in ctx.given
        or f in ctx.family
        or f.startswith("ال")
        or ctx.zipf(j) < ARTICLE_NAME_ZIPF
    )


def _link_end(ctx: Context, j: int) -> int | None:
    """The end of the name part that the linking word j-1 takes, a chain of them included (بن عبد الله:
    بن takes عبد, which takes الله), or None when one would end the name."""
    toks = ctx.toks
    while toks.folds[j - 1] in NAME_LINKS:
        if j >= len(toks) or not clean_gap(toks, j - 1, allow_comma=False) or not toks.folds[j].isalpha():
            return None
        j += 1
    return j


def _nisba(ctx: Context, j: int) -> bool:
    """Word j, right after a name, is the family name that a nationality adjective spells (اللواء منصور
    التركي): an Arabic adjective with the article, alone in its hit, after a clean gap."""
    cov = ctx.covered[j] if j < len(ctx.toks) else None
    return (
        ctx.lang == "ar"
        and cov is not None
        and cov.startswith("ADJ:")
        and ctx.hit_end[j] == j + 1
        and ctx.toks.folds[j].startswith("ال")
        and clean_gap(ctx.toks, j - 1, allow_comma=False)
    )


def _after_trigger(ctx: Context, j: int, construct: bool = False) -> tuple[int, str | None, bool]:
    """Skip what may stand between a trigger and its name: nationality adjectives, organisations, places.
    Returns where the name would start, the country an adjective named, and whether a complement was skipped.

    ``construct``: the word before ``j`` is an Arabic role noun in the construct state (وزير, مستشار, رئيس
    حزب), whose definite complement may follow it (وزير الإعلام الباكستاني طارق, مستشار الأمن الوطني
    العراقي موفق): the complement is skipped only when a given name no entity covers comes after it, not
    one with the article (الله) or a proclitic and the article (والري: "and the irrigation", also the
    Persian Valery)."""
    country = None
    k = j
    for _ in range(MAX_SKIP):
        if k >= len(ctx.toks) or not clean_gap(ctx.toks, k - 1, allow_comma=True):
            break
        cov = ctx.covered[k]
        if cov and cov.startswith("ADJ:"):
            country = country or cov[4:]
        elif cov in ("ORG", "PLACE"):
            pass
        else:
            hit = ctx.triggers.match(ctx.toks, k, ctx.lang)
            if hit is None:
                end = _complement_end(ctx, k) if construct else k
                if end > k:
                    after, named, _ = _after_trigger(ctx, end)
                    if (
                        after < len(ctx.toks)
                        and ctx.covered[after] is None
                        and _is_given(ctx, after)
                        and not ctx.toks.folds[after].startswith(("ال", *PREPOSITION_ARTICLE))
                    ):
                        return after, country or named, True
                break
            k = hit.j
            construct = in_construct(ctx.lang, hit.key)
            continue
        k = ctx.hit_end[k]
        construct = False
    return k, country, False


COMPLEMENT_WORDS = 2
"""Words with the article a role noun's complement may have: a noun and its adjective (الأمن الوطني)."""


def in_construct(lang: str | None, key: tuple[str, ...]) -> bool:
    """Whether a trigger (its folded words) ends on an Arabic noun in the construct state: without the article,
    so a definite complement may follow it (وزير, رئيس حزب; not الوزير, وزير الخارجية)."""
    return lang == "ar" and bool(key) and not key[-1].startswith("ال") and key[-1].isalpha()


def _complement_end(ctx: Context, k: int) -> int:
    """The end of the definite complement starting at word k (up to COMPLEMENT_WORDS uncovered words with the
    article, one clean gap apart); k when there is none."""
    toks, j = ctx.toks, k
    while (
        j < len(toks)
        and j - k < COMPLEMENT_WORDS
        and ctx.covered[j] is None
        and toks.folds[j].startswith("ال")
        and len(toks.folds[j]) > 3
        and (j == k or clean_gap(toks, j - 1, allow_comma=False))
    ):
        j += 1
    return j


def find_persons(ctx: Context) -> list[PersonSpan]:
    """Person names found by rule, left to right, not overlapping."""
    toks = ctx.toks
    # Words a trigger may start with or given names are: one pass over the words for both.
    begins = ctx.triggers.startable(toks, ctx.lang) | (_given_forms(ctx.given) & toks.vocabulary)
    where = {k for k, f in enumerate(toks.folds) if f in begins} if begins else set()
    # The word after each «, when only spaces stand between them.
    after_quote = (bisect_right(toks.starts, m.start()) for m in _OPEN_QUOTE.finditer(toks.text))
    where.update(k for k in after_quote if k < len(toks) and toks.before(k).rstrip().endswith("«"))
    if ctx.lang in _ADJECTIVE_FIRST:
        adjectives = (k for k, cov in enumerate(ctx.covered) if cov is not None and cov.startswith("ADJ:"))
        where.update(k + 1 for k in adjectives if _after_adjective(ctx, k + 1))
    if ctx.lang in _SUBJECT_FIRST:  # the word before each reporting verb (_at tells whether it is a name)
        verbs = _reporting_verbs(ctx.lang)
        where.update(k - 1 for k, f in enumerate(toks.folds) if k and f in verbs)
    if ctx.lang in _VERB_FIRST:  # the word after each reporting verb (_at tells whether it is a name)
        present = _verb_forms(ctx.lang) & toks.vocabulary  # in C: most words are no verb
        where.update(k + 1 for k, f in enumerate(toks.folds[:-1]) if f in present)
    out: list[PersonSpan] = []
    done = 0
    for i in sorted(where):
        if i < done:
            continue
        span = _at(ctx, i, listed=bool(out) and i == out[-1].j and clean_gap(toks, i - 1, allow_comma=False))
        if span is not None:
            span = _foreign_tail(ctx, span)
            out.append(span)
            done = span.j
    return out


def _foreign_tail(ctx: Context, span: PersonSpan) -> PersonSpan:
    """``span`` without a last word that looks like a word of the language after words that look foreign:
    the noun or verb that follows a foreign name ("مايكل شوماخر سائق", "دينيس بيركامب ينجح"). Not a given
    or family name (زكي نجيب محمود), nor in a name with linking words (سلطان بن سلمان)."""
    folds = ctx.toks.folds
    last = folds[span.j - 1]
    if (
        ctx.lang not in _ADJECTIVE_FIRST
        or span.j - span.i < 3
        or last in ctx.given
        or last in ctx.family
        or not NAME_LINKS.isdisjoint(folds[span.i : span.j])
    ):
        return span
    looks = [foreignness(folds[k], ctx.lang) for k in range(span.i, span.j)]
    return replace(span, j=span.j - 1) if looks[-1] < 0 < min(looks[:-1]) else span


@functools.lru_cache(maxsize=16)  # one set of given names per language read
def _given_forms(given: frozenset[str]) -> frozenset[str]:
    """The given names, alone and behind a conjunction or preposition (وأحمد)."""
    return given.union(c + g for g in given for c in _CONJ)


def _at(ctx: Context, i: int, listed: bool = False) -> PersonSpan | None:
    """The person name at word i, if any; ``listed``: a name ends right before it, so a conjunction on a
    given name starts the next name of a list, however common the word (جعفر الحوراني وإبراهيم المشوخي)."""
    toks = ctx.toks
    trig = ctx.triggers.match(toks, i, ctx.lang) if ctx.covered[i] is None else None
    if trig is not None and clean_gap(toks, trig.j - 1, allow_comma=True):
        k, country, complemented = _after_trigger(ctx, trig.j, in_construct(ctx.lang, trig.key))
        if k < len(toks) and clean_gap(toks, k - 1, allow_comma=True):
            # A name that starts with a given name may go on with a family name or a rare word that takes the
            # article (الأمير خالد الفيصل، المدافع سلطان الدعيع), unless it is the name an institution bears.
            eponym = _after_head(ctx, i)
            family = _is_given(ctx, k) and not eponym
            j = _name_run(ctx, k, articles="rare" if family or complemented else "none")
            if not complemented:  # after the role's complement, a given name's run, as without a trigger
                j = _trim(ctx, k, j)
            # a title vouches for the word right after it only ("آقای رئیس‌جمهور علیرغم": a role word came between)
            role = str(trig.payloads[0]) if k == trig.j else ""
            # right after a noun in the construct state (مدير, وزير), a lone word is its complement: مدير جوازات
            complement = k == trig.j and in_construct(ctx.lang, trig.key)
            if j > k and _trigger_name_ok(ctx, k, j, role, _after_adjective(ctx, k), complement):
                return PersonSpan(k, j, country, str(trig.payloads[0]), part=eponym or _first_part(ctx, k, j))
    if trig is None and _free_or_lone_place(ctx, i) and _is_given(ctx, i, listed):  # a role phrase is no name
        # ("Devlet Başkanı", president, starts with the given name Devlet)
        j = _name_run(ctx, i + 1, MAX_NAME_WORDS - 1, articles="rare", continued=True)
        kunya = _kunya(ctx, i)
        if (
            kunya and j == i + 1 and _nisba(ctx, j)
        ):  # a nom de guerre may end on a people's nisba: أبو مصعب السوري
            j += 1
        if j > i + 1 and clean_gap(toks, i, allow_comma=False) and _may_start(ctx, i):
            if kunya:  # أبو مصعب الزرقاوي
                return PersonSpan(i - 1, j, None, None)
            cut = 0 if toks.folds[i] in ctx.given else original_offset(toks.word(i), 1)
            return PersonSpan(i, j, None, None, cut, part=_fathers_name(ctx, i))
    if toks.before(i).rstrip().endswith("«"):
        j = _name_run(ctx, i)
        if j > i and toks.gap(j - 1).lstrip().startswith("»") and _trigger_next(ctx, j):
            return PersonSpan(i, j, None, None)
    if trig is None and ctx.lang in _SUBJECT_FIRST and _lone_subject(ctx, i):
        return PersonSpan(i, i + 1, None, None)
    if trig is None and ctx.lang in _VERB_FIRST and _verb_subject(ctx, i):
        j = _foreign_name(ctx, i)
        # right before a known person's name: the first name the gazetteer spells otherwise (سيرجي شويغو)
        if j > i:
            return PersonSpan(i, j, None, None, part=_first_part(ctx, i, j))
    if trig is None and ctx.covered[i] is None and _after_adjective(ctx, i):
        j = _foreign_name(ctx, i)
        if j - i >= 2 or (j > i and _lone_foreign_name(ctx, i)):
            return PersonSpan(i, j, str(ctx.covered[i - 1])[4:], None)
    return None


FOREIGN_SURNAME_ZIPF = 4.0
"""A name after a nationality adjective ends on a word rarer than this: a foreign surname written in Arabic
script, which the press may print often (باموك 2.1, نافاس 3.0, راموس 3.8), not a noun that follows the name
(سائق 4.5, "driver") nor a verb's object. 4.0 rather than 3.0 added 157 mentions in 72 of 3,908 SaudiNewsNet
articles (سيب بلاتر, دييغو مارادونا, ديمي مور): 6 wrong (دبلوماسية, لينقذ), 3 partial (فرنسوا of هولاند)."""


def _foreign_name(ctx: Context, i: int) -> int:
    """The end of a name that starts at word i after a nationality adjective, i itself when there is none: the
    run of name words, cut before a conjunction (the next name: "راديك وفريدل") and after its last rare word
    that looks foreign (not the verb in "أرنولد شوارزنيغر لينقذ"); its letters must look foreign on average
    (not "يشنون هجوما", "تسجل انكماشا")."""
    folds = ctx.toks.folds
    j = _name_run(ctx, i)
    cut = next((k for k in range(i + 1, j) if folds[k].startswith("و")), j)
    looks = [foreignness(folds[k], ctx.lang) for k in range(i, cut)]
    j = next((k + 1 for k in range(cut - 1, i - 1, -1) if _foreign_surname(ctx, k)), i)
    return j if j > i and sum(looks[: j - i]) > 0 else i


def _foreign_surname(ctx: Context, k: int) -> bool:
    """Word k is as rare as a foreign surname written in Arabic script (FOREIGN_SURNAME_ZIPF) and looks foreign."""
    return ctx.zipf(k) < FOREIGN_SURNAME_ZIPF and foreignness(ctx.toks.folds[k], ctx.lang) > 0


LONE_NAME_ZIPF = 3.0
LONE_NAME_FOREIGNNESS = 0.5
"""A name of one word after a nationality adjective (البرازيلي ماركينهو, الفنزويلي بوهاندري): rarer than this and
more foreign-looking than this; a name of two words or more needs neither (:func:`_foreign_name`). Looser bars let
in verbs and plural nouns that follow a people's name (الأمريكيين يؤيدون، إسرائيليين بارزين): any one word that
:func:`_foreign_name` takes added 316 mentions in 206 of 4,000 SaudiNewsNet articles, 20 of 50 drawn at random
no name; these bars 98 in 65, 8 of 50 no name (places spelled as the gazetteer does not: دكار، جيانا)."""


def _lone_foreign_name(ctx: Context, i: int) -> bool:
    """Word i alone is a foreign name (LONE_NAME_ZIPF, LONE_NAME_FOREIGNNESS) and no other word's form."""
    return (
        ctx.zipf(i) < LONE_NAME_ZIPF
        and foreignness(ctx.toks.folds[i], ctx.lang) > LONE_NAME_FOREIGNNESS
        and not _word_form(ctx, i)
    )


_SUBJECT_FIRST = frozenset({"fa"})
"""Languages whose subject comes before its verb with nothing between: "کروبی گفت" (Urdu puts نے between)."""


def _lone_subject(ctx: Context, i: int) -> bool:
    """Word i alone opens a clause and a reporting verb follows it ("... ، کروبی افزود"): a rare word there is the
    surname of a person who speaks. (A name in full is found by its given name, one after a title by the title.)"""
    toks = ctx.toks
    opens = i == 0 or not clean_gap(toks, i - 1, allow_comma=False) or toks.folds[i - 1] == "و"
    return (
        opens
        and i + 1 < len(toks)
        and clean_gap(toks, i, allow_comma=False)
        and toks.folds[i + 1] in _reporting_verbs(ctx.lang)
        and _is_name_word(ctx, i, True, "none")
        and ctx.zipf(i) < SINGLE_ZIPF
    )


_VERB_FIRST = frozenset({"ar"})
"""Languages whose reporting verb comes before its subject ("قال برودي"): a foreign surname there is a person's."""


@functools.lru_cache(maxsize=16)  # one per language met: bounded
def _verb_forms(lang: str | None) -> frozenset[str]:
    """The reporting verbs of ``lang`` (:func:`_reporting_verbs`), alone and behind و or ف (قال, وقال, فأضاف)."""
    verbs = _reporting_verbs(lang)
    return verbs | frozenset(c + v for v in verbs for c in "وف")


def _reporting_verb(ctx: Context, k: int) -> bool:
    """Word k is a reporting verb (:func:`_verb_forms`), nothing covers it, and only a space stands after it."""
    return (
        ctx.toks.folds[k] in _verb_forms(ctx.lang)
        and ctx.covered[k] is None
        and clean_gap(ctx.toks, k, allow_comma=False)
    )


def _verb_subject(ctx: Context, i: int) -> bool:
    """Word i, which nothing covers, follows a reporting verb (:func:`_reporting_verb`) and is no other word's
    form (:func:`_word_form`)."""
    return (
        0 < i < len(ctx.toks)
        and ctx.covered[i] is None
        and _reporting_verb(ctx, i - 1)
        and not _word_form(ctx, i)
    )


def _word_form(ctx: Context, i: int) -> bool:
    """Word i, no listed given name, is a form of a common noun (a plural or dual: قال مسؤولون, قالت دولتان; a plural
    in the construct state: مسؤولو أمن) or another word of the text behind proclitics (ولماكرون)."""
    f = ctx.toks.folds[i]
    if f in ctx.given:
        return False
    behind_clitics = f[0] in CLITICS and bool(ctx.count(f[1:]) or (f[1:2] in CLITICS and ctx.count(f[2:])))
    return behind_clitics or _plural_or_dual(ctx.toks.word(i)) or _construct_plural(ctx, i)


NUMBER_STEM_ZIPF = 4.0
_NUMBER_SUFFIXES = (
    ("تان", "ة"), ("تين", "ة"), ("تا", "ة"), ("ون", ""), ("ين", ""), ("ان", ""), ("ات", ""), ("ات", "ة"),
)  # fmt: skip
"""Arabic sound plural and dual endings (a dual in the construct state too: وزارتا), and what the singular ends
with instead (دولتان: دولة). Not the construct plural's و (مسؤولو أمن: :func:`_construct_plural` reads the word
after it): Latin given names end so (باولو: باول 3.95, إدواردو), and the given-name lists lack many."""


def _construct_plural(ctx: Context, i: int) -> bool:
    """Word i is a sound plural in the construct state (مسؤولو أمن, مسؤولو القناة): a noun of zipf at least
    NUMBER_STEM_ZIPF and و, then a noun of its own, one with the article or a common word. A Latin given name
    that ends in و is followed by another name instead (باولو سيزار)."""
    word, k = ctx.toks.word(i), i + 1
    return (
        word.endswith("و")
        and zipf(word[:-1], "ar") >= NUMBER_STEM_ZIPF
        and k < len(ctx.toks)
        and clean_gap(ctx.toks, i, allow_comma=False)
        and (ctx.toks.folds[k].startswith("ال") or ctx.zipf(k) >= NAME_ZIPF)
    )


def _plural_or_dual(word: str) -> bool:
    """An Arabic word is the sound plural or the dual of a noun at least NUMBER_STEM_ZIPF frequent (مسؤولون:
    مسؤول 4.6; دولتان: دولة 5.4; تأكيدات: تأكيد 4.6); foreign surnames so ending are no such words (ماكرون: ماكر
    2.9). A given name is a name however it ends (سليمان: سليم 4.6): callers ask only for other words."""
    return any(
        word.endswith(end)
        and len(word) > len(end) + 2
        and zipf(word[: -len(end)] + stem, "ar") >= NUMBER_STEM_ZIPF
        for end, stem in _NUMBER_SUFFIXES
    )


_ADJECTIVE_FIRST = frozenset({"ar", "fa"})
"""Languages whose nationality adjective follows its noun, so that a name may follow it ("الكرواتي إيفان
ليوبيسيتش", "بازیکن فرانسوی زین‌الدین زیدان")."""


def _after_adjective(ctx: Context, i: int) -> bool:
    """Word i directly follows the last word of a nationality adjective."""
    cov = ctx.covered[i - 1] if 0 < i < len(ctx.toks) else None
    return (
        cov is not None
        and cov.startswith("ADJ:")
        and ctx.hit_end[i - 1] == i
        and clean_gap(ctx.toks, i - 1, allow_comma=False)
    )


def _first_part(ctx: Context, k: int, j: int) -> bool:
    """Words k..j-1, which nothing covers, come right before a known person's name: its first part, no one
    else (الرئيس محمد حسني مبارك)."""
    return (
        j < len(ctx.toks)
        and ctx.covered[j] == "PERSON"
        and all(ctx.covered[w] is None for w in range(k, j))
        and clean_gap(ctx.toks, j - 1, allow_comma=False)
    )


_KUNYA = frozenset({"ابو", "ابی", "ابا", "ام"})
"""Folded Arabic words that make a given name after them a kunya, a name of its own: father of (in each case:
أبو, أبي, أبا), mother of."""


def _kunya(ctx: Context, i: int) -> bool:
    """The given name at word i follows أبو or أم that nothing covers, with only a space between."""
    return (
        i > 0
        and ctx.toks.folds[i - 1] in _KUNYA
        and ctx.covered[i - 1] is None
        and ctx.toks.whole(i - 1, i)
        and clean_gap(ctx.toks, i - 1, allow_comma=False)
    )


def _may_start(ctx: Context, i: int) -> bool:
    """Word i may start a name: not the second part of a name with عبد (عبدالله is a given name, so الله is
    one's second part: alone it is God, "الله سبحانه"), unless بن follows it."""
    folds = ctx.toks.folds
    second_part = folds[i].startswith("ال") and "عبد" + folds[i] in ctx.given
    return not second_part or (i + 1 < len(folds) and folds[i + 1] in SON_OF)


def _fathers_name(ctx: Context, i: int) -> bool:
    """The name at word i follows بن after a name: it is that person's father's (محمد بن سلمان بن عبد العزيز)."""
    return i > 0 and ctx.toks.folds[i - 1] in SON_OF and clean_gap(ctx.toks, i - 1, allow_comma=False)


def _after_head(ctx: Context, i: int) -> bool:
    """Word i follows, directly, the head of a name of an institution or a place named after a person
    ("مستشفى الملك فهد التخصصي"): an adjective after the person's name then belongs to the head."""
    return (
        i > 0
        and clean_gap(ctx.toks, i - 1, allow_comma=False)
        and after_lexicon_word(ctx.toks, i, ctx.lang, "gazetteer", "institution_heads.tsv")
    )


def _free_or_lone_place(ctx: Context, i: int) -> bool:
    """Word i is not in a gazetteer hit, or is a one-word place that is also a given name
    ("ولادیمیر" the city, in "ولادیمیر پوتین"): a name word after it makes it a person. Not the last word of a
    longer place's name ("San Diego Chargers")."""
    return ctx.covered[i] is None or (
        ctx.covered[i] == "PLACE" and ctx.hit_end[i] == i + 1 and (i == 0 or ctx.hit_end[i - 1] != i + 1)
    )


def _trim(ctx: Context, k: int, j: int) -> int:
    """Cut a run of name words after its last word used again in the document ("تبون ضيفه" -> "تبون"):
    names recur, the words that happen to follow them do not. A linking word (بن, آل) recurs with every
    lineage name, so it is no evidence, and a cut never leaves the name ending on one ("عجب بن" of
    "عجب بن سميح المرزوقي")."""
    if j - k < 2 or _is_given(ctx, k):
        return j
    folds = ctx.toks.folds
    repeated = [w for w in range(k, j) if folds[w] not in NAME_LINKS and ctx.count(folds[w]) >= 2]
    return repeated[-1] + 1 if repeated else j


def _trigger_name_ok(
    ctx: Context, k: int, j: int, role: str, foreign_ok: bool = False, complement: bool = False
) -> bool:
    """Words k..j-1 after a trigger of ``role`` are a name: set off by commas when a comma precedes them,
    and a lone word must be rare and, after a role word, used again in the document (or be a known surname).
    Right after a title that is only ever put before a name (``HONORIFIC_ROLES``: آقای, الدكتور) a rare word
    is a surname the first time ("آقای کروبی گفت"). So is, with ``foreign_ok`` (a nationality adjective came
    between: "وزير الدفاع الأمريكي رامسفيلد"), a word as rare as a foreign surname that looks like one
    (:func:`_foreign_surname`); and words after such an adjective must read as a name
    (:func:`_reads_as_a_name`), where a verb and its object often stand ("الرئيس الفرنسي سيعقد اجتماعا").
    With ``complement`` (the trigger ends on an Arabic noun in the construct state), a lone word that is no
    known surname is that noun's complement: "مدير جوازات منطقة الجوف", the director of passports."""
    if _is_given(ctx, k):
        return True
    if any(ch in ",،" for ch in ctx.toks.gap(k - 1)) and not any(ch in ",،" for ch in ctx.toks.gap(j - 1)):
        return False
    if j - k > 1:
        return not foreign_ok or _reads_as_a_name(ctx, k, j)
    if foreign_ok and _foreign_surname(ctx, k):
        return True
    f = ctx.toks.folds[k]
    if complement:
        return ctx.known(f)
    return ctx.known(f) or (ctx.zipf(k) < SINGLE_ZIPF and (role in HONORIFIC_ROLES or ctx.count(f) >= 2))


RARE_NAME_ZIPF = 3.5
"""Words after a role word and a nationality adjective that are all rarer than this are a name, however native
they look (إيهود أولمرت 3.2 and 3.2, foreignness -0.4 and -0.3); no change on 3,908 SaudiNewsNet articles."""


def _reads_as_a_name(ctx: Context, k: int, j: int) -> bool:
    """Words k..j-1 (not starting with a given name) read as a name: a given or family name follows the first
    (صدام حسين, هزبر محمود), all are rare (RARE_NAME_ZIPF), or the letters of its first two words or more look
    foreign on the whole (a word of the language may follow the name: "فولفغانغ شويبله تحالف", which
    :func:`_foreign_tail` cuts), unlike a verb and its object (تحدثا هاتفيا) or adverbs (ماديا ومعنويا)."""
    folds = ctx.toks.folds
    if any(folds[w] in ctx.given or folds[w] in ctx.family for w in range(k + 1, j)):
        return True
    if all(ctx.zipf(w) < RARE_NAME_ZIPF for w in range(k, j)):
        return True
    sums = accumulate(foreignness(folds[w], ctx.lang) for w in range(k, j))
    return any(total > 0 for total in islice(sums, 1, None))


def _trigger_next(ctx: Context, j: int) -> bool:
    """True when a role trigger follows word j-1 (after the closing »), as in «X»، رئیس جمهور."""
    return j < len(ctx.toks) and ctx.triggers.match(ctx.toks, j, ctx.lang) is not None
