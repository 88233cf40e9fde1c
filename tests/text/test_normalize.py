"""Normalization for matching and search: folding, clitic-aware tokens, and the FTS5 contract of the store."""

from __future__ import annotations

import sqlite3

import pytest

from khabar.text.normalize import (
    fold,
    has_word_frequencies,
    index_text,
    match_key,
    match_query,
    strip_clitics,
    tokens,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("كِتَابٌ", "كتاب"),  # diacritics
        ("كتـــاب", "كتاب"),  # tatweel
        ("أحمد إيران آمل", "احمد ايران امل"),  # alef forms
        ("علي على", "علی علی"),  # ي ى ی
        ("لوکاشنکو", "لوكاشنكو"),  # ک ك
        ("مدرسة", "مدرسه"),  # teh marbuta
        ("مؤتمر رئيس", "موتمر رییس"),  # hamza carriers
        ("١٢٣ ۴۵۶", "123 456"),  # Arabic-Indic and Persian digits
        ("«سلام» “hi” ‘x’", '"سلام" "hi" \'x\''),  # quotes
        ("؟ ، ؛ – —", "? , ; - -"),  # punctuation
        ("هسته\u200cای", "هستهای"),  # ZWNJ
    ],
)
def test_fold(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_persian_spacing_variants_give_one_token() -> None:
    assert tokens("هسته‌ای") == tokens("هسته ای") == tokens("هستهای") == ["هستهای"]
    assert tokens("می شود") == tokens("می‌شود")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("کتاب", "ها را خواند"),  # a detached suffix right after the break stays a word of its own
        ("او می", " شود"),  # so does a detached می right before it
        ("ΟΔΟΣ", "Σ ΚΑΙ"),  # final sigma is decided on each side
        ("", "متن"),
    ],
)
def test_no_token_spans_a_line_break(first: str, second: str) -> None:
    """Clustering sketches title + "\n" + text from the tokens of each (cluster_input)."""
    assert tokens(first + "\n" + second) == tokens(first) + tokens(second)


def test_arabic_ay_is_not_taken_for_a_persian_suffix() -> None:
    assert tokens("في أي وقت") == ["فی", "ای", "وقت"]


@pytest.mark.parametrize(
    ("token", "stem"),
    [
        ("وبیلاروسیا", "بیلاروسیا"),  # conjunction و before a known word
        ("والرییس", "رییس"),  # و + article
        ("للمواطنین", "مواطنین"),
        ("وزیر", "وزیر"),  # و is part of the word
        ("فلسطین", "فلسطین"),
        ("هستهای", "هسته"),  # Persian ای
        ("کتابهای", "کتاب"),  # Persian های (via ها + ی)
    ],
)
def test_strip_clitics(token: str, stem: str) -> None:
    assert strip_clitics(token) == stem


def test_match_key_ignores_spacing_in_names() -> None:
    assert match_key("کی یف") == match_key("کی‌یف") == match_key("كييف")
    assert match_key("أبو ظبي") == match_key("ابوظبي")


@pytest.fixture()
def fts() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(body)")
    docs = [
        "رئیس جمهور بلاروس لوكاشنكو در مسکو",
        "وقعت روسيا وبيلاروسيا اتفاقا",
        "تسلیحات هسته ای روسیه",
        "قرأ الطالب كِتَابٌ جديدا",
        "وزير الخارجية زار الرياض",
    ]
    db.executemany(
        "INSERT INTO docs(rowid, body) VALUES (?, ?)", [(i, index_text(d)) for i, d in enumerate(docs)]
    )
    return db


def _search(db: sqlite3.Connection, query: str) -> set[int]:
    return {row[0] for row in db.execute("SELECT rowid FROM docs WHERE docs MATCH ?", (match_query(query),))}


@pytest.mark.parametrize(
    ("query", "hits"),
    [
        ("لوکاشنکو", {0}),
        ("بيلاروسيا", {1}),
        ("هسته‌ای", {2}),
        ("هستهای", {2}),
        ("كتاب", {3}),
        ("وبيلاروسيا روسيا", {1}),
        ("زير", set()),  # وزير is not و + زير
    ],
)
def test_search_finds_variant_spellings(fts: sqlite3.Connection, query: str, hits: set[int]) -> None:
    assert _search(fts, query) == hits


def test_word_frequencies_only_for_languages_wordfreq_has(caplog: pytest.LogCaptureFixture) -> None:
    from khabar.cluster.features import prior_doc_freq
    from khabar.extract.matcher import zipf

    assert has_word_frequencies("ar") and has_word_frequencies("fa") and has_word_frequencies("en")
    assert not has_word_frequencies("yo") and not has_word_frequencies(None)
    with caplog.at_level("WARNING"):
        assert prior_doc_freq("yo", 300) == {} and zipf("the", "so") == 0.0
    assert not caplog.records  # wordfreq was never asked (it warns and answers with English)
    assert zipf("the", "en") > 6
