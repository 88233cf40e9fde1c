"""Shared helpers for benchmarks: where the data is, how to read it, how to measure memory."""

from __future__ import annotations

import _sqlite3
import ctypes
import gzip
import json
import os
import re
import resource
import statistics
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from khabar.ingest import article_from_document
from khabar.model import Article, Document
from khabar.sources import SourceOptions, iter_documents

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "bench"
if not DATA.exists():
    DATA = Path("/work/shared/bench")
SAUDI = DATA / "saudinewsnet-2015.jsonl.gz"
SAUDI_SIZE = 31030
# SaudiNewsNet keeps the crawl time in ``date_extracted``; the ingest benchmarks read it as the publication time.
SAUDI_FIELDS = {"published": "date_extracted"}


def overrides(assignments: Sequence[str]) -> dict[str, Any]:
    """``["events.threshold=0.45"]`` -> ``{"events": {"threshold": 0.45}}``."""
    out: dict[str, Any] = {}
    for item in assignments:
        key, _, value = item.partition("=")
        *path, last = key.split(".")
        node = out
        for part in path:
            node = node.setdefault(part, {})
        node[last] = json.loads(value)
    return out


def require(path: Path) -> Path:
    """The path, or exit with a clear message when the benchmark data is absent."""
    if not path.exists():
        sys.exit(f"benchmark data {path} is absent")
    return path


def saudinewsnet(limit: int | None = None) -> Iterator[dict[str, Any]]:
    """SaudiNewsNet records (id, source, url, date_extracted, title, author, content)."""
    with gzip.open(require(SAUDI), "rt", encoding="utf-8") as fh:
        yield from (json.loads(line) for line in islice(fh, limit))


def saudinewsnet_slice(limit: int | None, folder: Path, skip: int = 0) -> Path:
    """The first ``limit`` SaudiNewsNet lines after the first ``skip`` as a JSONL file in ``folder`` (the whole
    .gz when that is all of it)."""
    if skip == 0 and (limit is None or limit >= SAUDI_SIZE):
        return require(SAUDI)
    out = folder / f"saudinewsnet-{skip}-{limit}.jsonl"
    with gzip.open(require(SAUDI), "rt", encoding="utf-8") as fh, out.open("w", encoding="utf-8") as dst:
        dst.writelines(islice(fh, skip, None if limit is None else skip + limit))
    return out


def saudinewsnet_documents(limit: int | None = None) -> Iterator[Document]:
    """SaudiNewsNet records as the JSONL source reads them for ``khabar ingest`` (outlet, url, title, date)."""
    options = SourceOptions(field_map=dict(SAUDI_FIELDS))
    for doc in islice(iter_documents([str(require(SAUDI))], options), limit):
        if isinstance(doc, Document):
            yield doc


def saudinewsnet_articles(limit: int | None = None) -> list[Article]:
    """SaudiNewsNet records as Articles exactly as ingest builds them, before any stage runs."""
    return [article_from_document(d) for d in saudinewsnet_documents(limit)]


def machine_speed(rounds: int = 3) -> float:
    """CPU seconds of a fixed pure-Python workload (sparse-vector cosines, as the clusterer computes them), the
    median of ``rounds``: this shared machine's speed varies by up to half within an hour, so a result that
    carries it can be compared with one from another hour."""
    vectors = [{f"t{(i * 7 + j * 13) % 997}": 1.0 / (1 + j) for j in range(60)} for i in range(200)]
    times = []
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(20):
            for a in vectors:
                for b in vectors[:50]:
                    sum(w * b.get(t, 0.0) for t, w in a.items())
        times.append(time.process_time() - start)
    return round(statistics.median(times), 3)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb(pid: int | str = "self") -> float:
    """Current resident memory of a process, in MiB (0 when it is gone)."""
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * resource.getpagesize() / 2**20


def pss_mb(pid: int | str = "self") -> float:
    """Proportional set size of a process, in MiB (0 when it is gone): its private pages plus its share
    of each page it shares with n processes (1/n). Unlike RSS, PSS summed over processes counts a page
    shared by forkserver children (preloaded tables) once: the memory the processes really take."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0.0


def descendants(pid: int | None = None) -> list[int]:
    """Pids of every live descendant of a process (pool workers, and a forkserver with its children)."""
    root = pid or os.getpid()
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = [], [root]
    while todo:
        kids = parents.get(todo.pop(), [])
        out += kids
        todo += kids
    return out


def tree_rss_mb() -> float:
    """Current resident memory of this process plus its descendants (pool workers, forkserver), in MiB
    (a page shared by several of them counts once for each)."""
    return rss_mb() + sum(rss_mb(p) for p in descendants())


def tree_pss_mb() -> float:
    """Current proportional set size of this process plus its descendants, in MiB (each page once)."""
    return pss_mb() + sum(pss_mb(p) for p in descendants())


def cpu_seconds(pid: int | str = "self") -> float:
    """User plus system CPU seconds of a process so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def io_bytes(pid: int | str = "self") -> tuple[int, int]:
    """Bytes a process has read and written through system calls so far (``rchar``, ``wchar``): SQLite's
    page reads that miss its cache, and its WAL and checkpoint writes, whether or not they reach the disk."""
    try:
        fields = dict(line.split(": ") for line in Path(f"/proc/{pid}/io").read_text().splitlines())
    except (OSError, ValueError):
        return 0, 0
    return int(fields.get("rchar", 0)), int(fields.get("wchar", 0))


def _debugmallocstats() -> str:
    """What ``sys._debugmallocstats`` writes to the C-level stderr, captured through a pipe."""
    read, write = os.pipe()
    saved = os.dup(2)
    os.dup2(write, 2)
    os.close(write)
    try:
        sys._debugmallocstats()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
    os.set_blocking(read, False)
    chunks = []
    try:
        while chunk := os.read(read, 1 << 16):
            chunks.append(chunk)
    except BlockingIOError:
        pass
    os.close(read)
    return b"".join(chunks).decode(errors="replace")


class _MallInfo2(ctypes.Structure):
    """glibc's ``struct mallinfo2``."""

    _fields_ = [
        (name, ctypes.c_size_t)
        for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")
    ]  # fmt: skip


_MIB = float(1 << 20)
_PYMALLOC = (  # label in sys._debugmallocstats, unit (an arena is 1 MiB on 64-bit Python 3.10 and later)
    ("pymalloc_arenas", "# arenas allocated current", 1.0),
    ("pymalloc_used", "# bytes in allocated blocks", _MIB),
    ("pymalloc_free", "# bytes in available blocks", _MIB),
)


def allocators_mb() -> dict[str, float]:
    """Where this process's heap is, in MiB: SQLite's own memory (its page caches included), glibc's
    allocations in use and the free memory it holds, and Python's small-object allocator (``pymalloc``):
    its arenas, the blocks in use inside them and the free blocks a partly used arena keeps (fragmentation).
    Fields that cannot be read here (another libc, another allocator) are left out."""
    out: dict[str, float] = {}
    try:  # the library the sqlite3 module is linked with, so its counters are this process's
        used = ctypes.CDLL(_sqlite3.__file__).sqlite3_memory_used
        used.restype = ctypes.c_int64
        out["sqlite"] = used() / _MIB
    except (OSError, AttributeError):
        pass
    try:
        mallinfo2 = ctypes.CDLL("libc.so.6").mallinfo2
        mallinfo2.restype = _MallInfo2
        info = mallinfo2()
        out["malloc_in_use"], out["malloc_free"] = info.uordblks / _MIB, info.fordblks / _MIB
    except (OSError, AttributeError):
        pass
    stats = _debugmallocstats()
    for name, label, unit in _PYMALLOC:
        m = re.search(re.escape(label) + r"\s*=\s*([\d,]+)", stats)
        if m:
            out[name] = int(m[1].replace(",", "")) / unit
    return {k: round(v, 1) for k, v in out.items()}


class Sampler(threading.Thread):
    """Samples, every ``every`` seconds until stopped, the peak memory (RSS and PSS sums) of this process
    and its descendants, this process's own peak PSS, and the CPU seconds of each descendant (the last
    samples stand for processes that have exited). PSS is read every ``pss_every``-th sample only: reading
    ``smaps_rollup`` walks a process's page tables (~6 ms for 660 MiB), CPU the measured ingest would lose."""

    def __init__(self, every: float = 0.5, pss_every: int = 4) -> None:
        super().__init__(daemon=True)
        self.every = every
        self.pss_every = pss_every
        self.samples = 0
        self.peak_mb = 0.0
        self.peak_pss_mb = 0.0
        self.peak_own_pss_mb = 0.0
        self.cpu: dict[int, float] = {}
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(self.every):
            self.sample()

    def sample(self) -> None:
        """Take one sample now."""
        kids = descendants()
        self.peak_mb = max(self.peak_mb, rss_mb() + sum(rss_mb(p) for p in kids))
        if self.samples % self.pss_every == 0:
            own = pss_mb()
            self.peak_own_pss_mb = max(self.peak_own_pss_mb, own)
            self.peak_pss_mb = max(self.peak_pss_mb, own + sum(pss_mb(p) for p in kids))
        self.samples += 1
        for p in kids:  # a process exiting between the listing and the read reads as 0: keep its last sample
            self.cpu[p] = max(self.cpu.get(p, 0.0), cpu_seconds(p))

    def stop(self) -> None:
        """Take a last sample (PSS included) and stop."""
        self.samples = 0
        self.sample()
        self._done.set()
        self.join()
