"""Sources turn what a user points at (paths, globs, stdin, URLs, feeds, WARC) into Documents.

(Minimal placeholder until the sources branch lands: plain files and directories.)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Document


@dataclass(frozen=True)
class Problem:
    """One bad input; the run continues."""

    origin: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line else self.origin
        return f"{where}: {self.reason}"


@dataclass
class SourceOptions:
    """How sources read and fetch."""

    max_bytes: int = 20 * 1024 * 1024
    timeout: float = 20.0
    user_agent: str = "khabar/0.1"
    max_redirects: int = 5
    field_map: dict[str, str] = field(default_factory=dict)
    transport: Any = None
    fetch_linked: bool = True


def iter_documents(
    inputs: Sequence[str], options: SourceOptions | None = None
) -> Iterator[Document | Problem]:
    """Documents from files and directories."""
    for item in inputs:
        path = Path(item)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            try:
                yield Document(origin=str(f), content=f.read_bytes(), meta={"path": str(f)})
            except OSError as exc:
                yield Problem(str(f), f"unreadable: {exc.strerror}")
