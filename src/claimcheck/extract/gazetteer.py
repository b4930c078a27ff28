"""Gazetteer: every name, alias, variant, acronym, title and event name of the knowledge base, matched fast.

Names are matched by an Aho-Corasick automaton (pyahocorasick) over diacritic- and case-folded text,
which has the same length as the original, so offsets map back exactly; matches must sit on word
boundaries, and overlapping ones resolve to the longest. Acronyms are matched case-sensitively by a
second automaton over the original text. One pass over the text whatever the number of names: this
replaced spaCy's tokenizer and PhraseMatcher, whose tokenization alone cost more than every other
extraction step together.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, NamedTuple

from ..kb import KnowledgeBase
from ..models import EntityType
from ..text import fold

PERSON = "person"
ENTITY = "entity"
ACRONYM = "acronym"
TITLE = "title"
EVENT = "event"
SURNAME = "surname"
DEMONYM = "demonym"

_PARTICLES = {"al", "el", "ben", "bin", "abu", "abdel", "abdul", "de", "di", "la", "le", "van", "von", "ibn"}


@dataclass(frozen=True)
class Hit:
    """A gazetteer match: `text[start:end]` names one of `ids` (entities, positions or events)."""

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


class Gazetteer:
    """Finds knowledge-base names in text with one Aho-Corasick automaton over folded text (pyahocorasick)."""

    def __init__(self, kb: KnowledgeBase):
        import ahocorasick

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
        # Keys are padded with spaces and the text has every non-word character turned into a space (same
        # length), so a key can only match on word boundaries: no substring candidates to filter out.
        self.automaton = ahocorasick.Automaton()
        for term, entries in by_term.items():
            self.automaton.add_word(f" {term} ", _Term(
                length=len(term),
                alias=not any(own for _, _, own in entries),
                entries=tuple((kind, ids) for kind, ids, _ in entries),
                # only a name of several words can be lower-case words naming a kind of thing (`kind_generic`)
                may_be_generic=" " in term and any(kind == ENTITY for kind, _, _ in entries),
            ))
        self.automaton.make_automaton()
        self.acronyms = {a: frozenset(ids) for a, ids in acronyms.items()}
        self.acronym_automaton = ahocorasick.Automaton()
        for a in self.acronyms:
            key = " ".join(_NON_WORD.sub(" ", a).split())
            if key:
                self.acronym_automaton.add_word(f" {key} ", (len(key), a))
        self.acronym_automaton.make_automaton()

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Matches in `text[start:end]` at word boundaries; overlapping ones resolved to the longest (an
        entity's own name before an alias of the same length), in text order."""
        end = len(text) if end is None else end
        blank = _blank_punct(text[start:end])  # punctuation to spaces, diacritics off, case kept
        lowered = blank.lower()
        if len(lowered) != len(blank):  # a character whose lower case is longer: fold one by one
            lowered = _blank_punct(fold(text[start:end]))
        hits: list[Hit] = []
        named: list[tuple[int, int]] = []  # spans (offsets in the slice) of the names kept, in text order
        for s, e, term in _longest_first(self.automaton.iter(" " + lowered + " ")):
            cs, ce = start + s, start + e
            generic = term.may_be_generic and kind_generic(text, cs, ce)
            count = len(hits)
            for kind, ids in term.entries:
                if kind in (SURNAME, PERSON) and not text[cs].isupper():
                    continue
                if kind == ENTITY and generic:
                    continue  # "a government of national unity": a kind of government, not the GNU
                if kind == SURNAME and text[cs:ce].lower() in _PARTICLES:
                    continue
                hits.append(Hit(cs, ce, kind, ids))
            if len(hits) > count:
                named.append((s, e))
        return _with_acronyms(hits, self._find_acronyms(blank, start, named))

    def _find_acronyms(self, blank: str, start: int, named: list[tuple[int, int]]) -> list[Hit]:
        """Acronyms that do not begin inside a name found (`named`, in text order), the longest at a place
        winning ("EUBAM Libya" over "EUBAM"), in text order."""
        named_starts = [s for s, _ in named]
        found: list[Hit] = []
        for last, (length, name) in self.acronym_automaton.iter(" " + blank + " "):
            e = last - 1  # `last` is the padding space after the key
            s = e - length
            i = bisect.bisect_right(named_starts, s) - 1
            if i >= 0 and s < named[i][1]:
                continue
            found.append(Hit(start + s, start + e, ACRONYM, self.acronyms[name]))
        found.sort(key=_text_order)
        out: list[Hit] = []
        for h in found:
            if out and out[-1].start <= h.start < out[-1].end:
                continue
            out.append(h)
        return out


class _Term(NamedTuple):
    """What the automaton stores for one key."""

    length: int
    alias: bool  # not some entity's own name (an own name wins over an alias of the same length)
    entries: tuple[tuple[str, frozenset[str]], ...]  # (kind, ids), one per kind the term names
    may_be_generic: bool


def _longest_first(matches: Iterable[tuple[int, _Term]]) -> list[tuple[int, int, _Term]]:
    """Automaton matches (in the order of their end) as (start, end, term) in text order, overlapping ones
    resolved greedily to the longest, then to an own name, then to the leftmost.

    Only matches that overlap, directly or through others, compete, so the greedy choice is made within
    each such group; most matches overlap nothing and need no sorting.
    """
    groups: list[list[tuple[int, int, _Term]]] = []
    for last, term in matches:
        e = last - 1  # `last` is the padding space after the key
        s = e - term.length
        if groups and s < groups[-1][-1][1]:  # ends only grow, so the last group's last match ends last
            groups[-1].append((s, e, term))
            while len(groups) > 1 and s < groups[-2][-1][1]:  # a long match reaching back into earlier groups
                merged = groups.pop()
                groups[-1].extend(merged)
        else:
            groups.append([(s, e, term)])
    out: list[tuple[int, int, _Term]] = []
    for group in groups:
        if len(group) == 1:
            out.append(group[0])
            continue
        kept: list[tuple[int, int, _Term]] = []
        for m in sorted(group, key=_preference):
            if all(m[1] <= k[0] or k[1] <= m[0] for k in kept):
                kept.append(m)
        out.extend(sorted(kept, key=_span_start))
    return out


def _preference(match: tuple[int, int, _Term]) -> tuple[int, bool, int]:
    s, _, term = match
    return -term.length, term.alias, s


def _span_start(match: tuple[int, int, _Term]) -> int:
    return match[0]


def _text_order(hit: Hit) -> tuple[int, int]:
    return hit.start, -hit.end


def _with_acronyms(names: list[Hit], acronyms: list[Hit]) -> list[Hit]:
    """Name hits (in text order, none overlapping) and acronym hits merged in text order, longest first at
    a place, a name before an acronym at the same span."""
    if not acronyms:
        return names
    out: list[Hit] = []
    i = 0
    for a in acronyms:
        j = bisect.bisect_right(names, _text_order(a), lo=i, key=_text_order)
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
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _blank_punct(text: str) -> str:
    """`text.translate(_PUNCT_TABLE)`, fast for text with few other characters than ASCII (curly quotes,
    dashes, accented letters, a line of Arabic): those are mapped one by one, then the ASCII ones by
    bytes.translate over UTF-8, which runs at memory speed and leaves the bytes of other characters (all
    0x80 and above) alone."""
    if not text.isascii():
        text = _NON_ASCII.sub(lambda m: _PUNCT_TABLE.get(ord(m.group()), m.group()), text)
    return text.encode("utf-8", "surrogatepass").translate(_ASCII_TABLE).decode("utf-8", "surrogatepass")
def _norm(term: str) -> str:
    """A term as the automaton stores it: folded, non-word characters as single spaces."""
    return " ".join(_NON_WORD.sub(" ", fold(term)).split())


def gazetteer_for(kb: KnowledgeBase) -> Gazetteer:
    """One gazetteer per knowledge-base version (building it takes a few hundred milliseconds)."""
    return kb.derived("gazetteer", Gazetteer)
