"""Datelines in Arabic, Persian, Urdu, Turkish, English and French, with known agencies and places."""

from __future__ import annotations

import pytest

from khabar.text.datelines import agency_key, parse_dateline


@pytest.mark.parametrize(
    ("line", "place", "agency", "text"),
    [
        ("مينسك - (د ب أ)", "Minsk", "DPA", "مينسك - (د ب أ)"),
        ("London (Reuters) - Britain said on Monday", "London", "Reuters", "London (Reuters) -"),
        ("تهران - ایرنا - رئیس جمهور امروز گفت", "Tehran", "IRNA", "تهران - ایرنا -"),
        ("القاهرة (رويترز) - قال مسؤول", "Cairo", "Reuters", "القاهرة (رويترز) -"),
        ("موسكو - أ ف ب", "Moscow", "AFP", "موسكو - أ ف ب"),
        (
            "WASHINGTON, Jan 5 (Reuters) - The U.S. said",
            "Washington",
            "Reuters",
            "WASHINGTON, Jan 5 (Reuters) -",
        ),
        ("باريس ـ «أ.ف.ب»: أعلنت الحكومة", "Paris", "AFP", "باريس ـ «أ.ف.ب»:"),
        ("الرياض - واس", "Riyadh", "Saudi Press Agency", "الرياض - واس"),
        ("Moscou (AFP) - La Russie a annoncé", "Moscow", "AFP", "Moscou (AFP) -"),
        (
            "بيروت - الوكالة الوطنية للإعلام",
            "Beirut",
            "National News Agency",
            "بيروت - الوكالة الوطنية للإعلام",
        ),
        ("دمشق - سانا - أعلنت الوزارة", "Damascus", "SANA", "دمشق - سانا -"),
        ("أنقرة (الأناضول) - قال", "Ankara", "Anadolu Agency", "أنقرة (الأناضول) -"),
        (
            "RIYADH, Saudi Arabia (AP) - A bomber struck",
            "Riyadh",
            "Associated Press",
            "RIYADH, Saudi Arabia (AP) -",
        ),
        ("بيروت - وكالات: قال المسؤول", "Beirut", "Agencies", "بيروت - وكالات:"),
        ("واس- جدة: التقى ولي العهد", "Jeddah", "Saudi Press Agency", "واس- جدة:"),
        ("وكالات - بيروت: قال المسؤول", "Beirut", "Agencies", "وكالات - بيروت:"),
        # Urdu papers set no dash after the agency: a known city and a known agency suffice
        (
            "اسلام آباد (اے پی پی) وزیراعظم نے کہا",
            "Islamabad",
            "Associated Press of Pakistan",
            "اسلام آباد (اے پی پی)",
        ),
        ("Ankara (İHA) - Kazada iki kişi yaralandı", "Ankara", "İhlas News Agency", "Ankara (İHA) -"),
    ],
)
def test_datelines(line, place, agency, text):
    found = parse_dateline(line)
    if place is None:
        assert found is None
        return
    assert found is not None, line
    out = found.export()
    assert (out["place"]["name"], out["agency"]["name"], out["text"]) == (place, agency, text)
    assert out["place"]["text"] in line


@pytest.mark.parametrize(
    "line",
    [
        "الثبات ـ دولي",
        "بوتين: روسيا وبيلاروسيا حققتا الكثير",
        "وبحسب «رويترز» فإن الاجتماع انتهى",
        "ومنذ إطلاقه في أغسطس (آب) بدأ العمل",
        "المصدر: سبوتنيك، RT عربية",
        "Next Previous عين اليوم – واس",
        "The president, Barack Obama (Reuters) - said",
        "سبق- وكالات: أعلنت وزارة الداخلية",
        "سبق- تربة: احتفل الشيخ بزواج ابنه",
        "الحكومة - الرياض: قررت الوزارة",
        "لاہور (نمائندہ جنگ) پنجاب حکومت نے فیصلہ کیا",  # a staff byline, no agency
        "Kremlin (Reuters) sources said",  # no known city
    ],
)
def test_not_datelines(line):
    assert parse_dateline(line) is None


def test_place_only_dateline_needs_a_known_city():
    assert parse_dateline("القاهرة - أعلن الرئيس", place_only=True).export()["agency"] is None
    assert parse_dateline("الحكومة - أعلنت", place_only=True) is None


def test_agency_keys_ignore_dots_spaces_and_hamza():
    assert agency_key("د.ب.أ") == agency_key("د ب ا")
