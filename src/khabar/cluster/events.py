"""Incremental online clustering of articles into events (and, through :mod:`.stories`, events into stories).

Each arriving article joins the best candidate event or starts a new one. Candidates come from
posting lists (salient entity ids, main place, the article's rarest terms and capitalised
words), so an article is never compared with every event. A copy always joins its original's
event. When an article fits two events that fit each other, they merge, which makes the
result less dependent on arrival order. Within a batch articles are processed in a canonical
order, (published date, id), so the order a batch was read in never matters.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Article, Event, Story
from .copies import CopyIndex
from .describe import central, describe_event, describe_story, remember
from .features import ClusterInput, Features, _iso_date, cluster_input, prior_doc_freq
from .settings import settings
from .similarity import (
    EVENT_LATER,
    Profile,
    add_into,
    date_excess,
    derived,
    headroom,
    protagonist,
    similarity,
    truncate,
)
from .state import ClusterState, MemoryState, most_posted, posted, require
from .stories import StoryLinker

_PRIOR_LANGS = frozenset({"ar", "fa", "en", "ur", "tr", "fr", "de", "es", "ru"})


@dataclass(frozen=True)
class Assignment:
    """Where one article went."""

    article: str
    event: str
    story: str | None
    duplicate_of: str | None


def canonical_order(articles: Iterable[Article]) -> list[Article]:
    """Articles sorted by (publication date or "", id): the order a batch is clustered in."""
    return sorted(articles, key=lambda a: (_iso_date(a.published) or "", a.id))


class Clusterer:
    """Online event and story clustering over a :class:`ClusterState`."""

    def __init__(self, state: ClusterState | None = None, config: Mapping[str, Any] | None = None) -> None:
        self.cfg = settings(config)
        self.state = state if state is not None else MemoryState()
        self.ev = self.cfg["events"]
        self.feat = self.cfg["features"]
        self.copies = CopyIndex(self.state, **self.cfg["copies"])
        self.stories = StoryLinker(self.state, self.cfg["stories"])
        self._names = int(self.ev.get("conflict_names", 3))
        self._later = headroom(self.ev["weights"], *EVENT_LATER)

    # ----- public API -----

    def add_batch(
        self,
        articles: Iterable[Article],
        *,
        refine: bool = False,
        prepared: Mapping[str, ClusterInput] | None = None,
    ) -> list[Assignment]:
        """Cluster a batch (in canonical order); with ``refine``, then run a split and a merge pass.

        ``prepared`` holds the :func:`cluster_input` of articles, computed elsewhere (by the stage workers)."""
        prepared = prepared or {}
        done = [self.add(a, prepared.get(a.id)) for a in canonical_order(articles)]
        if refine:
            self.refine()
            return [self.assignment(a.article) for a in done]
        return done

    def add(self, article: Article, prepared: ClusterInput | None = None) -> Assignment:
        """Cluster one article (already through the pipeline) and return where it went.

        ``prepared``: the article's :func:`cluster_input` when already computed (else computed here)."""
        if self.state.get("article", article.id) is not None:
            return self.assignment(article.id)
        inputs = prepared or cluster_input(article, self.cfg)
        remember(article, inputs.lead)  # its summary sentences' terms, for describing its event
        original = self.copies.add_sketch(article.id, inputs.copy)
        rec = self._article_record(inputs.features, original)
        known = self.state.get("article", original) if original is not None else None
        event_id = known["event"] if known is not None else self._best_event(rec)
        self._join(rec, event_id)
        return self.assignment(article.id)

    def add_features(self, feats: Features, duplicate_of: str | None = None) -> Assignment:
        """Cluster from precomputed features (evaluation and tuning reuse features across runs)."""
        rec = self._article_record(feats, duplicate_of)
        original = duplicate_of and self.state.get("article", duplicate_of)
        event_id = original["event"] if original else self._best_event(rec)
        self._join(rec, event_id)
        return self.assignment(feats.id)

    def assignment(self, article_id: str) -> Assignment:
        """The current event, story and original of an article."""
        rec = self.state.get("article", article_id) or {}
        event = self.state.get("event", rec.get("event", "")) or {}
        return Assignment(article_id, rec.get("event", ""), event.get("story"), rec.get("dup"))

    def describe(self, event_id: str, articles: Sequence[Article]) -> Event:
        """The exported Event ``event_id``, given its articles (as stored; only its core's are read)."""
        rec = self.state.get("event", event_id)
        if rec is None:
            raise KeyError(event_id)
        return describe_event(rec, articles, self.core(rec))

    def core(self, event: dict[str, Any]) -> list[dict[str, Any]]:
        """The clusterer records of an event's core: its most central articles, which describe it.

        The core is kept as articles join (:meth:`_recentre`), so reading it costs the same however
        large the event grows."""
        self._complete(event)
        return [r for r in (self.state.get("article", a) for a in event["core"]) if r]

    def describe_story(self, story_id: str, events: Sequence[Event]) -> Story:
        """The exported Story ``story_id``, given its exported events."""
        rec = self.state.get("story", story_id)
        if rec is None:
            raise KeyError(story_id)
        return describe_story(rec, events)

    def refine(self) -> None:
        """Backfill pass: re-place articles that fit their event badly, then merge events that fit each other."""
        split = float(self.ev.get("split_threshold", 0.0))
        for event in list(self.state.scan("event")):
            if len(event["articles"]) < 2:
                continue
            for aid in list(event["articles"]):
                arec = require(self.state, "article", aid)
                current = self.state.get("event", arec["event"])
                if arec.get("dup") or current is None or len(current["articles"]) < 2:
                    continue
                rest = self._without(current, arec)
                score = similarity(self._profile(arec), rest, self.ev)
                if score is None or score < split:
                    self._detach(arec)
                    self._join(arec, self._best_event(arec))
        for event in list(self.state.scan("event")):
            if self.state.get("event", event["id"]) is not None:
                self._merge_neighbours(event["id"])

    # ----- features and profiles -----

    def _weigh(
        self, lang: str, counts: Counter[str], dfs: Mapping[str, int], n: int, size: int
    ) -> dict[str, float]:
        """TF-IDF weights of ``counts``, from the terms' document frequencies ``dfs`` among ``n`` documents of
        ``lang`` and the language's prior (:func:`prior_doc_freq`): the ``size`` heaviest, unit length."""
        n0 = float(self.feat.get("prior_docs", 50))
        prior = prior_doc_freq(lang, int(self.feat.get("doc_tokens", 300))) if lang in _PRIOR_LANGS else {}
        total = n + n0 + 1.0
        vec = {}
        for t in sorted(counts):
            idf = math.log(total / (dfs[t] + n0 * prior.get(t[2:] if t.startswith("c:") else t, 0.0) + 1.0))
            if idf > 0:
                vec[t] = (1.0 + math.log(counts[t])) * idf
        vec = truncate(vec, size)
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        return {t: round(w / norm, 6) for t, w in vec.items()}

    def _specific(self, ents: Mapping[str, float], dfs: Mapping[str, int], n: int) -> dict[str, float]:
        """Entity saliences weighted by how rare each entity is among the ``n`` articles (an entity IDF; ``dfs``:
        each entity's document frequency).

        An entity in every report of a story (a head of state, the country) tells little about which
        happening a report tells; the rare ones (the visitor, the victim, the vessel) do.
        """
        n0 = float(self.feat.get("prior_docs", 50))
        return {k: round(ents[k] * math.log((n + n0) / (dfs[k] + 1.0)), 6) for k in sorted(ents)}

    def _counted(self, prefix: str, keys: Iterable[str]) -> dict[str, int]:
        """Count one more document for each of ``keys`` (counters ``prefix`` + key); their new counts, by key."""
        keys = list(keys)
        return dict(zip(keys, self.state.increment([prefix + k for k in keys]), strict=True))

    def _article_record(self, f: Features, duplicate_of: str | None) -> dict[str, Any]:
        lang = f.lang or "und"
        # The counts after this article, as the weights below read them (each counter read once).
        (docs,) = self.state.increment([f"docs:{lang}"])
        dfs = self._counted(f"df:{lang}:", f.terms) | self._counted(f"df:{lang}:", f.capitalised)
        (ent_docs,) = self.state.increment(["docs:ent"])
        ent_dfs = self._counted("df:ent:", f.entities)
        seq = self.state.increment(["seq:article"])[0] - 1
        size = int(self.feat.get("top_terms", 40))
        return {
            "id": f.id,
            "seq": seq,
            "dup": duplicate_of,
            "event": None,
            "lang": lang,
            "date": f.date,
            "anchored": f.anchored,
            "weekday": f.weekday,
            "main": f.main_place,
            "also": f.also_place,
            "places": f.places,
            "ents": f.entities,
            "rents": self._specific(f.entities, ent_dfs, ent_docs),
            "names": f.names,
            "types": f.types,
            "vec": self._weigh(lang, f.terms, dfs, docs, size),
            "cap": self._weigh(lang, f.capitalised, dfs, docs, int(self.feat.get("top_names", size))),
            "figures": f.figures,
            "kind": f.kind,
            "outlet": f.outlet,
            "emb": f.embedding,
        }

    def _profile(self, a: Mapping[str, Any]) -> Profile:
        profile = {
            "vec": a["vec"],
            "cap": a["cap"],
            "ents": a["ents"],
            "rents": a.get("rents") or {},
            "figures": a.get("figures") or {},
            "emb": a.get("emb") or {},
            "mains": {p: 1 for p in (a.get("main"), a.get("also")) if p},
            "lo": a.get("date"),
            "hi": a.get("date"),
            "anchored": bool(a.get("anchored", True)),
            "weekdays": {a["weekday"]: 1} if a.get("weekday") else {},
            "langs": {a["lang"]: 1},
            "kinds": {a["kind"]: 1} if a.get("kind") else {},
            "outlet": a.get("outlet"),
            "protagonist": protagonist(a["ents"], a.get("types") or {}),
        }
        profile.update(derived(profile, self._names))  # compared with every candidate: computed once
        return profile

    def _keys(self, a: Mapping[str, Any]) -> list[str]:
        """The posting keys of an article record: its entities, main place, heaviest terms and names."""
        n = int(self.ev.get("index_terms", 12))
        return _posting_keys(a["ents"], [a["main"]] if a.get("main") else [], a["vec"], a["cap"], n)

    def _query_keys(self, event: Mapping[str, Any]) -> list[str]:
        """The keys an event looks for stories under: its heaviest entities, main places, terms and names.

        At most ``index_terms`` of each, as for one article, so the lookup does not grow with the event."""
        n = int(self.ev.get("index_terms", 12))
        return _posting_keys(
            _heaviest(event["ents"], n), _heaviest(event["mains"], n), event["vec"], event["cap"], n
        )

    # ----- events -----

    def _candidates(self, a: Mapping[str, Any]) -> list[str]:
        """The events an article is compared with: those posted under the most of its keys, within its time window.

        An article dated by its publication date is not compared with an event whose publication dates
        are too far from it (beyond ``date_gap_days``, or together longer than ``max_span_days``) when
        such dates separate (``separate_on_date``): the comparison could only say so. The window is
        applied to the ``candidate_pool`` events posted under the most keys, from each event's small
        ``when`` record, so an old event that shares a beat's words does not take a candidate's place
        and its full record is never read. Where fewer events are posted than ``max_candidates``, all
        are compared (the comparison rejects a conflict itself)."""
        limit = int(self.ev.get("candidates_per_key", 40))
        most = int(self.ev.get("max_candidates", 30))
        hits = posted(self.state.postings_many(self._keys(a), limit))
        windowed = a.get("date") and a.get("anchored", True) and self.ev.get("separate_on_date", True)
        # The pool ranked once: its first ``most`` are the ``most`` events posted under the most keys.
        pool = max(most, int(self.ev.get("candidate_pool", 4 * most)))
        ranked = most_posted(hits, pool if windowed else most)
        if len(ranked) < most or not windowed:
            # every posted event is a candidate (the comparison rejects a conflict), or there is no window
            return ranked[:most]
        gap, span = int(self.ev.get("date_gap_days", 2)), int(self.ev.get("max_span_days", 4))
        dated = _dated(a)

        def within(ids: list[str]) -> list[str]:
            whens = self.state.get_many("when", ids)
            return [
                eid
                for eid, w in zip(ids, whens, strict=True)
                if not (w and w["lo"] and w["anchored"] and date_excess(dated, w, gap, span) > 0)
            ]

        out: list[str] = []
        for i in range(0, len(ranked), most):  # the next events of the pool while the window leaves room
            out += within(ranked[i : i + most])
            if len(out) >= most:
                break
        return out[:most]

    def _put(self, event: dict[str, Any]) -> None:
        """Save an event record, and its dates as the small ``when`` record that candidate lookup reads."""
        self.state.put("event", event["id"], event)
        when = {"lo": event.get("lo"), "hi": event.get("hi"), "anchored": bool(event.get("anchored", True))}
        self.state.put("when", event["id"], when)

    def _scored(
        self, profile: Profile, candidates: Iterable[str], floor: float, exclude: str | None = None
    ) -> list[tuple[float, str]]:
        """The candidate events that score at least ``floor`` against ``profile``, best first."""
        need = floor - self._later
        out = []
        for eid in candidates:
            if eid == exclude:
                continue
            event = self.state.get("event", eid)
            if event is None:
                continue
            score = similarity(profile, event, self.ev, need)
            if score is not None and score >= floor:
                out.append((score, eid))
        out.sort(key=lambda se: (-se[0], se[1]))
        return out

    def _best_event(self, a: Mapping[str, Any]) -> str | None:
        threshold = float(self.ev["threshold"])
        # Below the floor a candidate neither wins nor merges with the winner: it need not be scored in full.
        floor = min(threshold, float(self.ev.get("merge_floor", threshold)))
        scored = self._scored(self._profile(a), self._candidates(a), floor)
        if not scored or scored[0][0] < threshold:
            return None
        best = scored[0][1]
        merge = float(self.ev.get("merge_threshold", 1e9))
        for _, other in scored[1:]:
            e, o = self.state.get("event", best), self.state.get("event", other)
            if e is None or o is None:
                continue
            score = similarity(e, o, self.ev)
            if score is not None and score >= merge:
                best = self._merge(best, other)
        return best

    def _new_event(self) -> dict[str, Any]:
        (seq,) = self.state.counts(["seq:event"])
        self.state.increment(["seq:event"])
        return {
            "id": f"e{seq + 1}",
            "seq": seq,
            "story": None,
            "articles": [],
            "copies": [],
            "keys": [],
            "vec": {},
            "cap": {},
            "ents": {},
            "rents": {},
            "figures": {},
            "emb": {},
            "mains": {},
            "lo": None,
            "hi": None,
            "anchored": False,
            "weekdays": {},
            "langs": {},
            "kinds": {},
            "outlets": {},
            "core": [],
            "names": {},
            "types": {},
        }

    def _complete(self, event: dict[str, Any]) -> None:
        """Give an event record from before cores (a store clustered by an earlier version) its core and names."""
        if "core" in event:
            return
        records = [r for r in (self.state.get("article", a) for a in event["articles"]) if r]
        event["names"], event["types"] = {}, {}
        for r in records:
            event["names"].update(r.get("names") or {})
            event["types"].update(r.get("types") or {})
        event["core"] = central(event, records)

    def _recentre(self, event: dict[str, Any], joined: Iterable[str]) -> None:
        """Re-rank the event's core with the articles that ``joined`` it against its moved centroid.

        An article that leaves the core never returns (only the core and the newcomers are ranked),
        so keeping the core costs ``DESCRIBED_ARTICLES`` comparisons per join, not one per member; it
        depends only on the order articles joined, never on how they were batched."""
        ids = dict.fromkeys([*event["core"], *joined])
        event["core"] = central(event, [r for r in (self.state.get("article", a) for a in ids) if r])

    def _join(self, a: dict[str, Any], event_id: str | None) -> None:
        event = self.state.get("event", event_id) if event_id else None
        if event is None:
            event = self._new_event()
        self._complete(event)
        profile = self._profile(a)
        self._accumulate(event, profile, a, +1)
        event["articles"].append(a["id"])
        if a.get("dup"):
            event["copies"].append(a["id"])
        keys = self._keys(a)
        known = set(event["keys"])
        event["keys"] += [k for k in keys if k not in known]
        a["event"] = event["id"]
        self.state.put("article", a["id"], a)
        self._recentre(event, [a["id"]])
        for key in keys:
            self.state.add_posting(key, event["id"])
        self.stories.place(event, profile, keys, self._query_keys(event))
        self._put(event)

    def _accumulate(self, event: dict[str, Any], p: Profile, a: Mapping[str, Any], sign: int) -> None:
        if not a.get("dup"):
            add_into(event["vec"], p["vec"], sign)
            add_into(event["cap"], p["cap"], sign)
            event["vec"] = truncate(event["vec"], int(self.ev.get("centroid_terms", 120)))
            event["cap"] = truncate(event["cap"], int(self.ev.get("centroid_terms", 120)))
            add_into(event.setdefault("emb", {}), p["emb"], sign)
        add_into(event["ents"], p["ents"], sign)
        add_into(event.setdefault("rents", {}), p["rents"], sign)
        add_into(event.setdefault("figures", {}), p["figures"], sign)
        self._bound(event)
        for field in ("mains", "weekdays", "langs", "kinds"):
            add_into(event[field], p[field], sign)
        if a.get("outlet"):
            add_into(event["outlets"], {a["outlet"]: 1}, sign)
        if sign > 0:
            event["names"].update(a.get("names") or {})
            event["types"].update(a.get("types") or {})
        if sign > 0 and a.get("date"):
            event.update(self._core_dates(event, _dated(a)))
        event.update(derived(event, self._names))

    def _bound(self, event: dict[str, Any]) -> None:
        """Keep an event's entities and figures to their heaviest (``centroid_entities``, ``centroid_figures``).

        Every comparison with the event reads them, so however many reports join, a comparison costs
        the same (before the bound, the 20 largest events of SaudiNewsNet held up to 149 entities)."""
        size = int(self.ev.get("centroid_entities", 50))
        event["ents"] = truncate(event["ents"], size)
        event["rents"] = truncate(event["rents"], size)
        event["figures"] = truncate(event["figures"], int(self.ev.get("centroid_figures", 40)))

    def _core_dates(self, event: Mapping[str, Any], dated: Mapping[str, Any]) -> dict[str, Any]:
        """The event's ``lo``, ``hi`` and ``anchored`` after a report (or event) ``dated`` joined it.

        The dates are the happening's: a report that fits them (within ``date_gap_days``, the whole
        within ``max_span_days``) widens them; one that joined despite a date conflict (a copy, or a
        follow-up weeks later where date conflicts do not separate) leaves them, so later reports are measured
        against the happening's days and a run of daily reports cannot drift an event through weeks.
        The dates are anchored when any report whose dates they hold is: one publication date from
        metadata vouches for the happening's days, however many text-only guesses agree with it.
        """
        old = {"lo": event.get("lo"), "hi": event.get("hi"), "anchored": bool(event.get("anchored", True))}
        new = {"lo": dated["lo"], "hi": dated["hi"], "anchored": bool(dated.get("anchored", True))}
        if not old["lo"]:
            return new
        gap, span = int(self.ev.get("date_gap_days", 2)), int(self.ev.get("max_span_days", 4))
        if date_excess(old, new, gap, span) > 0:
            return old
        return {
            "lo": min(old["lo"], new["lo"]),
            "hi": max(old["hi"], new["hi"]),
            "anchored": old["anchored"] or new["anchored"],
        }

    def _without(self, event: dict[str, Any], a: Mapping[str, Any]) -> Profile:
        self._complete(event)
        rest = {k: (dict(v) if isinstance(v, dict) else v) for k, v in event.items()}
        self._accumulate(rest, self._profile(a), a, -1)
        others = [self.state.get("article", x) or {} for x in event["articles"] if x != a["id"]]
        rest["articles"] = [x for x in event["articles"] if x != a["id"]]
        rest["copies"] = [x for x in event["copies"] if x != a["id"]]
        rest["core"] = central(rest, [o for o in others if o])
        rest["lo"] = rest["hi"] = None
        rest["anchored"] = False
        for o in others:
            if o.get("date"):
                rest.update(self._core_dates(rest, _dated(o)))
        return rest

    def _detach(self, a: dict[str, Any]) -> None:
        event = require(self.state, "event", a["event"])
        rest = self._without(event, a)
        self._put(rest)
        self.stories.remove_article(rest, self._profile(a))
        a["event"] = None

    def _merge(self, keep_id: str, gone_id: str) -> str:
        keep, gone = require(self.state, "event", keep_id), require(self.state, "event", gone_id)
        if keep["seq"] > gone["seq"]:
            keep, gone = gone, keep
        self._complete(keep)
        self._complete(gone)
        for field in ("vec", "cap"):
            add_into(keep[field], gone[field])
            keep[field] = truncate(keep[field], int(self.ev.get("centroid_terms", 120)))
        for field in ("emb", "ents", "rents", "figures", "mains", "weekdays", "langs", "kinds", "outlets"):
            add_into(keep.setdefault(field, {}), gone.get(field) or {})
        self._bound(keep)
        keep.update(derived(keep, self._names))
        # Where both are dated and do not fit together, the larger event's days stay the happening's.
        lead, other = (keep, gone) if len(keep["articles"]) >= len(gone["articles"]) else (gone, keep)
        if other.get("lo"):
            keep.update(self._core_dates(lead, other))
        else:
            keep["lo"], keep["hi"] = lead.get("lo"), lead.get("hi")
            keep["anchored"] = bool(lead.get("anchored", True))
        keep["articles"] += gone["articles"]
        keep["copies"] += gone["copies"]
        keep["names"].update(gone["names"])
        keep["types"].update(gone["types"])
        self._recentre(keep, gone["core"])
        for aid in gone["articles"]:
            arec = require(self.state, "article", aid)
            arec["event"] = keep["id"]
            self.state.put("article", aid, arec)
        for key in gone["keys"]:
            self.state.remove_posting(key, gone["id"])
            self.state.add_posting(key, keep["id"])
        known = set(keep["keys"])
        keep["keys"] += [k for k in gone["keys"] if k not in known]
        self.state.delete("event", gone["id"])
        self.state.delete("when", gone["id"])
        self.stories.absorb(keep, gone)
        self._put(keep)
        return keep["id"]

    def _merge_neighbours(self, event_id: str) -> None:
        merge = float(self.ev.get("merge_threshold", 1e9))
        event = require(self.state, "event", event_id)
        limit = int(self.ev.get("candidates_per_key", 40))
        candidates = most_posted(
            self.state.postings_many(event["keys"], limit), int(self.ev.get("max_candidates", 30))
        )
        for _, other in self._scored(event, candidates, merge, exclude=event_id):
            current, neighbour = require(self.state, "event", event_id), self.state.get("event", other)
            if neighbour is None:
                continue
            now = similarity(current, neighbour, self.ev)
            if now is not None and now >= merge:
                event_id = self._merge(event_id, other)


def _heaviest(vec: Mapping[str, float], n: int) -> list[str]:
    """The ``n`` keys of ``vec`` with the largest weights (ties: the smallest key first)."""
    return [k for k, _ in sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def _posting_keys(
    ents: Iterable[str], places: Iterable[str], vec: Mapping[str, float], cap: Mapping[str, float], n: int
) -> list[str]:
    """Posting keys: one per entity and place, and one per term of the ``n`` heaviest terms and names."""
    keys = [f"e:ent:{k}" for k in ents] + [f"e:pl:{p}" for p in places]
    for v in (vec, cap):
        keys += [f"e:t:{t}" for t in _heaviest(v, n)]
    return keys


def _dated(a: Mapping[str, Any]) -> dict[str, Any]:
    """A dated article record's dates as an event holds them (records from before ``anchored`` count as anchored)."""
    return {"lo": a["date"], "hi": a["date"], "anchored": bool(a.get("anchored", True))}


def recluster(
    articles: Iterable[Article], state: ClusterState, config: Mapping[str, Any] | None = None
) -> Clusterer:
    """Rebuild every event and story from ``articles`` into an empty ``state``, as one refined batch."""
    clusterer = Clusterer(state, config)
    clusterer.add_batch(articles, refine=True)
    return clusterer
