"""``khabar serve`` for real: uvicorn in a subprocess on a free 127.0.0.1 port, read by headless Chromium."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from khabar import Khabar

from .browser import Chromium, find_chromium

MINSK_CHECK = """JSON.stringify({
  articles: [...document.querySelectorAll('.event-articles li.article > a')].map(a => a.textContent.trim()),
  rtl: [...document.querySelectorAll('[dir=auto]')].filter(e => e.matches(':dir(rtl)')).map(e => e.tagName),
  h1Dir: getComputedStyle(document.querySelector('h1')).direction,
  summaryRtl: document.querySelector('.summary p[lang=ar]').matches(':dir(rtl)'),
  charts: document.querySelectorAll('svg.chart').length,
  font: getComputedStyle(document.body).fontFamily,
})"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(
    db: Path, *args: str, env: dict[str, str] | None = None
) -> tuple[subprocess.Popen[str], str]:
    """``khabar --db DB serve --port P ARGS`` in a subprocess, once it answers; returns it and its base URL."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "khabar", "--db", str(db), "serve", "--port", str(port), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"khabar serve exited: {proc.stderr.read() if proc.stderr else ''}")
        try:
            if httpx.get(f"{base}/api/stats", timeout=1).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError("khabar serve did not answer within 30 s")


def stop(proc: subprocess.Popen[str]) -> str:
    """Stop the server; return what it wrote on stderr."""
    proc.terminate()
    try:
        _, err = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    return err or ""


@pytest.fixture(scope="module")
def server(corpus: Khabar) -> Iterator[str]:
    """The newsroom store served by the real ``khabar serve`` command, read-only."""
    proc, base = start_server(corpus.store.path)
    yield base
    stop(proc)


def raw_get(base: str, target: str) -> bytes:
    """One HTTP/1.1 request with the target sent exactly as given (no client-side normalization)."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as s:
        s.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data


def test_serve_binds_loopback_and_refuses_raw_traversal(server: str) -> None:
    assert server.startswith("http://127.0.0.1:")
    for target in (
        "/static/../../../../etc/passwd",
        "/static/..%2f..%2fapp.py",
        "/static/%2e%2e/%2e%2e/api.py",
    ):
        reply = raw_get(server, target)
        status = reply.split(b"\r\n", 1)[0]
        assert b" 200 " not in status, (target, status)
        assert b"root:" not in reply and b"def create_app" not in reply
    assert b" 200 " in raw_get(server, "/static/khabar.css").split(b"\r\n", 1)[0]


def test_serve_allow_ingest_prints_a_token(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "KHABAR_TOKEN"}
    record = {"id": "live-1", "text": "وصل الرئيس اليوم إلى مينسك في زيارة رسمية تستمر يومين.", "lang": "ar"}
    proc, base = start_server(tmp_path / "ingest.db", "--allow-ingest", env=env)
    try:
        assert httpx.post(f"{base}/api/ingest", json=record, timeout=60).status_code == 401
    finally:
        err = stop(proc)
    token = next(
        line.split(":", 1)[1].strip() for line in err.splitlines() if line.startswith("ingest token:")
    )
    proc, base = start_server(tmp_path / "ingest.db", "--allow-ingest", "--token", token, env=env)
    try:
        ok = httpx.post(
            f"{base}/api/ingest", json=record, headers={"Authorization": f"Bearer {token}"}, timeout=120
        )
        assert ok.status_code == 200 and ok.json()["ids"] == ["live-1"]
    finally:
        stop(proc)


def test_minsk_event_in_a_real_browser(server: str, corpus: Khabar, tmp_path: Path) -> None:
    binary = find_chromium()
    if binary is None:
        pytest.skip(
            "chromium is not installed (Debian: apt-get install chromium): the real-browser test is skipped"
        )
    browser = Chromium(binary, tmp_path / "profile")
    try:
        page = browser.open(f"{server}/events/ev-minsk")
        seen = json.loads(browser.evaluate(page, MINSK_CHECK))
        shot = browser.screenshot(page, tmp_path / "event-minsk.png")
        errors = browser.errors(page)
    finally:
        browser.close()
    titles = {a.title for a in corpus.articles(limit=None) if a.event == "ev-minsk"}
    assert len(titles) == 3 and set(seen["articles"]) == titles
    assert seen["h1Dir"] == "ltr" and seen["summaryRtl"] is True
    assert seen["rtl"].count("A") >= 3  # the three Arabic titles run right to left
    assert seen["charts"] >= 2 and "Noto Naskh Arabic" in seen["font"]  # the packaged stylesheet applied
    assert errors == []
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")
