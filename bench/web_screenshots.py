"""Screenshots of every page type, taken with headless Chromium, for looking at the layout (RTL included).

    python -m bench.web_screenshots [--out bench/screenshots] [--db BIG.db]

Serves the test newsroom (the seeds, filled and clustered as in tests/web) and, with --db, also a big store
(its first story, event, article and a search), and writes one PNG per page.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from tests.web import newsroom
from tests.web.browser import Chromium, find_chromium

import khabar
from khabar.web.app import create_app

from .common import ROOT


def serve(k: khabar.Khabar, port: int) -> uvicorn.Server:
    """uvicorn in a daemon thread, once it is up."""
    server = uvicorn.Server(uvicorn.Config(create_app(k), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server


def top_person(k: khabar.Khabar) -> str:
    """The id of the person most articles mention."""
    return k.entities_page(type="PERSON", limit=1)[0][0]["id"]


def shoot(browser: Chromium, base: str, pages: dict[str, str], out: Path) -> None:
    for name, path in pages.items():
        session = browser.open(base + path)
        shot = browser.screenshot(session, out / f"{name}.png", max_height=3000)
        errors = browser.errors(session)
        print(f"{shot}  {path}" + (f"  ERRORS: {errors}" if errors else ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "screenshots")
    ap.add_argument("--db", type=Path, help="also shoot this (big) store")
    args = ap.parse_args()
    binary = find_chromium()
    if binary is None:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        k = khabar.open(Path(tmp) / "newsroom.db")
        ids = newsroom.build(k, ROOT / "examples" / "seeds")
        browser = Chromium(binary, Path(tmp) / "profile")
        try:
            server = serve(k, 8765)
            shoot(
                browser,
                "http://127.0.0.1:8765",
                {
                    "stories": "/",
                    "story": "/stories/st-alliance",
                    "event-minsk": "/events/ev-minsk",
                    "event-copies": "/events/ev-moscow",
                    "article-ar": f"/articles/{ids['001']}",
                    "article-fa": f"/articles/{ids['000']}",
                    "entity": f"/entities/{top_person(k)}",
                    "search": "/search?q=%D9%84%D9%88%D9%83%D8%A7%D8%B4%D9%8A%D9%86%D9%83%D9%88",
                    "docs": "/docs",
                    "hostile-article": f"/articles/{newsroom.HOSTILE_ID}",
                },
                args.out,
            )
            server.should_exit = True
            if args.db:
                big = khabar.open(args.db)
                story = big.stories_page(limit=1)[0][0]
                server = serve(big, 8766)
                shoot(
                    browser,
                    "http://127.0.0.1:8766",
                    {
                        "big-stories": "/",
                        "big-story": f"/stories/{story.id}",
                        "big-event": f"/events/{story.events[0]}",
                        "big-article": f"/articles/{big.articles(limit=1)[0].id}",
                        "big-entity": f"/entities/{top_person(big)}",
                        "big-search": "/search?q=%D8%A7%D9%84%D8%AD%D9%88%D8%AB%D9%8A",
                    },
                    args.out,
                )
                server.should_exit = True
        finally:
            browser.close()
            k.close()


if __name__ == "__main__":
    main()
