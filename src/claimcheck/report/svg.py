"""Inline SVG pictures for the HTML report: a timeline of periods and windows, and a source-reliability chart."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from typing import Iterable, Sequence

from ..models import DocumentInfo, Reference, SourceScore

_WIDTH = 760
_LABEL_W = 240
_RIGHT = 24
_ROW = 24
_TOP = 30


@dataclass(frozen=True)
class Bar:
    """One row of a timeline: a span of days; an open end (None) runs to the edge of the picture."""

    label: str
    start: dt.date | None
    end: dt.date | None
    cls: str
    note: str


def _truncate(text: str, n: int = 32) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def reference_bars(references: Iterable[Reference]) -> list[Bar]:
    """Bars for the references that carry a period, labelled with their timeline label or statement."""
    bars = []
    seen: set[str] = set()
    for r in references:
        if r.period is None or r.id in seen:
            continue
        seen.add(r.id)
        start = r.period.start.earliest if r.period.start else None
        end = r.period.end.latest if r.period.end else None
        label = r.label or r.statement
        bars.append(Bar(label, start, end, "period", f"{label}: {r.period}"))
    return bars


def window_bars(documents: Iterable[DocumentInfo]) -> list[Bar]:
    """Bars for the publication windows of documents whose window is at least partly known."""
    bars = []
    for d in documents:
        w = d.published
        if w.earliest is None and w.latest is None:
            continue
        when = f"{w.earliest or '…'} to {w.latest or '…'}"
        bars.append(
            Bar(f"{d.source}: {d.title or d.path}", w.earliest, w.latest, "window",
                f"{d.path} published {when} ({w.basis.value})")
        )
    return bars


def _ticks(lo: dt.date, hi: dt.date) -> list[tuple[dt.date, str]]:
    """Axis ticks: years, months or days, whichever gives at most about eight."""
    span = (hi - lo).days
    ticks: list[tuple[dt.date, str]] = []
    if span > 4 * 365:
        step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 1000) if (hi.year - lo.year) / s <= 8)
        year = (lo.year // step + 1) * step
        while year <= hi.year:
            ticks.append((dt.date(year, 1, 1), str(year)))
            year += step
    elif span > 75:
        step = next(s for s in (1, 2, 3, 6, 12) if span / 30.4 / s <= 8)
        month = lo.year * 12 + lo.month  # zero-based index of the month after lo's
        while True:
            y, m0 = divmod(month, 12)
            day = dt.date(y, m0 + 1, 1)
            if day > hi:
                break
            if m0 % step == 0:
                ticks.append((day, day.strftime("%Y-%m")))
            month += 1
    else:
        step = next(s for s in (1, 2, 7, 14, 28) if span / s <= 8)
        for n in range(step, span + 1, step):
            day = lo + dt.timedelta(days=n)
            ticks.append((day, day.isoformat()))
    return ticks


def timeline_svg(bars: Sequence[Bar], *, title: str) -> str:
    """A horizontal timeline, one row per bar, under a date axis; empty when no bar has a known date."""
    known = [d for b in bars for d in (b.start, b.end) if d is not None]
    if not known:
        return ""
    lo, hi = min(known), max(known)
    pad = max(15, (hi - lo).days // 20)
    lo, hi = lo - dt.timedelta(days=pad), hi + dt.timedelta(days=pad)
    x0, x1 = _LABEL_W + 10, _WIDTH - _RIGHT
    days = max(1, (hi - lo).days)

    def x(day: dt.date) -> float:
        return round(x0 + (x1 - x0) * (day - lo).days / days, 1)

    height = _TOP + _ROW * len(bars) + 12
    out = [
        f'<svg class="timeline" role="img" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {height}" '
        f'width="{_WIDTH}" height="{height}"><title>{escape(title)}</title>'
    ]
    for day, label in _ticks(lo, hi):
        out.append(
            f'<line class="grid" x1="{x(day)}" y1="{_TOP - 8}" x2="{x(day)}" y2="{height - 8}"/>'
            f'<text class="tick" x="{x(day)}" y="{_TOP - 12}" text-anchor="middle">{escape(label)}</text>'
        )
    for i, b in enumerate(bars):
        y = _TOP + i * _ROW
        out.append(f'<g class="row {escape(b.cls)}"><title>{escape(b.note)}</title>')
        out.append(f'<text class="label" x="{_LABEL_W}" y="{y + 15}" text-anchor="end">{escape(_truncate(b.label))}</text>')
        start = x(b.start) if b.start else x0
        end = x(b.end) if b.end else x1
        if b.start is not None and b.start == b.end:
            cy = y + 11
            out.append(f'<path class="mark" d="M{start} {cy - 7} L{start + 7} {cy} L{start} {cy + 7} L{start - 7} {cy} Z"/>')
        else:
            width = max(3.0, round(end - start, 1))
            out.append(f'<rect class="bar" x="{start}" y="{y + 5}" width="{width}" height="12" rx="2"/>')
            if b.start is None:
                out.append(f'<path class="open" d="M{x0 - 6} {y + 11} L{x0} {y + 5} L{x0} {y + 17} Z"/>')
            if b.end is None:
                out.append(f'<path class="open" d="M{x1 + 6} {y + 11} L{x1} {y + 5} L{x1} {y + 17} Z"/>')
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def reliability_svg(sources: Sequence[SourceScore]) -> str:
    """Each source's reliability score as a dot, its credible interval as an error bar, and its grade."""
    if not sources:
        return ""
    rows = sorted(sources, key=lambda s: (-s.score, s.source))
    x0, x1 = _LABEL_W + 10, _WIDTH - 60
    height = _TOP + _ROW * len(rows) + 12

    def x(v: float) -> float:
        return round(x0 + (x1 - x0) * min(1.0, max(0.0, v)), 1)

    out = [
        f'<svg class="reliability" role="img" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {height}" '
        f'width="{_WIDTH}" height="{height}"><title>Source reliability: score and 90% credible interval</title>'
    ]
    for v in (0.0, 0.25, 0.5, 0.75, 1.0):
        out.append(
            f'<line class="grid" x1="{x(v)}" y1="{_TOP - 8}" x2="{x(v)}" y2="{height - 8}"/>'
            f'<text class="tick" x="{x(v)}" y="{_TOP - 12}" text-anchor="middle">{v:g}</text>'
        )
    out.append(f'<text class="tick" x="{x1 + 30}" y="{_TOP - 12}" text-anchor="middle">grade</text>')
    for i, s in enumerate(rows):
        y = _TOP + i * _ROW + 11
        lo, hi = s.interval
        note = f"{s.source}: score {s.score:.2f}, 90% interval {lo:.2f}–{hi:.2f}, grade {s.grade}"
        out.append(f'<g class="row grade-{escape(s.grade)}"><title>{escape(note)}</title>')
        out.append(f'<text class="label" x="{_LABEL_W}" y="{y + 4}" text-anchor="end">{escape(_truncate(s.source))}</text>')
        out.append(
            f'<line class="err" x1="{x(lo)}" y1="{y}" x2="{x(hi)}" y2="{y}"/>'
            f'<line class="err" x1="{x(lo)}" y1="{y - 5}" x2="{x(lo)}" y2="{y + 5}"/>'
            f'<line class="err" x1="{x(hi)}" y1="{y - 5}" x2="{x(hi)}" y2="{y + 5}"/>'
            f'<circle class="dot" cx="{x(s.score)}" cy="{y}" r="5"/>'
            f'<rect class="badge" x="{x1 + 20}" y="{y - 9}" width="20" height="18" rx="3"/>'
            f'<text class="grade" x="{x1 + 30}" y="{y + 5}" text-anchor="middle">{escape(s.grade)}</text>'
        )
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)
