"""Sniff an input's format from its first bytes, with the file extension or HTTP content type as a tie-breaker."""

from __future__ import annotations

import codecs
import json
import re
from enum import Enum


class Format(Enum):
    """What an input holds. Containers (JSONL, JSON, WARC, FEED) yield many documents."""

    EMPTY = "empty"
    TEXT = "text/plain"
    MARKDOWN = "text/markdown"
    HTML = "text/html"
    JSONL = "jsonl"
    JSON = "json"
    WARC = "warc"
    FEED = "feed"


_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]")
_PROLOG = re.compile(r"^(?:\s|<\?xml[^>]*\?>|<!--.*?-->|<!doctype[^>]*>)*", re.DOTALL)
_JSON_ARRAY = re.compile(r"\[\s*(?:[{\]]|$)")
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
_HTML_CLOSE = re.compile(r"</(?:p|div|html|body|article|br)>", re.IGNORECASE)
_EXTENSIONS = {
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".json": Format.JSON,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".warc": Format.WARC,
    ".rss": Format.FEED,
    ".atom": Format.FEED,
}
_CONTENT_TYPES = {
    "text/markdown": Format.MARKDOWN,
    "application/x-ndjson": Format.JSONL,
    "application/jsonl": Format.JSONL,
    "application/json": Format.JSON,
    "text/html": Format.HTML,
    "application/xhtml+xml": Format.HTML,
    "application/rss+xml": Format.FEED,
    "application/atom+xml": Format.FEED,
    "application/warc": Format.WARC,
}


def _ascii_view(head: bytes) -> str:
    """The head as text good enough to see its structure (markup, brackets), whatever the encoding."""
    for bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if head.startswith(bom):
            return head[: len(head) // 2 * 2].decode("utf-16", errors="ignore")
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8) :]
    return head.replace(b"\x00", b"").decode("latin-1")


def hinted(name: str = "", content_type: str | None = None) -> Format | None:
    """The format a file name's extension or a MIME type suggests, if any (``.gz`` is looked through)."""
    if content_type:
        mime = content_type.split(";")[0].strip().lower()
        if mime in _CONTENT_TYPES:
            return _CONTENT_TYPES[mime]
    lower = name.lower().removesuffix(".gz")
    dot = lower.rfind(".")
    return _EXTENSIONS.get(lower[dot:]) if dot > lower.rfind("/") else None


def _json_kind(text: str, hint: Format | None) -> Format:
    """JSON Lines unless the first line is not a JSON value on its own (a pretty-printed document)."""
    newline = text.find("\n")
    if newline < 0 or hint is Format.JSONL:
        return Format.JSONL
    try:
        json.loads(text[:newline])
    except ValueError:
        return Format.JSON if text[:newline].strip() == "{" or hint is Format.JSON else Format.JSONL
    return Format.JSONL


def sniff(head: bytes, name: str = "", content_type: str | None = None) -> Format:
    """The format of content whose first bytes are ``head``; ``name`` and ``content_type`` break ties."""
    if head.startswith(b"WARC/"):
        return Format.WARC
    text = _ascii_view(head).lstrip()
    if not text:
        return Format.EMPTY
    hint = hinted(name, content_type)
    if text.startswith("<"):
        body = _PROLOG.sub("", text[:4096].lower(), count=1)
        return Format.FEED if _FEED_ROOT.match(body) else Format.HTML
    if text.startswith("{"):
        return _json_kind(text, hint)
    if _JSON_ARRAY.match(text):
        return Format.JSON
    if hint is Format.HTML:
        return Format.HTML
    if hint is Format.MARKDOWN or _MD_HEADING.search(text[:4096]):
        return Format.MARKDOWN
    return Format.TEXT


def looks_like_html(text: str) -> bool:
    """Whether a record's text field holds markup rather than plain text."""
    return text.lstrip()[:1] == "<" and _HTML_CLOSE.search(text, 0, 65536) is not None
