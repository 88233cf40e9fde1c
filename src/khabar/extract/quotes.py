"""Direct and partial quotes with their speakers.

A quote is a quoted span (or the text after "قال X:") governed by a reporting verb of
``data/quotes/verbs.tsv`` in the same sentence (in Turkish, where the verb follows its quote, the
verb right after it first). Its speaker is the verb's named subject: the first person (else
organisation) after an Arabic verb (VSO: "وقال بوتين"); before a Persian, Urdu or Turkish verb
(SOV), the one right before an Urdu subject marker ("شہباز شریف نے ... کہا", "ان کا کہنا تھا"),
else the clause's first one not in an oblique case ("پوتین ... گفت"), looked for before the quote
when only the quote stands before the verb ('Erdoğan, "..." dedi'); the nearest one before an
English verb ("Putin said"). A cue's speaker is the name after it ("according to X", "بحسب X") or,
for a postposition, before it ("Reuters'a göre"). With no named subject, a role noun ("الوزير")
resolves to the one person bound to that role, a pronoun or dropped subject ("وأضاف", "he added",
"انہوں نے کہا") continues the previous speaker, and anything else leaves the speaker None. Quoted
names and short scare quotes are not quotes.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import islice
from typing import Any

from ..model import Article
from ..registry import stage
from .lexicon import WORD, Forms, compile_forms, key, read_tsv, word_classes
from .orgs import org_index
from .quote_spans import DOUBLED, MARK, MARKS, mark_end, quoted_spans
from .roles import RoleBindings, RolePhrase, role_at

_SHORT = 3  # a quote of this many words or fewer must sit right after its verb, with a known speaker
_SUBJECT_WORDS = 14  # how far after an Arabic verb its subject may be
_CONTINUE_SENTENCES = 3  # how many sentences back a dropped subject may reach
_POSTPOSED_WORDS = 5  # how far after a quote a verb may govern it ('"...", Putin said')
_COLON_WORDS = 10  # how far after a verb its colon may be
_PUNCT_STRIP = " \t\n.,،:;؛!?؟۔…-–—()[]" + MARKS
_SUFFIXES = {  # of "past" forms; in Turkish ones D, I and A follow vowel harmony (_inflect)
    "ar": ("", "ت", "وا", "ا", "تا"),
    "fa": ("", "ند", "ه است", "ه‌اند", "ه بود"),
    "tr": ("DI", "DIlAr", "mIş", "mIşlAr", "mIştI", "mIşlArdI"),
}
_HARMONY = {
    "I": dict(zip("aıoueiöü", "ııuuiiüü", strict=True)),
    "A": dict(zip("aıoueiöü", "aaaaeeee", strict=True)),
}
_SOV = frozenset({"fa", "ur", "tr"})  # the subject stands before the verb, a participle's too
_VERB_LAST = frozenset({"tr"})  # a reporting verb right after a quote governs it before one ahead of it
_CUES = ("cue", "postcue")
_SUFFIXED = re.compile(r"['’]\w+")  # a Turkish case suffix after a name: "Putin'le", "Reuters'a"


def _inflect(stem: str, suffix: str) -> str:
    """``stem + suffix``, a Turkish suffix's D (t after a voiceless consonant, else d), I and A taking the
    harmony of the last vowel before them ("de" + "DIlAr": "dediler")."""
    out = stem
    for ch in suffix:
        if ch == "D":
            ch = "t" if out[-1:] in "çfhkpsşt" else "d"
        elif ch in _HARMONY:
            ch = _HARMONY[ch][next((c for c in reversed(out) if c in _HARMONY["I"]), "e")]
        out += ch
    return out


@dataclass(frozen=True)
class Verb:
    """A reporting verb form: its lemma, kind (past, form, part, cue, postcue) and language."""

    lemma: str
    kind: str
    lang: str


@dataclass(frozen=True)
class QuoteLexicon:
    """Reporting verbs compiled into one regex, their entries by key, the function word classes, and the
    subject markers (classes erg and gen) compiled."""

    regex: Forms
    verbs: dict[str, Verb]
    words: dict[str, frozenset[str]]
    markers: Forms

    def verb(self, text: str) -> Verb | None:
        """The entry of a matched verb form (an Arabic و/ف prefix allowed)."""
        k = key(text)
        return self.verbs.get(k) or (self.verbs.get(k[1:]) if k[:1] in "وف" else None)

    def is_(self, cls: str, word_key: str) -> bool:
        """Whether a word (by key) is in a function word class."""
        return word_key in self.words.get(cls, ())


@functools.cache
def quote_lexicon() -> QuoteLexicon:
    """The reporting verbs and function words of ``data/quotes``, compiled once."""
    verbs: dict[str, Verb] = {}
    forms: list[str] = []
    for lang, form, lemma, kind in read_tsv("quotes", "verbs.tsv"):
        for suffix in _SUFFIXES.get(lang, ("",)) if kind == "past" else ("",):
            forms.append(_inflect(form, suffix))
            verbs.setdefault(key(forms[-1]), Verb(lemma, kind, lang))
    markers = [form for _lang, cls, form in read_tsv("quotes", "words.tsv") if cls in ("erg", "gen")]
    words = word_classes("quotes", "words.tsv")
    return QuoteLexicon(compile_forms(forms, prefix="[وف]"), verbs, words, compile_forms(markers))


@dataclass
class _Said:
    """A reporting verb in the text and who it resolved to."""

    start: int
    end: int
    verb: Verb
    prefixed: bool = False
    """Whether it carries a conjunction ("وقال"): a new clause, never an attribution after a quote."""
    speaker: int | None = None
    subject_end: int = 0
    """Where the verb phrase ends: after the subject when it follows the verb."""


class _Reader:
    """One article's text, mentions and sentences, read for reporting verbs and their subjects."""

    def __init__(self, text: str, entities: list[dict[str, Any]], sentences: list[list[int]]) -> None:
        self.text = text
        self.lex = quote_lexicon()
        self.entities = entities
        mentions = [
            (int(m["start"]), int(m["end"]), i)
            for i, e in enumerate(entities)
            if str(e.get("type", "")).upper() in ("PERSON", "ORG")
            for m in e.get("mentions") or []
            if isinstance(m, dict) and "start" in m and "end" in m
        ]
        self.mentions = sorted(mentions)
        self.mention_starts = [m[0] for m in self.mentions]
        self.sentence_starts = sorted({int(s[0]) for s in sentences if s}) or [0]
        self.spans = quoted_spans(text)
        self._span_opens = [s[0] for s in self.spans]
        self._roles: RoleBindings | None = None

    # --- positions -------------------------------------------------------------------------------
    def sentence(self, pos: int) -> int:
        """The index of the sentence holding ``pos``."""
        return max(0, bisect_right(self.sentence_starts, pos) - 1)

    def sentence_start(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts (never before its paragraph)."""
        start = self.sentence_starts[self.sentence(pos)]
        return max(start, self.text.rfind("\n", 0, pos) + 1)

    def sentence_end(self, pos: int) -> int:
        """Where the sentence holding ``pos`` ends (never after its paragraph)."""
        i = self.sentence(pos) + 1
        end = self.sentence_starts[i] if i < len(self.sentence_starts) else len(self.text)
        para = self.text.find("\n", pos)
        return min(end, para if para >= 0 else len(self.text))

    def quoted(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quoted span."""
        i = bisect_right(self._span_opens, pos) - 1
        return i >= 0 and self.spans[i][0] < pos < self.spans[i][1]

    def words(self, start: int, end: int, limit: int | None = None) -> list[tuple[int, int, str]]:
        """(start, end, key) of the words in ``text[start:end]`` (the first ``limit`` of them)."""
        found = islice(WORD.finditer(self.text, start, end), limit)
        return [(m.start(), m.end(), key(m.group())) for m in found]

    def last_words(self, start: int, end: int, n: int) -> list[tuple[int, int, str]]:
        """The last ``n`` of :meth:`words` (only they are looked up)."""
        found = list(WORD.finditer(self.text, start, end))[-n:]
        return [(m.start(), m.end(), key(m.group())) for m in found]

    def has_word(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds a word."""
        return WORD.search(self.text, start, end) is not None

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """PERSON and ORG mentions starting in [start, end)."""
        i = bisect_left(self.mention_starts, start)
        j = bisect_left(self.mention_starts, end)
        return self.mentions[i:j]

    def etype(self, mention: tuple[int, int, int]) -> str:
        """The entity type of a mention."""
        return str(self.entities[mention[2]].get("type", "")).upper()

    @property
    def roles(self) -> RoleBindings:
        """Role phrases bound to persons in this text (built on first use)."""
        if self._roles is None:
            persons = [m for m in self.mentions if self.etype(m) == "PERSON"]
            self._roles = RoleBindings(self.text, persons)
        return self._roles

    # --- subjects --------------------------------------------------------------------------------
    def _free(self, start: int, end: int, skip: set[str] | None = None) -> bool:
        """True when no preposition stands in ``text[start:end]`` (a name after it is no subject)."""
        return not any(
            self.lex.is_("prep", w) and not (skip and w in skip) for _, _, w in self.words(start, end)
        )

    def _pick(self, candidates: list[tuple[int, int, int]], ok: Any) -> tuple[int, int, int] | None:
        """The first PERSON mention passing ``ok``, else the first ORG one."""
        for etype in ("PERSON", "ORG"):
            for m in candidates:
                if self.etype(m) == etype and ok(m):
                    return m
        return None

    def _role_start(self, start: int, end: int) -> RolePhrase | None:
        first = WORD.search(self.text, start, end)
        return role_at(self.text, first.start(), end) if first else None

    def subject_ar(self, said: _Said) -> tuple[str, int | None]:
        """Arabic: the subject after the verb, a role, a name right before it, else a dropped subject."""
        text, ve = self.text, said.end
        stop = min(self.sentence_end(ve), ve + 250)
        for m in islice(WORD.finditer(text, ve, stop), _SUBJECT_WORDS):  # keys only up to the clause's end
            s = m.start()
            if self.lex.is_("comp", key(m.group())) or text[s - 1 : s] in MARKS:
                stop = s
                break
        stop = min([stop, *[i for i in (text.find(":", ve, stop),) if i >= 0]])
        phrase = self._role_start(ve, stop)
        after = phrase.end if phrase else ve
        found = self._pick(self.mentions_in(ve, stop), lambda m: self._free(after, m[0]))
        if found:
            said.subject_end = found[1]
            return "named", found[2]
        if phrase:
            said.subject_end = phrase.end
            return "role", self.roles.resolve(phrase)
        before = self.mentions_in(self.sentence_start(said.start), said.start)
        if before:
            gap = self.words(before[-1][1], said.start)
            if before[-1][1] <= said.start and all(self.lex.is_("aux", w) for _, _, w in gap):
                return "named", before[-1][2]
        return "dropped", None

    def _after_apostrophe(self, pos: int) -> bool:
        """Whether the word at ``pos`` is a case suffix after an apostrophe ("Putin'in"), not a word."""
        return pos > 0 and self.text[pos - 1] in "'’"

    def _clause(self, said: _Said) -> tuple[int, int]:
        """Where an SOV verb's subject may be: from its sentence's start, or after the last quote closed
        before the verb; when only that quote stands before the verb ('Erdoğan, "..." dedi'), before it."""
        start = self.sentence_start(said.start)
        closed = [span for span in self.spans if start <= span[1] < said.start]
        if not closed:
            return start, said.start
        open_, close = closed[-1]
        if open_ < start or self.has_word(close + 1, said.start):
            return close + 1, said.start
        return (closed[-2][1] + 1 if len(closed) > 1 else start), open_

    def _nominative(self, m: tuple[int, int, int], start: int, end: int) -> bool:
        """Whether a mention in ``text[start:end]`` may be its subject: no preposition just before it, no
        postposition ("پوتین سے", "Putin ile") or case suffix ("Putin'le") after it."""
        prev = self.last_words(max(start, m[0] - 30), m[0], 2)
        if any(self.lex.is_("prep", w) and not self._after_apostrophe(s) for s, _, w in prev):
            return False
        after = WORD.search(self.text, m[1], end)
        return not _SUFFIXED.match(self.text, m[1]) and not (
            after and self.lex.is_("post", key(after.group()))
        )

    def _marker(self, start: int, end: int) -> int | None:
        """Where the clause ``text[start:end]`` marks its subject: a genitive right before the verb ("ان کا
        کہنا تھا"), else its last ergative ("انہوں نے ... کہا"); None when it has no marker."""
        found = list(self.lex.markers.finditer(self.text, start, end))
        if not found:
            return None
        if self.lex.is_("gen", key(found[-1].group())) and not self.has_word(found[-1].end(), end):
            return found[-1].start()
        ergative = [m.start() for m in found if self.lex.is_("erg", key(m.group()))]
        return ergative[-1] if ergative else None

    def _marked(self, start: int, pos: int) -> tuple[str, int | None]:
        """The subject right before the marker at ``pos``: a name, a pronoun (dropped), a role, else none."""
        near = [m for m in self.mentions_in(start, pos) if m[1] <= pos and not self.has_word(m[1], pos)]
        found = self._pick(near, lambda m: True)
        if found:
            return "named", found[2]
        before = self.last_words(start, pos, 3)
        if before and self.lex.is_("pron", before[-1][2]):
            return "dropped", None
        for w in reversed(before):
            if (phrase := role_at(self.text, w[0], pos)) and not self.has_word(phrase.end, pos):
                return "role", self.roles.resolve(phrase)
        return "none", None

    def subject_sov(self, said: _Said) -> tuple[str, int | None]:
        """Persian, Urdu, Turkish: the subject a marker points to, else the clause's first person (else
        organisation) in the nominative, a role, else dropped."""
        start, end = self._clause(said)
        marker = self._marker(start, end)
        if marker is not None:
            return self._marked(start, marker)
        found = self._pick(self.mentions_in(start, end), lambda m: self._nominative(m, start, end))
        if found:
            return "named", found[2]
        phrase = self._role_start(start, end)
        if phrase:
            return "role", self.roles.resolve(phrase)
        return "dropped", None

    def subject_en(self, said: _Said) -> tuple[str, int | None]:
        """English: the nearest name before the verb, one right after it ("said Putin"), a role, else dropped."""
        start = self.sentence_start(said.start)
        closes = [c for o, c in self.spans if start <= c < said.start]
        start = closes[-1] + 1 if closes else start
        before = self.words(start, said.start)
        if before and self.lex.is_("pron", before[-1][2]):
            return "dropped", None
        near = self.mentions_in(start, said.start)
        if near and len(self.words(near[-1][1], said.start)) <= 6 and self._free(near[-1][1], said.start):
            return "named", near[-1][2]
        for w in reversed(before[-4:]):
            if phrase := role_at(self.text, w[0], said.start):
                return "role", self.roles.resolve(phrase)
        stop = min(self.sentence_end(said.end), said.end + 80)
        after = [m for m in self.mentions_in(said.end, stop) if len(self.words(said.end, m[0])) <= 4]
        if after and self._free(said.end, after[0][0]):
            said.subject_end = after[0][1]
            return "named", after[0][2]
        phrase = self._role_start(said.end, stop)
        if phrase and len(self.words(said.end, phrase.start)) <= 1:
            said.subject_end = phrase.end
            return "role", self.roles.resolve(phrase)
        return "dropped", None

    def cue_subject(self, said: _Said) -> tuple[str, int | None]:
        """The name right after a cue ("according to X", "بحسب X", "به گفته X"), or right before a postposed
        one, its case suffix aside ("Reuters'a göre", "رائٹرز کے مطابق")."""
        if said.verb.kind == "postcue":
            before = self.mentions_in(self.sentence_start(said.start), said.start)
            near = [
                m
                for m in before
                if m[1] <= said.start and not self.has_word(self._suffix_end(m[1]), said.start)
            ]
        else:
            stop = min(self.sentence_end(said.end), said.end + 60)
            near = [m for m in self.mentions_in(said.end, stop) if len(self.words(said.end, m[0])) <= 2]
        found = self._pick(near, lambda m: True)
        if found is None:
            return "none", None
        said.subject_end = max(said.subject_end, found[1])
        return "named", found[2]

    def _suffix_end(self, pos: int) -> int:
        """Where a case suffix after an apostrophe at ``pos`` ends (``pos`` when there is none)."""
        m = _SUFFIXED.match(self.text, pos)
        return m.end() if m else pos

    # --- the pass over all reporting verbs -----------------------------------------------------
    def reporting(self) -> list[_Said]:
        """Every reporting verb outside quotes, in order, with its speaker resolved."""
        out: list[_Said] = []
        last: tuple[int | None, int] = (None, -99)  # (speaker, sentence) of the last resolved subject
        for m in self.lex.regex.finditer(self.text):
            verb = self.lex.verb(m.group())
            if verb is None or self.quoted(m.start()):
                continue
            said = _Said(m.start(), m.end(), verb, key(m.group()) not in self.lex.verbs, subject_end=m.end())
            here = self.sentence(m.start())
            if verb.kind in _CUES:
                said.speaker = self.cue_subject(said)[1]
                out.append(said)
                continue
            if verb.lang in _SOV:
                how, who = self.subject_sov(said)
            elif verb.kind == "part":
                how, who = "dropped", None
            else:
                how, who = (self.subject_ar if verb.lang == "ar" else self.subject_en)(said)
            if how == "dropped":
                same = verb.kind != "part" or last[1] == here
                who = last[0] if same and here - last[1] < _CONTINUE_SENTENCES else None
            said.speaker = who
            last = (who, here)
            out.append(said)
        return out


def _names(entities: list[dict[str, Any]]) -> set[str]:
    """Keys of every entity name and mention: a quoted span equal to one is a name, not a quote."""
    out: set[str] = set()
    for e in entities:
        out.add(key(str(e.get("name") or "")))
        for m in e.get("mentions") or []:
            if isinstance(m, dict):
                out.add(key(str(m.get("text") or "")))
    return out


class _Quoter:
    """Decides which quoted spans are quotes and builds the output records."""

    def __init__(self, reader: _Reader, said: list[_Said]) -> None:
        self.r = reader
        self.said = said
        self.names = _names(reader.entities)
        self.orgs = org_index()

    def _is_name(self, start: int, end: int, n_words: int) -> bool:
        text = self.r.text
        inner = key(text[start:end].strip(_PUNCT_STRIP))
        if inner in self.names or inner in self.orgs.by_key:
            return True
        prev = self.r.last_words(max(0, start - 30), start, 1)
        return n_words <= 4 and bool(prev) and self.r.lex.is_("namehead", prev[0][2])

    def _governor(self, open_: int, close: int) -> _Said | None:
        r = self.r
        start = r.sentence_start(open_)
        if not r.has_word(start, open_) and start > 0 and r.text[:start].rstrip().endswith(":"):
            start = r.sentence_start(len(r.text[:start].rstrip()) - 1)
        before = [s for s in self.said if start <= s.start and s.end <= open_]
        if before and before[-1].verb.lang not in _VERB_LAST:
            return before[-1]
        stop = r.sentence_end(close)
        after = [
            s
            for s in self.said
            if close < s.start < stop and not s.prefixed and len(r.words(close, s.start)) <= _POSTPOSED_WORDS
        ]
        return after[0] if after else before[-1] if before else None

    def _gap(self, said: _Said, open_: int) -> list[tuple[int, int, str]]:
        """The words between the verb phrase and the quote (none when the verb follows the quote)."""
        return self.r.words(max(said.subject_end, said.end), open_) if said.end <= open_ else []

    def _light(self, gap: list[tuple[int, int, str]]) -> bool:
        """Only complementizers or linking prepositions between the verb phrase and the quote."""
        return all(self.r.lex.is_("comp", w) or self.r.lex.is_("link", w) for _, _, w in gap)

    def _introduces(self, said: _Said, gap: list[tuple[int, int, str]]) -> bool:
        """A short quote counts when its speaker is known and it opens the verb's complement."""
        lex = self.r.lex
        return said.speaker is not None and (self._light(gap) or lex.is_("comp", gap[-1][2]))

    def _partial(
        self, said: _Said, gap: list[tuple[int, int, str]], open_: int, close: int, n_words: int
    ) -> bool:
        """A fragment: short, inside a reported clause ("أن البلدين “...”"), or running on into the sentence
        (not into a Turkish verb that governs it: '"..." ifade etti')."""
        text, lex = self.r.text, self.r.lex
        if n_words <= _SHORT:
            return True
        if text[:open_].rstrip().endswith(":"):
            return False
        comps = [i for i, (_, _, w) in enumerate(gap) if lex.is_("comp", w)]
        if comps and comps[-1] < len(gap) - 1:
            return True
        after = mark_end(text, close)
        if said.verb.lang in _VERB_LAST and said.start >= after and not text[after : said.start].strip():
            return False
        follow = text[after : close + 40].lstrip(" ")
        nxt = WORD.match(follow)
        return nxt is not None and lex.verb(nxt.group()) is None

    def record(self, said: _Said, start: int, end: int, partial: bool) -> dict[str, Any]:
        """The exported quote."""
        who = self.r.entities[said.speaker] if said.speaker is not None else None
        speaker = _speaker(who) if who else None
        return {"speaker": speaker, "text": self.r.text[start:end], "start": start, "end": end,
                "verb": said.verb.lemma, "partial": partial}  # fmt: skip

    def marked(self) -> list[dict[str, Any]]:
        """Quotes in quotation marks."""
        text, out = self.r.text, []
        previous: tuple[_Said, int] | None = None  # the last quote's verb and the end of its paragraph
        for open_, close in self.r.spans:
            start, end = open_ + 1, close
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            n_words = len(WORD.findall(text, start, end))
            if not n_words or self._is_name(start, end, n_words):
                continue
            said = self._governor(open_, close)
            gap = self._gap(said, open_) if said else []
            if said is None and previous and n_words > _SHORT and not text[previous[1] : open_].strip():
                said = previous[0]  # a quote running on into the next paragraph
            if said is None or (n_words <= _SHORT and not self._introduces(said, gap)):
                continue
            out.append(self.record(said, start, end, self._partial(said, gap, open_, close, n_words)))
            para_end = text.find("\n", close)
            previous = (said, len(text) if para_end < 0 else para_end)
        return out

    def after_colon(self) -> list[dict[str, Any]]:
        """Unmarked quotes after "قال بوتين:", "گفت:", "said:": the rest of the paragraph."""
        text, lex, out = self.r.text, self.r.lex, []
        for said in self.said:
            if said.verb.kind in ("part", *_CUES):
                continue
            stop = self.r.sentence_end(said.end)
            colon = text.find(":", said.subject_end, stop)
            if colon < 0:
                continue
            gap = self.r.words(said.subject_end, colon)
            if len(gap) > _COLON_WORDS or any(lex.is_("comp", w) for _, _, w in gap):
                continue
            if MARK.search(text, said.end, colon):
                continue
            para_end = text.find("\n", colon)
            para_end = len(text) if para_end < 0 else para_end
            start = colon + 1 + (len(text[colon + 1 : para_end]) - len(text[colon + 1 : para_end].lstrip()))
            end = len(text[:para_end].rstrip())
            if start < end and not MARK.match(text, start) and len(WORD.findall(text, start, end)) > _SHORT:
                out.append(self.record(said, start, end, partial=False))
        return out


def find_quotes(
    text: str, entities: list[dict[str, Any]], sentences: list[list[int]]
) -> list[dict[str, Any]]:
    """The quotes of ``text``, given its entities (with mention offsets) and sentence offsets."""
    if not text or not any(mark in text for mark in (*MARKS, *DOUBLED, ":")):
        return []
    reader = _Reader(text, entities, sentences)
    said = reader.reporting()
    if not said:
        return []
    quoter = _Quoter(reader, said)
    quotes = quoter.marked() + quoter.after_colon()
    quotes.sort(key=lambda q: q["start"])
    return quotes


@stage("khabar.extract.quotes.v1", assigns=("quotes",), requires=("text", "entities", "sentences"))
def quotes(article: Article) -> Article:
    """Set ``quotes``: direct and partial quotes with their speaker entity (or None when unsure)."""
    article.quotes = find_quotes(article.text, article.entities, article.sentences)
    return article


def _speaker(entity: dict) -> dict:
    """The quote's speaker: the entity's id and display name, and the spellings the article uses for it
    (with a person's surname alone, the short form a later mention would use)."""
    spellings = [m["text"] for m in entity.get("mentions") or [] if m.get("text")]
    if entity.get("type") == "PERSON":
        spellings += [text.split()[-1] for text in spellings if len(text.split()) > 1]
    return {"id": entity.get("id"), "name": entity.get("name"), "variants": list(dict.fromkeys(spellings))}
