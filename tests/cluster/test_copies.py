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


def test_buckets_hold_short_references_not_article_ids() -> None:
    """An article id may be a long URL: the buckets of a text (one per band, one exact) hold a short reference instead."""
    state = MemoryState()
    index = CopyIndex(state)
    text = "one two three four five six seven eight nine ten eleven twelve"
    url = "https://example.com/news/2015/07/21/" + "a-long-slug-" * 8
    assert index.add(url, text) is None
    items = {item for bucket in state._postings.values() for item in bucket}
    assert items == {"~0"}
    assert index.add("https://example.org/copy", text + "!") == url


def test_an_index_written_before_references_still_finds_its_copies() -> None:
    """A state from before references: buckets of article ids and ``sig`` records keyed by them."""
    text = "one two three four five six seven eight nine ten eleven twelve"
    old, new = MemoryState(), MemoryState()
    CopyIndex(new).add("a", text)
    for key, items in new._postings.items():
        for _ in items:
            old.add_posting(key, "a")
    record = new.get("copy", "~0")
    old.put("sig", "a", {"sig": record["sig"], "of": None})
    index = CopyIndex(old)
    assert index.add("b", text + "!") == "a"  # a near copy, through the LSH buckets
    assert index.add("c", text) == "a"  # an exact copy
    assert index.add("d", text + "?") == "a"  # a copy of the copy b, recorded under a reference
