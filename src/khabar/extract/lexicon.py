"""Word lists as data, compiled into regexes that tolerate Arabic-script spelling variants.

Lexicon files are TSV under ``khabar/data/<area>/`` (``#`` starts a comment line). A lexicon
form becomes a regex that matches it with any diacritics or tatweel, either alef, yeh, kaf or
teh marbuta variant, and a space, ZWNJ or nothing where the form has a space, so the text is
searched as written and every match keeps its offsets.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable, Iterator
from importlib import resources

from ..text.normalize import fold
from ..text.tries import trie_pattern

MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
_OPT_MARKS = f"[{MARKS}]*"
_CLASSES = {
    **dict.fromkeys("اأإآٱ", "[اأإآٱ]"),
    **dict.fromkeys("يىیئ", "[يىیئ]"),
    **dict.fromkeys("كک", "[كک]"),
    **dict.fromkeys("هةۀ", "[هةۀ]"),
}
_SPACE = "[\\s\u200c]*"
# A word: letters and digits with their marks, ZWNJ inside Persian words.
WORD = re.compile(f"[^\\W_][\\w{MARKS}\u200c]*")
_BEFORE = f"(?<![\\w{MARKS}])"
_AFTER = "(?!\\w)"


def read_tsv(area: str, name: str) -> Iterator[list[str]]:
    """The rows of ``khabar/data/<area>/<name>``, comment and blank lines skipped."""
    text = resources.files("khabar").joinpath("data", area, name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


@functools.lru_cache(maxsize=50_000)
def key(text: str) -> str:
    """The lookup key of a word or phrase: folded, marks and spaces removed."""
    return "".join(fold(text).split())


def _pieces(form: str) -> list[str]:
    """One regex piece per character of ``form``: its spelling class, optional marks, optional spaces."""
    out: list[str] = []
    for ch in form:
        if ch in " \u200c":
            out.append(_SPACE)
        elif ch in _CLASSES:
            out.append(_CLASSES[ch] + _OPT_MARKS)
        elif "\u0600" <= ch <= "\u06ff":
            out.append(re.escape(ch) + _OPT_MARKS)
        else:
            out.append(re.escape(ch.lower()))
    return out


def _caseless(text: str) -> bool:
    return text.lower() == text == text.upper()


@functools.lru_cache(maxsize=4)  # the texts read now, each scanned for several lexicons
def _caseless_text(text: str) -> bool:
    return _caseless(text)


class Forms:
    """Lexicon forms compiled: ``finditer`` and ``match`` as a ``re.Pattern``'s, with the same matches.

    Most Arabic and Persian texts have no cased letter. There no form that begins with one can match, and
    case folding changes nothing (no caseless character is a case variant of a cased one): such a text is
    scanned with a pattern of only the other forms, matched as written (cheaper than the full pattern,
    which folds every character it compares).
    """

    def __init__(self, forms: Iterable[str], prefix: str = "") -> None:
        # One order for every trie made of them: branches they share come in the same order.
        self.forms = list(set(forms))
        self.caseless_forms = [f for f in self.forms if _caseless(f[:1])]
        self.prefix = f"(?:{prefix}{_OPT_MARKS})?" if prefix else ""

    # Compiled when first used: a lexicon scanned only by find_all's joint pattern never needs its own.
    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """Every form, case folded."""
        return re.compile(_BEFORE + self.body(self.forms), re.IGNORECASE)

    @functools.cached_property
    def caseless(self) -> re.Pattern[str] | None:
        """The forms that begin with a caseless letter, matched as written (None when there are none)."""
        return re.compile(_BEFORE + self.body(self.caseless_forms)) if self.caseless_forms else None

    def body(self, forms: list[str]) -> str:
        """The regex source of ``forms`` after the prefix, without the look-behind."""
        return f"{self.prefix}{trie_pattern(map(_pieces, forms))}{_AFTER}"

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """The matches in ``text[pos:endpos]``, as ``re.Pattern.finditer``."""
        pattern = self.caseless if _caseless_text(text) else self.pattern
        return pattern.finditer(text, pos, endpos) if pattern else iter(())

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """The match at ``pos``, as ``re.Pattern.match``."""
        return self.pattern.match(text, pos, endpos)


def find_all(text: str, lexicons: tuple[Forms, ...]) -> list[list[tuple[int, int]]]:
    """The spans each lexicon's ``finditer`` finds in ``text``, from one pass over it (a regex scan tries every
    character: one scan instead of one per lexicon)."""
    caseless = _caseless_text(text)
    pattern, groups = _joint(lexicons, caseless)
    found: list[list[tuple[int, int]]] = [[] for _ in lexicons]
    if pattern is None:
        return found
    ends = [0] * len(lexicons)  # each lexicon's matches do not overlap, as finditer's
    for m in pattern.finditer(text):
        start = m.start()
        for i, group in enumerate(groups):
            if group and (end := m.end(group)) >= 0 and start >= ends[i]:
                found[i].append((start, end))
                ends[i] = end
    return found


@functools.lru_cache(maxsize=8)
def _joint(lexicons: tuple[Forms, ...], caseless: bool) -> tuple[re.Pattern[str] | None, list[int | None]]:
    """A zero-width pattern at each word start where some lexicon matches (one trie of all their forms), each
    lexicon's match there captured in a group of its own (a look-ahead each), and each lexicon's group (None:
    it matches nowhere in such text)."""
    union: dict[str, list[str]] = {}  # prefix -> the forms of the lexicons with it
    bodies: list[str] = []
    groups: list[int | None] = []
    for lexicon in lexicons:
        forms = lexicon.caseless_forms if caseless else lexicon.forms
        groups.append(len(bodies) + 1 if forms else None)
        if forms:
            bodies.append(lexicon.body(forms))
            union.setdefault(lexicon.prefix, []).extend(forms)
    if not bodies:
        return None, groups
    some = "|".join(
        f"{prefix}{trie_pattern(map(_pieces, dict.fromkeys(forms)))}" for prefix, forms in union.items()
    )
    ahead = "".join(f"(?=({body})|)" for body in bodies)
    return re.compile(f"{_BEFORE}(?=(?:{some}){_AFTER}){ahead}", 0 if caseless else re.IGNORECASE), groups


def compile_forms(forms: Iterable[str], prefix: str = "") -> Forms:
    """Any of ``forms`` as whole words (longest match first), after an optional ``prefix`` class."""
    return Forms(forms, prefix)


def word_classes(area: str, name: str) -> dict[str, frozenset[str]]:
    """A ``lang<TAB>class<TAB>form`` file as class -> keys of its forms (all languages together)."""
    out: dict[str, set[str]] = {}
    for _lang, cls, form in read_tsv(area, name):
        out.setdefault(cls, set()).add(key(form))
    return {cls: frozenset(forms) for cls, forms in out.items()}
