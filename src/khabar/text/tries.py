"""Regex alternations written as tries: the regex engine tries one branch per character, not every word."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any


def trie_pattern(forms: Iterable[Sequence[str]]) -> str:
    """A regex source matching any of ``forms``, each given as its regex pieces (one per character or run),
    the longest that lets the whole pattern match first, as a flat alternation sorted longest first would."""
    trie: dict[str, Any] = {}
    for pieces in forms:
        node = trie
        for piece in pieces:
            node = node.setdefault(piece, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict[str, Any]) -> str:
    alts = [
        piece + _emit(child) for piece, child in sorted(node.items(), key=lambda kv: -len(kv[1])) if piece
    ]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"
    return f"(?:{body})?" if "" in node else body
