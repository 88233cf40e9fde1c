"""Headless Chromium driven over the DevTools protocol through a pipe (``--remote-debugging-pipe``): no
websocket library, no Node. Used by the real-browser test and by ``bench/web_screenshots.py``."""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--no-first-run",
    "--no-default-browser-check",
    "--remote-debugging-pipe",
)
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """The path of an installed Chromium (or Chrome), if any."""
    return next((p for name in CANDIDATES if (p := shutil.which(name))), None)


class Chromium:
    """One headless browser process; ``open`` a page, read it, take screenshots."""

    def __init__(self, binary: str, user_data_dir: Path, *, width: int = 1280, height: int = 900) -> None:
        self.width, self.height = width, height
        cmd_r, self._cmd_w = os.pipe()  # we write commands, the browser reads them on fd 3
        self._res_r, res_w = os.pipe()  # the browser writes replies and events on fd 4

        def wire_fds() -> None:  # in the child, before exec
            high = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (cmd_r, res_w)]
            os.dup2(high[0], 3)
            os.dup2(high[1], 4)

        self.proc = subprocess.Popen(
            [
                binary,
                *FLAGS,
                f"--user-data-dir={user_data_dir}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            preexec_fn=wire_fds,
            close_fds=False,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(cmd_r)
        os.close(res_w)
        self._next_id = 0
        self._replies: dict[int, dict[str, Any]] = {}
        self._inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self.events: list[dict[str, Any]] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        buf = b""
        while chunk := os.read(self._res_r, 1 << 16):
            buf += chunk
            *messages, buf = buf.split(b"\0")
            for m in messages:
                self._inbox.put(json.loads(m))

    def _pump(self, deadline: float) -> None:
        msg = self._inbox.get(timeout=max(deadline - time.monotonic(), 0.01))
        if "id" in msg:
            self._replies[msg["id"]] = msg
        else:
            self.events.append(msg)

    def call(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        """Send one command and wait (30 s at most) for its result."""
        self._next_id += 1
        cid = self._next_id
        msg: dict[str, Any] = {"id": cid, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._cmd_w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + 30
        while cid not in self._replies:
            self._pump(deadline)
        reply = self._replies.pop(cid)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def wait_for(self, method: str, session: str, timeout: float = 30) -> dict[str, Any]:
        """Wait for an event of this page."""
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            for e in self.events[seen:]:
                if e.get("method") == method and e.get("sessionId") == session:
                    return e
            seen = len(self.events)
            self._pump(deadline)

    def open(self, url: str) -> str:
        """A new tab showing ``url``, loaded; returns its session id."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=session)
        metrics = {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False}
        self.call("Emulation.setDeviceMetricsOverride", metrics, session)
        self.call("Page.navigate", {"url": url}, session)
        self.wait_for("Page.loadEventFired", session)
        return session

    def evaluate(self, session: str, expression: str) -> Any:
        """The JSON value of a JavaScript expression in the page."""
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def errors(self, session: str) -> list[str]:
        """Console errors, uncaught exceptions and failed loads (CSP violations, 404s) seen by this page."""
        found = []
        for e in self.events:
            if e.get("sessionId") != session:
                continue
            p = e.get("params", {})
            if e["method"] == "Runtime.exceptionThrown":
                found.append(json.dumps(p["exceptionDetails"])[:300])
            elif e["method"] == "Runtime.consoleAPICalled" and p.get("type") in {"error", "assert"}:
                found.append(" ".join(str(a.get("value", a.get("description"))) for a in p.get("args", [])))
            elif e["method"] == "Log.entryAdded" and p["entry"]["level"] == "error":
                found.append(f"{p['entry'].get('text')} {p['entry'].get('url', '')}")
        return found

    def screenshot(self, session: str, path: Path, *, max_height: int = 8000) -> Path:
        """A PNG of the whole page (up to ``max_height`` CSS pixels tall)."""
        size = self.call("Page.getLayoutMetrics", session=session)["cssContentSize"]
        height = min(int(size["height"]) + 1, max_height)
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": self.width, "height": height, "deviceScaleFactor": 1, "mobile": False},
            session,
        )
        data = self.call("Page.captureScreenshot", {"format": "png"}, session)["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        """Close the browser and its pipes."""
        with contextlib.suppress(RuntimeError, queue.Empty, OSError):
            self.call("Browser.close")
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._cmd_w)
        os.close(self._res_r)
