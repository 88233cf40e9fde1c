"""Run the split-word repair over SaudiNewsNet articles; count repairs and print a random sample with context.

PYTHONPATH=src python bench/repair_sample.py [N_ARTICLES] [SAMPLE]
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

from khabar.model import Article
from khabar.text.repair import split_words

BENCH = Path("/work/shared/bench/saudinewsnet-2015.jsonl.gz")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    if not BENCH.exists():
        sys.exit(f"{BENCH} is absent")
    found = []
    with gzip.open(BENCH, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= n:
                break
            rec = json.loads(line)
            a = split_words(Article(id=str(rec.get("id", i)), text=rec.get("content") or "", lang="ar"))
            for r in a.repairs:
                s = r["start"]
                found.append(
                    (
                        a.id,
                        r["from"],
                        r["to"],
                        a.text[max(0, s - 40) : s + len(r["to"]) + 40].replace("\n", " "),
                    )
                )
    print(f"articles {n}  repairs {len(found)}  articles with repairs {len({f[0] for f in found})}")
    random.seed(0)
    for art, frm, to, ctx in random.sample(found, min(size, len(found))):
        print(f"{art}\t{frm!r} -> {to!r}\t…{ctx}…")


if __name__ == "__main__":
    main()
