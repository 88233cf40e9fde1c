"""Date lines of every month tradition and calendar, times, time zones."""

from __future__ import annotations

import pytest

from khabar.text.calendars import months, parse_date_line, parse_with_dateparser, to_gregorian


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("10:25 م الإثنين 19 ديسمبر 2022", "2022-12-19T22:25"),  # Egyptian months, م = PM
        ("10:25 ص الإثنين 19 ديسمبر 2022", "2022-12-19T10:25"),
        ("12:05 ص الثلاثاء 20 ديسمبر 2022", "2022-12-20T00:05"),
        (
            "الإثنين 19 كانون الأول , 2022 09:22 توقيت بيروت",
            "2022-12-19T09:22+02:00",
        ),  # Levantine, Beirut time
        ("الأحد 5 حزيران 2022", "2022-06-05"),
        ("الخميس 14 جويلية 2022 - 14:30", "2022-07-14T14:30"),  # Maghrebi
        ("3 أوت 2021", "2021-08-03"),
        ("۲۸ آذر ۱۴۰۱", "2022-12-19"),  # Jalali, Persian digits
        ("٢٨ آذر ١٤٠١", "2022-12-19"),  # Jalali, Arabic-Indic digits
        ("دوشنبه ۲۸ آذر ۱۴۰۱ - ۱۰:۲۵", "2022-12-19T10:25"),
        ("۱۴۰۱/۰۹/۲۸", "2022-12-19"),  # numeric Jalali (Persian digits)
        ("19 دسامبر 2022", "2022-12-19"),  # Persian names of Gregorian months
        ("25 جمادى الأولى 1444 هـ", "2022-12-19"),  # Hijri
        ("الثلاثاء 12 شوال 1436", "2015-07-28"),
        ("December 19, 2022 10:25 PM", "2022-12-19T22:25"),
        ("Published: 19 Dec 2022 09:22 GMT", "2022-12-19T09:22+00:00"),
        ("2022-12-19 10:25 UTC+3", "2022-12-19T10:25+03:00"),
        ("19/12/2022 - 10:25 بتوقيت القاهرة", "2022-12-19T10:25+02:00"),
        ("lundi 19 décembre 2022 à 10:25", "2022-12-19T10:25"),
        ("19 Aralık 2022 Pazartesi", "2022-12-19"),
        ("19 دسمبر 2022", "2022-12-19"),  # Urdu
        ("آخر تحديث: 19 ديسمبر 2022 - 10:25 ص", "2022-12-19T10:25"),
    ],
)
def test_date_lines(line, iso):
    parsed = parse_date_line(line)
    assert parsed is not None, line
    assert parsed.iso() == iso


@pytest.mark.parametrize(
    "line",
    [
        "قتل 3 أشخاص في 19 ديسمبر 2022 في هجوم على مدينة كبيرة شمال البلاد",  # a sentence, not a date line
        "منذ 3 ساعات",
        "الإثنين 19 ديسمبر",  # no year: never guessed here
        "31 فبراير 2022",  # no such day
        "بوتين يصل إلى مينسك",
        "",
    ],
)
def test_not_date_lines(line):
    assert parse_date_line(line) is None


def test_weekday_and_extra_words_are_reported():
    parsed = parse_date_line("الإثنين 19 كانون الأول , 2022 09:22 توقيت بيروت دولــي")
    assert parsed.weekday == 0
    assert parsed.extra == ("دولی",)


def test_month_names_are_unambiguous_after_folding():
    assert months()["کانون الاول"] == (12, "gregorian")
    assert months()["اذر"] == (9, "jalali")
    assert months()["اذار"] == (3, "gregorian")
    assert months()["ذو الحجه"] == (12, "hijri")


def test_to_gregorian_rejects_impossible_dates():
    assert to_gregorian("jalali", 1401, 12, 31) is None
    assert to_gregorian("hijri", 1444, 13, 1) is None
    assert to_gregorian("gregorian", 2022, 2, 29) is None


def test_dateparser_fallback_with_explicit_language():
    assert parse_with_dateparser("19. Dezember 2022", "de") == "2022-12-19"
    assert parse_with_dateparser("keine Zahl hier", "de") is None
