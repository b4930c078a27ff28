"""Quantity claims: a number, what it counts, where and when ("about 700,000 illegal migrants" in Libya)."""

from __future__ import annotations

import re
from functools import cached_property
from typing import NamedTuple

from ..models import ClaimKind, EntityType, Mention, Qualifiers
from ..text import fold
from .base import make_claim, publication_time
from .context import Context
from .events import document_anchors
from .numbers import DocumentNumbers, Number

# a comma only inside a list of nouns ("women, men and children"), not before another clause ("people, the UN said")
_NOUN_PHRASE = re.compile(r"\s*(?:(?:of|more|additional|other|new)\s+)?((?:[A-Za-z\u2019'-]+(?:,(?=[ \t]+[A-Za-z\u2019'-]+(?:,|[ \t]+(?:and|or)\b)))?[ \t]+){0,3}[A-Za-z\u2019'-]+)")
# generic counted things for casualty figures (events)
_CASUALTY = {
    "killed": re.compile(r"\b(?:kill(?:ed|ing)|dead|deaths?|died|lives|fatalit(?:y|ies)|bodies|drown(?:ed|ing)?|perished)\b", re.I),
    "injured": re.compile(r"\b(?:injur(?:ed|ing|ies|y)|wound(?:ed|ing)|hurt)\b", re.I),
}
# A part of every word `_CASUALTY` finds, in lower case: a stretch whose lower-cased text has none has no
# casualty word (in a text without case twins, see `numbers.has_case_twins`)
_CASUALTY_STEMS = re.compile(r"kill|dea|died|lives|fatalit|bodies|drown|perished|injur|wound|hurt")
# how far after and before a number its casualty word is looked for (in characters)
_CASUALTY_AFTER = 30
_CASUALTY_BEFORE = 20


_NUMBER_OF = re.compile(
    r"\b(?:number|total|count|population|tally) of ((?:[A-Za-z'-]+\s+){0,2}[A-Za-z'-]+)[^.;:]{0,80}?"
    r"\b(?:stands?|stood|rose|risen|fell|fallen|reached|totall?ed|is|was|were|are|has|had|at|to|of)\b[^.;:\d]{0,30}$",
    re.I,
)


def _number_of(text: str, low: str, start: int, end: int) -> re.Match | None:
    """`_NUMBER_OF.search(text, start, end)`, tried only where the lower-cased text has the " of " every
    match holds (`re.I` matches "o" and "f" only as o, O, f and F, so the test is exact)."""
    if low.find(" of ", start, end) < 0:
        return None
    return _NUMBER_OF.search(text, start, end)


_AND_OR_COMMA = re.compile(r",|\band\b")
_CLAUSE_BREAK = re.compile(
    r";|\s[-\u2013\u2014]\s|\.\s|,\s+(?:as|while|when|whereas|but|although|though|after|before|since|amid)\b"
    r"|,?\s+(?:(?:most|many|some|all|none|half|part|several)\s+of\s+)?(?:whom|which|who)\b"
    # a remark on the count in apposition: "98,000 people reached Italy, the great majority of them from Libya"
    r"|,\s+(?:the\s+)?(?:great\s+|vast\s+|overwhelming\s+)?(?:majority|bulk|most|many|some|half|all)\s+of\s+them\b"
    # a second clause joined by "and", or a comparison in apposition: "..., an increase of 18 per cent on 2015"
    r"|,\s+and\b|,\s+(?:an?\s+(?:increase|decrease|rise|drop|fall|decline|jump)|up|down|compared)\b"
)


# an attribution opening the sentence is a clause of its own: "According to figures published this week by the
# IOM, nearly 19,000 ..." (the week is the publishing's, not the count's)
_ATTRIBUTION_LEAD = re.compile(r"\s*[Aa]ccording to\b[^,;.]{0,200},")


def _clause(text: str, s: int, e: int, start: int, end: int) -> str:
    """The clause of the sentence [s, e) that holds [start, end), at most 80 characters either side."""
    lo, hi = max(s, start - 80), min(e, end + 80)
    for m in _CLAUSE_BREAK.finditer(text, lo, start):
        lo = m.end()
    lead = _ATTRIBUTION_LEAD.match(text, s, start)
    if lead is not None and lead.end() > lo:
        lo = lead.end()
    after = _CLAUSE_BREAK.search(text, end, hi)
    if after:
        hi = after.start()
    return text[lo:hi]


class _Quantity(NamedTuple):
    """One quantity of the knowledge base with its patterns compiled."""

    id: str
    unit: str
    places: frozenset[str]
    cues: list[re.Pattern]
    excludes: list[re.Pattern]
    nouns: tuple[int, ...]  # indexes into `_Patterns.nouns`


class _Patterns(NamedTuple):
    """The quantities of a knowledge base in id order, their nouns compiled once for all of them."""

    quantities: list[_Quantity]
    nouns: list[tuple[str, re.Pattern]]  # each distinct folded noun, and it as whole words
    any_noun: re.Pattern  # one search for whether a folded phrase holds any of them

    def noun_ends(self, folded: str) -> dict[int, int]:
        """Where in the folded phrase each noun found in it ends, by noun index."""
        if not self.any_noun.search(folded):
            return {}
        # a noun that is not even part of the phrase needs no search for it as whole words
        return {i: m.end() for i, (noun, rx) in enumerate(self.nouns) if noun in folded for m in [rx.search(folded)] if m}


def _compile(kb) -> _Patterns:
    """Cue, exclusion and noun patterns of every quantity."""
    nouns: dict[str, int] = {}
    quantities = []
    for q in sorted(kb.quantities.values(), key=lambda q: q.id):
        indexes = tuple(nouns.setdefault(fold(n), len(nouns)) for n in q.nouns)
        quantities.append(_Quantity(q.id, q.unit, frozenset(q.places), _any_of(q.cues), _any_of(q.exclude), indexes))
    # an alternation finds a noun wherever one of its words would: one search rules most phrases out
    any_noun = re.compile(rf"\b(?:{'|'.join(re.escape(n) for n in nouns)})\b" if nouns else "(?!)")
    return _Patterns(quantities, [(n, re.compile(rf"\b{re.escape(n)}\b")) for n in nouns], any_noun)


def _any_of(patterns: tuple[str, ...]) -> list[re.Pattern]:
    """The patterns compiled case-insensitively, for a test whether any of them matches: those without groups
    joined in one alternation (one scan, not one per pattern), the others on their own (a back-reference
    counts groups; a pattern with global flags cannot be joined)."""
    compiled = [re.compile(p, re.I) for p in patterns]
    plain = [rx.pattern for rx in compiled if not rx.groups]
    if len(plain) < 2:
        return compiled
    try:
        joined = re.compile("|".join(f"(?:{p})" for p in plain), re.I)
    except re.error:
        return compiled
    return [joined, *(rx for rx in compiled if rx.groups)]


# the words between a quantity and the place its phrase names: "two dozen people in Greece", "80 migrants off the
# coast of Zuwara", "1,200 people across Libya"
_OWN_PLACE = re.compile(r"(?:\s+[a-z]+){0,3}?\s+(?:in|off|near|inside|across|at|from)\s+(?:the\s+(?:coast\s+of\s+)?)?")
OWN_PLACE_GAP = 40


def _places_in(ctx: Context, s: int, e: int) -> list:
    """The gazetteer hits of the sentence [s, e) that name a country or a place."""
    place_ids = ctx.kb.ids_of(EntityType.place, EntityType.country)
    return [h for h in ctx.hits_in(s, e) if not place_ids.isdisjoint(h.ids)]


class _Sentence:
    """What the quantities of a sentence are checked against, each part worked out once for all its numbers
    and only when one needs it."""

    def __init__(self, ctx: Context, s: int, e: int, case_twins: bool):
        self.ctx = ctx
        self.case_twins = case_twins
        self.text = ctx.doc.text
        self.s, self.e = s, e
        self._cued: dict[str, bool] = {}  # quantity id -> whether one of its cues is in the sentence

    @cached_property
    def places(self) -> list:
        """The countries and places the sentence names."""
        return _places_in(self.ctx, self.s, self.e)

    def may_name_casualty(self, num: Number) -> bool:
        """False where no casualty word can be in the stretch around the number that `_casualty` reads."""
        start, end = max(self.s, num.start - _CASUALTY_BEFORE), min(self.e, num.end + _CASUALTY_AFTER)
        return self.case_twins or _CASUALTY_STEMS.search(self.ctx.low, start, end) is not None

    @cached_property
    def place(self) -> Mention | None:
        """The first country or place the sentence names, the place of its quantities unless one names its own."""
        if not self.places:
            return None
        return self._mention(self.places[0])

    def place_of(self, end: int) -> Mention | None:
        """The place of a quantity whose words end at `end`: the one its own phrase names right after it
        ("killed two dozen people in Greece"), else the sentence's (`place`)."""
        for p in self.places:
            if end <= p.start <= end + OWN_PLACE_GAP and _OWN_PLACE.fullmatch(self.text, end, p.start):
                return self._mention(p)
        return self.place

    def _mention(self, p) -> Mention:
        return Mention.trusted(text=self.text[p.start:p.end], id=next(iter(sorted(p.ids))), start=p.start, end=p.end)

    def cued(self, q: _Quantity) -> bool:
        """Whether the sentence has one of the quantity's cues, or the quantity needs none."""
        if q.id not in self._cued:
            sentence = self.text[self.s:self.e]
            self._cued[q.id] = not q.cues or any(c.search(sentence) for c in q.cues)
        return self._cued[q.id]

    def placed(self, q: _Quantity) -> bool:
        """Whether the sentence names one of the quantity's places, or no place at all."""
        return not q.places or not self.places or any(not q.places.isdisjoint(h.ids) for h in self.places)


def _quantity_of(patterns: _Patterns, sent: _Sentence, noun_ends: dict[int, int], num: Number) -> tuple[_Quantity, int] | None:
    """The quantity the number counts, with where its noun ends in the phrase: the first (by id) whose cue is in
    the number's own clause, else the first cued elsewhere in the sentence ("the DTM identified 364,000 migrants
    in the country, and thousands of them are held in detention centres" counts the migrants in Libya)."""
    clause = None
    elsewhere = None
    for q in patterns.quantities:
        ends = [noun_ends[i] for i in q.nouns if i in noun_ends]
        # the cheap tests first: they all must hold, so their order does not change the quantity found
        if not ends or not sent.placed(q) or not sent.cued(q):
            continue
        # exclusions apply to the clause around the number, not to the next clause of the sentence
        if clause is None:
            clause = _clause(sent.text, sent.s, sent.e, num.start, num.end)
        if any(x.search(clause) for x in q.excludes):
            continue
        if not q.cues or any(c.search(clause) for c in q.cues):
            return q, max(ends)
        if elsewhere is None:
            elsewhere = q, max(ends)
    return elsewhere


def _casualty(text: str, s: int, e: int, num: Number) -> str | None:
    """The casualty word right after the number first ("130 injured"), else one just before it that is not
    across "and" or a comma ("killed and about 130 injured" is not 130 killed)."""
    after = _AND_OR_COMMA.split(text[num.end:min(e, num.end + _CASUALTY_AFTER)])[0]
    hits_after = [(m.start(), label) for label, rx in _CASUALTY.items() for m in [rx.search(after)] if m]
    if hits_after:
        return min(hits_after)[1]
    before = _AND_OR_COMMA.split(text[max(s, num.start - _CASUALTY_BEFORE):num.start])[-1]
    return next((label for label, rx in _CASUALTY.items() if rx.search(before)), None)


def extract_quantities(ctx: Context) -> list:
    """Claims of the figures of the document: a quantity of the knowledge base it counts, or casualties, or an
    amount of money."""
    text = ctx.doc.text
    claims = []
    patterns = ctx.kb.derived("quantity-patterns", _compile)
    numbers = DocumentNumbers(text, ctx.low, document_anchors(ctx).digit_runs)
    published = publication_time(ctx)
    for s, e in numbers.sentences_to_read(ctx.sents):
        found = numbers.in_sentence(s, e)
        if not found:
            continue
        sent = _Sentence(ctx, s, e, numbers.case_twins)
        for num in found:
            np = _NOUN_PHRASE.match(text, num.end, e)
            phrase = np.group(1) if np else ""
            noun_ends = patterns.noun_ends(fold(phrase))
            if not noun_ends:
                lead = _number_of(text, ctx.low, max(s, num.start - 120), num.start)
                if lead is not None:
                    np, phrase = lead, lead.group(1)  # "the number of migrants in Libya has fallen to 420,000"
                    noun_ends = patterns.noun_ends(fold(phrase))
            key = None
            noun_end = None
            casualty = None
            matched = _quantity_of(patterns, sent, noun_ends, num) if noun_ends else None
            if matched is not None:
                key, unit, noun_end = matched[0].id, matched[0].unit, np.start(1) + matched[1]  # type: ignore[union-attr]
            else:
                casualty = _casualty(text, s, e, num) if sent.may_name_casualty(num) else None
                if casualty is None and not num.currency:
                    continue
                unit = num.currency or "person"
            if noun_end is None and np and phrase:
                noun_end = np.start(1) + len(phrase.split()[0].rstrip(","))  # the phrase may list nouns: "women, men and children"
            start, end = num.start, max(num.end, noun_end or num.end)
            if noun_end is not None and noun_end <= num.start:
                start, end = np.start(1), num.end  # type: ignore[union-attr]
            claims.append(make_claim(
                ctx, ClaimKind.quantity, start, end,
                subject=Mention.trusted(text=(phrase if start < num.start else text[num.end:end].strip()) or text[num.start:num.end]), predicate=casualty or ("amount" if num.currency else "count"),
                value=num.value, upper=num.upper, quantity=key,
                qualifiers=Qualifiers.trusted(unit=unit, approximation=num.approximation, place=sent.place_of(end), time=published),
                confidence=0.85 if key else 0.6,
            ))
    return claims
