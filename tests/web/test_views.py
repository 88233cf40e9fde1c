"""The SVG charts and the view helpers, on small inputs built here."""

from __future__ import annotations

import re

from khabar.model import Article
from khabar.web import charts, views


def test_day_bars_fill_gaps_and_label_the_span() -> None:
    svg = charts.day_bars({"2015-07-21": 3, "2015-07-24": 6, "bad": 9})
    assert svg.count('<rect class="bar"') == 4  # 21, 22, 23, 24
    assert "2015-07-21" in svg and "2015-07-24" in svg and "peak 6" in svg
    assert charts.day_bars({}) == "" and charts.sparkline({"x": 1}) == ""


def test_timeline_orders_events_of_the_same_day() -> None:
    points = [
        charts.TimelinePoint("2015-07-21", 2, "b", "/events/b"),
        charts.TimelinePoint("2015-07-21", 1, "a", "/events/a"),
    ]
    svg = charts.timeline(points)
    assert svg.index("/events/a") < svg.index("/events/b")


def test_sparkline_heights_follow_counts() -> None:
    svg = charts.sparkline({"2022-12-19": 1, "2022-12-20": 4}, height=28)
    heights = [float(h) for h in re.findall(r'height="([\d.]+)"><title>', svg)]
    assert heights[1] == 26.0 and heights[0] < heights[1]


def test_timeline_escapes_links_and_skips_undated() -> None:
    points = [
        charts.TimelinePoint("2022-12-19", 3, "<script>x</script>", '/events/a"onclick="x'),
        charts.TimelinePoint("", 1, "undated", "/events/b"),
        charts.TimelinePoint("2022-12-01", 1, "early", "/events/c"),
    ]
    svg = charts.timeline(points)
    assert svg.count("<circle") == 2 and "undated" not in svg
    assert "<script>" not in svg and "&lt;script&gt;" in svg and '"onclick' not in svg
    assert svg.index("early") < svg.index("&lt;script&gt;")  # time order
    assert charts.timeline([points[1]]) == ""


def test_bars_fold_the_tail_into_other() -> None:
    svg = charts.bars([(f"outlet {i}", i + 1) for i in range(20)], limit=5)
    assert svg.count('<rect class="bar"') == 5 and ">other<" in svg
    assert svg.index("outlet 19") < svg.index("outlet 18")


def test_paragraphs_mark_mentions_and_drop_bad_offsets() -> None:
    text = "بوتين في مينسك.\nلوكاشينكو رحب"
    article = Article(
        id="x",
        text=text,
        entities=[
            {"id": "p", "type": "PERSON", "name": "Putin", "mentions": [{"start": 0, "end": 5}]},
            {
                "id": "m",
                "type": "PLACE",
                "name": "Minsk",
                "mentions": [{"start": 9, "end": 14}, {"start": 2, "end": 7}],
            },
            {
                "id": "l",
                "type": "PERSON",
                "name": "L",
                "mentions": [{"start": 16, "end": 25}, {"start": 90, "end": 99}],
            },
        ],
    )
    paras = views.paragraphs(article)
    assert len(paras) == 2
    marked = [(s.text, s.entity["id"]) for p in paras for s in p if s.entity]
    assert marked == [("بوتين", "p"), ("مينسك", "m"), ("لوكاشينكو", "l")]  # overlap and out-of-range dropped
    assert "".join(s.text for s in paras[0]) == "بوتين في مينسك."


def test_scripts_and_variant_groups() -> None:
    assert views.script_of("«بوتين»") == "Arabic" and views.script_of("Putin") == "Latin"
    assert views.script_of("Путин") == "Cyrillic" and views.script_of("123") == "other"
    entity = {
        "variants": {
            "بوتين": {"lang": "ar", "count": 5},
            "پوتین": {"lang": "fa", "count": 2},
            "Putin": {"lang": "en", "count": 9},
        }
    }
    groups = views.variants_by_script(entity)
    assert [(s, lang) for s, lang, _ in groups] == [("Latin", "en"), ("Arabic", "ar"), ("Arabic", "fa")]


def test_provenance_from_datelines_and_copies() -> None:
    briefs = [
        {"id": "a", "outlet": "Masrawy", "dateline": {"agency": {"name": "DPA"}}, "duplicate_of": None},
        {"id": "b", "outlet": "Mirror", "dateline": None, "duplicate_of": "a"},
        {"id": "c", "outlet": "Other", "dateline": {"agency": {"name": "DPA"}}, "duplicate_of": None},
    ]
    rows = {(p["kind"], p["source"]): [b["id"] for b in p["articles"]] for p in views.provenance(briefs)}
    assert rows == {("agency", "DPA"): ["a", "c"], ("copy of", "Masrawy"): ["b"]}


def test_copies_of_copies_fold_under_the_first_original() -> None:
    def brief(i: str, published: str, of: str | None) -> dict[str, object]:
        return {"id": i, "published": published, "duplicate_of": of}

    briefs = [
        brief("c", "2015-07-23", "b"),  # a copy of a copy
        brief("a", "2015-07-21", None),
        brief("b", "2015-07-22", "a"),
        brief("x", "2015-07-24", "elsewhere"),  # its original is not on the page
        brief("p", "2015-07-25", "q"),  # a cycle: neither is marked original
        brief("q", "2015-07-26", "p"),
    ]
    groups = views._group_copies(briefs)
    shape = [(g.article["id"], [c["id"] for c in g.copies]) for g in groups]
    assert shape[:2] == [("a", ["b", "c"]), ("x", [])]
    assert shape[2:] == [("p", ["q"])]  # the cycle folds under its earliest member
