"""Event assignments of SaudiNewsNet slices, for comparing clustering changes run by run.

    PYTHONPATH=src python -m bench.events_assign OUT.tsv [--first 3000] [--every 6 --of 12000]

Runs the configured pipeline over the first ``--first`` articles and over every ``--every``-th of the
first ``--of``, clusters each slice online with the shipped settings (canonical order)
and again refined (the batch pass), and writes ``slice<TAB>article<TAB>event<TAB>refined event<TAB>date<TAB>anchored
<TAB>story<TAB>refined story`` lines. Two runs' files compare with ``diff``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from khabar import config
from khabar.cluster.evaluate import FeatureSet
from khabar.cluster.settings import settings
from khabar.pipeline import Pipeline

from .common import saudinewsnet_articles


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--first", type=int, default=3000)
    ap.add_argument("--every", type=int, default=6)
    ap.add_argument("--of", type=int, default=12000)
    args = ap.parse_args()
    cfg = config.load()
    pipe = Pipeline(cfg["pipeline"], cfg.get("stages", {}))
    pool = saudinewsnet_articles(max(args.first, args.of))
    slices = {"first": pool[: args.first], "every": pool[: args.of : args.every]}
    with args.out.open("w", encoding="utf-8") as fh:
        for name, articles in slices.items():
            t0 = time.process_time()
            done = pipe.run_batch(articles)
            prepared = FeatureSet(done, settings())
            events, stories = prepared.cluster()
            refined, refined_stories = prepared.cluster(refine=True)
            for f in prepared.features:
                anchored = getattr(f, "anchored", "")
                fh.write(
                    f"{name}\t{f.id}\t{events[f.id]}\t{refined[f.id]}\t{f.date}\t{anchored}"
                    f"\t{stories[f.id]}\t{refined_stories[f.id]}\n"
                )
            print(
                name,
                len(done),
                "articles",
                len(set(events.values())),
                "events",
                len(set(refined.values())),
                "refined",
                len(set(stories.values())),
                "stories",
                f"{time.process_time() - t0:.0f}s cpu",
                flush=True,
            )


if __name__ == "__main__":
    main()
