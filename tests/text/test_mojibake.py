"""Mojibake: UTF-8 read as cp1256, latin-1 or cp1252 (once or twice) is undone; clean text is untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.model import Article
from khabar.pipeline import Pipeline
from khabar.text.mojibake import fix_mojibake

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
ARABIC = "بوتين يصف محادثاته مع لوكاشينكو في مينسك بأنها “مثمرة للغاية”."
PERSIAN = "دیدار پوتین و لوکاشنکو در سن‌پترزبورگ؛ تسلیحات هسته‌ای «روسیه»"


def _cp1256(s: str) -> str:
    return s.encode("utf-8").decode("cp1256")


def _latin1(s: str) -> str:
    return s.encode("utf-8").decode("latin-1")


def _cp1252(s: str) -> str:
    import ftfy.bad_codecs  # noqa: F401  registers sloppy-windows-1252, as browsers decode it

    return s.encode("utf-8").decode("sloppy-windows-1252")


@pytest.mark.parametrize("clean", [ARABIC, PERSIAN, "Café “quoted” — text"])
@pytest.mark.parametrize("damage", [_cp1256, _latin1, _cp1252, lambda s: _latin1(_latin1(s))])
def test_damage_is_undone(clean: str, damage) -> None:
    assert fix_mojibake(damage(clean)) == clean


@pytest.mark.parametrize("clean", [ARABIC, PERSIAN])
def test_double_cp1256_is_undone(clean: str) -> None:
    assert fix_mojibake(_cp1256(_cp1256(clean))) == clean


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_clean_seed_is_unchanged(path: Path) -> None:
    text = path.read_text("utf-8")
    assert fix_mojibake(text) == text


def test_stage_fixes_text_and_title_with_one_summary_repair() -> None:
    a = Article(id="x", raw=_cp1256(ARABIC + "\n" + ARABIC), title=_cp1256("بوتين في مينسك"))
    a = Pipeline(["khabar.text.html.v1", "khabar.text.mojibake.v1"])(a)
    assert a.text == ARABIC + "\n" + ARABIC
    assert a.title == "بوتين في مينسك"
    assert [r["kind"] for r in a.repairs] == ["mojibake"]
    assert a.repairs[0]["to"] == a.text[:40]


def test_stage_leaves_clean_article_alone() -> None:
    a = Pipeline(["khabar.text.html.v1", "khabar.text.mojibake.v1"])(
        Article(id="x", raw=ARABIC, title="بوتين")
    )
    assert (a.text, a.title, a.repairs) == (ARABIC, "بوتين", [])


def test_stray_pairs_in_clean_arabic_are_not_mojibake() -> None:
    text = "قال فقط، ثم الربيع، وبعدها مع، الخ"  # ط، and ع، look like cp1256 pairs
    assert fix_mojibake(text) == text
