"""A tiny model2vec model built on the spot: a few words in English, Arabic and Persian whose vectors say
which kind of happening they name, so that its embeddings are known without downloading a real model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("model2vec")

CONCEPTS = {
    "quake": ["earthquake", "quake", "tremor", "magnitude", "زلزال", "الزلزال", "زلزله"],
    "rehab": ["rehab", "rehabilitation", "treatment", "clinic", "checked", "entered", "addiction"],
    "fire": ["fire", "blaze", "firefighters", "حريق", "الحريق", "آتش"],
}
OTHER = ["the", "in", "on", "a", "her", "his", "said", "tuesday", "friday", "center", "near", "city"]
DIM = 16


def build_tiny_model(folder: Path) -> Path:
    """Save a model2vec model of ``CONCEPTS`` and ``OTHER`` in ``folder``: one vector per concept shared by its
    words (plus a little noise), a small random vector for every other word."""
    from model2vec import StaticModel
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers

    words = ["[UNK]", "[PAD]", *(w for ws in CONCEPTS.values() for w in ws), *OTHER]
    tokenizer = Tokenizer(models.WordLevel({w: i for i, w in enumerate(words)}, unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.Lowercase()
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    rng = np.random.default_rng(7)
    vectors = rng.normal(scale=0.05, size=(len(words), DIM)).astype(np.float32)
    vectors[:2] = 0.0
    for concept in CONCEPTS.values():
        axis = rng.normal(size=DIM)
        for word in concept:
            vectors[words.index(word)] += axis
    StaticModel(vectors, tokenizer, normalize=True).save_pretrained(folder)
    return folder


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The folder of the tiny model, as the stage's ``model`` setting takes it."""
    return str(build_tiny_model(tmp_path_factory.mktemp("tiny-model2vec")))


@pytest.fixture(scope="session")
def tiny_ner(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The folder of a tiny exported token classifier (tests/neural/tiny_ner.py)."""
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    from .tiny_ner import build_tiny_ner

    return str(build_tiny_ner(tmp_path_factory.mktemp("tiny-ner")))
