"""Mojibake repair: UTF-8 text that was decoded as cp1256 (Windows Arabic), latin-1 or cp1252, once or twice.

A cheap test decides first, so clean text passes through untouched: cp1256 mojibake of Arabic is a run of
lead letters ط ظ ع غ (the bytes D8-DB) each followed by a continuation-byte character (پ ‚ ƒ „ … † ‡ ˆ ...);
latin-1/cp1252 mojibake shows Ø Ù Ú Û Ã Â and their kin. ftfy repairs the latin-1/cp1252 kind; the cp1256
kind (which ftfy does not know) is reversed here by encoding back to cp1256 and decoding as UTF-8, kept
only when that yields more Arabic letters and fewer mojibake markers.
"""

from __future__ import annotations

import contextlib
import re

from ..model import Article
from ..registry import stage

# Characters cp1256 gives to the UTF-8 continuation bytes 0x80-0xBF.
_CP1256_CONT = bytes(range(0x80, 0xC0)).decode("cp1256")
# A UTF-8 Arabic letter (lead byte D8-DB) or punctuation (lead E2) as cp1256 shows it, then a continuation byte.
_CP1256_PAIR = re.compile(f"[طظعغâ][{re.escape(_CP1256_CONT)}]")
# Lead bytes of UTF-8 two- and three-byte sequences as latin-1/cp1252 show them, then a continuation byte.
_LATIN_PAIR = re.compile(
    "[\u00c2-\u00df\u00e2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)
_ARABIC_LETTER = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]")
_MAX_ROUNDS = 3  # double- and triple-encoded text
_MIN_MARKERS = 3  # a stray pair or two is not evidence
_MARKER_SHARE = 0.2  # cp1256 pairs per Arabic letter in the damaged text


def _markers(text: str) -> int:
    return len(_CP1256_PAIR.findall(text)) + len(_LATIN_PAIR.findall(text))


def _looks_damaged(text: str) -> bool:
    """The cheap test: enough mojibake pairs, and (for cp1256) a large share of the Arabic letters."""
    latin = len(_LATIN_PAIR.findall(text))
    if latin >= _MIN_MARKERS:
        return True
    pairs = len(_CP1256_PAIR.findall(text))
    return pairs >= _MIN_MARKERS and pairs >= _MARKER_SHARE * len(_ARABIC_LETTER.findall(text))


def _undo_cp1256(text: str) -> str:
    """Reverse a cp1256 misreading line by line; a line that does not round-trip stays as it is."""
    out = []
    for line in text.split("\n"):
        if _CP1256_PAIR.search(line):
            with contextlib.suppress(UnicodeError):
                line = line.encode("cp1256").decode("utf-8")
        out.append(line)
    return "\n".join(out)


def _undo_latin(text: str) -> str:
    import ftfy

    return ftfy.fix_encoding(text)


def _better(new: str, old: str) -> bool:
    return (
        _markers(new) < _markers(old)
        and len(_ARABIC_LETTER.findall(new)) >= len(_ARABIC_LETTER.findall(old)) // 2
    )


def fix_mojibake(text: str) -> str:
    """``text`` with UTF-8-read-as-cp1256/latin-1/cp1252 damage undone (repeatedly for double encoding)."""
    if not text or not _looks_damaged(text):
        return text
    for _ in range(_MAX_ROUNDS):
        candidates = [c for c in (_undo_cp1256(text), _undo_latin(text)) if c != text and _better(c, text)]
        if not candidates:
            break
        text = min(candidates, key=_markers)
    return text


@stage("khabar.text.mojibake.v1", assigns=("text", "title", "repairs"), requires=("text",))
def mojibake(article: Article) -> Article:
    """Fix mojibake in ``text`` and ``title``; record one summary repair per article."""
    before = article.text
    article.text = fix_mojibake(article.text)
    if article.title:
        article.title = fix_mojibake(article.title)
    article.repairs = [r for r in article.repairs if r.get("kind") != "mojibake"]
    if article.text != before:
        article.repairs.append({"from": before[:40], "to": article.text[:40], "kind": "mojibake"})
    return article
