"""Cheap metadata from an HTML page's head (canonical URL, language, charset). Main text comes later."""

from __future__ import annotations

import html
import re

_HEAD_CHARS = 65536
_TAG = re.compile(r"<(link|meta|html)\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z_:][-\w:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([-\w.:]+)""", re.IGNORECASE)


def _attrs(text: str) -> dict[str, str]:
    return {m[1].lower(): html.unescape(m[2] or m[3] or m[4] or "").strip() for m in _ATTR.finditer(text)}


def head_meta(page: str) -> dict[str, str]:
    """``canonical`` (link rel=canonical, else og:url), ``html_lang`` and ``html_title`` when the page states them."""
    found: dict[str, str] = {}
    head = page[:_HEAD_CHARS]
    for tag, body in _TAG.findall(head):
        attrs = _attrs(body)
        tag = tag.lower()
        if tag == "html" and attrs.get("lang"):
            found.setdefault("html_lang", attrs["lang"])
        elif tag == "link" and "canonical" in attrs.get("rel", "").lower().split() and attrs.get("href"):
            found["canonical"] = attrs["href"]
        elif tag == "meta" and attrs.get("property") == "og:url" and attrs.get("content"):
            found.setdefault("og_url", attrs["content"])
    if "canonical" not in found and "og_url" in found:
        found["canonical"] = found["og_url"]
    found.pop("og_url", None)
    title = _TITLE.search(head)
    if title and title[1].strip():
        found["html_title"] = " ".join(html.unescape(title[1]).split())
    return found


def declared_charset(data: bytes) -> str | None:
    """The charset a ``<meta charset>`` or http-equiv tag declares in the page's first bytes."""
    match = _CHARSET.search(data[:4096])
    return match[1].decode("ascii") if match else None
