"""Shared helpers of the extractors: building claims, attribution, tense."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..models import Attribution, Claim, ClaimKind, Mention, Precision, Qualifiers, TimeRef
from ..models.common import built
from ..text import automaton, lower
from .context import Context

_QUOTES = re.compile(r"[\"\u201c][^\"\u201d]{3,}[\"\u201d]")


class _Words:
    r"""Whole words and phrases, found where `\b(?:word|...)\b` finds them, in one Aho-Corasick pass
    (`text.automaton`, as the gazetteer's). A pattern that opens with `\b` makes the regex engine try it at every
    position of the sentence: this pass costs a third of that on the sentences of the claims. The text is
    lower-cased (`text.lower`; a case-insensitive scan costs more) and the words lower-case."""

    def __init__(self, **groups: tuple[str, ...]):
        self._labels = [label for label, words in groups.items() for _ in words]
        self._automaton = automaton([word for words in groups.values() for word in words])

    def find(self, low: str) -> list[tuple[int, int, str]]:
        """(start, end, label) of each occurrence in `low` with a word boundary on either side."""
        found, labels = [], self._labels
        for i, start, end in self._automaton.find_matches_as_indexes(low, overlapping=True):
            # a word character (`\w` to the regex engine: alphanumeric or "_") beside it: a word within a word.
            # Tested inline in a loop that skips at the first, this costs half a comprehension calling a helper
            if start and (low[start - 1].isalnum() or low[start - 1] == "_"):
                continue
            if end < len(low) and (low[end].isalnum() or low[end] == "_"):
                continue
            found.append((start, end, labels[i]))
        return found


# a sentence's reporting verbs and the words that set its tense, found in one pass (`_cues`)
_CUES = _Words(
    say=(
        "said", "says", "say", "told", "stated", "added", "stressed", "noted", "announced", "claimed", "indicated",
        "affirmed", "reaffirmed", "underlined", "explained", "confirmed", "warned", "insisted", "argued", "reported",
        "tweeted", "wrote", "saying", "quoted", "according to",
    ),
    future=(
        "will", "would", "should", "shall", "to be held", "scheduled", "planned", "plan", "plans", "expected",
        "upcoming", "forthcoming", "due to", "next", "aim to", "aims to", "intend", "intends", "set for", "date for",
        "dates for", "before the end of", "by the end of", "deadline", "roadmap", "road map", "is to", "are to",
        "lead to",
    ),
    past=(
        "took place", "was held", "were held", "held", "met", "was", "were", "had", "since", "last", "ago", "earlier",
        "previous", "former", "fall of", "killed", "attended",
    ),
)


def claim_id(path: str, kind: str, start: int, end: int, extra: str = "", _sha1=hashlib.sha1) -> str:
    # the first 16 hex digits of the digest: the hex of its first 8 bytes, without writing out all 40 (an id
    # per claim)
    return _sha1(f"{path}|{kind}|{start}|{end}|{extra}".encode()).digest()[:8].hex()


_Speaker = tuple[int, int, str]  # someone who could be saying a claim: (start, end, who as written)


@dataclass(slots=True)
class _Sentence:
    """What the claims of one sentence share: its span and text, its quoted stretches and the span of its
    first reporting verb (`_speech`), whether it has either (most sentences have neither: their claims are the
    outlet's, with no need to weigh `attribution`), its `tense` (read in the same pass as the verb), and who in
    it could be saying a claim (`_speakers`, worked out when a claim first asks)."""

    span: tuple[int, int]
    text: str
    quotes: tuple[tuple[int, int], ...]
    verb: tuple[int, int] | None
    reports: bool
    tense: str
    speakers: tuple[list[_Speaker], list[_Speaker]] | None = None


@dataclass(slots=True)
class _Sentences:
    """A document's `_Sentence`s, by their start, and the one the last claim stood in."""

    by_start: dict[int, _Sentence] = field(default_factory=dict)
    last: _Sentence | None = None


_SENTENCES = "base.sentences"  # the key of a document's `_Sentences` in `Context.memo`


def sentence_at(ctx: Context, offset: int) -> _Sentence:
    """The sentence holding `offset` (`Context.sentence_of`), worked out once per document (a sentence holds
    several claims on average)."""
    try:  # a subscript costs less than the `get` method's call, and only the first claim of a document misses
        sentences = ctx.memo[_SENTENCES]
    except KeyError:
        sentences = ctx.memo[_SENTENCES] = _Sentences()
    # an extractor builds the claims of a sentence one after another: a claim that starts in the sentence of
    # the claim before needs no look-up (sentences do not overlap)
    last = sentences.last
    if last is not None and last.span[0] <= offset < last.span[1]:
        return last
    sent = ctx.sentence_of(offset)
    found = sentences.by_start.get(sent[0])
    if found is None:
        text = ctx.doc.text[sent[0]:sent[1]]
        quotes, (verb, tense_) = _speech(text)
        found = sentences.by_start[sent[0]] = _Sentence(sent, text, quotes, verb, bool(quotes) or verb is not None, tense_)
    sentences.last = found
    return found


def attribution(ctx: Context, sentence: _Sentence, start: int, end: int) -> Attribution:
    """The outlet asserts a claim unless the sentence reports someone saying it (and the claim is not the
    speaker's own identification)."""
    s = sentence.span[0]
    for qs, qe in sentence.quotes:
        if s + qs <= start and end <= s + qe:
            found = _speaker_hit(ctx, sentence, start, end)
            return Attribution.trusted(asserter="reported", who=found[2] if found else None, cue="quotation")
    verb = sentence.verb
    if verb is None:
        return _OUTLET
    verb_start, verb_end = s + verb[0], s + verb[1]
    # "according to interior ministry figures": the source is the words the cue opens, a person or not
    found = _according_to(ctx, sentence, verb_start, verb_end) or _speaker_hit(ctx, sentence, start, end)
    if found is None:
        return _OUTLET
    h_start, h_end, who = found
    # "said the Minister of the Interior of the GNA, Fathi Bashagha" / "Bashagha, the interior minister, said":
    # the words that identify the speaker are the outlet's own, not the speaker's claim
    if (verb_end <= start and end <= h_end) or (h_start <= start and end <= verb_start):
        return _OUTLET
    return Attribution.trusted(asserter="reported", who=who, cue=ctx.doc.text[verb_start:verb_end])


_ACCORDING_TO = re.compile(r"according to", re.I)
# the source after "according to": up to the punctuation or clause that ends it
# (a dot ends it unless the words go on after it: "U.N. figures")
_SOURCE = re.compile(r"\s+((?:[^,.;:()\"\u201c\u201d]|\.(?=\S|\s+[a-z])){2,60}?)"
                     r"(?=\s*(?:[,;:()\"\u201c\u201d]|\.(?!\S|\s+[a-z])|$|\s+(?:and|but|while|which|who)\b))")


def _according_to(ctx: Context, sentence: _Sentence, verb_start: int, verb_end: int) -> _Speaker | None:
    """The source a sentence's "according to" names: the person named in it, else its words ("interior
    ministry figures"), as (start, end, who); None for another reporting verb."""
    text = ctx.doc.text
    if not _ACCORDING_TO.fullmatch(text, verb_start, verb_end):
        return None
    people, _ = _speakers(ctx, sentence)
    # a person named right after the cue (an honorific between): "according to Dr. Fathi Bashagha"
    person = next((p for p in people if verb_end < p[0] <= verb_end + 8), None)
    if person is not None:
        return person
    m = _SOURCE.match(text, verb_end, sentence.span[1])
    if m is None:
        return None
    a, b = m.span(1)
    return next((p for p in people if a <= p[0] and p[1] <= b), None) or (a, b, m.group(1))


def _speech(sentence: str):
    """The quoted stretches of a sentence, and the span of its first reporting verb, if any, with its tense
    (`_cues`; read once per sentence of a document: `sentence_at` keeps them)."""
    # most sentences quote no one: a membership test is far cheaper than starting the scan
    quotes = tuple(q.span() for q in _QUOTES.finditer(sentence)) if '"' in sentence or "\u201c" in sentence else ()
    return quotes, _cues(sentence)


def _speaker_hit(ctx: Context, sentence: _Sentence, start: int, end: int) -> tuple[int, int, str] | None:
    """The nearest person named in the sentence outside the claim's own span, or a description ("the
    minister") of a person named earlier; failing both, the nearest body or country: (start, end, who as
    written). A place the claim mentions ("800,000 migrants in Libya") is no speaker beside a person."""
    people, others = _speakers(ctx, sentence)
    return _nearest(people, start, end) or _nearest(others, start, end)


def _nearest(candidates: list[_Speaker], start: int, end: int) -> _Speaker | None:
    """The candidate nearest the span `start:end` that does not start inside it (the first of those as near)."""
    best, best_distance = None, 0
    for found in candidates:
        h_start = found[0]
        if start <= h_start < end:
            continue
        distance = min(abs(h_start - end), abs(start - found[1]))
        if best is None or distance < best_distance:
            best, best_distance = found, distance
    return best


def _speakers(ctx: Context, sentence: _Sentence) -> tuple[list[_Speaker], list[_Speaker]]:
    """Who in the sentence could be saying its claims, as (start, end, who), in the order `_speaker_hit` weighs
    them: the people (the names found in it, then the descriptions of people named earlier), then the others."""
    if sentence.speakers is None:
        text, sent = ctx.doc.text, sentence.span
        people: list = []
        others: list = []
        for h in ctx.hits_in(*sent):
            if h.kind not in ("title", "demonym", "event"):
                (people if h.kind in ("person", "surname") else others).append((h.start, h.end, text[h.start:h.end]))
        people += [(d.start, d.end, d.name) for d in ctx.descriptions if sent[0] <= d.start < sent[1]]
        sentence.speakers = people, others
    return sentence.speakers


def tense(sentence: str) -> str:
    """Whether the sentence speaks of the future, the past or the present."""
    return _cues(sentence)[1]


@lru_cache(maxsize=4096)
def _cues(sentence: str) -> tuple[tuple[int, int] | None, str]:
    """The span of the sentence's first reporting verb, if any, and its tense (cached: the extractors ask
    for the tense of the sentences whose claims are then built, and so asked for their reporting verbs)."""
    verb, labels = None, set()
    for start, end, label in _CUES.find(lower(sentence)):
        if label != "say":
            labels.add(label)
        elif verb is None or (start, end) < verb:
            verb = (start, end)
    return verb, "future" if "future" in labels else "past" if "past" in labels else "present"


_EMPTY = Qualifiers.trusted()
_OUTLET = Attribution(asserter="outlet")
# the fields a claim sets: all of them (a set copied from this one is made in half the time of one from a dict)
_CLAIM_FIELDS = frozenset(Claim.model_fields)


def make_claim(
    ctx: Context, kind: ClaimKind, start: int, end: int, *, subject: Mention, predicate: str,
    object: Mention | None = None, value: float | None = None, upper: float | None = None, quantity: str | None = None,
    qualifiers: Qualifiers | None = None, confidence: float = 0.8, extra: str = "", sentence: _Sentence | None = None,
) -> Claim:
    """A claim of the sentence at `start` (`sentence`, when the caller holds it already: `sentence_at`)."""
    if sentence is None:
        sentence = sentence_at(ctx, start)
    # extraction builds claims from values it has already typed: skip re-validation (the claims output is
    # validated against its schema in the tests). The fields are laid out as `Claim.trusted` lays them out
    # (its defaults first, in field order, then the others in the order given: the order the JSON output
    # follows), written out in that order rather than merged into a copy of the defaults.
    fields = {
        "object": object, "value": value, "upper": upper, "quantity": quantity, "qualifiers": qualifiers or _EMPTY,
        "attribution": attribution(ctx, sentence, start, end) if sentence.reports else _OUTLET, "credibility": None,
        # `_value_` is the enum's plain attribute; `value` is a property that costs five times as much
        "id": claim_id(ctx.doc.path, kind._value_, start, end, extra or predicate),
        "kind": kind, "subject": subject, "predicate": predicate, "provenance": ctx.span(start, end),
        "sentence": sentence.text, "extractor": ctx.extractor, "confidence": confidence,
    }
    return built(Claim, fields, set(_CLAIM_FIELDS))


def publication_time(ctx: Context) -> TimeRef | None:
    w = ctx.doc.published
    if w.earliest and w.latest:
        return TimeRef.trusted(earliest=w.earliest, latest=w.latest, precision=Precision.day, basis="publication")
    return None
