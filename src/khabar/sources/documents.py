"""Bytes of one text, Markdown or HTML document to a Document with decoded NFC content and cheap metadata."""

from __future__ import annotations

import re
from typing import Any

from ..model import Document
from .base import SourceError
from .decode import DecodeError, decode_bytes
from .detect import Format
from .html import declared_charset, head_meta

_MD_MARKERS = re.compile(r"^\s*#+\s*|\s+#+\s*$")
_MAX_TITLE_CHARS = 300
_CHARSET_PARAM = re.compile(r"charset\s*=\s*[\"']?([-\w.:]+)", re.IGNORECASE)


def charset_of(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type value."""
    match = _CHARSET_PARAM.search(content_type or "")
    return match[1] if match else None


def first_line_title(text: str, markdown: bool) -> str | None:
    """The first non-empty line (Markdown heading marks removed), when it is short enough to be a title."""
    for line in text.splitlines():
        line = _MD_MARKERS.sub("", line).strip() if markdown else line.strip()
        if line:
            return line if len(line) <= _MAX_TITLE_CHARS else None
    return None


def decode_document(data: bytes, charset: str | None = None, html: bool = False) -> str:
    """Decode one document's bytes; the declared charset (header, or the page's meta tag) is a hint."""
    try:
        return decode_bytes(data, charset or (declared_charset(data) if html else None))
    except DecodeError as exc:
        raise SourceError(str(exc)) from None


def text_document(
    origin: str, data: bytes, fmt: Format, meta: dict[str, Any], charset: str | None = None
) -> Document:
    """A Document for a single text/Markdown/HTML input; raise SourceError when it is empty or undecodable."""
    html = fmt is Format.HTML
    text = decode_document(data, charset, html)
    if not text.strip():
        raise SourceError("empty file")
    found: dict[str, Any] = {}
    if html:
        found = head_meta(text)
        if "canonical" in found:
            found["url"] = found["canonical"]
    else:
        title = first_line_title(text, fmt is Format.MARKDOWN)
        if title:
            found = {"title": title, "title_from": "first_line"}
    return Document(origin, text, fmt.value, {**found, **meta})
