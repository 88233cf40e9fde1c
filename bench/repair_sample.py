"""Run the split-word repair over SaudiNewsNet articles; count repairs and print a random sample with context.

PYTHONPATH=src python -m bench.repair_sample [N_ARTICLES] [SAMPLE]
"""

from __future__ import annotations

import random
import sys

from khabar.model import Article
from khabar.text.repair import split_words

from .common import saudinewsnet


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    found = []
    for i, rec in enumerate(saudinewsnet(n)):
        a = split_words(Article(id=str(rec.get("id", i)), text=rec.get("content") or "", lang="ar"))
        for r in a.repairs:
            s = r["start"]
            context = a.text[max(0, s - 40) : s + len(r["to"]) + 40].replace("\n", " ")
            found.append((a.id, r["from"], r["to"], context))
    print(f"articles {n}  repairs {len(found)}  articles with repairs {len({f[0] for f in found})}")
    random.seed(0)
    for art, frm, to, ctx in random.sample(found, min(size, len(found))):
        print(f"{art}\t{frm!r} -> {to!r}\t…{ctx}…")


if __name__ == "__main__":
    main()
