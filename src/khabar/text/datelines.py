"""Datelines: "مينسك - (د ب أ)", "London (Reuters) -", "تهران - ایرنا -" parsed into a place and an agency."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .calendars import places
from .foldmap import collapse
from .langid import script_letters
from .normalize import fold

MAX_PLACE_WORDS = 4
GENERIC_AGENCY = "Agencies"
"""The name of "agencies" in general (وكالات, ``generic_agencies.tsv``): no agency of its own to vouch for a
place."""

_DASH = r"[-–—ـ:]"
_PLACE = r"(?P<place>[^\W\d_][^()\[\]«»\"“”\-–—ـ:,،\n]{0,40}?)"
_PAREN = re.compile(
    rf"^\s*{_PLACE}\s*(?:[,،]\s*(?P<date>[^()\[\]«»\n]{{1,30}}?)\s*)?(?P<pre>{_DASH}\s*)?"
    r"[(\[«]\s*(?P<agency>[^()\[\]«»\n]{1,40}?)\s*[)\]»]\s*(?P<post>" + _DASH + r"+\s*)?"
)
_AGENCY = r"(?P<agency>[^()\[\]«»\-–—ـ:/\n]{1,40}?)"
_DASHED = re.compile(rf"^\s*{_PLACE}\s*[-–—ـ/]\s*{_AGENCY}\s*(?:{_DASH}+\s*|$)")
_AGENCY_FIRST = re.compile(rf"^\s*{_AGENCY}\s*[-–—ـ/]\s*{_PLACE}\s*{_DASH}+\s*")
_PLACE_ONLY = re.compile(rf"^\s*{_PLACE}\s*[-–—]\s+")
_NOT_KEY = re.compile(r"[\W_]+")


def agency_key(text: str) -> str:
    """Agency comparison form: folded, without dots, spaces or punctuation ("د.ب.أ" == "د ب ا")."""
    return _NOT_KEY.sub("", fold(text))


@functools.cache
def agencies() -> Mapping[str, str]:
    """Agency key -> agency name: every spelling of the news agencies of the gazetteer (``orgs.jsonl``, kind
    agency; in a dateline even an ambiguous one is the agency), and the words for agencies in general."""
    from .tables import records, rows

    table = {agency_key(word): GENERIC_AGENCY for (word,) in rows("dates", "generic_agencies.tsv")}
    for org in records("gazetteer", "orgs.jsonl"):
        if org.get("kind") == "agency":
            for text in [org["name"], *(v["text"] for v in org.get("variants") or ())]:
                table.setdefault(agency_key(text), org["name"])
    return table


def place_name(text: str) -> str | None:
    """The English name of a known city, or None."""
    found = places().get(collapse(fold(text)))
    return found[0] if found else None


@dataclass
class Dateline:
    """A parsed dateline and where the text after it starts in the line."""

    place: str
    place_name: str | None
    agency: str | None
    agency_name: str | None
    text: str
    end: int

    def export(self) -> dict[str, Any]:
        """The export shape: {"place": {"name", "text"}, "agency": {"name", "text"} | None, "text"}."""
        agency = {"name": self.agency_name, "text": self.agency} if self.agency else None
        return {"place": {"name": self.place_name, "text": self.place}, "agency": agency, "text": self.text}


def _place_ok(place: str) -> bool:
    return 0 < len(place.split()) <= MAX_PLACE_WORDS


def _mixed_scripts(text: str) -> bool:
    """Whether ``text`` holds both Arabic-script and Latin letters: site chrome run into a byline
    ("Next Previous عين اليوم"), never a place name."""
    return {"arabic", "latin"} <= script_letters(text).keys()


def _display_name(place: str) -> str:
    """A readable name for an unknown place: WASHINGTON -> Washington."""
    return place.title() if place.isupper() else place


def _paren_shape(m: re.Match[str], line: str, known_place: bool, known_agency: bool) -> bool:
    """A parenthesized agency is a dateline's only with a dash or colon beside it, alone at the line's end, or
    when both the city and the agency are known (Urdu papers write none: "اسلام آباد (اے پی پی) وزیراعظم"), and
    only after a stated date that holds a number ("WASHINGTON, Jan 5 (Reuters) -") or, after a known city, its
    country or state in a few words ("RIYADH, Saudi Arabia (AP) -")."""
    qualifier = m.group("date")
    if qualifier and not any(ch.isdigit() for ch in qualifier) and not (known_place and _place_ok(qualifier)):
        return False
    dashed = m.group("pre") or m.group("post") or not line[m.end() :].strip()
    return bool(dashed or (known_place and known_agency))


def parse_dateline(line: str, *, place_only: bool = False) -> Dateline | None:
    """The dateline at the start of ``line``, or None.

    The agency must be a known agency; a parenthesized unknown agency is accepted after a known city.
    With ``place_only``, a known city followed by a dash ("القاهرة - ...") is a dateline without agency.
    """
    head = line[:160]
    for regex in (_PAREN, _DASHED):
        m = regex.match(head)
        if not m:
            continue
        place, agency = m.group("place").strip(), m.group("agency").strip()
        if not _place_ok(place):
            continue
        known_place = place_name(place)
        known_agency = agencies().get(agency_key(agency))
        if regex is _PAREN and not _paren_shape(m, head, known_place is not None, known_agency is not None):
            continue
        if known_place is None and _mixed_scripts(place):
            continue
        if known_agency == GENERIC_AGENCY and known_place is None:
            continue  # "سبق- وكالات:": the outlet's own name before "agencies", not a place
        if known_agency or (regex is _PAREN and known_place and len(agency.split()) <= 3):
            return Dateline(
                place,
                known_place or _display_name(place),
                agency,
                known_agency or agency,
                head[: m.end()].strip(),
                m.end(),
            )
    m = _AGENCY_FIRST.match(head)
    if m and _place_ok(m.group("place").strip()):  # "واس - جدة:": a known agency, then a known city
        place, agency = m.group("place").strip(), m.group("agency").strip()
        known_place, known_agency = place_name(place), agencies().get(agency_key(agency))
        if known_place and known_agency:
            return Dateline(place, known_place, agency, known_agency, head[: m.end()].strip(), m.end())
    if place_only:
        m = _PLACE_ONLY.match(head)
        if m and _place_ok(m.group("place").strip()):
            place = m.group("place").strip()
            known_place = place_name(place)
            if known_place:
                return Dateline(place, known_place, None, None, head[: m.end()].strip(), m.end())
    return None
