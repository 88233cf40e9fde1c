"""Determinism, incrementality and copies in the online clusterer, on small built inputs."""

from __future__ import annotations

import copy
import random
import re
from collections import Counter

import pytest

from khabar.cluster.events import Clusterer, canonical_order
from khabar.cluster.features import cluster_input
from khabar.cluster.settings import settings
from khabar.cluster.similarity import VECTORS, derived, norm, places
from khabar.cluster.state import MemoryState, most_posted
from khabar.cluster.stories import StoryLinker
from khabar.model import Article
from khabar.text.dates import dates

from .seed_fixture import seed_articles


def _signature(assignments) -> list[tuple[str, str, str | None]]:
    return sorted((a.article, a.event, a.story) for a in assignments)


def test_two_batches_give_what_one_batch_gives() -> None:
    articles = canonical_order(seed_articles())
    one = Clusterer().add_batch(copy.deepcopy(articles))
    state = MemoryState()
    Clusterer(state).add_batch(copy.deepcopy(articles[:2]))
    resumed = Clusterer(state)  # a fresh clusterer over the same state: what a restart does
    resumed.add_batch(copy.deepcopy(articles[2:]))
    assert _signature(one) == _signature(resumed.assignment(a.id) for a in articles)


def test_clustering_input_computed_elsewhere_gives_what_computing_it_here_gives() -> None:
    """Ingest's workers compute each article's cluster_input; the clusterer then only consumes it."""
    articles = seed_articles()
    articles.append(copy.deepcopy(articles[0]))
    articles[-1].id = "copy-of-first"
    here = Clusterer()
    done_here = here.add_batch(copy.deepcopy(articles))
    cfg = settings()
    prepared = {a.id: cluster_input(a, cfg) for a in articles}
    elsewhere = Clusterer()
    done_elsewhere = elsewhere.add_batch(copy.deepcopy(articles), prepared=prepared)
    assert _signature(done_here) == _signature(done_elsewhere)
    assert [a.duplicate_of for a in done_elsewhere] == [a.duplicate_of for a in done_here]
    assert any(a.duplicate_of for a in done_elsewhere)
    assert here.state.get("article", articles[1].id) == elsewhere.state.get("article", articles[1].id)


def test_same_input_same_output() -> None:
    a = Clusterer().add_batch(seed_articles(), refine=True)
    b = Clusterer().add_batch(seed_articles(), refine=True)
    assert _signature(a) == _signature(b)


def test_a_copy_joins_its_originals_event_and_counts_its_outlet() -> None:
    articles = seed_articles()
    original = next(a for a in articles if a.id.startswith("002"))
    duplicate = copy.deepcopy(original)
    duplicate.id, duplicate.outlet, duplicate.meta = "zz_copy", "Other Outlet", {}
    clusterer = Clusterer()
    clusterer.add_batch(articles)
    done = clusterer.add(duplicate)
    assert done.duplicate_of == original.id
    assert done.event == clusterer.assignment(original.id).event
    event = clusterer.state.get("event", done.event)
    assert "zz_copy" in event["copies"] and "Other Outlet" in event["outlets"]


def test_articles_with_only_text_cluster_without_error() -> None:
    texts = [
        "An earthquake of magnitude 6.1 struck northern Chile on Monday, officials in Santiago said.",
        "Officials in Santiago said a magnitude 6.1 earthquake struck northern Chile on Monday.",
        "The central bank raised interest rates by half a point to fight inflation.",
        "",
    ]
    clusterer = Clusterer()
    done = clusterer.add_batch(Article(id=f"a{i}", text=t) for i, t in enumerate(texts))
    events = {a.article: a.event for a in done}
    assert events["a0"] == events["a1"] != events["a2"]


def test_name_conflict_counts_only_names_missing_on_both_sides() -> None:
    from khabar.cluster.similarity import name_conflict

    reid = {"c:reid": 0.9, "c:promises": 0.4, "c:malibu": 0.2}
    lohan = {"c:lohan": 0.9, "c:betty": 0.5, "c:ford": 0.5}
    assert name_conflict(reid, lohan, 3) == 1.0
    assert name_conflict(reid, {"c:reid": 0.8, "c:people": 0.3}, 3) < 0.5
    assert name_conflict(reid, {}, 3) == 0.0


def test_the_date_comes_from_publication_never_from_a_date_in_the_text() -> None:
    from khabar.cluster.features import features

    historical = [{"text": "in 1967", "start": 0, "kind": "date", "weekday": None, "date": "1967-07-04"}]
    undated = Article(id="u", text="The case goes back to 1967.", date_refs=historical)
    assert features(undated).date is None
    dated = Article(
        id="d", text="The case goes back to 1967.", date_refs=historical, published="2013-05-03T10:00"
    )
    assert features(dated).date == "2013-05-03"


def test_stories_that_fit_each_other_merge_and_their_events_follow() -> None:
    rehab = [
        "Actress Tara Reid checked into the Promises rehab treatment center in Malibu, her publicist said.",
        "Tara Reid entered Promises rehab treatment center in Malibu this week, her publicist confirmed.",
        "Lindsay Lohan checked into the Betty Ford rehab treatment center, her lawyer said.",
        "Lindsay Lohan entered the Betty Ford rehab treatment center to begin a court ordered stay.",
    ]
    articles = [Article(id=f"r{i}", text=t) for i, t in enumerate(rehab)]

    def stories(cfg: dict) -> tuple[set[str], set[str]]:
        clusterer = Clusterer(config=cfg)
        done = clusterer.add_batch(copy.deepcopy(articles))
        for a in done:  # every event's story exists and lists it
            assert a.event in clusterer.state.get("story", a.story)["events"]
        return {a.event for a in done}, {a.story for a in done}

    apart_events, apart = stories({"stories": {"threshold": 9.0, "merge_threshold": 9.0}})
    merged_events, merged = stories({"stories": {"threshold": 9.0, "merge_threshold": 0.1}})
    assert len(apart_events) == len(merged_events) >= 2 and len(apart) >= 2 and len(merged) == 1


def test_an_event_naming_none_of_a_storys_core_actors_needs_more_evidence_to_join_it() -> None:
    # The Eid receptions of two ministries share a topic's words and no actor: two threads, not one.
    cfg = settings()["stories"]
    weight = cfg["weights"]["name_conflict"]
    assert weight > 0 and cfg["conflict_names"] > 0
    on = StoryLinker(MemoryState(), cfg)
    off = StoryLinker(MemoryState(), {**cfg, "weights": {**cfg["weights"], "name_conflict": 0.0}})
    words = {"eid": 1.0, "reception": 1.0, "employees": 1.0}
    story = {
        "vec": words,
        "cap": {},
        "ents": {"org:transport": 2.0},
        "langs": {"ar": 2},
        "mains": {},
        "lo": None,
    }
    story.update(derived(story, cfg["conflict_names"]))

    def event(actor: str) -> dict:
        return {
            "vec": words,
            "cap": {},
            "ents": {actor: 1.0},
            "rents": {actor: 3.0},
            "langs": {"ar": 1},
            "mains": {},
        }

    assert on.similarity(event("org:transport"), story) == off.similarity(event("org:transport"), story) > 0
    assert on.similarity(event("org:health"), story) == pytest.approx(
        off.similarity(event("org:health"), story) - weight
    )


def test_an_article_near_two_events_merges_them_down_to_the_merge_floor() -> None:
    texts = [
        "Wildfire smoke covered Kelowna; firefighters evacuated Kelowna orchards overnight.",
        "Kelowna orchards burned as firefighters fought the wildfire near Kelowna.",
        "Penticton vineyards were evacuated when the wildfire crossed the highway toward Penticton.",
        "The highway to Penticton closed; vineyards near Penticton burned in the wildfire.",
        "Kelowna orchards and Penticton vineyards: firefighters fought the wildfire along the highway.",
    ]

    def events(floor: float) -> list[str]:
        cfg = {"events": {"threshold": 0.8, "merge_threshold": 0.1, "merge_floor": floor}}
        clusterer = Clusterer(None, cfg)
        clusterer.add_batch(Article(id=f"a{i}", text=t) for i, t in enumerate(texts))
        return [clusterer.assignment(f"a{i}").event for i in range(len(texts))]

    # Only events the article itself fits above the threshold are checked for a merge...
    assert len(set(events(0.8)[:4])) == 2
    # ...unless a lower floor lets it bring in a near event that fits the joined one as a whole.
    assert len(set(events(0.5))) == 1


def test_a_story_keeps_the_lengths_of_its_current_vectors() -> None:
    clusterer = Clusterer()
    clusterer.add_batch(seed_articles(), refine=True)
    stories = list(clusterer.state.scan("story"))
    assert stories
    for story in stories:  # kept through every add, removal and merge: what a fresh computation gives
        assert story["norms"] == {f: norm(story[f]) for f in VECTORS if f in story}
        assert story["places"] == places(story["mains"])


def test_an_event_keeps_the_lengths_of_its_current_vectors() -> None:
    clusterer = Clusterer()
    clusterer.add_batch(seed_articles(), refine=True)
    events = list(clusterer.state.scan("event"))
    assert any(len(e["articles"]) > 1 for e in events)
    for event in events:  # kept through every join, detachment and merge
        assert event["norms"] == {f: norm(event[f]) for f in VECTORS}


def test_the_candidates_are_the_items_posted_under_the_most_keys() -> None:
    rng = random.Random(5)
    for _ in range(200):
        lists = [
            rng.sample([f"e{i}" for i in range(60)], rng.randint(0, 12)) for _ in range(rng.randint(0, 9))
        ]
        most = rng.randint(1, 20)
        hits = Counter(x for items in lists for x in items)
        assert (
            most_posted(lists, most)
            == [x for x, _ in sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))][:most]
        )


def test_an_event_looks_for_stories_under_a_bounded_set_of_keys_however_large_it_grows() -> None:
    clusterer = Clusterer()
    lookups: list[int] = []
    postings_many = clusterer.state.postings_many

    def spy(keys, limit):
        if keys and keys[0].startswith("s:"):
            lookups.append(len(keys))
        return postings_many(keys, limit)

    clusterer.state.postings_many = spy
    host = {"type": "PERSON", "id": "Q1", "name": "Host", "salience": 0.5}
    for i in range(40):  # one event whose reports each name other visitors, places and words
        ents = [host] + [{"type": "PERSON", "id": f"Q{100 + 4 * i + j}", "salience": 0.3} for j in range(3)]
        shared = "The host met the visitors in Riyadh on the summit day to talk about trade, water and roads."
        text = f"{shared} {shared} Also Word{i} and Other{i}."
        clusterer.add(Article(id=f"a{i}", text=text, published="2015-07-01", entities=ents))
    event = clusterer.state.get("event", clusterer.assignment("a39").event)
    assert len(event["articles"]) == 40 and len(event["keys"]) > 100
    assert max(lookups) <= 4 * int(clusterer.ev["index_terms"])


def test_an_event_and_its_story_keep_their_heaviest_entities_however_many_reports_name() -> None:
    config = {"events": {"centroid_entities": 10}, "stories": {"centroid_entities": 12}}
    clusterer = Clusterer(config=config)
    host = {"type": "PERSON", "id": "Q1", "name": "Host", "salience": 0.9}
    shared = "The host met the visitors in Riyadh on the summit day to talk about trade, water and roads."
    for i in range(30):  # one event whose reports each name three visitors of their own
        ents = [host] + [{"type": "PERSON", "id": f"Q{100 + 3 * i + j}", "salience": 0.3} for j in range(3)]
        clusterer.add(Article(id=f"a{i}", text=f"{shared} {shared}", published="2015-07-01", entities=ents))
    event = clusterer.state.get("event", clusterer.assignment("a29").event)
    story = clusterer.state.get("story", event["story"])
    assert len(event["articles"]) == 30
    assert len(event["ents"]) == len(event["rents"]) == 10 and len(story["ents"]) == 12
    assert "Q1" in event["ents"] and "Q1" in story["ents"]  # named in every report: the heaviest
    assert event["norms"]["ents"] == norm(event["ents"]) and story["norms"]["ents"] == norm(story["ents"])


def test_an_entity_named_in_every_report_weighs_less_than_a_rare_one() -> None:
    clusterer = Clusterer()
    common = {"type": "PERSON", "id": "Q1", "name": "The Host", "salience": 0.5}
    for i in range(6):
        rare = {"type": "PERSON", "id": f"Q{100 + i}", "name": f"Visitor {i}", "salience": 0.5}
        clusterer.add(Article(id=f"a{i}", text=f"The host received visitor {i}.", entities=[common, rare]))
    rents = clusterer.state.get("article", "a5")["rents"]
    assert rents["Q105"] > rents["Q1"] > 0.0


def test_a_follow_up_weeks_later_does_not_widen_the_events_dates() -> None:
    # Where date conflicts do not separate, a strong follow-up joins, but the event's dates stay the
    # happening's, so the next report is measured against them (no drift through daily reports).
    config = {"events": {"separate_on_date": False, "weights": {"date_conflict": 0.01}, "threshold": 0.1}}
    text = "An earthquake of magnitude 6.1 struck northern Chile, officials in Santiago said."
    clusterer = Clusterer(config=config)
    for i, day in enumerate(("2015-07-01", "2015-07-02", "2015-07-30")):
        clusterer.add(Article(id=f"a{i}", text=text + f" Report {i}.", published=day))
    events = {clusterer.assignment(f"a{i}").event for i in range(3)}
    assert len(events) == 1
    event = clusterer.state.get("event", events.pop())
    assert (event["lo"], event["hi"]) == ("2015-07-01", "2015-07-02")


def _dated_pair(**published: str) -> list[Article]:
    """Two reports of one earthquake whose text opens with a date line weeks apart (a follow-up's)."""
    texts = (
        "An earthquake of magnitude 6.1 struck northern Chile, officials in Santiago said.",
        "Officials in Santiago counted the damage after the magnitude 6.1 earthquake in northern Chile.",
    )
    out = []
    for i, (line, text) in enumerate(zip(("July 1, 2015", "July 30, 2015"), texts, strict=True)):
        article = Article(id=f"a{i}", text=f"{line}\n{text}", lang="en")
        if published:
            article.meta["published"] = published[f"a{i}"]
        out.append(dates(article))
    return out


def test_a_date_conflict_between_text_only_dates_counts_against_but_does_not_separate() -> None:
    pair = _dated_pair()
    assert [a.meta["published_from"] for a in pair] == ["text", "text"]
    clusterer = Clusterer()
    done = clusterer.add_batch(pair)
    assert len({a.event for a in done}) == 1
    event = clusterer.state.get("event", done[0].event)
    assert (event["lo"], event["hi"], event["anchored"]) == ("2015-07-01", "2015-07-01", False)
    strict = Clusterer(config={"events": {"separate_on_text_dates": True}}).add_batch(_dated_pair())
    assert len({a.event for a in strict}) == 2


def test_a_date_conflict_between_publication_dates_separates() -> None:
    pair = _dated_pair(a0="2015-07-01T08:00", a1="2015-07-30T08:00")
    assert [a.meta["published_from"] for a in pair] == ["metadata", "metadata"]
    done = Clusterer().add_batch(pair)
    assert len({a.event for a in done}) == 2


def test_one_anchored_report_anchors_the_events_dates() -> None:
    text_only, anchored = _dated_pair()[0], _dated_pair(a0="2015-07-02", a1="2015-07-02")[1]
    clusterer = Clusterer()
    clusterer.add_batch([text_only, anchored])
    event = clusterer.state.get("event", clusterer.assignment("a0").event)
    assert clusterer.assignment("a1").event == event["id"]
    assert (event["lo"], event["hi"], event["anchored"]) == ("2015-07-01", "2015-07-02", True)


def test_an_articles_sources_are_no_clustering_entities() -> None:
    # The publisher and a cited agency are entities of the article (provenance adds them), but who
    # reported a happening is no part of it: every report of one outlet would share them.
    entities = [
        {"id": "Q1", "type": "PERSON", "name": "Visitor", "salience": 0.6},
        {"id": "org:outlet", "type": "ORG", "name": "Outlet", "salience": 0.0},
        {"id": "org:wire", "type": "ORG", "name": "Wire", "salience": 0.3},
    ]
    sources = [{"id": "org:outlet", "role": "publisher"}, {"id": "org:wire", "role": "cited"}]
    article = Article(id="a", text="The visitor arrived.", lang="en", entities=entities, sources=sources)
    assert set(cluster_input(article, settings()).features.entities) == {"Q1"}


def test_the_summary_terms_are_computed_only_when_asked_for() -> None:
    # a store describes its events from them; an evaluation only clusters
    article = Article(
        id="a", title="Talks end", text="The two leaders met in Minsk. They signed a deal.", lang="en"
    )
    assert cluster_input(article, settings()).lead
    assert cluster_input(article, settings(), lead=False).lead == []


def test_candidates_are_looked_up_within_the_time_window() -> None:
    """An old event that shares every word of a report does not take the place of one within its dates."""
    from khabar.cluster.features import features

    flood = "Floods covered the Kelowna orchards and vineyards as Okanagan Lake rose over farms and roads."
    fire = "Firefighters battled a wildfire near Kelowna, evacuating hillside homes above the orchards."
    clusterer = Clusterer(config={"events": {"max_candidates": 1}})
    done = clusterer.add_batch(
        [
            Article(id="old", text=flood, published="2015-01-05T10:00"),
            Article(id="new", text=fire, published="2015-03-01T10:00"),
        ]
    )
    name = {a.event: a.article for a in done}
    assert len(name) == 2

    def candidates(meta: dict) -> list[str]:  # the flood's words on the fire's days
        probe = Article(id="probe", text=flood, published="2015-03-02T09:00", meta=meta)
        return [name[e] for e in clusterer._candidates(clusterer._article_record(features(probe), None))]

    assert candidates({}) == ["new"]
    # A date read from the text alone does not separate, so it sets no window: the old event ranks first.
    assert candidates({"published_from": "text"}) == ["old"]


def test_a_country_does_not_conflict_with_a_place_inside_it_across_languages() -> None:
    # Across languages a conflict of main places separates. A report that names only the country
    # (Kuwait) does not conflict with one datelined in its capital (Kuwait City), as the gazetteer
    # puts the city in the country; a report from another country's capital (Sanaa) still does.
    def report(aid: str, lang: str, *places: str) -> Article:
        ents = [
            {"id": p, "type": "PLACE", "name": p, "salience": 1.0 - 0.2 * i} for i, p in enumerate(places)
        ]
        ents += [
            {"id": "org:isis", "type": "ORG", "name": "Islamic State", "salience": 0.9},
            {"id": "person:sabah-al-ahmad", "type": "PERSON", "name": "Sabah", "salience": 0.8},
        ]
        return Article(id=aid, text="-", lang=lang, published="2015-06-26", entities=ents)

    city = report("a", "ar", "Q35178", "Q817")
    country = report("b", "fa", "Q817")
    elsewhere = report("c", "en", "Q2471", "Q817")
    done = {a.article: a.event for a in Clusterer(MemoryState()).add_batch([city, country, elsewhere])}
    assert done["a"] == done["b"] != done["c"]


def test_a_dateline_place_takes_the_id_of_the_entity_spelled_as_it() -> None:
    # The dateline says نيويورك; the entity stage linked that spelling to New York City (Q60), whose name
    # is not the dateline's: the main place is still the canonical id, comparable across languages.
    city = {
        "id": "Q60",
        "type": "PLACE",
        "name": "New York City",
        "salience": 0.4,
        "variants": [{"text": "نيويورك", "lang": "ar"}],
    }
    article = Article(
        id="a",
        text="-",
        lang="ar",
        entities=[{"id": "Q794", "type": "PLACE", "name": "Iran", "salience": 1.0}, city],
        dateline={"place": {"name": "New York", "text": "نيويورك"}, "agency": None, "text": "نيويورك -"},
    )
    assert cluster_input(article, settings()).features.main_place == "Q60"


def test_a_report_filed_from_a_place_it_names_nowhere_else_also_counts_the_place_it_tells_of() -> None:
    # "RIYADH (AP) - ... in Abha": a wire report filed from the capital about a happening elsewhere
    def report(text: str) -> Article:
        def place(eid: str, name: str) -> dict:
            found = re.finditer(name, text, re.IGNORECASE)
            mentions = [{"start": m.start(), "end": m.end(), "text": m[0]} for m in found]
            return {"id": eid, "type": "PLACE", "name": name, "salience": 0.5, "mentions": mentions}

        dateline = {"place": {"name": "Riyadh", "text": "RIYADH"}, "agency": None, "text": "RIYADH (AP) -"}
        entities = [place("Q3692", "Riyadh"), place("geonames:110690", "Abha")]
        return Article(id="a", text=text, lang="en", dateline=dateline, entities=entities)

    lead = "RIYADH (AP) - A bomber struck a mosque in the city of Abha on Thursday"
    filed = cluster_input(report(lead + "."), settings()).features
    assert (filed.main_place, filed.also_place) == ("Q3692", "geonames:110690")
    named_again = cluster_input(report(lead + ", officials in Riyadh said."), settings()).features
    assert (named_again.main_place, named_again.also_place) == ("Q3692", None)


def test_a_place_brings_its_country_as_salient_as_itself() -> None:
    # Reports in two languages meet only on canonical ids, and one names the country (Egypt) where the
    # other names only the city (Ismailia): the city implies the country.
    ents = [
        {"id": "geonames:361055", "type": "PLACE", "name": "Ismailia", "salience": 0.7},
        {"id": "Q79", "type": "PLACE", "name": "Egypt", "salience": 0.2},
        {"id": "Q193070", "type": "PERSON", "name": "Sisi", "salience": 1.0},
    ]
    found = cluster_input(Article(id="a", text="-", lang="ar", entities=ents), settings()).features
    assert found.entities["Q79"] == found.entities["geonames:361055"] == 0.7
    assert found.names["Q79"] == "Egypt" and found.types["Q79"] == "PLACE"
    alone = cluster_input(Article(id="b", text="-", lang="ar", entities=ents[:1]), settings()).features
    assert alone.entities == {"geonames:361055": 0.7, "Q79": 0.7} and alone.names["Q79"] == "Egypt"
