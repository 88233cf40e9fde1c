"""Near-duplicate detection."""

from __future__ import annotations

from khabar.cluster.copies import CopyIndex
from khabar.cluster.state import MemoryState

from .seed_fixture import seed_articles


def test_exact_near_and_distinct() -> None:
    texts = {a.id: a.text for a in seed_articles()}
    index = CopyIndex()
    for aid, text in sorted(texts.items()):
        assert index.add(aid, text) is None
    original = "001_008f0bbb976f5b92"
    assert index.add("exact", texts[original]) == original
    words = texts[original].split()
    near = " ".join([*words[:-3], "كلمة", "أخرى", "هنا"])
    assert index.add("near", near) == original
    # a copy of a copy points at the earliest copy
    assert index.add("near2", near + " ") == original
    assert index.add("other", "نص قصير مختلف تماما عن غيره من النصوص") is None


def test_below_threshold_is_not_a_copy() -> None:
    words = [f"w{i}" for i in range(200)]
    index = CopyIndex(threshold=0.8)
    assert index.add("a", " ".join(words)) is None
    half = words[:100] + [f"x{i}" for i in range(100)]
    assert index.add("b", " ".join(half)) is None


def test_index_resumes_from_its_state() -> None:
    state = MemoryState()
    CopyIndex(state).add("a", "one two three four five six seven eight nine ten eleven twelve")
    assert CopyIndex(state).add("b", "one two three four five six seven eight nine ten eleven twelve!") == "a"
