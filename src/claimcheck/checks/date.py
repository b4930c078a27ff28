"""date: an article whose dated mentions admit no common publication date.

Publication windows are inferred from the mentions the knowledge base dates (see extract/window.py).
When a mention that bounds the date on both sides (someone in an office) fits no window that the other
mentions allow, the article contradicts itself; the finding cites the mention and those it clashes with.
"""

from __future__ import annotations

from ..models import RuleSpec
from .base import BaseCheck, CheckContext, CheckResult, Draft


class WindowConflict(BaseCheck):
    name = "date-window"
    yields = True  # a clash another rule already explains on the same span is not reported twice
    defaults = {"min_weight": 1.0, "max_related": 3}

    def run(self, rule: RuleSpec, ctx: CheckContext) -> CheckResult:
        p = self.params(rule)
        result = CheckResult()
        for path in sorted(ctx.clashes):
            doc = ctx.documents[path]
            w = doc.published
            if w.earliest is None or w.latest is None:
                continue
            for clash in ctx.clashes[path]:
                if clash.weight < p["min_weight"]:
                    continue
                related = [ctx.evidence(path, ev.start, ev.end, role="clash") for ev in w.evidence if ev.end > ev.start][: p["max_related"]]
                lo = min(i[0] for i in clash.intervals)
                hi = max(i[1] for i in clash.intervals)
                result.drafts.append(Draft(
                    claim=clash.claim,
                    fields={
                        "mention": clash.claim.provenance.quote, "allows": f"{lo.isoformat()} to {min(hi, ctx.kb.as_of).isoformat()}",
                        "window": f"{w.earliest.isoformat()} to {w.latest.isoformat()}", "reason": clash.reason,
                    },
                    references=[r for r in [_ref(ctx, clash.reference)] if r is not None],
                    related=related,
                    key=clash.reference or "",
                ))
        return result


def _ref(ctx: CheckContext, ref: str | None):
    if not ref:
        return None
    kind, _, ident = ref.partition(":")
    kb = ctx.kb
    if kind == "holding":
        h = next((h for h in kb.holdings if h.id == ident), None)
        return kb.ref_holding(h) if h else None
    if kind == "entity" and ident in kb.entities:
        return kb.ref_entity(ident)
    if kind == "event" and ident in kb.events:
        return kb.ref_event(kb.events[ident])
    return None


CHECK = WindowConflict()
