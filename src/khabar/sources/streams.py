"""Byte streams: transparent gzip, a peek at the head without losing it, and capped reads."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from .base import SourceError

GZIP_MAGIC = b"\x1f\x8b"
HEAD_BYTES = 65536


@contextmanager
def gzip_errors() -> Iterator[None]:
    """Turn the ways a gzip stream breaks into a SourceError with a short reason."""
    try:
        yield
    except EOFError:
        raise SourceError("truncated gzip") from None
    except (gzip.BadGzipFile, zlib.error) as exc:
        raise SourceError(f"corrupt gzip: {exc}") from None


class _Prefixed(io.RawIOBase):
    """A raw stream that replays ``head`` before reading on from ``rest``."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def read_head(stream: BinaryIO, size: int = HEAD_BYTES) -> tuple[bytes, BinaryIO]:
    """Read up to ``size`` bytes and return them with a stream that still yields everything from the start."""
    head = bytearray()
    while len(head) < size:
        chunk = stream.read(size - len(head))
        if not chunk:
            break
        head += chunk
    return bytes(head), io.BufferedReader(_Prefixed(bytes(head), stream), buffer_size=HEAD_BYTES)


def open_content(stream: BinaryIO) -> tuple[bytes, BinaryIO, bool]:
    """Unwrap gzip when the magic bytes say so; return (head of the content, full content stream, was_gzip)."""
    head, stream = read_head(stream, len(GZIP_MAGIC))
    if head != GZIP_MAGIC:
        head, stream = read_head(stream)
        return head, stream, False
    unzipped: BinaryIO = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
    with gzip_errors():
        head, full = read_head(unzipped)
    return head, full, True


def read_capped(stream: BinaryIO, max_bytes: int, what: str = "file") -> bytes:
    """Read the whole stream, or raise SourceError when it holds more than ``max_bytes``."""
    with gzip_errors():
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise SourceError(f"{what} larger than {max_bytes} bytes")
    return data
