"""Person-name claims: capitalised multi-word names, resolved or not, for the spelling check."""

from __future__ import annotations

import re

from ..models import ClaimKind, Mention
from .base import make_claim
from .context import Context
from .gazetteer import ACRONYM, DEMONYM, ENTITY, EVENT, PERSON, SURNAME, TITLE

_TOKEN = r"[A-Z][a-z\u00c0-\u024f'\u2019]+(?:-[A-Z]?[a-z\u00c0-\u024f'\u2019]+)*"
# No look-behind at the start (the scan then skips fast to capital letters); the word start is checked in
# `_candidates`.
_CANDIDATE = re.compile(rf"{_TOKEN}(?:\s+(?:(?:al|el|Al|El|bin|ben|abu|Abu|de|di|van|von)[\s-])?{_TOKEN}){{1,5}}(?![\w-])")
_WORD = re.compile(r"\S+")
_ALPHA_WORD = re.compile(r"(?<!\S)[^\W\d_]")  # a whitespace-separated word that starts with a letter
_UPPER_WORD = re.compile(r"(?<!\S)[A-Z\u00c0-\u00d6\u00d8-\u00de]")  # ... with a capital


_LOWER_WORD = re.compile(r"(?<!\S)[a-z]+\b")
# the words title case leaves in lower case; any other lower-case word ("said") makes a sentence
_TITLE_CASE_LOWER = {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "as", "with",
                     "from", "into", "onto", "over", "amid", "after", "via", "per", "than", "vs", "up", "off", "out"}


def _title_case(sentence: str) -> bool:
    """A headline in title case: at least three words, three in five of them capitalised, and no lower-case
    word but the short ones title case keeps ("Stephanie Williams said on Monday" is a sentence)."""
    n = len(_ALPHA_WORD.findall(sentence))
    if n < 3 or len(_UPPER_WORD.findall(sentence)) / n < 0.6:
        return False
    return all(w in _TITLE_CASE_LOWER for w in _LOWER_WORD.findall(sentence))


def _candidates(text: str, s: int, e: int):
    """Runs of two to four capitalised words in [s, e) that start a word."""
    pos = s
    while True:
        m = _CANDIDATE.search(text, pos, e)
        if m is None:
            return
        a = m.start()
        if a > 0 and (text[a - 1].isalnum() or text[a - 1] in "_-"):
            pos = a + 1
            continue
        yield m
        pos = m.end()
# Capitalised words that start sentences or name things other than people
_STOP = {
    "The", "A", "An", "In", "On", "At", "For", "During", "Since", "After", "Before", "This", "That", "These", "Those",
    "His", "Her", "Their", "Its", "Our", "Mr", "Mrs", "Ms", "Dr", "Libya", "Libyan", "European", "Union", "United",
    "Nations", "Minister", "Ministry", "President", "Prime", "Interior", "Foreign", "Defence", "Defense", "Affairs",
    "Government", "National", "Council", "House", "Army", "Forces", "Security", "Commission", "Commissioner",
    "Secretary", "State", "General", "Office", "Agency", "Organization", "Organisation", "Mission", "Middle", "East",
    "North", "South", "West", "Africa", "African", "Arab", "International", "Police", "Coast", "Guard", "Navy",
    "Operation", "Conference", "Summit", "Embassy", "Ambassador", "Special", "Representative", "Envoy", "Islamic",
    "However", "Meanwhile", "According", "Based", "Through", "Indeed", "Many", "Some", "Two", "Three", "Several",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Reading", "Time",
}

# Head nouns that end the names of bodies, not of people ("Joint Technical Coordination Team")
_ORG_HEADS = {
    "Team", "Committee", "Commission", "Council", "Centre", "Center", "Department", "Directorate", "Authority",
    "Board", "Party", "Front", "Brigade", "Battalion", "Group", "Company", "Corporation", "Bank", "Court", "Assembly",
    "Congress", "Forum", "Conference", "Agency", "Ministry", "Office", "Unit", "Force", "Forces", "Army", "Guard",
    "Apparatus", "Service", "Services", "Organization", "Organisation", "Institute", "University", "Foundation",
}


def extract_names(ctx: Context) -> list:
    """Names of people that the gazetteer did not resolve to a full name, plus resolved full names."""
    text = ctx.doc.text
    claims = []
    covered = bytearray(len(text) + 1)  # characters inside a known name of anything but a person
    for h in ctx.hits:
        if h.kind in (ENTITY, ACRONYM, TITLE, EVENT, DEMONYM):
            covered[h.start:h.end] = b"\x01" * (h.end - h.start)
    covered_people = bytearray(len(text) + 1)
    for s, e in ctx.sents:
        for h in ctx.hits_in(s, e):
            start = ctx.extended.get(h.start, h.start) if h.kind == SURNAME else h.start
            if h.kind == PERSON or (h.kind == SURNAME and start != h.start and ctx.person_id(h)):
                claims.append(make_claim(
                    ctx, ClaimKind.person_name, start, h.end,
                    subject=Mention.trusted(text=text[start:h.end], id=ctx.person_id(h), start=start, end=h.end),
                    predicate="named", confidence=0.95 if h.kind == PERSON else 0.85,
                ))
                covered_people[start:h.end] = b"\x01" * (h.end - start)
        headline = None
        for m in _candidates(text, s, e):
            if headline is None:
                headline = _title_case(text[s:e])
            if headline:
                break  # capitalised words are not names in a title-case headline
            # drop title and function words at the edges ("Interior Minister Matteo Piantedosi")
            toks = [(t.start(), t.end(), t.group()) for t in _WORD.finditer(text, m.start(), m.end())]
            owner = next((i for i, t in enumerate(toks) if t[2].endswith(("'s", "\u2019s"))), None)
            if owner is not None:  # "Khalifa Hatfar's Libyan National Army": the name is the owner's
                toks = toks[:owner + 1]
            elif toks[-1][2] in _ORG_HEADS:
                continue  # the name of a body
            while toks and toks[0][2] in _STOP:
                toks.pop(0)
            while toks and toks[-1][2] in _STOP:
                toks.pop()
            if toks and toks[-1][2].endswith(("'s", "\u2019s")):  # "Khalifa Hatfar's": the name without the possessive
                a, b, w = toks[-1]
                toks[-1] = (a, b - 2, w[:-2])
            elif toks and toks[-1][2].endswith(("'", "\u2019")):  # a closing quote mark
                a, b, w = toks[-1]
                toks[-1] = (a, b - 1, w[:-1])
            inner = [i for i, t in enumerate(toks) if t[2] in _STOP]
            if inner:  # "High Representative Federica Mogherini": the name is what follows the last title word
                toks = toks[inner[-1] + 1:]
            if len(toks) < 2:
                continue
            a0, b0 = toks[0][0], toks[-1][1]
            if 1 in covered[a0:b0] or 1 in covered_people[a0:b0]:
                continue
            claims.append(make_claim(
                ctx, ClaimKind.person_name, a0, b0, subject=Mention.trusted(text=text[a0:b0], start=a0, end=b0),
                predicate="named", confidence=0.5,
            ))
    return claims
