"""Transformer named-entity recognition, an optional stage (``pip install 'khabar[ner]'``).

The entity stage finds persons by rule (titles, given names, nationality adjectives, reporting verbs) and
places and organisations by gazetteer. A name with none of those cues around it (a foreign surname after a
verb, "وصف رامسفيلد") goes unseen. A token-classification model (a BERT fine-tuned for NER, such as
CAMeLBERT's for Arabic or ParsBERT's for Persian, exported to ONNX) proposes the spans it reads as PER and
ORG; the entity stage then takes those its rules missed and links them as it links its own (one id per
person across the article's spellings and short forms). Places stay the gazetteer's: clustering needs
their canonical ids and containment, which a model cannot give.

The model folder holds what ``optimum-cli export onnx --task token-classification`` writes: ``model.onnx``,
``tokenizer.json`` and ``config.json`` (its ``id2label``). It is read once per process, never downloaded at
run time, and runs on one thread: the engines already run one worker per core.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..model import Article
from ..registry import stage

STAGE = "khabar.neural.ner.v1"
TYPES = {"PER": "PERSON", "PERS": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "ORGANIZATION": "ORG"}
"""The model labels' entity types the entity stage takes, by the name each type goes by (prefix B-, I-...)."""
_FEEDS = ("input_ids", "attention_mask", "token_type_ids")

Span = tuple[int, int, str]
"""Start and end character offsets and the khabar type (PERSON, ORG)."""


class NerModelError(RuntimeError):
    """The NER model cannot be loaded: no folder set, a file missing, or no onnxruntime."""


@dataclass(frozen=True)
class NerModel:
    """A loaded token classifier: its ONNX session, tokenizer, labels and the inputs the graph takes."""

    session: Any
    tokenizer: Any
    labels: tuple[str, ...]
    inputs: tuple[str, ...]


@functools.cache
def load_model(path: str) -> NerModel:
    """The token classifier exported to the folder ``path`` (loaded once per process)."""
    if not path:
        raise NerModelError(f'{STAGE} needs a model folder: set [stages."{STAGE}"] model = "FOLDER"')
    folder = Path(path).expanduser()
    missing = [n for n in ("model.onnx", "tokenizer.json", "config.json") if not (folder / n).is_file()]
    if missing:
        raise NerModelError(f"{folder}: not an exported token classifier (no {', '.join(missing)})")
    try:
        import onnxruntime
        from tokenizers import Tokenizer
    except ImportError:
        raise NerModelError(f"{STAGE} needs onnxruntime and tokenizers: pip install 'khabar[ner]'") from None
    try:
        id2label = json.loads((folder / "config.json").read_text(encoding="utf-8"))["id2label"]
        labels = tuple(str(id2label[str(i)]) for i in range(len(id2label)))
    except (ValueError, KeyError, TypeError) as exc:
        raise NerModelError(f"{folder / 'config.json'}: no usable id2label ({exc})") from None
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(
        str(folder / "model.onnx"), options, providers=["CPUExecutionProvider"]
    )
    names = tuple(i.name for i in session.get_inputs())
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    return NerModel(session, tokenizer, labels, tuple(n for n in _FEEDS if n in names))


def recognise(texts: Sequence[str], model: NerModel, max_tokens: int = 512) -> list[list[Span]]:
    """The PERSON and ORG spans the model reads in each text (one batch; longer texts are cut at ``max_tokens``).

    A word's label is its first sub-word's; B- (or S-) starts a span, I- (or E-) of the same type goes on with it."""
    if not texts:
        return []
    encodings = [model.tokenizer.encode(t) for t in texts]
    for e in encodings:
        e.truncate(max_tokens)
    width = max(len(e.ids) for e in encodings)
    feeds = {
        name: np.array([getattr(e, attr) + [0] * (width - len(e.ids)) for e in encodings], dtype=np.int64)
        for name, attr in (
            ("input_ids", "ids"),
            ("attention_mask", "attention_mask"),
            ("token_type_ids", "type_ids"),
        )
        if name in model.inputs
    }
    best = model.session.run(None, feeds)[0].argmax(axis=-1)
    return [
        list(_spans(e, [model.labels[k] for k in row]))
        for e, row in zip(encodings, best.tolist(), strict=True)
    ]


def _spans(encoding: Any, labels: list[str]) -> Iterator[Span]:
    """The PERSON and ORG spans of one encoded text whose tokens were labelled ``labels``."""
    span: Span | None = None
    previous = None
    for k, word in enumerate(encoding.word_ids):
        if word is None or encoding.special_tokens_mask[k]:
            if span:
                yield span
            span = previous = None
            continue
        start, end = encoding.offsets[k]
        if word == previous:  # a later sub-word of the word: the span, if any, takes it whole
            span = (span[0], end, span[2]) if span else None
            continue
        previous = word
        # B-, I- (IOB2), S-, E- (BIOES); a label without a prefix (IO, and O) goes on with a span of its type
        tag, _, name = labels[k].partition("-") if "-" in labels[k] else ("I", "", labels[k])
        kind = TYPES.get(name.upper())
        if span and (kind != span[2] or tag not in ("I", "E")):
            yield span
            span = None
        if kind is None:
            continue
        span = (span[0], end, kind) if span else (start, end, kind)
        if tag in ("S", "E"):
            yield span
            span = None
    if span:
        yield span


def _windows(article: Article, chars: int) -> list[tuple[int, int]]:
    """The text cut into runs of whole sentences of at most ``chars`` characters (a longer sentence alone)."""
    text = article.text or ""
    sentences = [(int(a), int(b)) for a, b in article.sentences or []] or [(0, len(text))]
    out: list[tuple[int, int]] = []
    for a, b in sentences:
        if out and b - out[-1][0] <= chars:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


@stage(STAGE, assigns=("ner_spans",), requires=("text", "title", "sentences"), batch=True)
def ner(
    articles: list[Article], *, model: str = "", window_chars: int = 1000, max_tokens: int = 512
) -> list[Article]:
    """Set each article's ``ner_spans``: the PERSON and ORG spans the model ``model`` (a folder) reads in its
    title and text, read in windows of whole sentences of at most ``window_chars`` characters."""
    loaded = load_model(model)
    for article in articles:
        text = article.text or ""
        windows = _windows(article, window_chars)
        found = recognise([article.title or "", *(text[a:b] for a, b in windows)], loaded, max_tokens)
        spans = [{"field": "title", "start": s, "end": e, "type": t} for s, e, t in found[0]]
        for (offset, _), window in zip(windows, found[1:], strict=True):
            spans += [
                {"field": "text", "start": offset + s, "end": offset + e, "type": t} for s, e, t in window
            ]
        article.ner_spans = spans
    return articles
