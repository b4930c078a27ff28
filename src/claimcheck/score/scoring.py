"""Score sources: combine judgements, reviewer verdicts, copy groups and truth discovery into grades.

Steps (docs/scoring.md has the reasoning):

1. group syndicated copies (`copies.py`);
2. drop contradictions a reviewer marked `false-alarm` in the baseline (or on the finding);
3. run truth discovery (`truth.py`, AccuCopy) over every claim, the knowledge base being a source
   with a strong prior; a copy group gives each fact one vote, shared among its members;
4. per outlet, add up weighted evidence (`reliability.py`) into a Beta posterior and grade it,
   and rate each claim's credibility (`grades.py`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ..models import Baseline, Claim, Document, Finding, Judgement, Severity, SourceScore, Status
from ..models.baseline import Verdict
from .copies import copy_groups as find_copy_groups
from .grades import ClaimEvidence, credibility, source_grade
from .items import claim_items
from .reliability import INFERRED_WEIGHT, PRIOR, attribution_weight, posterior, severity_weight
from .truth import discover_truth

__all__ = ["KB_PRIOR", "OUTLET_PRIOR", "ClaimAssessment", "Scoring", "score_sources"]

KB_PRIOR: tuple[float, float] = (99.0, 1.0)
"""Beta prior of the knowledge base's accuracy in truth discovery (mean 0.99, held fixed)."""

OUTLET_PRIOR: tuple[float, float] = (4.0, 1.0)
"""Beta prior of an outlet's accuracy in truth discovery: mean 0.8, the paper's starting accuracy.

Unlike the reliability prior (Beta(2, 2), neutral), an outlet with few claims must still cast a vote:
at accuracy 0.5 an outlet's vote on a two-valued item is worth nothing.
"""


@dataclass(frozen=True)
class ClaimAssessment:
    """What scoring concluded about one claim: its evidence, its weight for and against its outlet."""

    claim: str
    source: str
    evidence: ClaimEvidence
    support: float
    against: float
    drivers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scoring:
    """The result of source scoring."""

    sources: tuple[SourceScore, ...]
    """One score per outlet, worst (lowest score) first, ties by name."""
    credibility: dict[str, int]
    """Admiralty information credibility 1-6 of each claim, by claim id."""
    copy_groups: dict[str, str]
    """Group id of each document that has syndicated copies, by path."""
    claims: dict[str, ClaimAssessment] = field(default_factory=dict)
    """The evidence behind each claim's credibility and weight, by claim id."""

    def source(self, name: str) -> SourceScore | None:
        """The score of one outlet, if it was scored."""
        return next((s for s in self.sources if s.source == name), None)


def _live_findings(j: Judgement, dismissed: set[str]) -> tuple[str, ...]:
    return tuple(fp for fp in j.findings if fp not in dismissed)


def _pick(judgements: list[Judgement]) -> Judgement:
    """One judgement per claim: the knowledge base's first, then the most severe contradiction."""
    order = {Status.contradicted: 0, Status.supported: 1, Status.unjudged: 2}
    return min(judgements, key=lambda j: (j.by != "kb", order[j.status], -(j.severity.rank if j.severity else 0)))


def score_sources(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    judgements: Sequence[Judgement],
    findings: Sequence[Finding],
    baseline: Baseline | None = None,
) -> Scoring:
    """Score every outlet's reliability and every claim's credibility.

    Args:
        documents: the articles; each one's `source` is its outlet.
        claims: the claims extracted from them (`provenance.path` names the document).
        judgements: what the checks concluded about each claim; claims without one are unjudged.
        findings: the findings the judgements refer to (for severities).
        baseline: reviewer verdicts; a `false-alarm` verdict removes that contradiction.
    """
    docs = {d.path: d for d in documents}
    groups = find_copy_groups(documents)
    dismissed = {f.fingerprint for f in findings if f.baseline == Verdict.false_alarm.value}
    if baseline is not None:
        dismissed |= {e.fingerprint for e in baseline.entries if e.verdict is Verdict.false_alarm}
    severity_of = {f.fingerprint: f.severity for f in findings}
    by_claim: dict[str, list[Judgement]] = defaultdict(list)
    for j in judgements:
        by_claim[j.claim].append(j)

    claims = sorted(claims, key=lambda c: c.id)
    outlet_of = [docs[c.provenance.path].source if c.provenance.path in docs else "unknown" for c in claims]
    unit_of = [groups.get(c.provenance.path, c.provenance.path) for c in claims]
    outlets = sorted(set(outlet_of) | {d.source for d in documents})
    beliefs, informed, corroboration = _truth(claims, outlets, outlet_of, unit_of, by_claim, dismissed)

    per_source: dict[str, list[ClaimAssessment]] = defaultdict(list)
    assessed: dict[str, ClaimAssessment] = {}
    for k, claim in enumerate(claims):
        j = _pick(by_claim[claim.id]) if by_claim.get(claim.id) else None
        a = _assess(claim, outlet_of[k], j, dismissed, severity_of,
                    beliefs[k] if informed[k] else None, corroboration[k])
        assessed[claim.id] = a
        per_source[outlet_of[k]].append(a)

    scores = []
    for outlet in outlets:
        items = per_source.get(outlet, [])
        support = sum(a.support for a in items)
        against = sum(a.against for a in items)
        post = posterior(support, against, PRIOR)
        lo, hi = post.interval()
        checkable = sum(1 for a in items if a.support + a.against > 0)
        drivers = sorted({(-a.against, fp) for a in items for fp in a.drivers})
        outlet_docs = [d for d in documents if d.source == outlet]
        scores.append(SourceScore(
            source=outlet, score=round(post.mean, 4), interval=(round(lo, 4), round(hi, 4)),
            grade=source_grade(post, checkable), documents=len(outlet_docs), checkable=checkable,
            supported=sum(1 for a in items if a.evidence.kb == "supported" or (a.support > 0 and a.against == 0)),
            contradicted=round(against, 4), unjudged=len(items) - checkable,
            copy_groups=tuple(sorted({groups[d.path] for d in outlet_docs if d.path in groups})),
            drivers=tuple(dict.fromkeys(fp for _, fp in drivers)),
        ))
    scores.sort(key=lambda s: (s.score, s.source))
    return Scoring(
        sources=tuple(scores),
        credibility={cid: credibility(a.evidence) for cid, a in sorted(assessed.items())},
        copy_groups=dict(sorted(groups.items())),
        claims=dict(sorted(assessed.items())),
    )


def _assess(
    claim: Claim, outlet: str, j: Judgement | None, dismissed: set[str], severity_of: dict[str, Severity],
    belief: float | None, corroboration: int,
) -> ClaimAssessment:
    """Weigh one claim for and against its outlet."""
    w = attribution_weight(claim)
    live = _live_findings(j, dismissed) if j is not None else ()
    false_alarm = j is not None and j.status is Status.contradicted and bool(j.findings) and not live
    contradicted = j is not None and j.status is Status.contradicted and not false_alarm
    severities = [severity_of[fp] for fp in live if fp in severity_of]
    sev = max(severities, key=lambda s: s.rank) if severities else (j.severity if j is not None else None)
    kb = None
    if j is not None and j.by == "kb" and (j.status is Status.supported or contradicted):
        kb = j.status.value
    ev = ClaimEvidence(kb=kb, false_alarm=false_alarm, contradicted_by_sources=contradicted and j is not None and j.by != "kb",
                       belief=belief, corroboration=corroboration)
    support = against = 0.0
    if kb == "supported":
        support = w
    elif kb == "contradicted":
        against = w * severity_weight(sev)
    elif belief is not None:
        support = INFERRED_WEIGHT * w * belief
        against = INFERRED_WEIGHT * w * (1.0 - belief) * severity_weight(sev if contradicted else None)
    elif contradicted:
        against = INFERRED_WEIGHT * w * severity_weight(sev)
    elif j is not None and j.status is Status.supported:
        support = INFERRED_WEIGHT * w
    drivers = live if contradicted else ()
    return ClaimAssessment(claim.id, outlet, ev, support, against, drivers)


def _truth(
    claims: list[Claim], outlets: list[str], outlet_of: list[str], unit_of: list[str],
    by_claim: dict[str, list[Judgement]], dismissed: set[str],
) -> tuple[list[float], list[bool], list[int]]:
    """Truth-discovery belief of each claim, whether independent evidence informs it, and its corroboration."""
    n = len(claims)
    if n == 0:
        return [], [], []
    item, value = claim_items(claims)
    n_values = max(value) + 1
    src_index = {o: i for i, o in enumerate(outlets)}
    kb = len(outlets)

    # One vote per (unit, fact), shared among the unit's documents; one per (outlet, fact) at most.
    unit_docs: dict[tuple[str, int, int], set[str]] = defaultdict(set)
    for k, c in enumerate(claims):
        unit_docs[(unit_of[k], item[k], value[k])].add(c.provenance.path)
    weight: dict[tuple[int, int, int], float] = defaultdict(float)
    seen_doc_fact: set[tuple[str, int, int]] = set()
    # Where the knowledge base judged a unit's claim, it speaks for that fact: the unit's vote (and its copies')
    # would count it twice, and would let a new contradiction shift other outlets' standing.
    judged_by_kb = {(unit_of[k], item[k], value[k]) for k, c in enumerate(claims)
                    if any(j.by == "kb" and j.status is not Status.unjudged for j in by_claim.get(c.id, []))}
    for k, c in enumerate(claims):  # a document counts once per fact, however often it repeats it
        if (unit_of[k], item[k], value[k]) in judged_by_kb:
            continue
        key = (c.provenance.path, item[k], value[k])
        if key in seen_doc_fact:
            continue
        seen_doc_fact.add(key)
        weight[(src_index[outlet_of[k]], item[k], value[k])] += 1.0 / len(unit_docs[(unit_of[k], item[k], value[k])])
    obs = sorted(weight)
    src = [s for s, _, _ in obs]
    itm = [i for _, i, _ in obs]
    val = [v for _, _, v in obs]
    wts = [min(1.0, weight[o]) for o in obs]

    # The knowledge base: it states a supported claim's value, or "something else" against a contradicted one.
    kb_facts: set[tuple[int, int]] = set()
    for k, c in enumerate(claims):
        for j in by_claim.get(c.id, []):
            if j.by != "kb":
                continue
            if j.status is Status.supported:
                kb_facts.add((item[k], value[k]))
            elif j.status is Status.contradicted and (not j.findings or _live_findings(j, dismissed)):
                kb_facts.add((item[k], n_values + item[k]))
    for i, v in sorted(kb_facts):
        src.append(kb)
        itm.append(i)
        val.append(v)
        wts.append(1.0)

    n_items = max(item) + 1
    distinct = np.zeros(n_items)
    for i, _ in {(i, v) for i, v in zip(itm, val)}:
        distinct[i] += 1
    n_src = kb + 1
    a = np.full(n_src, OUTLET_PRIOR[0])
    b = np.full(n_src, OUTLET_PRIOR[1])
    a[kb], b[kb] = KB_PRIOR
    is_kb = np.zeros(n_src, dtype=bool)
    is_kb[kb] = True
    res = discover_truth(src, itm, val, n_sources=n_src, weight=wts, prior=(a, b), fixed=is_kb, independent=is_kb,
                         n_false=np.maximum(distinct - 1, 1))
    fact_of = {(int(i), int(v)): f for f, (i, v) in enumerate(zip(res.fact_item, res.fact_value))}

    # Who speaks on each item and fact, by unit (a copy group or a document). A unit speaks
    # independently of an outlet when none of its documents is that outlet's.
    unit_outlets: dict[str, set[str]] = defaultdict(set)
    speakers: dict[int, set[str]] = defaultdict(set)
    stating: dict[tuple[int, int], set[str]] = defaultdict(set)
    for k in range(n):
        unit_outlets[unit_of[k]].add(outlet_of[k])
        speakers[item[k]].add(unit_of[k])
        stating[(item[k], value[k])].add(unit_of[k])
    kb_items = {i for i, _ in kb_facts}
    beliefs, informed, corroboration = [], [], []
    for k in range(n):
        def independent(u: str, k: int = k) -> bool:
            return outlet_of[k] not in unit_outlets[u]
        fact = fact_of.get((item[k], value[k]))
        beliefs.append(float(res.belief[fact]) if fact is not None else 0.0)
        informed.append(any(map(independent, speakers[item[k]])) or item[k] in kb_items)
        corroboration.append(sum(1 for u in stating[(item[k], value[k])] if independent(u)))
    return beliefs, informed, corroboration
