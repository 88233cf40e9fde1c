"""Language identification: script and letter evidence first, very frequent words next, lingua last.

Arabic-script text is scored per language (ar, fa, ur, ps, ckb, ug) from the letters each language uses
(data/langid/letters.tsv), its most frequent function words (data/langid/<lang>.tsv) and the Arabic
article. lingua is consulted only when that leaves ar, fa and ur too close, restricted to them. Other
scripts either name their language (Greek, Hebrew, Hangul...) or go to a lingua detector restricted to
that script's languages (Latin, Cyrillic, Devanagari), built once per process in low-accuracy mode.
Paragraphs in another script or with decisive evidence for another language become language spans.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Iterable
from operator import itemgetter
from pathlib import Path
from typing import Any

from ..model import Article
from ..registry import stage
from .normalize import translation_table

_DATA = Path(__file__).resolve().parent.parent / "data" / "langid"
ARABIC_SCRIPT_LANGS = ("ar", "fa", "ur", "ps", "ckb", "ug")
_LINGUA_ARABIC = ("ar", "fa", "ur")
# Urdu writes ے ہ ں ٹ in nearly every sentence: a text without any of them is not Urdu.
_NEEDS_OWN_LETTERS = ("ur",)

_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
_LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_CYRILLIC = "\u0400-\u04ff\u0500-\u052f"
_RUNS = re.compile(f"([{_ARABIC}]+)|([{_LATIN}]+)|([{_CYRILLIC}]+)|([^\\W\\d_]+)")
_RUN_SCRIPTS = ("arabic", "latin", "cyrillic")
_ARABIC_CHAR = re.compile(f"[{_ARABIC}]")
_ARABIC_RUN = re.compile(f"[{_ARABIC}]+")
# What _RUNS would count as another script: a Latin or Cyrillic block character, or a letter outside them all.
_NOT_ARABIC_LETTER = re.compile(f"[{_LATIN}{_CYRILLIC}]|[^\\W\\d_{_ARABIC}]")
_CAMEL = re.compile("[a-z][A-Z]")
_CODE_BEFORE = frozenset("0123456789._$#<>/{=")
_CODE_AFTER = re.compile(r"\s*[(=_${}<>/]|\.\w|:\s*['\"{\d]")
# First code point of each other script block -> its script (a language when the script has one).
_BLOCKS = [
    (0x0370, "el"), (0x0400, "cyrillic"), (0x0530, "hy"), (0x0590, "he"), (0x0600, "arabic"), (0x0900, "devanagari"),
    (0x0980, "bn"), (0x0A00, "pa"), (0x0A80, "gu"), (0x0B00, None), (0x0B80, "ta"), (0x0C00, "te"), (0x0C80, None),
    (0x0E00, "th"), (0x0E80, None), (0x10A0, "ka"), (0x1100, "ko"), (0x1200, None), (0x3040, "ja"), (0x3100, None),
    (0x3400, "zh"), (0xA000, None), (0xAC00, "ko"), (0xD7B0, None),
]  # fmt: skip
_BLOCK_STARTS = [b[0] for b in _BLOCKS]
_KANA = re.compile("[\u3040-\u30ff]")
_LINGUA_SCRIPTS = ("latin", "cyrillic", "devanagari")

_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_KEY_MAP: dict[str, str | int | None] = {"ي": "ی", "ك": "ک", "\u200c": "", "\u200d": ""}
_KEY = translation_table(str.maketrans(_KEY_MAP))
# An Arabic-script word, but not a one-letter abbreviation (د. doctor, م. engineer): no function word.
_EVIDENCE_WORD = re.compile(f"[{_ARABIC}\u200c]{{2,}}|[{_ARABIC}\u200c](?!\\.)")
_ARTICLE = re.compile("^(?:[وفبلك]|وب|ول|فب|فل)?(?:ال|لل)[\u0621-\u064a]{2,}$")
_ARTICLE_WEIGHT = 1.0
_WORD_WEIGHT = 2.0
_MIN_MARGIN = 2.0  # score lead that settles ar/fa/ur without lingua
_LINGUA_WEIGHT = 3.0  # points lingua's confidence (0-1) adds on a close call
_OWN_SPAN_LETTERS = 40  # a paragraph needs this many letters to get a language of its own
_MIN_TEXT_LETTERS = 20  # below this, the title joins the evidence
_MIN_LINGUA_LETTERS = 12  # fewer letters of a Latin, Cyrillic or Devanagari block get no language
_LINGUA_CHARS = 2000  # lingua sees at most this much of a block


def word_key(word: str) -> str:
    """The form function words are matched in: no marks or tatweel, Persian ی/ک for Arabic ي/ك, no ZWNJ."""
    return _MARKS.sub("", word).translate(_KEY)


def _rows(name: str) -> Iterable[list[str]]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))


@functools.cache
def _letter_weights() -> dict[str, dict[str, float]]:
    """letter -> {lang: weight} from letters.tsv."""
    return {
        letter: {lang: float(weight) for lang in langs.split()}
        for letter, langs, weight in _rows("letters.tsv")
    }


@functools.cache
def _function_words() -> dict[str, str]:
    """word key -> the one Arabic-script language it marks."""
    table: dict[str, str] = {}
    for lang in ARABIC_SCRIPT_LANGS:
        for row in _rows(f"{lang}.tsv"):
            table.setdefault(word_key(row[0]), lang)
    return table


@functools.cache
def _naming_letters() -> dict[str, str]:
    """letter -> the one Arabic-script language that uses it, for letters of full weight (not ئ, 0.2)."""
    return {c: next(iter(w)) for c, w in _letter_weights().items() if len(w) == 1 and min(w.values()) >= 1.0}


def spelled_in(word: str) -> str | None:
    """The Arabic-script language a spelling's own letters name (ur for لاہور, fa for خانۀ), or None when
    every letter is shared (لاهور) or they name more than one."""
    named = {lang for c in word if (lang := _naming_letters().get(c))}
    return named.pop() if len(named) == 1 else None


@functools.cache
def _own_letter_pattern(lang: str) -> re.Pattern[str]:
    """The letters that only ``lang`` uses among the Arabic-script languages (:func:`_naming_letters`)."""
    return re.compile("[" + "".join(c for c, named in _naming_letters().items() if named == lang) + "]")


def _has_own_letters(text: str, lang: str) -> bool:
    return _own_letter_pattern(lang).search(text) is not None


@functools.cache
def _letter_pattern() -> re.Pattern[str]:
    return re.compile("[" + "".join(_letter_weights()) + "]")


def arabic_scores(text: str) -> Counter[str]:
    """Evidence for each Arabic-script language in ``text``: letters, function words, the article ال."""
    weights = _letter_weights()
    scores: Counter[str] = Counter()
    for letter, count in Counter(_letter_pattern().findall(text)).items():
        for lang, weight in weights[letter].items():
            scores[lang] += weight * count  # type: ignore[assignment]  # Counter counts any number; the stub, ints
    # Words looked up and counted in C (map over the cached lookup, Counter's counting loop); Python adds the
    # few distinct kinds of evidence. Their weights are whole numbers, so the order of the sums is immaterial.
    evidence = Counter(filter(None, map(_word_evidence, _EVIDENCE_WORD.findall(text))))
    for (lang, weight), count in evidence.items():
        scores[lang] += weight * count  # type: ignore[assignment]
    return scores


@functools.lru_cache(maxsize=50_000)
def _word_evidence(word: str) -> tuple[str, float] | None:
    """The language one word marks and its weight: a function word, else the article ال (Arabic)."""
    lang = _function_words().get(word_key(word))
    if lang:
        return lang, _WORD_WEIGHT
    return ("ar", _ARTICLE_WEIGHT) if _ARTICLE.match(word) else None


@functools.cache
def _detector(codes: tuple[str, ...]) -> Any:
    """A lingua detector for these ISO 639-1 codes, low-accuracy mode (built once per process and set)."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    isos = [getattr(IsoCode639_1, c.upper()) for c in codes]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*isos).with_low_accuracy_mode().build()


@functools.cache
def _script_codes(script: str) -> tuple[str, ...]:
    """Lingua's languages written in ``script`` (latin, cyrillic, devanagari)."""
    from lingua import Language

    members = getattr(Language, f"all_with_{script}_script")()
    return tuple(sorted(lang.iso_code_639_1.name.lower() for lang in members))


def _lingua(text: str, codes: tuple[str, ...]) -> str | None:
    found = _detector(codes).detect_language_of(text[:_LINGUA_CHARS])
    return found.iso_code_639_1.name.lower() if found is not None else None


def decide_arabic(text: str, scores: Counter[str] | None = None) -> str:
    """The Arabic-script language of ``text``: evidence first, lingua (ar/fa/ur) only on a close call.

    ps, ckb and ug (which lingua lacks) win only by a clear lead, which takes their own letters. On a
    close call lingua's confidence, weighted, is added to the evidence.
    """
    scores = arabic_scores(text) if scores is None else scores
    ranked = sorted(_LINGUA_ARABIC, key=lambda lang: -scores[lang])
    other = max(ARABIC_SCRIPT_LANGS, key=lambda lang: (lang not in _LINGUA_ARABIC, scores[lang]))
    if scores[other] - scores[ranked[0]] >= _MIN_MARGIN:
        return other
    if scores[ranked[0]] - scores[ranked[1]] >= _MIN_MARGIN:
        return ranked[0]
    candidates = tuple(
        lang for lang in _LINGUA_ARABIC if lang not in _NEEDS_OWN_LETTERS or _has_own_letters(text, lang)
    )
    combined = Counter({lang: scores[lang] for lang in candidates})
    for value in _detector(candidates).compute_language_confidence_values(text[:_LINGUA_CHARS]):
        combined[value.language.iso_code_639_1.name.lower()] += _LINGUA_WEIGHT * value.value
    return combined.most_common(1)[0][0]


def _script_of_run(run: str) -> str | None:
    if _KANA.search(run):
        return "ja"
    i = bisect.bisect_right(_BLOCK_STARTS, ord(run[0])) - 1
    return _BLOCKS[i][1] if i >= 0 else None


def _is_code(text: str, m: re.Match[str]) -> bool:
    """A Latin run that is program code left in scraped text (camelCase, ``f(``, ``a.b``, ``x =``, ``0px``)."""
    start, end = m.span()
    if _CAMEL.search(m.group()) or (start and text[start - 1] in _CODE_BEFORE):
        return True
    return _CODE_AFTER.match(text, end) is not None


def script_letters(text: str) -> Counter[str]:
    """Letters per script (or per language, for scripts that name one) in ``text``; code does not count."""
    if not _NOT_ARABIC_LETTER.search(text):  # Arabic script only: every Arabic-block character counts
        return Counter({"arabic": n} if (n := sum(map(len, _ARABIC_RUN.findall(text)))) else {})
    counts: Counter[str] = Counter()
    for m in _RUNS.finditer(text):
        script = (
            _RUN_SCRIPTS[m.lastindex - 1] if m.lastindex and m.lastindex <= 3 else _script_of_run(m.group())
        )
        if script and not (script == "latin" and _is_code(text, m)):
            counts[script] += len(m.group())
    return counts


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _label_block(
    text: str, paras: list[tuple[int, int]], letters: list[int], script: str
) -> list[str | None]:
    """Languages of consecutive paragraphs in one script, decided as a block.

    In Arabic script a long paragraph whose own evidence settles on another language keeps it.
    """
    block = text[paras[0][0] : paras[-1][1]]
    if script in _LINGUA_SCRIPTS:
        enough = sum(letters) >= _MIN_LINGUA_LETTERS  # a word or two is no evidence of a language
        return [_lingua(block, _script_codes(script)) if enough else None] * len(paras)
    if script != "arabic":
        return [script] * len(paras)
    own = [arabic_scores(text[start:end]) for start, end in paras]
    lang = decide_arabic(block, sum(own, Counter()))
    labels: list[str | None] = [lang] * len(paras)
    for k, scores in enumerate(own):
        ranked = sorted(scores.items(), key=itemgetter(1), reverse=True)[:2]  # most_common(2), without heapq
        if len(paras) > 1 and letters[k] >= _OWN_SPAN_LETTERS and ranked and ranked[0][0] != lang:
            runner = ranked[1][1] if len(ranked) > 1 else 0.0
            if ranked[0][1] - runner >= 2 * _MIN_MARGIN:
                labels[k] = ranked[0][0]
    return labels


def detect(text: str) -> tuple[str | None, list[dict[str, Any]]]:
    """The main language of ``text`` and its language spans (``start``, ``end``, ``lang``) over paragraphs."""
    paras = _paragraphs(text)
    scripts: list[str | None] = []
    letters: list[int] = []
    for start, end in paras:
        counts = script_letters(text[start:end])
        scripts.append(max(counts, key=counts.__getitem__) if counts else None)  # most_common(1)
        letters.append(counts.total())
    labels: list[str | None] = []
    i = 0
    while i < len(paras):  # consecutive paragraphs of one script (letterless ones join them) form a block
        j = i + 1
        while j < len(paras) and scripts[j] in (scripts[i], None):
            j += 1
        script = scripts[i]
        labels += _label_block(text, paras[i:j], letters[i:j], script) if script else [None] * (j - i)
        i = j
    total: Counter[str] = Counter()
    spans: list[dict[str, Any]] = []
    for (start, end), lang, n in zip(paras, labels, letters, strict=True):
        if lang is None or (spans and spans[-1]["lang"] == lang):
            if spans:
                spans[-1]["end"] = end
            if lang:
                total[lang] += n
            continue
        total[lang] += n
        spans.append({"start": start, "end": end, "lang": lang})
    return (total.most_common(1)[0][0] if total else None), spans


def _enough_letters(text: str) -> bool:
    """Whether ``text`` has _MIN_TEXT_LETTERS letters; Arabic-script characters near the start settle it cheaply
    (each one counts in script_letters)."""
    if len(_ARABIC_CHAR.findall(text, 0, 4 * _MIN_TEXT_LETTERS)) >= _MIN_TEXT_LETTERS:
        return True
    return sum(script_letters(text).values()) >= _MIN_TEXT_LETTERS


@stage("khabar.text.langid.v1", assigns=("lang", "lang_spans"), requires=("text",))
def langid(article: Article) -> Article:
    """Set ``lang`` (main language) and ``lang_spans``; the title decides when the text is (nearly) empty."""
    lang, spans = detect(article.text)
    if article.title and not _enough_letters(article.text):
        lang = detect(article.title + "\n" + article.text)[0] or lang
    article.lang = lang or article.lang
    article.lang_spans = spans
    return article
