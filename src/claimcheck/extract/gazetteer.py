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
        for i, ((kind, term), ids) in enumerate(sorted(terms.items())):
            key = f"{kind}:{i}"
            self.table[key] = (kind, frozenset(ids))
            self.matcher.add(key, [self.nlp.make_doc(term)])
        self.acronyms = {a: frozenset(ids) for a, ids in acronyms.items()}
        alts = sorted(self.acronyms, key=len, reverse=True)
        self.acronym_rx = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])") if alts else None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Matches in `text[start:end]`, overlapping ones resolved to the longest, in text order."""
        from spacy.util import filter_spans

        end = len(text) if end is None else end
        folded = fold(text[start:end])
        doc = self.nlp.make_doc(folded)
        spans = []
        for match_id, s, e in self.matcher(doc):
            span = doc[s:e]
            span.label_ = self.nlp.vocab.strings[match_id]
            spans.append(span)
        hits: list[Hit] = []
        for span in filter_spans(spans):
            kind, ids = self.table[span.label_]
            s, e = start + span.start_char, start + span.end_char
            if kind in (SURNAME, PERSON) and not text[s].isupper():
                continue
            if kind == SURNAME and text[s:e].lower() in _PARTICLES:
                continue
            hits.append(Hit(s, e, kind, ids))
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
