"""Cross-language joins on composed reports: the tests' (``tests/cluster/fixtures/multilingual.jsonl``) by default.

    python -m bench.multilingual [--data FILE.jsonl] [--set events.threshold=0.45 ...]

Twenty-one reports of eight happenings in English, Arabic and Persian go through ``khabar.open(tmp).ingest``
(the whole pipeline and the online clustering). Prints pairwise precision and recall of the events over
all pairs of reports, over the pairs in two languages, and each pair of one happening left apart or of two
happenings joined.

``bench/labels/multilingual-same-day.jsonl`` (composed for this benchmark, 2026-12-07) is harder: floods in two
Iranian provinces on one day, in English, Persian and Arabic, told through officials no gazetteer lists
(Reza Ahmadi, Hamid Karimi), one Arabic wire filed from Tehran.
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
from pathlib import Path

import khabar

from .arabic_pairs import Pair, pair_scores
from .common import overrides

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "cluster" / "fixtures" / "multilingual.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=FIXTURE, help="labelled reports (JSON Lines with `event`)")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=JSON", help="a clustering override")
    args = ap.parse_args()
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = {r["id"]: r["event"] for r in rows}
    with (
        tempfile.TemporaryDirectory() as tmp,
        khabar.open(Path(tmp) / "m.db", cluster=overrides(args.set)) as k,
    ):
        k.ingest([str(args.data)])
        articles = {a.id: a for a in k.store.iter_articles()}
    events = {aid: a.event or aid for aid, a in articles.items()}
    pairs: list[Pair] = [(a, b, gold[a] == gold[b]) for a, b in itertools.combinations(sorted(gold), 2)]
    across = [p for p in pairs if articles[p[0]].lang != articles[p[1]].lang]
    for name, part in (("all pairs", pairs), ("two languages", across)):
        s = pair_scores(part, events)
        print(
            f"{name:14} P {s['precision']:.3f} R {s['recall']:.3f}  (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})"
        )
    for a, b, same in pairs:
        if same != (events[a] == events[b]):
            what = f"apart: {gold[a]}" if same else f"joined: {gold[a]} and {gold[b]}"
            print(f"{what}: {a} ({articles[a].lang}) {b} ({articles[b].lang})")


if __name__ == "__main__":
    main()
