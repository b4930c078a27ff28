"""founding-date: a body said to have been launched, set up or put in place at a date far from its start on record.

"... replaced by Joint Operation Themis in February 2019": Themis began on 1 February 2018. The sentence must
tie the date to the body's coming into being: a founding verb right before or after the body's name ("launched
Operation Irini on 31 March 2020", "UNSMIL, established in September 2011", "was replaced by Themis in
February 2018"), and the date right after it. The stated days must come within `slack_days` of the start on
record (an announcement, a first patrol or a handover a few weeks apart is no error).
"""

from __future__ import annotations

import datetime as dt
import re

from ..dates import dates_in, resolve
from ..models import ClaimKind, RuleSpec
from .base import BaseCheck, CheckContext, CheckResult, Draft, overlaps

_FOUNDED = r"(?:launched|set up|established|created|founded|formed|inaugurated|(?:began|started) operations)"
# the body's name, then its founding: "UNSMIL, established in", "Irini, which was launched on"
_AFTER_NAME = re.compile(rf"\s*(?:\([^)]{{1,12}}\)\s*)?,?\s*(?:which\s+|that\s+)?(?:(?:was|were|had\s+been|has\s+been)\s+)?"
                         rf"{_FOUNDED}\s+(?:on|in)\s+", re.I)
# the founding, then the body's name: "launched Operation Irini on", "replaced by Joint Operation Themis in" (not
# "Triton was replaced in ...": that is the end of the body named)
_BEFORE_NAME = re.compile(rf"\b(?:{_FOUNDED}|replaced\s+by|succeeded\s+by)\s+(?:the\s+|its\s+|a\s+new\s+)?$", re.I)
_DATE_AFTER_NAME = re.compile(r"\s*(?:\([^)]{1,12}\)\s*)?,?\s+(?:on|in)\s+", re.I)


class FoundingDate(BaseCheck):
    name = "founding-date"
    # slack_days: how far a stated date may lie from the start on record (announcement, first patrol, handover)
    defaults = {"slack_days": 45}

    def run(self, rule: RuleSpec, ctx: CheckContext) -> CheckResult:
        kb = ctx.kb
        slack = dt.timedelta(days=self.params(rule)["slack_days"])
        result = CheckResult()
        for c in ctx.of_kind(ClaimKind.organization_name):
            entity = kb.entities.get(c.subject.id or "")
            if entity is None or entity.period is None or entity.period.start is None:
                continue
            text = ctx.documents[c.provenance.path].text
            found = _founding_date(text, c.provenance.start, c.provenance.end)
            if found is None:
                continue
            start, end, mention = found
            start_on_record = entity.period.start
            stated = resolve(mention, ctx.window(c.provenance.path))
            if stated is None:
                continue
            if overlaps((start_on_record.earliest - slack, start_on_record.latest + slack), (stated.earliest, stated.latest)):
                result.support(c, f"entity:{entity.id}")
                continue
            result.drafts.append(Draft(
                claim=c,
                fields={"name": c.subject.text, "entity": kb.label(entity.id), "written": mention.text,
                        "start": str(start_on_record)},
                references=[kb.ref_entity(entity.id)],
                key=f"{entity.id}|{mention.text}",
                primary=ctx.evidence(c.provenance.path, start, end, claim=c.id),
            ))
        return result


def _founding_date(text: str, name_start: int, name_end: int):
    """The date a founding verb ties to the body named at [name_start, name_end): (start, end, mention) in the
    document, or None."""
    after = _AFTER_NAME.match(text, name_end, min(len(text), name_end + 60))
    if after is None:
        before = _BEFORE_NAME.search(text, max(0, name_start - 40), name_start)
        after = _DATE_AFTER_NAME.match(text, name_end, min(len(text), name_end + 20)) if before else None
    if after is None:
        return None
    found = dates_in(text[after.end():after.end() + 40])
    if not found or found[0].start != 0 or (found[0].year is None and found[0].month is None):
        return None
    m = found[0]
    return after.end() + m.start, after.end() + m.end, m


CHECK = FoundingDate()
