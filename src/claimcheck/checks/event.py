"""event: an event reported with a date, a toll or a place that disagrees with the record or with another source.

A mention is tied to a knowledge-base event by one of its names, or by its kind, place and keywords.
Dates written without a year ("May 29th") are compared on month and day. A name several events share
(a forum that met twice) is right when any of them fits; an event that began after the article was
published cannot be the one it speaks of. A mention by kind alone ("elections on Nov. 10") is tied to the
event of that kind and place nearest its date, and flagged only when that event is close (a slip, not
another event).
"""

from __future__ import annotations

import datetime as dt
import re

from ..dates import dates_in, resolve
from ..extract.events import KEYED, MAX_SLIP_DAYS, NAMED  # how sure an event mention's tie is; how far a slip goes
from ..extract.quantities import OWN_PLACE_GAP  # how far after a toll's words the place they name may be
from ..models import Approximation, ClaimKind, Precision, RuleSpec
from .base import BaseCheck, CheckContext, CheckResult, Draft, group_by, overlaps


_RESCHEDULED = re.compile(
    r"\b(?:propos\w*|postpon\w*|reschedul\w*|delay\w*|pushed back|push(?:ing)? back|moved to|new date|instead of|"
    r"deferred|brought forward)\b", re.I)


def _readings(mention, window, claim) -> list:
    """The day ranges a date can mean in its article. A day without a year is the last such day before
    publication or the next one after it: tense alone does not settle which ("the elections planned for
    24 December were postponed"), so a conflict between sources must hold under both readings."""
    if mention.year is not None or window is None:
        ref = resolve(mention, window)
        return [ref] if ref else []
    return [r for r in (resolve(mention, window, forward) for forward in (False, True)) if r is not None]


def _planned(c) -> bool:
    """Whether an event mention speaks of the event as still to come ("would sign the agreement on 16 December")."""
    return c.qualifiers.tense == "future" or c.predicate == "scheduled"


def _near_record(kb, ev_id: str, readings: list, slip_days: int) -> bool:
    """Whether one of the readings falls within `slip_days` of the event's dates on record."""
    lo, hi = kb.bounds(kb.events[ev_id].period)
    slack = dt.timedelta(days=slip_days)
    return any(overlaps((lo - slack, hi + slack), (r.earliest, r.latest)) for r in readings)


def _first_date(mention_text: str):
    """The first date expression of a mention, and its day range when it gives a year (else None)."""
    found = dates_in(mention_text)
    if not found:
        return None, None
    m = found[0]
    return m, (resolve(m, None) if m.year is not None else None)


def _matches(mention_text: str, lo: dt.date, hi: dt.date, slack: int) -> bool | None:
    m, ref = _first_date(mention_text)
    if m is None:
        return None
    if m.year is not None:
        if ref is None:
            return None
        return ref.earliest <= hi + dt.timedelta(days=slack) and lo - dt.timedelta(days=slack) <= ref.latest
    if m.month is None:
        return None
    days = {(lo + dt.timedelta(days=i)) for i in range(-slack, (hi - lo).days + 1 + slack)}
    if m.day is None:
        return any(d.month == m.month for d in days)
    wanted = {m.day} | ({m.day2} if m.day2 else set())
    return any(d.month == m.month and d.day in wanted for d in days)


def _when(mention_text: str, window, future: bool) -> dt.date | None:
    """The day a date mention stands for; a yearless one is placed in the year nearest the publication
    window (after its start, in the future tense)."""
    m, ref = _first_date(mention_text)
    if m is None:
        return None
    if m.year is not None:
        return ref.earliest if ref else None
    if m.month is None or window is None or (window[1] - window[0]).days > 200:
        return None
    best = None
    for year in range(window[0].year - 1, window[1].year + 2):
        try:
            d = dt.date(year, m.month, m.day or 1)
        except ValueError:
            continue
        if future and d < window[0]:
            continue
        gap = 0 if window[0] <= d <= window[1] else min(abs((d - window[0]).days), abs((d - window[1]).days))
        if best is None or gap < best[0]:
            best = (gap, d)
    return best[1] if best else None


def _year_slip(day: dt.date, start: dt.date) -> bool:
    """Whether `day` is in the month of `start`, a year before or after."""
    return day.month == start.month and abs(day.year - start.year) == 1


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # a sentence naming a year may set it for its yearless dates ("that year")


def _years_past(mention_text: str, hi: dt.date, window) -> bool:
    """Whether a date without a year ("launched on 1 August"), read in the year of a narrow publication window,
    falls more than a year after an event ended: an article gives the year of an event that old, so a yearless
    day and month inside its period is another year's ("Operation Odyssey Dawn, launched on 1 August", 2016)."""
    m, _ = _first_date(mention_text)
    if m is None or m.year is not None or m.month is None or window is None or (window[1] - window[0]).days > 200:
        return False
    day = _when(mention_text, window, False)
    return day is not None and (day - hi).days > 366


def _anniversary(mention_text: str, ev) -> bool:
    """Whether a date mention gives the day and month the event began on, in the year before or after."""
    m, _ = _first_date(mention_text)
    start = ev.period.start.earliest
    return (m is not None and m.day is not None and m.year is not None and (m.month, m.day) == (start.month, start.day)
            and abs(m.year - start.year) == 1 and ev.period.start.precision is Precision.day)


def _within(kb, place: str) -> set[str]:
    """A place and every place it lies within: its parents and their countries."""
    chain = {place} | kb.ancestors(place)
    return chain | {e.country for e in map(kb.entities.get, chain) if e is not None and e.country}


def _same_place(kb, stated: str, recorded: str) -> bool:
    """Whether a stated place agrees with the one on record: the same, or one lies within the other."""
    return stated in _within(kb, recorded) or recorded in _within(kb, stated)


def _elsewhere(kb, q, ev) -> bool:
    """Whether a toll is given for a place apart from the event's: one its own words name right after it
    ("two dozen people in Greece"), which neither lies within the event's place nor contains it."""
    place = q.qualifiers.place
    if place is None or place.id is None or place.start is None or ev.place is None or ev.place not in kb.entities:
        return False
    own = 0 <= place.start - q.provenance.end <= OWN_PLACE_GAP
    return own and not _same_place(kb, place.id, ev.place)



class EventCheck(BaseCheck):
    name = "event"
    # planned_slack_days: a date announced before the event may miss the day it happened by that much (plans
    # move: the Skhirat signing announced for 16 December 2015 took place on the 17th)
    defaults = {"against": "reference", "date_slack_days": 0, "planned_slack_days": 7, "max_slip_days": MAX_SLIP_DAYS,
                "figure_tolerance": 0.25}

    def run(self, rule: RuleSpec, ctx: CheckContext) -> CheckResult:
        p = self.params(rule)
        result = CheckResult()
        if p["against"] == "sources":
            self._sources(ctx, result, p["max_slip_days"], p["planned_slack_days"])
            return result
        if p["against"] == "figures":
            self._figures(ctx, p, result)
            return result
        if p["against"] == "place":
            self._places(ctx, result)
            return result
        events = [c for c in ctx.of_kind(ClaimKind.event) if c.object is not None]
        for (path, start, end), group in sorted(group_by(events, lambda c: (c.provenance.path, c.subject.start, c.subject.end)).items()):
            self._judge(ctx, p, group, result)
        return result

    def _judge(self, ctx: CheckContext, p, group, result: CheckResult) -> None:
        kb = ctx.kb
        c = group[0]
        if _RESCHEDULED.search(c.sentence):
            return  # "proposed to hold the vote on 24 January instead": a new date, not a wrong one
        window = ctx.window(c.provenance.path)
        future = _planned(c)
        candidates = [kb.events[x.subject.id] for x in group if x.subject.id in kb.events]
        if window is not None:
            candidates = [ev for ev in candidates if ev.period.start is None or ev.period.start.earliest <= window[1] or future]
        by_kind = False
        if c.subject.id is None and c.qualifiers.role:
            # tied by kind and place only: the nearest event of that kind and place, if the date is close to it
            day = _when(c.object.text, window, future)
            if day is None:
                return
            kind = c.qualifiers.role
            if kb.recurs(kind):
                return  # a shipwreck off Lampedusa a week after the one on record is another shipwreck
            pool = [ev for ev in kb.events.values() if ev.type == kind and (c.qualifiers.place is None or ev.place == c.qualifiers.place.id)
                    and ev.period.start is not None]
            near = [ev for ev in pool if abs((ev.period.start.earliest - day).days) <= p["max_slip_days"]]
            if not near:
                return
            candidates = [min(near, key=lambda ev: abs((ev.period.start.earliest - day).days))]
            by_kind = True
        candidates = [ev for ev in candidates if ev.period.start is not None]
        if not candidates:
            return
        verdicts = []
        for ev in candidates:
            lo, hi = kb.bounds(ev.period)
            hi = hi if ev.period.end else ev.period.start.latest
            verdicts.append((ev, _matches(c.object.text, lo, hi, p["planned_slack_days"] if future else p["date_slack_days"])
                               and not (_years_past(c.object.text, hi, window) and not _YEAR.search(c.sentence))))
        if any(v is None for _, v in verdicts):
            return
        good = [ev for ev, v in verdicts if v]
        if good:
            for x in group:
                result.support(x, f"event:{good[0].id}")
            return
        ev = candidates[0]
        if c.confidence < NAMED and kb.recurs(ev.type) and not (c.confidence >= KEYED and _anniversary(c.object.text, ev)):
            # tied by its kind (and keywords), of a type that recurs: another event of the kind, maybe; but not
            # on the very day and month on record, a year off ("the disaster of 3 October 2014" at Lampedusa)
            return
        if c.confidence < NAMED and not by_kind:
            day = _when(c.object.text, window, future)
            if day is None or (abs((day - ev.period.start.earliest).days) > p["max_slip_days"]
                               and not (c.confidence >= KEYED and _year_slip(day, ev.period.start.earliest))):
                # tied by kind and place only: a distant date is another event, not a wrong date; but one tied
                # by its keywords too, given the month on record in the next or last year, is a slip of the year
                # ("the offensive Haftar launched in April 2018 to take the capital")
                return
        result.drafts.append(Draft(
            claim=c,
            fields={"event": ev.names[0], "written": c.object.text,
                    "expected": str(ev.period) if ev.period.end and ev.period.end != ev.period.start else str(ev.period.start),
                    "other": "the record"},
            references=[kb.ref_event(e) for e in candidates],
            primary=ctx.evidence(c.provenance.path, c.object.start, c.object.end, claim=c.id) if c.object.start is not None else None,
            related=[ctx.claim_evidence(c, role="related")],
            key=ev.id,
        ))

    def _places(self, ctx: CheckContext, result: CheckResult) -> None:
        """Known events said to have taken place somewhere else than the place on record. A place that
        contains the one on record, or lies within it, agrees ("in Tripoli" for the strike on Tajoura)."""
        kb = ctx.kb
        for c in ctx.of_kind(ClaimKind.event):
            ev = kb.events.get(c.subject.id) if c.subject.id else None
            place = c.qualifiers.place
            if ev is None or ev.place is None or place is None or place.id is None or c.confidence < KEYED:
                continue
            if _same_place(kb, place.id, ev.place):
                result.support(c, f"event:{ev.id}")
                continue
            result.drafts.append(Draft(
                claim=c,
                fields={"event": ev.names[0], "written": place.text, "expected": kb.label(ev.place), "other": "the record"},
                references=[kb.ref_event(ev), kb.ref_entity(ev.place)],
                primary=ctx.evidence(c.provenance.path, place.start, place.end, claim=c.id) if place.start is not None else None,
                related=[ctx.claim_evidence(c, role="related")],
                key=ev.id,
            ))

    def _figures(self, ctx: CheckContext, p, result: CheckResult) -> None:
        """Casualty counts given for a known event against the counts on record (the range outlets reported:
        tolls rise as bodies are found, so anything within the reported range, widened by the tolerance, passes)."""
        kb = ctx.kb
        tol = p["figure_tolerance"]
        events_by_sentence: dict[tuple[str, str], list] = {}
        for c in ctx.of_kind(ClaimKind.event):
            # named or keyed, not guessed from kind and place; and of a recurring type, named or singular only
            if c.subject.id in kb.events and c.confidence >= KEYED and (c.confidence >= NAMED or not kb.recurs(kb.events[c.subject.id].type)):
                events_by_sentence.setdefault((c.provenance.path, c.sentence), []).append(c)
        for q in ctx.of_kind(ClaimKind.quantity):
            if q.predicate not in ("killed", "injured") or q.value is None:
                continue
            window = ctx.window(q.provenance.path)
            # a name several events share ("Tripoli clashes"): an article reports no toll of an event that
            # began after it was written, and a toll that fits one of the others is that one's
            candidates = []
            for e in events_by_sentence.get((q.provenance.path, q.sentence), []):
                ev = kb.events[e.subject.id]
                if _elsewhere(kb, q, ev):
                    continue  # "Storm Daniel ... had killed two dozen people in Greece": not the toll at Derna
                reported = ev.figures.get(q.predicate)
                if reported and not (window and ev.period.start and ev.period.start.earliest > window[1]):
                    candidates.append((e, ev, reported, min(r.value for r in reported), max(r.value for r in reported)))
            if not candidates:
                continue
            approx = q.qualifiers.approximation
            fitting = next((e for e, _, _, lo, hi in candidates
                            if (q.value >= lo * (1 - tol) or approx in (Approximation.less_than, Approximation.up_to))
                            and q.value <= hi * (1 + tol)), None)
            if fitting is not None:
                result.support(q, f"event:{fitting.subject.id}")
                continue
            ev_claim, ev, reported, lo, hi = candidates[0]
            span = f"{lo:,.0f}" if lo == hi else f"{lo:,.0f} to {hi:,.0f}"
            result.drafts.append(Draft(
                claim=q,
                fields={"event": ev.names[0], "written": f"{q.value:,.0f} {q.predicate}", "expected": f"{span} {q.predicate}",
                        "other": ", ".join(sorted({r.reported_by for r in reported}))},
                references=[kb.ref_event(ev)],
                related=[ctx.claim_evidence(ev_claim, role="related")],
                key=f"{ev.id}|{q.predicate}",
            ))

    def _sources(self, ctx: CheckContext, result: CheckResult, slip: int, planned_slack: int) -> None:
        kb = ctx.kb
        events = [c for c in ctx.of_kind(ClaimKind.event) if c.subject.id in kb.events and c.object is not None]
        # words several events share ("the Paris conference"): the mention is the one event its date fits, or
        # it cannot be compared at all
        kept = []
        for group in group_by(events, lambda c: (c.provenance.path, c.subject.start)).values():
            if len(group) == 1:
                kept += group
                continue
            fits = [x for x in group if kb.events[x.subject.id].period.start is not None
                    and _matches(x.object.text, *kb.bounds(kb.events[x.subject.id].period), 0)]
            if len(fits) == 1:
                kept += fits
        events = kept
        for ev_id, group in sorted(group_by(events, lambda c: c.subject.id).items()):
            for i, c in enumerate(group):
                for other in group[:i]:
                    if ctx.source(other.provenance.path) == ctx.source(c.provenance.path):
                        continue
                    fa, fb = dates_in(c.object.text), dates_in(other.object.text)
                    a = _readings(fa[0], ctx.window(c.provenance.path), c) if fa else []
                    b = _readings(fb[0], ctx.window(other.provenance.path), other) if fb else []
                    # a date planned before the event and the day it happened may differ by a few days: plans move
                    moved = dt.timedelta(days=planned_slack if _planned(c) != _planned(other) else 0)
                    if not a or not b or any(x.earliest <= y.latest + moved and y.earliest <= x.latest + moved for x in a for y in b):
                        continue
                    if min(c.confidence, other.confidence) < NAMED and not _near_record(kb, ev_id, a + b, slip):
                        continue  # a kind word ("the vote") tied to this event, but neither date is near its own
                    if kb.events[ev_id].period.start is not None and _near_record(kb, ev_id, a, 0):
                        continue  # this source agrees with the record: the other one is wrong (see event-date)
                    result.drafts.append(Draft(
                        claim=c, fields={"event": kb.events[ev_id].names[0], "written": c.object.text, "expected": other.object.text,
                                         "other": ctx.source(other.provenance.path)},
                        references=[kb.ref_event(kb.events[ev_id])], related=[ctx.claim_evidence(other, "related")],
                        primary=ctx.evidence(c.provenance.path, c.object.start, c.object.end, claim=c.id) if c.object.start is not None else None,
                        key=f"{ev_id}|{other.provenance.path}",
                    ))
                    break


CHECK = EventCheck()
