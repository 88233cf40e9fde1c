"""The five founding articles as the later stages will deliver them, built from their text.

Entities are found the way an entity stage would: by looking up known surface forms (a small
gazetteer written from the texts, not from the gold labels), with salience = share of mentions.
Dates, weekdays and the dateline are what the texts themselves state.
"""

from __future__ import annotations

from pathlib import Path

from khabar.model import Article
from khabar.pipeline import Pipeline
from khabar.text.normalize import fold

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"

# id, type, name, place kind, surface forms (Arabic and Persian spellings)
GAZETTEER = [
    ("Q7747", "PERSON", "Vladimir Putin", None, ["بوتين", "پوتین"]),
    ("Q10287", "PERSON", "Alexander Lukashenko", None, ["لوكاشينكو", "لوكاشنكو", "لوکاشنکو"]),
    ("Q44329", "PERSON", "Sergei Shoigu", None, ["شويغو"]),
    ("Q2613", "PERSON", "Dmitry Peskov", None, ["بيسكوف"]),
    ("Q3052772", "PERSON", "Emmanuel Macron", None, ["ماكرون"]),
    ("Q2280", "PLACE", "Minsk", "city", ["مينسك", "مینسک"]),
    ("Q649", "PLACE", "Moscow", "city", ["موسكو", "مسکو"]),
    ("Q656", "PLACE", "Saint Petersburg", "city", ["سن پترزبورگ"]),
    ("Q1384", "PLACE", "Kyiv", "city", ["كييف", "کی یف"]),
    ("Q159", "PLACE", "Russia", "country", ["روسيا", "روسیه"]),
    ("Q184", "PLACE", "Belarus", "country", ["بيلاروسيا", "بيلاروس", "بلاروس"]),
    ("Q212", "PLACE", "Ukraine", "country", ["أوكرانيا", "اوکراین"]),
]

# What the text states: language, headline line, publication date line, weekday mentioned, dateline.
STATED = {
    "000": {"lang": "fa", "title": "دیدار پوتین", "weekday": "Monday"},
    "001": {
        "lang": "ar",
        "title": "بوتين يصف",
        "published": "2022-12-19T22:25",
        "weekday": "Monday",
        "dateline": "Q2280",
    },
    "002": {"lang": "ar", "title": "بوتين: روسيا", "weekday": "Thursday"},
    "003": {"lang": "ar", "title": "وزيرا الدفاع", "published": "2022-12-19T09:22", "weekday": "Monday"},
    "004": {"lang": "ar", "title": "بوتين يدعو", "weekday": "Monday"},
}


def _entities(text: str) -> list[dict]:
    folded = fold(text)
    found = []
    for qid, etype, name, kind, forms in GAZETTEER:
        count = 0
        for form in {fold(f) for f in forms}:
            # longer forms first would be better; these forms do not overlap except by prefix
            count += folded.count(form)
        if count:
            found.append({"id": qid, "type": etype, "name": name, "kind": kind, "count": count})
    total = sum(e["count"] for e in found) or 1
    for e in found:
        e["salience"] = round(e.pop("count") / total, 3)
    return found


def seed_articles() -> list[Article]:
    """The five seeds, run through the html stage, with the fields the later stages provide."""
    pipe = Pipeline(["khabar.text.html.v1"])
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        stated = STATED[path.name[:3]]
        a = pipe(
            Article(id=path.stem, path=str(path), raw=path.read_text("utf-8"), content_type="text/plain")
        )
        a.lang = stated["lang"]
        a.title = next(line.strip() for line in a.text.splitlines() if line.startswith(stated["title"]))
        a.published = stated.get("published")
        a.meta["weekday"] = stated["weekday"]
        a.entities = _entities(a.text)
        if "dateline" in stated:
            place = next(e for e in a.entities if e["id"] == stated["dateline"])
            a.dateline = {"place": {"id": place["id"], "name": place["name"]}, "text": ""}
        out.append(a)
    return out
