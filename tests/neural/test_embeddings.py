"""The optional embeddings stage, on a tiny model2vec model the tests build (tests/neural/conftest.py)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

import khabar
from khabar.cluster.events import Clusterer
from khabar.cluster.similarity import embedding_score
from khabar.config import DEFAULT_PIPELINE
from khabar.model import Article
from khabar.neural.embeddings import STAGE, USE_MODEL, EmbeddingModelError, embeddings, load_model

from .conftest import DIM


def _cos(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_the_stage_gives_each_article_a_unit_vector_of_its_meaning(tiny_model: str) -> None:
    articles = [
        Article(id="en", title="Earthquake", text="A magnitude 5 quake hit the city on Tuesday."),
        Article(id="ar", title="زلزال", text="ضرب الزلزال المدينة"),
        Article(id="fire", title="Blaze", text="Firefighters fought the fire near the center."),
        Article(id="unknown", text="Nichts davon kennt das Modell."),
    ]
    done = {a.id: a.embedding for a in embeddings(articles, model=tiny_model)}
    for key in ("en", "ar", "fire"):
        assert len(done[key]) == DIM
        assert math.isclose(math.sqrt(sum(x * x for x in done[key])), 1.0, abs_tol=1e-4)
    assert _cos(done["en"], done["ar"]) > 0.9  # one kind of happening, in two languages
    assert _cos(done["en"], done["fire"]) < 0.6
    assert done["unknown"] is None  # no token the model knows: no direction
    again = embeddings([Article(id="en", title="Earthquake", text=articles[0].text)], model=tiny_model)
    assert again[0].embedding == done["en"]


def test_a_model_that_cannot_be_loaded_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EmbeddingModelError, match="needs a model folder"):
        load_model("")
    with pytest.raises(EmbeddingModelError, match="no such model folder"):
        load_model(str(tmp_path / "absent"))
    with pytest.raises(EmbeddingModelError, match="not a model2vec model"):
        load_model(str(tmp_path))


def test_the_stored_embedding_is_what_recluster_compares(tmp_path: Path, tiny_model: str) -> None:
    rows = [
        {
            "id": "q1",
            "title": "Earthquake hits the city",
            "text": "A magnitude 5 quake hit the city on Tuesday.",
        },
        {"id": "f1", "title": "Blaze near the center", "text": "Firefighters fought a fire near the center."},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    pipeline = [*DEFAULT_PIPELINE, STAGE]
    with khabar.open(tmp_path / "k.db", pipeline=pipeline, stages={STAGE: {"model": tiny_model}}) as k:
        k.ingest([str(feed)])
        stored = {a.id: a for a in k.store.iter_articles()}
        before = {aid: (a.event, a.story) for aid, a in stored.items()}
        k.recluster()
        after = {a.id: (a.event, a.story) for a in k.store.iter_articles()}
    fresh = embeddings(
        [Article(id=r["id"], title=r["title"], text=stored[r["id"]].text) for r in rows], model=tiny_model
    )
    assert {a.id: a.embedding for a in fresh} == {aid: a.embedding for aid, a in stored.items()}
    assert stored["q1"].stages[STAGE.rsplit(".", 1)[0]] == "v1"
    assert after == before


def _stories(weight: float, articles: list[Article]) -> set[str | None]:
    clusterer = Clusterer(None, {"stories": {"weights": {"embedding": weight}}})
    clusterer.add_batch(articles)
    return {clusterer.assignment(a.id).story for a in articles}


def test_a_story_joins_two_happenings_of_one_kind_by_their_embeddings(tiny_model: str) -> None:
    # Two actors in rehab, told in other words: terms alone keep them in two stories, meaning joins them.
    articles = embeddings(
        [
            Article(
                id="a",
                lang="en",
                title="Actress checked into rehab clinic",
                text="Tara Reid checked into a rehab clinic on Tuesday, her publicist said.",
            ),
            Article(
                id="b",
                lang="en",
                title="Singer entered treatment",
                text="Lindsay Lohan entered treatment for addiction on Friday, her lawyer said.",
            ),
        ],
        model=tiny_model,
    )
    assert len(_stories(0.0, articles)) == 2
    assert len(_stories(1.0, articles)) == 1


def test_khabar_tune_fits_the_embedding_weights_when_the_config_embeds(
    tmp_path: Path, tiny_model: str
) -> None:
    rows = [
        ("a", "rehab", "Tara Reid checked into a rehab clinic on Tuesday, her publicist said."),
        ("b", "rehab", "Lindsay Lohan entered treatment for addiction on Friday, her lawyer said."),
        ("c", "quake", "A magnitude 5 earthquake hit the city on Tuesday."),
        ("d", "quake", "A strong tremor shook the region near the coast on Friday."),
    ]
    labeled = tmp_path / "labeled.jsonl"
    labeled.write_text(
        "".join(
            json.dumps({"id": i, "text": t, "lang": "en", "event": i, "story": s}) + "\n" for i, s, t in rows
        ),
        encoding="utf-8",
    )
    config = tmp_path / "khabar.toml"
    config.write_text(
        f"pipeline = {json.dumps([*DEFAULT_PIPELINE, STAGE])}\n"
        f"[stages.{json.dumps(STAGE)}]\nmodel = {json.dumps(tiny_model)}\n",
        encoding="utf-8",
    )
    fitted = tmp_path / "fitted.json"
    khabar_bin = Path(sys.executable).with_name("khabar")
    args = ["--db", str(tmp_path / "k.db"), "--config", str(config), "tune", str(labeled), "-o", str(fitted)]
    subprocess.run([str(khabar_bin), *args], check=True, capture_output=True, timeout=300)
    block = json.loads(fitted.read_text(encoding="utf-8"))
    assert block["stories"]["weights"]["embedding"] > 0  # the only evidence that joins each pair's story


def test_the_packaged_universal_sentence_encoder_places_one_happening_near_itself_across_languages() -> None:
    articles = embeddings(
        [
            Article(
                id="en", title="Earthquake in Indonesia", text="A magnitude 6 earthquake struck Indonesia."
            ),
            Article(id="ar", title="زلزال في إندونيسيا", text="ضرب زلزال بقوة 6 درجات إندونيسيا."),
            Article(id="fa", title="زلزله در اندونزی", text="زلزله‌ای به بزرگی ۶ ریشتر اندونزی را لرزاند."),
            Article(id="rehab", title="Actress in rehab", text="Tara Reid checked into a rehab clinic."),
        ],
        model=USE_MODEL,
    )
    done = {a.id: a.embedding for a in articles}
    assert len(done["en"]) == 512
    unrelated = _cos(done["en"], done["rehab"])
    assert _cos(done["en"], done["ar"]) > unrelated + 0.3
    # Persian is not among the model's 16 languages; its shared script and loanwords still place it nearer
    assert _cos(done["ar"], done["fa"]) > _cos(done["fa"], done["rehab"]) + 0.2


def test_a_cosine_below_the_floor_adds_nothing() -> None:
    p = {"emb": {"0": 1.0, "1": 0.0}}
    q = {"emb": {"0": 0.6, "1": 0.8}}  # cosine .6
    weights = {"weights": {"embedding": 1.0}}
    assert embedding_score(p, q, weights) == pytest.approx(0.6)
    assert embedding_score(p, q, {**weights, "embedding_floor": 0.5}) == pytest.approx(0.2)
    assert embedding_score(p, q, {**weights, "embedding_floor": 0.7}) == 0.0
    assert embedding_score(p, q, {"weights": {"embedding": 0.0}, "embedding_floor": 0.5}) == 0.0
