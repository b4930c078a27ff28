"""The baseline: acknowledge findings by fingerprint so that only new ones fail a check.

`make_baseline` writes every current finding into a baseline, keeping the verdicts and notes reviewers
gave earlier; a finding seen for the first time gets the verdict `accepted` (acknowledged, not yet
triaged), the model's default. `apply_baseline` marks the findings of a report with their verdicts and
summarises the comparison; `new_findings` are those the baseline does not hold: the ones that fail a check.
"""

from __future__ import annotations

from .models import Baseline, BaselineEntry, BaselineSummary, Evidence, Finding, Report, Verdict


def _primary(finding: Finding) -> Evidence:
    """The first span whose role is primary, else the first span."""
    return next((e for e in finding.evidence if e.role == "primary"), finding.evidence[0])


def make_baseline(report: Report, previous: Baseline | None = None) -> Baseline:
    """A baseline holding every finding of `report`, with earlier verdicts and notes kept.

    Entries of `previous` whose findings are gone (stale) are dropped. Entries are sorted by path,
    rule and fingerprint so the file diffs well.
    """
    known = previous.by_fingerprint() if previous else {}
    entries: dict[str, BaselineEntry] = {}
    for f in report.findings:
        if f.fingerprint in entries:
            continue
        p = _primary(f)
        old = known.get(f.fingerprint)
        entries[f.fingerprint] = BaselineEntry(
            fingerprint=f.fingerprint,
            rule=f.rule,
            path=p.path,
            quote=p.quote,
            verdict=old.verdict if old else Verdict.accepted,
            note=old.note if old else None,
        )
    return Baseline(entries=tuple(sorted(entries.values(), key=lambda b: (b.path, b.rule, b.fingerprint))))


def apply_baseline(report: Report, baseline: Baseline) -> Report:
    """A copy of `report` whose findings carry their baseline verdicts and whose `baseline` summarises them.

    Findings not in the baseline get `baseline=None` (new); baseline entries matching no finding are listed
    as stale.
    """
    known = baseline.by_fingerprint()
    findings: list[Finding] = []
    tally = {v: 0 for v in Verdict}
    new = 0
    for f in report.findings:
        entry = known.get(f.fingerprint)
        if entry is None:
            new += 1
            findings.append(f.model_copy(update={"baseline": None}) if f.baseline is not None else f)
        else:
            tally[entry.verdict] += 1
            findings.append(f.model_copy(update={"baseline": entry.verdict.value}))
    present = {f.fingerprint for f in report.findings}
    summary = BaselineSummary(
        new=new,
        confirmed=tally[Verdict.confirmed],
        false_alarm=tally[Verdict.false_alarm],
        accepted=tally[Verdict.accepted],
        stale=tuple(sorted(fp for fp in known if fp not in present)),
    )
    return report.model_copy(update={"findings": tuple(findings), "baseline": summary})


def new_findings(report: Report) -> tuple[Finding, ...]:
    """The findings the baseline does not hold (all of them when no baseline was applied)."""
    return tuple(f for f in report.findings if f.baseline is None)
