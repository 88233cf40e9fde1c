"""Escaping, security headers, read-only by default, the ingest token, static path traversal."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from khabar.web.app import create_app

from . import newsroom

TOKEN = "test-token-123"


class LiveMarkup(HTMLParser):
    """Collects what a browser would run: script tags, event-handler attributes, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.live: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "iframe", "object", "embed", "base"}:
            self.live.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.live.append(f"{tag} {name}=")
            if name in {"href", "src", "action", "formaction", "xlink:href"} and (
                value or ""
            ).strip().lower().startswith(("javascript:", "data:text")):
                self.live.append(f"{tag} {name}={value}")


def live_markup(page: str) -> list[str]:
    parser = LiveMarkup()
    parser.feed(page)
    return parser.live


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/stories/st-hostile",
        "/events/ev-hostile",
        f"/articles/{newsroom.HOSTILE_ID}",
        "/entities/evil-corp",
        "/search?q=Evil",
        "/search?q=<script>alert(1)</script>&outlet=<b>",
        "/events/<script>alert(1)</script>",
    ],
)
def test_hostile_text_never_comes_out_live(client: TestClient, url: str) -> None:
    page = client.get(url).text
    assert live_markup(page) == []
    assert "<script>alert" not in page and "<svg onload" not in page and "<img src=x" not in page


def test_hostile_text_is_shown_escaped(client: TestClient) -> None:
    page = client.get(f"/articles/{newsroom.HOSTILE_ID}").text
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;Breaking" in page
    assert "&lt;a href=&#34;javascript:alert(1)&#34;&gt;click me&lt;/a&gt;" in page
    assert "javascript:alert(&#39;url&#39;)" in page and 'href="javascript:' not in page  # shown, not linked
    assert 'class="ent org" href="/entities/evil-corp"' in page


def test_api_json_is_not_sniffable_html(client: TestClient) -> None:
    r = client.get(f"/api/articles/{newsroom.HOSTILE_ID}")
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.json()["title"] == newsroom.HOSTILE_TITLE


@pytest.mark.parametrize(
    "url", ["/", "/events/ev-minsk", "/api/stories", "/static/khabar.css", "/nope", "/api/nope"]
)
def test_security_headers_everywhere(client: TestClient, url: str) -> None:
    h = client.get(url).headers
    csp = h["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert h["x-content-type-options"] == "nosniff"
    assert h["referrer-policy"] == "no-referrer"
    assert h["x-frame-options"] == "DENY"


def test_pages_have_no_inline_script_or_style(client: TestClient, ids: dict[str, str]) -> None:
    for url in (
        "/",
        "/stories/st-alliance",
        "/events/ev-minsk",
        f"/articles/{ids['001']}",
        "/entities/vladimir-putin",
        "/search?q=x",
        "/docs",
    ):
        page = client.get(url).text
        assert "<script" not in page and "<style" not in page and " style=" not in page, url


@pytest.mark.parametrize(
    "path",
    [
        "/static/..%2fapp.py",
        "/static/..%2f..%2fweb%2fapp.py",
        "/static/%2e%2e/app.py",
        "/static/%2e%2e%2fapp.py",
        "/static/..%5capp.py",
        "/static/....//app.py",
        "/static/%252e%252e%252fapp.py",
        "/static/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/static//etc/passwd",
    ],
)
def test_static_refuses_traversal(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code in {400, 404}, (path, r.status_code)
    assert "create_app" not in r.text and "root:" not in r.text


def test_read_only_by_default(client: TestClient) -> None:
    r = client.post("/api/ingest", json={"text": "خبر"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403 and "--allow-ingest" in r.json()["detail"]
    assert client.post("/api/articles", json={}).status_code == 405
    assert client.delete(f"/api/articles/{newsroom.HOSTILE_ID}").status_code == 405


def test_ingest_needs_a_token(make_corpus) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="token"):
        create_app(make_corpus("a.db"), allow_ingest=True)
    k = make_corpus("b.db")
    client = TestClient(create_app(k, allow_ingest=True, token=TOKEN))
    record = {
        "id": "api-1",
        "title": "عنوان",
        "text": "التقى الرئيسان في مينسك اليوم.",
        "lang": "ar",
        "outlet": "Wire",
    }
    assert client.post("/api/ingest", json=record).status_code == 401
    assert (
        client.post("/api/ingest", json=record, headers={"Authorization": "Bearer wrong"}).status_code == 401
    )
    assert client.post("/api/ingest", json=record, headers={"Authorization": TOKEN}).status_code == 401
    assert k.article("api-1") is None
    ok = client.post(
        "/api/ingest",
        json={"records": [record, {"title": "no body"}, 7]},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert ok.status_code == 200, ok.text
    body = ok.json()
    assert body["ingested"] == 1 and body["ids"] == ["api-1"] and len(body["problems"]) == 2
    stored = k.article("api-1")
    assert stored is not None and stored.outlet == "Wire" and stored.title == "عنوان"
    text = client.post(
        "/api/ingest",
        content="أعلنت وزارة الخارجية اليوم في طهران عن جولة محادثات جديدة.".encode(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain; charset=utf-8"},
    )
    assert text.status_code == 200 and text.json()["ingested"] == 1
    bad = client.post(
        "/api/ingest",
        content=b"{nope",
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    assert bad.status_code == 400


def test_core_import_does_not_need_the_web_extra() -> None:
    code = (
        "import sys, khabar, khabar.cli; "
        "loaded = {'fastapi', 'uvicorn', 'starlette', 'jinja2'} & set(sys.modules); "
        "assert not loaded, loaded"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
