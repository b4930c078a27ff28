"""Numbers as news writes them: digits with separators, scales (2.5 million), number words, currencies."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from operator import itemgetter

from ..models import Approximation
from ..text import automaton

# number words and their values (also read by the publication window: "ten days after ...")
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "one hundred": 100, "a dozen": 12,
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "m": 1e6, "bn": 1e9, "k": 1e3, "dozen": 12}
_CURRENCY = {"€": "EUR", "$": "USD", "£": "GBP", "us$": "USD", "usd": "USD", "eur": "EUR", "euros": "EUR", "euro": "EUR",
             "dollars": "USD", "dinars": "LYD", "lyd": "LYD", "pounds": "GBP"}

_WORD_ALTS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
# Two scans: figures in digits (a currency before, a scale after), and number words, the second only
# where the text has one (the word alternation is the slow part of a scan).
# The figure pattern starts on a digit (a fast scan); a currency sign before it is looked up behind.
# Its one leading `\d` outside the alternation ("1,234" or "1234") lets the regex engine skip to digits.
NUMBER = re.compile(
    r"(?P<num>\d(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?))"
    r"(?:\s?(?P<scale>thousand|million|billion|bn|m|k)\b)?"
)
_CURRENCY_BEFORE = re.compile(r"(?:[\u20ac$\u00a3]|US\$|USD\s|EUR\s)$")
NUMBER_WORD = re.compile(r"\b(?P<word>" + _WORD_ALTS + r")\b(?:\s(?P<wscale>thousand|million|billion|dozen)\b)?", re.I)
_WORD_SET = {w for phrase in NUMBER_WORDS for w in phrase.split()}

_APPROX_PHRASES = [
    (("about", "around", "approximately", "roughly", "some", "nearly", "almost", "close to", "an estimated", "estimated",
      "circa", "~"), Approximation.about),
    (("more than", "over", "above", "in excess of", "just over", "upwards of"), Approximation.more_than),
    (("at least", "no fewer than", "no less than"), Approximation.at_least),
    (("less than", "fewer than", "under", "below", "just under"), Approximation.less_than),
    (("up to", "as many as"), Approximation.up_to),
]
_APPROX = [(re.compile(rf"\b(?:{'|'.join(phrases)})\s*$", re.I), a) for phrases, a in _APPROX_PHRASES]
_APPROX_ENDINGS = tuple(phrase for phrases, _ in _APPROX_PHRASES for phrase in phrases)


_NOT_COUNT_AFTER = re.compile(r"\s*(?:%|percent|per cent|st\b|nd\b|rd\b|th\b|[-/]\d|:\d)", re.I)
_NOT_COUNT_BEFORE = re.compile(r"(?:\d[-/:]|[A-Za-z])$")
_MONTH_AFTER = re.compile(r"\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_CURRENCY_AFTER = re.compile(r"\s*(euros?|dollars|dinars|LYD|pounds)\b", re.I)


_RANGE = re.compile(r"\s*(?:to|-|\u2013|and)\s*$")


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: float
    currency: str | None
    approximation: Approximation
    upper: float | None = None


def find_numbers(text: str, start: int, end: int) -> list[Number]:
    """Numbers in `text[start:end]` with their approximation words; years and dates are left out."""
    figures = list(NUMBER.finditer(text, start, end))
    words = list(NUMBER_WORD.finditer(text, start, end)) if _has_word_token(text, start, end) else []
    return _numbers(text, start, end, figures, words)


def _has_word_token(text: str, start: int, end: int) -> bool:
    """Whether a word of the number words stands alone between spaces in `text[start:end]`: only then are
    number words read ("a" counts, "two," alone does not)."""
    return not _WORD_SET.isdisjoint(text[start:end].lower().split())


# Every number word and number phrase ("a dozen") in lower-cased text, even inside another word ("ten" in
# "often"), overlapping ones included ("seven" in "seventeen"): one pass of an automaton over a document
# costs a fraction of a regex scan of its sentences, which tries every position (`text.automaton`: a DFA for a
# few dozen short words, whose table stays in the processor's caches).
_WORD_FINDER_WORDS = sorted((_WORD_SET - {"a"}) | set(NUMBER_WORDS))
_WORD_FINDER = automaton(_WORD_FINDER_WORDS)
# Characters that match an ASCII letter case-insensitively but do not lower-case to it (dotless i, long s),
# and the dotted capital I: a text with one is read with `NUMBER_WORD` alone.
_CASE_TWINS = ("\u0130", "\u0131", "\u017f")


def has_case_twins(text: str) -> bool:
    """Whether a case-insensitive pattern of ASCII words may match in `text` where a case-sensitive one of
    the same words finds nothing in its lower-cased form."""
    return any(c in text for c in _CASE_TWINS)


# number words standing alone that make a sentence worth reading for numbers ("a" alone does not)
_SENTENCE_WORDS = frozenset(_WORD_SET - {"a"})
_SENTENCE_WORD_INDEXES = frozenset(i for i, w in enumerate(_WORD_FINDER_WORDS) if w in _SENTENCE_WORDS)


class DocumentNumbers:
    """The numbers of one document, sentence by sentence, read where the document's digit runs say a
    sentence has a digit, or where one pass of an automaton over the lower-cased document found a number
    word standing alone; number words are then tried only where that pass found one (`NUMBER_WORD`, a
    case-insensitive scan, costs several times more)."""

    def __init__(self, text: str, low: str, digit_runs: list[tuple[int, int]]):
        """`low` is the text lower-cased with its offsets unchanged (`claimcheck.text.lower`); `digit_runs`
        are the spans of the longest runs of decimal digits (`\\d`) in the part of the text that holds the
        sentences read (`dates.find_anchors`, scanned once for the dates too)."""
        self.text = text
        self.low = low
        self.case_twins = has_case_twins(text)
        self.digit_runs = digit_runs
        self.run_starts = [a for a, _ in digit_runs]
        self.run_ends = [b for _, b in digit_runs]
        found = sorted(_WORD_FINDER.find_matches_as_indexes(low, overlapping=True), key=itemgetter(1))
        self.word_starts = [a for _, a, _ in found]  # where a number word starts, in order
        self.sentence_words = [(a, b) for i, a, b in found if i in _SENTENCE_WORD_INDEXES]
        self.sentence_word_starts = [a for a, _ in self.sentence_words]

    def sentences_to_read(self, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The sentences of `sents` (in text order, none overlapping) that `in_sentence` may find a number in:
        those a digit run overlaps or a number word standing alone starts in. Most sentences have neither,
        and one look-up per run and per word of the document costs less than testing every sentence."""
        starts = [s for s, _ in sents]
        picked = set()
        for a, b in self.digit_runs:
            i = bisect.bisect_right(starts, a) - 1
            if i < 0 or sents[i][1] <= a:
                i += 1  # the first sentence that ends after the run starts
            while i < len(sents) and sents[i][0] < b:
                picked.add(i)
                i += 1
        for a, _ in self.sentence_words:
            i = bisect.bisect_right(starts, a) - 1
            if i >= 0 and a < sents[i][1]:
                picked.add(i)
        return [sents[i] for i in sorted(picked)]

    def _first_digit(self, start: int, end: int) -> int | None:
        """Where the first digit of `text[start:end]` is, if it has one."""
        i = bisect.bisect_right(self.run_ends, start)  # the first run that ends after `start`
        if i < len(self.run_starts) and self.run_starts[i] < end:
            return max(start, self.run_starts[i])
        return None

    def in_sentence(self, start: int, end: int) -> list[Number]:
        """`find_numbers(text, start, end)` if the sentence holds a digit or a number word standing alone
        between spaces ("two", not "two,"), else nothing."""
        # a figure starts on a digit, and most sentences have none
        first = self._first_digit(start, end)
        if first is None and not self._has_word_token(start, end):
            return []
        figures = [] if first is None else list(NUMBER.finditer(self.text, first, end))
        candidates = None if self.case_twins else self._word_starts_in(start, end)
        if candidates == []:
            # no number word, so no token of one and nothing for `NUMBER_WORD` to find
            return _numbers(self.text, start, end, figures, []) if figures else []
        tokens = self.text[start:end].lower().split()
        if not figures and _SENTENCE_WORDS.isdisjoint(tokens):
            return []
        words = [] if _WORD_SET.isdisjoint(tokens) else self._number_words(start, end, candidates)
        return _numbers(self.text, start, end, figures, words)

    def _has_word_token(self, start: int, end: int) -> bool:
        """Whether a word of the sentence, split at white space, is one of `_SENTENCE_WORDS`: one the automaton
        found with white space or an end of the sentence on either side. (Read in `low`, whose words are
        those of the lower-cased sentence but where a character lower-cases to two, "İ", which no number
        word has.)"""
        low = self.low
        i = bisect.bisect_left(self.sentence_word_starts, start)
        j = bisect.bisect_left(self.sentence_word_starts, end, i)
        for a, b in self.sentence_words[i:j]:
            if b <= end and (a == start or low[a - 1].isspace()) and (b == end or low[b].isspace()):
                return True
        return False

    def _word_starts_in(self, start: int, end: int) -> list[int]:
        """Where the number words the automaton found in the sentence start."""
        i = bisect.bisect_left(self.word_starts, start)
        return self.word_starts[i:bisect.bisect_left(self.word_starts, end, i)]

    def _number_words(self, start: int, end: int, candidates: list[int] | None) -> list[re.Match]:
        """`NUMBER_WORD.finditer(text, start, end)`, tried only at the `candidates`: where the automaton
        found a number word in the lower-cased sentence (None in a text with case twins).

        A match starts on a word boundary, so never inside another word: every match starts at a candidate
        (there may be more candidates, "ten" in "often"), and trying those in order, each after the end of
        the last match, finds what `finditer` finds."""
        if candidates is None:
            return list(NUMBER_WORD.finditer(self.text, start, end))
        out = []
        last = start
        for candidate in candidates:
            if candidate >= last:
                m = NUMBER_WORD.match(self.text, candidate, end)
                if m is not None:
                    out.append(m)
                    last = m.end()
        return out


def _numbers(text: str, start: int, end: int, figures: list[re.Match], words: list[re.Match]) -> list[Number]:
    """The numbers of `text[start:end]` from its figure and number word matches."""
    out: list[Number] = []
    matches = figures
    if words:
        matches = sorted(figures + words, key=lambda m: m.start())
    for m in matches:
        if m.re is NUMBER_WORD:
            word = NUMBER_WORDS.get(m.group("word").lower())
            if word is None:
                continue  # "fİve": matched without regard to case, but its lower case is no number word
            m_start, cur = m.start(), None
            value = float(word) * _SCALES.get((m.group("wscale") or "").lower(), 1)
        else:
            figure = _figure(text, start, m)
            if figure is None:
                continue
            m_start, value, cur = figure
        m_end = m.end()
        currency = _CURRENCY.get(cur.strip().lower()) if cur else None
        if currency is None:
            after = _CURRENCY_AFTER.match(text, m_end, m_end + 10)
            currency = _CURRENCY.get(after.group(1).lower()) if after else None
        approx = _approximation(text[max(start, m_start - 25):m_start])
        prev = out[-1] if out else None
        if prev is not None and prev.upper is None and _RANGE.fullmatch(text, prev.end, m_start) and value > prev.value:
            # "700,000 to one million", "between 2,000 and 3,000": one figure with a range
            out[-1] = Number(prev.start, m_end, prev.value, prev.currency or currency, prev.approximation, value)
            continue
        out.append(Number(m_start, m_end, value, currency, approx))
    return out


def _approximation(before: str) -> Approximation:
    """How the words just before a figure qualify it ("about", "more than"), from `before`, the text that
    leads up to it."""
    tail = before.rstrip()
    # Most figures have no approximation word before them, and an ASCII text (where `re.I` matches a
    # letter only as itself or its ASCII case twin) shows it by its ending: one test instead of the regexes.
    if tail.isascii() and not tail.lower().endswith(_APPROX_ENDINGS):
        return Approximation.exact
    return next((a for rx, a in _APPROX if rx.search(before)), Approximation.exact)


def _figure(text: str, start: int, m: re.Match) -> tuple[int, float, str | None] | None:
    """Where a figure in digits starts with its currency sign, its value and the sign; None for a year, a
    percentage, an ordinal or part of a date or time."""
    m_start, cur = m.start(), None
    c = _CURRENCY_BEFORE.search(text, max(start, m_start - 4), m_start)
    if c is not None:
        m_start, cur = c.start(), c.group()
    written, scale = m.group("num", "scale")
    raw = written.replace(",", "")
    value = float(raw) * _SCALES.get((scale or "").lower(), 1)
    if not scale and not cur and "," not in written and _YEAR.fullmatch(raw):
        return None  # a year ("2,000" with its separator is a count)
    nxt = text[m.end():m.end() + 12]
    # `_NOT_COUNT_BEFORE` ends the text before the figure, so it starts at most three characters back
    if (_NOT_COUNT_AFTER.match(nxt) or _NOT_COUNT_BEFORE.search(text, max(start, m_start - 3), m_start)
            or _MONTH_AFTER.match(nxt)):
        return None
    return m_start, value, cur
