"""Reports of one happening in English, Arabic and Persian join one event through the whole pipeline."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "multilingual.jsonl"
# Every happening told by more than one report (Sanaa and Aden have one each).
JOINED = ("vienna-deal", "unsc-2231", "suez", "turkey-strikes", "abha", "muscat", "kuwait")


def test_reports_in_three_languages_join_and_other_happenings_stay_apart(make_corpus) -> None:
    gold = {r["id"]: r["event"] for r in map(json.loads, FIXTURE.read_text(encoding="utf-8").splitlines())}
    corpus = make_corpus()
    corpus.ingest([str(FIXTURE)])
    predicted = {a.id: a.event for a in corpus.store.iter_articles()}
    by_gold: dict[str, set[str]] = defaultdict(set)
    by_event: dict[str, set[str]] = defaultdict(set)
    for aid, event in predicted.items():
        by_gold[gold[aid]].add(event)
        by_event[event].add(gold[aid])
    for name in JOINED:
        assert len(by_gold[name]) == 1, name
    assert all(len(happenings) == 1 for happenings in by_event.values()), dict(by_event)
