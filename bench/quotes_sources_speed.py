"""Median time of the quotes and provenance stages per article on SaudiNewsNet (needs ../shared/bench).

Usage: PYTHONPATH=src python -m bench.quotes_sources_speed [N]   (N articles, default 2000)
Entities are not run here (empty list), so this times the two stages alone; sentences are split
beforehand by a simple splitter and are not timed.
"""

from __future__ import annotations

import re
import statistics
import sys
import time

from khabar.extract.orgs import org_index
from khabar.extract.provenance import find_sources
from khabar.extract.quotes import find_quotes
from khabar.model import Article

from .common import saudinewsnet

_SPLIT = re.compile(r"(?<=[.!?؟])\s+|\n+")


def main(n: int) -> None:
    index = org_index()
    times_q, times_s, n_quotes, n_sources = [], [], 0, 0
    for i, rec in enumerate(saudinewsnet(n)):
        text = rec.get("content") or ""
        sents = [[m.start(), m.end()] for m in re.finditer(r"[^.!?؟\n]+[.!?؟]?", text)]
        a = Article(id=str(i), text=text, url=rec.get("url"), lang="ar")
        t0 = time.perf_counter()
        q = find_quotes(text, [], sents)
        t1 = time.perf_counter()
        s = find_sources(a, index)
        t2 = time.perf_counter()
        times_q.append(t1 - t0)
        times_s.append(t2 - t1)
        n_quotes += len(q)
        n_sources += len(s)
    total = [a + b for a, b in zip(times_q, times_s, strict=True)]

    def ms(xs):
        return (
            f"median {statistics.median(xs) * 1e3:.3f} ms, p90 {sorted(xs)[int(len(xs) * 0.9)] * 1e3:.3f} ms"
        )

    print(f"{len(total)} articles; quotes {ms(times_q)}; sources {ms(times_s)}; both {ms(total)}")
    print(f"{n_quotes} quotes, {n_sources} sources")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
