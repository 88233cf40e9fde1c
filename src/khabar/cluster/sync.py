"""Clustering against a store: new articles in, events and stories out, all through the Store interface."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..collector import long_run
from ..model import Article, Event
from ..store.base import Store
from .describe import describe_event
from .events import Assignment, Clusterer
from .features import ClusterInput


def _publish(
    store: Store, clusterer: Clusterer, assignments: Sequence[Assignment], batch: Mapping[str, Article]
) -> None:
    """Write the events and stories these assignments touched, and the event and story of each article that moved.

    An event is described from its core (:meth:`Clusterer.core`, its most central articles), and only
    the articles whose event, story or original changed are rewritten, so the cost per batch does not
    grow with the size of the events it touches. The store is read in one query per event or story, for the
    core articles not in ``batch`` (the articles just clustered, by id, which this process holds).
    """
    state = clusterer.state
    touched = {a.event for a in assignments if a.event} | clusterer.stories.moved
    records = {e: r for e in sorted(touched) if (r := state.get("event", e)) is not None}
    placed = store.clusters_of(a for r in records.values() for a in r["articles"])
    previous: set[str] = set()
    rows: list[tuple[str, str | None, str | None, str | None]] = []
    events: dict[str, Event] = {}
    dup = {a.article: a.duplicate_of for a in assignments}
    for event_id, record in records.items():
        core = clusterer.core(record)
        ids = [r["id"] for r in core]
        read = {a.id: a for a in store.get_articles(i for i in ids if i not in batch)}
        event = describe_event(record, [a for i in ids if (a := batch.get(i) or read.get(i))], core)
        events[event_id] = event
        for aid in record["articles"]:
            if aid not in placed:
                continue
            was_event, was_story, was_dup = placed[aid]
            if was_event and was_event != event_id:
                previous.add(was_event)
            if (was_event, was_story) != (event_id, event.story) or (dup.get(aid) and not was_dup):
                rows.append((aid, event_id, event.story, dup.get(aid)))
    previous_stories = {e.story for e in store.get_events(sorted(previous | touched)) if e.story}
    stories = {e.story for e in events.values() if e.story} | previous_stories
    story_records = {s: r for s in sorted(stories) if (r := state.get("story", s)) is not None}
    exported = []
    for story_id, record in story_records.items():
        ids = record.get("events", [])
        stored = {e.id: e for e in store.get_events(x for x in ids if x not in events)}
        timeline = [events.get(eid) or stored.get(eid) for eid in ids]
        exported.append(clusterer.describe_story(story_id, [e for e in timeline if e is not None]))
    gone_events = {p for p in previous if state.get("event", p) is None}
    gone_stories = {s for s in previous_stories if state.get("story", s) is None}
    store.delete_events(gone_events, gone_stories)
    store.put_events(events.values(), exported)
    store.set_clusters(rows)


def cluster_articles(
    store: Store,
    articles: Sequence[Article],
    config: Mapping[str, Any],
    *,
    refine: bool = False,
    prepared: Mapping[str, ClusterInput] | None = None,
) -> list[Assignment]:
    """Cluster articles already in the store into its events and stories, and save the clusterer's state.

    ``prepared``: the :func:`~.features.cluster_input` of articles, when the stage workers computed it."""
    with long_run():
        state = store.cluster_state()
        clusterer = Clusterer(state, config)
        assignments = clusterer.add_batch(articles, refine=refine, prepared=prepared)
        _publish(store, clusterer, assignments, {a.id: a for a in articles})
        state.flush()
    return assignments


def recluster(store: Store, config: Mapping[str, Any], *, refine: bool = False) -> int:
    """Rebuild every event and story from the stored articles; return how many articles were clustered."""
    store.clear_clusters()
    articles = list(store.iter_articles())
    cluster_articles(store, articles, config, refine=refine)
    return len(articles)
