"""The seed articles, scored as ../shared/checks/seeds_check.py scores entities (test gazetteer stand-in)."""

from __future__ import annotations

import pytest

from khabar.extract.entities import entities
from khabar.model import Article

from .seedscore import GOLD, SEEDS, score, title_and_body

pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="../shared/seeds/gold.json is absent")


def _found(gazetteer: str, curated: bool) -> dict:
    out = {}
    for p in sorted(SEEDS.glob("*.txt")):
        title, body = title_and_body(p)
        lang = "fa" if "به گزارش" in body else "ar"
        a = Article(id=p.stem, text=body, title=title, lang=lang)
        out[p.stem] = entities(a, gazetteer=gazetteer, curated=curated).entities
    return out


def test_seed_entities_recall_and_precision():
    from .gaz import GAZETTEER

    recall, precision, notes = score(_found(GAZETTEER, True))
    assert recall >= 0.95, notes
    assert precision >= 0.9, notes


def test_seed_persons_without_curated_list():
    from .gaz import GAZETTEER

    recall, precision, notes = score(_found(GAZETTEER, False), types=("PERSON",))
    assert recall >= 0.95, notes
    assert precision >= 0.9, notes
