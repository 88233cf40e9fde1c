"""Format sniffing from content, with names and MIME types as tie-breakers."""

from __future__ import annotations

import pytest

from khabar.sources.detect import Format, hinted, looks_like_html, sniff


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (b"", "a.txt", Format.EMPTY),
        (b"  \n\t ", "a.txt", Format.EMPTY),
        (b"WARC/1.1\r\nWARC-Type: warcinfo", "", Format.WARC),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed.xml", Format.FEED),
        (b'<?xml version="1.0"?>\n<!-- c -->\n<feed xmlns="http://www.w3.org/2005/Atom">', "x", Format.FEED),
        (b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>", "", Format.FEED),
        (b"<!DOCTYPE html><html><body><p>x</p>", "page.txt", Format.HTML),
        (b'{"id": 1, "text": "a"}\n{"id": 2', "dump.txt", Format.JSONL),
        (b'{"id": 1, "text": "a"}', "one.json", Format.JSONL),
        (b'{\n  "id": 1,\n  "text": "a"\n}', "one.json", Format.JSON),
        (b'{"broken": \n{"id": 2}', "x.jsonl", Format.JSONL),
        (b'[\n  {"id": 1}', "x", Format.JSON),
        (b"[]", "x", Format.JSON),
        (b"[Reuters] Oil prices rose on Monday.", "x.txt", Format.TEXT),
        (b"# Title\n\nBody", "x.txt", Format.MARKDOWN),
        (b"Title\n\nBody #hashtag", "x.md", Format.MARKDOWN),
        (b"Title\n\nBody #hashtag", "x.txt", Format.TEXT),
        (b"Fragment <b>bold</b>", "frag.html", Format.HTML),
        ("\ufeffقال الوزير".encode(), "x", Format.TEXT),
        ("<html><body>سلام</body></html>".encode("utf-16"), "x", Format.HTML),
    ],
)
def test_sniff(head: bytes, name: str, expected: Format) -> None:
    assert sniff(head, name) is expected


def test_hints() -> None:
    assert hinted("a/b/records.JSONL.gz") is Format.JSONL
    assert hinted("dir.d/readme") is None
    assert hinted(content_type="application/rss+xml; charset=utf-8") is Format.FEED
    assert sniff(b'{"a": 1}\n', content_type="application/json") is Format.JSONL


def test_looks_like_html() -> None:
    assert looks_like_html("<p>قال الوزير</p><p>...</p>")
    assert not looks_like_html("قال الوزير <b>")
    assert not looks_like_html("<3 this")
