"""Phonetic skeletons: one comparable consonant key for a name in Arabic, Persian, Latin or Cyrillic script.

بوتين, پوتین, Putin and Путин all become ``btn``; لوكاشينكو, لوكاشنكو, لوکاشنکو and Lukashenko
become ``lkxnk``. Letter classes merge sounds that the scripts spell differently (p/b, v/f/w,
g/k/q/gh/kh, ch/j/zh, s/z and the Arabic emphatics); vowels are dropped except at the start.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from khabar.text.normalize import fold, translation_table

# Cyrillic -> Latin (a simple scholarly-ish transliteration; only the consonant skeleton matters).
_CYRILLIC_MAP: dict[str, str | int | None] = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "sh",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "і": "i",
    "ї": "yi",
    "є": "ye",
    "ґ": "g",
    "ў": "u",
}
_CYRILLIC = translation_table(str.maketrans(_CYRILLIC_MAP))

# Arabic-script letters (already folded) -> skeleton class; "" drops the letter.
_ARABIC = {
    "ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "s", "س": "s", "ص": "s", "ز": "s", "ذ": "s",
    "ض": "s", "ظ": "s", "ج": "j", "چ": "j", "ژ": "j", "ح": "h", "ه": "h", "خ": "k", "ک": "k",
    "ق": "k", "گ": "k", "غ": "k", "د": "d", "ر": "r", "ش": "x", "ف": "f", "ڤ": "f", "ل": "l",
    "م": "m", "ن": "n", "و": "", "ی": "", "ا": "", "ع": "", "ء": "",
}  # fmt: skip
_ARABIC_INITIAL = {"ا": "a", "ع": "a", "ی": "y", "و": "f"}

# Latin digraphs first, then single letters.
_LATIN_DIGRAPHS = re.compile(r"sch|kh|gh|sh|ch|zh|dzh|dj|th|ph|ts|ck|x")
_DIGRAPH = {"sch": "x", "kh": "k", "gh": "k", "sh": "x", "ch": "j", "zh": "j", "dzh": "j", "dj": "j", "th": "t",
            "ph": "f", "ts": "s", "ck": "k", "x": "ks"}  # fmt: skip
_LATIN = str.maketrans(
    {
        "p": "b",
        "v": "f",
        "w": "f",
        "g": "k",
        "q": "k",
        "c": "k",
        "z": "s",
        "a": "",
        "e": "",
        "i": "",
        "o": "",
        "u": "",
        "y": "",
        "'": "",
        "-": "",
    }
)
_LATIN_INITIAL = {"a": "a", "e": "a", "i": "a", "o": "a", "u": "a", "y": "y"}
_REPEAT = re.compile(r"(.)\1+")


class _LazyTable(dict[int, str | None]):
    """A ``str.translate`` table over all of Unicode whose entry for a character is computed when the
    character is first met (so it holds only the characters met, and no lookup misses twice)."""

    def __init__(self, entry: Callable[[str], str | None]) -> None:
        super().__init__()
        self._entry = entry

    def __missing__(self, code: int) -> str | None:
        value = self[code] = self._entry(chr(code))
        return value


_LETTERS = _LazyTable(lambda ch: ch if ch.isalpha() else None)
_ASCII_LETTERS = _LazyTable(lambda ch: ch if ch.isascii() and ch.isalpha() else None)
_ARABIC_CLASS = _LazyTable(lambda ch: _ARABIC.get(ch, ch if ch.isascii() else ""))
"""The skeleton class of a letter after the first of an Arabic-script word."""


@functools.lru_cache(maxsize=100_000)
def skeleton(token: str) -> str:
    """The consonant skeleton of one word, in any of the supported scripts ("" when nothing is left)."""
    word = fold(token).translate(_CYRILLIC)
    if not word:
        return ""
    if word[0].isascii():
        word = word.translate(_ASCII_LETTERS)
        if not word:
            return ""
        head = _LATIN_INITIAL.get(word[0], "")
        body = _LATIN_DIGRAPHS.sub(lambda m: _DIGRAPH[m.group()], word)
        if head:
            body = body[1:]
        out = head + body.translate(_LATIN)
    else:
        letters = word.translate(_LETTERS)
        if not letters:
            return ""
        initial = _ARABIC_INITIAL.get(letters[0])
        rest = letters[1:] if initial is not None else letters
        if rest.endswith("ه"):  # final ه / ة is a vowel ending, not h
            rest = rest[:-1]
        out = (initial or "") + rest.translate(_ARABIC_CLASS)
    # A search is cheaper than a sub that finds nothing to replace (most skeletons).
    return _REPEAT.sub(r"\1", out) if _REPEAT.search(out) else out


def entity_key(name: str) -> str:
    """A script-independent key for a name: the skeletons of its words, space-separated.

    "Vladimir Putin", "فلاديمير بوتين" and "ولادیمیر پوتین" share one key, so entities found by
    rule in different documents and languages can be grouped by it.
    """
    return " ".join(s for s in (skeleton(w) for w in re.findall(r"\w+", name)) if s)


# A readable (not scholarly) romanization of Arabic-script names, for display only.
_ROMAN = {
    "ا": "a", "ب": "b", "پ": "p", "ت": "t", "ث": "th", "ج": "j", "چ": "ch", "ح": "h", "خ": "kh",
    "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "ژ": "zh", "س": "s", "ش": "sh", "ص": "s", "ض": "d",
    "ط": "t", "ظ": "z", "ع": "'", "غ": "gh", "ف": "f", "ڤ": "v", "ق": "q", "ک": "k", "گ": "g",
    "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "u", "ی": "i", "ء": "'",
}  # fmt: skip
_ROMAN_INITIAL = {"و": "v", "ی": "y", "ا": "a", "ع": ""}


def romanize(name: str) -> str:
    """A Latin spelling of a name for display ("فاليري ريفينكو" -> "Faliri Rifinku"); Latin passes through."""
    words = []
    for word in re.findall(r"\w+", fold(name).translate(_CYRILLIC)):
        if word.isascii():
            words.append(word.capitalize())
            continue
        first = _ROMAN_INITIAL.get(word[0], _ROMAN.get(word[0], ""))
        rest = "".join(_ROMAN.get(ch, ch if ch.isascii() else "") for ch in word[1:])
        words.append((first + rest).replace("'", "").capitalize())
    return " ".join(w for w in words if w)
