"""Stated publication dates: front-matter aside, the stamps and datelines articles carry in their text."""

from __future__ import annotations

import datetime as dt
import re

from .dates import MONTHS

_MON = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"

# (pattern, order of groups: d m y / y m d / m d y)
_STAMPS: list[tuple[re.Pattern[str], str]] = [
    # wire footer: "-0- PANA BY/IS/VAO 10June2021"
    (re.compile(rf"^\s*-0-[^\n]*?\b(\d{{1,2}})\s*{_MON}\s*((?:19|20)\d\d)\s*$", re.M | re.I), "dmy"),
    # "Published: 2019-10-02", "Published on 2 October 2019", "Updated: ..."
    (re.compile(r"\b(?:Published|Posted|Date)(?:\s+on)?\s*:?\s*((?:19|20)\d\d)-(\d\d)-(\d\d)\b", re.I), "ymd"),
    (re.compile(rf"\b(?:Published|Posted|Date)(?:\s+on)?\s*:?\s*(\d{{1,2}})\s+{_MON},?\s+((?:19|20)\d\d)\b", re.I), "dmy"),
    (re.compile(rf"\b(?:Published|Posted|Date)(?:\s+on)?\s*:?\s*{_MON}\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b", re.I), "mdy"),
    # dateline: "TRIPOLI, 14 March 2022 (Agency) -" or "Tripoli, March 14, 2022 -"
    (re.compile(rf"^\s*[A-Z][A-Za-z' .]+(?:,\s*[A-Z][A-Za-z' .]+)?,\s+(\d{{1,2}})\s+{_MON},?\s+((?:19|20)\d\d)\s*[(\-\u2013\u2014/]", re.M), "dmy"),
    (re.compile(rf"^\s*[A-Z][A-Za-z' .]+(?:,\s*[A-Z][A-Za-z' .]+)?,\s+{_MON}\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\s*[(\-\u2013\u2014/]", re.M), "mdy"),
]


def find_stated_date(text: str, start: int = 0) -> tuple[dt.date, int, int] | None:
    """The publication date an article states for itself, with the span of the stamp."""
    for rx, order in _STAMPS:
        m = rx.search(text, start)
        if not m:
            continue
        a, b, c = m.group(1), m.group(2), m.group(3)
        try:
            if order == "dmy":
                day = dt.date(int(c), MONTHS[b.lower().rstrip(".")], int(a))
            elif order == "ymd":
                day = dt.date(int(a), int(b), int(c))
            else:
                day = dt.date(int(c), MONTHS[a.lower().rstrip(".")], int(b))
        except (ValueError, KeyError):
            continue
        return day, m.start(), m.end()
    return None
