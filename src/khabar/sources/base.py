"""What every source shares: the options it runs under and the Problem it reports for one bad input."""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx

from ..model import Document


@dataclass(frozen=True)
class Problem:
    """One input that could not become a Document. The run continues past it."""

    origin: str
    """The file path or URL."""
    reason: str
    """A short human reason, e.g. ``truncated gzip``."""
    line: int | None = None
    """1-based line number, for JSON Lines."""

    def __str__(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line is not None else self.origin
        return f"{where}: {self.reason}"


@dataclass
class SourceOptions:
    """How sources read: size cap, HTTP behaviour, field renames for JSON records."""

    max_bytes: int = 20 * 1024 * 1024
    """Largest single document (file, HTTP body, JSON record) accepted."""
    timeout: float = 20.0
    user_agent: str = "khabar/0.1"
    max_redirects: int = 5
    field_map: dict[str, str] = field(default_factory=dict)
    """khabar field -> key in the user's records, e.g. ``{"text": "article_body"}``."""
    transport: httpx.BaseTransport | None = None
    """An httpx transport to use instead of the network (tests pass ``httpx.MockTransport``)."""
    fetch_linked: bool = True
    """Feeds: fetch the linked page when an entry carries only a summary."""


Item = Document | Problem
"""What sources yield."""


class SourceError(Exception):
    """Raised inside a source when an input is bad; turned into a Problem by the caller."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
