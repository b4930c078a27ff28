"""Person-name claims: capitalised multi-word names, resolved or not, for the spelling check."""

from __future__ import annotations

import bisect
import re
from itertools import accumulate, compress
from operator import attrgetter

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


_PEOPLE = frozenset((PERSON, SURNAME))  # the kinds of hits that name people


class _KnownNames:
    """The known names of anything but a person in a document, for telling whether a span touches one.

    Looked up by bisection among the hits, which come sorted by start, instead of marking the characters of
    every hit in a mask: only a few spans a document are asked about. `reach[k]` is the furthest end of
    `hits[:k + 1]`, so a walk back from the last hit that starts before a span's end stops at the first hit
    from which none reaches into the span."""

    def __init__(self, ctx: Context):
        self.hits = ctx.hits
        self.first_hit_from = ctx.first_hit_from
        self.reach = list(accumulate(map(attrgetter("end"), ctx.hits), max))

    def touch(self, start: int, end: int) -> bool:
        """Whether a known name of anything but a person shares a character with `text[start:end]`."""
        hits, reach = self.hits, self.reach
        k = self.first_hit_from(end) - 1  # the last hit that starts before `end`
        while k >= 0 and reach[k] > start:
            h = hits[k]
            if h.end > start and h.kind != PERSON and h.kind != SURNAME:
                return True
            k -= 1
        return False


def _people_by_sentence(ctx: Context) -> dict[int, list[Hit]]:
    """The person and surname hits that `ctx.hits_in` gives for each sentence, by the sentence's index
    (placed by bisection: these are a tenth of the hits, and most sentences have none)."""
    sents = ctx.sents
    starts = [s for s, _ in sents]
    people: dict[int, list[Hit]] = {}
    # the hits of people picked out without a Python step per hit (a document has hundreds of hits)
    for h in compress(ctx.hits, map(_PEOPLE.__contains__, map(attrgetter("kind"), ctx.hits))):
        i = bisect.bisect_right(starts, h.start) - 1
        if i >= 0 and h.end <= sents[i][1]:
            people.setdefault(i, []).append(h)
    return people


def _runs_by_sentence(text: str, sents: list[tuple[int, int]]) -> dict[int, list[re.Match]]:
    """What `_CANDIDATE.finditer(text, s, e)` finds in each sentence that has a run, by the sentence's index.

    One scan of the document instead of one per sentence. A run that lies inside a sentence is what a scan
    of that sentence alone finds there: a sentence ends before white space, a quote mark or the end of the
    text (`text.sentences`), never before a letter or a hyphen, so the look-ahead at its end reads the same
    either way. A run that crosses the edge of a sentence (a line without a full stop running into the next)
    leaves each sentence it touches to be scanned alone."""
    if not sents:
        return {}
    starts = [s for s, _ in sents]
    ends = [e for _, e in sents]
    runs: dict[int, list[re.Match]] = {}
    crossed = set()
    last, in_last = -1, []  # the last sentence given a run, and its runs (a sentence's runs come together)
    for m in _CANDIDATE.finditer(text, starts[0], ends[-1]):
        a, b = m.span()
        i = bisect.bisect_right(starts, a) - 1  # the sentence the run starts in, or the last before it
        if i >= 0 and b <= ends[i]:
            if i == last:
                in_last.append(m)
            else:
                last, in_last = i, [m]
                runs[i] = in_last
            continue
        if i >= 0 and a < ends[i]:
            crossed.add(i)
        i += 1
        while i < len(sents) and starts[i] < b:
            crossed.add(i)
            i += 1
    for i in crossed:
        found = list(_CANDIDATE.finditer(text, *sents[i]))
        if found:
            runs[i] = found
        else:
            runs.pop(i, None)
    return runs


def extract_names(ctx: Context) -> list:
    """Names of people that the gazetteer did not resolve to a full name, plus resolved full names."""
    text = ctx.doc.text
    claims = []
    people = _people_by_sentence(ctx)
    runs = _runs_by_sentence(text, ctx.sents)
    known = None  # built when a span first asks
    covered_people = bytearray(len(text) + 1)
    for i in sorted(people.keys() | runs.keys()):
        s, e = ctx.sents[i]
        for h in people.get(i, ()):
            start = ctx.extended.get(h.start, h.start) if h.kind == SURNAME else h.start
            if h.kind == PERSON or (start != h.start and ctx.person_id(h)):
                claims.append(make_claim(
                    ctx, ClaimKind.person_name, start, h.end,
                    subject=Mention.trusted(text=text[start:h.end], id=ctx.person_id(h), start=start, end=h.end),
                    predicate="named", confidence=0.95 if h.kind == PERSON else 0.85,
                ))
                covered_people[start:h.end] = b"\x01" * (h.end - start)
        headline = None
        for m in runs.get(i, ()):
            span = _name_span(m)
            if span is None:
                continue
            a0, b0 = span
            if 1 in covered_people[a0:b0]:
                continue
            if known is None:
                known = _KnownNames(ctx)
            if known.touch(a0, b0):
                continue
            # asked only of a sentence with a name to claim: most sentences with runs have none
            if headline is None:
                headline = _title_case(text[s:e])
            if headline:
                break  # capitalised words are not names in a title-case headline
            claims.append(make_claim(
                ctx, ClaimKind.person_name, a0, b0, subject=Mention.trusted(text=text[a0:b0], start=a0, end=b0),
                predicate="named", confidence=0.5,
            ))
    return claims
