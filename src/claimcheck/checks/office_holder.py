"""office-holder: a person named in an office, or as leader of a body, at a time they did not hold it.

The claim's time is a date stated in its sentence, else the article's publication window. Deputies,
candidates and former holders are not claims of holding the office. Offices the knowledge base does not
cover for that time cannot be judged and are left alone.
"""

from __future__ import annotations

import datetime as dt

from ..extract.window import office_holdings
from ..models import ClaimKind, EntityType, RuleSpec
from .base import BaseCheck, CheckContext, CheckResult, Draft, fmt_window, overlaps

NOT_HOLDING = {"deputy", "vice", "undersecretary", "under-secretary", "assistant", "candidate", "designate", "nominee",
               "state", "junior", "elect", "former", "ex", "late", "then", "incoming", "outgoing"}


def _covers(kb, holdings, when) -> bool:
    """Whether the holdings' periods together cover every day of `when` (gaps of a week are tolerated)."""
    spans = sorted(kb.bounds(h.period) for h in holdings)
    if not spans:
        return False
    cursor = when[0]
    for lo, hi in spans:
        if lo > cursor + dt.timedelta(days=7):
            break
        cursor = max(cursor, hi)
        if cursor >= when[1]:
            return True
    return cursor >= when[1]


def _widened(bounds: tuple[dt.date, dt.date], by: dt.timedelta) -> tuple[dt.date, dt.date]:
    lo, hi = bounds
    return (lo - by if lo > dt.date.min + by else lo), (hi + by if hi < dt.date.max - by else hi)


def _office_of(kb, h) -> str:
    """A holding's office as a reader names it: its title, and the body unless the title names it already."""
    title = kb.positions[h.position].titles[0]
    if not h.organization or kb.name(h.organization) in title:
        return title
    org = kb.entities.get(h.organization)
    article = "" if org is not None and org.type is EntityType.country else "the "
    return f"{title} of {article}{kb.name(h.organization)}"


class OfficeHolder(BaseCheck):
    name = "office-holder"
    # grace_days: news keeps the title of someone just removed or suspended for a few days (and names the
    # incoming holder a little early): a tenure counts that many days beyond each end
    # appointment_lead_days: a person is named or elected to an office up to that long before taking it
    defaults = {"claims": "office-holding", "flag_unknown_people": False, "grace_days": 0, "appointment_lead_days": 60}

    def run(self, rule: RuleSpec, ctx: CheckContext) -> CheckResult:
        kb = ctx.kb
        p = self.params(rule)
        kind = ClaimKind.leadership if p["claims"] == "leadership" else ClaimKind.office_holding
        result = CheckResult()
        for c in ctx.of_kind(kind):
            t = c.qualifiers.time
            dated = t is not None and t.basis == "stated"
            if c.qualifiers.role in NOT_HOLDING and not (c.qualifiers.role == "then" and dated):
                continue  # "then-minister X ... in 2017" is a claim about 2017; "former" and deputies are none
            when = ctx.claim_time(c)
            if when is None:
                continue
            if c.subject.id is None and not p["flag_unknown_people"]:
                continue
            found = office_holdings(kb, c)
            if not found:
                continue
            holdings, positions, orgs = found
            if kind is ClaimKind.office_holding and not positions:
                continue
            grace = dt.timedelta(days=p["grace_days"])
            if c.qualifiers.role == "appointed":
                # "X was appointed (in 2018) interior minister": the term began then (or a few weeks after);
                # undated, it began at some time before publication, and only a later start can be judged
                lead = dt.timedelta(days=p["appointment_lead_days"])
                if dated:
                    held_then = [h for h in holdings if overlaps(_widened(kb.bounds(h.period), max(grace, lead)), when)]
                else:
                    if not holdings:
                        continue
                    held_then = [h for h in holdings if kb.bounds(h.period)[0] - lead <= when[1]]
            else:
                held_then = [h for h in holdings if overlaps(_widened(kb.bounds(h.period), grace), when)]
            if held_then:
                h = held_then[0]
                result.support(c, f"holding:{h.id}")
                continue
            # who held it then (the knowledge base must cover the office at that time)
            if kind is ClaimKind.office_holding:
                rivals = [h for pos in sorted(positions) for h in kb.holdings_by_position.get(pos, [])
                          if overlaps(kb.bounds(h.period), when) and (not orgs or h.organization in orgs or h.organization is None)]
                if not rivals:
                    rivals = [h for pos in sorted(positions) for h in kb.holdings_by_position.get(pos, []) if overlaps(kb.bounds(h.period), when)]
            else:
                rivals = [h for h in kb.holdings if kb.positions[h.position].heads and h.organization in orgs and overlaps(kb.bounds(h.period), when)]
            own = [h for h in kb.holdings_by_holder.get(c.subject.id or "", []) if h.position in positions]
            if not own and not _covers(kb, rivals, when):
                continue  # no tenure of theirs on record and the record does not cover that time: cannot be judged
            person = kb.name(c.subject.id) if c.subject.id else c.subject.text
            own_all = [h for h in kb.holdings_by_holder.get(c.subject.id or "", [])
                       if (kind is ClaimKind.office_holding and h.position in positions) or (kind is ClaimKind.leadership and kb.positions[h.position].heads)]
            held = "; ".join(f"{_office_of(kb, h)} from {h.period.start or '…'} to {h.period.end or 'present'}"
                             for h in own_all) or "never, on record"
            office = c.object.text if kind is ClaimKind.office_holding else f"leader of {c.object.text}"
            org = c.qualifiers.organization.text if c.qualifiers.organization else ""
            result.drafts.append(Draft(
                claim=c,
                fields={
                    "person": person, "written": c.subject.text, "office": office, "organization": org,
                    "when": fmt_window(when), "holders": ", ".join(sorted({kb.name(h.holder) for h in rivals})) or "someone else",
                    "held": held,
                },
                references=[kb.ref_holding(h) for h in (rivals + own_all)[:6]],
                key=f"{c.subject.id or c.subject.text}|{','.join(sorted(positions))}|{','.join(sorted(orgs))}",
            ))
        return result


CHECK = OfficeHolder()
