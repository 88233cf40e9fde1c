"""html.v1 + clean.v1 + dates.v1 on the founding articles, scored like ../shared/checks/seeds_check.py."""

from __future__ import annotations

import re

import pytest

from khabar.model import Article
from khabar.pipeline import Pipeline

from ..seedcheck import seeds_check
from .seedgold import gold as seed_gold
from .seedgold import scorer_fold, seed_paths

SEEDS = seed_paths()


def fold(s: str | None) -> str:
    """seeds_check's comparison form."""
    return scorer_fold()(s)


def matches(found: list[str], gold: list[str]) -> bool:
    """seeds_check's name match."""
    return seeds_check().matches(found, gold)


@pytest.fixture(scope="module")
def analysed() -> dict[str, Article]:
    pipe = Pipeline(["khabar.text.html.v1", "khabar.text.clean.v1", "khabar.text.dates.v1"])
    out = {}
    for p in SEEDS:
        out[p.stem] = pipe(
            Article(id=p.stem, path=str(p), raw=p.read_text("utf-8"), content_type="text/plain")
        )
    return out


@pytest.fixture(scope="module")
def gold() -> dict:
    return seed_gold()


def test_seed_files_present():
    assert len(SEEDS) == 5


@pytest.mark.parametrize("stem", [p.stem for p in SEEDS])
def test_seed_title_published_dateline(stem, analysed, gold):
    a, g = analysed[stem], gold[stem]
    assert fold(a.title) == fold(g["title"])
    if g["published"]:
        assert a.published and a.published.startswith(g["published"])
    else:
        assert a.published is None
    if g["dateline"]:
        assert matches([a.dateline["place"]["name"], a.dateline["place"]["text"]], g["dateline"]["place"])
        assert matches([a.dateline["agency"]["name"], a.dateline["agency"]["text"]], g["dateline"]["agency"])


@pytest.mark.parametrize("stem", [p.stem for p in SEEDS])
def test_seed_boilerplate(stem, analysed, gold):
    a, g = analysed[stem], gold[stem]
    text = fold(a.text)
    for line in g["not_in_body"]:
        assert re.search(rf"(^| ){re.escape(fold(line))}( |$)", text) is None, line
    for start in g["body_starts"]:
        assert fold(start) in text, start


def test_seed_metadata(analysed):
    assert analysed["001_008f0bbb976f5b92"].meta["outlet_name"] == "مصراوي"
    thabat = analysed["003_260b10cfabfba221"].meta
    assert (thabat["outlet_name"], thabat["section"]) == ("الثبات", "دولي")
    rt = analysed["002_9022c90057377cdd"].meta
    assert rt["source_names"] == ["سبوتنيك", "RT عربية"]
    assert [a.meta.get("weekday") for a in analysed.values()] == [
        "Monday",
        "Monday",
        "Thursday",
        "Monday",
        "Monday",
    ]
