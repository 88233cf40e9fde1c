"""A small newsroom for the web tests: the seed articles as the pipeline fills them, clustered by hand into the
three events and one story of the seeds, plus a copy and one hostile article that tries to inject markup."""

from __future__ import annotations

from pathlib import Path

from khabar import Khabar
from khabar.ingest import content_key
from khabar.model import Article, Event, Story

HOSTILE_ID = "hostile-1"
HOSTILE_TITLE = '<script>alert("title")</script>Breaking'
HOSTILE_TEXT = (
    "Intro <script>alert('body')</script> and <img src=x onerror=\"alert('img')\"> here.\n"
    '<a href="javascript:alert(1)">click me</a> <svg onload=alert(2)></svg> Evil Corp said: "done".'
)
OUTLETS = {"000": "Aran News", "001": "Masrawy", "002": "RT Arabic", "003": "Al-Thabat"}
COPY_ID = "copy-of-002"


def _put(k: Khabar, article: Article) -> None:
    k.store.put_article(article, content_hash=content_key(article.raw), text_hash=content_key(article.text))


def build(k: Khabar, seeds: Path) -> dict[str, str]:
    """Ingest the seeds into ``k`` and fill, cluster and extend them; return {seed prefix: article id}."""
    k.ingest([str(seeds)])
    ids: dict[str, str] = {}
    for a in k.articles(limit=None):
        stem = Path(a.path or "").stem
        a.outlet = a.outlet or OUTLETS.get(stem[:3])
        _put(k, a)
        ids[stem[:3]] = a.id
    original = k.article(ids["002"])
    assert original is not None
    copy = Article(
        id=COPY_ID,
        origin="test",
        raw=original.raw,
        text=original.text,
        title=original.title,
        lang="ar",
        outlet="Sputnik Mirror",
        duplicate_of=original.id,
        entities=original.entities,
    )
    _put(k, copy)
    _put(
        k,
        Article(
            id=HOSTILE_ID,
            origin="test",
            raw=HOSTILE_TEXT,
            text=HOSTILE_TEXT,
            title=HOSTILE_TITLE,
            lang="en",
            url="javascript:alert('url')",
            outlet="<b onmouseover=alert(3)>Evil</b>",
            published="2022-12-20T10:00",
            entities=[
                {
                    "id": "evil-corp",
                    "type": "ORG",
                    "name": "<svg onload=alert(4)>Evil Corp",
                    "mentions": [
                        {
                            "start": HOSTILE_TEXT.index("Evil Corp"),
                            "end": HOSTILE_TEXT.index("Evil Corp") + 9,
                            "text": "Evil Corp",
                        }
                    ],
                    "salience": 1.0,
                }
            ],
            quotes=[
                {
                    "speaker": {"id": "evil-corp", "name": "<svg onload=alert(5)>Evil Corp"},
                    "text": "<script>alert('quote')</script>",
                    "start": 0,
                    "end": 5,
                    "verb": "said",
                }
            ],
        ),
    )
    putin = {"id": "Q7747", "name": "Vladimir Putin", "text": "بوتين"}
    luka = {"id": "person:alexander-lukashenko", "name": "Alexander Lukashenko", "text": "لوكاشينكو"}
    minsk_ids = [ids["001"], ids["003"], ids["004"]]
    minsk_quotes = [q | {"article": ids["001"]} for q in (k.article(ids["001"]) or original).quotes]
    events = [
        Event(
            id="ev-minsk",
            story="st-alliance",
            title="Putin–Lukashenko talks in Minsk",
            date="2022-12-19",
            kind="meeting",
            places=[{"id": "minsk", "name": "Minsk", "text": "مينسك"}],
            actors=[putin, luka],
            articles=minsk_ids,
            languages=["ar"],
            outlets=["Masrawy", "Al-Thabat"],
            quotes=minsk_quotes,
            summary={"ar": "بوتين يجري محادثات مع لوكاشينكو في مينسك", "en": "Putin holds talks in Minsk."},
        ),
        Event(
            id="ev-moscow",
            story="st-alliance",
            title="Supreme State Council in Moscow",
            kind="meeting",
            places=[{"id": "moscow", "name": "Moscow", "text": "موسكو"}],
            actors=[putin, luka],
            articles=[ids["002"]],
            copies=[COPY_ID],
            languages=["ar"],
            outlets=["RT Arabic", "Sputnik Mirror"],
        ),
        Event(
            id="ev-spb",
            story="st-alliance",
            title="Putin–Lukashenko meeting in Saint Petersburg",
            kind="meeting",
            places=[{"id": "saint-petersburg", "name": "Saint Petersburg", "text": "سن پترزبورگ"}],
            actors=[putin, luka],
            articles=[ids["000"]],
            languages=["fa"],
            outlets=["Aran News"],
            summary={"fa": "دیدار پوتین و لوکاشنکو در سن پترزبورگ"},
        ),
        Event(
            id="ev-hostile",
            story="st-hostile",
            title="<script>alert('event')</script>",
            date="2022-12-20",
            articles=[HOSTILE_ID],
            languages=["en"],
            outlets=["<b onmouseover=alert(3)>Evil</b>"],
            summary={"en": "<img src=x onerror=alert('summary')>"},
        ),
    ]
    stories = [
        Story(
            id="st-alliance",
            title="Russia–Belarus alliance: Putin–Lukashenko summits",
            events=["ev-minsk", "ev-moscow", "ev-spb"],
            start="2022-12-19",
            end="2022-12-19",
            actors=[putin, luka],
        ),
        Story(
            id="st-hostile",
            title="<script>alert('story')</script>",
            events=["ev-hostile"],
            start="2022-12-20",
            end="2022-12-20",
        ),
    ]
    k.store.put_events(events, stories)
    k.store.set_clusters((a, ev.id, ev.story, None) for ev in events for a in ev.articles + ev.copies)
    return ids
