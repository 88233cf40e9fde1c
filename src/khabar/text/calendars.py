"""Calendars and date expressions: month, weekday and zone names of every tradition, converted to ISO 8601.

Gregorian months in Egyptian/Gulf, Levantine/Iraqi and Maghrebi Arabic, Persian, Urdu, English, French and
Turkish; Persian Jalali months (through jdatetime) and Hijri months (through hijridate). Everything is matched
on folded text (``khabar.text.normalize.fold``: one letter per variant, ASCII digits, lower case).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .normalize import fold
from .tables import rows
from .tries import trie_pattern

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MAX_EXTRA_WORDS = 2  # words on a date line that are neither date nor label (a section name, say)

_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?")
_SPACES = re.compile(r"\s+")
_LATIN_WORD = re.compile("[a-z\u00c0-\u024f]+")
_PERSIAN_DIGITS = re.compile("[\u06f0-\u06f9]")
_TIME = re.compile(r"(?<!\d)([01]?\d|2[0-3])\s*[:：]\s*([0-5]\d)(?:\s*:\s*[0-5]\d)?(?!\d)")
_YMD = re.compile(r"(?<![\d/.\-])(\d{4})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?![\d/.\-])")
_DMY = re.compile(r"(?<![\d/.\-])(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\d/.\-])")
_UTC = re.compile(r"(?<!\w)(?:gmt|utc)(?:\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?)?(?!\w)")
YEAR_DIGITS = re.compile(r"(?<!\d)(?:1[3-4]|19|20)\d\d(?!\d)")
"""A year of the Gregorian, Hijri or Jalali calendar written in digits (1300-1499, 1900-2099)."""


def alternation(words: list[str]) -> str:
    """A regex alternation of folded phrases, longest first, spaces matching any whitespace (as a trie)."""
    return trie_pattern(_phrase_pieces(w) for w in set(words))


def _phrase_pieces(phrase: str) -> list[str]:
    pieces: list[str] = []
    for word in phrase.split():
        pieces += [r"\s+"] * bool(pieces) + [re.escape(ch) for ch in word]
    return pieces


def norm(text: str) -> str:
    """Folded text with single spaces: the form every table key and pattern here is written in."""
    return _SPACES.sub(" ", fold(text)).strip()


@functools.cache
def months() -> Mapping[str, tuple[int, str]]:
    """Folded month name -> (month number, calendar), for every tradition in ``data/dates/months.tsv``."""
    out: dict[str, tuple[int, str]] = {}
    for name, number, calendar, _tradition in rows("dates", "months.tsv"):
        out[norm(name)] = (int(number), calendar)
    return out


@functools.cache
def weekdays() -> Mapping[str, int]:
    """Folded weekday name or phrase -> weekday number (0 = Monday)."""
    return {norm(name): int(n) for name, n, _lang in rows("dates", "weekdays.tsv")}


@functools.cache
def latin_weekdays() -> frozenset[str]:
    """The one-word Latin-script weekday names, folded (saturday, cumartesi): capitalised, yet no name."""
    return frozenset(w for w in weekdays() if _LATIN_WORD.fullmatch(w))


@functools.cache
def date_words() -> Mapping[str, str]:
    """Folded word -> role on a date line (label, am, pm, era_hijri, era_jalali, era_gregorian, zone_lead)."""
    return {norm(word): role for word, role in rows("dates", "date_words.tsv")}


@functools.cache
def places() -> Mapping[str, tuple[str, str]]:
    """Folded city alias -> (English name, IANA zone)."""
    return {norm(alias): (name, zone) for alias, name, zone in rows("dates", "places.tsv")}


@functools.cache
def _label_words() -> frozenset[str]:
    """Every single word of every date-line word or phrase."""
    return frozenset(word for phrase in date_words() for word in phrase.split())


def _roles(*wanted: str) -> list[str]:
    return [w for w, role in date_words().items() if role in wanted]


@functools.cache
def date_patterns() -> dict[str, re.Pattern[str]]:
    """Compiled patterns over folded text: named-month dates, weekdays, AM/PM, eras and stated time zones."""
    month = alternation(list(months()))
    era = alternation([*_roles("era_hijri", "era_jalali", "era_gregorian"), "م"])
    named = (
        rf"(?<!\w)(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th|er)?\s*(?:de\s+|من\s+|ال)?)?"
        rf"(?P<month>{month})(?!\w)(?:\s*/\s*(?:{month})(?!\w))?\.?"
        rf"(?:\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d))?"
        rf"(?:\s*[,،]?\s*(?P<year>\d{{4}})(?!\d))?(?:\s*(?P<era>{era})(?!\w))?"
    )
    return {
        "named": re.compile(named),
        "weekday": re.compile(rf"(?<!\w)(?:{alternation(list(weekdays()))})(?!\w)"),
        "ampm": re.compile(rf"\s*({alternation(_roles('am', 'pm'))})(?!\w)"),
        "era": re.compile(rf"\s*({era})(?!\w)"),
        "zone": re.compile(rf"(?<!\w)(?:{alternation(_roles('zone_lead'))})\s+(\w+(?:\s+\w+){{0,2}})"),
    }


def to_gregorian(calendar: str, year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian date of a date in the ``gregorian``, ``jalali`` or ``hijri`` calendar; None if invalid."""
    try:
        if calendar == "jalali":
            import jdatetime

            return jdatetime.date(year, month, day).togregorian()
        if calendar == "hijri":
            from hijridate import Hijri

            g = Hijri(year, month, day).to_gregorian()
            return dt.date(g.year, g.month, g.day)
        return dt.date(year, month, day)
    except (ValueError, OverflowError, TypeError):
        return None


@functools.cache
def zone(name: str) -> dt.tzinfo | None:
    """The tzinfo of an IANA zone name, or None when this system lacks it."""
    try:
        return dt.UTC if name == "UTC" else ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def place_zone(words: str) -> tuple[dt.tzinfo, int] | None:
    """The zone of the city named at the start of ``words`` (folded) and how many characters name it."""
    parts = words.split()
    for n in range(len(parts), 0, -1):
        phrase = " ".join(parts[:n])
        found = places().get(phrase)
        if found and (tz := zone(found[1])):
            return tz, len(phrase)
    return None


@dataclass
class DateExpr:
    """A date (and maybe time and zone) found in a line of text."""

    date: dt.date
    hour: int | None = None
    minute: int | None = None
    tz: dt.tzinfo | None = None
    weekday: int | None = None
    extra: tuple[str, ...] = field(default=())
    """Words of the line that are neither part of the date nor a date label."""

    def iso(self) -> str:
        """ISO 8601: a date, or date and time to the minute, with an offset when a zone was stated."""
        if self.hour is None or self.minute is None:
            return self.date.isoformat()
        stamp = dt.datetime(
            self.date.year, self.date.month, self.date.day, self.hour, self.minute, tzinfo=self.tz
        )
        return stamp.isoformat(timespec="minutes")


def _numeric_calendar(year: int, era: str | None, persian: bool) -> str:
    if 1900 <= year <= 2100:
        return "gregorian"
    role = date_words().get(era or "", "")
    if role == "era_jalali" or (role != "era_hijri" and persian):
        return "jalali"
    return "hijri"


def _find_date(f: str, persian: bool) -> tuple[dt.date, list[tuple[int, int]]] | None:
    """The first full date (day, month, year) in folded text ``f``, with the spans it covers."""
    pats = date_patterns()
    for m in pats["named"].finditer(f):
        day, year = m.group("d1") or m.group("d2"), m.group("year")
        if day and year:
            number, calendar = months()[_SPACES.sub(" ", m.group("month"))]
            found = to_gregorian(calendar, int(year), number, int(day))
            if found:
                return found, [m.span()]
    for regex, order in ((_YMD, (1, 3, 4)), (_DMY, (4, 3, 1))):
        for m in regex.finditer(f):
            year, month, day = (int(m.group(i)) for i in order)
            if regex is _DMY and month > 12 >= day:
                month, day = day, month
            era = pats["era"].match(f, m.end())
            calendar = _numeric_calendar(year, era.group(1) if era else None, persian)
            found = to_gregorian(calendar, year, month, day)
            if found:
                return found, [(m.start(), era.end() if era else m.end())]
    return None


def parse_date_line(line: str) -> DateExpr | None:
    """The date stated by a short date line ("10:25 م الإثنين 19 ديسمبر 2022"), or None.

    None also when more than ``MAX_EXTRA_WORDS`` words of the line are neither date nor date label.
    """
    if not _DIGIT.search(line):
        return None
    f = norm(line)
    found = _find_date(f, _PERSIAN_DIGITS.search(line) is not None)
    if found is None:
        return None
    date, spans = found
    pats = date_patterns()
    expr = DateExpr(date)
    t = _TIME.search(f)
    if t:
        expr.hour, expr.minute = int(t.group(1)), int(t.group(2))
        spans.append(t.span())
        ampm = pats["ampm"].match(f, t.end())
        if ampm:
            spans.append(ampm.span())
            pm = date_words().get(ampm.group(1)) == "pm"
            if pm and expr.hour < 12:
                expr.hour += 12
            elif not pm and expr.hour == 12:
                expr.hour = 0
    z = pats["zone"].search(f)
    located = place_zone(z.group(1)) if z else None
    if z and located:
        expr.tz = located[0]
        spans.append((z.start(), z.start(1) + located[1]))
    elif u := _UTC.search(f):
        sign = -1 if u.group(1) == "-" else 1
        offset = dt.timedelta(hours=int(u.group(2) or 0), minutes=int(u.group(3) or 0))
        expr.tz = dt.timezone(sign * offset) if offset else dt.UTC
        spans.append(u.span())
    w = pats["weekday"].search(f)
    if w:
        expr.weekday = weekdays()[_SPACES.sub(" ", w.group())]
        spans.append(w.span())
    rest = list(f)
    for start, end in spans:
        rest[start:end] = " " * (end - start)
    labels = _label_words()
    extra = tuple(word for word in _WORD.findall("".join(rest)) if word not in labels)
    if len(extra) > MAX_EXTRA_WORDS:
        return None
    expr.extra = extra
    return expr


def looks_dated(line: str) -> bool:
    """Cheap test before a slow parser: the line holds a plausible four-digit year."""
    return YEAR_DIGITS.search(fold(line)) is not None


def parse_with_dateparser(line: str, lang: str) -> str | None:
    """ISO date of a date line in ``lang`` through dateparser (explicit language, full dates only)."""
    if not looks_dated(line):
        return None
    import dateparser

    try:
        stamp = dateparser.parse(
            line,
            languages=[lang],
            settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"},
        )
    except (ValueError, TypeError, OverflowError, KeyError):
        return None
    if stamp is None:
        return None
    if stamp.hour == 0 and stamp.minute == 0 and stamp.tzinfo is None:
        return stamp.date().isoformat()
    return stamp.isoformat(timespec="minutes")
