"""HTTP fetching through httpx.MockTransport: redirects, errors, size cap, user agent. No network."""

from __future__ import annotations

import httpx
import pytest

from khabar.model import Document
from khabar.sources import Problem, SourceOptions, iter_documents
from tests.fixtures.builders import ARABIC_PARAGRAPHS, linked_page, mock_transport

PAGE = "https://news.example/ar/page"


def _redirect(to: str) -> httpx.Response:
    return httpx.Response(301, headers={"location": to})


def _html(text: str = "") -> httpx.Response:
    return httpx.Response(
        200, headers={"content-type": "text/html; charset=utf-8"}, text=text or linked_page()
    )


def _fetch(url: str, routes: dict, **options: object) -> Document | Problem:
    (item,) = iter_documents([url], SourceOptions(transport=mock_transport(routes), **options))  # type: ignore[arg-type]
    return item


def test_redirect_chain_is_followed_and_the_final_url_kept() -> None:
    routes = {
        "http://news.example/a": _redirect("https://news.example/b"),
        "https://news.example/b": _redirect(PAGE),
        PAGE: _html(),
    }
    doc = _fetch("http://news.example/a", routes)
    assert isinstance(doc, Document)
    assert doc.origin == "http://news.example/a"
    assert doc.meta["url"] == PAGE
    assert doc.meta["requested_url"] == "http://news.example/a"
    assert ARABIC_PARAGRAPHS[1] in doc.content


def test_too_many_redirects() -> None:
    routes = {f"https://loop.example/{i}": _redirect(f"https://loop.example/{i + 1}") for i in range(10)}
    problem = _fetch("https://loop.example/0", routes, max_redirects=3)
    assert problem == Problem("https://loop.example/0", "too many redirects (more than 3)")


@pytest.mark.parametrize(
    ("response", "reason"),
    [
        (httpx.Response(404), "HTTP 404 Not Found"),
        (httpx.Response(503), "HTTP 503 Service Unavailable"),
    ],
)
def test_http_errors(response: httpx.Response, reason: str) -> None:
    assert _fetch(PAGE, {PAGE: response}) == Problem(PAGE, reason)


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (httpx.ConnectError("Name or service not known"), "connection failed: Name or service not known"),
        (httpx.ReadTimeout("read timed out"), "timed out after 2.5s"),
    ],
)
def test_connection_errors(error: Exception, reason: str) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise error

    assert _fetch(PAGE, {PAGE: fail}, timeout=2.5) == Problem(PAGE, reason)


def test_size_cap_from_content_length_and_from_the_stream() -> None:
    big = "<p>" + "خبر " * 5000 + "</p>"
    assert _fetch(PAGE, {PAGE: _html(big)}, max_bytes=1000) == Problem(
        PAGE, "response larger than 1000 bytes"
    )

    def chunked(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, headers={"content-type": "text/html"}, content=iter([big.encode()[:800]] * 3)
        )

    assert _fetch(PAGE, {PAGE: chunked}, max_bytes=1000) == Problem(PAGE, "response larger than 1000 bytes")


def test_user_agent_is_sent() -> None:
    seen: list[httpx.Request] = []
    options = SourceOptions(transport=mock_transport({PAGE: _html()}, seen), user_agent="khabar-test/9")
    list(iter_documents([PAGE], options))
    assert [r.headers["user-agent"] for r in seen] == ["khabar-test/9"]


def test_charset_from_the_header_decodes_legacy_pages() -> None:
    body = f"<html><body><p>{ARABIC_PARAGRAPHS[0]}</p></body></html>".encode("cp1256")
    response = httpx.Response(200, headers={"content-type": "text/html; charset=windows-1256"}, content=body)
    doc = _fetch(PAGE, {PAGE: response})
    assert isinstance(doc, Document) and ARABIC_PARAGRAPHS[0] in doc.content


def test_dead_url_does_not_stop_the_run() -> None:
    options = SourceOptions(transport=mock_transport({PAGE: _html()}))
    items = list(iter_documents(["https://gone.example/x", PAGE], options))
    assert items[0] == Problem("https://gone.example/x", "HTTP 404 Not Found")
    assert isinstance(items[1], Document)
