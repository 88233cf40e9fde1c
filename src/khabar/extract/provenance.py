"""Sources: who published an article and which agencies, outlets and platforms it cites.

The publisher comes from metadata (outlet, ``meta["outlet_name"]``, the URL's domain), the
Persian lead "به گزارش X", or chrome lines ("تطبيق X", "X ـ دولي"). Cited sources are news
organisations after a citing cue of ``data/provenance/cues.tsv`` ("بحسب وكالة X", "به نقل از
خبرگزاری X", "according to X", 'عبر "تويتر"' for platforms), the dateline's agency and the names
of a source line ("المصدر: X، Y"). An unknown name after an agency noun ("وكالة أنباء X",
"خبرگزاری X") is still a source, with the rule-made id ``org:<slug>``.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from ..model import Article
from ..registry import stage
from .lexicon import WORD, Forms, compile_forms, find_all, key, read_tsv, word_classes
from .orgs import Org, OrgIndex, org_index, slug

_NAME_WORDS = 3  # the longest name tried after a cue
_LEAD_CHARS = 1200  # how far into the text the Persian lead "به گزارش" may stand
_CHROME_LINES = 12  # how many lines at the top may carry the publisher's chrome
_OPENERS = " \t«\"“”'(‹"
_SPLIT_NAMES = re.compile(r"\s*(?:[،,;؛/|]|\s و\s?|\sand\s)\s*")
_LINE_NAMES = re.compile(r"^\s*(?P<cue>[^\W\d_][\w ]{0,20}?)\s*[:：]\s*(?P<names>.+?)\s*$")


@dataclass(frozen=True)
class Cues:
    """The cue lexicon compiled: one regex per kind, plus word sets for the line-level cues."""

    cite: Forms
    after: Forms
    platform: Forms
    lead: Forms
    head: Forms
    strong: frozenset[str]
    line: frozenset[str]
    app: frozenset[str]
    section: frozenset[str]
    generic: frozenset[str]
    stops: frozenset[str]


@functools.cache
def cues() -> Cues:
    """The cues of ``data/provenance/cues.tsv``, compiled once."""
    forms: dict[str, list[str]] = {}
    for _lang, kind, form in read_tsv("provenance", "cues.tsv"):
        forms.setdefault(kind, []).append(form)
    words = word_classes("quotes", "words.tsv")

    def keys(kind: str) -> frozenset[str]:
        return frozenset(key(f) for f in forms.get(kind, []))

    return Cues(
        cite=compile_forms(forms["cite"], prefix="[وف]"),
        after=compile_forms(forms["after"]),
        platform=compile_forms(forms["platform"], prefix="[وف]"),
        lead=compile_forms(forms["lead"]),
        head=compile_forms(forms["head"], prefix="[وف]"),
        strong=keys("strong"),
        line=keys("line"),
        app=keys("app"),
        section=keys("section"),
        generic=keys("generic"),
        stops=words["prep"] | words["comp"] | words["link"],
    )


def _unsuffixed(word: str, lang: str) -> str:
    """A Persian name word without an attached ezafe or indefinite ی when the bare word is the commoner one."""
    if lang != "fa" or len(word) < 4 or word[-1] not in "یي":
        return word
    from wordfreq import zipf_frequency

    bare = word[:-1].rstrip("\u200c")
    return bare if zipf_frequency(bare, "fa") > zipf_frequency(word, "fa") else word


class _Finder:
    """One article's text and ORG mentions, read for sources."""

    def __init__(self, article: Article, index: OrgIndex) -> None:
        self.text = article.text or ""
        self.index = index
        self.cues = cues()
        self.lang = article.lang or ""
        orgs = [e for e in article.entities if str(e.get("type", "")).upper() == "ORG"]
        self.mentions = sorted(
            (int(m["start"]), int(m["end"]), e)
            for e in orgs
            for m in e.get("mentions") or []
            if isinstance(m, dict)
        )
        self._starts = [m[0] for m in self.mentions]
        self.found: dict[str, dict[str, Any]] = {}

    # --- naming ------------------------------------------------------------------------------------
    def source(
        self,
        text: str,
        entity: dict[str, Any] | None = None,
        *,
        rule: bool = False,
        media: bool = True,
        platform: bool = False,
    ) -> dict[str, Any] | None:
        """The source that ``text`` (or ``entity``) names: a known org, the entity, or a rule-made org.

        ``media``: require a known org to be a news organisation; ``platform``: a platform.
        """
        text = text.strip(" \t.,،:;؛()«»\"“”'")
        if not text:
            return None
        org: Org | None = None
        if entity is not None:
            org = self.index.by_id.get(str(entity.get("id")))
        org = org or self.index.find(text)
        if org is not None:
            if (platform and org.kind != "platform") or (media and not org.media):
                return None
            return {"id": org.id, "name": org.name, "text": text}
        if platform or not rule:
            return None
        if entity is not None:
            return {"id": entity.get("id"), "name": entity.get("name") or text, "text": text}
        return {"id": slug(text), "name": text, "text": text}

    def add(self, src: dict[str, Any] | None, role: str) -> None:
        """Record a source once; a publisher is never also cited."""
        if src is None or not src.get("id"):
            return
        sid = str(src["id"])
        if sid not in self.found or role == "publisher":
            self.found[sid] = {**src, "role": role}

    # --- reading after a cue -----------------------------------------------------------------------
    def _skip(self, pos: int) -> int:
        while pos < len(self.text) and self.text[pos] in _OPENERS:
            pos += 1
        return pos

    def _mention_at(self, pos: int, end: int) -> tuple[int, int, dict[str, Any]] | None:
        i = bisect_left(self._starts, pos)
        return self.mentions[i] if i < len(self.mentions) and self.mentions[i][0] < end else None

    def _name_words(self, pos: int) -> list[re.Match[str]]:
        """Up to three words from ``pos``, stopping at punctuation or a function word."""
        out: list[re.Match[str]] = []
        for m in WORD.finditer(self.text, pos, min(len(self.text), pos + 80)):
            between = self.text[out[-1].end() if out else pos : m.start()]
            if between.strip(" \u200c") or key(m.group()) in self.cues.stops or len(out) == _NAME_WORDS:
                break
            out.append(m)
        return out

    def named_after(self, pos: int, *, cue: bool, platform: bool = False) -> dict[str, Any] | None:
        """The news organisation named at ``pos`` (after a cue or at a head noun), if any."""
        pos = self._skip(pos)
        head = self.cues.head.match(self.text, pos)
        head_text = head.group() if head else ""
        if head:
            pos = self._skip(head.end())
        near = self._mention_at(head.start() if head else pos, pos + 2)
        if near:
            src = self.source(self.text[near[0] : near[1]], near[2], rule=bool(head), platform=platform)
            if src:
                return src
        words = self._name_words(pos)
        for n in range(len(words), 0, -1):
            name = self.text[pos : words[n - 1].end()]
            for text in (f"{head_text} {name}" if head else "", name):
                if text and (src := self.source(text, media=not head, platform=platform)):
                    return src
        strong = head is not None and key(head_text).lstrip("وف") in self.cues.strong
        if words and head and (strong or cue) and not platform:
            return self._rule_named(head_text, pos, words)
        return None

    def _rule_named(self, head_text: str, pos: int, words: list[re.Match[str]]) -> dict[str, Any] | None:
        """An unknown organisation after an agency noun: "وكالة أنباء X" is X, "وكالة الأنباء الألمانية" whole.

        A name of definite words ("الأنباء الألمانية") is descriptive and keeps its head; a proper name
        stops at its first definite word (the nisba in "تسنيم الإيرانية").
        """
        keys = [key(w.group()) for w in words]
        definite = [k.startswith("ال") for k in keys]
        if definite[0]:
            n = definite.index(False) if False in definite else len(words)
            if all(k in self.cues.generic for k in keys[:n]):
                return None
            return self.source(f"{head_text} {self.text[pos : words[n - 1].end()]}", rule=True)
        last = words[definite.index(True) - 1] if True in definite else words[-1]
        return self.source(self.text[pos : last.start()] + _unsuffixed(last.group(), self.lang), rule=True)

    # --- the passes ----------------------------------------------------------------------------
    def cited_in_text(self) -> None:
        """Sources after citing cues, platforms after platform cues, agencies named by a strong head."""
        text = self.text
        cues = self.cues
        cite, platform, head, after = find_all(text, (cues.cite, cues.platform, cues.head, cues.after))
        for _, end in cite:
            self.add(self.named_after(end, cue=True), "cited")
        for _, end in platform:
            self.add(self.named_after(end, cue=True, platform=True), "cited")
        for start, end in head:
            if key(text[start:end]).lstrip("وف") in cues.strong:
                self.add(self.named_after(start, cue=False), "cited")
        for at, _ in after:
            before = self._mention_at(max(0, at - 40), at)
            if before and not text[before[1] : at].strip():
                self.add(self.source(text[before[0] : before[1]], before[2]), "cited")
                continue
            words = list(WORD.finditer(text, max(0, at - 40), at))[-_NAME_WORDS:]
            for i in range(len(words)):
                if not text[words[-1].end() : at].strip() and (
                    src := self.source(text[words[i].start() : words[-1].end()])
                ):
                    self.add(src, "cited")
                    break

    def lead(self) -> dict[str, Any] | None:
        """The Persian lead "به گزارش X": X, at the start of a paragraph near the top."""
        for m in self.cues.lead.finditer(self.text, 0, _LEAD_CHARS):
            if m.start() == 0 or self.text[m.start() - 1] == "\n":
                return self.named_after(m.end(), cue=True) or self._lead_name(m.end())
        return None

    def _lead_name(self, pos: int) -> dict[str, Any] | None:
        words = self._name_words(self._skip(pos))[:2]
        if not words:
            return None
        name = self.text[words[0].start() : words[-1].start()] + _unsuffixed(words[-1].group(), self.lang)
        return self.source(name, rule=True)

    def names_line(self, line: str) -> list[dict[str, Any]]:
        """The sources listed on a source line ("المصدر: سبوتنيك، RT عربية")."""
        m = _LINE_NAMES.match(line)
        if not m or key(m.group("cue")) not in self.cues.line:
            return []
        names = [n for n in _SPLIT_NAMES.split(m.group("names")) if n.strip()]
        return [s for n in names if (s := self.source(n, rule=True, media=False))]

    def chrome_publisher(self, lines: list[str]) -> dict[str, Any] | None:
        """The publisher named by an app promo ("تطبيق مصراوي") or a "NAME ـ section" line."""
        for line in lines:
            words = WORD.findall(line)
            if not 2 <= len(words) <= 4:
                continue
            if key(words[0]) in self.cues.app:
                return self.source(" ".join(words[1:]), rule=True, media=False)
            parts = re.split(r"\s+[ـ–—-]+\s+", line.strip())
            if len(parts) == 2 and key(parts[1]) in self.cues.section:
                return self.source(parts[0], rule=True, media=False)
        return None


def find_sources(article: Article, index: OrgIndex | None = None) -> list[dict[str, Any]]:
    """The publisher and cited sources of ``article``, publisher first, cited in the order found."""
    f = _Finder(article, index if index is not None else org_index())
    meta = article.meta or {}
    publisher = None
    for name in (article.outlet, meta.get("outlet_name")):
        if isinstance(name, str) and name.strip():
            publisher = publisher or f.source(name, rule=True, media=False)
    if publisher is None and article.url:
        org = f.index.from_url(article.url)
        publisher = {"id": org.id, "name": org.name, "text": org.name} if org else None
    lead = f.lead()
    if publisher is None:
        top = (article.text or "").split("\n", _CHROME_LINES)[:_CHROME_LINES]
        publisher = lead or f.chrome_publisher([*article.removed, *top])
    elif lead is not None:
        f.add(lead, "cited")
    f.add(publisher, "publisher")

    agency = (article.dateline or {}).get("agency")
    if isinstance(agency, dict) and (
        src := f.source(str(agency.get("name") or agency.get("text") or ""), rule=True, media=False)
    ):
        f.add({**src, "text": agency.get("text") or src["text"]}, "cited")
    names = meta.get("source_names")
    if isinstance(names, list):
        for name in names:
            f.add(f.source(str(name), rule=True, media=False), "cited")
    line = meta.get("source_line")
    lines = [line] if isinstance(line, str) else []
    lines += [ln for ln in (article.text or "").rsplit("\n", 4)[1:] if ":" in ln or "：" in ln]
    for ln in lines:
        for src in f.names_line(ln):
            f.add(src, "cited")
    f.cited_in_text()
    return sorted(f.found.values(), key=lambda s: s["role"] != "publisher")


@stage(
    "khabar.extract.provenance.v1", assigns=("sources", "outlet", "entities"), requires=("text", "entities")
)
def provenance(article: Article, *, orgs: str | None = None) -> Article:
    """Set ``sources`` (publisher and cited news organisations) and ``outlet`` when metadata had none.

    Every source is also an ORG entity of the article: one named only in a dateline, a source line or
    the site chrome (which left the body) joins ``entities`` without mentions in the text.
    ``orgs``: a gazetteer file of organisations to use instead of the packaged one.
    """
    article.sources = find_sources(article, org_index(orgs))
    if not article.outlet:
        publisher = next((s for s in article.sources if s["role"] == "publisher"), None)
        article.outlet = publisher["name"] if publisher else None
    known = {e.get("id") for e in article.entities}
    for src in article.sources:
        if src.get("id") and src["id"] not in known:
            known.add(src["id"])
            variants = [{"text": src["text"], "lang": article.lang}] if src.get("text") else []
            article.entities.append(
                {
                    "id": src["id"],
                    "type": "ORG",
                    "name": src["name"],
                    "mentions": [],
                    "salience": 0.0,
                    "variants": variants,
                }
            )
    return article
