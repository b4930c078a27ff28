"""Definite descriptions ("the minister", "the UN envoy", "the premier") resolved, within one document, to
the person it last named with a title that has the same head noun.

Antecedents are title and name side by side, either way round ("Interior Minister Khaled Mazen",
"Ghassan Salame, the UN envoy"); modifiers in the description must fit the antecedent's title or the
words just before it ("the Italian minister"). A description followed by a name ("the minister Khaled Mazen") is an
apposition, not a reference back, and one followed by "of"/"for" ("the Minister of Interior") is a
title in its own right; neither is resolved here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import PERSON, SURNAME, TITLE, Hit

# head noun of a description -> words of a title that it can stand for
_HEADS = {
    "minister": ("minister",), "premier": ("premier", "prime minister"), "envoy": ("envoy", "representative"),
    "president": ("president",), "ambassador": ("ambassador",), "speaker": ("speaker",), "commander": ("commander",),
    "marshal": ("marshal",), "chairman": ("chairman", "head"), "commissioner": ("commissioner",),
}
# on lower-cased text; at most two modifiers between "the" and the head ("the Libyan interior minister").
# The word boundary is checked behind "the" rather than before it: a pattern that opens with a literal lets
# the regex engine jump from one "the" to the next instead of trying every position. Words and the white
# space after them are matched possessively (`++`): giving back a letter or a space could never lead to a
# match, and at each of the thousands of "the" in a document the engine would try it letter by letter.
_DESCRIPTION = re.compile(r"the(?<=\bthe)\s++((?:[a-z'\u2019-]++\s++){0,2}?)(" + "|".join(_HEADS) + r")\b(?!\s+(?:of|for|to|in)\b)")
_NAME_AFTER = re.compile(r"\s*,?\s+(?:[A-Z][a-z]+\.?\s+)?[A-Z]")
_TITLE_THEN_NAME = re.compile(r"[\s,]{0,3}(?:(?:Mr|Mrs|Ms|Dr|Gen|General|Marshal|Field Marshal)\.?\s+)?")
_NAME_THEN_TITLE = re.compile(r"\s*,\s*(?:the\s+)?(?:[A-Za-z'\u2019-]+\s+){0,3}$")


_NOT_MODIFIERS = {"same", "then", "current", "former", "new", "top", "senior"}


@dataclass(frozen=True)
class Description:
    """A definite description and the person it refers back to: `name` is how the antecedent was written."""

    start: int
    end: int
    person: str
    name: str


def antecedents(text: str, hits: list[Hit], person_of) -> list[tuple[int, str, str, str]]:
    """(position, title lower-cased with up to 30 characters before it, person id, name as written) for each
    title written beside a name ("Italian Interior Minister Matteo Piantedosi")."""
    out = []
    # one hit in ten is a title: the others are skipped by a comprehension rather than a turn of this loop
    for i in [i for i, h in enumerate(hits) if h.kind == TITLE]:
        h = hits[i]
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if nxt is not None and nxt.kind in (PERSON, SURNAME):
            gap = _TITLE_THEN_NAME.match(text, h.end)
            if gap and gap.end() == nxt.start and (person := person_of(nxt)):
                out.append((nxt.end, _title(text, h), person, text[nxt.start:nxt.end]))
                continue
        prev = hits[i - 1] if i > 0 else None
        if prev is not None and prev.kind in (PERSON, SURNAME) and (person := person_of(prev)) and \
                _NAME_THEN_TITLE.fullmatch(text, prev.end, h.start):
            out.append((h.end, _title(text, h), person, text[prev.start:prev.end]))
    return out


def _title(text: str, title: Hit) -> str:
    """The title lower-cased with up to 30 characters before it, where its modifiers are looked for."""
    return text[max(0, title.start - 30):title.end].lower()


def resolve_descriptions(text: str, low: str, hits: list[Hit], person_of, start: int = 0) -> list[Description]:
    """Each definite description after `start` with the person last named under a matching title."""
    # The antecedents first (a loop over the few titles): a description refers back to one, so a document
    # without one needs no scan for descriptions, and the others need none before the first one, where half
    # of a document's "the" are. The scan starts after the last full stop or comma before it: a description
    # holds neither, so none runs across that point, and from there the scan finds what it would find from
    # `start`.
    links = antecedents(text, hits, person_of)
    if not links:
        return []
    first = min(position for position, _, _, _ in links)
    scan_from = max(start, low.rfind(".", start, first) + 1, low.rfind(",", start, first) + 1)
    out = []
    for m in _DESCRIPTION.finditer(low, scan_from):
        if _NAME_AFTER.match(text, m.end()):
            continue  # "the minister, Khaled Mazen": an apposition the office extractor reads
        words = _HEADS[m.group(2)]
        # modifiers must fit too: "the Italian minister" is not the Libyan one named last
        modifiers = [_modifier(w) for w in m.group(1).split() if w not in _NOT_MODIFIERS]
        at = m.start()
        # the last antecedent that fits, looked for from the end
        for position, title, person, name in reversed(links):
            if position <= at and any(w in title for w in words) and \
                    all(modifier.search(title) for modifier in modifiers):
                out.append(Description(m.start(), m.end(), person, name))
                break
    return out


@lru_cache(maxsize=1024)
def _modifier(word: str) -> re.Pattern:
    """A modifier of a description, found at the start of a word of a title."""
    return re.compile(rf"\b{re.escape(word)}")
