"""The 20 largest events and 20 random ones of a store, with their articles' titles, for a human to judge.

    python -m bench.review_events STORE.db [--largest 20] [--random 20] [--titles 8] [--seed 0] > review.txt

For each event: id, number of articles and copies, date, kind, places, outlets, languages, its title, then
the publication time, outlet and title of its first articles. Reads the store only.
"""

from __future__ import annotations

import argparse
import random
import sys
from typing import TextIO

import khabar
from khabar.model import Event


def write_event(k: khabar.Khabar, event: Event, titles: int, out: TextIO) -> None:
    """One event's header and the titles of its first ``titles`` articles."""
    places = ", ".join(p.get("name") or "" for p in event.places[:3])
    out.write(
        f"--- {event.id}: {len(event.articles)} articles + {len(event.copies)} copies, {event.date}, "
        f"{event.kind}, [{places}], {len(event.outlets)} outlets, {'/'.join(event.languages)}\n"
        f"    title: {event.title}\n"
    )
    for aid in event.articles[:titles]:
        a = k.article(aid)
        if a is not None:
            out.write(f"    {(a.published or '')[:16]:16} {a.outlet or '-':14} {a.title}\n")


def main() -> None:
    """Print the largest and a random sample of the store's events."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db")
    ap.add_argument("--largest", type=int, default=20)
    ap.add_argument("--random", type=int, default=20)
    ap.add_argument("--titles", type=int, default=8)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    with khabar.open(args.db) as k:
        events = k.events()
        largest = sorted(events, key=lambda e: (-len(e.articles), e.id))[: args.largest]
        sample = random.Random(args.seed).sample(events, min(args.random, len(events)))
        sizes = sorted((len(e.articles) for e in events), reverse=True)
        sys.stdout.write(
            f"{len(events)} events; sizes: largest {sizes[:10]}, "
            f"singletons {sum(1 for s in sizes if s == 1)}\n"
        )
        for label, group in (("LARGEST", largest), ("RANDOM", sample)):
            sys.stdout.write(f"===== {label}\n")
            for event in group:
                write_event(k, event, args.titles, sys.stdout)


if __name__ == "__main__":
    main()
