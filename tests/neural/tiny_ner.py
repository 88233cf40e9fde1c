"""A tiny ONNX token classifier built on the spot, in the layout ``optimum-cli export onnx`` writes: each word
piece's logits are a row of a table (one Gather node), so which words it reads as persons or organisations
is known without downloading a real model."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
PIECES = {
    "B-PER": ["رومانو", "رامس", "Romano"],
    "I-PER": ["برودي", "Prodi"],
    "B-ORG": ["مجموعة"],
    "I-ORG": ["الأزمات"],
    "B-LOC": ["بروكسل"],
    "O": ["##فيلد", "قال", "وصف", "الجهد", "العسكري", "رئيس", "اللجنة", "إن", "وأضاف", "أن", "said", "in"],
}


def build_tiny_ner(folder: Path) -> Path:
    """Save model.onnx, tokenizer.json (WordPiece, with [CLS] and [SEP]) and config.json in ``folder``."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper
    from tokenizers import Tokenizer, models, pre_tokenizers, processors

    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", *(p for ps in PIECES.values() for p in ps)]
    table = np.zeros((len(vocab), len(LABELS)), dtype=np.float32)
    table[:, 0] = 1.0  # O unless a piece says otherwise
    for label, pieces in PIECES.items():
        for piece in pieces:
            table[vocab.index(piece), LABELS.index(label)] = 5.0
    node = helper.make_node("Gather", ["table", "input_ids"], ["logits"], axis=0)
    graph = helper.make_graph(
        [node],
        "tiny-ner",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "sequence"])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "sequence", len(LABELS)])],
        initializer=[numpy_helper.from_array(table, "table")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    folder.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(folder / "model.onnx"))
    tokenizer = Tokenizer(models.WordPiece({p: i for i, p in enumerate(vocab)}, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", 2), ("[SEP]", 3)]
    )
    tokenizer.save(str(folder / "tokenizer.json"))
    config = {"id2label": {str(i): label for i, label in enumerate(LABELS)}}
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    return folder
