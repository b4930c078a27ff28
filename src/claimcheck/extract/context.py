"""Per-document extraction context: text, sentences, gazetteer hits and resolved mentions."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..boilerplate import is_excluded
from ..kb import KnowledgeBase
from ..models import Document, Extractor, Span
from ..text import LineIndex, fold_name, sentences
from .gazetteer import ACRONYM, PERSON, SURNAME, Hit, gazetteer_for


@dataclass
class Context:
    """Everything extractors share about one document."""

    doc: Document
    kb: KnowledgeBase
    extractor: Extractor
    hits: list[Hit] = field(default_factory=list)
    sents: list[tuple[int, int]] = field(default_factory=list)
    lines: LineIndex | None = None
    people: dict[int, str] = field(default_factory=dict)  # hit start -> resolved person id

    @classmethod
    def build(cls, doc: Document, kb: KnowledgeBase, extractor: Extractor) -> "Context":
        ctx = cls(doc=doc, kb=kb, extractor=extractor)
        text = doc.text
        ctx.lines = LineIndex(text)
        ctx.sents = [s for s in sentences(text, doc.body_start) if not is_excluded(doc.excluded, *s)]
        ctx.hits = [h for h in gazetteer_for(kb).find(text, doc.body_start) if not is_excluded(doc.excluded, h.start, h.end)]
        ctx._resolve_people()
        return ctx

    def _resolve_people(self) -> None:
        """Full names resolve directly; a surname alone resolves to a person named in full in the document,
        or to the only person in the knowledge base with that surname."""
        full: set[str] = set()
        for h in self.hits:
            if h.kind == PERSON and len(h.ids) == 1:
                full |= h.ids
        for h in self.hits:
            if h.kind == PERSON:
                ids = (h.ids & full) or h.ids
                if len(ids) == 1:
                    self.people[h.start] = next(iter(ids))
            elif h.kind == SURNAME:
                ids = h.ids & full
                if len(ids) == 1:
                    self.people[h.start] = next(iter(ids))
                elif not ids and len(h.ids) == 1 and not self._capitalised_before(h.start):
                    self.people[h.start] = next(iter(h.ids))

    def _capitalised_before(self, start: int) -> bool:
        """True when a capitalised word directly precedes (the surname belongs to another full name)."""
        j = start - 1
        while j >= 0 and self.doc.text[j] == " ":
            j -= 1
        k = j
        while k >= 0 and (self.doc.text[k].isalpha() or self.doc.text[k] in "-'"):
            k -= 1
        word = self.doc.text[k + 1 : j + 1]
        return bool(word) and word[0].isupper() and j == start - 2 and word.lower() not in {"minister", "president", "mr", "mrs", "ms", "dr", "envoy", "speaker", "general", "marshal", "commander"}

    def span(self, start: int, end: int) -> Span:
        line, col = self.lines.locate(start)
        return Span(path=self.doc.path, start=start, end=end, quote=self.doc.text[start:end], line=line, column=col)

    def sentence_of(self, offset: int) -> tuple[int, int]:
        starts = [s for s, _ in self.sents]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.sents[i][0] <= offset < self.sents[i][1]:
            return self.sents[i]
        return (offset, offset)

    def hits_in(self, start: int, end: int) -> list[Hit]:
        return [h for h in self.hits if start <= h.start and h.end <= end]

    def person_id(self, hit: Hit) -> str | None:
        if hit.kind == ACRONYM:
            return None
        return self.people.get(hit.start)

    def folded_name(self, start: int, end: int) -> str:
        return fold_name(self.doc.text[start:end])
