"""Per-article cost of the text stages on SaudiNewsNet, and the language detector's resident memory.

    PYTHONPATH=src python -m bench.text_bench [N_ARTICLES]

Prints the RSS delta after loading the lingua detectors (Arabic-script, Latin and Cyrillic candidate
sets) and the wordfreq tables, then the median and mean ms per article of each stage and of all of them.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter

from khabar.model import Article
from khabar.registry import get

from .common import rss_mb, saudinewsnet

STAGES = [
    "khabar.text.html.v1",
    "khabar.text.mojibake.v1",
    "khabar.text.langid.v1",
    "khabar.text.split_words.v1",
    "khabar.text.sentences.v1",
]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    records = list(saudinewsnet(n))
    funcs = [(name, get(name).func) for name in STAGES]

    from khabar.text import langid, repair

    before = rss_mb()
    langid._detector(langid._LINGUA_ARABIC)
    langid._detector(("ar", "fa"))
    for script in ("latin", "cyrillic"):
        langid._detector(langid._script_codes(script))
    for text in ("روسيا وإيران", "The president met his counterpart.", "Президент встретился."):
        langid.detect(text)  # lingua loads its models lazily, on first use
    print(f"lingua detectors loaded: RSS +{rss_mb() - before:.1f} MB")
    before = rss_mb()
    repair._frequencies("ar"), repair._frequencies("fa"), repair._prefix_index("ar")
    print(f"wordfreq ar+fa tables and prefix index: RSS +{rss_mb() - before:.1f} MB")

    times: dict[str, list[float]] = {name: [] for name, _ in funcs}
    totals, langs, repairs = [], Counter(), 0
    for i, rec in enumerate(records):
        a = Article(id=str(rec.get("id", i)), raw=rec.get("content") or "", title=rec.get("title"))
        total = 0.0
        for name, func in funcs:
            t = time.perf_counter()
            a = func(a)
            dt = (time.perf_counter() - t) * 1000
            times[name].append(dt)
            total += dt
        totals.append(total)
        langs[a.lang] += 1
        repairs += sum(r["kind"] == "split_word" for r in a.repairs)
    print(f"articles {len(records)}  langs {dict(langs)}  split_word repairs {repairs}")
    for name, ts in times.items():
        print(f"{name:32} median {statistics.median(ts):.3f} ms  mean {statistics.mean(ts):.3f} ms")
    print(
        f"{'all stages':32} median {statistics.median(totals):.3f} ms  mean {statistics.mean(totals):.3f} ms"
    )


if __name__ == "__main__":
    main()
