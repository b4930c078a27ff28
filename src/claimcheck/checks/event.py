"""event: an event reported with a date or casualty figures that disagree with the record or another source.

A mention is tied to a knowledge-base event by one of its names, or by its kind, place and keywords.
Dates written without a year ("May 29th") are compared on month and day.
"""

from __future__ import annotations

import datetime as dt

from ..dates import find_dates, resolve
from ..models import ClaimKind, RuleSpec
from .base import BaseCheck, CheckContext, CheckResult, Draft, group_by


def _matches(mention_text: str, lo: dt.date, hi: dt.date, window, slack: int) -> bool | None:
    found = find_dates(mention_text)
    if not found:
        return None
    m = found[0]
    if m.year is not None:
        ref = resolve(m, None)
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


def _near(mention_text: str, day: dt.date, days: int, window) -> bool:
    found = find_dates(mention_text)
    if not found:
        return False
    m = found[0]
    if m.year is None and m.month is not None:
        # no year: compare on the calendar of the event's own year
        return abs((dt.date(day.year, m.month, min(m.day or 15, 28)) - day).days) <= days
    ref = resolve(m, window)
    return ref is not None and abs((ref.earliest - day).days) <= days


class EventCheck(BaseCheck):
    name = "event"
    defaults = {"against": "reference", "date_slack_days": 0, "max_slip_days": 45}

    def run(self, rule: RuleSpec, ctx: CheckContext) -> CheckResult:
        p = self.params(rule)
        kb = ctx.kb
        result = CheckResult()
        events = [c for c in ctx.of_kind(ClaimKind.event) if c.subject.id in kb.events]
        if p["against"] == "sources":
            for ev_id, group in sorted(group_by(events, lambda c: c.subject.id).items()):
                dated = [c for c in group if c.object is not None]
                for i, c in enumerate(dated):
                    for other in dated[:i]:
                        if ctx.source(other.provenance.path) == ctx.source(c.provenance.path):
                            continue
                        a = resolve(find_dates(c.object.text)[0], ctx.window(c.provenance.path)) if find_dates(c.object.text) else None
                        b = resolve(find_dates(other.object.text)[0], ctx.window(other.provenance.path)) if find_dates(other.object.text) else None
                        if a is None or b is None or (a.earliest <= b.latest and b.earliest <= a.latest):
                            continue
                        result.drafts.append(Draft(
                            claim=c, fields={"event": kb.events[ev_id].names[0], "written": c.object.text, "expected": other.object.text,
                                             "other": ctx.source(other.provenance.path)},
                            references=[kb.ref_event(kb.events[ev_id])], related=[ctx.claim_evidence(other, "related")],
                            primary=ctx.evidence(c.provenance.path, c.object.start, c.object.end, claim=c.id) if c.object.start is not None else None,
                            key=f"{ev_id}|{other.provenance.path}",
                        ))
                        break
            return result
        for c in events:
            ev = kb.events[c.subject.id]
            if c.object is None or ev.period.start is None:
                continue
            lo, hi = kb.bounds(ev.period)
            ok = _matches(c.object.text, lo, hi if ev.period.end else ev.period.start.latest, ctx.window(c.provenance.path), p["date_slack_days"])
            if ok is None:
                continue
            if ok:
                result.support(c, f"event:{ev.id}")
                continue
            if c.confidence < 0.9 and not _near(c.object.text, lo, p["max_slip_days"], ctx.window(c.provenance.path)):
                continue  # tied by kind and place only: a distant date is another event, not a wrong date
            result.drafts.append(Draft(
                claim=c,
                fields={"event": ev.names[0], "written": c.object.text, "expected": str(ev.period) if ev.period.end and ev.period.end != ev.period.start else str(ev.period.start),
                        "other": "the record"},
                references=[kb.ref_event(ev)],
                primary=ctx.evidence(c.provenance.path, c.object.start, c.object.end, claim=c.id) if c.object.start is not None else None,
                key=ev.id,
            ))
        return result


CHECK = EventCheck()
