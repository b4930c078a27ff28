"""The seed corpus end to end: snapshots of claims, findings and the source table, and the gold windows."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from .conftest import SEEDS, SHARED

SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


def _claim_row(c) -> dict:
    q = c.qualifiers
    return {
        "kind": c.kind.value, "predicate": c.predicate, "quote": c.provenance.quote, "start": c.provenance.start,
        "end": c.provenance.end, "line": c.provenance.line, "subject": c.subject.id or c.subject.text,
        "object": (c.object.id or c.object.text) if c.object else None,
        "organization": q.organization.id if q.organization else None, "acronym": q.acronym.text if q.acronym else None,
        "role": q.role, "value": c.value, "quantity": c.quantity, "asserter": c.attribution.asserter,
        "time": [str(q.time.earliest), str(q.time.latest)] if q.time else None,
    }


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_claims_snapshot(seeds_run, name, data_regression):
    e = next(e for e in seeds_run.extractions if e.document.path.endswith(name))
    data_regression.check({"claims": [_claim_row(c) for c in e.claims if c.kind.value != "date"]},
                          basename=f"claims_{name.split('_')[0]}")


def test_seed_findings_snapshot(seeds_run, data_regression):
    rows = [{"rule": f.rule, "kind": f.kind.value, "severity": f.severity.value, "fingerprint": f.fingerprint,
             "evidence": [[e.path, e.start, e.end, e.quote] for e in f.evidence], "message": f.message,
             "references": [r.id for r in f.references]} for f in seeds_run.report.findings]
    windows = {d.path: [str(d.published.earliest), str(d.published.latest), d.published.basis.value, d.source] for d in seeds_run.report.documents}
    data_regression.check({"findings": rows, "documents": windows})


def test_seed_source_table(seeds_run, data_regression):
    table = [{"source": s.source, "grade": s.grade, "score": round(s.score, 2), "interval": [round(x, 2) for x in s.interval],
              "checkable": s.checkable} for s in seeds_run.report.sources]
    data_regression.check({"sources": table})
    rank = [s.source for s in seeds_run.report.sources]
    clean = {s.source for s in seeds_run.report.sources if not any(f.source == s.source for f in seeds_run.report.findings)}
    assert clean, "some outlet's claims all check out"
    assert all(rank.index("ALG24") < rank.index(c) for c in clean), "ALG24 (two naming errors) ranks below the clean outlets"


def test_gold_publication_windows(seeds_run):
    gold = json.loads((SHARED / "eval" / "seeds.gold.json").read_text())
    docs = {d.path.rsplit("/", 1)[1]: d for d in seeds_run.report.documents}
    for g in gold["dates"]:
        w = docs[g["doc"]].published
        assert w.contains(dt.date.fromisoformat(g["contains"])), (g, w)
    stated = docs["002_4e62d04262c92617.txt"].published
    assert (stated.earliest, stated.latest, stated.basis.value) == (dt.date(2021, 6, 10), dt.date(2021, 6, 10), "stated")


def test_seed_required_findings(seeds_run):
    """The four conflicts the seeds must raise (the evaluation's required list), by rule and quote."""
    got = {(f.rule, f.evidence[0].path.rsplit("/", 1)[1], f.evidence[0].quote) for f in seeds_run.report.findings}
    assert ("acronym-mismatch", "001_17b77e9d4b51df15.txt", "Government of National Unity (GNA)") in got or \
        sum(1 for r, p, _ in got if r == "acronym-mismatch" and p.startswith("001")) == 2
    assert any(r == "figure-reference" and p.startswith("002") and "700,000" in q for r, p, q in got)
    assert any(r == "name-spelling" and q == "James Claverly" for r, _, q in got)
