"""Stand-ins for the entity and sentence stages: entities built by hand from surface forms."""

from __future__ import annotations

import re
from typing import Any

_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")


def sentences(text: str) -> list[list[int]]:
    """[start, end] of each sentence: split after . ! ? ؟ and at newlines."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if text[start : m.start()].strip():
            out.append([start, m.start()])
        start = m.end()
    if text[start:].strip():
        out.append([start, len(text)])
    return out


def entities(text: str, spec: list[tuple[str, str, str, list[str]]]) -> list[dict[str, Any]]:
    """Entities in the contract shape from (id, type, name, surface forms): every whole-word occurrence,
    with an optional Arabic و/ب/ل proclitic, longest form first, no overlaps."""
    taken: list[tuple[int, int]] = []
    out = []
    for eid, etype, name, forms in spec:
        mentions = []
        for form in sorted(forms, key=len, reverse=True):
            pattern = rf"(?<![\w\u064b-\u065f])(?:[وبلف])?({re.escape(form)})(?!\w)"
            for m in re.finditer(pattern, text):
                s, e = m.span(1)
                if any(s < b and a < e for a, b in taken):
                    continue
                taken.append((s, e))
                mentions.append({"start": s, "end": e, "text": m.group(1)})
        if mentions:
            out.append(
                {
                    "id": eid,
                    "type": etype,
                    "name": name,
                    "mentions": sorted(mentions, key=lambda m: m["start"]),
                }
            )
    return out
