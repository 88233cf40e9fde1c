"""The hand-labelled Arabic pair check (``bench/arabic_pairs.py``): its labels and its counting."""

from __future__ import annotations

import pytest
from bench.arabic_pairs import LABELS, STORY_LABELS, pair_scores, read_pairs
from bench.common import overrides


@pytest.mark.parametrize(("path", "size"), [(LABELS, 170), (STORY_LABELS, 89)])
def test_the_labelled_pairs_hold_both_answers_and_unique_pairs(path, size) -> None:
    pairs = read_pairs(path)
    assert len(pairs) == size
    assert {same for _, _, same in pairs} == {True, False}
    assert len({frozenset((a, b)) for a, b, _ in pairs}) == len(pairs)
    assert all(a.startswith("snn") and b.startswith("snn") and a != b for a, b, _ in pairs)


def test_pair_scores_count_joined_and_separated_pairs() -> None:
    pairs = [("a", "b", True), ("a", "c", False), ("d", "e", True), ("f", "g", False)]
    events = {"a": "1", "b": "1", "c": "1", "d": "2", "e": "3", "f": "4", "g": "5"}
    s = pair_scores(pairs, events)
    assert (s["tp"], s["fp"], s["fn"]) == (1, 1, 1)
    assert (s["precision"], s["recall"], s["f1"]) == (0.5, 0.5, 0.5)


def test_overrides_nest_dotted_keys() -> None:
    assert overrides(["events.threshold=0.45", "events.weights.lex=1"]) == {
        "events": {"threshold": 0.45, "weights": {"lex": 1}}
    }
