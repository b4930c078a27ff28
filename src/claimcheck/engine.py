"""The rule engine: run every rule's check over the corpus, turn drafts into findings, judge each claim."""

from __future__ import annotations

import hashlib
import string
from collections import defaultdict

from .checks import CHECKS, CheckContext
from .checks.base import Draft
from .models import Claim, ClaimKind, Finding, Judgement, RuleSpec, Severity, Status
from .text import fold_name

CHECKABLE = {ClaimKind.office_holding, ClaimKind.leadership, ClaimKind.organization_name, ClaimKind.quantity, ClaimKind.event}


class _Fields(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render_message(template: str, fields: dict) -> str:
    return string.Formatter().vformat(template, (), _Fields(fields))


def _finding(rule: RuleSpec, d: Draft, ctx: CheckContext) -> Finding:
    primary = d.primary or (ctx.claim_evidence(d.claim) if d.claim else d.related[0])
    evidence = (primary, *[e for e in d.related if (e.path, e.start, e.end) != (primary.path, primary.start, primary.end)])
    source = ctx.source(primary.path)
    attributed = d.claim.attribution.who if d.claim and d.claim.attribution.asserter == "reported" else None
    return Finding(
        fingerprint="", rule=rule.id, kind=rule.kind, severity=rule.severity,
        message=render_message(rule.message, d.fields), evidence=evidence, references=tuple(d.references),
        source=source, attributed_to=attributed, help=render_message(rule.help, d.fields), link=rule.link,
    )


def fingerprint(f: Finding, key: str, occurrence: int) -> str:
    """Stable across runs and line moves: the rule, the document, what is quoted, what it is about."""
    p = f.evidence[0]
    basis = f"{f.rule}|{p.path}|{fold_name(p.quote)}|{key}|{occurrence}"
    return hashlib.sha256(basis.encode()).hexdigest()[:20]


def _dedupe(findings: list[tuple[Finding, str]], order: dict[str, int], checks_of: dict[str, str]) -> list[tuple[Finding, str]]:
    """Keep one finding per overlapping primary span and kind: the one from the rule listed first. Checks
    that yield (window conflicts) give way to a finding of any kind on the same span."""
    kept: list[tuple[Finding, str]] = []
    for f, key in sorted(findings, key=lambda x: (order[x[0].rule], x[0].evidence[0].path, x[0].evidence[0].start)):
        p = f.evidence[0]
        yields = getattr(CHECKS[checks_of[f.rule]], "yields", False)
        if any((k.kind == f.kind or yields) and k.evidence[0].path == p.path and k.evidence[0].start < p.end and p.start < k.evidence[0].end
               and k.rule != f.rule for k, _ in kept):
            continue
        kept.append((f, key))
    return kept


def run_rules(rules: tuple[RuleSpec, ...], ctx: CheckContext) -> tuple[list[Finding], list[Judgement]]:
    """Findings in a deterministic order, and a judgement for every checkable claim."""
    raw: list[tuple[Finding, str]] = []
    supported: dict[str, str | None] = {}
    about: dict[str, list[Finding]] = defaultdict(list)
    order = {r.id: i for i, r in enumerate(rules)}
    for rule in rules:
        check = CHECKS[rule.check]
        try:
            result = check.run(rule, ctx)
        except Exception as exc:  # a crashing rule is reported, not fatal (the sqlfluff way)
            raise RuntimeError(f"rule {rule.id} ({rule.check}) crashed: {exc!r}") from exc
        for d in result.drafts:
            raw.append((_finding(rule, d, ctx), d.key))
        for cid, ref in result.supported.items():
            supported.setdefault(cid, ref)
    kept = _dedupe(raw, {r.id: (1 if getattr(CHECKS[r.check], "yields", False) else 0, i) for i, r in enumerate(rules)},
                   {r.id: r.check for r in rules})
    seen: dict[str, int] = defaultdict(int)
    findings: list[Finding] = []
    for f, key in sorted(kept, key=lambda x: (x[0].evidence[0].path, x[0].evidence[0].start, x[0].evidence[0].end, x[0].rule, x[1])):
        base = f"{f.rule}|{f.evidence[0].path}|{fold_name(f.evidence[0].quote)}|{key}"
        occurrence = seen[base]
        seen[base] += 1
        f = f.model_copy(update={"fingerprint": fingerprint(f, key, occurrence)})
        findings.append(f)
        for ev in f.evidence:
            if ev.claim and ev.role == "primary":
                about[ev.claim].append(f)
    judgements = []
    for c in ctx.all_claims:
        if c.kind not in CHECKABLE and c.id not in about:
            continue
        if c.id in about:
            worst = max(about[c.id], key=lambda f: f.severity.rank)
            judgements.append(Judgement(claim=c.id, path=c.provenance.path, status=Status.contradicted,
                                        by="sources" if any(len({e.path for e in f.evidence}) > 1 for f in about[c.id]) else "kb",
                                        severity=worst.severity, findings=tuple(f.fingerprint for f in about[c.id])))
        elif c.id in supported:
            judgements.append(Judgement(claim=c.id, path=c.provenance.path, status=Status.supported, reference=supported[c.id]))
        else:
            judgements.append(Judgement(claim=c.id, path=c.provenance.path, status=Status.unjudged))
    return findings, judgements


__all__ = ["fingerprint", "render_message", "run_rules"]
