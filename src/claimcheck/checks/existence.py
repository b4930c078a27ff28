"""existence-period: an organization named at a time before it existed (the GNU before March 2021).

Mentions after an organization ended are not flagged by default: articles look back on past bodies; but
one the article says someone leads now ("Bashagha leads the Government of National Salvation" in 2022), or
says is led by someone who then led another body ("the Government of National Salvation led by Osama Hamad"
in 2024: the Government of National Stability), is (`flag_led_after_end`). A body whose launch is announced
("the EU will launch Operation Triton on 1 November") is not flagged before it exists, nor is one spoken of in
the future a little before it began ("the mission would also target the smugglers", three days before it
started): it was being planned.
"""

from __future__ import annotations

import datetime as dt
import re

from ..extract.base import tense
from ..models import ClaimKind, RuleSpec
from .base import BaseCheck, CheckContext, CheckResult, Draft, fmt_window, overlaps

# words of a body's coming into being: with a future tense, the sentence announces it ("will launch", "is
# to replace"); a body merely acting in the future ("the GNU will hold talks") is still an anachronism
_FOUNDING = re.compile(r"\b(?:launch|set up|sets up|setting up|establish|creat|form|replac|succeed|take over|takes over|"
                       r"inaugurat|start|begin)\w*", re.I)
# a leadership claim in the present tense: the body is led now, so it exists now ("led by" may look back)
_LEADS_NOW = re.compile(r"\b(?:leads|heads|chairs|runs|(?:is|are) (?:now )?(?:led|headed|chaired|run) by)\b", re.I)


class ExistencePeriod(BaseCheck):
    name = "existence-period"
    defaults = {"flag_after_end": False, "flag_led_after_end": True, "grace_days": 0, "planned_lead_days": 90}

    def run(self, rule: RuleSpec, ctx: CheckContext) -> CheckResult:
        kb = ctx.kb
        p = self.params(rule)
        result = CheckResult()
        leaders = _leaders(ctx) if p["flag_led_after_end"] else {}
        for c in ctx.of_kind(ClaimKind.organization_name):
            ent_id = c.subject.id
            acr = c.qualifiers.acronym
            if not ent_id or (acr is not None and acr.id and acr.id != ent_id):
                continue  # name and acronym disagree: the acronym check speaks for it
            entity = kb.entities[ent_id]
            when = ctx.claim_time(c)
            if entity.period is None or entity.period.start is None or when is None:
                continue
            lo, hi = kb.bounds(entity.period)
            grace = dt.timedelta(days=p["grace_days"])
            # not when spoken of in the future as a launch announced, or a little before the body began (planned)
            before = when[1] < lo - grace and not (tense(c.sentence) == "future" and (
                _FOUNDING.search(c.sentence) is not None or (lo - when[1]).days <= p["planned_lead_days"]))
            # a body said to be led now, or led by someone who then led another body (the one meant), exists then
            led = leaders.get((c.provenance.path, c.provenance.start))
            led_then = _body_led_then(kb, led[0], when, ent_id) if led else None
            after = (entity.period.end is not None and when[0] > hi + grace
                     and (p["flag_after_end"] or (led is not None and (led[1] or led_then is not None))))
            if not (before or after):
                result.support(c, f"entity:{ent_id}")
                continue
            predecessors = [e for e in kb.entities.values() if e.successor == ent_id]
            result.drafts.append(Draft(
                claim=c,
                fields={
                    "name": c.subject.text, "entity": kb.label(ent_id), "period": str(entity.period), "when": fmt_window(when),
                    "relation": "before it existed" if before else "after it ceased to exist",
                    "instead": _instead(kb, ent_id, when, before, predecessors, led_then),
                },
                references=[kb.ref_entity(ent_id), *(kb.ref_entity(x.id) for x in predecessors[:1])],
                key=ent_id,
            ))
        return result


def _instead(kb, ent_id: str, when: tuple[dt.date, dt.date], before: bool, predecessors, led_then: str | None) -> str:
    """The body the article probably means: before the body existed, its predecessor; after it ended, the body
    its leader then led, else its successor of that time."""
    if before:
        return kb.label(predecessors[0].id) if predecessors else "the body of that time"
    return (kb.label(led_then) if led_then else _successor_at(kb, ent_id, when)) or "the body of that time"


def _leaders(ctx: CheckContext) -> dict[tuple[str, int], tuple[str | None, bool]]:
    """Where bodies are named as led, by (document, start of the name): the leader's id, and whether the
    leadership is in the present tense."""
    return {(c.provenance.path, c.object.start): (c.subject.id, _LEADS_NOW.search(c.provenance.quote) is not None)
            for c in ctx.of_kind(ClaimKind.leadership) if c.object is not None and c.object.start is not None}


def _body_led_then(kb, person: str | None, when: tuple[dt.date, dt.date], ent_id: str) -> str | None:
    """The body other than `ent_id` that `person` headed throughout `when`, if any ("the Government of National
    Salvation led by Osama Hamad" in 2024: he then led the Government of National Stability)."""
    for h in kb.holdings_by_holder.get(person or "", []):
        if kb.positions[h.position].heads and h.organization and h.organization != ent_id:
            lo, hi = kb.bounds(h.period)
            if lo <= when[0] and when[1] <= hi:
                return h.organization
    return None


def _successor_at(kb, ent_id: str, when: tuple[dt.date, dt.date]) -> str | None:
    """The body that succeeded `ent_id`, following successors to the one existing at `when` (the GNA, then
    the GNU); the first successor when none on the chain covers `when`."""
    first, seen, cur = None, set(), kb.entities[ent_id].successor
    while cur and cur not in seen and cur in kb.entities:
        seen.add(cur)
        first = first or cur
        period = kb.entities[cur].period
        if period is not None and period.start is not None and overlaps(kb.bounds(period), when):
            return kb.label(cur)
        cur = kb.entities[cur].successor
    return kb.label(first) if first else None


CHECK = ExistencePeriod()
