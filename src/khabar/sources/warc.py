"""WARC and WARC.gz: one Document per successful HTML response record."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from .base import Item, Problem, SourceError, SourceOptions
from .detect import Format, hinted, sniff
from .documents import charset_of, text_document
from .streams import gzip_errors


def _is_html(content_type: str | None, body: bytes) -> bool:
    hint = hinted(content_type=content_type) if content_type else None
    return hint is Format.HTML if hint is not None else sniff(body[:4096]) is Format.HTML


def iter_warc(
    origin: str, stream: BinaryIO, options: SourceOptions, base_meta: dict[str, Any]
) -> Iterator[Item]:
    """Documents for the HTML ``response``/``resource`` records of a WARC stream.

    Other records (requests, metadata, images, redirects and error responses) are not articles and are
    passed over silently. ``meta["crawled"]`` is the WARC-Date: the crawl time, not the publication date.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with gzip_errors():
            for record in ArchiveIterator(stream):
                item = _record_item(origin, record, options, base_meta)
                if item is not None:
                    yield item
    except ArchiveLoadFailed as exc:
        raise SourceError(f"invalid WARC: {exc}") from None


def _record_item(origin: str, record: Any, options: SourceOptions, base_meta: dict[str, Any]) -> Item | None:
    if record.rec_type == "response":
        if record.http_headers is None or not record.http_headers.get_statuscode().startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type")
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type")
    else:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or origin
    body = record.content_stream().read(options.max_bytes + 1)
    if not _is_html(content_type, body):
        return None
    if len(body) > options.max_bytes:
        return Problem(origin, f"{uri}: record larger than {options.max_bytes} bytes")
    meta = {**base_meta, "file": origin, "crawled": record.rec_headers.get_header("WARC-Date")}
    try:
        doc = text_document(uri, body, Format.HTML, meta, charset_of(content_type))
    except SourceError as exc:
        return Problem(origin, f"{uri}: {exc.reason}")
    doc.meta["url"] = uri
    return doc
