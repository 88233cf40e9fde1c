"""Role nouns ("الوزير", "رئیس جمهور روسیه", "the Russian president") and the persons they stand for.

A role phrase is a role noun with its qualifiers: Arabic definite words after it (nisbas, the
ministry: "وزير الدفاع الروسي"), the Persian genitive after it ("رئیس جمهور روسیه"), capitalised
words before it in English ("Russian President"). Where a role phrase stands next to a person's
name, it *binds* that person. A later role phrase resolves to a person when exactly one bound
person has the same role head and at least its qualifiers; otherwise it stays unresolved.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from dataclasses import dataclass

from .lexicon import WORD, Forms, compile_forms, key, read_tsv, word_classes

_MAX_NAME_GAP = 10  # words between a role noun and the name it introduces
_STOP = frozenset('.!?؟۔:;؛\n«»“”"')


@dataclass(frozen=True)
class RoleLexicon:
    """Compiled role nouns: the regex, and each form's head and language by lookup key."""

    regex: Forms
    heads: dict[str, tuple[str, str, str]]
    stops: frozenset[str]


@functools.cache
def role_lexicon() -> RoleLexicon:
    """The role nouns of ``data/quotes/roles.tsv``, compiled once."""
    rows = list(read_tsv("quotes", "roles.tsv"))
    heads = {key(form): (head, lang, _bare(q[0]) if q else "") for lang, form, head, *q in rows}
    classes = word_classes("quotes", "words.tsv")
    stops = classes["comp"] | classes["prep"]
    return RoleLexicon(compile_forms([row[1] for row in rows], prefix="[وف]"), heads, stops)


def _bare(word: str) -> str:
    """A word's key without the Arabic article or a feminine ending, for comparing qualifiers."""
    k = key(word)
    if k.startswith("ال") and len(k) > 4:
        k = k[2:]
    return k[:-1] if len(k) > 3 and k.endswith("ه") else k


@dataclass(frozen=True)
class RolePhrase:
    """A role noun found in the text with its qualifiers; ``end`` includes the qualifiers."""

    start: int
    end: int
    head: str
    qualifiers: frozenset[str]


def _lookup(match_text: str) -> tuple[str, str, str] | None:
    lex = role_lexicon()
    k = key(match_text)
    return lex.heads.get(k) or (lex.heads.get(k[1:]) if k[:1] in "وف" else None)


def role_at(text: str, pos: int, stop: int, name_starts: frozenset[int] = frozenset()) -> RolePhrase | None:
    """The role phrase starting at ``pos`` (a word start), or None; it does not extend past ``stop``."""
    lex = role_lexicon()
    m = lex.regex.match(text, pos, stop)
    if not m or not (found := _lookup(m.group())):
        return None
    head, lang, implied = found
    quals = {implied} if implied else set()
    end = m.end()
    if lang == "en":
        for w in reversed(WORD.findall(text, max(0, pos - 40), pos)[-2:]):
            if not w[:1].isupper() or w.lower() in ("the", "a"):
                break
            quals.add(key(w))
    else:
        for w in WORD.finditer(text, end, stop):
            if w.start() in name_starts or any(c in _STOP for c in text[end : w.start()]):
                break
            word = key(w.group())
            if lang == "ar" and not (word.startswith("ال") or word.startswith("وال")):
                break
            quals.add(_bare(word))
            end = w.end()
            if lang == "fa":
                break
    return RolePhrase(m.start(), end, head, frozenset(quals))


class RoleBindings:
    """Which person each role phrase of one text stands next to, in text order."""

    def __init__(self, text: str, persons: list[tuple[int, int, int]]) -> None:
        """``persons``: (start, end, entity index) of PERSON mentions, sorted by start."""
        self.text = text
        self._persons = persons
        self._starts = [p[0] for p in persons]
        self._name_starts = frozenset(self._starts)
        self.bound: list[tuple[int, RolePhrase, int]] = []
        for m in role_lexicon().regex.finditer(text):
            phrase = role_at(text, m.start(), len(text), self._name_starts)
            if phrase and (who := self._neighbour(phrase)) is not None:
                self.bound.append((phrase.start, phrase, who))

    def _neighbour(self, phrase: RolePhrase) -> int | None:
        i = bisect_left(self._starts, phrase.end)
        if i < len(self._persons):
            start, _, who = self._persons[i]
            gap = self.text[phrase.end : start]
            gap_words = [key(w) for w in WORD.findall(gap)]
            stops = role_lexicon().stops
            if (
                len(gap_words) <= _MAX_NAME_GAP
                and not any(c in _STOP for c in gap.replace("«", ""))
                and not any(w in stops for w in gap_words)
            ):
                return who
        if i := bisect_left(self._starts, phrase.start):
            _, end, who = self._persons[i - 1]
            if (
                end <= phrase.start
                and not WORD.search(self.text, end, phrase.start)
                and phrase.start - end <= 4
            ):
                return who
        return None

    def resolve(self, phrase: RolePhrase) -> int | None:
        """The one person bound before ``phrase`` to its role and qualifiers, or None when none or several."""
        found = {
            who
            for start, bound, who in self.bound
            if start < phrase.start and bound.head == phrase.head and phrase.qualifiers <= bound.qualifiers
        }
        return found.pop() if len(found) == 1 else None
