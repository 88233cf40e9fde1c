"""The JSON API under /api: every resource, pagination, filters, ETags, errors."""

from __future__ import annotations

from fastapi.testclient import TestClient

from . import newsroom


def test_stories_newest_activity_first(client: TestClient) -> None:
    body = client.get("/api/stories").json()
    assert body["total"] == 2
    assert [s["id"] for s in body["items"]] == ["st-hostile", "st-alliance"]


def test_story_carries_its_event_records(client: TestClient) -> None:
    body = client.get("/api/stories/st-alliance").json()
    assert body["events"] == ["ev-minsk", "ev-moscow", "ev-spb"]
    assert {e["id"] for e in body["event_records"]} == {"ev-minsk", "ev-moscow", "ev-spb"}
    assert body["event_records"][0]["id"] == "ev-minsk"  # the only dated one comes first


def test_events_pagination_and_story_filter(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 4
    ids = [e["id"] for e in first["items"] + second["items"]]
    assert len(set(ids)) == 4 and ids[0] == "ev-hostile"
    spb = client.get("/api/events", params={"story": "st-hostile"}).json()
    assert [e["id"] for e in spb["items"]] == ["ev-hostile"]


def test_event_lists_articles_and_copies(client: TestClient, ids: dict[str, str]) -> None:
    body = client.get("/api/events/ev-moscow").json()
    records = {a["id"]: a for a in body["article_records"]}
    assert set(records) == {ids["002"], newsroom.COPY_ID}
    assert records[newsroom.COPY_ID]["duplicate_of"] == ids["002"]
    minsk = client.get("/api/events/ev-minsk").json()
    assert {a["id"] for a in minsk["article_records"]} == {ids["001"], ids["003"], ids["004"]}


def test_articles_filters(client: TestClient, ids: dict[str, str]) -> None:
    fa = client.get("/api/articles", params={"lang": "fa"}).json()
    assert [a["id"] for a in fa["items"]] == [ids["000"]] and fa["total"] == 1
    assert fa["items"][0]["text"] and "raw" not in fa["items"][0]
    day = client.get("/api/articles", params={"since": "2022-12-19", "until": "2022-12-19"}).json()
    assert {a["id"] for a in day["items"]} == {ids["001"], ids["003"]}
    masrawy = client.get("/api/articles", params={"outlet": "Masrawy"}).json()
    assert [a["id"] for a in masrawy["items"]] == [ids["001"]]
    evil = client.get("/api/articles", params={"entity": "evil-corp"}).json()
    assert [a["id"] for a in evil["items"]] == [newsroom.HOSTILE_ID]


def test_article_by_id_with_colon(client: TestClient, ids: dict[str, str]) -> None:
    body = client.get(f"/api/articles/{ids['001']}").json()
    assert body["id"] == ids["001"] and body["lang"] == "ar"
    assert any(e["id"] == "Q7747" for e in body["entities"])


def test_entities_listing_and_detail(client: TestClient, ids: dict[str, str]) -> None:
    listing = client.get("/api/entities", params={"type": "PERSON"}).json()
    assert {e["id"] for e in listing["items"][:2]} == {"Q7747", "person:alexander-lukashenko"}
    assert all(e["type"] == "PERSON" for e in listing["items"])
    by_variant = client.get("/api/entities", params={"q": "پوتین"}).json()
    assert "Q7747" in {e["id"] for e in by_variant["items"]}
    putin = client.get("/api/entities/Q7747").json()
    assert "بوتين" in putin["variants"] and "پوتین" in putin["variants"]
    assert putin["variants"]["پوتین"]["lang"] == "fa"
    assert {k: putin["timeline"][0][k] for k in ("day", "articles")} == {"day": "2022-12-19", "articles": 2}
    assert "person:alexander-lukashenko" in {e["id"] for e in putin["cooccurring"]}
    assert {e["id"] for e in putin["events"]} >= {"ev-minsk", "ev-moscow", "ev-spb"}


def test_quotes_by_event_and_speaker(client: TestClient, ids: dict[str, str]) -> None:
    minsk = client.get("/api/quotes", params={"event": "ev-minsk"}).json()["items"]
    assert minsk and all(q["event"] == "ev-minsk" for q in minsk)
    putin = client.get("/api/quotes", params={"speaker": "Q7747", "limit": 100}).json()["items"]
    assert putin and all(q["speaker"]["id"] == "Q7747" for q in putin)
    assert client.get("/api/quotes", params={"speaker": "nobody"}).json()["items"] == []


def test_search_across_scripts_grouped_by_event(client: TestClient, ids: dict[str, str]) -> None:
    ar = client.get("/api/search", params={"q": "لوكاشينكو"}).json()
    hit_ids = {h["article_id"] for h in ar["items"]}
    assert ids["001"] in hit_ids
    groups = {g["event"]["id"] if g["event"] else None: g["hits"] for g in ar["groups"]}
    assert ids["001"] in groups["ev-minsk"]
    fa = client.get("/api/search", params={"q": "پوتین", "lang": "fa"}).json()
    assert [h["article_id"] for h in fa["items"]] == [ids["000"]]
    assert fa["groups"][0]["event"]["id"] == "ev-spb"


def test_search_pagination_does_not_repeat(client: TestClient) -> None:
    first = client.get("/api/search", params={"q": "بوتين", "limit": 2}).json()["items"]
    second = client.get("/api/search", params={"q": "بوتين", "limit": 2, "offset": 2}).json()["items"]
    assert len(first) == 2 and second
    assert not {h["article_id"] for h in first} & {h["article_id"] for h in second}


def test_limits_are_capped_and_validated(client: TestClient) -> None:
    assert client.get("/api/articles", params={"limit": 101}).status_code == 422
    assert client.get("/api/articles", params={"limit": 0}).status_code == 422
    assert client.get("/api/articles", params={"offset": -1}).status_code == 422
    assert client.get("/api/articles", params={"since": "yesterday"}).status_code == 422
    assert client.get("/api/search").status_code == 422


def test_missing_resources_are_json_404(client: TestClient) -> None:
    for path in ("/api/stories/x", "/api/events/x", "/api/articles/x", "/api/entities/x"):
        r = client.get(path)
        assert r.status_code == 404 and "no " in r.json()["detail"]


def test_etag_and_304(client: TestClient) -> None:
    r = client.get("/api/events/ev-minsk")
    tag = r.headers["etag"]
    assert tag.startswith('"') and r.headers["cache-control"] == "no-cache"
    again = client.get("/api/events/ev-minsk", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    other = client.get("/api/events/ev-minsk", headers={"If-None-Match": '"stale"'})
    assert other.status_code == 200
    page = client.get("/events/ev-minsk")
    assert client.get("/events/ev-minsk", headers={"If-None-Match": page.headers["etag"]}).status_code == 304


def test_stats_and_openapi(client: TestClient) -> None:
    assert client.get("/api/stats").json()["events"] == 4
    schema = client.get("/openapi.json").json()
    for path in (
        "/api/stories",
        "/api/events/{event_id}",
        "/api/articles",
        "/api/entities",
        "/api/quotes",
        "/api/search",
    ):
        assert path in schema["paths"], path
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/search" in docs.text and "<script" not in docs.text
