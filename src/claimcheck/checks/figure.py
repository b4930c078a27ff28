"""figure: a number far from the reference for the same quantity and period, or from another source's.

`against: reference` compares with the knowledge base's figures for the claim's period (or the latest
before it, within `max_gap_days`); `against: sources` compares figures that different outlets give for
the same quantity and month. The tolerance is relative: 0.1 accepts 10% either way. A figure the article
reports a known person as giving is that person's estimate, judged with the wider `quoted_tolerance`. "More than X" is
consistent with any reference above X (less the tolerance), "less than X" with any below.
"""

from __future__ import annotations

import datetime as dt
import re

from ..models import Approximation, ClaimKind, Figure, RuleSpec
from ..text import fold_name
from .base import BaseCheck, CheckContext, CheckResult, Draft, fmt_window, group_by, overlaps


def consistent(value: float, ref: float, approx: Approximation | None, tol: float, upper: float | None = None) -> bool:
    if ref == 0:
        return value == 0
    if upper is not None:
        return value * (1 - tol) <= ref <= upper * (1 + tol)
    if approx in (Approximation.more_than, Approximation.at_least):
        return ref >= value * (1 - tol)
    if approx in (Approximation.less_than, Approximation.up_to):
        return ref <= value * (1 + tol)
    return abs(value - ref) / ref <= tol


def _labelled(figures: list[Figure], sentence: str) -> list[Figure]:
    """The figures whose label ("Round 43") the sentence names, as a whole word."""
    low = sentence.lower()
    return [f for f in figures if f.label and f.label.lower() in low
            and re.search(rf"(?<!\w){re.escape(f.label.lower())}(?!\w)", low)]


def _quotes_a_person(kb, claim) -> bool:
    """Whether the article reports a person of the knowledge base as giving the figure: a politician's round
    estimate, reported correctly, is news in itself. A figure attributed to a body ("according to the IOM")
    is judged like the outlet's own."""
    who = claim.attribution.who if claim.attribution.asserter == "reported" else None
    if not who:
        return False
    return fold_name(who) in kb.people_names or fold_name(who).split()[-1] in kb.derived("surnames", _surnames)


def _surnames(kb) -> frozenset[str]:
    return frozenset(name.split()[-1] for name in kb.people_names if " " in name)


class FigureCheck(BaseCheck):
    name = "figure"
    defaults = {"against": "reference", "tolerance": 0.0, "max_gap_days": 120, "max_window_days": 400,
                "quoted_tolerance": 0.5}

    def references_for(self, ctx: CheckContext, quantity: str, when: tuple[dt.date, dt.date], gap: int) -> list[Figure]:
        figs = ctx.kb.figures_by_quantity.get(quantity, [])
        hit = [f for f in figs if overlaps(ctx.kb.bounds(f.period), when)]
        if hit:
            return hit
        before = [f for f in figs if ctx.kb.bounds(f.period)[1] < when[0] and (when[0] - ctx.kb.bounds(f.period)[1]).days <= gap]
        return before[-1:]

    def run(self, rule: RuleSpec, ctx: CheckContext) -> CheckResult:
        p = self.params(rule)
        result = CheckResult()
        claims = [c for c in ctx.of_kind(ClaimKind.quantity) if c.quantity and c.value is not None]
        if p["against"] == "sources":
            self._sources(rule, ctx, claims, p, result)
            return result
        for c in claims:
            q = ctx.kb.quantities[c.quantity]
            tol = p["tolerance"] or q.tolerance
            if _quotes_a_person(ctx.kb, c):
                # "Sarraj was quoted as saying that some 800,000 ...": his estimate, judged as one
                tol = max(tol, p["quoted_tolerance"])
            labelled = _labelled(ctx.kb.figures_by_quantity.get(c.quantity, []), c.sentence)
            if q.dated_by_text and not labelled and (c.qualifiers.time is None or c.qualifiers.time.basis == "publication"):
                continue  # a yearly count its words do not date: of which year, the publication date does not tell
            when = ctx.claim_time(c)
            if labelled:
                refs = labelled  # "Round 43 ... identified 912,000 migrants": the report is named, its date need not be
            elif when is None:
                continue
            else:
                refs = self.references_for(ctx, c.quantity, when, p["max_gap_days"])
                if (when[1] - when[0]).days > p["max_window_days"] and len(refs) < 2:
                    continue  # a wide window: judge only against the several references inside it, all of them
            if not refs:
                continue
            ok = [f for f in refs if consistent(c.value, f.value, c.qualifiers.approximation, tol, c.upper)]
            if ok:
                result.support(c, f"figure:{ok[0].id}")
                continue
            best = min(refs, key=lambda f: abs(c.value - f.value))
            result.drafts.append(Draft(
                claim=c,
                fields={
                    "value": f"{c.value:,.0f}", "quantity": q.name, "reference": f"{best.value:,.0f}",
                    "deviation": f"{(c.value - best.value) / best.value:+.0%}", "tolerance": f"{tol:.0%}",
                    "period": str(best.period), "publisher": f"{best.publisher}{' ' + best.label if best.label else ''}",
                    "when": fmt_window(when),
                },
                references=[ctx.kb.ref_figure(f) for f in refs],
                key=c.quantity,
            ))
        return result

    def _sources(self, rule, ctx, claims, p, result) -> None:
        def bucket(c):
            w = ctx.claim_time(c)
            if w is None or (w[1] - w[0]).days > 62:
                return None
            return (c.quantity, w[0].year, w[0].month)

        for key, group in sorted(group_by(claims, bucket).items(), key=lambda kv: str(kv[0])):
            if key is None:
                continue
            q = ctx.kb.quantities[key[0]]
            tol = p["tolerance"] or q.tolerance
            group = sorted(group, key=lambda c: (c.provenance.path, c.provenance.start))
            for i, c in enumerate(group):
                for other in group[:i]:
                    if ctx.source(other.provenance.path) == ctx.source(c.provenance.path):
                        continue
                    if consistent(c.value, other.value, c.qualifiers.approximation, tol) or consistent(other.value, c.value, other.qualifiers.approximation, tol):
                        continue
                    result.drafts.append(Draft(
                        claim=c,
                        fields={
                            "value": f"{c.value:,.0f}", "quantity": q.name, "reference": f"{other.value:,.0f}",
                            "deviation": f"{(c.value - other.value) / other.value:+.0%}" if other.value else "n/a",
                            "tolerance": f"{tol:.0%}", "period": f"{key[1]}-{key[2]:02d}",
                            "publisher": ctx.source(other.provenance.path), "when": fmt_window(ctx.claim_time(c)),
                        },
                        related=[ctx.claim_evidence(other, role="related")],
                        key=f"{key[0]}|{other.provenance.path}",
                    ))
                    break


CHECK = FigureCheck()
