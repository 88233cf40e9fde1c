"""The ingesting process alone: the workers' results recorded once, then replayed into fresh stores.

    python -m bench.replay record 10000 /tmp/r10k.pickle   # the first N SaudiNewsNet articles, 2 workers
    python -m bench.replay time /tmp/r10k.pickle [--repeat 2]

``record`` ingests the first N SaudiNewsNet articles as ``python -m bench`` does and pickles what the
workers returned (about 18 KiB per article). ``time`` ingests those results again, into a fresh store each
round, through ``Khabar.ingest_documents`` with an engine that hands them back (no stage runs): it measures
what the single store writer does in an ingest (storing, indexing, entity links, copies, clustering,
publishing), free of the workers' share of the machine, whose speed on this shared machine varies too much
for two end-to-end runs to tell a change of a few per cent. It prints the CPU seconds of each clustering
chunk and of the whole, and digests of every article's event and story and of the events' descriptions:
two versions of the code that should cluster alike must print the same digests.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import khabar
from khabar.engines import LocalEngine
from khabar.ingest import Task
from khabar.model import Article
from khabar.pipeline import Pipeline

from .common import SAUDI_FIELDS, saudinewsnet_slice


class Recorder:
    """An engine that runs another and keeps every result it yields."""

    def __init__(self, inner: LocalEngine) -> None:
        self.inner = inner
        self.results: list[Any] = []

    def map(self, pipeline: Pipeline, articles: Iterable[Article], task: Task) -> Iterator[Any]:
        """The inner engine's results, kept as they pass."""
        for result in self.inner.map(pipeline, articles, task):
            self.results.append(result)
            yield result


class Replayer:
    """An engine that hands back recorded results instead of running the stages."""

    def __init__(self, results: list[Any]) -> None:
        self.results = results

    def map(self, pipeline: Pipeline, articles: Iterable[Article], task: Task) -> Iterator[Any]:
        """The recorded results, in their order (the articles are not read)."""
        return iter(self.results)


def _digest(value: Any) -> str:
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=5).hexdigest()


def record(size: int, out: Path) -> None:
    """Ingest the first ``size`` articles with two workers and pickle the workers' results to ``out``."""
    recorder = Recorder(LocalEngine(2))
    with tempfile.TemporaryDirectory() as tmp:
        source = saudinewsnet_slice(size, Path(tmp))
        with khabar.open(Path(tmp) / "record.db") as kb:
            kb.ingest([str(source)], field_map=dict(SAUDI_FIELDS), engine=recorder)
    out.write_bytes(pickle.dumps(recorder.results, protocol=pickle.HIGHEST_PROTOCOL))
    print(f"{len(recorder.results)} results written to {out}")


def replay(results: list[Any]) -> dict[str, Any]:
    """Ingest ``results`` into a fresh store: CPU seconds per clustering chunk and in all, and digests."""
    marks: list[float] = []
    start = time.process_time()
    with tempfile.TemporaryDirectory() as tmp, khabar.open(Path(tmp) / "replay.db") as kb:
        kb.ingest_documents([], engine=Replayer(results), on_done=lambda n: marks.append(time.process_time()))
        rows = sorted((a.id, a.event or "", a.story or "") for a in kb.store.iter_articles())
        events = kb.store.get_events(sorted({event for _, event, _ in rows}))
        described = [(e.id, e.title, e.summary, e.story, e.places, e.actors) for e in events]
    return {
        "cpu_s": round(marks[-1] - start, 2) if marks else None,
        "chunks_cpu_s": [round(b - a, 2) for a, b in zip([start, *marks], marks, strict=False)],
        "articles": len(rows),
        "events": len({r[1] for r in rows}),
        "stories": len({r[2] for r in rows}),
        "assignments": _digest(rows),
        "descriptions": _digest(described),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("size", type=int)
    rec.add_argument("out", type=Path)
    tim = sub.add_parser("time")
    tim.add_argument("recorded", type=Path)
    tim.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    if args.command == "record":
        record(args.size, args.out)
        return
    results = pickle.loads(args.recorded.read_bytes())
    for _ in range(args.repeat):
        print(replay(results), flush=True)


if __name__ == "__main__":
    main()
