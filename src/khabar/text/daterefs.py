"""Date references in body text: weekdays, relative days/weeks/months/years and explicit dates.

They resolve against the publication date when it is known; otherwise weekdays and relative references
are kept unresolved, for the clustering to use.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from .calendars import WEEKDAY_NAMES, alternation, date_patterns, months, norm, to_gregorian, weekdays
from .foldmap import Folded
from .tables import rows

RECENT_DAYS = 31  # a yearless date this far after publication is taken from the year before
WINDOW_BEFORE = 24  # a date reference starts at most this far before its anchor (last word, day number)
WINDOW_AFTER = 48
_NON_WORD = re.compile(r"\W+")
_ADJACENT = re.compile(r"[^.!?؟۔\n\d]{0,20}")  # between a weekday and its date: ", ", " günü (", " الموافق "
# One or two digits, no digit on either side; opening with the digit, the scan skips to digits in C.
_DAY_NUMBER = re.compile(r"\d(?<!\d\d)\d?(?!\d)")

_LEADS = ("اليوم", "يوم", "روز", "on", "last", "this", "le", "ce")
_PAST = frozenset(
    norm(w) for w in ("الماضي", "المنصرم", "الفائت", "گذشته", "پیش", "last", "dernier", "geçen")
)
_NEXT = frozenset(norm(w) for w in ("المقبل", "القادم", "آینده", "next", "prochain", "gelecek"))
_CURRENT = frozenset(norm(w) for w in ("الجاري", "الحالي", "جاری", "this", "ce"))


@functools.cache
def relative() -> Mapping[str, tuple[str, int]]:
    """Folded relative phrase -> (unit, offset)."""
    return {
        norm(phrase): (unit, int(offset)) for phrase, unit, offset, _lang in rows("dates", "relative.tsv")
    }


@functools.cache
def _ref_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    leads = alternation([norm(w) for w in _LEADS])
    weekday = re.compile(
        rf"(?<!\w)(?:(?P<lead>{leads})\s*(?P<paren>\()?\s*)?(?P<wd>{alternation(list(weekdays()))})(?!\w)(?(paren)\s*\))"
    )
    rel = re.compile(rf"(?<!\w)(?:{alternation(list(relative()))})(?!\w)")
    qualifiers = alternation(sorted(_PAST | _NEXT | _CURRENT))
    qualifier = re.compile(rf"\s+({qualifiers})(?!\w)")
    return weekday, rel, qualifier


@functools.cache
def _triggers() -> dict[str, frozenset[str]]:
    """Words whose presence makes a scanner run: last words of weekday and relative phrases, month words."""

    def words(phrases: Iterable[str], index: int) -> frozenset[str]:
        return frozenset(p.split()[index] for p in phrases if p.split())

    return {"weekday": words(weekdays(), -1), "relative": words(relative(), -1), "date": words(months(), 0)}


@functools.lru_cache(maxsize=1024)  # one pattern per set of anchor words met: bounded, memory stays flat
def _word_re(words: frozenset[str]) -> re.Pattern[str]:
    """Any of ``words`` (single words) as a whole word; each checks what stands before it after matching, so
    the scan looks for the words themselves (in C) instead of trying a look-behind at every character."""
    ordered = sorted(words, key=len, reverse=True)
    return re.compile("(?:" + "|".join(rf"{re.escape(w)}(?<!\w.{{{len(w)}}})" for w in ordered) + r")(?!\w)")


def _matches_near(f: str, pattern: re.Pattern[str], anchors: Iterable[re.Match[str]]) -> list[re.Match[str]]:
    """Matches of ``pattern`` that contain the start of an anchor match (deduplicated, in text order)."""
    found: dict[tuple[int, int], re.Match[str]] = {}
    for anchor in anchors:
        at = anchor.start()
        for m in pattern.finditer(f, max(0, at - WINDOW_BEFORE), anchor.end() + WINDOW_AFTER):
            if m.start() <= at < m.end():
                found.setdefault(m.span(), m)
    return [found[span] for span in sorted(found)]


def _shift_month(base: dt.date, months_ahead: int) -> str:
    index = base.year * 12 + base.month - 1 + months_ahead
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _relative_date(unit: str, offset: int, base: dt.date | None) -> str | None:
    if base is None:
        return None
    if unit == "day":
        return (base + dt.timedelta(days=offset)).isoformat()
    if unit == "month":
        return _shift_month(base, offset)
    if unit == "year":
        return f"{base.year + offset:04d}"
    return None


def _year_in(calendar: str, base: dt.date) -> int:
    if calendar == "jalali":
        import jdatetime

        return jdatetime.date.fromgregorian(date=base).year
    if calendar == "hijri":
        from hijridate import Gregorian

        return Gregorian(base.year, base.month, base.day).to_hijri().year
    return base.year


def _explicit_date(
    calendar: str, month: int, day: int, year: int | None, qualifier: str | None, base: dt.date | None
) -> dt.date | None:
    if year is not None:
        return to_gregorian(calendar, year, month, day)
    if base is None:
        return None
    guess_year = _year_in(calendar, base)
    found = to_gregorian(calendar, guess_year, month, day)
    if found is None:
        return None
    if qualifier in _NEXT and found < base:
        return to_gregorian(calendar, guess_year + 1, month, day)
    too_late = found > base if qualifier in _PAST else found > base + dt.timedelta(days=RECENT_DAYS)
    if too_late and qualifier not in _CURRENT:
        return to_gregorian(calendar, guess_year - 1, month, day)
    return found


def _date_weekdays(text: str, refs: list[tuple[int, int, dict[str, Any]]]) -> None:
    """A weekday written beside a date that falls on it is that date ("Wednesday, September 3", "الأربعاء 3
    سبتمبر", "Çarşamba günü (3 Eylül)"), not the last such weekday before the publication date. ``refs``: in
    text order."""
    for (_, end, a), (start, _, b) in itertools.pairwise(refs):
        if {a["kind"], b["kind"]} != {"weekday", "date"} or not _ADJACENT.fullmatch(text, end, start):
            continue
        day, date = (a, b) if a["kind"] == "weekday" else (b, a)
        if date["date"] and WEEKDAY_NAMES[dt.date.fromisoformat(date["date"]).weekday()] == day["weekday"]:
            day["date"] = date["date"]


def find_date_refs(text: str, base: dt.date | None) -> list[dict[str, Any]]:
    """Every date reference in ``text``, resolved against ``base`` (the publication date) when given."""
    if not text:
        return []
    folded = Folded(text)
    f = folded.folded
    present = set(_NON_WORD.split(f))
    hits = {name: frozenset(present & words) for name, words in _triggers().items()}
    if not any(hits.values()):
        return []
    weekday_re, relative_re, qualifier_re = _ref_patterns()
    refs: list[tuple[int, int, dict[str, Any]]] = []
    taken: list[tuple[int, int]] = []
    for m in _matches_near(f, weekday_re, _word_re(hits["weekday"]).finditer(f) if hits["weekday"] else ()):
        wd = weekdays()[re.sub(r"\s+", " ", m.group("wd"))]
        iso = (base - dt.timedelta(days=(base.weekday() - wd) % 7)).isoformat() if base else None
        refs.append((m.start(), m.end(), {"kind": "weekday", "weekday": WEEKDAY_NAMES[wd], "date": iso}))
        taken.append(m.span())
    for m in _matches_near(
        f, relative_re, _word_re(hits["relative"]).finditer(f) if hits["relative"] else ()
    ):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        unit, offset = relative()[re.sub(r"\s+", " ", m.group())]
        refs.append(
            (
                m.start(),
                m.end(),
                {"kind": "relative", "weekday": None, "date": _relative_date(unit, offset, base)},
            )
        )
    for m in _matches_near(f, date_patterns()["named"], _DAY_NUMBER.finditer(f) if hits["date"] else ()):
        day = m.group("d1") or m.group("d2")
        if not day:
            continue
        number, calendar = months()[re.sub(r"\s+", " ", m.group("month"))]
        end = m.end()
        q = qualifier_re.match(f, end)
        if q:
            end = q.end()
        year = int(m.group("year")) if m.group("year") else None
        date = _explicit_date(calendar, number, int(day), year, q.group(1) if q else None, base)
        refs.append(
            (m.start(), end, {"kind": "date", "weekday": None, "date": date.isoformat() if date else None})
        )
    refs.sort(key=lambda r: r[0])
    _date_weekdays(f, refs)
    out = []
    for start, end, ref in refs:
        raw_start, raw_end = folded.raw_span(start, end)
        out.append({"text": text[raw_start:raw_end], "start": raw_start, **ref})
    return out
