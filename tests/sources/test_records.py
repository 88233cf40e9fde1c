"""Record fields to khabar metadata: aliases, --map, ISO 8601 dates."""

from __future__ import annotations

import pytest

from khabar.sources.records import iso_date, split_record


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-07-21 02:51:32", "2015-07-21T02:51:32"),
        ("2024-03-10T14:30:00Z", "2024-03-10T14:30:00+00:00"),
        ("2024-03-10", "2024-03-10"),
        ("Sun, 10 Mar 2024 14:30:00 +0300", "2024-03-10T14:30:00+03:00"),
        (1710070200, "2024-03-10T11:30:00+00:00"),
        (1710070200000, "2024-03-10T11:30:00+00:00"),
        ("yesterday", None),
        ("", None),
        (42, None),
        (True, None),
        (None, None),
    ],
)
def test_iso_date(value: object, expected: str | None) -> None:
    assert iso_date(value) == expected


def test_aliases_and_extra_fields() -> None:
    record = {
        "id": 7,
        "content": "نص",
        "body": "ignored",
        "date": "2015-07-21 02:51:32",
        "source": "spa",
        "x": 1,
    }
    text, meta = split_record(record, {})
    assert text == "نص"
    assert meta == {"id": "7", "published": "2015-07-21T02:51:32", "outlet": "spa", "x": 1}


def test_field_map_comes_first_and_unparsed_dates_are_kept_apart() -> None:
    record = {"article_body": "نص", "text": "other", "headline": "عنوان", "when": "منذ ساعة"}
    text, meta = split_record(record, {"text": "article_body", "title": "headline", "published": "when"})
    assert text == "نص"
    assert meta == {"title": "عنوان", "published_raw": "منذ ساعة"}


def test_character_references_in_a_title_become_characters() -> None:
    # A SaudiNewsNet title as its scraper kept it.
    _, meta = split_record(
        {"title": "&quot;سبق&quot; تبرم اتفاقية تعاون رياضي &amp; ثقافي ", "content": "x"}, {}
    )
    assert meta["title"] == '"سبق" تبرم اتفاقية تعاون رياضي & ثقافي'
