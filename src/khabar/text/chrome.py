"""Site chrome: the multilingual lexicon, line keys for per-outlet learning, and structural cues."""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .normalize import fold
from .tables import DATA, rows

LEXICON_LANGS = ("ar", "fa", "en", "fr", "tr", "ur")
MAX_PREFIX_WORDS = 20  # a prefix pattern ("Read also: <headline>") only on lines this short
MAX_CONTAINS_WORDS = 15  # a contains pattern ("All rights reserved") only on lines this short
MAX_KEY_WORDS = 12  # lines this short are candidates for per-outlet learning

_NOT_WORD = re.compile(r"[^\w\s©]+")
_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?؟۔…。]\s*[\"'»”’)\]]*\s*$")
_STRETCHED = re.compile(r"\wـ{2,}|(\w)\1{3,}")


def key(line: str) -> str:
    """The matching form of a line: folded, punctuation dropped, single spaces."""
    return _SPACES.sub(" ", _NOT_WORD.sub(" ", fold(line))).strip()


def _hash(matching_form: str) -> str:
    return hashlib.blake2b(matching_form.encode("utf-8"), digest_size=8).hexdigest()


def line_key(line: str) -> str:
    """A short stable hash of a line's matching form; the store counts these per outlet."""
    return _hash(key(line))


def ends_sentence(line: str) -> bool:
    """True when the line ends with sentence punctuation (closing quotes allowed after it)."""
    return _SENTENCE_END.search(line) is not None


def stretched(line: str) -> bool:
    """True when letters are stretched for display (tatweel runs, a letter four times over)."""
    return _STRETCHED.search(line) is not None


@dataclass(frozen=True)
class Lexicon:
    """Chrome patterns by match mode, keyed by their matching form."""

    line: Mapping[str, str]
    prefix: Mapping[str, str]
    contains: tuple[tuple[str, str], ...]
    prefix_words: int

    def kind(self, line_key_text: str) -> str | None:
        """The chrome kind of a line (given as its ``key``), or None."""
        if not line_key_text:
            return None
        kind = self.line.get(line_key_text)
        if kind:
            return kind
        words = line_key_text.split(" ")
        if len(words) <= MAX_PREFIX_WORDS:
            for n in range(min(self.prefix_words, len(words)), 0, -1):
                kind = self.prefix.get(" ".join(words[:n]))
                if kind:
                    return kind
        if len(words) <= MAX_CONTAINS_WORDS:
            for pattern, kind in self.contains:
                if pattern in line_key_text:
                    return kind
        return None


@functools.cache
def lexicon() -> Lexicon:
    """The chrome lexicon of every language file under ``data/chrome`` (loaded once)."""
    line: dict[str, str] = {}
    prefix: dict[str, str] = {}
    contains: list[tuple[str, str]] = []
    langs = sorted({p.stem for p in (DATA / "chrome").glob("*.tsv")} & set(LEXICON_LANGS))
    for lang in langs:
        for pattern, kind, mode in rows("chrome", f"{lang}.tsv"):
            k = key(pattern) or pattern
            if mode == "prefix":
                prefix[k] = kind
            elif mode == "contains":
                contains.append((k, kind))
            else:
                line[k] = kind
    words = max((len(p.split(" ")) for p in prefix), default=0)
    return Lexicon(line, prefix, tuple(contains), words)


@functools.cache
def sections() -> Mapping[str, str]:
    """Section labels (matching form) -> English section name."""
    return {key(word): name for word, name in rows("chrome", "sections.tsv")}


@functools.cache
def outlet_words() -> Mapping[str, frozenset[str]]:
    """Words that mark an app or site line: {"before": {"تطبيق", ...}, "after": {"app", ...}}."""
    out: dict[str, set[str]] = defaultdict(set)
    for word, where in rows("chrome", "outlet_words.tsv"):
        out[where].add(key(word))
    return {k: frozenset(v) for k, v in out.items()}


@functools.cache
def source_words() -> frozenset[str]:
    """Words that open a trailing source line, in matching form."""
    return frozenset(key(r[0]) for r in rows("chrome", "source_words.txt"))


def candidate_keys(text: str) -> list[str]:
    """``line_key`` of every distinct short line of ``text`` (the lines per-outlet learning counts)."""
    seen: dict[str, None] = {}
    for raw in text.split("\n"):
        if not raw.strip() or raw.count(" ") > 2 * MAX_KEY_WORDS:
            continue
        k = key(raw)
        if k and k.count(" ") < MAX_KEY_WORDS:
            seen.setdefault(_hash(k), None)
    return list(seen)


def repeated_keys(
    counts: Mapping[str, int], documents: int, *, min_docs: int = 5, min_share: float = 0.2
) -> set[str]:
    """Line keys that occur in at least ``min_docs`` documents and ``min_share`` of an outlet's documents."""
    if documents < min_docs:
        return set()
    least = max(min_docs, min_share * documents)
    return {k for k, n in counts.items() if n >= least}


def learn_outlet_lines(
    texts: Iterable[tuple[str | None, str]], *, min_docs: int = 5, min_share: float = 0.2
) -> dict[str, set[str]]:
    """Per-outlet chrome keys learned from (outlet, text) pairs: short lines that repeat across documents."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    docs: Counter[str] = Counter()
    for outlet, text in texts:
        if outlet:
            docs[outlet] += 1
            counts[outlet].update(candidate_keys(text))
    return {
        outlet: found
        for outlet, c in counts.items()
        if (found := repeated_keys(c, docs[outlet], min_docs=min_docs, min_share=min_share))
    }
