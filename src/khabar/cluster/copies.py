"""Near-duplicate detection: MinHash signatures over word shingles, found through LSH buckets.

A numpy implementation (hashes of whole shingle arrays at once) rather than datasketch's
per-shingle Python updates: about 0.1 ms per article instead of several. Signatures and buckets
live in a :class:`ClusterState`, so the index survives a restart; the buckets hold a short
reference of each text, whose ``copy`` record holds the article id. Exact copies (same normalized
token sequence) are found by a hash before any MinHash work.
"""

from __future__ import annotations

import functools
import hashlib
import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..text.normalize import tokens
from .state import ClusterState, MemoryState

_PRIME = np.uint64((1 << 61) - 1)
_MASK32 = np.uint64(0xFFFFFFFF)
_SEED = 20240601


@functools.cache
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(_SEED)
    a = rng.integers(1, 1 << 32, size=num_perm, dtype=np.uint64)
    b = rng.integers(0, 1 << 31, size=num_perm, dtype=np.uint64)
    return a, b


def _token_hashes(words: list[str]) -> np.ndarray:
    return np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))


def shingle_hashes(words: list[str], size: int) -> np.ndarray:
    """32-bit hashes of every run of ``size`` consecutive words (the whole text when shorter)."""
    h = _token_hashes(words)
    if len(h) == 0:
        return h
    if len(h) < size:
        size = len(h)
    with np.errstate(over="ignore"):
        acc = np.zeros(len(h) - size + 1, dtype=np.uint64)
        for i in range(size):
            acc = acc * np.uint64(1000003) + h[i : len(h) - size + 1 + i]
    return np.unique((acc ^ (acc >> np.uint64(29))) & _MASK32)


def signature(shingles: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The MinHash signature (one 32-bit minimum per permutation) of a set of 32-bit shingle hashes."""
    if len(shingles) == 0:
        return np.full(len(a), 0xFFFFFFFF, dtype=np.uint64)
    with np.errstate(over="ignore"):
        hv = np.multiply.outer(shingles, a)
        hv += b
    # hv % _PRIME by the Mersenne identity x = (x >> 61) * 2**61 + (x & p), 2**61 = 1 (mod p): numpy's uint64
    # % divides per element, a third of this function's time; shifts, masks and adds in place do not.
    high = hv >> np.uint64(61)
    hv &= _PRIME
    hv += high
    np.subtract(hv, _PRIME, out=hv, where=hv >= _PRIME)
    hv &= _MASK32
    return hv.min(axis=0)


@dataclass(frozen=True)
class CopySketch:
    """What the copy index compares of one text, computed from the text alone (so a worker can compute it)."""

    exact: str
    """Posting key of the exact token sequence."""
    signature: bytes
    """The MinHash signature, as uint32 bytes (as the index stores it, in hex)."""
    bands: tuple[str, ...]
    """Posting keys of the LSH bands of the signature."""


def copy_sketch(text: str, **settings: Any) -> CopySketch | None:
    """The sketch of ``text`` under the copy settings (``settings()["copies"]``); None when it has no words."""
    return words_sketch(tokens(text), **settings)


def words_sketch(
    words: list[str], *, shingle: int = 4, num_perm: int = 128, bands: int = 20, **_: Any
) -> CopySketch | None:
    """:func:`copy_sketch` of a text already split by :func:`~khabar.text.normalize.tokens`."""
    if not words:
        return None
    exact = "x:" + hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=12).hexdigest()
    sig = signature(shingle_hashes(words, shingle), *_permutations(num_perm)).astype(np.uint32)
    rows = num_perm // bands
    keys = tuple(
        f"mh:{i}:{hashlib.blake2b(sig[i * rows : (i + 1) * rows].tobytes(), digest_size=8).hexdigest()}"
        for i in range(bands)
    )
    return CopySketch(exact, sig.tobytes(), keys)


class CopyIndex:
    """Finds earlier near-copies of each text added: ``add(id, text)`` returns the original's id or None.

    The earliest copy wins: a text is compared with texts added before it, and a copy of a
    copy points at the first one. ``threshold`` is the estimated Jaccard similarity of the
    shingle sets above which two texts are copies.
    """

    def __init__(self, state: ClusterState | None = None, **settings: Any) -> None:
        self.state = state if state is not None else MemoryState()
        self.threshold = float(settings.get("threshold", 0.8))
        self.shingle = int(settings.get("shingle", 4))
        self.num_perm = int(settings.get("num_perm", 128))
        self.bands = int(settings.get("bands", 20))
        self.bucket_limit = int(settings.get("bucket_limit", 50))

    def sketch(self, text: str) -> CopySketch | None:
        """The sketch of ``text`` under this index's settings."""
        return copy_sketch(text, shingle=self.shingle, num_perm=self.num_perm, bands=self.bands)

    def add(self, article_id: str, text: str) -> str | None:
        """Index ``text`` under ``article_id``; the id of the earliest earlier copy, or None."""
        return self.add_sketch(article_id, self.sketch(text))

    def add_sketch(self, article_id: str, sketch: CopySketch | None) -> str | None:
        """Index a text by its sketch (:meth:`sketch`, or :func:`copy_sketch` elsewhere with the same settings)."""
        if sketch is None:
            return None
        (known,) = self.state.buckets([sketch.exact], 1)
        if known:
            return self._original(known[0])
        sig = np.frombuffer(sketch.signature, dtype=np.uint32)
        best: tuple[float, str] | None = None
        seen: set[str] = set()
        for bucket in self.state.buckets(sketch.bands, self.bucket_limit):
            for other in bucket:
                if other in seen:
                    continue
                seen.add(other)
                rec = self._record(other)
                if rec is None:
                    continue
                other_sig = np.frombuffer(bytes.fromhex(rec["sig"]), dtype=np.uint32)
                sim = float(np.mean(other_sig == sig))
                if sim >= self.threshold and (best is None or sim > best[0]):
                    best = (sim, other)
        ref = self._new_ref()
        self.state.add_to_buckets([sketch.exact], ref)
        if best is not None:
            original = self._original(best[1])
            self.state.put("copy", ref, {"id": article_id, "sig": "", "of": original})
            return original
        self.state.put("copy", ref, {"id": article_id, "sig": sketch.signature.hex(), "of": None})
        self.state.add_to_buckets(sketch.bands, ref)
        return None

    def _new_ref(self) -> str:
        """A short reference for the next text indexed, which its buckets hold instead of its article id.

        An article id may be a URL of a hundred characters, and every original text is posted in one bucket
        per band and one for its exact text; the reference is ``~`` and the index's counter in hex
        (5 characters for 65,536 texts), which no article id in the buckets of a state from before
        references is likely to equal."""
        (n,) = self.state.counts(["seq:copy"])
        self.state.increment(["seq:copy"])
        return f"~{n:x}"

    def _record(self, item: str) -> dict[str, Any] | None:
        """The record of a bucket item: a reference (``copy``), or an article id in a state written before
        references (``sig``, without ``id``)."""
        return self.state.get("copy", item) or self.state.get("sig", item)

    def _original(self, item: str) -> str:
        """The article id of the earliest copy of the text a bucket item stands for."""
        rec = self._record(item) or {}
        return rec.get("of") or rec.get("id") or item
