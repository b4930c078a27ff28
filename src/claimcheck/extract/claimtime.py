"""When a claim holds, when its sentence says so: the date that governs the claim's clause, if any.

"In 2019, Interior Minister Fathi Bashagha ..." and "then-minister X ... in 2017" date the claim; a year
that modifies another noun ("the 2017 Memorandum", "the ceasefire of October 2020") or sits in another
clause does not, and the claim then holds at publication. In a timeline, the date that opens an entry's line
("June 2018 - ... New interior minister Matteo Salvini closes ports") dates every claim of the entry.
"""

from __future__ import annotations

import bisect
import re

from ..dates import DateMention, dates_in
from ..models import Claim, ClaimKind
from .base import tense

_LEADING = re.compile(r"\s*(?:(?:[Ii]n|[Oo]n|[Dd]uring|[Bb]y|[Aa]s of|[Bb]ack in|[Ee]arly in|[Ll]ate in|[Aa]t the end of)\s+)?$")
# "In 2016 alone, ...", "Last year some 119,000 people ..."
_AFTER_LEADING = re.compile(r"(?:\s+alone)?\s*(?:,|\s+(?:(?:the|an?|then)\b|[A-Z]|(?:some|about|around|nearly|almost|roughly|over|more than|at least|an estimated)\s+\d|\d))")
_OF_BEFORE = re.compile(r"\b(?:of|for|from|until|since|by)\s+(?:the\s+)?$", re.I)
# the period a figure's count covers: "in its round of January-February 2018" (a month range's first month
# before the date read, which is its last), "in the course of 2016", "over the whole of 2019" (a year mention
# may hold its "of")
_COUNTED = re.compile(r"(?:\b(?:round|survey|count|census|assessment|tally|report|period)\s+(?:of|for|from)\s+(?:the\s+)?"
                      r"(?:(?-i:[A-Z][a-z]+)\s*[-\u2013]\s*)?"
                      r"|\b(?:in|over|during|throughout) the (?:course|whole)(?:\s+of)?\s+)$", re.I)
_MODIFIER_AFTER = re.compile(r"\s+(?:[A-Z][a-z]+|agreement|memorandum|deal|elections?|conference|ceasefire|accord|roadmap|offensive)\b")
_BETWEEN_FIGURE_AND_YEAR = re.compile(r"[,;:()\d]|\b(?:than|compared|against|versus|from|since|figure|total|number|up|down)\b")
# every form of date mention that states a year writes it as four digits like these
_YEAR_DIGITS = re.compile(r"[12][09]\d\d")


def _has_year(text: str) -> bool:
    """Whether `text` holds four digits like a year's. A regex search tries every character in turn; most texts
    hold neither of the digits every year holds second (a "0" or a "9"), found far faster."""
    return ("0" in text or "9" in text) and _YEAR_DIGITS.search(text) is not None


# a place between the claim and its date: "received by President Nicolas Sarkozy in Paris on 10 March 2011"
_PLACE_THEN = re.compile(r"\s+(?:in|at)\s+[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?\s+(?:on|in)\s+")
_WHEN_AFTER = re.compile(r",?\s+when\b")  # "in 2022, when forces loyal to prime minister X ...": the clause the date opens
_CLAUSE = re.compile(r"[;:]|,\s+(?:while|whereas|but|although|though|as|when|after|before|which|who)\b|\s[-\u2013\u2014]\s")
# the kinds of claim a date in their sentence can govern; the others hold at publication (or are dates)
DATED_KINDS = frozenset({ClaimKind.office_holding, ClaimKind.leadership, ClaimKind.quantity})


def own_dates(claims: list[Claim], text: str) -> dict[int, DateMention]:
    """The date that governs each claim that has one (the others hold at publication): one in its sentence,
    else, in a timeline, the date of its entry (`text`: the document's). Keyed by the claim's identity: the
    publication window and each claim's time both need it, and hashing a claim would compare it field by field."""
    found = {}
    dates_of: dict[str, list[DateMention]] = {}  # the claims of a sentence share its dates
    entries = timeline_entries(text)
    starts = [start for start, _, _ in entries]
    for c in claims:
        if c.kind in DATED_KINDS:
            dates = dates_of.get(c.sentence)
            if dates is None:
                dates = dates_of[c.sentence] = _dates_with_year(c.sentence)
            m = _governing(c, dates) if dates else None
            if m is None and entries:
                i = bisect.bisect_right(starts, c.provenance.start) - 1
                if i >= 0 and c.provenance.start < entries[i][1]:
                    m = entries[i][2]
            if m is not None:
                found[id(c)] = m
    return found


# a line opening with a few words and a dash or colon ("June 2018 - ", "Summer 2017: ", "- **11 March** — "): a
# timeline entry when the words are a date; list markers and emphasis around them are skipped
_ENTRY = re.compile(r"[ \t]*(?:[-*\u2022]\s+)?[*_]*(\w.{0,28}?)[*_]*\s*[-\u2013\u2014:]\s")
_ENTRY_HEAD = 48  # characters of a line an entry's date and dash lie within
# a line that is only a year ("**2014**", "## 2014"): the year of the entries below that give none
_YEAR_HEADING = re.compile(r"[ \t]*(?:#+\s*)?[*_]*((?:19|20)\d\d)[*_]*[ \t]*:?[ \t]*$")


def timeline_entries(text: str) -> list[tuple[int, int, DateMention]]:
    """The entries of a timeline, as (start, end, date) of their lines, in text order: the lines that open with
    a date stating a year, or a day and month under a line that is a year alone, when two or more do (one such
    line is a dateline or a heading, not a timeline). Line by line: a pattern anchored at line starts would
    still be tried at every character of the text."""
    entries = []
    start = 0
    year = None  # the year heading the lines below, if any
    for line in text.split("\n"):
        end = start + len(line)
        line = line.rstrip("\r")  # a text with Windows line ends
        if len(line) <= 16 and (heading := _YEAR_HEADING.match(line)):
            year = int(heading.group(1))
        elif (year is not None or _has_year(line[:_ENTRY_HEAD])) and (m := _ENTRY.match(line, 0, _ENTRY_HEAD)):
            head = m.group(1)
            dates = dates_in(head)
            if dates and dates[0].start == 0 and dates[0].end == len(head):
                date = dates[0]
                if date.year is None and year is not None and date.month is not None:
                    date = date._replace(year=year)
                if date.year is not None:
                    entries.append((start, end, date))
        start = end + 1
    return entries if len(entries) >= 2 else []


def stated_date(claim: Claim, stated: dict[int, DateMention] | None) -> DateMention | None:
    """The date a date claim states: the mention extraction found for it (`stated`, by claim identity), else
    the first date of its quote read alone (`dates_in`), which is that same mention but for its offsets."""
    m = stated.get(id(claim)) if stated else None
    # reading every quote's date again cost a fifth of placing claims in time. A quote ending in a month's
    # abbreviating dot is the one exception to the rule above: read alone, it loses the dot ("29 Dec.until"
    # has a word boundary after the dot, "29 Dec." does not), so it is read again
    if m is not None and m.text == claim.provenance.quote and not m.text.endswith("."):
        return m
    dates = dates_in(claim.provenance.quote)
    return dates[0] if dates else None


def _dates_with_year(sentence: str) -> list[DateMention]:
    """The dates that can govern the claims of a sentence: those stating a year, and "last year" (a calendar year,
    read against the publication window when claims are given their time; not "this year", whose counts are
    of a year not over); none when the sentence speaks of the future."""
    if not _has_year(sentence) and not ("year" in sentence and _LAST_YEAR.search(sentence)):
        return []  # most sentences state no year: skip reading their tense and dates
    if tense(sentence) == "future":
        return []
    return [m for m in dates_in(sentence) if m.year is not None or (m.form == "rel_unit" and m.unit == "year" and m.rel == "last")]


_LAST_YEAR = re.compile(r"\b[Ll]ast year\b")


def _governing(claim: Claim, dates: list[DateMention]) -> DateMention | None:
    """Which of `dates`, the dates of the claim's sentence that can govern it (`_dates_with_year`), governs the
    claim, if any."""
    sentence = claim.sentence
    offset = claim.provenance.start - _sentence_start(claim)
    claim_end = offset + len(claim.provenance.quote)
    for m in dates:
        if m.prefix in ("since", "by", "until", "before", "from", "after"):
            continue
        # a time adverbial opening the sentence: "In 2019, ..." / "On 3 May 2020 the minister ..."
        if _LEADING.fullmatch(sentence, 0, m.start) and _AFTER_LEADING.match(sentence, m.end):
            return m
        if m.start < m.end <= len(sentence) and _MODIFIER_AFTER.match(sentence, m.end) and m.form == "year":
            continue  # "the 2017 Memorandum": the year names another thing
        # a figure's own count dated by its period: "counted 400,000 migrants in its round of January-February 2018"
        counted = claim.kind is ClaimKind.quantity and _COUNTED.search(sentence, max(0, m.start - 40), m.start) is not None
        if not counted and _OF_BEFORE.search(sentence, max(0, m.start - 12), m.start):
            continue  # "the ceasefire of October 2020"
        when = _WHEN_AFTER.match(sentence, m.end)
        if when and when.end() <= offset and not _CLAUSE.search(sentence, when.end(), offset):
            return m
        # in the claim's own clause, for a "then-" title or right after the claim: "minister in 2019"
        lo, hi = sorted((offset, m.start))
        if _CLAUSE.search(sentence, lo, hi):
            continue
        gap = m.start - claim_end
        if claim.qualifiers.role == "then" or 0 <= gap <= 12 or (0 <= gap <= 40 and _PLACE_THEN.fullmatch(sentence, claim_end, m.start)):
            return m
        # a figure's own clause ending on its year: "62,425 migrants were intercepted and returned to Libya
        # during 2021", "... reached Italy by sea last year" (not "... more than twice the figure for 2020", nor
        # across a comma)
        if (claim.kind is ClaimKind.quantity and (m.prefix in ("in", "during") or counted or m.form == "rel_unit") and 0 <= gap <= 100
                and not _BETWEEN_FIGURE_AND_YEAR.search(sentence, claim_end, m.start)):
            return m
    return None


def _sentence_start(claim: Claim) -> int:
    """Offset of the claim's sentence in the document (its quote lies inside the sentence)."""
    idx = claim.sentence.find(claim.provenance.quote)
    return claim.provenance.start - max(idx, 0)
