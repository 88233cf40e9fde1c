"""Server response time of the stories, event and search pages (and their JSON twins) on a big store.

    python -m bench.web_latency STORE.db [--limit N] [--runs 30]

When STORE.db holds no articles it is built from SaudiNewsNet (31,030 Arabic articles; html stage only, or
--full for the default pipeline). When it holds no events (the clustering is not merged yet), stand-in
clusters are made from title words so the pages have realistic, and some very large, sizes. Requests go through FastAPI's TestClient (in process, no network), so the
numbers are the app's own time: routing, queries, rendering. Prints p50/p95 per page, in milliseconds.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

import khabar
from khabar.model import Document, Event, Story
from khabar.text.normalize import tokens
from khabar.web.app import create_app

from .common import saudinewsnet

QUERIES = ("السعودية", "الحوثي", "الاتفاق النووي", "داعش", "وزير الخارجية", "مكة")


def build(k: khabar.Khabar, limit: int | None) -> None:
    """Ingest SaudiNewsNet records as Documents (outlet from ``source``, time from ``date_extracted``)."""
    docs = (
        Document(
            f"saudinewsnet:{r['id']}",
            r["content"] or "",
            meta={
                "id": r["id"],
                "url": r["url"],
                "title": r["title"],
                "outlet": r["source"],
                "published": (r["date_extracted"] or "").replace(" ", "T") or None,
                "lang": "ar",
            },
        )
        for r in saudinewsnet(limit)
    )
    t0 = time.perf_counter()
    report = k.ingest_documents(docs)
    print(f"built: {report.summary()} in {time.perf_counter() - t0:.0f} s")


def stand_in_clusters(k: khabar.Khabar) -> None:
    """Events and stories from title words, so the pages have realistic (and some very large) sizes.

    A title's topic is its word (4+ letters) found in most titles, skipping the 30 commonest; an event is the
    articles of one day sharing a topic, a story every event of that topic.
    """
    briefs = [b for b in k.article_briefs(limit=None) if b["published"]]
    words = {b["id"]: {w for w in tokens(b["title"] or "") if len(w) > 3} for b in briefs}
    df = Counter(w for ws in words.values() for w in ws)
    common = {w for w, _ in df.most_common(30)}
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for b in briefs:
        topics = sorted(words[b["id"]] - common, key=lambda w: (-df[w], w))
        if topics:
            groups[(b["published"][:10], topics[0])].append(b)
    events, stories = [], defaultdict(list)
    for (day, topic), members in groups.items():
        eid = "ev-" + hashlib.sha1(f"{day} {topic}".encode()).hexdigest()[:12]
        sid = "st-" + hashlib.sha1(topic.encode()).hexdigest()[:12]
        events.append(
            Event(
                id=eid,
                story=sid,
                title=members[0]["title"],
                date=day,
                articles=[m["id"] for m in members],
                languages=["ar"],
                outlets=sorted({m["outlet"] for m in members if m["outlet"]}),
            )
        )
        stories[sid].append((day, eid, topic))
    story_records = [
        Story(
            id=sid, title=items[0][2], events=[e for _, e, _ in items], start=min(items)[0], end=max(items)[0]
        )
        for sid, items in stories.items()
    ]
    k.store.put_events(events, story_records)
    k.store.set_clusters((a, e.id, e.story) for e in events for a in e.articles)
    print(f"stand-in clusters: {len(events)} events, {len(story_records)} stories")


def measure(client: TestClient, urls: list[str], runs: int) -> dict[str, float]:
    times = []
    for _ in range(runs):
        for url in urls:
            t0 = time.perf_counter()
            r = client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
            assert r.status_code == 200, (url, r.status_code)
    times.sort()
    return {
        "p50": round(statistics.median(times), 1),
        "p95": round(times[int(0.95 * (len(times) - 1))], 1),
        "max": round(times[-1], 1),
        "n": len(times),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store", type=Path)
    ap.add_argument("--limit", type=int, help="build from only the first N records")
    ap.add_argument(
        "--full", action="store_true", help="build with the default pipeline, not the html stage alone"
    )
    ap.add_argument("--runs", type=int, default=30, help="requests per URL")
    args = ap.parse_args()
    overrides = {} if args.full else {"pipeline": ["khabar.text.html.v1"]}
    k = khabar.open(args.store, **overrides)
    if not k.stats()["articles"]:
        build(k, args.limit)
    if not k.stats()["events"]:
        stand_in_clusters(k)
    stats = k.stats()
    print(f"store: {stats['articles']} articles, {stats['events']} events, {stats['stories']} stories")
    events, _ = k.events_page(limit=10)
    sample, _ = k.events_page(limit=100_000)
    biggest = max(k.coverage("event", [e.id for e in sample]).items(), key=lambda kv: kv[1]["articles"])
    event_urls = [f"/events/{e.id}" for e in events] + [f"/events/{biggest[0]}"]
    pages = {
        "stories page /": ["/", "/?offset=20"],
        f"event page (10 newest + largest, {biggest[1]['articles']} articles)": event_urls,
        "search page": [f"/search?q={q}" for q in QUERIES],
        "search page + filters": [
            f"/search?q={q}&outlet=aleqtisadiya&since=2015-07-25&until=2015-08-05" for q in QUERIES
        ],
        "api stories": ["/api/stories"],
        "api event": [u.replace("/events/", "/api/events/") for u in event_urls],
        "api search": [f"/api/search?q={q}" for q in QUERIES],
    }
    with TestClient(create_app(k)) as client:
        for url in ("/", event_urls[0], "/search?q=x"):
            client.get(url)  # warm up: connections, template compilation
        results = {name: measure(client, urls, args.runs) for name, urls in pages.items()}
    width = max(map(len, results))
    print(f"{'page':<{width}}  {'p50 ms':>7}  {'p95 ms':>7}  {'max ms':>7}  requests")
    for name, r in results.items():
        print(f"{name:<{width}}  {r['p50']:>7}  {r['p95']:>7}  {r['max']:>7}  {r['n']}")
    k.close()


if __name__ == "__main__":
    main()
