"""Stories: events linked by shared core actors and topic over weeks, incrementally.

A story keeps the summed profile of its events (terms, capitalised words, entities, date
range). An event that is alone in its story looks for a better story each time it grows, so
an event whose first article said little can still find its thread; an event that shares its
story with others stays put.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .similarity import (
    Profile,
    add_into,
    day,
    derived,
    embedding_score,
    field_cosine,
    headroom,
    place_agreement,
    salient_conflict,
    same_language,
    truncate,
)
from .state import most_posted

_FIELDS = ("vec", "cap", "ents", "langs", "mains", "emb")


def _story_key(event_key: str) -> str:
    return "s" + event_key[1:]


class StoryLinker:
    """Keeps every event in exactly one story, inside a :class:`ClusterState`."""

    def __init__(self, state: Any, cfg: Mapping[str, Any]) -> None:
        self.state = state
        self.cfg = cfg
        self.moved: set[str] = set()
        """Ids of events whose story changed through a story merge (callers republish them)."""
        self._names = int(cfg.get("conflict_names", 2)) if cfg["weights"].get("name_conflict") else 0
        # What the terms after the text cosines (but the entities') can add to a similarity at most.
        self._later = headroom(cfg["weights"], ("embedding",), ("place_conflict", "name_conflict"))

    def similarity(self, event: Profile, story: Profile, floor: float | None = None) -> float | None:
        """How much an event belongs to a story's thread; None when they are too far apart in time, or when
        the score cannot reach ``floor`` (when given: the caller's threshold).

        The text cosines come first; where they leave the score short of ``floor`` even if every later
        term scored its most, the rest is not computed: most candidate stories share little of a story's
        text (of 278,404 story comparisons over the first 6,000 SaudiNewsNet articles, 2,950 scored)."""
        window = int(self.cfg.get("window_days", 60))
        if event.get("lo") and story.get("lo"):
            lo, hi, elo, ehi = (day(p[bound]) for p in (story, event) for bound in ("lo", "hi"))
            if (elo - hi).days > window or (lo - ehi).days > window:
                return None
        w = self.cfg["weights"]
        factor = 1.0
        score = 0.0
        # A cosine with a zero weight (or factor) would add nothing, so it is not computed.
        lexical = same_language(event, story)
        if lexical:
            for field, weight in (("vec", w.get("lex", 0.0)), ("cap", w.get("names", 0.0))):
                if weight:
                    score += weight * field_cosine(event, story, field)
            factor = float(self.cfg.get("same_language_entities", 1.0))
        if floor is not None and score + max(0.0, w.get("entities", 0.0) * factor) + self._later < floor:
            return None
        if place_agreement(event, story, by_name=lexical) is None:
            score -= w.get("place_conflict", 0.0)
        # A thread's core actors: an event of its topic that names none of them (nor the story any of the
        # event's rarest ones) is another thread's, as the Eid receptions of two ministries are.
        if self._names:
            score -= w["name_conflict"] * salient_conflict(event, story, "rents", self._names)
        score += embedding_score(event, story, self.cfg)  # a thread's meaning, in any language
        weight = w.get("entities", 0.0)
        return score + weight * (field_cosine(event, story, "ents") * factor) if weight and factor else score

    def place(self, event: dict[str, Any], delta: Profile, keys: Iterable[str], query: Sequence[str]) -> None:
        """Update the story of ``event`` after ``delta`` (one article's profile, posted under ``keys``) joined it.

        Candidate stories are looked up under ``query``: keys of the event's strongest evidence, a bounded set."""
        story = self.state.get("story", event["story"]) if event.get("story") else None
        if story is not None and len(story["events"]) > 1:
            self._add(story, delta, keys)
        else:
            best = self._best_story(event, query, exclude=story["id"] if story else None)
            if best is None:
                if story is None:
                    story = self._new_story(event)
                    self._add(story, event, event["keys"])
                else:
                    self._add(story, delta, keys)
            else:
                if story is not None:
                    self._drop(story)
                story = self.state.get("story", best)
                story["events"].append(event["id"])
                event["story"] = best
                self._add(story, event, event["keys"])
        self._merge_neighbours(story, event, query)

    def _merge_neighbours(self, story: dict[str, Any], event: dict[str, Any], query: Sequence[str]) -> None:
        """Merge ``story`` with the candidate stories (found under ``query``) that fit it as a whole."""
        threshold = float(self.cfg.get("merge_threshold", 1e9))
        for sid in self._candidates(query):
            other = self.state.get("story", sid)
            if sid == story["id"] or other is None:
                continue
            score = self.similarity(story, other, floor=threshold)
            if score is not None and score >= threshold:
                story = self._merge(story, other, event)

    def _merge(self, keep: dict[str, Any], gone: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
        """Fold the later story into the earlier one; ``event`` is the caller's (unsaved) event record."""
        if keep["seq"] > gone["seq"]:
            keep, gone = gone, keep
        self._drop(gone)
        keep["events"] += gone["events"]
        for eid in gone["events"]:
            rec = event if eid == event["id"] else self.state.get("event", eid)
            if rec is None:
                continue
            rec["story"] = keep["id"]
            self.moved.add(eid)
            if rec is not event:
                self.state.put("event", eid, rec)
            for key in rec["keys"]:
                self.state.add_posting(_story_key(key), keep["id"])
        self._add(keep, gone, ())
        return keep

    def remove_article(self, event: Mapping[str, Any], profile: Profile) -> None:
        """Take one article's contribution out of its event's story."""
        story = self.state.get("story", event.get("story") or "")
        if story is not None:
            self._sub(story, profile)
            self.state.put("story", story["id"], story)

    def absorb(self, keep: dict[str, Any], gone: Mapping[str, Any]) -> None:
        """Event ``gone`` was merged into ``keep``: move its contribution to ``keep``'s story."""
        old = self.state.get("story", gone.get("story") or "")
        if old is not None:
            old["events"] = [e for e in old["events"] if e != gone["id"]]
            if old["events"]:
                self._sub(old, gone)
                self.state.put("story", old["id"], old)
            else:
                self._drop(old)
        story = self.state.get("story", keep.get("story") or "")
        if story is None:
            story = self._new_story(keep)
            self._add(story, keep, keep["keys"])
        else:
            self._add(story, gone, gone["keys"])

    # ----- internals -----

    def _candidates(self, keys: Iterable[str]) -> list[str]:
        limit = int(self.cfg.get("candidates_per_key", 40))
        lists = self.state.postings_many([_story_key(key) for key in keys], limit)
        return most_posted(lists, int(self.cfg.get("max_candidates", 30)))

    def _best_story(self, event: Profile, query: Sequence[str], exclude: str | None) -> str | None:
        best: tuple[float, str] | None = None
        threshold = float(self.cfg["threshold"])
        for sid in self._candidates(query):
            story = self.state.get("story", sid)
            if sid == exclude or story is None:
                continue
            score = self.similarity(event, story, floor=threshold)
            if score is None or score < threshold:
                continue
            if best is None or score > best[0] or (score == best[0] and sid < best[1]):
                best = (score, sid)
        return best[1] if best else None

    def _new_story(self, event: dict[str, Any]) -> dict[str, Any]:
        (seq,) = self.state.counts(["seq:story"])
        self.state.increment(["seq:story"])
        story = {"id": f"s{seq + 1}", "seq": seq, "events": [event["id"]], "lo": None, "hi": None}
        story.update({f: {} for f in _FIELDS})
        event["story"] = story["id"]
        return story

    def _add(self, story: dict[str, Any], profile: Mapping[str, Any], keys: Iterable[str]) -> None:
        size = int(self.cfg.get("centroid_terms", 200))
        for f in _FIELDS:  # setdefault: a story stored before a field existed (``emb``) lacks it
            add_into(story.setdefault(f, {}), profile.get(f) or {})
        story["vec"] = truncate(story["vec"], size)
        story["cap"] = truncate(story["cap"], size)
        # Its actors too: a story of weeks gathers hundreds (724 in SaudiNewsNet's largest), and every event
        # and story compared with it would pay for them all.
        story["ents"] = truncate(story["ents"], int(self.cfg.get("centroid_entities", 100)))
        story.update(derived(story, self._names))
        for bound, pick in (("lo", min), ("hi", max)):
            if profile.get(bound):
                story[bound] = pick(filter(None, (story[bound], profile[bound])))
        self.state.put("story", story["id"], story)
        for key in keys:
            self.state.add_posting(_story_key(key), story["id"])

    def _sub(self, story: dict[str, Any], profile: Mapping[str, Any]) -> None:
        for f in _FIELDS:
            add_into(story.setdefault(f, {}), profile.get(f) or {}, -1.0)
        story.update(derived(story, self._names))

    def _drop(self, story: Mapping[str, Any]) -> None:
        self.state.delete("story", story["id"])
