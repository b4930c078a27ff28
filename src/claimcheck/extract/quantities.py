"""Quantity claims: a number, what it counts, where and when ("about 700,000 illegal migrants" in Libya)."""

from __future__ import annotations

import re

from ..models import ClaimKind, EntityType, Mention, Qualifiers
from ..text import fold
from .base import make_claim, publication_time
from .context import Context
from .numbers import find_numbers

_NOUN_PHRASE = re.compile(r"\s*(?:(?:of|more|additional|other|new)\s+)?((?:[A-Za-z\u2019'-]+[ \t]+){0,3}[A-Za-z\u2019'-]+)")
# generic counted things for casualty figures (events)
_CASUALTY = {
    "killed": re.compile(r"\b(?:kill(?:ed|ing)|dead|deaths?|died|lives|fatalit(?:y|ies)|bodies|drown(?:ed|ing)?|perished)\b", re.I),
    "injured": re.compile(r"\b(?:injur(?:ed|ing|ies|y)|wound(?:ed|ing)|hurt)\b", re.I),
}


_NUMBER_OF = re.compile(
    r"\b(?:number|total|count|population|tally) of ((?:[A-Za-z'-]+\s+){0,2}[A-Za-z'-]+)[^.;:]{0,80}?"
    r"\b(?:stands?|stood|rose|risen|fell|fallen|reached|totall?ed|is|was|were|are|has|had|at|to|of)\b[^.;:\d]{0,30}$",
    re.I,
)
_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
                 "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
                 "sixty", "seventy", "eighty", "ninety", "hundred", "dozen"}
_CLAUSE_BREAK = re.compile(
    r";|\s[-\u2013\u2014]\s|\.\s|,\s+(?:as|while|when|whereas|but|although|though|after|before|since|amid)\b"
    r"|,?\s+(?:(?:most|many|some|all|none|half|part|several)\s+of\s+)?(?:whom|which|who)\b"
)


def _clause(text: str, s: int, e: int, start: int, end: int) -> str:
    """The clause of the sentence [s, e) that holds [start, end), at most 80 characters either side."""
    lo, hi = max(s, start - 80), min(e, end + 80)
    for m in _CLAUSE_BREAK.finditer(text, lo, start):
        lo = m.end()
    m = _CLAUSE_BREAK.search(text, end, hi)
    if m:
        hi = m.start()
    return text[lo:hi]


def _compile(kb) -> dict:
    """Cue, exclusion and noun patterns of every quantity."""
    return {
        q.id: ([re.compile(c, re.I) for c in q.cues], [re.compile(x, re.I) for x in q.exclude],
               [re.compile(rf"\b{re.escape(fold(n))}\b") for n in q.nouns])
        for q in kb.quantities.values()
    }


def extract_quantities(ctx: Context) -> list:
    text = ctx.doc.text
    kb = ctx.kb
    claims = []
    quantities = sorted(kb.quantities.values(), key=lambda q: q.id)
    compiled = kb.derived("quantity-patterns", _compile)
    for s, e in ctx.sents:
        sentence = text[s:e]
        if not _DIGIT.search(sentence) and not _NUMBER_WORDS.intersection(sentence.lower().split()):
            continue
        places = [h for h in ctx.hits_in(s, e) if any(kb.entities[i].type in (EntityType.country, EntityType.place) for i in h.ids if i in kb.entities)]
        for num in find_numbers(text, s, e):
            np = _NOUN_PHRASE.match(text, num.end, e)
            phrase = np.group(1) if np else ""
            if not any(n.search(fold(phrase)) for q in quantities for n in compiled[q.id][2]):
                lead = _NUMBER_OF.search(text, max(s, num.start - 120), num.start)
                if lead is not None:
                    np, phrase = lead, lead.group(1)  # "the number of migrants in Libya has fallen to 420,000"
            key = None
            noun_end = None
            for q in quantities:
                cues, excludes, nouns = compiled[q.id]
                folded = fold(phrase)
                hits = [m for n in nouns for m in [n.search(folded)] if m]
                if not hits:
                    continue
                if cues and not any(c.search(sentence) for c in cues):
                    continue
                # exclusions apply to the clause around the number, not to the next clause of the sentence
                clause = _clause(text, s, e, num.start, num.end)
                if any(x.search(clause) for x in excludes):
                    continue
                if q.places and places and not any(set(h.ids) & set(q.places) for h in places):
                    continue
                key = q.id
                unit = q.unit
                noun_end = np.start(1) + max(m.end() for m in hits)
                break
            casualty = None
            if key is None:
                # the casualty word right after the number first ("130 injured"), else one just before it
                # that is not across "and" or a comma ("killed and about 130 injured" is not 130 killed)
                after = re.split(r",|\band\b", text[num.end:min(e, num.end + 30)])[0]
                before = re.split(r",|\band\b", text[max(s, num.start - 20):num.start])[-1]
                hits_after = [(m.start(), label) for label, rx in _CASUALTY.items() for m in [rx.search(after)] if m]
                if hits_after:
                    casualty = min(hits_after)[1]
                else:
                    casualty = next((label for label, rx in _CASUALTY.items() if rx.search(before)), None)
                if casualty is None and not num.currency:
                    continue
                unit = num.currency or "person"
            if noun_end is None and np and phrase:
                noun_end = np.start(1) + len(phrase.split()[0])
            start, end = num.start, max(num.end, noun_end or num.end)
            if noun_end is not None and noun_end <= num.start:
                start, end = np.start(1), num.end
            place = None
            if places:
                p = places[0]
                place = Mention.trusted(text=text[p.start:p.end], id=next(iter(sorted(p.ids))), start=p.start, end=p.end)
            claims.append(make_claim(
                ctx, ClaimKind.quantity, start, end,
                subject=Mention.trusted(text=(phrase if start < num.start else text[num.end:end].strip()) or text[num.start:num.end]), predicate=casualty or ("amount" if num.currency else "count"),
                value=num.value, upper=num.upper, quantity=key,
                qualifiers=Qualifiers.trusted(unit=unit, approximation=num.approximation, place=place, time=publication_time(ctx)),
                confidence=0.85 if key else 0.6,
            ))
    return claims
