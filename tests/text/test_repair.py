"""Split-word repair: words broken where a shadda or tanween was dropped are joined; nothing else is."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.model import Article
from khabar.pipeline import Pipeline
from khabar.text.repair import split_words

from .seedgold import gold, scorer_fold, seed_paths

STAGES = ["khabar.text.html.v1", "khabar.text.langid.v1", "khabar.text.split_words.v1"]


def _repair(text: str, lang: str = "ar") -> Article:
    return split_words(Article(id="x", text=text, lang=lang))


@pytest.mark.parametrize(
    ("damaged", "joined"),
    [
        ("أطلقت القوات سرب ا من الطائرات", "سربا"),  # tanween alef
        ("القوات التي تكب دت خسائر", "تكبدت"),  # shadda mid-word
        ("الرئيس الذي يتول ى السلطة", "يتولى"),  # alef maqsura after shadda
        ("لم توضح مد ة المناورات", "مدة"),  # teh marbuta after shadda, with a proclitic و
        ("جنودا يقودون مدر عات في الميدان", "مدرعات"),
        ("قال إنه خط ط للزيارة", "خطط"),  # a lone consonant
        ("وصل إلى الجامعة العر بية أمس", "العربية"),
    ],
)
def test_split_words_are_joined(damaged: str, joined: str) -> None:
    a = _repair(damaged)
    assert [r["to"] for r in a.repairs] == [joined]
    r = a.repairs[0]
    assert a.text[r["start"] : r["start"] + len(r["to"])] == joined
    assert r["from"].replace(" ", "") == joined and r["kind"] == "split_word"


@pytest.mark.parametrize(
    "clean",
    [
        "ما من لحظة صمت في ميادين التدريب",  # frequent words next to each other
        "بما في ذلك الدول الأوروبية",
        "مينسك - (د ب أ) - وصف الرئيس",  # an abbreviation of lone letters
        "قال د. سالم إن الوضع جيد",  # a lone letter with a dot
        "وسعرها يصل بـ 800 ريال",  # a proclitic written apart with tatweel
        "وتطبيق واتس آب التابع لفيس بوك",  # compound names written apart
        "انطلاق البريمير ليغ الذي سيسعى",
        "كتاب الله عز وجل وسنة نبيه",
        "المستمد من كتاب الله عزو جل",  # a misplaced space before the conjunction
        "فعاليات مهرجان اﻷفلاج الخامس",  # presentation forms are part of the word
        "عدد من رجال ا\u00adلأمن",  # a soft hyphen inside a word
        "في مجموعة ب مع الفريق",
    ],
)
def test_clean_arabic_is_not_joined(clean: str) -> None:
    a = _repair(clean)
    assert (a.text, a.repairs) == (clean, [])


def test_persian_spacing_is_left_for_normalization() -> None:
    text = "تسلیحات هسته ای روسیه که می شود در کی یف"
    assert _repair(text, "fa").repairs == []


def test_other_languages_are_skipped() -> None:
    assert _repair("تكب دت", "en").repairs == []


def test_offsets_of_earlier_stages_follow_the_joins() -> None:
    text = "القوات التي تكب دت خسائر اليوم الاثنين"
    a = Article(id="x", text=text, lang="ar", lang_spans=[{"start": 0, "end": len(text), "lang": "ar"}])
    a.date_refs = [{"text": "اليوم الاثنين", "start": text.index("اليوم"), "kind": "weekday"}]
    a = split_words(a)
    ref = a.date_refs[0]
    assert a.text[ref["start"] : ref["start"] + len(ref["text"])] == "اليوم الاثنين"
    assert a.lang_spans[0]["end"] == len(a.text)


def test_rerun_does_not_duplicate_repairs() -> None:
    a = _repair("القوات التي تكب دت خسائر")
    assert len(split_words(a).repairs) == 1


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_seed_repairs_match_gold(path: Path) -> None:
    expected = gold()[path.stem]["repairs"]
    fold = scorer_fold()
    a = Pipeline(STAGES)(Article(id=path.stem, path=str(path), raw=path.read_text("utf-8")))
    found = {(fold(r["from"]), fold(r["to"])) for r in a.repairs}
    assert found == {(fold(f), fold(t)) for f, t in expected}


def test_words_and_gaps_keep_offsets_with_marks() -> None:
    from khabar.text.repair import _words

    text = "قال: تكب دت\u064b  الخسائر ، x مدر عات"
    words, gaps = _words(text)
    assert [text[s:e] for s, e, _ in words] == ["قال", "تكب", "دت\u064b", "الخسائر", "مدر", "عات"]
    assert [w for _, _, w in words] == ["قال", "تكب", "دت", "الخسائر", "مدر", "عات"]
    assert gaps == [": ", " ", "  ", " ، x ", " "]
    assert _words("no arabic here") == ([], [])
