"""The seed articles scored for quotes, quote_precision and sources the way ../shared/checks/seeds_check.py does.

Entities come from hand-built lists (tests/extract/seed_entities.py) standing in for the entity stage,
organisations from the test fixture; the only text-cleaning output simulated is 001's dateline agency.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.extract.orgs import org_index
from khabar.extract.provenance import find_sources
from khabar.extract.quotes import find_quotes
from khabar.model import Article

from ..seedcheck import GOLD, seeds_check
from ..seedcheck import gold as seeds_gold
from .helpers import entities, sentences
from .seed_entities import SEED_ENTITIES

ROOT = Path(__file__).resolve().parents[2]
ORGS = str(Path(__file__).parent / "fixtures" / "orgs.jsonl")
DATELINES = {"001_008f0bbb976f5b92": {"place": {"name": "Minsk"}, "agency": {"name": "DPA", "text": "د ب أ"}}}


@pytest.fixture(scope="module")
def check():
    seeds_gold()
    return seeds_check()


@pytest.fixture(scope="module")
def analysed() -> dict[str, dict]:
    out = {}
    for stem, spec in SEED_ENTITIES.items():
        text = (ROOT / "examples" / "seeds" / f"{stem}.txt").read_text(encoding="utf-8")
        lang = "fa" if stem.startswith("000") else "ar"
        a = Article(
            id=stem, text=text, lang=lang, entities=entities(text, spec), dateline=DATELINES.get(stem)
        )
        out[stem] = {
            "quotes": find_quotes(text, a.entities, sentences(text)),
            "sources": find_sources(a, org_index(ORGS)),
        }
    return out


def test_seed_quotes_and_sources_at_their_bars(check, analysed):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    scores = {
        k: check.Score(k, bar) for k, bar in [("quotes", 0.9), ("quote_precision", 1.0), ("sources", 0.9)]
    }
    fold, matches, names_of = check.fold, check.matches, check.names_of
    for stem, g in gold.items():
        quotes, srcs = analysed[stem]["quotes"], analysed[stem]["sources"]
        for q in g["quotes"]:
            ok = any(fold(x.get("text")).startswith(fold(q["starts"])) or fold(q["starts"]) in fold(x.get("text"))
                     for x in quotes if matches(names_of(x.get("speaker")), q["speaker"]))  # fmt: skip
            scores["quotes"].add(ok, f"{stem}: quote by {q['speaker'][0]} {q['starts']!r}")
        for nq in g["not_quotes"]:
            scores["quote_precision"].add(
                all(fold(x.get("text")) != fold(nq) for x in quotes), f"{stem}: {nq!r}"
            )
        pubs = [s for s in srcs if s["role"] == "publisher"]
        cited = [s for s in srcs if s["role"] != "publisher"]
        if g["sources"]["publisher"]:
            scores["sources"].add(
                any(matches(names_of(p), g["sources"]["publisher"]) for p in pubs), f"{stem}: publisher"
            )
        for names in g["sources"]["cited"]:
            scores["sources"].add(
                any(matches(names_of(c), names) for c in cited), f"{stem}: cited {names[0]}"
            )
        for c in cited:
            ok = any(matches(names_of(c), names) for names in g["sources"]["cited"])
            scores["sources"].add(ok, f"{stem}: unexpected {names_of(c)[:2]}")
    print({s.name: f"{s.hit}/{s.total}" for s in scores.values()})
    for s in scores.values():
        assert s.value >= s.bar, (s.name, s.value, s.notes)
