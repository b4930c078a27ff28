"""Text utilities that keep offsets exact: folding for matching, sentences, line and column."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable

import ahocorasick_rs

_PUNCT = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "}


def _fold_char(c: str) -> str:
    if c in _PUNCT:
        return _PUNCT[c]
    base = unicodedata.normalize("NFD", c)[0].lower()
    return base if len(base) == 1 else c


# One translation table for the Latin, Greek and Cyrillic blocks and common punctuation: str.translate runs
# in C, so folding costs about as much as a copy. Characters outside the table are kept as they are.
_TABLE = {i: _fold_char(chr(i)) for i in range(0x80, 0x0530)}
_TABLE.update({i: c.lower() for i, c in ((i, chr(i)) for i in range(0x41, 0x5B))})
_TABLE.update({ord(k): v for k, v in _PUNCT.items()})
_TABLE = {k: v for k, v in _TABLE.items() if v != chr(k)}


def fold(text: str) -> str:
    """Lower-case, strip diacritics and unify quotes and dashes, keeping one character per character.

    Offsets into the folded text are offsets into the original, so matches map back exactly.
    """
    if text.isascii():
        return text.lower()
    return text.translate(_TABLE)


def lower(text: str) -> str:
    """Lower-case with one character per character (offsets stay valid), for case-insensitive scans
    without `re.I`, which costs several times a plain scan."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower()[0] for c in text)  # "İ" lowers to two characters


def fold_name(text: str) -> str:
    """Fold a name for comparison: folded, hyphens and dots as spaces, whitespace collapsed."""
    return " ".join(re.sub(r"[-.'\u2019]", " ", fold(text)).split())


class LineIndex:
    """Maps offsets to 1-based line and column."""

    def __init__(self, text: str):
        self._starts = [0]
        i = text.find("\n")
        while i >= 0:
            self._starts.append(i + 1)
            i = text.find("\n", i + 1)

    def locate(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1


_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Capt|Maj|Sgt|St|Prof|Rep|Sen|Gov|Amb|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|e\.g|i\.e)|\b[A-Z])\.$")
# A sentence ends after ".", "!" or "?" (and closing quotes) before white space and a capital, a digit or
# Arabic, or at a line break. The match opens with the punctuation or the line break itself: a pattern that
# opens with one character class lets the regex engine skip ahead to the few places where it can match.
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=\n)\s*|[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9\u0600-\u06ff]))")


def strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    """The span without its leading and trailing white space."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split `text[start:end]` into sentence spans (absolute offsets), never across a blank line."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cur = start
    # a boundary right at `start` opens with the punctuation just before it
    first = start - 1 if text[start - 1:start] in (".", "!", "?") else start
    for m in _BOUNDARY.finditer(text, first, end):
        at = m.start()
        if text[at] == "\n":
            boundary = at
            while boundary > cur and text[boundary - 1].isspace():
                boundary -= 1
        else:
            boundary = at + 1  # after the punctuation
            gap = text[boundary:m.end()]
            if gap.isspace() and "\n" not in gap and _ABBREV.search(text, max(cur, boundary - 6), boundary):
                continue  # "Mr. Sarraj", "Lt. Gen.": an abbreviation, not the end of a sentence
        # no white space to strip after the punctuation, nor at the start of a sentence after a boundary,
        # which takes in all the white space that follows it
        spans.append((cur, boundary))
        cur = m.end()
    spans.append(strip_span(text, cur, end))
    spans[0] = strip_span(text, *spans[0])  # only the first sentence can open with white space
    return [(s, e) for s, e in spans if e > s]


# A DFA searches in about two thirds of the time of a contiguous NFA (one table look-up per character, no
# failure transitions to follow) but builds slower and takes about ten times the memory: worth it for the
# hundreds of keys of the cue words and event keywords (0.6 MB), not for the gazetteer's thousands of names
# (20 MB, a 30 ms build, no faster search: its tables no longer fit the processor's caches).
_DFA_KEYS = 1000


def automaton(keys: Iterable[str]) -> ahocorasick_rs.AhoCorasick:
    """An Aho-Corasick automaton of `keys` (ahocorasick_rs): `find_matches_as_indexes(text, overlapping=True)`
    finds every occurrence, overlapping ones included, as (index of the key, start, end), in the order of
    their end and the longest first where several end together, whichever the implementation. A DFA for
    fewer than `_DFA_KEYS` keys; otherwise a contiguous NFA: its compact layout keeps more of the automaton
    in the processor's caches than a trie, whose cache misses dominated the search."""
    keys = list(keys)
    implementation = ahocorasick_rs.Implementation.DFA if len(keys) < _DFA_KEYS else \
        ahocorasick_rs.Implementation.ContiguousNFA
    return ahocorasick_rs.AhoCorasick(keys, implementation=implementation)


def matches_at(rx: re.Pattern[str], text: str, starts, start: int = 0, end: int | None = None):
    """The matches of `rx.finditer(text, start, end)`, given every position one may start at, in order: a
    pattern tried only where a cheap scan (str.find, an automaton) says it can start, instead of a regex
    scan that tries every position."""
    pos = start
    end = len(text) if end is None else end
    for i in starts:
        if i >= pos:
            m = rx.match(text, i, end)
            if m is not None:
                yield m
                pos = m.end()
