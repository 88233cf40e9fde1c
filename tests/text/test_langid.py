"""Language identification: Arabic-script languages told apart by letters and function words, others by script/lingua."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.model import Article
from khabar.pipeline import Pipeline
from khabar.text.langid import arabic_scores, decide_arabic, detect, langid, spelled_in

from .seedgold import gold, seed_paths

CASES = {
    "fa": [
        "دیدار پوتین و لوکاشنکو در سن پترزبورگ",
        "حمله موشکی به پایگاه آمریکا",
        "نشست سران در تهران برگزار شد",
        "ايران و روسيه",  # Persian typed on an Arabic keyboard
        "تسلیحات هسته ای روسیه در خاک این کشور همسایه استقرار یافته اند",
    ],
    "ar": [
        "بوتين يلتقي أردوغان",
        "روسيا وإيران",
        "هجوم صاروخي على قاعدة أمريكية",
        "قمة في طهران",
        "وزيرا الدفاع الروسي والبيلاروسي يبحثان تعزيز قدرات البلدين الدفاعية",
    ],
    "ur": ["وزیر اعظم نے اجلاس کی صدارت کی", "پاکستان اور ایران کے درمیان مذاکرات"],
    "ps": ["د افغانستان ولسمشر له پاکستان سره خبرې وکړې", "په کابل کې چاودنه"],
    "ckb": ["سەرۆکی هەرێمی کوردستان لەگەڵ شاندێکی ئەمریکی کۆبووەوە", "کۆبوونەوەی پەرلەمان"],
    "ug": ["شىنجاڭ ئۇيغۇر ئاپتونوم رايونى", "بۇ يىل ئىقتىسادىي ئۆسۈش"],
    "en": ["The president met his counterpart in Minsk on Monday."],
    "fr": ["Le président a rencontré son homologue à Minsk lundi."],
    "tr": ["Cumhurbaşkanı pazartesi günü Minsk'te mevkidaşıyla görüştü."],
    "de": ["Der Präsident traf am Montag seinen Amtskollegen in Minsk."],
    "es": ["El presidente se reunió con su homólogo en Minsk el lunes."],
    "ru": ["Президент встретился со своим коллегой в Минске в понедельник."],
    "uk": ["Президент зустрівся зі своїм колегою в Мінську в понеділок."],
    "el": ["Ο πρόεδρος συναντήθηκε με τον ομόλογό του"],
    "he": ["הנשיא נפגש עם עמיתו במינסק"],
    "zh": ["总统周一在明斯克会见了他的同行"],
    "ja": ["大統領は月曜日にミンスクで会談した"],
    "hi": ["राष्ट्रपति ने सोमवार को मिन्स्क में मुलाकात की"],
}


@pytest.mark.parametrize(("lang", "text"), [(lang, t) for lang, texts in CASES.items() for t in texts])
def test_language_of_short_text(lang: str, text: str) -> None:
    assert detect(text)[0] == lang


@pytest.mark.parametrize(
    ("a", "b", "text"),
    [
        ("fa", "ar", "دیدار پوتین و لوکاشنکو"),
        ("ar", "fa", "لقاء بوتين ولوكاشينكو"),
        ("ur", "fa", "وزیر اعظم نے کہا"),
        ("ps", "fa", "په کابل کې"),
        ("ckb", "fa", "لەگەڵ هەرێمی کوردستان"),
        ("ug", "ar", "ئۇيغۇر ۋە دۆلەت"),
    ],
)
def test_confusable_pairs_by_evidence(a: str, b: str, text: str) -> None:
    scores = arabic_scores(text)
    assert scores[a] > scores[b]
    assert decide_arabic(text) == a


def test_mixed_document_has_spans_and_a_main_language() -> None:
    ar = "وقال الرئيس الروسي فلاديمير بوتين إن المحادثات كانت مثمرة للغاية وإن البلدين سيعززان التعاون."
    fa = "رئیس جمهور روسیه در این دیدار گفت که روابط دو کشور در همه زمینه ها گسترش خواهد یافت."
    en = "The talks were described as very productive by both presidents on Monday."
    text = "\n".join([ar, ar, fa, en])
    lang, spans = detect(text)
    assert lang == "ar"
    assert [s["lang"] for s in spans] == ["ar", "fa", "en"]
    assert text[spans[1]["start"] : spans[1]["end"]] == fa
    assert spans[-1]["end"] == len(text)


def test_title_decides_when_text_is_empty() -> None:
    a = langid(Article(id="x", title="دیدار پوتین و لوکاشنکو در سن پترزبورگ"))
    assert (a.lang, a.lang_spans) == ("fa", [])


def test_no_letters_keeps_metadata_language() -> None:
    assert langid(Article(id="x", text="2022 - 10:25", lang="ar")).lang == "ar"


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_seed_language_and_title_language(path: Path) -> None:
    expected = gold()[path.stem]["lang"]
    a = Pipeline(["khabar.text.html.v1", "khabar.text.langid.v1"])(
        Article(id="x", raw=path.read_text("utf-8"))
    )
    assert a.lang == expected
    title = path.read_text("utf-8").strip().split("\n")[0]
    assert detect(title)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مرحبا، كيف حالك؟ ١٢٣", {"arabic": 17}),  # Arabic punctuation and digits sit in the Arabic block
        ("مرحبا × ٢", {"arabic": 6, "latin": 1}),  # × is in the Latin-1 block: not an Arabic-only paragraph
        ("مرحبا ΑΘΗΝΑ", {"arabic": 5, "el": 5}),
        ("١٢٣ ، ؟", {"arabic": 5}),
        ("123 _ !", {}),
    ],
)
def test_script_letters_arabic_only_and_mixed(text: str, expected: dict[str, int]) -> None:
    from khabar.text.langid import script_letters

    assert dict(script_letters(text)) == expected


def test_one_letter_abbreviations_are_not_function_words() -> None:
    # د. is "Dr." in Arabic; as a word, د is Pashto's "of"
    text = "د. آل هيازع: تفجير مسجد قوات الطوارئ بعسير عمل إجرامي دنيء\n د. آل هيازع د. اليماني"
    assert detect(text)[0] == "ar"


def test_a_stray_latin_word_gets_no_language() -> None:
    assert detect("Array") == (None, [])
    assert detect("The agreement was signed in Vienna on Tuesday by the ministers.")[0] == "en"


@pytest.mark.parametrize(
    ("word", "lang"),
    [("لاہور", "ur"), ("کراچی", None), ("لاهور", None), ("خانۀ", "fa"), ("القاهرة", "ar"), ("رئيس", None)],
)
def test_the_letters_of_a_spelling_name_its_language(word, lang):
    # ی and ک are shared by fa, ur, ps and ckb; ئ (Uyghur, weight 0.2) is an Arabic letter too
    assert spelled_in(word) == lang
