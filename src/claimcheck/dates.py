"""Date expressions: a regex-first scan, parsed to parts, resolved against a publication window."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import NamedTuple

from .models import Precision, TimeRef
from .models.common import built
from .text import matches_at

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
# French and Italian month names, for datelines of translated wire copy
MONTHS.update({m: i + 1 for i, m in enumerate(["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"])})
MONTHS.update({m: i + 1 for i, m in enumerate(["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"])})
MONTHS.update({"fevrier": 2, "aout": 8, "decembre": 12})
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-9][0-9]?)(?:st|nd|rd|th)?"
_DAY2 = r"(?:(?:-|\u2013|\u2014| to | and |/)(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

# Every pattern starts with a character class or a literal (no leading \b or look-behind), which lets the
# regex engine skip ahead fast; the word boundary before a match is checked in Python (`_starts_word`).
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?P<year>[12][09]\d{2})-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("dmy", re.compile(rf"{_DAY}{_DAY2}\s*{_MON},?\s*{_YEAR}\b")),
    ("mdy", re.compile(rf"{_MON}\s+{_DAY}{_DAY2},?\s+{_YEAR}\b")),
    ("dm", re.compile(rf"{_DAY}{_DAY2}\s+{_MON}\b(?!,?\s*(?:19|20)\d\d)")),
    ("md", re.compile(rf"{_MON}\s+{_DAY}{_DAY2}\b(?!,?\s*(?:19|20)\d\d)(?!\s*(?:%|percent|per cent|million|billion|thousand|people|migrants))")),
    ("season", re.compile(r"(?P<season>[SsAaFfWw](?:pring|ummer|utumn|all|inter))(?: of)? (?P<year>(?:19|20)\d{2})\b")),
    ("my", re.compile(rf"{_MON}\s+(?:of\s+)?{_YEAR}\b")),
    ("half", re.compile(r"(?P<half>[FfSs](?:irst|econd)) half of (?:the year )?(?P<year>(?:19|20)\d{2})\b")),
    ("rel_month", re.compile(r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)\b")),
    ("weekday", re.compile(r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("rel_unit", re.compile(r"(?P<rel>[LlNnTtPp](?:ast|ext|his))\s+(?P<unit>week|month|year)\b")),
    ("year", re.compile(r"(?P<year>[12][09]\d{2})\b(?![-/]\d)(?!\s*(?:%|percent))")),
]


_WORDS_OK = {"spring", "summer", "autumn", "fall", "winter", "first", "second", "last", "next", "this", "past"}

# Where a match can start. Twelve regex scans of the whole text cost most of the time; instead, cheap scans
# find the few places a date can be anchored (digit runs, month abbreviations, "day", "week", "month", "year",
# " half of ") and each pattern is tried only where it could start relative to them (`_starts`); `_matches`
# yields exactly what `finditer` would. One regex pass finds the digit runs and month abbreviations: opening
# with a single character class lets the engine skip fast; the look-behinds only say which character it was.
# The runs are of any decimal digits (`\d`, as numbers read them), so that the numbers of a document can use
# them too (`Anchors`): the class admits every character outside ASCII, and one opens a run only if it is a
# digit. It is written as the other ASCII characters negated, which the engine tests as fast as an ASCII class.
_OPENERS = "0123456789JFMASOND"
_NOT_OPENERS = "".join(re.escape(chr(c)) for c in range(128) if chr(c) not in _OPENERS)
_ANCHOR = re.compile(
    rf"[^{_NOT_OPENERS}](?:(?<=\d)\d*|(?<=J)(?:an|u[nl])|(?<=F)eb|(?<=M)a[ry]|(?<=A)(?:pr|ug)|(?<=S)ep"
    r"|(?<=O)ct|(?<=N)ov|(?<=D)ec)"
)


class Anchors(NamedTuple):
    """Where a text's dates can be anchored: its runs of digits and its month abbreviations, as spans in text
    order. Read once per document, for its dates and its numbers."""

    digit_runs: list[tuple[int, int]]  # the longest runs of decimal digits (`\d`)
    months: list[tuple[int, int]]


def find_anchors(text: str, start: int = 0, end: int | None = None) -> Anchors:
    """The digit runs and month abbreviations of `text[start:end]`."""
    digit_runs: list[tuple[int, int]] = []
    months: list[tuple[int, int]] = []
    for m in _ANCHOR.finditer(text, start, len(text) if end is None else end):
        (digit_runs if text[m.start()].isdigit() else months).append(m.span())
    return Anchors(digit_runs, months)


_DAY_SPAN = 13  # the longest day part before a month: "31st and 30th"
_ORDINALS = ("st", "nd", "rd", "th")
# how far before its year a season starts ("fall 2020", "Spring of 2019"), and the letters it can start with
_SEASON_BACK, _SEASON_FIRST = (5, 7, 8, 10), "SsAaFfWw"
_WEEKDAY_BACK = (3, 4, 5, 6)  # how far before its "day" a weekday starts: "Mon", "Tues", "Thurs", "Wednes"


def _space_before(text: str, i: int, start: int) -> int:
    """Where the run of whitespace that ends at `i` begins (`i` when there is none)."""
    while i > start and text[i - 1].isspace():
        i -= 1
    return i


def _find_all(text: str, word: str, start: int, end: int) -> list[int]:
    """Where `word` occurs in `text[start:end]`."""
    found, i = [], text.find(word, start, end)
    while i >= 0:
        found.append(i)
        i = text.find(word, i + len(word), end)
    return found


def _starts(text: str, start: int, end: int, anchors: Anchors) -> dict[str, list[int]]:
    """For each pattern, the sorted positions in `text[start:end]` a match of it may start at (a superset);
    a pattern left out cannot match."""
    digit_runs, months = anchors
    month_starts = [q for q, _ in months]
    found = {"rel_month": month_starts, "rel_unit": _unit_starts(text, start, end)}
    days = _find_all(text, "day", start, end)
    if days:
        found["weekday"] = _before(text, days, _WEEKDAY_BACK, "MTWFS", start)
    if digit_runs:  # every other pattern needs a digit
        # "[12][09]" opens every four-digit year, and a year ends its run of digits (a word boundary or a dash
        # follows it in every pattern that reads one)
        years = [b - 4 for a, b in digit_runs if b - a >= 4 and text[b - 4] in "12" and text[b - 3] in "09"]
        day_starts = _day_starts(text, months, start)
        found.update({
            "iso": [y for y in years if text[y + 4:y + 5] == "-"], "year": years,
            "dmy": day_starts, "dm": day_starts, "mdy": month_starts, "md": month_starts, "my": month_starts,
            "season": _before(text, years, _SEASON_BACK, _SEASON_FIRST, start),
            # "second half of", "first half of"
            "half": [h - k for h in _find_all(text, " half of ", start, end) for k in (6, 5) if h - k >= start],
        })
    return found


def _day_starts(text: str, months: list[tuple[int, int]], start: int) -> list[int]:
    """Where a day before a month may start. It ends with a digit or "st", "nd", "rd", "th" right before the
    whitespace in front of its month ("3 May", "3-4May", "21st May"), and starts at most `_DAY_SPAN` before."""
    found: set[int] = set()
    for q, _ in months:
        r = _space_before(text, q, start)
        if r > start and (text[r - 1].isdigit() or text[r - 2:r] in _ORDINALS):
            found.update(i for i in range(max(start, r - _DAY_SPAN), r) if "0" <= text[i] <= "9")
    return sorted(found)


def _unit_starts(text: str, start: int, end: int) -> list[int]:
    """Where "last", "next", "this" or "past" may start: before white space and "week", "month" or "year"."""
    found = set()
    for unit in ("week", "month", "year"):
        u = text.find(unit, start, end)
        while u >= 0:
            r = _space_before(text, u, start)
            if r < u and text[r - 3:r] in ("ast", "ext", "his"):
                found.add(r - 4)
            u = text.find(unit, u + len(unit), end)
    return sorted(found)


def _before(text: str, anchors: list[int], distances: tuple[int, ...], letters: str, start: int) -> list[int]:
    """The positions `distances` before each anchor, from `start` on, that hold one of `letters`, sorted."""
    return sorted({i for a in anchors for k in distances if (i := a - k) >= start and text[i] in letters})


def _starts_word(text: str, s: int, form: str) -> bool:
    if s == 0:
        return True
    prev = text[s - 1]
    if prev.isalnum() or prev == "_":
        return False
    return not (form == "year" and prev == "-")


# Words before a match that qualify it; looked up behind the match (cheaper than optional prefixes).
_BEHIND = {
    "rel_month": (re.compile(r"\b(last|next|this|early|late|mid-?|in)\s+$", re.I), True),
    "weekday": (re.compile(r"\b(last|next|this|on|since|from|late|early)\s+$", re.I), False),
    "year": (re.compile(r"\b(in|since|during|the year|of|by|until|from|early|late|mid-?|before|after|end of)\s+$", re.I), False),
}


class DateMention(NamedTuple):
    """A date expression found in text, with the parts it states (a named tuple: a document has thousands,
    and building a frozen dataclass costs several times as much)."""

    start: int
    end: int
    text: str
    form: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day2: int | None = None
    season: str | None = None
    half: str | None = None
    weekday: int | None = None
    rel: str | None = None
    unit: str | None = None
    prefix: str | None = None


@lru_cache(maxsize=8192)
def dates_in(text: str) -> tuple[DateMention, ...]:
    """`find_dates` of a short text (a sentence, a quote), cached: many claims share a sentence."""
    return tuple(find_dates(text))


def _month(s: str) -> int | None:
    return MONTHS.get(s.lower().rstrip("."))


# A match's named groups -> the DateMention field each fills and how its text is read (the word behind a match,
# `_BEHIND`, fills "prefix" or "rel")
_FIELDS: dict[str, tuple[str, Callable[[str], int | str | None]]] = {
    "year": ("year", int), "mnum": ("month", int), "mon": ("month", _month), "day": ("day", int), "day2": ("day2", int),
    "season": ("season", str.lower), "half": ("half", str.lower), "wd": ("weekday", lambda wd: WEEKDAYS[wd.lower()]),
    "rel": ("rel", str.lower), "unit": ("unit", str.lower),
}


def _group_reads(rx: re.Pattern[str]) -> tuple[tuple[int, str, Callable[[str], int | str | None]], ...]:
    """For each named group of a pattern, its index in the match's groups, the DateMention field it fills and how its text is read."""
    return tuple((i - 1, *_FIELDS[name]) for name, i in sorted(rx.groupindex.items(), key=lambda item: item[1]))


# each form's groups as `_group_reads` gives them: a match's parts are read from its groups by index, without
# building the dict of every group's name that `groupdict` would (a document has thousands of matches)
_READS = {form: _group_reads(rx) for form, rx in _PATTERNS}


def _parts(m: re.Match[str], form: str) -> dict[str, int | str | None]:
    """The DateMention fields that a match of `form` states."""
    parts = {}
    groups = m.groups()
    for i, field, read in _READS[form]:
        value = groups[i]
        if value:
            parts[field] = read(value)
    return parts


def find_dates(text: str, start: int = 0, end: int | None = None, anchors: Anchors | None = None) -> list[DateMention]:
    """Every date expression in `text[start:end]`, longest first where they overlap, in text order.
    `anchors` are those of `text[start:end]` (`find_anchors`) when already known."""
    end = len(text) if end is None else end
    found: list[DateMention] = []
    taken = bytearray(end - start + 1)
    if anchors is None and end - start <= _SHORT:
        matches = _short_matches(text, start, end)
    else:
        matches = _matches(text, start, end, anchors or find_anchors(text, start, end), taken)
    for form, m in matches:
        s, e = m.span()
        if not _starts_word(text, s, form):
            continue
        if form == "year" and m.group("year")[:2] not in ("19", "20"):
            continue
        if form in ("season", "half", "rel_unit") and m.group(1).lower() not in _WORDS_OK:
            continue  # the patterns' first letter classes admit a few non-words ("Sall", "Lext")
        if 1 in taken[s - start:e - start]:
            continue
        word = None  # the word behind the match that qualifies it, if any
        if form in _BEHIND:
            rx_behind, required = _BEHIND[form]
            b = rx_behind.search(text, max(start, s - 14), s)
            if b is None and required:
                continue
            if b is not None:
                word = b.group(1)
                if 1 in taken[b.start() - start:s - start]:
                    b = None
                else:
                    s = b.start()
        try:
            parts = _parts(m, form)
        except (KeyError, ValueError):
            continue
        if word is not None:
            parts["prefix" if form == "year" else "rel"] = word.lower()
        day, mon = parts.get("day"), parts.get("month")
        if day is not None and mon is not None and not 1 <= day <= 31:  # type: ignore[operator]
            continue
        dm = DateMention(s, e, text[s:e], form, **parts)  # type: ignore[arg-type]
        if form == "md" and dm.month == 5 and dm.text.lower().startswith("may ") and not re.search(r"\d", dm.text[4:5]):
            continue
        found.append(dm)
        taken[s - start:e - start] = b"\x01" * (e - s)
        if s == start and e == end:
            break  # the date is the whole text ("24 December 2021", a claim's quote): any other match overlaps it
    return sorted(found, key=lambda d: d.start)


def _matches(text: str, start: int, end: int, anchors: Anchors, taken: bytearray) -> Iterator[tuple[str, re.Match[str]]]:
    """The matches of each pattern in `text[start:end]` in turn, with its form, as `finditer` finds them, but
    for those of `_SKIP_TAKEN` that start in a date found already (`taken`: the characters of the dates found
    so far, from `start`, as `find_dates` marks them while it reads the matches)."""
    starts = _starts(text, start, end, anchors)
    for form, rx in _PATTERNS:
        candidates = starts.get(form)
        if candidates and form in _SKIP_TAKEN:
            candidates = [i for i in candidates if not taken[i - start]]
        if candidates:
            for m in matches_at(rx, text, candidates, start, end):
                yield form, m


# The forms whose matches that start in a date found already are not looked for: `find_dates` drops them, and
# no match of these can start inside another (a month name holds no other, a year is followed by no digit).
# Most month names and years lie in a longer date ("3 May 2019"), found first.
_SKIP_TAKEN = frozenset({"rel_month", "year"})


# Below this many characters, a pattern's own scan of the text costs less than working out where it may start
# (`_starts`): the texts re-read for their dates one by one, a claim's quote ("last Saturday", "24 December
# 2021"), take this path; each pattern is tried only if the text has what every match of it holds.
_SHORT = 80
_DIGIT = re.compile(r"[0-9]")
_MONTH_ABBR = re.compile(r"Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec")  # opens every month name of `_MON`
# form -> whether a match holds an ASCII digit, whether it holds a month name, and words one of which it holds
_NEEDS: dict[str, tuple[bool, bool, tuple[str, ...]]] = {
    "iso": (True, False, ("-",)), "dmy": (True, True, ()), "mdy": (True, True, ()), "dm": (True, True, ()),
    "md": (True, True, ()), "season": (True, False, ()), "my": (True, True, ()), "half": (True, False, (" half of ",)),
    "rel_month": (False, True, ()), "weekday": (False, False, ("day",)),
    "rel_unit": (False, False, ("week", "month", "year")), "year": (True, False, ()),
}
# (whether a text has a digit, whether it has a month name) -> the patterns that may match in it, in order,
# with the words one of which a match holds
_SHORT_PATTERNS: dict[tuple[bool, bool], list[tuple[str, re.Pattern[str], tuple[str, ...]]]] = {
    (digit, month): [(form, rx, _NEEDS[form][2]) for form, rx in _PATTERNS
                     if (digit or not _NEEDS[form][0]) and (month or not _NEEDS[form][1])]
    for digit in (False, True) for month in (False, True)
}


def _short_matches(text: str, start: int, end: int) -> Iterator[tuple[str, re.Match[str]]]:
    """`_matches` of a short text: each pattern that may match is scanned for."""
    digit = _DIGIT.search(text, start, end) is not None
    month = _MONTH_ABBR.search(text, start, end) is not None
    for form, rx, words in _SHORT_PATTERNS[digit, month]:
        if words and not _has_any(text, words, start, end):
            continue
        for m in rx.finditer(text, start, end):
            yield form, m


def _has_any(text: str, words: tuple[str, ...], start: int, end: int) -> bool:
    """Whether one of the words occurs in `text[start:end]`."""
    for word in words:
        if text.find(word, start, end) >= 0:
            return True
    return False

def _range(y: int, m: int | None = None, d: int | None = None, d2: int | None = None) -> tuple[dt.date, dt.date, Precision]:
    if m is None:
        return dt.date(y, 1, 1), dt.date(y, 12, 31), Precision.year
    last = calendar.monthrange(y, m)[1]
    if d is None:
        return dt.date(y, m, 1), dt.date(y, m, last), Precision.month
    d = min(d, last)
    return dt.date(y, m, d), dt.date(y, m, min(d2 or d, last)), Precision.day


_TIME_REF_FIELDS = frozenset(TimeRef.model_fields)


def _time_ref(earliest: dt.date, latest: dt.date, precision: Precision, text: str, basis: str) -> TimeRef:
    """`TimeRef.trusted(earliest=..., latest=..., precision=..., text=..., basis=...)` written out (a time per dated
    claim), its fields in the order `trusted` lays them out: those with defaults first, then the others."""
    fields = {"text": text, "basis": basis, "earliest": earliest, "latest": latest, "precision": precision}
    return built(TimeRef, fields, set(_TIME_REF_FIELDS))


def stated_range(mention: DateMention) -> tuple[dt.date, dt.date, Precision]:
    """The first and last day of what a mention that states its year covers, and the precision it states."""
    y = mention.year
    if mention.season:
        a, b = SEASONS[mention.season]
        if mention.season == "winter":
            return dt.date(y, 12, 1), dt.date(y + 1, 2, calendar.monthrange(y + 1, 2)[1]), Precision.season  # type: ignore[arg-type, operator]
        return dt.date(y, a, 1), dt.date(y, b, calendar.monthrange(y, b)[1]), Precision.season  # type: ignore[arg-type]
    if mention.half:
        if mention.half == "first":
            return dt.date(y, 1, 1), dt.date(y, 6, 30), Precision.season  # type: ignore[arg-type]
        return dt.date(y, 7, 1), dt.date(y, 12, 31), Precision.season  # type: ignore[arg-type]
    return _range(y, mention.month, mention.day, mention.day2)  # type: ignore[arg-type]


def resolve(mention: DateMention, window: tuple[dt.date, dt.date] | None, forward: bool = False) -> TimeRef | None:
    """Turn a mention into a day range, using the publication window for partial and relative dates.

    Partial dates ("3 February") take the latest matching date not after the window's end (with `forward`,
    for what is scheduled, the first one not before the window's start); relative
    ones ("last Saturday", "last month") count back from it. Without a window (or when the window is
    too wide to pin the year), partial and relative dates resolve to None.
    """
    if mention.year is not None:
        lo, hi, p = stated_range(mention)
        return _time_ref(lo, hi, p, mention.text, "stated")
    if window is None:
        return None
    w_lo, w_hi = window
    if (w_hi - w_lo).days > 200:
        return None
    anchor = w_hi
    if forward and mention.month is not None and mention.day is not None:
        for y in (w_lo.year, w_lo.year + 1):
            try:
                lo, hi, p = _range(y, mention.month, mention.day, mention.day2)
            except ValueError:
                continue
            if hi >= w_lo:
                return _time_ref(lo, hi, p, mention.text, "relative")
        return None
    if mention.month is not None and mention.day is not None:
        for y in (anchor.year, anchor.year - 1):
            try:
                lo, hi, p = _range(y, mention.month, mention.day, mention.day2)
            except ValueError:
                continue
            if lo <= anchor:
                return _time_ref(lo, hi, p, mention.text, "relative")
        return None
    if mention.month is not None:
        y = anchor.year if mention.month <= anchor.month and mention.rel != "next" else anchor.year - 1
        if mention.rel == "next":
            y = anchor.year if mention.month > anchor.month else anchor.year + 1
        lo, hi, p = _range(y, mention.month)
        return _time_ref(lo, hi, p, mention.text, "relative")
    if mention.weekday is not None:
        if mention.rel == "next":
            return None
        # the latest such weekday on or before the window's end, within the week before it
        lo_day = w_lo - dt.timedelta(days=7)
        back = (w_hi.weekday() - mention.weekday) % 7
        day = w_hi - dt.timedelta(days=back or (7 if mention.rel == "last" else 0))
        lo = min(day, lo_day + dt.timedelta(days=(mention.weekday - lo_day.weekday()) % 7))
        return _time_ref(lo, day, Precision.day if lo == day else Precision.month, mention.text, "relative")
    if mention.unit:
        if mention.rel == "last" or mention.rel == "past":
            if mention.unit == "month":
                first = anchor.replace(day=1) - dt.timedelta(days=1)
                lo, hi, p = _range(first.year, first.month)
            elif mention.unit == "year":
                lo, hi, p = _range(anchor.year - 1)
            else:
                lo, hi, p = anchor - dt.timedelta(days=14), anchor, Precision.day
            return _time_ref(lo, hi, p, mention.text, "relative")
        if mention.rel == "this":
            if mention.unit == "year":
                lo, hi, p = _range(anchor.year)
            elif mention.unit == "month":
                lo, hi, p = _range(anchor.year, anchor.month)
            else:
                lo, hi, p = anchor - dt.timedelta(days=7), anchor + dt.timedelta(days=7), Precision.day
            return _time_ref(lo, hi, p, mention.text, "relative")
    return None
