"""The clean stage: chrome lexicon in several languages, per-outlet lines, structural cues, title, outlet, source."""

from __future__ import annotations

from khabar.model import Article
from khabar.text import chrome
from khabar.text.clean import clean, split_names

BODY_AR = (
    "قال وزير الخارجية إن المحادثات التي جرت اليوم في العاصمة كانت بناءة ومثمرة وتناولت قضايا إقليمية عديدة.\n\n"
    "وأضاف الوزير في مؤتمر صحفي أن الجانبين اتفقا على مواصلة الحوار خلال الأسابيع المقبلة لتعزيز التعاون.\n\n"
    "وأشار إلى أن الاجتماع المقبل سيعقد في العاصمة الأخرى قبل نهاية العام الجاري بحضور ممثلين عن البلدين."
)
BODY_EN = (
    "The foreign minister said the talks held in the capital on Monday were constructive and covered many issues.\n\n"
    "Both sides agreed to continue the dialogue over the coming weeks in order to strengthen their cooperation.\n\n"
    "The next meeting will be held in the other capital before the end of the year, the minister told reporters."
)
BODY_FA = (
    "وزیر امور خارجه گفت مذاکرات امروز در پایتخت سازنده بود و طرفین درباره مسائل منطقه‌ای گفت‌وگو کردند.\n\n"
    "وی افزود دو طرف توافق کردند که گفت‌وگوها در هفته‌های آینده برای تقویت همکاری‌ها ادامه یابد.\n\n"
    "نشست بعدی پیش از پایان سال در پایتخت کشور دیگر برگزار خواهد شد و نمایندگان دو کشور حضور دارند."
)


def run(text: str, **kwargs) -> Article:
    return clean(
        Article(id="t", text=text, outlet=kwargs.pop("outlet", None), title=kwargs.pop("title", None)),
        **kwargs,
    )


def test_clean_article_comes_out_unchanged():
    for body in (BODY_AR, BODY_EN, BODY_FA):
        a = run(body, title="عنوان الخبر")
        assert a.text == body
        assert a.removed == []


def test_arabic_chrome_page():
    page = "\n\n".join(
        [
            "ابحث هنا",
            "إعلان",
            "عنوان الخبر عن المحادثات الثنائية بين البلدين",
            BODY_AR,
            "اقرأ أيضا: الوزير يصل إلى العاصمة",
            "شارك",
            "جميع الحقوق محفوظة © 2022",
            "الأكثر قراءة",
        ]
    )
    a = run(page)
    assert a.title == "عنوان الخبر عن المحادثات الثنائية بين البلدين"
    assert a.text == BODY_AR
    assert a.meta["removed_kinds"] == ["search", "ad", "read_also", "share", "copyright", "related"]


def test_english_chrome_page_and_prefix_patterns():
    page = "\n".join(
        [
            "Skip to main content",
            "Advertisement",
            "Minister hails talks",
            BODY_EN,
            "Read more: Minister arrives",
            "Share this article",
            "Related stories",
            "© 2022 Example News. All rights reserved.",
            "Back to top",
        ]
    )
    a = run(page)
    assert a.title == "Minister hails talks"
    assert "Read more" not in a.text and "Share" not in a.text and "Back to top" not in a.text
    assert a.text.startswith("The foreign minister said")
    assert len(a.removed) == 7


def test_persian_french_turkish_urdu_chrome():
    page = "\n\n".join(
        [
            "جستجو",
            "دیدار وزیران خارجه در پایتخت",
            BODY_FA,
            "بیشتر بخوانید: سفر وزیر",
            "برچسب‌ها: سیاست، دیپلماسی",
            "انتهای پیام",
        ]
    )
    a = run(page)
    assert a.text == BODY_FA
    assert set(a.meta["removed_kinds"]) == {"search", "read_also", "tags", "info"}
    for line, kind in (
        ("À lire aussi : le ministre arrive", "read_also"),
        ("Tous droits réservés", "copyright"),
        ("İlgili Haberler", "related"),
        ("Son dakika", "breaking"),
        ("یہ بھی پڑھیں: وزیر کی آمد", "read_also"),
        ("جملہ حقوق محفوظ ہیں", "copyright"),
    ):
        assert chrome.lexicon().kind(chrome.key(line)) == kind, line


def test_lexicon_whole_line_patterns_do_not_match_inside_sentences():
    assert chrome.lexicon().kind(chrome.key("إعلان الحكومة عن خطة جديدة للإصلاح")) is None
    assert chrome.lexicon().kind(chrome.key("Top officials met on Monday")) is None


def test_per_outlet_lines_are_removed_and_keys_reported():
    footer = "تابعوا موقعنا للأخبار العاجلة لحظة بلحظة"  # not in the lexicon
    text = BODY_AR + "\n\n" + footer + "\n\n" + "توقيع ثابت للموقع"
    learned = {"site": {chrome.line_key("توقيع ثابت للموقع")}}
    a = run(text, outlet="site", outlet_lines=learned)
    assert dict(zip(a.removed, a.meta["removed_kinds"], strict=True))["توقيع ثابت للموقع"] == "learned"
    assert chrome.line_key(footer) in a.meta["line_keys"]
    other = run(text, outlet="elsewhere", outlet_lines=learned)
    assert "توقيع ثابت للموقع" in other.removed  # short unpunctuated tail line: structural cue


def test_line_key_ignores_spelling_variants_and_punctuation():
    assert chrome.line_key("اقرأ أيضاً:") == chrome.line_key("اقرا ايضا")
    assert chrome.line_key("Top") != chrome.line_key("Topics")


def test_learn_outlet_lines_within_a_batch():
    docs = [
        ("site", f"{BODY_AR}\n\nخبر رقم {i} عن موضوع مختلف تماما عن غيره\n\nحقوق الموقع ومحتواه")
        for i in range(10)
    ]
    docs += [("other", BODY_EN)] * 3
    learned = chrome.learn_outlet_lines(docs, min_docs=5)
    assert learned == {"site": {chrome.line_key("حقوق الموقع ومحتواه")}}


def test_structural_caption_slogan_outlet_section_and_dateline_lines():
    page = "\n\n".join(
        [
            "الوزير يبحث مع نظيره تعزيز التعاون بين البلدين",
            "وزير الخارجية أحمد محمود",
            "تطبيق الخبر اليومي",
            "لمتابعــــة أدق للأخبــــار",
            "الخبر ـ سياسة",
            "القاهرة - (أ ش أ)",
            BODY_AR,
        ]
    )
    a = run(page)
    assert a.text == BODY_AR
    kinds = dict(zip(a.removed, a.meta["removed_kinds"], strict=True))
    assert kinds["وزير الخارجية أحمد محمود"] == "head"
    assert kinds["لمتابعــــة أدق للأخبــــار"] == "slogan"
    assert kinds["القاهرة - (أ ش أ)"] == "dateline"
    assert a.meta["outlet_name"] == "الخبر اليومي"
    assert a.meta["section"] == "سياسة"
    assert a.meta["dateline_line"] == "القاهرة - (أ ش أ)"


def test_english_outlet_app_line():
    a = run("\n".join(["Minister hails talks", "Daily Planet app", BODY_EN]))
    assert a.meta["outlet_name"] == "Daily Planet"
    assert a.text == BODY_EN


def test_trailing_source_line_is_recorded():
    a = run(BODY_AR + "\nالمصدر: سبوتنيك، RT عربية")
    assert a.meta["source_line"] == "المصدر: سبوتنيك، RT عربية"
    assert a.meta["source_names"] == ["سبوتنيك", "RT عربية"]
    assert a.text == BODY_AR
    en = run(BODY_EN + "\n\nSource: Reuters and AFP")
    assert en.meta["source_names"] == ["Reuters", "AFP"]
    fa = run(BODY_FA + "\nمنبع: ایرنا")
    assert fa.meta["source_names"] == ["ایرنا"]


def test_source_word_inside_the_body_is_not_a_source_line():
    text = "المصدر: الحكومة قررت رفع الأسعار في الأسبوع المقبل بعد مشاورات طويلة مع النقابات.\n\n" + BODY_AR
    assert run(text).meta.get("source_line") is None


def test_split_names():
    assert split_names("رويترز ووكالة الأنباء الألمانية") == ["رويترز", "وكالة الأنباء الألمانية"]
    assert split_names("Reuters, AP and AFP") == ["Reuters", "AP", "AFP"]


def test_lists_at_the_end_belong_to_the_article():
    items = ["* الدقيق", "* السكر", "* الزبدة", "* البيض", "* الحليب", "* الملح"]
    text = BODY_AR + "\n\nالمقادير:\n" + "\n".join(items)
    a = run(text)
    assert a.removed == []


def test_metadata_title_wins_and_its_line_leaves_the_body():
    a = run(
        "عنوان الخبر عن المحادثات\n\n" + BODY_AR, title="عنوان الخبر عن المحادثات | الموقع", outlet="الموقع"
    )
    assert a.title == "عنوان الخبر عن المحادثات"
    assert a.text == BODY_AR


def test_title_from_text_after_leading_blank_lines_and_none_for_a_bare_paragraph():
    a = run("\n\n\nعنوان قصير للخبر اليوم\n\n" + BODY_AR)
    assert a.title == "عنوان قصير للخبر اليوم"
    assert run(BODY_AR).title is None


def test_urdu_sentences_end_at_the_urdu_full_stop():
    # ۔ ends an Urdu sentence: a short one is body text, not an unpunctuated caption, and no headline
    short = "بات چیت مفید رہی۔"
    a = run(short + "\n\n" + BODY_AR + "\n\n" + short)
    assert a.removed == [] and a.title is None
    assert run("وزیراعظم چین کے دورے پر روانہ\n\n" + BODY_AR).title == "وزیراعظم چین کے دورے پر روانہ"


def test_bad_input_does_not_crash():
    for text in ("", "\n\n\n", "ـــــ", "x" * 100_000, "…" * 50, "٢٠٢٢\n" * 5):
        run(text)
