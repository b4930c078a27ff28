"""Gazetteer: every name, alias, variant, acronym, title and event name of the knowledge base, matched fast.

Names are matched by an Aho-Corasick automaton (ahocorasick_rs) over diacritic- and case-folded text,
which has the same length as the original, so offsets map back exactly; matches must sit on word
boundaries, and overlapping ones resolve to the longest. Acronyms are matched case-sensitively: the
same automaton finds them lower-cased, and the text as written must read them exactly. One pass over the
text whatever the number of names: this
replaced spaCy's tokenizer and PhraseMatcher, whose tokenization alone cost more than every other
extraction step together. The same pass finds the literals other stages look for anywhere in the text (the
event trigger words' stems), so they make no pass of their own.
"""

from __future__ import annotations

import bisect
import operator
import re
import unicodedata
from collections import defaultdict
from typing import Iterable, NamedTuple

from ..kb import KnowledgeBase
from ..models import EntityType
from ..models.kb import LITERAL
from ..text import automaton, fold, lower
from .triggers import triggers_for

PERSON = "person"
ENTITY = "entity"
ACRONYM = "acronym"
TITLE = "title"
EVENT = "event"
SURNAME = "surname"
DEMONYM = "demonym"

_PARTICLES = {"al", "el", "ben", "bin", "abu", "abdel", "abdul", "de", "di", "la", "le", "van", "von", "ibn"}


class Hit(NamedTuple):
    """A gazetteer match: `text[start:end]` names one of `ids` (entities, positions or events).

    A named tuple rather than a frozen dataclass: a document has hundreds of hits, and a tuple is built in
    half the time (a frozen dataclass sets each field through object.__setattr__)."""

    start: int
    end: int
    kind: str
    ids: frozenset[str]


def surname(name: str) -> str | None:
    """The last name of a person's name, with a particle kept (al-Trabelsi), or None when too short."""
    toks = name.replace("\u2019", "'").split()
    if len(toks) < 2:
        return None
    last = toks[-1]
    core = re.sub(r"^(?:al|el|Al|El)-", "", last)
    return last if len(core) >= 4 else None


class Scan(NamedTuple):
    """What `Gazetteer.scan` finds in a text."""

    hits: list[Hit]  # the names matched, in text order
    literals: list[tuple[int, str]]  # (start, literal), in the order of their end


class Gazetteer:
    """Finds knowledge-base names in text with one Aho-Corasick automaton over folded text (ahocorasick_rs),
    and where `literals` (lower-case letters and spaces) occur, in the same pass."""

    def __init__(self, kb: KnowledgeBase, literals: Iterable[str] = ()):
        terms: dict[tuple[str, str], set[str]] = defaultdict(set)
        acronyms: dict[str, set[str]] = defaultdict(set)
        surnames: dict[str, set[str]] = defaultdict(set)
        for e in kb.entities.values():
            kind = PERSON if e.type is EntityType.person else ENTITY
            for n in (e.name, *e.aliases, *e.variants):
                if len(n) >= 3:
                    terms[(kind, _norm(n))].add(e.id)
            for a in e.acronyms:
                acronyms[a.strip()].add(e.id)
            for d in e.demonyms:
                terms[(DEMONYM, _norm(d))].add(e.id)
            if kind == PERSON:
                for n in (e.name, *e.variants):
                    s = surname(n)
                    if s:
                        surnames[_norm(s)].add(e.id)
                        if s.lower().startswith(("al-", "el-")):
                            surnames[_norm(s[3:])].add(e.id)
        for p in kb.positions.values():
            for t in p.titles:
                terms[(TITLE, _norm(t))].add(p.id)
                head, _, rest = t.partition(" ")
                if rest and len(head) >= 2 and head.isupper():
                    # a title opening with a body's acronym reads as its possessive too: "the NOC's chairman"
                    terms[(TITLE, _norm(f"{head}'s {rest}"))].add(p.id)
        for ev in kb.events.values():
            for n in ev.names:
                terms[(EVENT, _norm(n))].add(ev.id)
        for s, ids in surnames.items():
            if (PERSON, s) not in terms:
                terms[(SURNAME, s)] |= ids
        names = {(PERSON if e.type is EntityType.person else ENTITY, _norm(e.name)) for e in kb.entities.values()}
        by_term: dict[str, list[tuple[str, frozenset[str], bool]]] = defaultdict(list)
        for (kind, term), ids in sorted(terms.items()):
            if term:
                by_term[term].append((kind, frozenset(ids), (kind, term) in names))
        self.acronyms = {a: frozenset(ids) for a, ids in acronyms.items()}
        acronym_keys: dict[str, frozenset[str]] = {}  # "U N" (for "U.N.") -> ids; the last acronym with a key wins
        for a, acronym_ids in self.acronyms.items():
            key = " ".join(_NON_WORD.sub(" ", a).split())
            if key:
                acronym_keys[key] = acronym_ids
        # Acronyms are matched case-sensitively, but by the same automaton as names: their keys go in
        # lower-cased, and a match counts where the text as written reads the key (`scan`).
        lowered_acronyms: dict[str, list[tuple[str, frozenset[str]]]] = defaultdict(list)
        for key, acronym_ids in acronym_keys.items():
            lowered_acronyms[key.lower()].append((key, acronym_ids))
        # Keys are padded with spaces and the text has every non-word character turned into a space (same
        # length), so a key can only match on word boundaries: no substring candidates to filter out.
        keys = [*by_term, *(k for k in lowered_acronyms if k not in by_term)]
        self.terms: list[_Term] = []  # what each key of the automaton stands for, by the key's index
        for term in keys:
            entries = by_term.get(term, [])
            kinds = {kind for kind, _, _ in entries}
            # only a name of several words can be lower-case words naming a kind of thing (`kind_generic`)
            may_be_generic = " " in term and ENTITY in kinds
            term_acronyms = tuple(lowered_acronyms.get(term, ()))
            self.terms.append(_Term(
                length=len(term),
                alias=not any(own for _, _, own in entries),
                entries=tuple((kind, ids) for kind, ids, _ in entries),
                may_be_generic=may_be_generic,
                checked=may_be_generic or bool(kinds & {SURNAME, PERSON}),
                acronyms=term_acronyms,
                aside=bool(term_acronyms),
            ))
        # Literals are found anywhere, not only on word boundaries: their keys are not padded
        self.literals = tuple(literals)
        for literal in self.literals:
            if not LITERAL.fullmatch(literal):
                raise ValueError(f"literal {literal!r} is not lower-case letters and spaces")
            self.terms.append(_Term(length=len(literal), alias=True, entries=(), may_be_generic=False, checked=False,
                                    acronyms=(), aside=True, literal=literal))
        self.automaton = automaton([*(f" {term} " for term in keys), *self.literals])
        # for text that cannot be lower-cased character by character (`scan`): acronyms matched as written
        self.acronym_ids = list(acronym_keys.values())
        self.acronym_automaton = automaton(f" {key} " for key in acronym_keys)

    def scan(self, text: str, start: int = 0, end: int | None = None) -> Scan:
        """The matches in `text[start:end]` at word boundaries, overlapping ones resolved to the longest (an
        entity's own name before an alias of the same length), in text order; and where the literals start:
        every place a literal occurs in the text lower-cased (`text.lower`), and maybe a few where it occurs
        only once diacritics are stripped and punctuation blanked (candidates, to be read in the lower-cased
        text). The automaton's matches come in the order `_resolve` relies on (`text.automaton`)."""
        end = len(text) if end is None else end
        # the text before `start` as spaces, so that offsets in what is searched are offsets in `text`
        body = " " * start + text[start:end]
        blank = _blank_punct(body)  # punctuation to spaces, diacritics off, case kept
        lowered = blank.lower()
        by_char = len(lowered) == len(blank)
        if not by_char:  # a character whose lower case is longer: fold one by one
            lowered = _blank_punct(fold(body))
        names, lowered_acronyms, literals = _resolve(
            self.automaton.find_matches_as_indexes(f" {lowered} ", overlapping=True), self.terms)
        if not by_char and self.literals:
            # folded, the text may miss a literal the text lower-cased reads (a Kelvin sign for "k"): look again
            literals = _resolve(self.automaton.find_matches_as_indexes(f" {lower(body)} ", overlapping=True),
                                self.terms)[2]
        if by_char:
            acronyms = [(s, e, ids) for s, e, term in lowered_acronyms for key, ids in term.acronyms if blank[s:e] == key]
        else:  # the lower-cased acronym keys may miss there: match the text as written
            acronyms = [(s, e - 2, self.acronym_ids[i])
                        for i, s, e in self.acronym_automaton.find_matches_as_indexes(f" {blank} ", overlapping=True)]
        hits = _name_hits(text, names)
        if acronyms:
            hits = _with_acronyms(hits, _acronym_hits(acronyms, hits))
        return Scan(hits, literals)


class _Term(NamedTuple):
    """What the automaton finds for one key."""

    length: int
    alias: bool  # not some entity's own name (an own name wins over an alias of the same length)
    entries: tuple[tuple[str, frozenset[str]], ...]  # (kind, ids), one per kind the term names; none for an acronym
    may_be_generic: bool
    checked: bool  # whether some entry depends on the text as written (`scan`)
    acronyms: tuple[tuple[str, frozenset[str]], ...]  # (key as written, ids) of acronyms that lower-case to the term
    aside: bool  # an acronym's key or a literal: `_resolve` sets its matches aside
    literal: str = ""  # a literal's key: the literal (no entries, no acronyms)


_Match = tuple[int, int, _Term]  # start, end (offsets in the text), what matched


def _name_hits(text: str, names: list[_Match]) -> list[Hit]:
    """The hits of the names matched (`_resolve`), in text order: one per kind the name stands for, less those
    the text as written rules out."""
    hits: list[Hit] = []
    add = hits.append
    new = tuple.__new__  # `new(Hit, (...))` builds a hit at half the cost of `Hit(...)`, a Python-level function
    for s, e, term in names:
        if not term.checked:
            for kind, ids in term.entries:
                add(new(Hit, (s, e, kind, ids)))
            continue
        capitalised = text[s].isupper()
        # a capitalised name is never generic (`kind_generic`), nor a lower-case one a person's
        generic = not capitalised and term.may_be_generic and kind_generic(text, s, e)
        for kind, ids in term.entries:
            if not capitalised and kind in (SURNAME, PERSON):
                continue
            if kind == ENTITY and generic:
                continue  # "a government of national unity": a kind of government, not the GNU
            if kind == SURNAME and text[s:e].lower() in _PARTICLES:
                continue
            add(new(Hit, (s, e, kind, ids)))
    return hits


def _resolve(matches: Iterable[tuple[int, int, int]], terms: list[_Term]
             ) -> tuple[list[_Match], list[_Match], list[tuple[int, str]]]:
    """Automaton matches (index of the term, start and end of its padded key, in the order of their end): the
    names, overlapping ones resolved greedily to the longest, then to an own name, then to the leftmost, in
    text order; the acronym keys (lower-cased); and the literals, as (start, literal) in the order of their end.

    Only names that overlap, directly or through others, compete, so the greedy choice is made within
    each such group; most names overlap nothing and need no sorting.
    """
    names: list[_Match] = []
    acronyms: list[_Match] = []
    literals: list[tuple[int, str]] = []
    groups: list[tuple[int, int]] = []  # index ranges of `names` that overlap, in order
    reach = -1  # where the last name ends: ends only grow, so a name that starts there overlaps none
    for i, s, e in matches:
        term = terms[i]
        e -= 2  # to the text unpadded: the term starts where its padded key does in the padded text, ends two before
        if term.aside:
            if term.literal:  # a key not padded: it starts one after its place in the padded text
                literals.append((s - 1, term.literal))
                continue
            acronyms.append((s, e, term))
            if not term.entries:
                continue
        names.append((s, e, term))
        if s < reach:
            # the names this one overlaps: those that end after it starts, the last ones
            first = len(names) - 2
            while first and names[first - 1][1] > s:
                first -= 1
            while groups and groups[-1][1] > first:  # groups it reaches into join its own
                first = min(first, groups.pop()[0])
            groups.append((first, len(names)))
        reach = e
    if not groups:
        return names, acronyms, literals
    out: list[_Match] = []
    done = 0
    for first, stop in groups:
        out += names[done:first]
        if stop - first == 2:  # most groups: two names that overlap, the preferred one kept
            out.append(_preferred(names[first], names[first + 1]))
        else:
            out += _kept(names[first:stop])
        done = stop
    out += names[done:]
    return out, acronyms, literals


def _preferred(a: _Match, b: _Match) -> _Match:
    """The preferred of two names (`_preference`). Their lengths decide but for the odd pair, and are
    compared first: the whole preference costs two calls of a key function."""
    length_a, length_b = a[1] - a[0], b[1] - b[0]
    if length_a != length_b:
        return a if length_a > length_b else b
    return min(a, b, key=_preference)


def _kept(group: list[_Match]) -> list[_Match]:
    """The names of a group that overlap, each kept unless it overlaps one preferred to it, in text order."""
    group.sort(key=_preference)
    best_start, best_end = group[0][0], group[0][1]
    if all(best_start < m[1] and m[0] < best_end for m in group):
        return group[:1]  # most groups: names within the preferred name ("Fayez al-Sarraj", "al-Sarraj", "Sarraj")
    kept: list[_Match] = []
    for m in group:
        if all(m[1] <= k[0] or k[1] <= m[0] for k in kept):
            kept.append(m)
    return sorted(kept, key=_span_start)


def _preference(match: _Match) -> tuple[int, bool, int]:
    s, _, term = match
    return -term.length, term.alias, s


def _span_start(match: _Match) -> int:
    return match[0]


def _acronym_hits(acronyms: list[tuple[int, int, frozenset[str]]], names: list[Hit]) -> list[Hit]:
    """Acronyms matched (start, end, ids) that do not begin inside a name hit (`names`, in text order, none
    overlapping), the longest at a place winning ("EUBAM Libya" over "EUBAM"), in text order."""
    found: list[Hit] = []
    new = tuple.__new__  # as in `_name_hits`
    for s, e, ids in acronyms:
        i = bisect.bisect_right(names, s, key=_hit_start) - 1
        if i >= 0 and s < names[i].end:
            continue
        found.append(new(Hit, (s, e, ACRONYM, ids)))
    found.sort(key=_text_order)
    out: list[Hit] = []
    for h in found:
        if out and out[-1].start <= h.start < out[-1].end:
            continue
        out.append(h)
    return out


_hit_start = operator.itemgetter(0)  # a hit's start, for bisect: a list of the starts would cost a pass


def _text_order(hit: Hit) -> tuple[int, int]:
    return hit.start, -hit.end


def _with_acronyms(names: list[Hit], acronyms: list[Hit]) -> list[Hit]:
    """Name hits (in text order, none overlapping) and acronym hits (`_acronym_hits`) merged in text order. No
    acronym hit begins inside a name hit, nor where one begins (names are not empty), so the place of each
    among the names is found by its start alone."""
    out: list[Hit] = []
    i = 0
    for a in acronyms:
        j = bisect.bisect_right(names, a.start, lo=i, key=_hit_start)
        out += names[i:j]
        out.append(a)
        i = j
    out += names[i:]
    return out


_NON_WORD = re.compile(r"[^\w]|_")
_GENERIC_BEFORE = re.compile(r"\b(?:a|an|any|another|new|such)\s+$", re.I)


def kind_generic(text: str, start: int, end: int) -> bool:
    """A lower-case name after an indefinite article names a kind of thing, not the body ("a government of
    national unity", "a new presidential council")."""
    words = text[start:end]
    if words[0].isupper():  # most names are written capitalised: no need to look at every letter
        return False
    return " " in words and not any(ch.isupper() for ch in words) and bool(_GENERIC_BEFORE.search(text, max(0, start - 12), start))
# Punctuation and spacing to blank, by table (str.translate runs in C). Characters outside the table are
# kept: rare symbols of other scripts then simply do not count as word boundaries.
_PUNCT_TABLE = {i: " " for i in range(0x2000) if _NON_WORD.match(chr(i))}
for _i in range(0xC0, 0x0530):  # Latin, Greek, Cyrillic letters without their diacritics, case kept
    _base = unicodedata.normalize("NFD", chr(_i))[0]
    if _base != chr(_i) and len(_base) == 1 and _base.isalpha():
        _PUNCT_TABLE[_i] = _base
_PUNCT_TABLE.update({ord(c): " " for c in "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00ab\u00bb\u2022\u00a0\u200b\u2010\u2011\u2012"})


_ASCII_TABLE = bytes(ord(_PUNCT_TABLE.get(i, chr(i))) if i < 128 else i for i in range(256))
_ASCII_BYTES = bytes(range(128))


def _blank_punct(text: str) -> str:
    """`text.translate(_PUNCT_TABLE)`, fast for text with few distinct characters other than ASCII (curly
    quotes, dashes, accented letters, a line of Arabic): each of those is replaced throughout at once, then
    the ASCII ones by bytes.translate over UTF-8, which runs at memory speed and leaves the bytes of other
    characters (all 0x80 and above) alone. The distinct characters other than ASCII are what is left of the
    UTF-8 once its ASCII bytes are deleted, in C, where a regular-expression scan for them costs twice as
    much as all the rest."""
    if not text.isascii():
        others = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
        for c in set(others):
            if ord(c) in _PUNCT_TABLE:
                text = text.replace(c, _PUNCT_TABLE[ord(c)])
    return text.encode("utf-8", "surrogatepass").translate(_ASCII_TABLE).decode("utf-8", "surrogatepass")


def _norm(term: str) -> str:
    """A term as the automaton stores it: folded, non-word characters as single spaces."""
    return " ".join(_NON_WORD.sub(" ", fold(term)).split())


def gazetteer_for(kb: KnowledgeBase) -> Gazetteer:
    """One gazetteer per knowledge-base version (building it takes a few hundred milliseconds), which also finds
    the event trigger words' stems."""
    return kb.derived("gazetteer", _gazetteer)


def _gazetteer(kb: KnowledgeBase) -> Gazetteer:
    return Gazetteer(kb, literals=triggers_for(kb).stems)
