"""Per-article clustering features: who, where, when, which language, which words, what kind of happening.

Every field degrades gracefully: an article with only ``text`` (the html stage's output) still
gets terms, names and a language guess; entities, dateline, dates and weekdays are used when
the later stages have set them.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ..model import Article
from ..text.calendars import latin_weekdays
from ..text.normalize import fold, frequency_dict, has_word_frequencies, strip_clitics, tokens
from ..text.quantities import quantities
from .copies import CopySketch, words_sketch

DATA = Path(__file__).resolve().parent.parent / "data"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
_PERSIAN_LETTERS = re.compile("[پچژگ]")
_LATIN = re.compile("[A-Za-z]")
# Capitalised words (a cheap stand-in for names in cased scripts), and where sentences begin.
_CAPITALISED = re.compile(r"\b(?:[A-Z][a-z][\w'-]*|[A-Z]{2,})\b")
_SENTENCE_BREAK = re.compile(r"[.!?:;\n\"'`]+\s*")
_SENTENCE = re.compile(r"[^.!?؟۔\n]+[.!?؟۔]*")  # where an article has no sentence spans
SUMMARY_LEAD = 10
"""An event's summary is chosen among the first this many sentences of each article: a report says what happened
first, and an article's tail (SaudiNewsNet's run to 151 sentences) would make describing an event cost what its
longest reports do."""
_COUNTRY_KINDS = frozenset({"country", "state", "nation", "region"})
_STATEMENT = "statement"


@dataclass
class Features:
    """What the clusterer compares. ``terms`` are raw counts; the clusterer weights them by IDF."""

    id: str
    lang: str
    date: str | None = None
    anchored: bool = False
    """Whether ``date`` is a publication date from metadata (firm), not one read from the text alone."""
    weekday: str | None = None
    main_place: str | None = None
    also_place: str | None = None
    """Where the text places the happening when the dateline's place (``main_place``, a place the entity
    stage linked) is named only there: a wire report filed from a capital about a happening elsewhere does
    not conflict with reports from either place."""
    places: list[str] = field(default_factory=list)
    entities: dict[str, float] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    """Display name of each entity and place id."""
    types: dict[str, str] = field(default_factory=dict)
    """PERSON, PLACE or ORG for each entity id."""
    terms: Counter[str] = field(default_factory=Counter)
    capitalised: Counter[str] = field(default_factory=Counter)
    figures: dict[str, int] = field(default_factory=dict)
    """The quantities the title and text state (:func:`khabar.text.quantities.quantities`), at most
    ``top_figures``, the most repeated first."""
    kind: str | None = None
    outlet: str | None = None
    embedding: dict[str, float] = field(default_factory=dict)
    """The article's embedding (``khabar.neural.embeddings``) as a sparse vector keyed by dimension, so that
    events and stories sum and compare it as they do their terms; empty without the stage."""


def guess_lang(text: str) -> str:
    """A cheap script-based language guess for articles the langid stage has not seen: ar, fa, en or und."""
    sample = text[:2000]
    if _ARABIC_SCRIPT.search(sample):
        return "fa" if len(_PERSIAN_LETTERS.findall(sample)) >= 3 else "ar"
    return "en" if _LATIN.search(sample) else "und"


def term_list(text: str) -> list[str]:
    """Folded, clitic-stripped word terms of ``text``, without one-letter tokens."""
    return [strip_clitics(t) for t in tokens(text) if len(t) > 1]


def summary_sentences(article: Article) -> list[str]:
    """The sentences an event's summary is chosen among: the first ``SUMMARY_LEAD`` of at least four words."""
    text = article.text or ""
    spans = [s for s in article.sentences or [] if isinstance(s, list | tuple) and len(s) == 2]
    found = [text[a:b] for a, b in spans] if spans else [m[0] for m in _SENTENCE.finditer(text)]
    return [s.strip() for s in found if len(s.split()) >= 4][:SUMMARY_LEAD]


def capitalised_words(text: str) -> Counter[str]:
    """Counts of capitalised words that do not begin a sentence (keys ``"c:<folded word>"``), but weekdays: no
    names, they would join any two reports of one day (time agreement weighs weekdays)."""
    out: Counter[str] = Counter()
    weekdays = latin_weekdays()
    for sentence in _SENTENCE_BREAK.split(text):
        for m in _CAPITALISED.finditer(sentence):
            if m.start() > 0 and (word := fold(m[0])) not in weekdays:
                out["c:" + word] += 1
    return out


@functools.cache
def prior_doc_freq(lang: str, doc_tokens: int) -> dict[str, float]:
    """The probability that a term occurs in a document of ``doc_tokens`` words, from wordfreq's tables.

    Used as a prior for the running document frequencies, so IDF is sensible from the first article.
    """
    if not has_word_frequencies(lang):
        return {}
    freqs = frequency_dict(lang)
    out: dict[str, float] = {}
    for word, freq in freqs.items():
        if freq < 1e-6:
            continue
        for term in term_list(word):
            out[term] = out.get(term, 0.0) + freq
    return {t: 1.0 - math.exp(-doc_tokens * f) for t, f in out.items()}


@functools.cache
def triggers() -> dict[str, dict[str, str]]:
    """lang -> term -> event kind, from ``data/events/triggers.tsv``."""
    out: dict[str, dict[str, str]] = {}
    for line in (DATA / "events" / "triggers.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lang, kind, word = line.split("\t")[:3]
        for term in term_list(word):
            out.setdefault(lang, {}).setdefault(term, kind)
    return out


def event_kind(lang: str, terms: Counter[str]) -> str | None:
    """The kind of happening the trigger words point at; ``statement`` only when nothing else is found."""
    lexicon = triggers().get(lang, {})
    counts: Counter[str] = Counter()
    for term, n in terms.items():
        kind = lexicon.get(term)
        if kind:
            counts[kind] += n
    specific = [(n, k) for k, n in counts.items() if k != _STATEMENT]
    if specific:
        return max(specific)[1]
    return _STATEMENT if counts else None


def _iso_date(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    m = _ISO_DATE.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def weekday_of(date: str | None) -> str | None:
    """The English weekday name of an ISO date."""
    return WEEKDAYS[dt.date.fromisoformat(date).weekday()] if date else None


def _when(article: Article) -> tuple[str | None, str | None]:
    """The publication date (never a date from the text, which is often historical) and the weekday told."""
    date = _iso_date(article.published)
    refs = [r for r in article.date_refs or [] if isinstance(r, dict)]
    weekday = article.meta.get("weekday") if isinstance(article.meta.get("weekday"), str) else None
    if weekday not in WEEKDAYS:
        weekday = next((r["weekday"] for r in refs if r.get("weekday") in WEEKDAYS), None)
    return date, weekday or weekday_of(date)


def _anchored(article: Article, date: str | None) -> bool:
    """Whether the article's date is anchored: ``published`` came from metadata, not a date line of the text."""
    return date is not None and article.meta.get("published_from") != "text"


def entity_key(entity: dict[str, Any]) -> str | None:
    """A language-independent key for an entity: its canonical id, else its folded name."""
    if entity.get("id"):
        return str(entity["id"])
    name = entity.get("name") or entity.get("text")
    return "n:" + fold(name) if isinstance(name, str) and name.strip() else None


class _Place(NamedTuple):
    kind: str
    within: frozenset[str]
    """The ids of the places that contain it: its region and its country."""
    name: str


@functools.cache
def _place_table() -> dict[str, _Place]:
    """Place id -> its kind (city, region, country), containers and name, from the shipped gazetteer's
    places alone (the driver that clusters need not hold the rest); empty when absent."""
    from ..extract.knowledge import read_entities

    places = {str(e["id"]): e for e in read_entities("places.jsonl")}
    countries = {
        str(e["country"]): k for k, e in places.items() if e.get("kind") == "country" and e.get("country")
    }
    return {
        k: _Place(
            str(e.get("kind") or ""),
            frozenset(
                c for c in (e.get("admin"), countries.get(str(e.get("country")))) if c is not None and c != k
            ),
            str(e.get("name") or k),
        )
        for k, e in places.items()
    }


def contains(broad: str, place: str) -> bool:
    """Whether the gazetteer puts ``place`` inside ``broad`` (as its region or its country)."""
    entry = _place_table().get(place)
    return entry is not None and broad in entry.within


def _is_broad(entity: dict[str, Any], key: str) -> bool:
    """A country or region: too broad to tell one happening's place from another's."""
    entry = _place_table().get(key)
    kind = str(entity.get("kind") or entity.get("place_type") or (entry.kind if entry else "")).lower()
    return kind in _COUNTRY_KINDS


def _named_after(entity: Mapping[str, Any], offset: int) -> bool:
    """Whether ``entity`` has a mention in the text from ``offset`` on."""
    mentions = entity.get("mentions") or ()
    return any(isinstance(m, dict) and int(m.get("start", -1)) >= offset for m in mentions)


def _places(article: Article, names: dict[str, str]) -> tuple[str | None, str | None, list[str]]:
    """The main place, a second one (see :class:`Features`), and every place by salience."""
    ranked: list[tuple[float, int, str, bool]] = []
    by_name: dict[str, str] = {}
    by_key: dict[str, dict[str, Any]] = {}
    for i, e in enumerate(article.entities or []):
        if not isinstance(e, dict) or str(e.get("type", "")).upper() != "PLACE":
            continue
        key = entity_key(e)
        if key is None:
            continue
        names.setdefault(key, str(e.get("name") or key))
        by_key.setdefault(key, e)
        for spelling in [
            e.get("name"),
            *(v.get("text") for v in e.get("variants") or () if isinstance(v, dict)),
        ]:
            by_name.setdefault(fold(str(spelling or "")), key)
        ranked.append((-float(e.get("salience") or 0.0), i, key, _is_broad(e, key)))
    ranked.sort()
    places = [key for _, _, key, _ in ranked]
    specific = [key for _, _, key, broad in ranked if not broad]
    main = also = None
    dateline = article.dateline if isinstance(article.dateline, dict) else {}
    place = dateline.get("place")
    if isinstance(place, dict):
        main = entity_key(place)
        if main and main.startswith("n:"):  # a dateline place the entity stage resolved to an id, by its
            # name or by its spelling in the text (نيويورك, whose entity is named New York City)
            main = by_name.get(main[2:]) or by_name.get(fold(str(place.get("text") or ""))) or main
        if main:
            names.setdefault(main, str(place.get("name") or main))
            text, line = article.text or "", str(dateline.get("text") or "")
            start = text.find(line) if line else -1
            if main in by_key and not _named_after(by_key[main], start + len(line) if start >= 0 else 0):
                # where the report was filed, named nowhere else: the happening may be at the place the
                # text names ("RIYADH (AP) - ... in the southwestern city of Abha")
                also = next((key for key in specific if key != main), None)
    if main is None:
        main = specific[0] if specific else (places[0] if places else None)
    return main, also, places


def _entities(article: Article, top: int, names: dict[str, str], types: dict[str, str]) -> dict[str, float]:
    """The ``top`` most salient entities, without the article's sources: who reported a happening (the
    publisher, a cited agency) is no part of it, and every report of one outlet or wire shares them."""
    sources = {s.get("id") for s in article.sources or () if isinstance(s, dict)}
    scored: list[tuple[float, int, str]] = []
    for i, e in enumerate(article.entities or []):
        if not isinstance(e, dict):
            continue
        key = entity_key(e)
        if key is None or key in sources:
            continue
        names.setdefault(key, str(e.get("name") or key))
        types.setdefault(key, str(e.get("type") or "").upper())
        scored.append((-float(e.get("salience") or 0.0), i, key))
    scored.sort()
    out: dict[str, float] = {}
    for neg, _, key in scored[:top]:
        out.setdefault(key, max(-neg, 0.05))
    _imply_containers(out, names, types)
    return out


def _imply_containers(ents: dict[str, float], names: dict[str, str], types: dict[str, str]) -> None:
    """Add the region and country of each place among ``ents``, as salient as the place: a report from
    Ismailia is about Egypt whether or not it says so, and reports in two languages, which meet only on
    canonical ids, differ most in whether they name the country (the Egyptian press seldom does)."""
    table = _place_table()
    for key, weight in list(ents.items()):
        entry = table.get(key)
        for broad in sorted(entry.within) if entry else ():
            if weight > ents.get(broad, 0.0):
                ents[broad] = weight
                names.setdefault(broad, table[broad].name if broad in table else broad)
                types.setdefault(broad, "PLACE")


def features(
    article: Article, *, top_entities: int = 8, title_weight: int = 2, top_figures: int = 12, **_: Any
) -> Features:
    """The clustering features of one article."""
    text = article.text or ""
    title = article.title or ""
    lang = article.lang or guess_lang(title + "\n" + text)
    terms: Counter[str] = Counter(term_list(text))
    for term in term_list(title):
        terms[term] += title_weight
    capitalised = capitalised_words(text) if lang not in ("ar", "fa") else Counter()
    names: dict[str, str] = {}
    types: dict[str, str] = {}
    date, weekday = _when(article)
    main_place, also_place, places = _places(article, names)
    return Features(
        id=article.id,
        lang=lang,
        date=date,
        anchored=_anchored(article, date),
        weekday=weekday,
        main_place=main_place,
        also_place=also_place,
        places=places,
        entities=_entities(article, top_entities, names, types),
        names=names,
        types=types,
        terms=terms,
        capitalised=capitalised,
        figures=dict(quantities(title + "\n" + text).most_common(top_figures)),
        kind=event_kind(lang, terms),
        outlet=article.outlet,
        embedding={str(i): x for i, x in enumerate(article.embedding or ()) if x},
    )


@dataclass
class ClusterInput:
    """What clustering computes from one article alone, so that a stage worker can compute it."""

    features: Features
    copy: CopySketch | None
    lead: list[str] = field(default_factory=list)
    """The terms of each of the article's :func:`summary_sentences`, joined by spaces: describing an event
    otherwise tokenizes them in the ingesting process, the one process every article waits on."""


def cluster_input(article: Article, cfg: Mapping[str, Any], *, lead: bool = True) -> ClusterInput:
    """The features and copy sketch of one article under the full clustering settings ``cfg`` (``settings()``),
    and with ``lead`` the terms of its summary sentences (only a store's events are described)."""
    # The words of title + "\n" + text (no token spans a line break), from the tokens the index entry and
    # the terms already took of each: tokenizing the joined text again cost ~0.2 ms per article.
    words = tokens(article.title or "") + tokens(article.text or "")
    terms = [" ".join(term_list(s)) for s in summary_sentences(article)] if lead else []
    return ClusterInput(features(article, **cfg["features"]), words_sketch(words, **cfg["copies"]), terms)
