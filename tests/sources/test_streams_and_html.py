"""Stream helpers (gzip, replayed head, capped reads) and cheap HTML head metadata."""

from __future__ import annotations

import gzip
import io

import pytest

from khabar.sources.base import SourceError
from khabar.sources.documents import charset_of, first_line_title
from khabar.sources.html import declared_charset, head_meta
from khabar.sources.streams import open_content, read_capped, read_head
from tests.fixtures.builders import ARABIC_TITLE, CANONICAL_URL, html_page


def test_read_head_replays_everything() -> None:
    data = bytes(range(256)) * 1000
    head, stream = read_head(io.BytesIO(data), 100)
    assert head == data[:100]
    assert stream.read() == data


def test_open_content_unwraps_gzip() -> None:
    data = b'{"id": 1}\n' * 10000
    head, stream, gzipped = open_content(io.BytesIO(gzip.compress(data)))
    assert gzipped and head == data[: len(head)] and len(head) > 10
    assert stream.read() == data
    head, stream, gzipped = open_content(io.BytesIO(b"plain"))
    assert (head, stream.read(), gzipped) == (b"plain", b"plain", False)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (gzip.compress(b"x" * 100000)[:40], "truncated gzip"),
        (b"\x1f\x8b" + b"\x00" * 30, "corrupt gzip"),
    ],
)
def test_broken_gzip(data: bytes, reason: str) -> None:
    with pytest.raises(SourceError, match=reason):
        _, stream, _ = open_content(io.BytesIO(data))
        read_capped(stream, 10**6)


def test_read_capped() -> None:
    assert read_capped(io.BytesIO(b"12345"), 5) == b"12345"
    with pytest.raises(SourceError, match="file larger than 4 bytes"):
        read_capped(io.BytesIO(b"12345"), 4)


def test_head_meta() -> None:
    meta = head_meta(html_page(ARABIC_TITLE, ("نص",)))
    assert meta == {
        "html_lang": "ar",
        "canonical": CANONICAL_URL,
        "html_title": f"{ARABIC_TITLE} | صحيفة الخبر",
    }
    og = "<html><head><meta property='og:url' content='https://x.example/a?b=1&amp;c=2'></head></html>"
    assert head_meta(og) == {"canonical": "https://x.example/a?b=1&c=2"}
    assert head_meta("<p>no head</p>") == {}


def test_charsets() -> None:
    assert declared_charset(b'<html><head><meta charset="windows-1256">') == "windows-1256"
    assert (
        declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-6">')
        == "iso-8859-6"
    )
    assert declared_charset(b"<html>") is None
    assert charset_of("text/html; charset=UTF-8") == "UTF-8"
    assert charset_of("text/html") is None


def test_first_line_title() -> None:
    assert first_line_title("\n\n  عنوان الخبر  \n\nنص", markdown=False) == "عنوان الخبر"
    assert first_line_title("### عنوان ###\nنص", markdown=True) == "عنوان"
    assert (
        first_line_title("# not a heading in plain text", markdown=False) == "# not a heading in plain text"
    )
    assert first_line_title("كلمة " * 100, markdown=False) is None
    assert first_line_title("   \n", markdown=False) is None
