"""Stated publication dates: front matter aside, the stamps and datelines articles carry in their text.

Forms read (case-insensitive where it makes sense): wire footers ("-0- PANA BY/IS/VAO 10June2021"),
"Published: 2019-10-02" / "Published on: 2022/10/12" / "Posted on 2 October 2019", masthead lines
("Libya Observer | 3 July 2019", "Times of Malta | Wednesday, 7 April 2021"), datelines
("TRIPOLI, 14 March 2022 (Reuters) -", "Tripoli, 10 October 2013:", "(Agenzia Nova) - Palermo,
13 November 2018 -") and datelines without a year ("PARIS, May 29 (Reuters) -"), which pin the
month and day only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from .dates import MONTHS

_MON = (r"((?i:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
        r"|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"
        r"|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|dicembre)\.?)")  # any case: "JANUARY 28 2019"
_WD = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?\s+)?"
# a place is a few words ("TRIPOLI", "Tripoli, Libya"): bounded, so that the patterns anchored at every line
# start give up after a few dozen letters of an ordinary paragraph instead of backtracking over its first clause
_PLACE = r"[A-Z][A-Za-z'\u2019 .-]{0,40}(?:,\s*[A-Z][A-Za-z'\u2019 .-]{0,40})?"
_AGENCY = r"(?:\([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*\)\s*[-\u2013\u2014]+\s*)?"
_END = r"(?:,?\s+\d{1,2}[:.]\d\d)?\s*(?:[(:\-\u2013\u2014/|,]|by\b|$)"  # a time may follow: "11 Feb 2022 09:45 -"
_LEAD = r"(?:Published|Posted|Updated|Date|Dated)(?:\s+on)?\s*:?\s*"
# a wire's sign-off tag: "(MedWire)", "SPS", "PANA/JA/"; and the clock time and zone that may follow its date
_SIGN = r"(?:\([A-Z][A-Za-z .]+\)|[A-Z]{2,10}(?:/[A-Z]{1,6})*/?)"
_CLOCK = r"(?:,?\s+\d{1,2}[:.]\d\d(?:\s*[A-Z]{2,4})?)?"


def _month_key(name: str) -> str:
    return name.lower().rstrip(".")


@dataclass(frozen=True)
class Stamp:
    """A stated date: a full day, or (no year) a month and day."""

    start: int
    end: int
    day: dt.date | None
    month_day: tuple[int, int] | None = None
    last: dt.date | None = None  # the last day of a stamp that gives a range ("12 November 2018 - 13 November 2018")


# Where the gated patterns below can match, found by one cheap scan each (a superset: every match of a gated
# pattern starts at one of them). A stamp is rare, and trying a dozen patterns at every line start of every
# article cost more than extracting its claims.
_GATES = {
    # "Published", "Posted", "Updated", "Date(d)" opening a word (the patterns' \b is checked on the hits)
    "lead": re.compile(r"[PpUuDd](?i:ublished|osted|pdated|ate)"),
    # a line opening with a place (and maybe an agency), then a parenthesis, or a comma and what can start a
    # date: a digit, a weekday's capital, a month's first letter in any case (English, French, Italian)
    "dateline": re.compile(rf"^\s*{_AGENCY}{_PLACE}(?:,\s+(?:[\dMTWFS]|(?i:[jfmasondgl]))|\s+\()", re.M),
}

# (pattern, order of the groups: d m y / y m d / m d y / d m / m d, the gate it may only match behind; "head":
# a date on one of the first lines, unless the article is a timeline)
_STAMPS: list[tuple[re.Pattern[str], str, str | None]] = [
    (re.compile(rf"^\s*-0-[^\n]*?\b(\d{{1,2}})\s*{_MON}\s*((?:19|20)\d\d)\s*$", re.M | re.I), "dmy", None),
    (re.compile(rf"\b{_LEAD}((?:19|20)\d\d)[-/.](\d\d?)[-/.](\d\d?)\b", re.I), "ymd", "lead"),
    (re.compile(rf"\b{_LEAD}{_WD}(\d{{1,2}})\s+{_MON},?\s+((?:19|20)\d\d)\b", re.I), "dmy", "lead"),
    (re.compile(rf"\b{_LEAD}{_WD}{_MON}\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b", re.I), "mdy", "lead"),
    # masthead: "Outlet | Wednesday, 7 April 2021"
    (re.compile(rf"^[^\n|]{{2,60}}\|\s*{_WD}(\d{{1,2}})\s+{_MON},?\s+((?:19|20)\d\d)\s*$", re.M), "dmy", None),
    (re.compile(rf"^[^\n|]{{2,60}}\|\s*{_WD}{_MON}\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\s*$", re.M), "mdy", None),
    # numeric dateline beside an agency tag: "Tripoli, 20/11/2019 (LANA) -"; an agency sign-off: "LANA/ 20 November 2019"
    (re.compile(rf"^\s*{_PLACE},\s+(\d{{1,2}})/(\d{{1,2}})/((?:19|20)\d\d)\s*\(", re.M), "dnumy", "dateline"),
    (re.compile(rf"^\s*[A-Z]{{2,10}}\s*/\s*(\d{{1,2}})\s+{_MON},?\s+((?:19|20)\d\d)\s*$", re.M), "dmy", None),
    # a wire's sign-off line: "(MedWire) 10-10-2013 15:05 GMT", "SPS 30/09/2024 18:10", "(AGM) 02-FEB-17 18:40",
    # "PANA/JA/03Jul2019"; a two-digit year only beside a month's name
    (re.compile(rf"^\s*{_SIGN}\s*(\d{{1,2}})[-/.](\d{{1,2}})[-/.]((?:19|20)\d\d){_CLOCK}\s*$", re.M), "dnumy", None),
    (re.compile(rf"^\s*{_SIGN}\s*(\d{{1,2}})[-\s]?{_MON}[-\s]?((?:19|20)?\d\d){_CLOCK}\s*$", re.M), "dmy", None),
    # a date alone on one of the first lines: "March 1, 2023", "Tripoli \u2014 October 11, 2013", "20.01.2020",
    # "Tuesday, 14 January 2020, 10:12 by Reuters", "Source: Xinhua| 2021-02-06 04:12:30|Editor: ..."; the white
    # space before the date is taken whole (`\s*+`: a date cannot start with white space), or the engine would
    # try every split of blank lines between the skipped lines and the white space
    (re.compile(rf"\A(?:[^\n]*\n){{0,8}}?\s*+(?:{_PLACE}\s+[\u2013\u2014-]+\s+)?{_WD}{_MON}\s+(\d{{1,2}}),?\s+((?:19|20)\d\d){_END}", re.M), "mdy", "head"),
    (re.compile(rf"\A(?:[^\n]*\n){{0,8}}?\s*+(?:{_PLACE}\s+[\u2013\u2014-]+\s+)?{_WD}(\d{{1,2}})\s+{_MON},?\s+((?:19|20)\d\d){_END}", re.M), "dmy", "head"),
    (re.compile(r"\A(?:[^\n]*\n){0,8}?\s*+(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\s*$", re.M), "dnumy", "head"),
    (re.compile(r"^\s*Source:\s*[^\n|]{2,40}\|\s*((?:19|20)\d\d)-(\d\d)-(\d\d)\b", re.M), "ymd", None),
    # datelines
    (re.compile(rf"^\s*{_AGENCY}{_PLACE},\s+{_WD}(\d{{1,2}})\s+{_MON},?\s+((?:19|20)\d\d){_END}", re.M), "dmy", "dateline"),
    (re.compile(rf"^\s*{_AGENCY}{_PLACE},\s+{_WD}{_MON}\s+(\d{{1,2}}),?\s+((?:19|20)\d\d){_END}", re.M), "mdy", "dateline"),
    # the agency between place and date: "Tripoli, Libya (PANA) 12 March 2014 -"
    (re.compile(rf"^\s*{_PLACE}\s+\([A-Z][A-Za-z .]+\)\s+{_WD}(\d{{1,2}})\s+{_MON},?\s+((?:19|20)\d\d){_END}", re.M), "dmy", "dateline"),
    (re.compile(rf"^\s*{_AGENCY}{_PLACE},\s+{_MON}\s+(\d{{1,2}})\s*(?:\([A-Za-z .]+\)\s*)?[-\u2013\u2014:]", re.M), "md", "dateline"),
    (re.compile(rf"^\s*{_AGENCY}{_PLACE},\s+(\d{{1,2}})\s+{_MON}\s*(?:\([A-Za-z .]+\)\s*)?[-\u2013\u2014:]", re.M), "dm", "dateline"),
]


# a line that opens with a day and a month ("16 MAY 2014 - THE OFFENSIVE BEGINS", "May 18: Tripoli"): several
# of them make a timeline, whose entries are not the article's own date
_DATED_LINE = re.compile(rf"^[ \t]*(?:\d{{1,2}}\s+{_MON}|{_MON}\s+\d{{1,2}})\b", re.M)


def _timeline(text: str, start: int) -> bool:
    found = _DATED_LINE.search(text, start)
    return found is not None and _DATED_LINE.search(text, found.end()) is not None


def find_stamp(text: str, start: int = 0) -> Stamp | None:
    """The publication date an article states for itself (a full date first, else a yearless dateline)."""
    partial = None
    gates: dict[str, list[int]] = {}
    for rx, order, gate in _STAMPS:
        if gate == "head":
            m = None if _timeline(text, start) else rx.search(text, start)
        elif gate is None:
            m = rx.search(text, start)
        else:
            if gate not in gates:
                gates[gate] = _starts(_GATES[gate], text, start)
            m = next(filter(None, (rx.match(text, i) for i in gates[gate])), None)
        if not m:
            continue
        g = m.groups()
        try:
            if order == "dmy":
                year = int(g[2])
                day = dt.date(year + 2000 if year < 100 else year, MONTHS[_month_key(g[1])], int(g[0]))
            elif order == "ymd":
                day = dt.date(int(g[0]), int(g[1]), int(g[2]))
            elif order == "dnumy":
                day = dt.date(int(g[2]), int(g[1]), int(g[0]))
            elif order == "mdy":
                day = dt.date(int(g[2]), MONTHS[_month_key(g[0])], int(g[1]))
            else:
                if partial is None:
                    mon, d = (g[0], g[1]) if order == "md" else (g[1], g[0])
                    md = (MONTHS[_month_key(mon)], int(d))
                    dt.date(2000, *md)
                    partial = Stamp(m.start(), m.end(), None, md)
                continue
        except (ValueError, KeyError):
            continue
        last, end = _range_end(text, m.end(m.lastindex), day)  # type: ignore[arg-type]
        return _trim(text, Stamp(m.start(), max(m.end(), end), day, last=last))
    return _trim(text, partial) if partial else None


# the second date of a range after a stamp's date: "Monday 12 November 2018 - Tuesday 13 November 2018" (a
# live blog's days)
_RANGE_TAIL = re.compile(
    rf"\s*[-\u2013\u2014]\s*{_WD}(?:(\d{{1,2}})\s+{_MON},?\s+((?:19|20)\d\d)|{_MON}\s+(\d{{1,2}}),?\s+((?:19|20)\d\d))\b")
_MAX_RANGE_DAYS = 31


def _range_end(text: str, at: int, day: dt.date) -> tuple[dt.date | None, int]:
    """The last day of a range that a stamp's date at `at` opens, and where the range ends (None, `at`: none)."""
    m = _RANGE_TAIL.match(text, at)
    if m is None:
        return None, at
    d, mon, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
    try:
        last = dt.date(int(y), MONTHS[_month_key(mon)], int(d))
    except (ValueError, KeyError):
        return None, at
    if not 0 < (last - day).days <= _MAX_RANGE_DAYS:
        return None, at
    return last, m.end()


def _starts(gate: re.Pattern[str], text: str, start: int) -> list[int]:
    """Every position from `start` on where `gate` matches, overlapping matches included."""
    found = []
    m = gate.search(text, start)
    while m:
        found.append(m.start())
        m = gate.search(text, m.start() + 1)
    return found


def _trim(text: str, s: Stamp) -> Stamp:
    a, b = s.start, s.end
    while b > a and text[b - 1].isspace():
        b -= 1
    a = max(a, text.rfind("\n", a, b) + 1)  # a date on its own line: the line, not the headline above it
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return dataclasses.replace(s, start=a, end=b)


def find_stated_date(text: str, start: int = 0) -> tuple[dt.date, int, int] | None:
    """The full publication date an article states, with the span of the stamp."""
    s = find_stamp(text, start)
    return (s.day, s.start, s.end) if s is not None and s.day is not None else None
