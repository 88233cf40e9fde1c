"""Error analysis of event clustering on a labeled set (ECB+ by default): which gold events split, which merge, and why.

    PYTHONPATH=src python bench/ecb_errors.py [--data LABELED.jsonl] [--config CLUSTER.json]

Runs the pipeline once, clusters the articles in canonical order with the shipped settings (or a
``config["cluster"]`` block from --config), then prints per gold story (topic):
  * each predicted event holding its articles, with the gold events inside it (``1_ecb:17``);
  * for every predicted event that mixes gold events (a merge): the evidence between the gold parts;
  * for every gold event spread over several predicted events (a split): the evidence between the
    largest part and each other part;
then each topic spread over several predicted stories or sharing one with other topics.
The evidence is raw, unweighted: cosines of terms (lex), capitalised names, entities and
rarity-weighted entities, the name conflict, place and time agreement (None = a conflict) and the
parts' date ranges. A summary counts the topics with a merge and with a split.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from khabar.cluster.evaluate import FeatureSet, load_labeled, prepare
from khabar.cluster.events import Clusterer
from khabar.cluster.settings import settings
from khabar.cluster.similarity import add_into, cosine, name_conflict, place_agreement, time_agreement
from khabar.cluster.state import MemoryState

ECB = Path("/work/shared/bench/ecbplus.jsonl")


def _part(clusterer: Clusterer, ids: Sequence[str]) -> dict[str, Any]:
    """The summed profile of some articles (as an event of just these articles would hold it)."""
    out: dict[str, Any] = {
        "vec": {},
        "cap": {},
        "ents": {},
        "rents": {},
        "mains": {},
        "weekdays": {},
        "langs": {},
    }
    dates = []
    for aid in ids:
        p = clusterer._profile(clusterer.state.get("article", aid))
        for field in out:
            add_into(out[field], p.get(field) or {})
        if p.get("lo"):
            dates.append(p["lo"])
    out["lo"], out["hi"] = (min(dates), max(dates)) if dates else (None, None)
    return out


def evidence(p: Mapping[str, Any], q: Mapping[str, Any], ev: Mapping[str, Any]) -> dict[str, Any]:
    """The raw evidence between two profiles, rounded for printing."""
    gap, span = int(ev.get("date_gap_days", 2)), int(ev.get("max_span_days", 4))
    raw = {
        "lex": cosine(p["vec"], q["vec"]),
        "names": cosine(p["cap"], q["cap"]),
        "ents": cosine(p["ents"], q["ents"]),
        "rents": cosine(p["rents"], q["rents"]),
        "name_conflict": name_conflict(p["cap"], q["cap"], int(ev.get("conflict_names", 3))),
        "place": place_agreement(p, q),
        "time": time_agreement(p, q, gap, span),
        "dates": f"{p['lo']}..{p['hi']} / {q['lo']}..{q['hi']}",
    }
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in raw.items()}


def main() -> None:
    """Print the per-topic split and merge analysis."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ECB)
    ap.add_argument("--config", type=Path, default=None, help="a JSON cluster block overriding the defaults")
    args = ap.parse_args()
    overrides = json.loads(args.config.read_text(encoding="utf-8")) if args.config else None
    rows = load_labeled(args.data)
    gold = {str(r["id"]): str(r["event"]) for r in rows}
    topic = {str(r["id"]): str(r.get("story") or r["event"]) for r in rows}
    prepared = FeatureSet(prepare(rows), settings(overrides))
    clusterer = Clusterer(MemoryState(), overrides)
    for f in prepared.features:
        clusterer.add_features(f, prepared.duplicate_of[f.id])
    pred = {f.id: clusterer.assignment(f.id).event for f in prepared.features}
    by_topic: dict[str, list[str]] = defaultdict(list)
    for aid in pred:
        by_topic[topic[aid]].append(aid)
    merged = split = 0
    for name in sorted(by_topic, key=lambda t: (len(t), t)):
        parts = _crosstab(by_topic[name], pred, gold)
        print(
            f"{name}: " + "  ".join(f"{e}{{{', '.join(f'{g}:{n}' for g, n in c.items())}}}" for e, c in parts)
        )
        mixes = [(e, c) for e, c in parts if len(c) > 1]
        merged += bool(mixes)
        for e, c in mixes:
            (g1, _), (g2, _) = c.most_common(2)
            ids = [a for a in by_topic[name] if pred[a] == e]
            one, two = ([a for a in ids if gold[a] == g] for g in (g1, g2))
            print(
                f"  merge {e}: {g1} vs {g2}:",
                evidence(_part(clusterer, one), _part(clusterer, two), clusterer.ev),
            )
        for g, events in sorted(_crosstab(by_topic[name], gold, pred)):
            if len(events) < 2:
                continue
            split += 1
            (main_event, _), *rest = events.most_common()
            main_ids = [a for a in by_topic[name] if gold[a] == g and pred[a] == main_event]
            for other, n in rest:
                ids = [a for a in by_topic[name] if gold[a] == g and pred[a] == other]
                found = evidence(_part(clusterer, ids), _part(clusterer, main_ids), clusterer.ev)
                print(f"  split {g}: {other} ({n}) from {main_event}:", found)
    print(f"{len(by_topic)} topics, {merged} with a merge, {split} gold events split")
    _story_errors(clusterer, by_topic, gold)


def _crosstab(
    ids: list[str], rows: Mapping[str, str], cols: Mapping[str, str]
) -> list[tuple[str, Counter[str]]]:
    """``ids`` counted by ``rows[id]`` then ``cols[id]``: (row, counts of cols), the largest row first."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for aid in ids:
        table[rows[aid]][cols[aid]] += 1
    return sorted(table.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))


def _story_errors(clusterer: Clusterer, by_topic: Mapping[str, list[str]], gold: Mapping[str, str]) -> None:
    """Print each topic spread over several stories, or sharing a story with other topics.

    A split line gives the term cosine (the story linker's main evidence) between the topic's
    articles in its largest story and in each other one; a shared line names the other topics."""
    story = {aid: clusterer.assignment(aid).story or "" for ids in by_topic.values() for aid in ids}
    topics_of: dict[str, set[str]] = defaultdict(set)
    for name, ids in by_topic.items():
        for aid in ids:
            topics_of[story[aid]].add(name)
    spread = shared = 0
    for name in sorted(by_topic, key=lambda t: (len(t), t)):
        ranked = _crosstab(by_topic[name], story, gold)
        others = sorted(set().union(*(topics_of[s] for s, _ in ranked)) - {name})
        if len(ranked) < 2 and not others:
            continue
        spread += len(ranked) > 1
        shared += bool(others)
        print(f"{name} stories: " + "  ".join(f"{s}{dict(c)}" for s, c in ranked), "shared with", others)
        main_ids = [a for a in by_topic[name] if story[a] == ranked[0][0]]
        for other, _ in ranked[1:]:
            ids = [a for a in by_topic[name] if story[a] == other]
            lex = cosine(_part(clusterer, ids)["vec"], _part(clusterer, main_ids)["vec"])
            print(f"  split {other} from {ranked[0][0]}: lex {lex:.2f}")
    print(f"{len(by_topic)} topics, {spread} over several stories, {shared} sharing a story with others")


if __name__ == "__main__":
    main()
