"""The optional NER stage, on a tiny exported token classifier the tests build (tests/neural/tiny_ner.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.extract.entities import entities
from khabar.model import Article
from khabar.neural.ner import NerModelError, load_model, ner, recognise
from khabar.text.sentences import sentences

# No title, given name, nationality or reporting verb stands before these names: the rules miss them.
TEXT = "التقى رومانو برودي رئيس اللجنة في بروكسل بممثلي مجموعة الأزمات. ثم غادر برودي لأن خطة رامسفيلد للجهد خطأ."


def _article(title: str = "برودي في بروكسل") -> Article:
    return sentences(Article(id="a", lang="ar", title=title, text=TEXT))


def _found(article: Article) -> dict[str, tuple[str, list[str]]]:
    """PERSON and ORG entities: name -> (id, mention texts); the rules alone, without the curated persons (which
    now list Rumsfeld)."""
    return {
        e["name"]: (e["id"], [m["text"] for m in e["mentions"] + e["title_mentions"]])
        for e in entities(article, curated=False).entities
        if e["type"] in ("PERSON", "ORG")
    }


def test_word_pieces_make_whole_words_and_places_are_left_to_the_gazetteer(tiny_ner: str) -> None:
    model = load_model(tiny_ner)
    (spans,) = recognise(["وصف رامسفيلد الجهد في بروكسل"], model)
    text = "وصف رامسفيلد الجهد في بروكسل"
    assert [(text[s:e], t) for s, e, t in spans] == [("رامسفيلد", "PERSON")]  # رامس + ##فيلد; B-LOC dropped
    assert recognise([""], model) == [[]]


def test_the_stage_proposes_spans_of_the_title_and_text(tiny_ner: str) -> None:
    article = ner([_article()], model=tiny_ner, window_chars=60)[0]
    got = {
        (
            s["field"],
            (article.title if s["field"] == "title" else article.text)[s["start"] : s["end"]],
            s["type"],
        )
        for s in article.ner_spans
    }
    assert got == {
        ("title", "برودي", "PERSON"),
        ("text", "رومانو برودي", "PERSON"),
        ("text", "مجموعة الأزمات", "ORG"),
        ("text", "برودي", "PERSON"),
        ("text", "رامسفيلد", "PERSON"),
    }


def test_the_entity_stage_links_the_names_its_rules_missed(tiny_ner: str) -> None:
    plain = _found(_article())
    assert "رومانو برودي" not in plain and "رامسفيلد" not in plain
    found = _found(ner([_article()], model=tiny_ner)[0])
    prodi_id, prodi = found["رومانو برودي"]
    # one person: the full name, then the surname alone in the text and the title (the rules' short forms)
    assert prodi == ["رومانو برودي", "برودي", "برودي"] and prodi_id.startswith("person:")
    assert found["رامسفيلد"][1] == ["رامسفيلد"]
    assert found["مجموعة الأزمات"][0].startswith("org:")


def test_a_model_that_cannot_be_loaded_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NerModelError, match="needs a model folder"):
        load_model("")
    (tmp_path / "model.onnx").write_bytes(b"")
    with pytest.raises(NerModelError, match=r"no tokenizer\.json, config\.json"):
        load_model(str(tmp_path))
