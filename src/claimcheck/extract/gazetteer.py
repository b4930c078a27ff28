"""Gazetteer: every name, alias, variant, acronym, title and event name of the knowledge base, matched fast.

Names are matched with spaCy's tokenizer and PhraseMatcher on diacritic- and case-folded text (same
length as the original, so offsets map back exactly); acronyms are matched case-sensitively with one
compiled regular expression.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

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
    """Finds knowledge-base names in text."""

    def __init__(self, kb: KnowledgeBase):
        import spacy
        from spacy.matcher import PhraseMatcher

        self.nlp = spacy.blank("en")
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.table: dict[str, tuple[str, frozenset[str]]] = {}
        terms: dict[tuple[str, str], set[str]] = defaultdict(set)
        acronyms: dict[str, set[str]] = defaultdict(set)
        surnames: dict[str, set[str]] = defaultdict(set)
        for e in kb.entities.values():
            kind = PERSON if e.type is EntityType.person else ENTITY
            for n in (e.name, *e.aliases, *e.variants):
                if len(n) >= 3:
                    terms[(kind, fold(n))].add(e.id)
            for a in e.acronyms:
                acronyms[a.strip()].add(e.id)
            for d in e.demonyms:
                terms[(DEMONYM, fold(d))].add(e.id)
            if kind == PERSON:
                for n in (e.name, *e.variants):
                    s = surname(n)
                    if s:
                        surnames[fold(s)].add(e.id)
                        if s.lower().startswith(("al-", "el-")):
                            surnames[fold(s[3:])].add(e.id)
        for p in kb.positions.values():
            for t in p.titles:
                terms[(TITLE, fold(t))].add(p.id)
        for ev in kb.events.values():
            for n in ev.names:
                terms[(EVENT, fold(n))].add(ev.id)
        for s, ids in surnames.items():
            if (PERSON, s) not in terms:
                terms[(SURNAME, s)] |= ids
        self.canonical: dict[str, bool] = {}
        names = {(PERSON if e.type is EntityType.person else ENTITY, fold(e.name)) for e in kb.entities.values()}
        for i, ((kind, term), ids) in enumerate(sorted(terms.items())):
            key = f"{kind}:{i}"
            self.table[key] = (kind, frozenset(ids))
            self.canonical[key] = (kind, term) in names
            self.matcher.add(key, [self.nlp.make_doc(term)])
        self.acronyms = {a: frozenset(ids) for a, ids in acronyms.items()}
        alts = sorted(self.acronyms, key=len, reverse=True)
        self.acronym_rx = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])") if alts else None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Matches in `text[start:end]`, overlapping ones resolved to the longest, in text order."""
        end = len(text) if end is None else end
        folded = fold(text[start:end])
        doc = self.nlp.make_doc(folded)
        by_span: dict[tuple[int, int], list[str]] = {}
        for match_id, s, e in self.matcher(doc):
            by_span.setdefault((s, e), []).append(self.nlp.vocab.strings[match_id])
        # longest first; on equal length an entity's own name before an alias; then leftmost
        order = sorted(by_span, key=lambda se: (-(se[1] - se[0]), not any(self.canonical.get(k) for k in by_span[se]), se[0]))
        taken = [False] * (len(doc) + 1)
        hits: list[Hit] = []
        for s, e in order:
            if any(taken[s:e]):
                continue
            for i in range(s, e):
                taken[i] = True
            cs, ce = start + doc[s].idx, start + doc[e - 1].idx + len(doc[e - 1])
            for key in sorted(by_span[(s, e)]):
                kind, ids = self.table[key]
                if kind in (SURNAME, PERSON) and not text[cs].isupper():
                    continue
                if kind == SURNAME and text[cs:ce].lower() in _PARTICLES:
                    continue
                hits.append(Hit(cs, ce, kind, ids))
        if self.acronym_rx is not None:
            for m in self.acronym_rx.finditer(text, start, end):
                s, e = m.span()
                if not any(h.start <= s < h.end for h in hits):
                    hits.append(Hit(s, e, ACRONYM, self.acronyms[m.group(1)]))
        return sorted(hits, key=lambda h: (h.start, -h.end))


_CACHE: dict[str, Gazetteer] = {}


def gazetteer_for(kb: KnowledgeBase) -> Gazetteer:
    """One gazetteer per knowledge-base version (building it costs a few hundred milliseconds)."""
    key = kb.version or str(id(kb))
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = Gazetteer(kb)
    return _CACHE[key]
