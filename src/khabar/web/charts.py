"""Server-side SVG charts: activity sparklines, daily series, story timelines and coverage bars.

Every chart is an inline ``<svg>`` string with all text escaped. Colours come from CSS classes
(``static/khabar.css``), never from style attributes, so the Content-Security-Policy can forbid inline styles.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup, escape

_LABEL_CHARS = 38
_MAX_BAR = 24  # widest bar of a daily chart, so a few days do not fill the whole width


@dataclass(frozen=True)
class TimelinePoint:
    """One event on a story timeline."""

    day: str
    size: int
    label: str
    href: str


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "")[:10])
    except ValueError:
        return None


def _short(text: str, n: int = _LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _svg(width: int, height: int, label: str, body: Iterable[str], css: str) -> Markup:
    inner = "".join(body)
    return Markup(
        f'<svg class="chart {css}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}"'
        f' width="{width}" height="{height}" role="img" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>{inner}</svg>"
    )


def _daily(series: Mapping[str, int]) -> list[tuple[date, int]]:
    """Every day from the first to the last (gaps as zero); unparseable days are dropped."""
    dated = {d: n for d, n in ((_day(k), v) for k, v in series.items()) if d is not None}
    if not dated:
        return []
    first, last = min(dated), max(dated)
    return [
        (first + timedelta(i), dated.get(first + timedelta(i), 0)) for i in range((last - first).days + 1)
    ]


def day_bars(
    series: Mapping[str, int], *, width: int = 720, height: int = 140, unit: str = "articles"
) -> Markup:
    """A bar per day (gaps shown as empty days) with the first and last day and the peak labelled."""
    days = _daily(series)
    if not days:
        return Markup("")
    top, pad, bottom = 14, 4, 18
    peak = max(n for _, n in days) or 1
    step = min((width - 2 * pad) / len(days), _MAX_BAR)
    plot = height - top - bottom
    body = []
    for i, (d, n) in enumerate(days):
        h = plot * n / peak
        x = pad + i * step
        body.append(
            f'<rect class="bar" x="{x:.1f}" y="{top + plot - h:.1f}" width="{max(step - 1, 1):.1f}" height="{h:.1f}">'
            f"<title>{d.isoformat()}: {n} {escape(unit)}</title></rect>"
        )
    body.append(f'<text class="axis" x="{pad}" y="{height - 4}">{days[0][0].isoformat()}</text>')
    if len(days) > 1:
        body.append(
            f'<text class="axis" x="{pad + len(days) * step:.1f}" y="{height - 4}" text-anchor="end">{days[-1][0].isoformat()}</text>'
        )
    body.append(f'<text class="axis" x="{pad}" y="10">peak {peak} {escape(unit)}/day</text>')
    total = sum(n for _, n in days)
    return _svg(width, height, f"{total} {unit} over {len(days)} days", body, "day-bars")


def sparkline(series: Mapping[str, int], *, width: int = 120, height: int = 28) -> Markup:
    """A small bar-per-day activity chart without labels."""
    days = _daily(series)
    if not days:
        return Markup("")
    peak = max(n for _, n in days) or 1
    step = min(width / len(days), _MAX_BAR / 2)
    body = []
    for i, (d, n) in enumerate(days):
        h = max((height - 2) * n / peak, 1 if n else 0)
        body.append(
            f'<rect class="bar" x="{i * step:.1f}" y="{height - h:.1f}" width="{max(step - 0.5, 0.5):.1f}"'
            f' height="{h:.1f}"><title>{d.isoformat()}: {n}</title></rect>'
        )
    label = f"activity {days[0][0].isoformat()} to {days[-1][0].isoformat()}"
    return _svg(width, height, label, body, "sparkline")


def timeline(points: Sequence[TimelinePoint], *, width: int = 720, labels: int = 6) -> Markup:
    """Events on a time axis: one linked circle per event, sized by its articles; the ``labels`` largest
    carry a label, on alternating rows (every circle has its title as a tooltip)."""
    dated = sorted(
        ((d, p) for p in points if (d := _day(p.day)) is not None), key=lambda t: (t[0], t[1].href)
    )
    if not dated:
        return Markup("")
    first, last = dated[0][0], dated[-1][0]
    span = max((last - first).days, 1)
    rows, pad, axis_y = min(3, len(dated), labels), 110, 30
    height = axis_y + 24 + rows * 18
    biggest = max(p.size for _, p in dated) or 1
    body = [f'<line class="axis-line" x1="{pad}" y1="{axis_y}" x2="{width - pad}" y2="{axis_y}"/>']
    body.append(f'<text class="axis" x="{pad}" y="12" text-anchor="middle">{first.isoformat()}</text>')
    if last != first:
        body.append(
            f'<text class="axis" x="{width - pad}" y="12" text-anchor="middle">{last.isoformat()}</text>'
        )
    labelled = {id(p) for _, p in sorted(dated, key=lambda t: (-t[1].size, t[0]))[:labels]}
    row = 0
    for d, p in dated:
        x = pad + (width - 2 * pad) * ((d - first).days / span if last != first else 0.5)
        r = 4 + 8 * math.sqrt(p.size / biggest)
        y_label = axis_y + 26 + (row % rows) * 18
        row += id(p) in labelled
        label = (
            f'<line class="tick" x1="{x:.1f}" y1="{axis_y + r:.1f}" x2="{x:.1f}" y2="{y_label - 12}"/>'
            f'<text class="label" x="{x:.1f}" y="{y_label}" text-anchor="middle">{escape(_short(p.label))}</text>'
            if id(p) in labelled
            else ""
        )
        body.append(
            f'<a href="{escape(p.href)}"><circle class="dot" cx="{x:.1f}" cy="{axis_y}" r="{r:.1f}">'
            f"<title>{escape(p.label)} ({d.isoformat()}, {p.size} articles)</title></circle>{label}</a>"
        )
    return _svg(width, height, f"timeline of {len(dated)} dated events", body, "timeline")


def bars(items: Sequence[tuple[str, int]], *, width: int = 360, limit: int = 12) -> Markup:
    """Horizontal bars, one per (label, count), largest first; the rest folded into "other"."""
    ranked = sorted(items, key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > limit:
        ranked = [*ranked[: limit - 1], ("other", sum(n for _, n in ranked[limit - 1 :]))]
    if not ranked:
        return Markup("")
    row, label_w, value_w = 20, 130, 40
    peak = max(n for _, n in ranked) or 1
    body = []
    for i, (label, n) in enumerate(ranked):
        y = i * row
        w = (width - label_w - value_w) * n / peak
        body.append(
            f'<text class="label" x="{label_w - 6}" y="{y + 14}" text-anchor="end">{escape(_short(label, 20))}</text>'
            f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{max(w, 1):.1f}" height="{row - 6}">'
            f"<title>{escape(label)}: {n}</title></rect>"
            f'<text class="value" x="{label_w + w + 4:.1f}" y="{y + 14}">{n}</text>'
        )
    return _svg(width, row * len(ranked), f"{len(ranked)} bars", body, "bars")
