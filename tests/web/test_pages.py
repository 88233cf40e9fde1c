"""The HTML pages: each one renders what the newsroom promises, right-to-left text marked for the browser."""

from __future__ import annotations

import re
from urllib.parse import unquote

from fastapi.testclient import TestClient

import khabar
from khabar.web.app import create_app

from . import newsroom


def html(client: TestClient, url: str, **params: str) -> str:
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/html")
    return r.text


def test_stories_page_lists_cards_with_activity(client: TestClient) -> None:
    page = html(client, "/")
    assert page.index("Russia–Belarus alliance") > page.index(
        "alert(&#39;story&#39;)"
    )  # newest activity first
    card = page[page.index("Russia–Belarus alliance") :]
    assert "3 events" in card and "6 articles" in card and "2022-12-19" in card
    assert 'class="tag lang"' in card and "Masrawy" in card and "Aran News" in card
    assert '<svg class="chart sparkline"' in card


def test_stories_page_without_clusters_shows_latest_articles(make_corpus, seeds_dir) -> None:  # type: ignore[no-untyped-def]
    k = make_corpus(ingest={"cluster": False})
    k.ingest([str(seeds_dir)])
    page = TestClient(create_app(k)).get("/").text
    assert "No stories yet" in page and page.count('href="/articles/') == 5


def test_story_page_has_timeline_actors_places_events(client: TestClient) -> None:
    page = html(client, "/stories/st-alliance")
    assert '<svg class="chart timeline"' in page and 'href="/events/ev-minsk"' in page
    assert "Vladimir Putin" in page and "Alexander Lukashenko" in page
    for place in ("Minsk", "Moscow", "Saint Petersburg"):
        assert place in page
    assert page.index("talks in Minsk") < page.index("Council in Moscow")  # dated events first
    assert '<svg class="chart bars"' in page


def test_event_page_header_summary_articles_quotes_provenance(
    client: TestClient, ids: dict[str, str]
) -> None:
    page = html(client, "/events/ev-minsk")
    for label in ("What", "Where", "When", "Who"):
        assert f"<dt>{label}</dt>" in page
    assert "2022-12-19" in page and 'href="/entities/minsk"' in page
    assert 'dir="auto" lang="ar"' in page and "بوتين يجري محادثات" in page
    for prefix in ("001", "003", "004"):
        assert f"/articles/{ids[prefix].replace(':', '%3A')}" in page
    assert '<h3>Arabic <span class="count">3</span></h3>' in page and "Masrawy" in page
    assert "ننسق خطواتنا" in page and 'href="/entities/Q7747"' in page  # a quote, with its speaker
    prov = page[page.index("<h2>Provenance</h2>") :]
    assert "agency" in prov and "DPA" in prov and "Masrawy" in prov


def test_event_page_folds_copies_under_the_original(client: TestClient, ids: dict[str, str]) -> None:
    page = html(client, "/events/ev-moscow")
    original = page.index(f"/articles/{ids['002'].replace(':', '%3A')}")
    details = page.index('<details class="copies">')
    copy = page.index(f"/articles/{newsroom.COPY_ID}")
    assert original < details < copy
    assert "copy of" in page and "Sputnik Mirror" in page


def test_article_page_highlights_entities_by_offset(
    client: TestClient, corpus: khabar.Khabar, ids: dict[str, str]
) -> None:
    article = corpus.article(ids["001"])
    assert article is not None
    page = html(client, f"/articles/{ids['001']}")
    marks = re.findall(r'<a class="ent (\w+)" href="/entities/([\w%.-]+)" title="[^"]*">([^<]+)</a>', page)
    expected = sum(len(e["mentions"]) for e in article.entities)
    assert len(marks) == expected > 5
    for etype, eid, text in marks:
        ent = next(e for e in article.entities if e["id"] == unquote(eid))
        assert etype == ent["type"].lower() and text in {m["text"] for m in ent["mentions"]}
    assert page.count('<p dir="auto">') >= 5
    assert "<summary>Removed lines" in page and "<summary>Repairs" in page
    assert "Masrawy" in page and "2022-12-19 22:25" in page and "مينسك - (د ب أ)" in page


def test_article_page_repairs_toggle(client: TestClient, ids: dict[str, str]) -> None:
    page = html(client, f"/articles/{ids['004']}")
    repairs = page[page.index("<summary>Repairs") :]
    assert "تكب دت" in repairs and "تكبدت" in repairs and "split_word" in repairs


def test_entity_page_variants_chart_cooccurring_events(client: TestClient) -> None:
    page = html(client, "/entities/Q7747")
    assert "<h3>Arabic script · Arabic</h3>" in page and "<h3>Arabic script · Persian</h3>" in page
    variants = page[page.index("<h3>Arabic script · Persian</h3>") :]
    assert "پوتین" in variants[: variants.index("</div>")]
    assert '<svg class="chart day-bars"' in page
    assert 'href="/entities/person%3Aalexander-lukashenko"' in page
    assert 'href="/events/ev-minsk"' in page and 'href="/events/ev-spb"' in page


def test_search_page_groups_by_event_with_filters(client: TestClient, ids: dict[str, str]) -> None:
    page = html(client, "/search", q="لوكاشينكو")
    assert '<section class="group">' in page and 'href="/events/ev-minsk"' in page
    assert '<option value="fa">Persian (1)</option>' in page
    fa = html(client, "/search", q="پوتین", lang="fa", outlet="", since="", until="", entity="")
    assert fa.count('<ol class="hits">') == 1 and 'href="/events/ev-spb"' in fa
    assert '<option value="fa" selected>' in fa
    none = html(client, "/search", q="بوتين", since="2030-01-01")
    assert "Nothing found" in none
    empty = html(client, "/search")
    assert '<section class="group">' not in empty


def test_pages_404_as_html(client: TestClient) -> None:
    for url in ("/stories/nope", "/events/nope", "/articles/nope", "/entities/nope", "/nowhere"):
        r = client.get(url)
        assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")


def test_every_text_block_is_dir_auto(client: TestClient, ids: dict[str, str]) -> None:
    page = html(client, f"/articles/{ids['000']}")
    assert re.search(r'<h1 dir="auto">[^<]*پوتین', page)
    assert not re.search(r"<p>[^<]*[\u0600-\u06ff]", page)  # no Arabic-script paragraph without a direction
    css = client.get("/static/khabar.css").text
    assert "Noto Naskh Arabic" in css and "Tahoma" in css and "@import" not in css and "url(" not in css
