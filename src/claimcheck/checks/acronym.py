"""acronym-expansion: a name written with an acronym that belongs to another entity.

Flags "Government of National Unity (GNA)": GNA is the Government of National Accord's acronym, so the
reader cannot tell which government is meant. Passes "Government of National Accord (GNA)" and acronyms
the knowledge base does not know (they cannot be judged).
"""

from __future__ import annotations

from ..models import ClaimKind, RuleSpec
from .base import BaseCheck, CheckContext, CheckResult, Draft


class AcronymExpansion(BaseCheck):
    name = "acronym-expansion"
    defaults = {"case_sensitive": True}

    def run(self, rule: RuleSpec, ctx: CheckContext) -> CheckResult:
        kb = ctx.kb
        result = CheckResult()
        for c in ctx.of_kind(ClaimKind.organization_name):
            acr = c.qualifiers.acronym
            if c.predicate != "named-with-acronym" or acr is None or not c.subject.id:
                continue
            entity = kb.entities[c.subject.id]
            owners = kb.acronym_owners.get(acr.text, set())
            if not self.params(rule)["case_sensitive"]:
                owners = {i for a, ids in kb.acronym_owners.items() if a.lower() == acr.text.lower() for i in ids}
            if entity.id in owners or acr.text.lower() in {a.lower() for a in entity.acronyms}:
                result.support(c, f"entity:{entity.id}")
                continue
            if not owners:
                continue
            owner_labels = " or ".join(kb.label(o) for o in sorted(owners))
            result.drafts.append(Draft(
                claim=c,
                fields={
                    "name": c.subject.text, "acronym": acr.text, "acronym_entity": owner_labels,
                    "name_entity": kb.label(entity.id), "expected": ", ".join(entity.acronyms) or "no acronym on record",
                    "period": str(entity.period) if entity.period else "",
                },
                references=[kb.ref_entity(entity.id), *(kb.ref_entity(o) for o in sorted(owners))],
                key=f"{entity.id}|{acr.text}",
            ))
        return result


CHECK = AcronymExpansion()
