"""Sentence segmentation with offsets into text."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.model import Article
from khabar.pipeline import Pipeline
from khabar.text.sentences import split_sentences

from .seedgold import seed_paths


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith went to the U.S. on Monday. He paid 10.5 dollars! Really? Yes.",
            ["Mr. Smith went to the U.S. on Monday.", "He paid 10.5 dollars!", "Really?", "Yes."],
        ),
        ('He said "I am done." Then he left.', ['He said "I am done."', "Then he left."]),
        ("J. K. Rowling wrote it, e.g. this one.", ["J. K. Rowling wrote it, e.g. this one."]),
        (
            "قال بوتين: «هذا مهم. جدا». وأضاف أن الاتفاق تم؟ نعم! انتهى؛ ثم غادر… وعاد",
            ["قال بوتين: «هذا مهم. جدا».", "وأضاف أن الاتفاق تم؟", "نعم!", "انتهى؛", "ثم غادر…", "وعاد"],
        ),
        (
            "وقال د. سالم إن النمو بلغ 3.5 في المئة. ثم غادر.",
            ["وقال د. سالم إن النمو بلغ 3.5 في المئة.", "ثم غادر."],
        ),
        (
            "وقال “لا مصلحة لروسيا في ابتلاع أي كان. هذا بكل بساطة لا معنى له”. ثم غادر.",
            ["وقال “لا مصلحة لروسيا في ابتلاع أي كان. هذا بكل بساطة لا معنى له”.", "ثم غادر."],
        ),
        ("پوتین گفت: «این مهم است.» او افزود.", ["پوتین گفت: «این مهم است.»", "او افزود."]),
        ("عنوان بلا نقطة\nسطر ثان.", ["عنوان بلا نقطة", "سطر ثان."]),
        (
            "وزیراعظم نے کہا کہ بات چیت مفید رہی۔ وہ کل واپس آئیں گے۔",
            ["وزیراعظم نے کہا کہ بات چیت مفید رہی۔", "وہ کل واپس آئیں گے۔"],
        ),
        ("", []),
    ],
)
def test_segmentation(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_long_quote_is_split_at_its_own_ends() -> None:
    inner = " ".join(["هذه جملة طويلة داخل الاقتباس تتكرر هنا."] * 10)
    text = f"قال: «{inner}» وانتهى."
    assert len(split_sentences(text)) > 5


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_seed_sentences_cover_the_text_in_order(path: Path) -> None:
    a = Pipeline(["khabar.text.html.v1", "khabar.text.sentences.v1"])(
        Article(id="x", raw=path.read_text("utf-8"))
    )
    assert len(a.sentences) > 5
    ends = [0]
    for start, end in a.sentences:
        assert ends[-1] <= start < end <= len(a.text)
        assert a.text[start:end] == a.text[start:end].strip()
        ends.append(end)
    letters = "".join(ch for ch in a.text if ch.isalpha())
    assert "".join(ch for s, e in a.sentences for ch in a.text[s:e] if ch.isalpha()) == letters
