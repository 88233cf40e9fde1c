"""The entity stage: PERSON, PLACE and ORG mentions, linked to one canonical entity each, with salience.

Gazetteer variants are found first (longest match, clitic-aware); nationality adjectives point at
their country; ministries are matched as patterns plus an adjective; persons no gazetteer has are
found by rule (names.py) and linked across spellings, scripts and short forms (linking.py).
"""

from __future__ import annotations

import functools
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from babel.languages import get_official_languages
from wordfreq import zipf_frequency

from khabar.model import Article
from khabar.registry import stage

from ..cache import cached, sources
from ..text.langid import ARABIC_SCRIPT_LANGS, spelled_in
from ..text.normalize import fold
from .english_orgs import english_orgs
from .foreign import foreignness
from .knowledge import DATA_DIR, Knowledge, load_knowledge
from .linking import MIN_FUZZY, SON_OF, PersonKeys, close, group_names
from .matcher import (
    Hit,
    PhraseIndex,
    Tokens,
    after_lexicon_word,
    capitalised_inside,
    common_words,
    fold_token,
    is_latin,
    tokenize,
    zipf,
)
from .names import NAME_LINKS, PREPOSITION_ARTICLE, Context, PersonSpan, find_persons, known_as
from .org_names import OrgName, named_orgs
from .skeleton import entity_key, romanize, skeleton
from .towns import after_place_preposition, cued_towns, town_words

FOREIGN_COMMON_ZIPF = 4.0
FOREIGN_COMMON_TOWN_ZIPF = 3.5
"""A one-word variant from another language that is this common in the article's language is not a match
(a town's or a region's already this common: the Persian لکسر, Luxor, is the Arabic لكسر "to break")."""
FOREIGN_TOWN_ZIPF = 3.3
FOREIGN_TOWN_MARGIN = 1.5
"""A town under BIG_CITY people abroad (the language is not official in its country) whose name is this common a
word, and this much commoner than its English name is in English, is mostly the word (see ``_common_name``)."""
_NAMES_FROM = {"ur": ("fa",), "fa": ("ur",)}
"""The languages whose spellings of names a language shares (see ``_shared_name``)."""
SMALL_PLACE = 100_000
FOREIGN_SMALL_TOWN_ZIPF = 2.5
"""The same floor for a town abroad under SMALL_PLACE people: its name is mostly the word when even a rare one
(ميمنة "right wing", Maymana; أوز "geese", Evaz), unless the town is that frequent in English (Ramallah)."""
SMALL_PLACE_ZIPF = 3.5
CITY_ZIPF = 5.0
"""A city under BIG_CITY people whose name is this common a word needs its region named next to it."""
BIG_CITY = 1_000_000
_APOSTROPHES = frozenset({"'", "’"})
_LINK_FIRST = frozenset({"بن", "ابن"})
"""Folded words that begin a person's short name ("بن سلمان") and, after a given name, continue a longer one."""
PROCLITIC_WORD_ZIPF = 3.0
"""A word read as a proclitic and a name is a word of its own when it is this common, and commoner than the name."""
ACRONYM_LETTERS = 3
"""A town's name in capitals this short is an acronym unless the gazetteer spells it so (see _unspelled_acronym)."""
SHORT_FORM_ZIPF = 4.5
NEVER_SHORT_ZIPF = 6.0
"""A word this frequent is no lone short form, even of a person whose name ends on it (الله 6.4, in حسن نصر
الله; على 7.2): words like these stand in every text, as themselves."""
LONE_SURNAME_ZIPF = 3.0
LONE_SURNAME_LETTERS = 6
_LATIN_LETTER = re.compile("[A-Za-z]")
MIN_SKELETON = 4
"""Shorter skeletons collide with common words: a lone word must then be spelled like the surname."""


@dataclass
class Resources:
    """The lookup tables of one gazetteer, built once per process."""

    entities: dict[str, dict[str, Any]]
    names: PhraseIndex
    triggers: PhraseIndex
    given: frozenset[str]
    """Every given name, folded, whatever the language it is listed for."""
    given_by_lang: dict[str, frozenset[str]]
    family_by_lang: dict[str, frozenset[str]]
    persons: PersonKeys
    country_by_code: dict[str, str]

    def given_in(self, lang: str | None) -> frozenset[str]:
        """The given names read in a text of ``lang`` (see :func:`_given_by_lang`); all of them when unknown."""
        if lang is None:
            return self.given
        return self.given_by_lang.get(lang) or self.given_by_lang[_LATIN]


FOREIGN_GIVEN_ZIPF = 5.0
"""A given name listed for another Arabic-script language is read in one unless it is this frequent a word
there: the Persian اکبر (Akbar) folds onto the Arabic أكبر, "largest"."""
_LATIN = "latin"
_LATIN_GIVEN = ("en", "tr")


def _listed(names: list[tuple[str, str]]) -> dict[str, set[str]]:
    """Names (as written) by the language they are listed for."""
    out: dict[str, set[str]] = {}
    for name, lang in names:
        out.setdefault(lang, set()).add(name)
    return out


def _by_lang(names: list[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """Folded names by the language they are listed for."""
    return {lang: frozenset(map(fold_token, listed)) for lang, listed in _listed(names).items()}


def _given_by_lang(names: list[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """Folded given names by the language of the texts that read them: each Arabic-script language reads the
    names listed for it, and those listed for the others that are not frequent words of its own; every other
    language ("latin") reads the Latin-script lists."""
    listed = _listed(names)
    arabic_script = [(name, lang) for lang in ARABIC_SCRIPT_LANGS for name in listed.get(lang, ())]
    out = {
        reader: frozenset(
            fold_token(name)
            for name, lang in arabic_script
            if lang == reader or zipf(name, reader) < FOREIGN_GIVEN_ZIPF
        )
        for reader in ARABIC_SCRIPT_LANGS
    }
    out[_LATIN] = frozenset(fold_token(name) for lang in _LATIN_GIVEN for name in listed.get(lang, ()))
    return out


COMMON_VARIANT_ZIPF = 5.0
COMMON_VARIANT_MARGIN = 2.2
"""A one-word Arabic spelling this frequent, and this much more frequent than the entity's English name is in
English, is mostly a common word that happens to spell the name (كيف "how" for Kyiv, الخبر "the news" for
Khobar): it counts only beside an unambiguous mention. Names the Arabic press just uses more (الرياض, جدة)
stay within the margin."""
FOLDED_COMMON_ZIPF = 3.3
FOLDED_GAP = 0.7
"""A spelling whose folded form is this much more frequent than the spelling itself is mostly another word
written without its hamza or with ه for ة (ترأس "chaired" folds onto تراس Truss, لأول onto لاول Laval)."""


def _common_word_variants(rec: dict[str, Any]) -> set[str]:
    """Folded forms of an entity's one-word Arabic-script spellings that are mostly common words.

    Persian-script place names are left alone: the Persian press names Iranian cities far more often than
    English text does (شیراز, تبریز), which is coverage, not homography. A spelling the gazetteer marks
    ambiguous makes every spelling that folds alike ambiguous too.
    """
    reference = _english_zipf(rec)
    common: set[str] = set()
    own: dict[str, float] = {}  # folded form -> the best frequency of the entity's own spellings of it
    folded: dict[str, float] = {}  # folded form -> the frequency of every spelling that folds to it
    for v in rec.get("variants") or []:
        text = v.get("text") if isinstance(v, dict) else v
        lang = v.get("lang") if isinstance(v, dict) else None
        if not text or " " in text or not "\u0600" <= text[0] <= "\u06ff":
            continue
        key = fold(text)
        if isinstance(v, dict) and v.get("ambiguous"):
            common.add(key)
        if lang not in (None, "ar") and rec.get("type") == "PLACE":
            continue
        script_lang = "ar" if lang in (None, "ar") else "fa"
        own[key] = max(own.get(key, 0.0), zipf_frequency(text, script_lang))
        folded[key] = max(folded.get(key, 0.0), zipf(text, script_lang))
    for key, z in folded.items():
        if (z >= COMMON_VARIANT_ZIPF and z >= reference + COMMON_VARIANT_MARGIN) or (
            z >= FOLDED_COMMON_ZIPF and z >= own[key] + FOLDED_GAP
        ):
            common.add(key)
    return common


@functools.cache
def resources(directory: str | None = None, curated: bool = True, user: str | None = None) -> Resources:
    """Indexes over the gazetteer in ``directory`` (default: the package data), plus a user gazetteer file.

    Read from the disk cache (:mod:`khabar.cache`) when built before from the same files and code: building
    them takes about 3 s, reading them back about 0.4 s."""
    folder = Path(directory) if directory else DATA_DIR
    parts = [
        *sources("extract", "text"),
        *sorted(folder.glob("*")),
        Path(user) if user else "",
        f"curated={curated}",
        f"wordfreq={version('wordfreq')}",
    ]
    return cached("entity-index", parts, lambda: _build_resources(directory, curated, user))


def _build_resources(directory: str | None, curated: bool, user: str | None) -> Resources:
    kb: Knowledge = load_knowledge(directory, curated, user)
    names, triggers, persons = PhraseIndex(), PhraseIndex(), PersonKeys()
    given = frozenset(fold_token(n) for n, _ in kb.given_names)
    for eid, rec in kb.entities.items():
        vague = bool(rec.get("ambiguous"))
        common = _common_word_variants(rec)
        for v in [*(rec.get("variants") or []), {"text": rec.get("name"), "lang": "en"}]:
            text = v.get("text") if isinstance(v, dict) else v
            if not text:
                continue
            lang = v.get("lang") if isinstance(v, dict) else None
            # GeoNames tags some Arabic-script names with a language their letters rule out: an Urdu spelling
            # (لاہور untagged, read as Arabic; دہلی tagged Persian) is Urdu
            lang = spelled_in(text) or lang
            flagged = bool(isinstance(v, dict) and v.get("ambiguous")) or fold(text) in common
            # a person's one-word spelling that is a given name (عبدالرحمن) names many people: it counts only
            # beside the full name, and a name the rules find is not linked to the person by it
            first_name = rec["type"] == "PERSON" and fold_token(text.strip()) in given
            names.add(text, ("E", eid, lang, vague or flagged or first_name))
            if rec["type"] == "PERSON" and not first_name:
                persons.add(eid, text)
    countries = {
        str(r.get("country")): eid
        for eid, r in kb.entities.items()
        if r["type"] == "PLACE" and r.get("kind") == "country" and r.get("country")
    }
    for form, _lang, country in kb.demonyms:
        target = country if country in kb.entities else countries.get(country)
        if target:
            names.add(form, ("A", target, None, False))
    for pattern, lang, portfolio in kb.ministries:
        names.add(pattern, ("M", portfolio, lang, False))
    triggers.add_all((text, role) for text, _lang, role in kb.triggers)
    return Resources(
        entities=kb.entities,
        names=names,
        triggers=triggers,
        given=given,
        given_by_lang=_given_by_lang(kb.given_names),
        family_by_lang=_by_lang(kb.family_names),
        persons=persons,
        country_by_code=countries,
    )


@dataclass(slots=True)
class Mention:
    """One mention of an entity: character span in its text, and whether it is an adjective."""

    eid: str
    start: int
    end: int
    text: str
    adj: bool = False


@dataclass
class Found:
    """What one text (title or body) yields."""

    mentions: list[Mention] = field(default_factory=list)
    persons: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Rule-found and short-form persons: id -> {"names": Counter of full spellings, "country": ...}; and
    ministries and towns no gazetteer has: id -> {"type": ..., "name": ...}."""
    towns: frozenset[str] = frozenset()
    """The folded names of the towns no gazetteer has that the text names (see :mod:`.towns`)."""


@dataclass
class Surnames:
    """Persons of one document by surname (folded and skeleton), for linking short forms."""

    folded: dict[str, str] = field(default_factory=dict)
    skeletons: dict[str, str] = field(default_factory=dict)
    names: dict[str, set[tuple[str, ...]]] = field(default_factory=dict)
    """The folded words of each person's mentions of two words or more."""

    def add(self, eid: str, words: list[str], original_last: str) -> None:
        """Record the last word of a mention of ``eid`` as its surname (and the mention, if it has two words),
        unless a linking word takes it (عبد العزيز, بن سلمان: half a name, which alone is a word or another's)."""
        if len(words) > 1:
            self.names.setdefault(eid, set()).add(tuple(words))
            if words[-2] in NAME_LINKS:
                return
        self.folded.setdefault(words[-1], eid)
        skel = skeleton(original_last)
        if len(skel) >= 3:
            self.skeletons.setdefault(skel, eid)

    def other_given_name(self, eid: str, words: list[str], given: frozenset[str]) -> bool:
        """Whether a name of two words or more that begins with a given name names someone else than ``eid``,
        whose names begin with other given names: حافظ الأسد is not بشار الأسد, though both end on الأسد (and
        a skeleton close to another surname's links no one either). The end of one of ``eid``'s names is a
        short form of it (عبد المجيد, of عيسى عبد المجيد). A lineage name's first word is its bearer's given
        name, listed or not: عجب بن سميح المرزوقي is not حمود بن سلطان المرزوقي."""
        n = len(words)
        if n < 2 or not _begins_with_given(words, given):
            return False
        names = self.names.get(eid, set())
        if any(name[0] == words[0] or _short_form_of(tuple(words), name) for name in names):
            return False
        return any(_begins_with_given(name, given) for name in names)

    def find(self, word: str) -> str | None:
        """The person a lone word names, by its spelling or (for rarer words) its skeleton."""
        if word in self.folded:
            return self.folded[word]
        skel = skeleton(word)
        if len(skel) < MIN_SKELETON:
            return None
        if skel in self.skeletons:
            return self.skeletons[skel]
        return next((eid for s, eid in self.skeletons.items() if close(skel, s)), None)


def _begins_with_given(words: Sequence[str], given: frozenset[str]) -> bool:
    """A name's first word is a given name: a listed one, or the bearer's of a lineage name (X بن Y)."""
    return words[0] in given or (len(words) > 2 and words[1] in SON_OF)


def _short_form_of(words: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """``words`` end ``name`` and are not its bearer's father's name (خالد الفيصل in بندر بن خالد الفيصل)."""
    n = len(words)
    return name[-n:] == words and not (len(name) > n and name[-n - 1] in SON_OF)


def _country_entity(res: Resources, rec: dict[str, Any]) -> str | None:
    return res.country_by_code.get(str(rec.get("country")))


def _resolve(res: Resources, toks: Tokens, lang: str | None, hits: list[Hit]) -> list[tuple[Hit, str, str]]:
    """Pick one reading per hit: (hit, kind, value) with kind E (entity id), A (country id) or M (ministry).

    A one-word variant flagged ambiguous (فارس: agency, province or "Persian") counts only when the
    same entity is named unambiguously in the text, its region or country is named right after it, or (a town)
    it follows a preposition of place in a text that names its country (:func:`.towns.after_place_preposition`);
    several candidate entities are ranked by _score.
    """
    text = toks.text
    cands: list[list[tuple[str, str, bool]]] = []
    placed: list[bool] = []  # whether a one-word hit follows a preposition of place as a name (see towns.py)
    for h in hits:
        single = h.j - h.i == 1
        word = toks.word(h.i)
        keep: list[tuple[str, str, bool]] = []
        another_word = bool(h.prefix) and _another_word(toks.folds[h.i], h.prefix, h.key[0], lang)
        # "بن سلمان" after a given name is the end of another person's name (فيصل بن سلمان), not his brother
        tail = not h.prefix and h.key[0] in _LINK_FIRST and h.i > 0 and toks.folds[h.i - 1] in res.given
        for kind, value, vlang, vague in h.payloads:
            if kind == "E" and another_word and res.entities[value].get("type") == "PLACE":
                continue
            if kind == "M" and vlang != lang and any(p[0] == "M" and p[2] == lang for p in h.payloads):
                continue  # two languages spell a ministry alike: the text's reading (وزارت اطلاعات: fa intelligence)
            if kind == "E" and tail and res.entities[value].get("type") == "PERSON":
                continue
            if kind == "E" and single:
                rec = res.entities[value]
                town = rec.get("type") == "PLACE" and rec.get("kind") != "country"
                common = FOREIGN_COMMON_TOWN_ZIPF if town else FOREIGN_COMMON_ZIPF
                if (
                    vlang != lang
                    and lang
                    and zipf(word, lang) >= common
                    and not _shared_name(rec, vlang, lang, word)
                    and not _name_inside(lang, toks, h.i)
                ):
                    continue
                if town and _unspelled_acronym(rec, word):
                    continue
                # another language's lone name of a person (Persian جبیر in Arabic: ابن جبير, a traveller)
                if rec.get("type") == "PERSON" and _borrowed(vlang, lang, word):
                    vague = True
                # another language's homograph (Arabic مشهد, "scene") in a language of the city's country
                if vague and rec.get("kind") == "city" and lang and vlang != lang:
                    vague = not _shared_name(rec, vlang, lang, word)
                if rec.get("kind") == "city" and _common_name(word, lang, rec):
                    vague = True  # a common word naming a town: only with its region named next
                if (
                    vague
                    and rec.get("type") == "PLACE"
                    and after_lexicon_word(toks, h.i, lang, "gazetteer", "settlement_cues.tsv")
                ):
                    vague = False  # ... or right after a word that names it a town ("مدينة جدة")
            keep.append((kind, value, vague and single))
        if is_latin(word) and not text[h.start].isupper():
            keep = []
        if _adjectival(h, keep):
            keep = [c for c in keep if c[0] == "A"]
        cands.append(keep)
        placed.append(
            bool(keep)
            and all(vague for _, _, vague in keep)  # no reading needs the context (تونس: Tunisia, not Tunis)
            and after_place_preposition(toks, h.i, h.prefix, lang)
        )
    confirmed = set()
    for keep in cands:
        ents = {v for k, v, _ in keep if k == "E"}
        if len(ents) == 1 and not any(vague for _, _, vague in keep):
            confirmed |= ents
    mentioned = {v for keep in cands for k, v, _ in keep if k in "EA"}
    # the entities named unambiguously, with their regions and countries: a town after a preposition of place
    # counts where the text names its country ("قصف التحالف مواقع في صعدة" beside اليمن or صنعاء)
    named = set(confirmed).union(*(_containers(res, v) for v in confirmed)) if any(placed) else set()
    out: list[tuple[Hit, str, str]] = []
    for n, (h, keep) in enumerate(zip(hits, cands, strict=True)):
        nxt = {c[1] for c in cands[n + 1]} if n + 1 < len(hits) and hits[n + 1].i - h.j <= 1 else set()
        chosen = [
            v
            for k, v, vague in keep
            if k == "E"
            and (
                not vague
                or v in confirmed
                or _contained(res, v, nxt)
                or (placed[n] and _town_in(res.entities[v], res, named))
            )
        ]
        if len(chosen) == 1:
            out.append((h, "E", chosen[0]))
        elif chosen:
            out.append((h, "E", max(chosen, key=lambda e: _score(res, e, confirmed, mentioned, nxt))))
        elif keep and keep[0][0] != "E":
            out.append((h, keep[0][0], keep[0][1]))
    return out


def _name_inside(lang: str | None, toks: Tokens, k: int) -> bool:
    """Another language's name capitalised inside a sentence of a cased language but English: frequent there as
    the name, not as a word (Washington and Halep in Turkish, where GeoNames gives no Turkish spelling; Irak,
    which the gazetteer files under French). English keeps the test: its texts name most places in English,
    and other languages' spellings are often English words (GeoNames' Winston for Winston-Salem)."""
    return lang != "en" and capitalised_inside(toks, k)


def _borrowed(vlang: str | None, lang: str | None, word: str) -> bool:
    """A one-word variant of a language whose spellings of names ``lang`` does not share (``_NAMES_FROM``), read
    in an uncased script: it names its person only where the text names him unambiguously too."""
    return (
        bool(lang) and vlang != lang and vlang not in _NAMES_FROM.get(lang or "", ()) and not is_latin(word)
    )


def _unspelled_acronym(rec: dict[str, Any], word: str) -> bool:
    """A Latin-script word of two or three capitals that none of the entity's names spells so: an acronym (ATI,
    not the town of Ati), where a place's short name in capitals is its own spelling (UK, UAE). A longer one is
    a name in capitals (a dateline's LONDON)."""
    return (
        1 < len(word) <= ACRONYM_LETTERS
        and word.isupper()
        and is_latin(word)
        and all((v.get("text") if isinstance(v, dict) else v) != word for v in rec.get("variants") or [])
    )


def _another_word(whole: str, prefix: str, rest: str, lang: str | None) -> bool:
    """Whether a word read as a proclitic and a name (بلاتر as ب + لاتر, Latur; بيان as ب + يان, Yan'an;
    السلطات as ال + سلطات) is rather a word of its own: a known word more frequent than the name left.

    A name behind a real proclitic is at least as frequent alone (الرياض against بالرياض), or with the
    article the proclitic carries (العراق against للعراق)."""
    lang = lang or "ar"
    whole_zipf = zipf(whole, lang)
    if whole_zipf < PROCLITIC_WORD_ZIPF:
        return False
    alone = zipf(rest, lang)
    if prefix != "ال" and prefix.endswith(("ال", "لل")) and not rest.startswith("ال"):
        alone = max(alone, zipf("ال" + rest, lang))
    return whole_zipf > alone


def _common_name(word: str, lang: str | None, rec: dict[str, Any]) -> bool:
    """A city name that is also a common word of the language (مسئله, دوشنبه is Monday).

    A national capital of at least ``SMALL_PLACE`` people is not: its name is frequent because the press
    names it, as the seat of its government (Washington, تونس), and a reading as the country's state or
    namesake region must not win over it."""
    population = rec.get("population") or 0
    if (rec.get("capital") and population >= SMALL_PLACE) or population >= BIG_CITY:
        return False
    freq = zipf(word, lang or "en")
    if freq >= (SMALL_PLACE_ZIPF if population < SMALL_PLACE else CITY_ZIPF):
        return True
    # A town abroad whose name, as the language spells it, is far commoner than the town is in English is
    # mostly a word of the language: تمسك "holding on" (Tomsk), كائن "being" (Caen).
    floor = FOREIGN_SMALL_TOWN_ZIPF if population < SMALL_PLACE else FOREIGN_TOWN_ZIPF
    common_abroad = freq >= floor and freq >= _english_zipf(rec) + FOREIGN_TOWN_MARGIN
    return common_abroad and not _official(str(rec.get("country") or ""), lang)


def _shared_name(rec: dict[str, Any], vlang: str | None, lang: str, word: str) -> bool:
    """Whether another language's spelling ``word``, common in ``lang``, is common there as this entity's name.

    A place's own Latin name in a Latin-script official language of its country is its name there too (Ankara,
    Malatya in Turkish: GeoNames tags a city's name English); not another alternate name (GeoNames' Winston for
    Winston-Salem, common in English). A spelling ``lang`` shares with the variant's language
    (``_NAMES_FROM``) of a country, a capital, a person or an organisation is too (Urdu writes Persian's
    افغانستان, کابل, طالبان), not a town's: the Persian spellings of Cali, Jena or Kiel are Urdu words (کالی
    "black", جینا "to live"), unless the town is in a country that speaks ``lang`` (Peshawar's پشاور in Urdu)."""
    if (
        rec.get("type") == "PLACE"
        and vlang == "en"
        and is_latin(word)
        and _official(str(rec.get("country")), lang)
    ):
        return True
    wide = rec.get("type") != "PLACE" or rec.get("kind") == "country" or bool(rec.get("capital"))
    # a town of a country that speaks ``lang``, where the shared spelling is the town's own (Urdu پشاور); in a
    # language that shares names (not Arabic), also a spelling filed under Arabic (مشهد, in Arabic "scene")
    home = rec.get("type") == "PLACE" and _official(str(rec.get("country") or ""), lang)
    return ((wide or home) and vlang in _NAMES_FROM.get(lang, ())) or (home and lang in _NAMES_FROM)


def _english_zipf(rec: dict[str, Any]) -> float:
    """How common an entity's name is in English: the Zipf frequency of its commonest English spelling."""
    english = [rec.get("name")] + [
        v.get("text") for v in rec.get("variants") or [] if isinstance(v, dict) and v.get("lang") == "en"
    ]
    return max((zipf(e.lower(), "en") for e in english if e), default=0.0)


@functools.cache
def _official(country: str, lang: str | None) -> bool:
    """Whether ``lang`` is an official language of the country with ISO code ``country`` (babel's CLDR data)."""
    if not country or not lang:
        return False
    try:
        return lang in get_official_languages(country.upper(), de_facto=True)
    except (KeyError, ValueError):
        return False


def _adjectival(h: Hit, keep: list[tuple[str, str, bool]]) -> bool:
    """A word that is both a country name and an adjective reads as the adjective when it took an
    article the name does not have (الروسية is Russian; روسیه is Russia)."""
    took_article = "ال" in h.prefix or h.prefix.endswith("لل")
    return took_article and not h.key[0].startswith("ال") and {"A", "E"} <= {c[0] for c in keep}


def _town_in(rec: dict[str, Any], res: Resources, named: set[str]) -> bool:
    """Whether ``rec`` is a town (a city of the gazetteer) of a country in ``named``."""
    return rec.get("type") == "PLACE" and rec.get("kind") == "city" and _country_entity(res, rec) in named


def _containers(res: Resources, eid: str) -> set[str]:
    rec = res.entities[eid]
    return {c for c in (rec.get("admin"), _country_entity(res, rec)) if c is not None and c != eid}


def _contained(res: Resources, eid: str, nxt: set[str]) -> bool:
    """True when the place's region or country is named right after it ("Moscow, Idaho")."""
    return bool(nxt) and bool(_containers(res, eid) & nxt)


def _score(res: Resources, eid: str, confirmed: set[str], mentioned: set[str], nxt: set[str]) -> float:
    """Rank the readings of an ambiguous name: confirmed, then a container named next, then size."""
    rec = res.entities[eid]
    container = _containers(res, eid)
    return (
        1000.0 * (eid in confirmed)
        + 100.0 * bool(container & nxt)
        + 10.0 * bool(container & mentioned)
        + math.log10((rec.get("population") or 0) + 1)
    )


_COUNTRY_AFTER: tuple[list[str], ...] = ([], ["of"])
"""What may stand between a ministry and its country's name after it ("وزارت دفاع روسیه", "Ministry of Defence
of Russia", "Министерство обороны России"): no comma, no other word."""
_COUNTRY_BEFORE = (["'s"], ["’s"])
"""What stands between a country's name and its ministry after it ("Russia's Defence Ministry")."""
_GENITIVE_FIRST = frozenset({"tr"})
"""Languages whose genitive comes first, with nothing between ("Türkiye Dışişleri Bakanlığı"): a country's name
after the ministry is another phrase's ("Bakanlığı Rusya'yı uyardı", warned Russia)."""


def _add_org(found: Found, mention: Mention, name: str) -> None:
    """Add a mention of an organisation no gazetteer has, with its display name (its first mention's)."""
    found.mentions.append(mention)
    found.persons.setdefault(mention.eid, {"type": "ORG", "name": name})


def _ministry_of(portfolio: str) -> tuple[str, str]:
    """The id and name of a ministry of no known country."""
    return f"ministry:{portfolio.lower().replace(' ', '_')}", f"Ministry of {portfolio}"


def _ministry(
    res: Resources, toks: Tokens, lang: str | None, resolved: list[tuple[Hit, str, str]], n: int
) -> tuple[str, str, int] | None:
    """A ministry pattern and its country: (id, name, end).

    The country is a nationality adjective right after or before the pattern ("وزارة الدفاع الروسية",
    "Russian Defence Ministry"), or a country's name next to it (see _COUNTRY_AFTER, _COUNTRY_BEFORE and
    _GENITIVE_FIRST)."""
    h, _, portfolio = resolved[n]
    for m in (n + 1, n - 1):
        if not 0 <= m < len(resolved):
            continue
        other, kind, value = resolved[m]
        first, second = (h, other) if m > n else (other, h)
        # the words and punctuation between their words (a proclitic or the article is a hit's word's)
        between = toks.text[toks.ends[first.j - 1] : toks.starts[second.i]].split()
        if kind == "A":
            adjacent = not between
        elif kind == "E" and res.entities[value].get("kind") == "country":
            if lang in _GENITIVE_FIRST:
                adjacent = m < n and not between
            else:
                adjacent = between in (_COUNTRY_AFTER if m > n else _COUNTRY_BEFORE)
        else:
            continue
        if adjacent:
            mid, mname = _ministry_of(portfolio)
            cname = res.entities.get(value, {}).get("name", value)
            return f"{mid}:{value}", f"{mname} of {cname}", max(h.end, other.end)
    return None


def analyse(
    text: str,
    lang: str | None,
    res: Resources,
    known: Surnames | None = None,
    adjectives: bool = True,
    towns: frozenset[str] = frozenset(),
    proposed: Sequence[tuple[int, int, str]] = (),
) -> tuple[Found, Surnames]:
    """Find every entity mention in ``text``; ``known`` holds the persons of the rest of the article, ``towns``
    the towns it names that no gazetteer has (see :mod:`.towns`), ``proposed`` the (start, end, PERSON or ORG)
    spans a NER model read in it (``khabar.neural.ner``): those on words no rule or gazetteer took are added."""
    toks = tokenize(text)
    found = Found()
    hits: list[Hit] = []
    done = 0
    for i in res.names.starts(toks, lang):
        if i >= done:
            h = res.names.match(toks, i, lang)
            if h is not None:
                hits.append(h)
                done = h.j
    given = res.given_in(lang)
    resolved = [
        r
        for r in _resolve(res, toks, lang, hits)
        if not _another_bearer(res, toks, lang, given, *r) and not _place_surname(res, toks, lang, given, *r)
    ]
    covered: list[str | None] = [None] * len(toks)
    hit_end = list(range(1, len(toks) + 1))
    surnames = Surnames()
    surnames.folded.update(known.folded if known else {})
    surnames.skeletons.update(known.skeletons if known else {})
    surnames.names.update({eid: set(names) for eid, names in known.names.items()} if known else {})
    # a ministry named without its country is the one of its portfolio the text names with one ("وزارة الدفاع
    # الروسية ... وأضافت وزارة الدفاع"), else a ministry of no known country
    ministries = {n: _ministry(res, toks, lang, resolved, n) for n, r in enumerate(resolved) if r[1] == "M"}
    named: dict[str, tuple[str, str]] = {}
    for n, ministry in ministries.items():
        if ministry:
            named.setdefault(resolved[n][2], ministry[:2])
    unnamed: list[tuple[Hit, str]] = []
    for n, (h, kind, value) in enumerate(resolved):
        span_text = text[h.start : h.end]
        if kind == "E":
            rec = res.entities[value]
            label = rec["type"]
            found.mentions.append(Mention(value, h.start, h.end, span_text))
            if label == "PERSON":
                surnames.add(value, toks.folds[h.i : h.j], text[toks.starts[h.j - 1] : toks.ends[h.j - 1]])
        elif kind == "A":
            label = "ADJ:" + value
            if adjectives:
                found.mentions.append(Mention(value, h.start, h.end, span_text, adj=True))
        else:
            ministry = ministries[n]
            if ministry is None and value in named:
                ministry = (*named[value], h.end)
            if ministry is None:
                unnamed.append((h, value))
                continue
            label = "ORG"
            mid, mname, end = ministry
            _add_org(found, Mention(mid, h.start, end, text[h.start : end]), mname)
        for k in range(h.i, h.j):
            covered[k] = label
            hit_end[k] = h.j
    _towns(toks, lang, covered, found, towns)
    # a ministry of no known country last: an organisation a head names may be longer ("Department of Health
    # and Human Services"), though not the ministry's own words alone ("Defence Ministry")
    patterns = {(h.i, h.j) for h, _ in unnamed}
    orgs = [org for org in _head_orgs(res, toks, lang, covered, hit_end) if (org.i, org.j) not in patterns]
    _add_named_orgs(toks, orgs, covered, hit_end, found)
    for h, portfolio in unnamed:
        if not any(covered[h.i : h.j]):
            mid, mname = _ministry_of(portfolio)
            _add_org(found, Mention(mid, h.start, h.end, text[h.start : h.end]), mname)
            covered[h.i : h.j] = ["ORG"] * (h.j - h.i)
            hit_end[h.i : h.j] = [h.j] * (h.j - h.i)
    _proposed_orgs(toks, proposed, covered, hit_end, found)
    _rule_persons(res, toks, lang, covered, hit_end, found, surnames, proposed)
    _surnames_over_places(res, toks, lang, covered, found, surnames)
    _short_forms(res, toks, lang, covered, found, surnames)
    return found, surnames


FOREIGN_GIVEN_NAME = 0.5
FOREIGN_GIVEN_ZIPF = 5.0
"""How foreign-looking (:func:`.foreign.foreignness`) a word right before a known person's lone surname must be,
and how much rarer than a function word, to read as another bearer's given name that no list has (كارلوس
تشافيز is not Hugo Chávez). Latin given names written in Arabic are frequent words (كارلوس 4.4, لويس 4.8), so
their letters tell them more than their rarity; the letter statistics misjudge the commonest short words
(كان 6.6 and أبو 5.5 look foreign)."""


def _another_bearer(
    res: Resources, toks: Tokens, lang: str | None, given: frozenset[str], h: Hit, kind: str, value: str
) -> bool:
    """A known person's lone surname right after a given name that is not his (سارة أوباما, بهية الحريري,
    Michelle Obama), a listed one or a foreign-looking word (كارلوس تشافيز): another person's full name, which
    the rules read. (His given name spelled otherwise than the gazetteer's full name, سيرجي for سيرغي شويغو,
    leaves the hit his.)"""
    return (
        kind == "E"
        and h.j - h.i == 1
        and h.i > 0
        and not h.prefix
        and res.entities[value].get("type") == "PERSON"
        and (toks.folds[h.i - 1] in given or _foreign_given(toks.folds[h.i - 1], lang))
        and not toks.gap(h.i - 1).strip()
        and res.persons.unlike_first_name(value, skeleton(toks.word(h.i - 1)))
    )


def _place_surname(
    res: Resources, toks: Tokens, lang: str | None, given: frozenset[str], h: Hit, kind: str, value: str
) -> bool:
    """A one-word place name right after a given name: a person's surname, which the rules then read with the
    given name. In a cased script both are capitalised (Vincent Jackson, Michael Jordan, George Washington), and
    the place has no case ending after an apostrophe (Turkish "Erdoğan Moskova'da", Erdoğan in Moscow; the
    English possessive is none: Jackson's). In an uncased one the place is spelled as only another language
    spells it: Persian احمدی (Kuwait's الأحمدي) after رضا in Arabic text is the Iranian surname."""
    k = h.i
    if not (
        kind == "E"
        and h.j - k == 1
        and k > 0
        and not h.prefix
        and res.entities[value].get("type") == "PLACE"
        and toks.folds[k - 1] in given
        and not toks.gap(k - 1).strip()
    ):
        return False
    if is_latin(toks.folds[k]):
        return toks.word(k - 1)[:1].isupper() and toks.word(k)[:1].isupper() and not _case_ending(toks, k)
    return all(payload[2] != lang for payload in h.payloads if payload[1] == value)


def _case_ending(toks: Tokens, k: int) -> bool:
    """Word k is followed by an apostrophe and a case ending (Turkish Moskova'da, Soçi'deki), not English 's."""
    return k + 1 < len(toks) and toks.gap(k) in _APOSTROPHES and toks.folds[k + 1] != "s"


def _surnames_over_places(
    res: Resources,
    toks: Tokens,
    lang: str | None,
    covered: list[str | None],
    found: Found,
    surnames: Surnames,
) -> None:
    """A word alone that a town and a person the document names in full share is the person ("Vincent Jackson
    ... Jackson said" is not Jackson, Mississippi): capitalised in a cased script; in an uncased one, spelled
    as only another language spells the town (Persian احمدی, not Kuwait's الأحمدي, in Arabic text). Not a
    country or a capital, which news names for its government ("Michael Jordan visited Jordan", "Washington
    said")."""
    if not surnames.folded:
        return
    starts = {toks.starts[k]: k for k, label in enumerate(covered) if label == "PLACE"}
    for n, m in enumerate(found.mentions):
        k = starts.get(m.start)
        if (
            k is not None
            and m.end == toks.ends[k]
            and (person := surnames.folded.get(toks.folds[k]))
            and _town(rec := res.entities.get(m.eid, {}))
            and _surname_spelling(toks, k, lang, rec)
        ):
            found.mentions[n] = Mention(person, m.start, m.end, m.text)
            covered[k] = "PERSON"


def _surname_spelling(toks: Tokens, k: int, lang: str | None, rec: dict[str, Any]) -> bool:
    """Word k, which names the place ``rec``, may be a surname instead (see :func:`_surnames_over_places`)."""
    if is_latin(toks.folds[k]):
        return toks.word(k)[:1].isupper()
    return not any(
        v["lang"] == lang and fold_token(v["text"]) == toks.folds[k] for v in rec.get("variants", ())
    )


def _town(rec: dict[str, Any]) -> bool:
    """A place that is no country nor a capital (the government's seat, which news names for it)."""
    return rec.get("type") == "PLACE" and rec.get("kind") != "country" and not rec.get("capital")


def _foreign_given(word: str, lang: str | None) -> bool:
    """An Arabic word that may be a foreign given name no list has (FOREIGN_GIVEN_NAME, FOREIGN_GIVEN_ZIPF)."""
    return (
        lang == "ar"
        and zipf(word, lang) < FOREIGN_GIVEN_ZIPF
        and foreignness(word, lang) > FOREIGN_GIVEN_NAME
    )


def _towns(
    toks: Tokens, lang: str | None, covered: list[str | None], found: Found, known: frozenset[str]
) -> None:
    """Add the towns no gazetteer has that a settlement cue names here, or ``known`` ones (the body's, in a
    title), as places (``place:`` + the romanized name): their words are then no person's."""
    names = cued_towns(toks, lang, covered) | known
    if not names:
        return
    found.towns = frozenset(names)
    for k, cut, name in town_words(toks, names, covered):
        eid = _named_id("place", name)
        start = toks.starts[k] + cut
        text = toks.text[start : toks.ends[k]]
        found.mentions.append(Mention(eid, start, toks.ends[k], text))
        found.persons.setdefault(eid, {"type": "PLACE", "name": text})
        covered[k] = "PLACE"


def _named_id(prefix: str, name: str) -> str:
    """The id of a place or organisation no gazetteer has: ``prefix:`` and its romanized name, hyphenated."""
    return f"{prefix}:" + romanize(name).lower().replace(" ", "-")


def _head_orgs(
    res: Resources, toks: Tokens, lang: str | None, covered: list[str | None], hit_end: list[int]
) -> list[OrgName]:
    """The organisations that a head noun names (see :mod:`.org_names`, :mod:`.english_orgs`)."""
    if lang == "en":
        given = res.given_in(lang)
        return english_orgs(toks, covered, lambda word: word in given or bool(res.triggers.get((word,))))
    return named_orgs(toks, lang, covered, hit_end)


def _add_named_orgs(
    toks: Tokens, orgs: list[OrgName], covered: list[str | None], hit_end: list[int], found: Found
) -> None:
    """Add organisations a head noun names: ``org:`` + the romanized name."""
    for org in orgs:
        start, end = org.start, toks.ends[org.j - 1]
        eid = _named_id("org", org.key)
        _add_org(found, Mention(eid, start, end, toks.text[start:end]), org.display)
        for k in range(org.i, org.j):  # a place or adjective inside keeps its own (a name may follow it)
            if covered[k] is None:
                covered[k], hit_end[k] = "ORG", org.j


def _word_range(toks: Tokens, start: int, end: int) -> tuple[int, int]:
    """Words [i, j) of ``toks`` that the characters [start, end) touch (none when i == j)."""
    i = bisect_right(toks.ends, start)
    return i, max(i, bisect_left(toks.starts, end))


def _proposed_words(
    toks: Tokens, proposed: Sequence[tuple[int, int, str]], kind: str
) -> list[tuple[int, int]]:
    """The word ranges of the ``kind`` spans a NER model proposed, whole words each."""
    return [r for s, e, t in proposed if t == kind and (r := _word_range(toks, s, e))[0] < r[1]]


def _proposed_orgs(
    toks: Tokens,
    proposed: Sequence[tuple[int, int, str]],
    covered: list[str | None],
    hit_end: list[int],
    found: Found,
) -> None:
    """Add the organisations a NER model proposed on words nothing covers: ``org:`` + the romanized name."""
    for i, j in _proposed_words(toks, proposed, "ORG"):
        if any(covered[i:j]):
            continue
        start, end = toks.starts[i], toks.ends[j - 1]
        name = toks.text[start:end]
        _add_org(found, Mention(_named_id("org", fold(name)), start, end, name), name)
        covered[i:j], hit_end[i:j] = ["ORG"] * (j - i), [j] * (j - i)


def _rule_persons(
    res: Resources,
    toks: Tokens,
    lang: str | None,
    covered: list[str | None],
    hit_end: list[int],
    found: Found,
    surnames: Surnames,
    proposed: Sequence[tuple[int, int, str]] = (),
) -> None:
    """Add persons found by trigger, given name or «», or proposed by a NER model on words no rule took, grouped
    and linked to curated persons by key."""
    ctx = Context(
        toks,
        lang,
        covered,
        hit_end,
        res.triggers,
        res.given_in(lang),
        lambda w: w in surnames.folded,
        family=res.family_by_lang.get(lang or "", frozenset()),
    )
    spans = []
    for span in find_persons(ctx):
        if span.part:  # no mention of a person, nor a short form of one (مستشفى الملك فهد)
            covered[span.i : span.j] = ["PART"] * (span.j - span.i)
        else:
            spans.append(span)
    taken = {k for s in spans for k in range(s.i, s.j)}
    for i, j in _proposed_words(toks, proposed, "PERSON"):
        if not any(covered[i:j]) and taken.isdisjoint(range(i, j)):
            spans.append(PersonSpan(i, j, None, None))
            taken.update(range(i, j))
    spans.sort(key=lambda s: s.i)
    if not spans:
        return
    bounds = [(toks.starts[s.i] + s.cut, toks.ends[s.j - 1]) for s in spans]
    found.mentions = [m for m in found.mentions if not any(m.start < e and m.end > b for b, e in bounds)]
    texts = [toks.text[b:e] for b, e in bounds]
    # A lineage name goes by fewer words (known_as): they group it, and its id and curated person are theirs.
    short = [[s.i + w for w in known_as(toks.folds[s.i : s.j])] for s in spans]
    names = [_words_text(toks, ws, s.cut) for s, ws in zip(spans, short, strict=True)]
    for group in group_names((names[k], [toks.folds[w] for w in short[k]]) for k in range(len(spans))):
        first = spans[group[0]]
        full = names[group[0]]
        key = entity_key(full)
        # a lone given name (عبدالرحمن) is no curated person's surname, though it ends a patronymic name
        lone_given = first.j - first.i == 1 and toks.folds[first.i] in res.given
        by_surname = surnames.find(toks.folds[first.j - 1])
        # a name whose first word, and the word before it (رمضان of رمضان أحمد قاديروف, which no rule took), are
        # unlike all of a known person's first names is someone else's (بيل كلينتون is not Hillary Clinton)
        firsts = (key.split(" ")[0], _skeleton_before(toks, first.i)) if " " in key else ()
        if by_surname and (
            surnames.other_given_name(by_surname, toks.folds[first.i : first.j], ctx.given)
            or (firsts and res.persons.unlike_first_name(by_surname, *firsts))
        ):
            by_surname = None
        # an Arabic name with a linking word (بن, عبد, أبو; عبدالغني written as one word) links to a curated
        # person by its spelling alone (see PersonKeys.find)
        patronymic = not is_latin(full) and any(
            w in NAME_LINKS or (w.startswith("عبد") and len(w) > 4) for w in toks.folds[first.i : first.j]
        )
        joined = _article_joined(full, key)
        curated = None
        if not lone_given:
            spelled = full if patronymic else None
            curated = res.persons.find(key, spelled) or (
                res.persons.find(joined, spelled) if joined != key else None
            )
        eid = by_surname or curated or _person_id(full, joined)
        info = found.persons.setdefault(eid, {"type": "PERSON", "names": Counter(), "country": None})
        for k in group:
            s = spans[k]
            found.mentions.append(Mention(eid, toks.starts[s.i] + s.cut, toks.ends[s.j - 1], texts[k]))
            if eid.startswith("person:"):
                info["names"][texts[k]] += 1
            info["country"] = info.get("country") or s.country
            surnames.add(eid, toks.folds[s.i : s.j], toks.text[toks.starts[s.j - 1] : toks.ends[s.j - 1]])
            for w in range(s.i, s.j):
                covered[w] = "PERSON"


def _skeleton_before(toks: Tokens, i: int) -> str:
    """The skeleton of the word before word i, with only a space between; "" when there is none."""
    return skeleton(toks.word(i - 1)) if i and not toks.gap(i - 1).strip() else ""


def _words_text(toks: Tokens, words: list[int], cut: int) -> str:
    """Words ``words`` of ``toks`` as written, the first without ``cut`` letters of proclitic; runs of
    consecutive words keep the text between them, and a space joins the runs."""
    runs: list[str] = []
    start = words[0]
    for k, w in enumerate(words):
        if k + 1 == len(words) or words[k + 1] != w + 1:
            runs.append(toks.text[toks.starts[start] + (cut if start == words[0] else 0) : toks.ends[w]])
            if k + 1 < len(words):
                start = words[k + 1]
    return " ".join(runs)


_LATIN_ARTICLE = re.compile(r"\b([Aa]l|[Ee]l)-(?=[^\W\d_])")


def _article_joined(name: str, key: str) -> str:
    """The skeleton key of a name (``key``) with a romanized article joined to its word, as Arabic script writes
    it: al-Falih as الفالح (alflh), el-Baradei as ElBaradei."""
    return entity_key(_LATIN_ARTICLE.sub(r"\1", name)) if _LATIN_ARTICLE.search(name) else key


def _person_id(name: str, key: str) -> str:
    """The id of a person no gazetteer has: the skeleton key (:func:`_article_joined`) of a name of two words or
    more (one id in every script), the romanized spelling of a lone word, whose skeleton many names share (سعود,
    سعد, زياد and سعيد are all sd; محمد and محمود mhmd)."""
    lone = romanize(name).lower() if " " not in key else ""
    return "person:" + (lone or key).replace(" ", "-")


def _short_forms(
    res: Resources,
    toks: Tokens,
    lang: str | None,
    covered: list[str | None],
    found: Found,
    surnames: Surnames,
) -> None:
    """Link lone surnames to the persons the document names in full (and Latin-script ones to curated persons)."""
    # Without a person named in full, only a capitalised Latin-script word can be a (curated) surname.
    latin_only = not surnames.folded and not surnames.skeletons
    if latin_only and not _LATIN_LETTER.search(toks.text):
        return
    clitic = lang == "ar"
    glued, words, text, starts, ends = toks.glued, toks.folds, toks.text, toks.starts, toks.ends
    by_word, sounds = surnames.folded, surnames.skeletons
    near = {n for s in sounds for n in (len(s) - 1, len(s), len(s) + 1) if n >= MIN_FUZZY}

    def person(word: str, original: str) -> tuple[int, str] | None:
        """(letters of proclitic cut, person id) that a candidate word names, if any."""
        if latin_only and not (is_latin(original) or is_latin(original[1:])):
            return None
        for c in (0, 1) if _clitic_cut(word, clitic) else (0,):
            rest, spelled = (word[c:], original[c:]) if c else (word, original)
            latin = is_latin(spelled)
            if latin and not spelled[0].isupper():
                continue  # lowercase Latin script: a word, or a web address's ("lindsay-lohan-checks-into-rehab")
            eid = by_word.get(rest)
            if eid is None:
                if rest.startswith("ال"):
                    continue  # compared as spelled only
                if not (latin or sounds):
                    continue  # no surname to sound like, and not a curated one's script
                skel = skeleton(spelled)
                if len(skel) < MIN_SKELETON or not (latin or skel in sounds or len(skel) in near):
                    continue  # too short to compare; or sounds like no surname, and not a curated one's script
                eid = _lone_word(res, surnames, near, rest, spelled, skel, lang)
            if eid:
                return c, eid
        return None

    common_family = res.family_by_lang.get("ar", frozenset()) if lang == "ar" else frozenset()
    decided: dict[str, tuple[int, str] | None] = {}  # by spelling: a document repeats its words
    for k in _short_form_candidates(toks, lang, surnames, common_family):
        if covered[k] is not None or k in glued or k + 1 in glued or len(words[k]) < 3:
            continue
        original = text[starts[k] : ends[k]]
        if original not in decided:
            decided[original] = person(words[k], original)
        if hit := decided[original]:
            c, eid = hit
            found.mentions.append(Mention(eid, starts[k] + c, ends[k], text[starts[k] + c : ends[k]]))
            covered[k] = "PERSON"


_CUT_CLITICS = "وفبل"


def _clitic_cut(word: str, clitic: bool) -> int:
    """1 when a folded word may be a surname behind a one-letter proclitic (و ف ب ل), else 0."""
    return 1 if clitic and word[0] in _CUT_CLITICS and len(word) > 4 else 0


@functools.lru_cache(maxsize=16)  # one per language met: bounded
def _never_short(lang: str | None) -> frozenset[str]:
    """Folded words of ``lang`` too common to be a lone surname however they are spelled, nor (ar) a proclitic
    on a word that might be one: only a surname of the document makes them one."""
    common = common_words(lang, SHORT_FORM_ZIPF)
    return frozenset(w for w in common if not _clitic_cut(w, lang == "ar") or w.startswith("ال", 1))


def _short_form_candidates(
    toks: Tokens, lang: str | None, surnames: Surnames, common_family: frozenset[str]
) -> list[int]:
    """The words ``_short_forms`` must look at, found with set operations over the distinct words: not common
    words or words with the article (compared as spelled only), unless the document uses them as a surname.
    Not the Arabic family names that are common words (``common_family``: كامل, عيد, أمين), which go on a name
    after its given name but alone are far more often the word ("بشكل كامل", "عيد الفطر")."""
    distinct = toks.vocabulary
    common = _never_short(lang) if toks.whole_folds else frozenset()
    article = ("ال", *PREPOSITION_ARTICLE) if lang == "ar" else ("ال",)  # والتطرف is no skeleton of الطريفي
    live = {w for w in distinct - common if len(w) >= 3 and not w.startswith(article)}
    # a surname of the document makes a common word a candidate, not one of the commonest (الله, على)
    named = surnames.folded.keys() - common_words(lang, NEVER_SHORT_ZIPF) - common_family
    live |= distinct & named
    if lang == "ar":
        live |= distinct & {p + s for s in named for p in _CUT_CLITICS}
    return [k for k, w in enumerate(toks.folds) if w in live]


def _lone_word(
    res: Resources, surnames: Surnames, near: set[int], word: str, original: str, skel: str, lang: str | None
) -> str | None:
    """The person a lone word (not itself a surname of the document; capitalised if in Latin script, with a
    skeleton ``skel`` of MIN_SKELETON letters or more) names: a person the document names in full whose
    surname has the same skeleton, or, for a capitalised rare Latin-script word, a curated surname spelled
    another way ("Lukashenka"). A word too common never does. An Arabic-script word that merely sounds like
    a curated surname is no evidence (الأحرى is "rather", not Hariri), and words with the article are compared
    as spelled only (by the caller). ``near`` holds the lengths (of MIN_FUZZY letters or more) within one of
    a surname skeleton's.

    The skeleton is compared first: most words match no surname, and their frequency is then not needed.
    """
    latin = is_latin(original)
    known = surnames.skeletons.get(skel)
    # A skeleton one letter away is a transliteration's variant (لوكاشينكو, لوكاشنكو): only for a word that looks
    # foreign in Arabic script, whose own words differ from a surname by a letter as often (علّمهم, المهنا).
    if known is None and len(skel) in near and (latin or foreignness(word, lang) > 0):
        known = next(
            (e for s, e in surnames.skeletons.items() if abs(len(s) - len(skel)) <= 1 and close(skel, s)),
            None,
        )
    if known is None and not (latin and len(word) >= LONE_SURNAME_LETTERS):
        return None
    freq = zipf(original, lang or "en")
    if freq >= SHORT_FORM_ZIPF:
        return None
    if known is None and freq < LONE_SURNAME_ZIPF:
        curated = res.persons.surname.get(skel)
        known = next(iter(curated)) if curated and len(curated) == 1 else None
    return known


def _lead_end(article: Article, lead_chars: int) -> int:
    sents = article.sentences or []
    if len(sents) >= 2:
        return max(int(sents[1][1]), 0)
    return lead_chars


def _salience(body: list[Mention], title: list[Mention], lead_end: int) -> dict[str, float]:
    raw: dict[str, float] = defaultdict(float)
    for m in body:
        raw[m.eid] += (0.5 if m.adj else 1.0) * (2.0 if m.start < lead_end else 1.0)
    for eid, n in Counter(m.eid for m in title).items():
        raw[eid] += 3.0 + 0.5 * (n - 1)
    top = max(raw.values(), default=0.0) or 1.0
    return {eid: round(v / top, 3) for eid, v in raw.items()}


def _display(
    res: Resources, eid: str, info: dict[str, Any] | None, mentions: list[Mention]
) -> dict[str, Any]:
    rec = res.entities.get(eid)
    if rec is not None:
        out: dict[str, Any] = {"id": eid, "type": rec["type"], "name": rec.get("name") or mentions[0].text}
        return out
    info = info or {}
    if info.get("type") in ("ORG", "PLACE"):
        return {"id": eid, "type": info["type"], "name": info["name"]}
    names: Counter[str] = info.get("names") or Counter(m.text for m in mentions if not m.adj)
    fullest = (
        max(names.items(), key=lambda kv: (len(kv[0].split()), kv[1])) if names else (mentions[0].text, 1)
    )
    out = {"id": eid, "type": "PERSON", "name": fullest[0], "romanized": romanize(fullest[0])}
    if info.get("country"):
        out["country"] = info["country"]
    return out


@stage("khabar.extract.entities.v1", assigns=("entities",), requires=("text", "title", "lang"))
def entities(
    article: Article,
    *,
    curated: bool = True,
    gazetteer: str | None = None,
    user_gazetteer: str | None = None,
    adjectives: bool = True,
    lead_chars: int = 300,
) -> Article:
    """Find and link the PERSON, PLACE and ORG entities of the article's title and text.

    Where the optional NER stage ran (``khabar.neural.ner``), its proposed PERSON and ORG spans on words no rule
    or gazetteer took are added and linked as the rules' own.
    ``curated=False`` leaves the curated persons out (persons are then found by rule only);
    ``gazetteer`` is a directory of gazetteer files replacing the package data; ``user_gazetteer`` a
    JSONL file of the user's own entries (``khabar gazetteer import``); ``adjectives`` makes
    nationality adjectives mentions of their country.
    """
    res = resources(gazetteer, curated, user_gazetteer)
    lang = article.lang
    proposed: dict[str, list[tuple[int, int, str]]] = {"text": [], "title": []}
    for span in article.ner_spans or ():
        proposed.setdefault(str(span.get("field")), []).append(
            (int(span["start"]), int(span["end"]), str(span["type"]))
        )
    body, known = analyse(article.text or "", lang, res, adjectives=adjectives, proposed=proposed["text"])
    title, _ = analyse(
        article.title or "",
        lang,
        res,
        known,
        adjectives=adjectives,
        towns=body.towns,
        proposed=proposed["title"],
    )
    sal = _salience(body.mentions, title.mentions, _lead_end(article, lead_chars))
    by_id: dict[str, list[Mention]] = {}
    for m in sorted(body.mentions, key=lambda m: m.start):
        by_id.setdefault(m.eid, []).append(m)
    in_title: dict[str, list[Mention]] = {}
    for m in sorted(title.mentions, key=lambda m: m.start):
        in_title.setdefault(m.eid, []).append(m)
    out = []
    for eid in sorted(set(by_id) | set(in_title), key=lambda e: (-sal.get(e, 0.0), e)):
        ms, ts = by_id.get(eid, []), in_title.get(eid, [])
        info = body.persons.get(eid) or title.persons.get(eid)
        entry = _display(res, eid, info, ms + ts)
        entry["mentions"] = [
            {"start": m.start, "end": m.end, "text": m.text} | ({"adj": True} if m.adj else {}) for m in ms
        ]
        entry["title_mentions"] = [{"start": m.start, "end": m.end, "text": m.text} for m in ts]
        entry["salience"] = sal.get(eid, 0.0)
        seen = dict.fromkeys(m.text for m in ms + ts if not m.adj)
        entry["variants"] = [{"text": t, "lang": lang} for t in seen]
        out.append(entry)
    article.entities = out
    return article
