"""Organisations known by name and web domain (agencies, outlets, platforms, ...), for sources and quotes.

Reads ``khabar/data/gazetteer/orgs.jsonl`` (one org a line: id, type, kind, name, variants
[{text, lang}], domains, ambiguous), or any file of that format.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from .lexicon import WORD, key

# Kinds of organisation that publish or carry news: the only ones that can be sources.
MEDIA_KINDS = frozenset({"agency", "outlet", "platform", "newspaper", "broadcaster", "tv", "website"})


@dataclass(frozen=True)
class Org:
    """One organisation: id, English (display) name, kind, and whether its names are ambiguous."""

    id: str
    name: str
    kind: str = ""
    ambiguous: bool = False

    @property
    def media(self) -> bool:
        """True for agencies, outlets and platforms."""
        return self.kind in MEDIA_KINDS


@dataclass
class OrgIndex:
    """Organisations by id, by name key (every variant) and by web domain."""

    by_id: dict[str, Org] = field(default_factory=dict)
    by_key: dict[str, list[str]] = field(default_factory=dict)
    by_domain: dict[str, str] = field(default_factory=dict)

    def add(self, entry: dict) -> None:
        """Index one gazetteer entry (a dict in the orgs.jsonl format)."""
        org = Org(str(entry["id"]), entry.get("name") or str(entry["id"]), entry.get("kind") or "",
                  bool(entry.get("ambiguous")))  # fmt: skip
        self.by_id[org.id] = org
        names = [entry.get("name") or ""] + [
            v.get("text", "") if isinstance(v, dict) else str(v) for v in entry.get("variants") or []
        ]
        for name in names:
            if k := key(name):
                ids = self.by_key.setdefault(k, [])
                if org.id not in ids:
                    ids.append(org.id)
        for domain in entry.get("domains") or []:
            self.by_domain[domain.lower().removeprefix("www.")] = org.id

    def find(self, name: str) -> Org | None:
        """The organisation that ``name`` names, when exactly one does."""
        ids = self.by_key.get(key(name)) or []
        return self.by_id[ids[0]] if len(ids) == 1 else None

    def from_url(self, url: str) -> Org | None:
        """The organisation whose domain (or a parent domain) serves ``url``."""
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower().removeprefix("www.")
        while host:
            if host in self.by_domain:
                return self.by_id[self.by_domain[host]]
            host = host.partition(".")[2] if host.count(".") > 1 else ""
        return None


def slug(name: str) -> str:
    """A rule-found organisation's id: ``org:`` and its folded words joined by dashes."""
    return "org:" + "-".join(key(w) for w in WORD.findall(name))


@functools.cache
def org_index(path: str | None = None) -> OrgIndex:
    """The organisations of ``path``, or of the packaged gazetteer (empty when it is absent); loaded once."""
    index = OrgIndex()
    if path:
        text = Path(path).read_text(encoding="utf-8")
    else:
        packaged = resources.files("khabar").joinpath("data", "gazetteer", "orgs.jsonl")
        text = packaged.read_text(encoding="utf-8") if packaged.is_file() else ""
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            entry = json.loads(line)
            if entry.get("type", "ORG") == "ORG" and entry.get("id"):
                index.add(entry)
    return index
