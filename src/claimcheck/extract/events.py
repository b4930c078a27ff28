"""Event and date claims: conferences, attacks, elections, ceasefires with their dates and places."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from itertools import chain
from typing import NamedTuple

from ..dates import Anchors, DateMention, find_anchors, find_dates, resolve
from ..models import ClaimKind, EntityType, Mention, Qualifiers
from ..models.common import built
from ..boilerplate import is_excluded
from ..text import automaton, fold, matches_at
from .base import make_claim, sentence_at, tense
from .context import Context
from .gazetteer import EVENT
from .numbers import NUMBER
from .triggers import triggers_for


# how sure an event mention's tie to a knowledge-base event is: by its name (or a singular event's kind and
# place), by its kind, place and keywords, or by its kind and place alone; the window and the checks read these
NAMED = 0.9
KEYED = 0.75
BY_KIND = 0.6
MAX_SLIP_DAYS = 45  # days between a date and the record that make a slip, not another event (the check's default too)


def _stem_hits(ctx: Context, stems: dict[str, tuple[str, ...]]) -> list[tuple[int, str]]:
    """Where in the body a trigger word may start, with its event type (a superset), sorted: the places of the
    trigger words' stems the gazetteer found in its pass over the document."""
    return sorted((i, etype) for i, literal in ctx.literals for etype in stems.get(literal, ()))


def document_anchors(ctx: Context) -> Anchors:
    """The digit runs and month abbreviations of the document's body, scanned once for its dates and its
    numbers."""
    if "date_anchors" not in ctx.memo:
        ctx.memo["date_anchors"] = find_anchors(ctx.doc.text, ctx.doc.body_start)
    return ctx.memo["date_anchors"]


def extract_dates(ctx: Context) -> tuple[list, dict[tuple[int, int], list[DateMention]]]:
    """Date claims, and the date mentions of each sentence that has some (for the other extractors)."""
    claims: list = []
    by_sentence: dict[tuple[int, int], list[DateMention]] = {}
    excluded = ctx.doc.excluded  # most documents have no boilerplate to leave out
    sent = (0, 0)
    for m in find_dates(ctx.doc.text, ctx.doc.body_start, anchors=document_anchors(ctx)):
        if excluded and is_excluded(excluded, m.start, m.end):
            continue
        if not sent[0] <= m.start < sent[1]:  # dates come in text order: most share the sentence of the one before
            sent = ctx.sentence_of(m.start)
        if m.end > sent[1]:
            continue  # runs past its sentence's end, or lies outside every sentence
        in_sentence = by_sentence.get(sent)
        if in_sentence is None:  # dates come in text order: a sentence's dates one after another
            by_sentence[sent] = [m]
        else:
            in_sentence.append(m)
    # a date claim's qualifiers say only the tense of its sentence: the document's date claims share three
    # (placing them in time gives each date claim a copy holding its own date)
    qualifiers: dict[str, Qualifiers] = {}
    for sent, in_sentence in by_sentence.items():
        sentence = sentence_at(ctx, sent[0])  # read once for its dates' claims, with its tense
        tense_ = sentence.tense
        q = qualifiers.get(tense_)
        if q is None:
            q = qualifiers[tense_] = Qualifiers.trusted(tense=tense_)
        for m in in_sentence:
            claims.append(make_claim(
                ctx, ClaimKind.date, m.start, m.end, subject=_date_subject(m.text), predicate=m.form, qualifiers=q,
                confidence=0.9, sentence=sentence,
            ))
    return claims, by_sentence


def _date_subject(text: str, _fields=frozenset(("text",))) -> Mention:
    """`Mention.trusted(text=text)` written out, its fields in the order `trusted` lays them out (a mention per
    date claim)."""
    return built(Mention, {"id": None, "start": None, "end": None, "text": text}, set(_fields))


def extract_events(ctx: Context, dates_by_sentence: dict[tuple[int, int], list[DateMention]]) -> list:
    """Event claims. Each date in a sentence belongs to the nearest event mention before it (else after it);
    a mention by kind ("the conference in Palermo") is tied to the one knowledge-base event of that kind and
    place nearest in time to its date (or to the publication date)."""
    text = ctx.doc.text
    kb = ctx.kb
    claims = []
    pub = ctx.doc.published
    keywords = kb.derived("event-keyword-index", _keyword_index)
    by_type = kb.derived("events-by-type", _events_by_type)
    triggers = triggers_for(kb)
    # one scan of the document for trigger words and event names; only the sentences with one are read
    stem_hits = _stem_hits(ctx, triggers.stems)
    stem_starts = [i for i, _ in stem_hits]
    marks = [m.start() for m in matches_at(triggers.any, ctx.low, stem_starts, ctx.doc.body_start)]
    marks += [h.start for h in ctx.hits if h.kind == EVENT]
    for s, e in sorted({sent for sent in map(ctx.sentence_of, marks) if sent[0] < sent[1]}):
        low = ctx.low[s:e]
        hits = ctx.hits_in(s, e)
        named_places = place_ids = keyword_counts = None  # read when a trigger word first needs them
        anchors: list[tuple[int, int, str, frozenset[str]]] = [(h.start, h.end, "name", h.ids) for h in hits if h.kind == EVENT]
        stems_here: dict[str, list[int]] = {}
        for i, etype in stem_hits[bisect.bisect_left(stem_starts, s):bisect.bisect_left(stem_starts, e)]:
            stems_here.setdefault(etype, []).append(i - s)
        for etype, trig in triggers.patterns.items():
            if etype not in stems_here:
                continue
            ids = keyed = None  # the same for every trigger word of the type in the sentence
            for m in matches_at(trig, low, stems_here[etype]):
                a, b = s + m.start(), s + m.end()
                if any(x < b and a < y for x, y, _, _ in anchors):
                    continue
                if ids is None:
                    if place_ids is None:
                        named_places = _event_places_named(ctx, s, e, hits)
                        place_ids = named_places | _main_country(ctx)
                    ids = frozenset(i for i, place in by_type.get(etype, ()) if place in place_ids)
                    # most trigger words have no candidate event where the sentence is: no keywords to count
                    if ids and keyword_counts is None:
                        keyword_counts = _keyword_counts(low, keywords)
                    keyed = _best_keyed(ids, keyword_counts) if ids else frozenset()  # type: ignore[arg-type]
                if keyed:
                    anchors.append((a, b, etype + "+keyed", keyed))  # keywords narrow the candidates
                else:
                    # no candidate where the sentence is: kept for a date, which may place an event elsewhere
                    anchors.append((a, b, etype, ids))
        if not anchors:
            continue
        named = [(a, b) for a, b, how, _ in anchors if how == "name"]
        named_ids = frozenset(i for _, _, how, ids in anchors if how == "name" for i in ids)
        # a kind word right before a named event is part of its name ("the suicide attack on the HNEC")
        anchors = [x for x in anchors if x[2] == "name" or not any(0 <= a - x[1] <= 3 for a, _ in named)]
        anchors.sort()
        # "the results of the election last Tuesday", "the anniversary of the agreement on 17 December": the
        # date is the head noun's, not the event's
        dateable = [x for x in anchors if not _HEAD_OF.search(text, max(s, x[0] - 40), x[0])]
        assigned: dict[int, DateMention] = {}
        usable = [m for m in dates_by_sentence.get((s, e), [])
                  if m.day is not None or m.month is not None or m.form in ("season", "my", "weekday", "rel_unit")]
        # a name that carries its date ("the October 2020 ceasefire") takes no other
        undated = [x for x in dateable if not any(x[0] <= m.start < x[1] for m in dates_by_sentence.get((s, e), ()))]
        # a date right after the event's words ("signed in Skhirat on 17 December 2015") before one that
        # precedes them ("said on Thursday that the agreement ..."); written dates before relative ones
        for follows in (True, False):
            for m in sorted(usable, key=lambda m: m.form in ("weekday", "rel_unit")):
                owner = _owner(text, undated, m, follows)
                if owner is not None and owner[0] not in assigned:
                    assigned[owner[0]] = m
        # a year alone only right after an event's name ("the Palermo conference, held in 2018") or right
        # before it ("the 2018 Palermo conference"): elsewhere a year is the sentence's, not the event's, and
        # kind words ("presidential elections in 2023") name no event a year could be checked against
        named_anchors = [x for x in undated if x[2] == "name"]
        for m in dates_by_sentence.get((s, e), []) if named_anchors else ():
            if m.form == "year" and m.prefix in (None, "in", "during", "of"):
                owner = _owner(text, named_anchors, m, True) or next((x for x in named_anchors if 0 <= x[0] - m.end <= 1), None)
                if owner is not None and owner[0] not in assigned:
                    assigned[owner[0]] = m
        for a, b, how, ids in anchors:
            date = assigned.get(a)
            if how == "name":
                chosen: list[str | None] = sorted(ids)  # type: ignore[assignment]
            else:
                if date is None and pub.latest and tense(text[max(s, a - 80):min(e, b + 80)]) == "past":
                    # spoken of as past, with no date of its own: not an event that came after publication
                    ids = frozenset(i for i in ids if kb.events[i].period.start and kb.events[i].period.start.earliest <= pub.latest)  # type: ignore[union-attr]
                chosen = [_closest_in_time(kb, ids, date, pub)] if ids else [None]
                # a dated kind word none of whose candidates here the sentence's keywords name may mean an event
                # held elsewhere ("the storming of the Corinthia Hotel in Benghazi late last month")
                if date is not None and (chosen[0] is None or not how.endswith("+keyed")):
                    elsewhere = _held_elsewhere(ctx, how.removesuffix("+keyed"), b, s, low, date, pub, named_places)
                    if elsewhere is not None:
                        held_id, held_at = elsewhere
                        claims.append(make_claim(
                            ctx, ClaimKind.event, a, b, subject=Mention.trusted(text=text[a:b], id=held_id, start=a, end=b),
                            predicate="occurred", object=Mention.trusted(text=date.text, start=date.start, end=date.end),
                            qualifiers=Qualifiers.trusted(tense="past", place=held_at), confidence=KEYED, extra=held_id,
                        ))
                        continue
                if chosen[0] is None:
                    if date is None or not ids:
                        continue  # no event of the kind where the sentence is, and none placed elsewhere
                    chosen = [None]  # the kind and place are known, the event is not: the check ties it by date
            venue = _venue(ctx, b, e) if how == "name" else None
            local = text[max(s, a - 80):min(e, b + 80)]
            when = ("past" if _AFTER_EVENT.search(text, max(s, a - 40), a) or _PAST_VERB_BEFORE.search(text, max(s, a - 60), a)
                    or _PAST_CLAUSE_AFTER.match(text, b, e) else tense(local))
            for ev_id in chosen:
                claims.append(make_claim(
                    ctx, ClaimKind.event, a, b, subject=Mention.trusted(text=text[a:b], id=ev_id, start=a, end=b),
                    predicate="scheduled" if when == "future" or "scheduled" in local.lower() else "occurred",
                    object=Mention.trusted(text=date.text, start=date.start, end=date.end) if date else None,
                    qualifiers=Qualifiers.trusted(tense=when, place=_place(ctx, hits, ids) if ev_id is None else venue,
                                          role=how.removesuffix("+keyed") if ev_id is None else None),
                    # a kind word whose event the sentence also names ("the Libyan Political Agreement, the
                    # accord signed at Skhirat on ...") is as sure as the name
                    # and so is the kind of an event that happened only once at the place the sentence names
                    confidence=NAMED if how == "name" or (how.endswith("+keyed") and ids <= named_ids)
                    or (ev_id is not None and _singular_here(kb.events[ev_id], named_places))
                    else KEYED if how.endswith("+keyed") else BY_KIND,
                    extra=ev_id or f"{how}:{','.join(sorted(ids))}",
                ))
    return claims


def _held_elsewhere(ctx: Context, etype: str, end: int, s: int, low: str, date: DateMention, pub,
                    named_places) -> tuple[str, Mention] | None:
    """A known event of the type that a kind word with a date seems to mean though the sentence places it
    elsewhere ("the conference Giuseppe Conte hosted in Rome in November": the Palermo conference): the one
    event of the type, away from the places named, in the month of the date (within `MAX_SLIP_DAYS` days of it
    when the year is given, within the year before publication when it is not and publication is known),
    whose keywords the sentence names (`_keyword_index`: names of places left aside). An event of a kind that
    recurs (shipwrecks) only on its very day, and with its keywords or its toll named. With the place named
    between the kind word (ending at `end`) and its date, or right after the kind word when the date comes first,
    as the venue the sentence gives it ("hosted in Rome in November", not "Misratan forces ... the offensive in
    August"); None when not exactly one such event or no such venue."""
    kb = ctx.kb
    recurs = kb.recurs(etype)
    # a date relative to a stated publication date ("late last month") is read against it
    ref = resolve(date, None) if date.year is not None else (
        resolve(date, (pub.earliest, pub.latest)) if date.month is None and pub.earliest and pub.latest else None)
    month = date.month or (ref.earliest.month if ref is not None and ref.earliest.month == ref.latest.month else None)
    if month is None:
        return None
    counts = None  # the sentence's keywords, counted when a candidate first needs them
    found = []
    for ev_id, place in kb.derived("events-by-type", _events_by_type).get(etype, ()):
        ev = kb.events[ev_id]
        start = ev.period.start.earliest if ev.period.start else None
        if start is None or (named_places and place in named_places) or start.month != month:
            continue
        if recurs and (date.day is None or ref is None or abs((start - ref.earliest).days) > 1):
            continue  # a shipwreck elsewhere in the month of one on record is another shipwreck, but on its very day
        if ref is not None and abs((start - ref.earliest).days) > MAX_SLIP_DAYS:
            continue
        if ref is None and pub.latest and not (dt.timedelta(0) <= pub.latest - start <= dt.timedelta(days=366)):
            continue
        if counts is None:
            counts = _keyword_counts(low, kb.derived("event-keyword-index", _keyword_index))
        if counts.get(ev_id) or (recurs and _toll_named(low, (date.start - s, date.end - s), ev)):
            found.append(ev_id)
    if len(found) != 1:
        return None
    # the venue: any place, not only those of events on record ("signed in Ankara on Wednesday")
    places = kb.ids_of(EntityType.place, EntityType.country)
    if date.start >= end:
        hit = next((h for h in ctx.hits_in(end, date.start) if not h.ids.isdisjoint(places)), None)
    else:  # the date before the kind word: the place right after it ("the 3 October 2013 shipwreck off Malta")
        m = _PLACE_RIGHT_AFTER.match(ctx.doc.text, end)
        hit = next((h for h in ctx.hits_at(m.end()) if not h.ids.isdisjoint(places)), None) if m else None
    recorded = kb.events[found[0]].place
    if hit is None or recorded is None or recorded in hit.ids or not hit.ids.isdisjoint(kb.ancestors(recorded)):
        return None  # no venue, or the event's own place or one containing it ("in Libya")
    venue = Mention.trusted(text=ctx.doc.text[hit.start:hit.end], id=sorted(hit.ids & places)[0], start=hit.start, end=hit.end)
    return found[0], venue


_PLACE_RIGHT_AFTER = re.compile(r"\s+(?:off|in|at|near|outside)\s+(?:the\s+)?(?:(?:coast|shores?|island)\s+of\s+)?")
def _toll_named(low: str, date: tuple[int, int], event) -> bool:
    """Whether a sentence (`low`) gives one of the death tolls on record for the event (within 3%), in a number
    outside its date (at `date` in it) of 10 or more: with its very day, what tells one shipwreck from the next."""
    tolls = [f.value for f in event.figures.get("killed", ())]
    numbers = [float(m.group("num").replace(",", "")) for m in NUMBER.finditer(low)
               if not (date[0] <= m.start() < date[1]) and not m.group("scale")]
    return any(abs(n - v) <= 0.03 * v for n in numbers if n >= 10 for v in tolls)


def _singular_here(event, named_places) -> bool:
    """Whether a mention by kind can only mean `event`: the one event of its type at a place the sentence names."""
    return event.singular and named_places is not None and event.place in named_places


def _event_places_named(ctx: Context, s: int, e: int, hits) -> set[str]:
    """The places of knowledge-base events that a sentence's hits name, or name a place within ("at Palazzo
    Chigi": Rome), but for one named as a time anchor ("a few days before Berlin"): that is not where the
    sentence's event is; and "the capital" of the country the article is about."""
    places = ctx.kb.derived("event-places", _event_places)
    standing = ctx.kb.derived("event-places-named", _event_places_named_by)
    named = {p for h in hits if not standing.keys().isdisjoint(h.ids)
             and not _TIME_ANCHOR.search(ctx.doc.text, max(s, h.start - 14), h.start)
             for x in h.ids & standing.keys() for p in standing[x]}
    if ctx.low.find("the capital", s, e) >= 0 and _THE_CAPITAL.search(ctx.doc.text, s, e):
        for country in _main_country(ctx):
            capital = ctx.kb.entities[country].capital if country in ctx.kb.entities else None
            if capital in places:
                named.add(capital)
    return named


# "the capital" alone, not "the capital of Chad" nor "the capital Niamey"
_THE_CAPITAL = re.compile(r"\bthe capital\b(?!\s+(?:of\b|(?-i:[A-Z])))", re.I)


def _event_places(kb) -> frozenset[str]:
    """The places of the events on record (an event may have none)."""
    return frozenset(ev.place for ev in kb.events.values() if ev.place is not None)


def _event_places_named_by(kb) -> dict[str, frozenset[str]]:
    """The places of events each entity names: an event's place itself, and the event places a place lies
    within (a venue names its city: "at Palazzo Chigi", Rome)."""
    places = _event_places(kb)
    out = {i: frozenset({i}) for i in places}
    for i in kb.ids_of(EntityType.place):
        up = kb.ancestors(i) & places
        if up:
            out[i] = out.get(i, frozenset()) | up
    return out


def _events_by_type(kb) -> dict[str, list[tuple[str, str]]]:
    """Knowledge-base events by type, as (id, place)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for ev in kb.events.values():
        out.setdefault(ev.type, []).append((ev.id, ev.place))
    return out


class _KeywordIndex(NamedTuple):
    """The events' keywords (lower-cased): where they occur, their patterns at a word start, their events."""

    automaton: object | None  # `text.automaton` of every keyword but an empty one, in the order of `keys`
    keys: list[str]
    patterns: dict[str, re.Pattern[str]]
    events: dict[str, list[str]]  # keyword -> the events that list it, once per listing


def _keyword_index(kb) -> _KeywordIndex:
    """The events' keywords but the names of places: a tie by kind needs the place anyway, and a place counted
    as a keyword would tie any attack in Benghazi to the one attack there on record."""
    places = kb.ids_of(EntityType.place, EntityType.country)
    place_words = {fold(n).lower() for i in places for n in (kb.entities[i].name, *kb.entities[i].aliases)}
    patterns: dict[str, re.Pattern[str]] = {}
    events: dict[str, list[str]] = {}
    for ev in kb.events.values():
        for k in ev.keywords:
            if fold(k).lower() in place_words:
                continue
            patterns.setdefault(k.lower(), re.compile(rf"\b{re.escape(k.lower())}"))
            events.setdefault(k.lower(), []).append(ev.id)
    keys = [k for k in patterns if k]
    return _KeywordIndex(automaton(keys) if keys else None, keys, patterns, events)


def _keyword_counts(low: str, keywords: _KeywordIndex) -> dict[str, int]:
    """How many of each event's keywords a sentence names at a word start. One Aho-Corasick pass finds every
    place a keyword occurs, and its pattern is matched there only (searched for, a pattern that opens with
    \\b makes the regex engine try every position)."""
    found = set()
    if keywords.automaton:
        keys = keywords.keys
        found = {keys[i] for i, start, _ in keywords.automaton.find_matches_as_indexes(low, overlapping=True)  # type: ignore[attr-defined]
                 if keywords.patterns[keys[i]].match(low, start)}
    if "" in keywords.patterns and keywords.patterns[""].search(low):
        found.add("")
    return Counter(chain.from_iterable(keywords.events[k] for k in found))


def _best_keyed(ids, counts: dict[str, int]) -> frozenset[str]:
    """The candidate events whose keywords the sentence names most ("suicide attack" fits several attacks,
    "the HNEC ... suicide attack" one); empty when it names none."""
    best = max((counts.get(i, 0) for i in ids), default=0)
    return frozenset(i for i in ids if counts.get(i, 0) == best) if best else frozenset()


# the words between an event's words and its date: "the conference, held in Rome on", "the floods that devastated
# Derna in" (any verb in the past tense after "which" or "that", with the place it names)
# up to six capitalised words or a parenthesised acronym: "Khalifa Haftar's Libyan National Army (LNA)"
_NAMED_SUBJECT = r"(?:(?:[A-Z][\w'\u2019-]+|\([A-Z]{2,8}\))\s+){1,6}"
_SUBJECT = (rf"(?:{_NAMED_SUBJECT}|(?:the\s+|both\s+)(?:[a-z]+\s+)?(?:sides|parties|delegations|camps|rivals)\s+)"
            r"(?=launched|began|started|opened|hosted|signed|agreed)")
_GAP_AFTER = re.compile(
    # "which", "that it", or a subject before the verb, after "that" or not: "the offensive that Khalifa Haftar's
    # Libyan National Army (LNA) launched on", "the conference Giuseppe Conte hosted in"
    rf"\s*,?\s*(?:(?:which|that)\s+(?:(?:it|they|he|she|we)\s+|{_SUBJECT})?|{_SUBJECT})?"
    r"(?:(?:was|were|is|are|will be|to be)\s+)?(?:(?:held|took place|takes place|set|scheduled|"
    r"planned|due|slated|opened|began|started|signed|agreed|launched|hosted|(?:(?<=which )|(?<=that ))[a-z]+ed(?:\s+[A-Z][\w'-]+)?)\s+)?(?:(?:in|at)\s+[A-Z][\w'-]+(?:,?\s+[A-Z][\w'-]+)?,?\s+)?"
    r"(?:on|in|for|of|from|between|at the end of|by)?\s*(?:the\s+)?$"
    # or a chain of place phrases: "attack on the headquarters of the High National Elections Commission in Tripoli on"
    r"|(?:\s+(?:on|against|at|of|in|near|off|outside|inside)\s+(?:(?:the|its|their|his|her)\s+)?(?:[A-Z][\w'\u2019-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'\u2019-]*)*"
    r"(?:\s*\([A-Z]{2,8}\))?|(?:[A-Z][\w'\u2019-]*\s+)?(?:capital|city)|headquarters|offices?|building|compound|premises|centre|center|port|airport)){1,4}"
    # then "on" or "in" before the date, or a relative date right away ("in Benghazi late last month")
    r"\s+(?:(?:on|in)\s+(?:the\s+)?|(?:early|late|mid)[\s-]+)?$",
)
_TIME_ANCHOR = re.compile(r"\b(?:before|after|since|ahead of|following|until)\s+(?:the\s+)?$", re.I)
_AFTER_EVENT = re.compile(r"\b(?:days?|weeks?|months?|years?)\s+(?:after|since)\b[^.;]*$", re.I)
# a verb in the past tense governing the event's words: "Meloni on Sunday opened an international conference ...
# that she hopes will ...": held, whatever the rest of the sentence says of the future
_PAST_VERB_BEFORE = re.compile(
    r"\b(?:opened|hosted|held|convened|attended|chaired|closed|concluded|wrapped up|addressed|signed|sealed|struck|inked|launched)\s+"
    r"(?:(?:the|an?|this|that|its|their|his|her)\s+)?(?:[\w-]+\s+){0,3}$", re.I)
# verbs that do the event a date before them dates: "on Thursday and signed a memorandum"
_DOING_EVENT = r"(?:signed|sealed|struck|inked|launched|stormed|attacked|bombed|seized|captured)"
# a relative clause in the past tense right after the event's words: "the offensive that Khalifa Haftar's Libyan
# National Army (LNA) launched on 4 April ... is still bogged down": launched, whatever the main clause's tense
_PAST_CLAUSE_AFTER = re.compile(rf"\s+(?:that|which)\s+{_NAMED_SUBJECT}(?:launched|began|started|opened|held|signed|hosted|convened)\b")
_GAP_BEFORE = re.compile(rf"\s*(?:'s|\u2019s)?\s*(?:(?:[a-z-]+\s+){{0,2}}|and\s+{_DOING_EVENT}\s+(?:an?|the)\s+)$")
# a date opening its clause, and the clause's subject before the event's words: "On 11 September 2012, armed men
# stormed the compound"; not the date of a saying or of a reaction to the event ("On Tuesday, officials said the
# attack ...", "On 20 December, officials welcomed the agreement")
_OPENS_CLAUSE = re.compile(r"(?:^|[.:;!?\n]\s*)(?:[Oo]n|[Ii]n|[Bb]y)?\s*[*_]*$")
_OPENER_GAP = re.compile(
    r"[*_]*\s*,\s+(?!(?:[a-z-]+\s+){0,2}?(?:said|says|told|announced|reported|claimed|confirmed|stated|warned|welcomed|"
    r"condemned|denounced|praised|hailed|critici[sz]ed|discussed|debated|recalled|rejected|backed|endorsed|marked|denied|"
    r"reviewed|mentioned|cited|questioned)\b)(?:[a-z-]+\s+){1,3}$")
# a date that a clause on what happened then follows: "the disaster of 3 October 2013, when a boat carrying
# Eritreans caught fire and capsized"
_WHEN_CLAUSE = re.compile(r",?\s+when\s+(?:[\w'\u2019-]+\s+){0,10}$")


def _owner(text: str, anchors, m: DateMention, follows: bool):
    """The event mention a date belongs to: the one it directly follows ("the conference on 12 November",
    "elections scheduled for 24 December"), or with `follows` false, directly precedes ("the 24 December
    elections", "on 3 October, when a boat capsized")."""
    if follows:
        before = [a for a in anchors if a[1] <= m.start and m.start - a[1] <= _MAX_GAP and _GAP_AFTER.fullmatch(text, a[1], m.start)]
        return before[-1] if before else None
    opens = _OPENS_CLAUSE.search(text, max(0, m.start - 12), m.start) is not None
    after = [a for a in anchors if a[0] >= m.end and ((a[0] - m.end <= 40 and _GAP_BEFORE.fullmatch(text, m.end, a[0]))
                                                      or (a[0] - m.end <= 110 and _WHEN_CLAUSE.fullmatch(text, m.end, a[0]))
                                                      or (opens and a[0] - m.end <= 40 and _OPENER_GAP.fullmatch(text, m.end, a[0])))]
    return after[0] if after else None


_HEAD_OF = re.compile(
    r"\b(?:results?|outcomes?|anniversary|aftermath|wake|count|tally|certification|announcement|publication|"
    r"commemoration|memory|report|reports|investigation|inquiry)\s+(?:of|on|into)\s+(?:the\s+)?$"
    # or the date of something done to it: "began enforcing Resolution 1973 on 31 March", "violated the truce on"
    r"|\b(?:mark(?:s|ed|ing)?|observ(?:e|es|ed|ing)|enforc\w*|implement\w*|appl(?:y|ies|ied|ying)|violat\w*|breach\w*|"
    r"commemorat\w*|celebrat\w*)\s+(?:the\s+|its\s+)?$", re.I)
_MAX_GAP = 120  # characters between an event's words and its date (keeps the gap patterns linear in practice)


def _main_country(ctx: Context) -> set[str]:
    """The country an article is about: the one it names most often (used when a sentence names no place).
    Read once per document, when a trigger word first needs it."""
    if "main_country" not in ctx.memo:
        countries = ctx.kb.ids_of(EntityType.country)
        counts = Counter([i for h in ctx.hits if not countries.isdisjoint(h.ids) for i in h.ids if i in countries])
        if counts:
            ctx.memo["main_country"] = {counts.most_common(1)[0][0]}
        else:
            ctx.memo["main_country"] = {ctx.kb.default_place} if ctx.kb.default_place else set()
    return ctx.memo["main_country"]


# the words between a named event and the place it was held: "the Palermo conference, held in Rome", "the
# Berlin conference in Rome on", "the agreement, which was signed at Skhirat"
_VENUE = re.compile(r"\s*,?\s*(?:(?:which|that)\s+)?(?:(?:was|were)\s+)?(?:(?:held|convened|hosted|signed|opened|took place)\s+)?"
                    r"(?:at\s+an?\s+(?:ceremony|rally|gathering|meeting|news conference|press conference)\s+)?"  # "at a ceremony in Tripoli"
                    r"(?:in|at)\s+(?:the\s+(?:city|town|island|port|resort)\s+of\s+)?")


def _venue(ctx: Context, end: int, sent_end: int) -> Mention | None:
    """The place a named event is said to have been held, when one follows its name directly."""
    m = _VENUE.match(ctx.doc.text, end, sent_end)
    if m is None:
        return None
    places = ctx.kb.ids_of(EntityType.place, EntityType.country)
    for h in ctx.hits_at(m.end()):
        if not places.isdisjoint(h.ids):
            return Mention.trusted(text=ctx.doc.text[h.start:h.end], id=sorted(h.ids & places)[0], start=h.start, end=h.end)
    return None


def _place(ctx: Context, hits, ids) -> Mention | None:
    places = {ctx.kb.events[i].place for i in ids}
    for h in hits:
        common = set(h.ids) & places
        if common:
            return Mention.trusted(text=ctx.doc.text[h.start:h.end], id=sorted(common)[0], start=h.start, end=h.end)
    return None


def _closest_in_time(kb, ids, date: DateMention | None, pub) -> str | None:
    """The event of `ids` nearest the mentioned date, or the publication date; None when nothing pins it."""
    if date is not None and date.year is not None:
        ref = resolve(date, None)
        target = ref.earliest if ref else None
    elif date is not None and date.month is not None:
        # no year: the event on that month and day, if exactly one
        same = [i for i in sorted(ids) if kb.events[i].period.start and kb.events[i].period.start.earliest.month == date.month]
        return same[0] if len(same) == 1 else None
    elif pub.earliest and pub.latest and (pub.latest - pub.earliest).days < 120:
        target = pub.earliest
    else:
        return sorted(ids)[0] if len(ids) == 1 else None
    if target is None:
        return None
    return min(sorted(ids), key=lambda i: abs((kb.events[i].period.start.earliest - target).days) if kb.events[i].period.start else 10**6)
