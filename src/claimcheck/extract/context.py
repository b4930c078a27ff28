"""Per-document extraction context: text, sentences, gazetteer hits and resolved mentions."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..boilerplate import is_excluded
from ..kb import KnowledgeBase
from ..models import Document, Extractor, Span
from ..models.common import built
from ..text import LineIndex, fold_name, lower, sentences
from .coref import Description, resolve_descriptions
from .gazetteer import ACRONYM, PERSON, SURNAME, Hit, gazetteer_for


_TITLES = {"minister", "president", "mr", "mrs", "ms", "dr", "envoy", "speaker", "general", "marshal", "commander",
           "premier", "prime", "ambassador", "secretary", "chairman", "head", "chief", "colonel", "sheikh", "interior",
           "foreign", "defence", "defense", "the", "libyan", "italian", "british", "maltese", "turkish", "french", "un"}


_GIVEN_BEFORE = re.compile(r"((?:[A-Z][\w'\u2019]*(?:-[A-Za-z][\w'\u2019]*)*\s){1,2})$")


def _trim_excluded(text: str, sents: list[tuple[int, int]], excluded) -> list[tuple[int, int]]:
    """Drop sentences that are all furniture; cut furniture (a dateline, a stamp) off the start of the others."""
    out = []
    for s, e in sents:
        for a, b in excluded:
            if a <= s and e <= b:
                s = e
                break
            if a <= s < b:
                s = b
        while s < e and text[s] in " \t-\u2013\u2014:|":
            s += 1
        if s < e and not (excluded and _within(excluded, s, e)):
            out.append((s, e))
    return out


def _within(ranges, start: int, end: int) -> bool:
    """Whether `start`-`end` lies within one of the `ranges`."""
    for a, b in ranges:
        if a <= start and end <= b:
            return True
    return False


def _not_excluded(items: list, excluded) -> list:
    """The items (hits, descriptions) that touch no excluded range (`is_excluded`)."""
    if not excluded:
        return items
    # an item wholly before or after all excluded ranges (most of a document) needs no closer look
    first = min(a for a, _ in excluded)
    last = max(b for _, b in excluded)
    return [x for x in items if x.end < first or x.start > last or not is_excluded(excluded, x.start, x.end)]


# the fields a span sets: all of them (a set copied from this one is made in half the time of one from a dict)
_SPAN_FIELDS = frozenset(Span.model_fields)


# slots: extractors read the context's fields tens of times per claim, and a document's context is built in
# one call, its fields passed rather than defaulted and reassigned
@dataclass(slots=True)
class Context:
    """Everything extractors share about one document."""

    doc: Document
    kb: KnowledgeBase
    extractor: Extractor
    low: str  # the text lower-cased, offsets unchanged (`text.lower`)
    hits: list[Hit]
    # where the gazetteer's literals (the event trigger words' stems) start in `low`, from the body on, as
    # (start, literal) in the order of their end: a superset (`Gazetteer.scan`), found in the gazetteer's pass
    literals: list[tuple[int, str]]
    sents: list[tuple[int, int]]
    lines: LineIndex
    people: dict[int, str] = field(default_factory=dict)  # hit start -> resolved person id
    extended: dict[int, int] = field(default_factory=dict)  # surname hit start -> start of the full name
    descriptions: list[Description] = field(default_factory=list)  # "the minister" -> the person named before
    memo: dict = field(default_factory=dict)  # per-document results extractors share (`org_pairs`, ...)
    _starts: list[int] | None = None
    _hit_starts: list[int] | None = None
    _by_start: dict[int, list[Hit]] | None = None

    @classmethod
    def build(cls, doc: Document, kb: KnowledgeBase, extractor: Extractor) -> "Context":
        text = doc.text
        low = lower(text)
        scan = gazetteer_for(kb).scan(text, doc.body_start)
        hits = _not_excluded(scan.hits, doc.excluded)
        ctx = cls(doc, kb, extractor, low, hits, scan.literals, _trim_excluded(text, sentences(text, doc.body_start), doc.excluded),
                  LineIndex(text))
        ctx._resolve_people()
        ctx.descriptions = _not_excluded(resolve_descriptions(text, low, hits, ctx.person_id, doc.body_start), doc.excluded)
        return ctx

    def _resolve_people(self) -> None:
        """Full names resolve directly; a surname alone resolves to a person named in full in the document,
        or to the only person in the knowledge base with that surname."""
        named = [h for h in self.hits if h.kind in (PERSON, SURNAME)]
        full: set[str] = set()
        for h in named:
            if h.kind == PERSON and len(h.ids) == 1:
                full |= h.ids
        for h in named:
            if h.kind == PERSON:
                ids = (h.ids & full) or h.ids
                if len(ids) == 1:
                    self.people[h.start] = next(iter(ids))
            elif h.kind == SURNAME:
                ids = h.ids & full
                given = self._given_name_before(h.start)
                if given is not None:
                    # "Abdulhamid Dbeiba": a full name whose given name is a variant of a known person's
                    match = [i for i in sorted(h.ids) if self._given_matches(i, given[1])]
                    if len(match) == 1:
                        self.people[h.start] = match[0]
                        self.extended[h.start] = given[0]
                    continue
                if len(ids) == 1:
                    self.people[h.start] = next(iter(ids))
                elif not ids and len(h.ids) == 1:
                    self.people[h.start] = next(iter(h.ids))

    def _given_name_before(self, start: int) -> tuple[int, str] | None:
        """The capitalised word(s) directly before a surname, with their start, if any (not a title)."""
        text = self.doc.text
        # `_GIVEN_BEFORE` ends with a letter (or an apostrophe) and one white space, or before a line break
        # (`$`): half the surnames follow something else (a comma, a parenthesis), and a search costs about
        # 100 ns a character
        before = text[start - 2:start]
        if len(before) < 2 or before[1] != "\n" and not (
                before[1].isspace() and (before[0].isalnum() or before[0] in "_'\u2019")):
            return None
        m = _GIVEN_BEFORE.search(text, max(0, start - 40), start)
        if not m:
            return None
        words = m.group(1).split()
        while words and words[0].lower() in _TITLES:
            words = words[1:]
        if not words:
            return None
        given = " ".join(words)
        return start - len(m.group(1)) + m.group(1).index(words[0]), given

    def _given_matches(self, person_id: str, given: str) -> bool:
        from rapidfuzz import fuzz

        e = self.kb.entities.get(person_id)
        if e is None:
            return False
        g = fold_name(given).replace(" ", "")
        for n in (e.name, *e.aliases, *e.variants):
            toks = fold_name(n).split()
            if len(toks) >= 2 and fuzz.ratio(g, "".join(toks[:-1])) >= 80:
                return True
        return False

    def span(self, start: int, end: int) -> Span:
        # `LineIndex.locate` and `Span.trusted(path=..., ...)` written out (a span per claim): one bisection of
        # the line starts, no call to pack or unpack
        starts = self.lines._starts
        i = bisect.bisect_right(starts, start) - 1
        fields = {"path": self.doc.path, "start": start, "end": end, "quote": self.doc.text[start:end], "line": i + 1,
                  "column": start - starts[i] + 1}
        return built(Span, fields, set(_SPAN_FIELDS))

    def sentence_of(self, offset: int) -> tuple[int, int]:
        if self._starts is None:
            self._starts = [s for s, _ in self.sents]
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0:
            sentence = self.sents[i]  # it starts at or before `offset` (the bisection)
            if offset < sentence[1]:
                return sentence
        return (offset, offset)

    def first_hit_from(self, start: int) -> int:
        """Index of the first hit that starts at or after `start`."""
        if self._hit_starts is None:
            self._hit_starts = [h.start for h in self.hits]
        return bisect.bisect_left(self._hit_starts, start)

    def hits_at(self, start: int) -> list[Hit]:
        """The hits that start exactly at `start`."""
        if self._by_start is None:
            self._by_start = {}
            for h in self.hits:
                self._by_start.setdefault(h.start, []).append(h)
        return self._by_start.get(start, [])

    def hits_in(self, start: int, end: int) -> list[Hit]:
        """The hits within `start`-`end`: of those that start in it (between two bisections), the ones that end
        by `end`."""
        i = self.first_hit_from(start)
        j = bisect.bisect_left(self._hit_starts, end, lo=i)  # type: ignore[arg-type]
        return [h for h in self.hits[i:j] if h.end <= end]

    def person_id(self, hit: Hit) -> str | None:
        if hit.kind == ACRONYM:
            return None
        return self.people.get(hit.start)
