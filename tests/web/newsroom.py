"""A small newsroom for the web tests: the seed articles, filled as the stages will fill them (from
``newsroom.json``, a hand-checked excerpt of the seeds' expected analysis), clustered by hand into the three
events and one story of the seeds, plus a copy and one hostile article that tries to inject markup."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

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


def slug(name: str) -> str:
    """An entity id from its English name."""
    return re.sub(r"\W+", "-", name.lower()).strip("-")


def _mentions(text: str, surfaces: list[str], taken: list[tuple[int, int]]) -> list[dict[str, Any]]:
    found = []
    for surface in sorted(surfaces, key=len, reverse=True):
        for m in re.finditer(re.escape(surface), text):
            span = (m.start(), m.end())
            if all(span[1] <= s or span[0] >= e for s, e in taken):
                taken.append(span)
                found.append({"start": m.start(), "end": m.end(), "text": surface})
    return sorted(found, key=lambda x: x["start"])


def _fill(article: Article, gold: dict[str, Any]) -> Article:
    text = article.text
    article.lang, article.title, article.published = gold["lang"], gold["title"], gold["published"]
    article.outlet = OUTLETS.get(Path(article.path or "").name[:3])
    if gold.get("dateline"):
        place, agency = gold["dateline"]["place"], gold["dateline"]["agency"]
        article.dateline = {
            "place": {"id": slug(place[0]), "name": place[0], "text": place[-1]},
            "agency": {"id": slug(agency[0]), "name": agency[0], "text": agency[-1]},
            "text": f"{place[-1]} - ({agency[-1]})",
        }
    taken: list[tuple[int, int]] = []
    for etype in ("PERSON", "PLACE", "ORG"):
        for names in gold["entities"].get(etype, []):
            mentions = _mentions(text, names, taken)
            if mentions:
                article.entities.append(
                    {
                        "id": slug(names[0]),
                        "type": etype,
                        "name": names[0],
                        "mentions": mentions,
                        "salience": len(mentions) / 10,
                    }
                )
    for q in gold.get("quotes", []):
        start = text.find(q["starts"])
        if start >= 0:
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            speaker = {"id": slug(q["speaker"][0]), "name": q["speaker"][0]} if q.get("speaker") else None
            article.quotes.append(
                {"speaker": speaker, "text": text[start:end], "start": start, "end": end, "verb": "قال"}
            )
    for r in gold.get("repairs", []):
        start = text.find(r[0])
        if start >= 0:
            article.repairs.append({"from": r[0], "to": r[1], "start": start, "kind": "split_word"})
    article.removed = [line for line in gold.get("not_in_body", []) if isinstance(line, str)]
    pub, cited = gold["sources"].get("publisher"), gold["sources"].get("cited") or []
    if pub:
        article.sources.append({"id": slug(pub[0]), "name": pub[0], "role": "publisher", "text": pub[-1]})
    for c in cited:
        article.sources.append({"id": slug(c[0]), "name": c[0], "role": "cited", "text": c[-1]})
    return article


def _put(k: Khabar, article: Article) -> None:
    k.store.put_article(article, content_hash=content_key(article.raw), text_hash=content_key(article.text))


ANNOTATIONS = Path(__file__).with_name("newsroom.json")


def build(k: Khabar, seeds: Path) -> dict[str, str]:
    """Ingest the seeds into ``k`` and fill, cluster and extend them; return {seed prefix: article id}."""
    gold = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    k.ingest([str(seeds)])
    ids: dict[str, str] = {}
    for a in k.articles(limit=None):
        stem = Path(a.path or "").stem
        _put(k, _fill(a, gold[stem]))
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
    putin = {"id": "vladimir-putin", "name": "Vladimir Putin", "text": "بوتين"}
    luka = {"id": "alexander-lukashenko", "name": "Alexander Lukashenko", "text": "لوكاشينكو"}
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
    k.store.set_clusters((a, ev.id, ev.story) for ev in events for a in ev.articles + ev.copies)
    return ids
