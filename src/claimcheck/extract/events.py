"""Event and date claims: conferences, attacks, elections, ceasefires with their dates and places."""

from __future__ import annotations

import datetime as dt
import re

from ..dates import DateMention, find_dates, resolve
from ..models import ClaimKind, Mention, Qualifiers, TimeRef
from .base import make_claim, tense
from .context import Context
from .gazetteer import EVENT

# trigger words -> knowledge-base event types they can refer to
TRIGGERS: dict[str, re.Pattern[str]] = {
    "conference": re.compile(r"\b(?:conferences?|summits?|talks|forum)\b", re.I),
    "attack": re.compile(r"\b(?:attacks?|bomb(?:ing)?s?|explosions?|blasts?|air ?strikes?|shelling|assault|suicide)\b", re.I),
    "election": re.compile(r"\b(?:elections?|polls?|vote|ballot)\b", re.I),
    "ceasefire": re.compile(r"\b(?:cease-?fire|truce)\b", re.I),
    "offensive": re.compile(r"\b(?:offensive|assault on|campaign)\b", re.I),
    "agreement": re.compile(r"\b(?:agreement|accord|memorandum|deal|MoU)\b", re.I),
}


def extract_dates(ctx: Context) -> tuple[list, dict[tuple[int, int], list[DateMention]]]:
    """Date claims, and the date mentions of each sentence (for the other extractors)."""
    text = ctx.doc.text
    claims, by_sentence = [], {}
    for s, e in ctx.sents:
        mentions = find_dates(text, s, e)
        by_sentence[(s, e)] = mentions
        for m in mentions:
            claims.append(make_claim(
                ctx, ClaimKind.date, m.start, m.end, subject=Mention(text=m.text), predicate=m.form,
                qualifiers=Qualifiers(tense=tense(text[s:e])), confidence=0.9,
            ))
    return claims, by_sentence


def extract_events(ctx: Context, dates_by_sentence: dict[tuple[int, int], list[DateMention]]) -> list:
    text = ctx.doc.text
    kb = ctx.kb
    claims = []
    for s, e in ctx.sents:
        sentence = text[s:e]
        hits = ctx.hits_in(s, e)
        named = [h for h in hits if h.kind == EVENT]
        place_ids = {i for h in hits for i in h.ids}
        candidates: dict[str, tuple[int, int]] = {}
        for h in named:
            for ev_id in h.ids:
                candidates[ev_id] = (h.start, h.end)
        for ev in kb.events.values():
            if ev.id in candidates:
                continue
            trig = TRIGGERS.get(ev.type)
            if trig is None:
                continue
            m = trig.search(sentence)
            if not m:
                continue
            if not (ev.place and ev.place in place_ids):
                continue
            if ev.keywords and not any(re.search(rf"\b{re.escape(k)}", sentence, re.I) for k in ev.keywords):
                continue
            candidates[ev.id] = (s + m.start(), s + m.end())
        for ev_id, (cs, ce) in sorted(candidates.items()):
            ev = kb.events[ev_id]
            mentions = dates_by_sentence.get((s, e), [])
            date = _nearest(mentions, cs)
            claims.append(make_claim(
                ctx, ClaimKind.event, cs, ce, subject=Mention(text=text[cs:ce], id=ev.id, start=cs, end=ce),
                predicate="scheduled" if tense(sentence) == "future" or "scheduled" in sentence.lower() else "occurred",
                object=Mention(text=date.text, start=date.start, end=date.end) if date else None,
                qualifiers=Qualifiers(tense=tense(sentence)), confidence=0.9 if (cs, ce) in [(h.start, h.end) for h in named] else 0.6,
                extra=ev.id,
            ))
    return claims


def _nearest(mentions: list[DateMention], pos: int) -> DateMention | None:
    usable = [m for m in mentions if m.day is not None or m.month is not None or m.form in ("season", "my")]
    if not usable:
        return None
    return min(usable, key=lambda m: abs(m.start - pos))


def resolve_time(mention_text: str, window: tuple[dt.date, dt.date] | None) -> TimeRef | None:
    found = find_dates(mention_text)
    return resolve(found[0], window) if found else None
