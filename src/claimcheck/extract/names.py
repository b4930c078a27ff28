"""Person-name claims: capitalised multi-word names, resolved or not, for the spelling check."""

from __future__ import annotations

import bisect
import re

from ..models import ClaimKind, Mention
from .base import make_claim
from .context import Context
from .gazetteer import PERSON, SURNAME, Hit

_TOKEN_REST = r"[a-z\u00c0-\u024f'\u2019]+(?:-[A-Z]?[a-z\u00c0-\u024f'\u2019]+)*"
_TOKEN = rf"[A-Z]{_TOKEN_REST}"
# The capital that starts the run must start a word. The look-behind comes after that capital, not before
# it: a pattern that opens with a character class lets the scan skip fast to capital letters. The look-ahead
# drops at once the commonest failure, a capitalised word before a lower-case one (a capital or the first
# letter of a particle must follow); the first word's letters are possessive (`++`, `*+`), so that failure
# gives none of them back: the look-ahead wants a space after them, which no shorter word has. (A later word
# may need to give letters back: "Dbeibah'sX" ends the run at its apostrophe.)
_FIRST_TOKEN_REST = r"[a-z\u00c0-\u024f'\u2019]++(?:-[A-Z]?[a-z\u00c0-\u024f'\u2019]+)*+"
_CANDIDATE = re.compile(
    rf"[A-Z](?<![\w-][A-Z]){_FIRST_TOKEN_REST}(?=\s+[A-Zaebdv])"
    rf"(?:\s+(?:(?:al|el|Al|El|bin|ben|abu|Abu|de|di|van|von)[\s-](?:(?:der|den|la)\s)?)?{_TOKEN}){{1,5}}(?![\w-])"
)
_ALPHA_WORD = re.compile(r"(?<!\S)[^\W\d_]")  # a whitespace-separated word that starts with a letter
_UPPER_WORD = re.compile(r"(?<!\S)[A-Z\u00c0-\u00d6\u00d8-\u00de]")  # ... with a capital


# the words title case leaves in lower case; any other lower-case word ("said") makes a sentence
_TITLE_CASE_LOWER = {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "as", "with",
                     "from", "into", "onto", "over", "amid", "after", "via", "per", "than", "vs", "up", "off", "out"}
_PROSE_WORD = re.compile(  # a whitespace-separated lower-case word that title case would capitalise
    r"(?<!\S)(?!(?:%s)\b)[a-z]+\b" % "|".join(sorted(_TITLE_CASE_LOWER, key=lambda w: (-len(w), w)))
)


def _title_case(sentence: str) -> bool:
    """A headline in title case: at least three words, three in five of them capitalised, and no lower-case
    word but the short ones title case keeps ("Stephanie Williams said on Monday" is a sentence)."""
    # the lower-case word first: prose has one within its first few words, so this test ends the scan early
    if _PROSE_WORD.search(sentence):
        return False
    n = len(_ALPHA_WORD.findall(sentence))
    return n >= 3 and len(_UPPER_WORD.findall(sentence)) / n >= 0.6


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
    # titles and ranks before a name ("German Chancellor Angela Merkel", "Field Marshal Khalifa Haftar")
    "Chancellor", "Premier", "Speaker", "Chairman", "Chairwoman", "Governor", "Commander", "Chief", "Field", "Marshal",
    "Colonel", "Admiral", "Deputy", "Vice", "Acting", "Interim", "Mayor", "Spokesman", "Spokeswoman", "Director",
    "Emir", "Sheikh",
}

# Head nouns that end the names of bodies, not of people ("Joint Technical Coordination Team")
_ORG_HEADS = {
    "Team", "Committee", "Commission", "Council", "Centre", "Center", "Department", "Directorate", "Authority",
    "Board", "Party", "Front", "Brigade", "Battalion", "Group", "Company", "Corporation", "Bank", "Court", "Assembly",
    "Congress", "Forum", "Conference", "Agency", "Ministry", "Office", "Unit", "Force", "Forces", "Army", "Guard",
    "Apparatus", "Service", "Services", "Organization", "Organisation", "Institute", "University", "Foundation",
}


def _stop(word: str) -> bool:
    """A title or function word, hyphenated ones included ("Secretary-General")."""
    return word in _STOP or ("-" in word and all(part in _STOP for part in word.split("-")))


_POSSESSIVE = ("'s", "\u2019s")
_QUOTE_MARK = ("'", "\u2019")


def _name_span(run: re.Match) -> tuple[int, int] | None:
    """The span of the person's name in a run of capitalised words: title and function words dropped at the
    edges ("Interior Minister Matteo Piantedosi"); None for the name of a body or what is too short for a name."""
    group = run.group()
    words = group.split()
    hi = len(words)  # the name ends with words[hi - 1]
    owner = None
    if "'s" in group or "\u2019s" in group:
        owner = next((i for i, w in enumerate(words) if w.endswith(_POSSESSIVE)), None)
    if owner is not None:  # "Khalifa Hatfar's Libyan National Army": the name is the owner's
        hi = owner + 1
    elif words[-1] in _ORG_HEADS:
        return None  # the name of a body
    while hi and _stop(words[hi - 1]):
        hi -= 1
    if hi < 2:
        return None
    last = words[hi - 1]
    cut = 0  # characters dropped from the end of the last word
    if last.endswith(_POSSESSIVE):  # "Khalifa Hatfar's": the name without the possessive
        cut = 2
    elif last.endswith(_QUOTE_MARK):  # a closing quote mark
        cut = 1
    words[hi - 1] = last[:len(last) - cut]
    # the name starts after the last title or function word: "High Representative Federica Mogherini"
    lo = hi
    while lo and not _stop(words[lo - 1]):
        lo -= 1
    if hi - lo < 2:
        return None
    # The offsets of words[lo] and words[hi - 1], from the length of the run after the first and before the
    # second (the run opens and ends with a word, and its words are whitespace-separated); most names are the
    # run itself, which needs neither.
    start = run.start() if lo == 0 else run.end() - len(group.split(None, lo)[-1])
    end = run.end() if hi == len(words) else run.start() + len(group.rsplit(None, len(words) - hi)[0])
    return start, end - cut


def _known_names(ctx: Context) -> tuple[list[int], list[int], dict[int, list[Hit]]]:
    """In one pass over the hits: the known names of anything but a person, as their starts and, at each,
    the furthest end of those up to it (`_overlaps`); and the person and surname hits that `ctx.hits_in` gives
    for each sentence, by the sentence's index (placed by bisection: these are a tenth of the hits, and most
    sentences have none)."""
    sents = ctx.sents
    starts = [s for s, _ in sents]
    known_starts: list[int] = []
    known_reach: list[int] = []
    reach = 0
    people: dict[int, list[Hit]] = {}
    for h in ctx.hits:
        if h.kind == PERSON or h.kind == SURNAME:
            i = bisect.bisect_right(starts, h.start) - 1
            if i >= 0 and h.end <= sents[i][1]:
                people.setdefault(i, []).append(h)
        else:
            known_starts.append(h.start)
            if h.end > reach:
                reach = h.end
            known_reach.append(reach)
    return known_starts, known_reach, people


def _overlaps(starts: list[int], reach: list[int], start: int, end: int) -> bool:
    """Whether `start`-`end` shares a character with one of the spans whose starts (in order) and furthest ends
    so far are `starts` and `reach` (`_known_names`; no span is empty): a span that starts before `end` and
    ends after `start`. Bisection instead of a map of the document's characters marked span by span."""
    i = bisect.bisect_left(starts, end)
    return i > 0 and reach[i - 1] > start


def extract_names(ctx: Context) -> list:
    """Names of people that the gazetteer did not resolve to a full name, plus resolved full names."""
    text = ctx.doc.text
    claims = []
    known_starts, known_reach, people = _known_names(ctx)
    for i, (s, e) in enumerate(ctx.sents):
        # the spans of the people named in this sentence (a name in an earlier one ends before it starts)
        named: list[tuple[int, int]] = []
        for h in people.get(i, ()):
            start = ctx.extended.get(h.start, h.start) if h.kind == SURNAME else h.start
            if h.kind == PERSON or (start != h.start and ctx.person_id(h)):
                claims.append(make_claim(
                    ctx, ClaimKind.person_name, start, h.end,
                    subject=Mention.trusted(text=text[start:h.end], id=ctx.person_id(h), start=start, end=h.end),
                    predicate="named", confidence=0.95 if h.kind == PERSON else 0.85,
                ))
                named.append((start, h.end))
        # one search per run of capitalised words rather than an iterator over them: half the sentences have
        # none, and a search that finds nothing costs half as much as making an iterator and finding nothing
        run = _CANDIDATE.search(text, s, e)
        if run is not None and _title_case(text[s:e]):
            continue  # capitalised words are not names in a title-case headline
        while run is not None:
            span = _name_span(run)
            run = _CANDIDATE.search(text, run.end(), e)  # the next run
            if span is None:
                continue
            a0, b0 = span
            if _overlaps(known_starts, known_reach, a0, b0) or \
                    named and any(a < b0 and a0 < b for a, b in named):
                continue
            claims.append(make_claim(
                ctx, ClaimKind.person_name, a0, b0, subject=Mention.trusted(text=text[a0:b0], start=a0, end=b0),
                predicate="named", confidence=0.5,
            ))
    return claims
