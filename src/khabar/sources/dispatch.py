"""Route each input to the reader its content calls for, turning every failure into a Problem."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

import httpx

from .base import Item, Problem, SourceError, SourceOptions
from .detect import Format, sniff
from .documents import decode_document, text_document
from .feeds import iter_feed
from .files import STDIN, expand, find_sidecar, read_sidecar
from .http import Fetched, fetch, make_client
from .jsonl import iter_json, iter_jsonl
from .streams import open_content, read_capped
from .warc import iter_warc


@dataclass(frozen=True)
class _Input:
    """One input as read: where from, metadata for all its documents, and hints about its format."""

    origin: str
    meta: dict[str, Any]
    """Metadata for every document it yields (a sidecar's)."""
    own: dict[str, Any]
    """Metadata only for a document that is the whole input (its path or URL), not for container records."""
    name: str = ""
    kind: str = "file"
    content_type: str | None = None
    charset: str | None = None


class _Run:
    """One pass over the inputs: the options and a lazily opened HTTP client."""

    def __init__(self, options: SourceOptions) -> None:
        self.options = options
        self._client: httpx.Client | None = None

    def fetch(self, url: str) -> Fetched:
        if self._client is None:
            self._client = make_client(self.options)
        return fetch(self._client, url, self.options.max_bytes)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    def content(self, source: _Input, stream: BinaryIO) -> Iterator[Item]:
        """Documents from one input's bytes, whatever format they turn out to hold."""
        head, stream, gzipped = open_content(stream)
        fmt = sniff(head, source.name, None if gzipped else source.content_type)
        if fmt is Format.EMPTY:
            raise SourceError(f"empty {source.kind}")
        options, origin, meta = self.options, source.origin, source.meta
        if fmt is Format.JSONL:
            yield from iter_jsonl(origin, stream, options, meta)
        elif fmt is Format.WARC:
            yield from iter_warc(origin, stream, options, meta)
        else:
            data = read_capped(stream, options.max_bytes, source.kind)
            if fmt is Format.JSON:
                yield from iter_json(origin, decode_document(data), options, meta)
            elif fmt is Format.FEED:
                yield from iter_feed(origin, data, self.fetch if options.fetch_linked else None)
            else:
                charset = None if gzipped else source.charset
                yield text_document(origin, data, fmt, {**source.own, **meta}, charset)

    def file(self, path: Path) -> Iterator[Item]:
        origin = str(path)
        if path.is_symlink() and not path.exists():
            raise SourceError("broken symlink")
        sidecar = find_sidecar(path)
        meta = read_sidecar(sidecar, self.options.field_map) if sidecar else {}
        with path.open("rb") as stream:
            yield from self.content(_Input(origin, meta, {"path": origin}, path.name), stream)

    def url(self, url: str) -> Iterator[Item]:
        got = self.fetch(url)
        own = {"url": got.url} if got.url == url else {"url": got.url, "requested_url": url}
        source = _Input(url, {}, own, urlsplit(got.url).path, "response", got.content_type, got.charset)
        yield from self.content(source, io.BytesIO(got.body))

    def stdin(self) -> Iterator[Item]:
        yield from self.content(_Input("<stdin>", {}, {}, kind="input"), sys.stdin.buffer)


def _guarded(origin: str, items: Iterator[Item]) -> Iterator[Item]:
    """Pass items through; a failure ends this input with a Problem instead of ending the run."""
    try:
        yield from items
    except SourceError as exc:
        yield Problem(origin, exc.reason, exc.line)
    except OSError as exc:
        yield Problem(origin, f"unreadable: {exc.strerror or exc}")


def iter_documents(inputs: Sequence[str], options: SourceOptions | None = None) -> Iterator[Item]:
    """Documents from paths, directories, globs, ``-`` (stdin) and http(s) URLs, in input order.

    Every bad input (or bad record inside one) comes out as a Problem and the iteration goes on.
    """
    run = _Run(options or SourceOptions())
    try:
        for item in expand(inputs):
            if isinstance(item, Problem):
                yield item
            elif isinstance(item, Path):
                yield from _guarded(str(item), run.file(item))
            elif item == STDIN:
                yield from _guarded("<stdin>", run.stdin())
            else:
                yield from _guarded(item, run.url(item))
    finally:
        run.close()
