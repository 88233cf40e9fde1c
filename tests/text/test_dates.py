"""The dates stage: metadata first, date lines out of the body, datelines, date references and their resolution."""

from __future__ import annotations

import datetime as dt
import re

from khabar.model import Article
from khabar.text.daterefs import _word_re, find_date_refs
from khabar.text.dates import dates, iso_of

BODY = (
    "وصف الرئيس المحادثات التي جرت اليوم الاثنين بأنها مثمرة للغاية، وقال إن الجانبين اتفقا على مواصلة التعاون.\n\n"
    "وكان الوزير قد زار العاصمة أمس، وفي 3 كانون الأول/ديسمبر الجاري وقع اتفاقا مع نظيره."
)


def run(text: str, **fields) -> Article:
    meta = fields.pop("meta", {})
    return dates(Article(id="t", text=text, meta=meta, **fields))


def test_date_line_sets_published_and_leaves_the_body():
    a = run("10:25 م الإثنين 19 ديسمبر 2022\n\n" + BODY)
    assert a.published == "2022-12-19T22:25"
    assert a.text == BODY
    assert a.removed == ["10:25 م الإثنين 19 ديسمبر 2022"]


def test_date_lines_found_by_clean_are_used():
    a = run(BODY, meta={"date_lines": ["الإثنين 19 كانون الأول , 2022 09:22 توقيت بيروت"]})
    assert a.published.startswith("2022-12-19T09:22")
    assert a.text == BODY


def test_metadata_wins_over_text():
    a = run("19 ديسمبر 2022\n\n" + BODY, published="2022-12-20T08:00:00+03:00")
    assert a.published == "2022-12-20T08:00+03:00"
    b = run(BODY, meta={"html_date": "2022-12-21"})
    assert b.published == "2022-12-21"


def test_published_records_whether_it_came_from_metadata_or_the_text():
    line = "10:25 م الإثنين 19 ديسمبر 2022\n\n"
    assert run(line + BODY, meta={"published": "2022-12-19"}).meta["published_from"] == "metadata"
    from_text = run(line + BODY)
    assert from_text.meta["published_from"] == "text"
    # A rerun (the date line already out of the body) keeps the text's date, still not metadata.
    rerun = dates(Article(id="t", text=BODY, published=from_text.published, meta=dict(from_text.meta)))
    assert (rerun.published, rerun.meta["published_from"]) == (from_text.published, "text")
    assert "published_from" not in run(BODY).meta


def test_no_date_is_never_invented():
    a = run(BODY)
    assert a.published is None
    assert all(r["date"] is None for r in a.date_refs)


def test_dates_inside_sentences_are_not_the_publication_date():
    text = (
        "أعلنت الوزارة أن الانتخابات ستجري في 19 ديسمبر 2022 في جميع المحافظات وفق الجدول الذي أقره البرلمان."
    )
    a = run(text)
    assert a.published is None
    assert a.text == text
    assert [r["date"] for r in a.date_refs if r["kind"] == "date"] == ["2022-12-19"]


def test_dateline_alone_on_a_line_leaves_the_body():
    a = run("مينسك - (د ب أ)\n\n" + BODY)
    assert a.dateline["place"] == {"name": "Minsk", "text": "مينسك"}
    assert a.dateline["agency"] == {"name": "DPA", "text": "د ب أ"}
    assert a.text == BODY


def test_dateline_opening_the_first_paragraph_stays_unless_stripped():
    text = "تهران - ایرنا - رئیس جمهور روز دوشنبه گفت که مذاکرات ادامه دارد."
    a = run(text)
    assert a.dateline["agency"]["name"] == "IRNA"
    assert a.text == text
    b = dates(Article(id="t", text=text), strip_dateline=True)
    assert b.text.startswith("رئیس جمهور")


def test_a_date_right_after_the_dateline_is_the_dispatch_date():
    # IRNA's "وین - ایرنا - ۲۳ تیر ۱۳۹۴ -": the Solar Hijri date closing the dateline dates the report
    a = run("وین - ایرنا - ۲۳ تیر ۱۳۹۴ - ظریف روز سه‌شنبه در وین گفت که مذاکرات پایان یافت.", lang="fa")
    assert (a.published, a.meta["published_from"]) == ("2015-07-14", "text")
    # words closed by a dash after the dateline are no date
    assert run("تهران - ایرنا - رئیس جمهور - روز دوشنبه گفت.", lang="fa").published is None


def test_dateline_found_by_clean():
    a = run(BODY, meta={"dateline_line": "London (Reuters) -"})
    assert a.dateline["place"]["name"] == "London"


def test_date_refs_resolve_against_publication():
    a = run(BODY, published="2022-12-19T22:25")
    refs = {r["text"]: r for r in a.date_refs}
    assert refs["اليوم الاثنين"]["date"] == "2022-12-19"
    assert refs["اليوم الاثنين"]["weekday"] == "Monday"
    assert refs["أمس"]["date"] == "2022-12-18"
    assert refs["3 كانون الأول/ديسمبر الجاري"]["date"] == "2022-12-03"
    assert a.meta["weekday"] == "Monday"
    for r in a.date_refs:
        assert a.text[r["start"] : r["start"] + len(r["text"])] == r["text"]


def test_weekday_resolves_to_the_most_recent_such_day():
    base = dt.date(2022, 12, 22)  # a Thursday
    refs = find_date_refs("Leaders met on Monday in Minsk. Talks resume today.", base)
    assert [(r["text"], r["date"]) for r in refs] == [("on Monday", "2022-12-19"), ("today", "2022-12-22")]


def test_a_weekday_beside_a_date_that_falls_on_it_is_that_date():
    base = dt.date(2025, 9, 1)  # a Monday; 3 September 2025 is a Wednesday
    for text in (
        "The summit opens on Wednesday, September 3.",
        "تنطلق القمة يوم الأربعاء 3 سبتمبر",
        "Zirve 3 Eylül Çarşamba günü başlıyor.",
        "Zirve Çarşamba günü (3 Eylül) başlıyor.",
    ):
        refs = find_date_refs(text, base)
        assert [r["date"] for r in refs] == ["2025-09-03", "2025-09-03"], text
    # a date on another weekday, or in another sentence, leaves the weekday to the publication date
    apart = find_date_refs(
        "They met on Tuesday, September 3. They met on Wednesday. September 3 is next.", base
    )
    assert [r["date"] for r in apart if r["kind"] == "weekday"] == ["2025-08-26", "2025-08-27"]


def test_persian_and_relative_refs_unresolved_without_a_date():
    refs = find_date_refs("رهبران روز دوشنبه دیدار کردند و رئیس جمهور ماه گذشته میلادی اعلام کرد.", None)
    assert [(r["kind"], r["weekday"], r["date"]) for r in refs] == [
        ("weekday", "Monday", None),
        ("relative", None, None),
    ]
    assert refs[1]["text"] == "ماه گذشته میلادی"


def test_refs_in_french_turkish_and_urdu_and_month_precision():
    base = dt.date(2022, 12, 19)
    fr = find_date_refs("Le ministre a parlé hier et reviendra le mois prochain.", base)
    assert [(r["text"], r["date"]) for r in fr] == [("hier", "2022-12-18"), ("le mois prochain", "2023-01")]
    tr = find_date_refs("Bakan dün açıklama yaptı.", base)
    assert tr[0]["date"] == "2022-12-18"
    ur = find_date_refs("وزیر اعظم نے پیر کو ملاقات کی", base)
    assert ur[0]["weekday"] == "Monday"


def test_refs_offsets_survive_diacritics_and_tatweel():
    text = "وَصَلَ الرَّئِيسُ أَمْسِ، وسيغادر يـوم الخميـس"
    refs = find_date_refs(text, dt.date(2022, 12, 19))
    for r in refs:
        assert text[r["start"] : r["start"] + len(r["text"])] == r["text"]
    assert [r["kind"] for r in refs] == ["relative", "weekday"]


def test_yearless_dates_take_the_nearest_past_year():
    refs = find_date_refs("وفي 28 ديسمبر الماضي وقع الاتفاق", dt.date(2023, 1, 5))
    assert refs[0]["date"] == "2022-12-28"
    jalali = find_date_refs("در ۲۸ آذر توافق شد", dt.date(2022, 12, 20))
    assert jalali[0]["date"] == "2022-12-19"


def test_iso_of_metadata_values():
    assert iso_of("2015-07-21 02:51:32") == "2015-07-21T02:51"
    assert iso_of("2015-07-21") == "2015-07-21"
    assert iso_of("not a date") is None
    assert iso_of(None) is None


def test_bad_input_does_not_crash():
    for text in ("", "\n", "١٢:٦٠ م ٣٢ ديسمبر ٩٩٩٩", "x" * 50_000, "(((((" * 100):
        run(text)


def test_anchor_words_are_found_as_whole_words() -> None:
    words = frozenset({"الماضي", "ماضي", "last", "a"})
    reference = re.compile(r"(?<!\w)(?:الماضي|ماضي|last|a)(?!\w)")
    for text in ("الماضي", "الاسبوع الماضي.", "بالماضي ماضي", "lasting last a1 a", "(last) 5a a_", ""):
        found = [m.span() for m in _word_re(words).finditer(text)]
        assert found == [m.span() for m in reference.finditer(text)]
