"""The baseline: made from a report, applied to a report, with stale entries and verdict counts."""

from __future__ import annotations

from claimcheck.baseline import apply_baseline, make_baseline, new_findings
from claimcheck.models import Baseline, BaselineEntry, BaselineSummary, Verdict


def test_make_baseline_holds_every_finding_sorted_and_accepted(report):
    baseline = make_baseline(report, None)
    assert [(e.path, e.rule) for e in baseline.entries] == [
        ("articles/herald.md", "defunct-organization-name"),
        ("articles/herald.md", "figure-cross-source"),
        ("articles/herald.md", "office-holder-at-publication"),
        ("articles/wire copy.md", "event-date"),
    ]
    assert {e.verdict for e in baseline.entries} == {Verdict.accepted}
    office = baseline.by_fingerprint()["a1b2c3d4e5f60718"]
    assert office.quote == "Interior Minister Fathi Bashagha" and office.note is None


def test_make_baseline_keeps_earlier_verdicts_and_drops_stale_entries(report):
    previous = Baseline(entries=(
        BaselineEntry(fingerprint="a1b2c3d4e5f60718", rule="office-holder-at-publication", path="old/path.md",
                      quote="old quote", verdict="false-alarm", note="Bashagha was acting minister then."),
        BaselineEntry(fingerprint="dead", rule="gone", path="x.md", quote="q", verdict="confirmed"),
    ))
    baseline = make_baseline(report, previous)
    entries = baseline.by_fingerprint()
    assert "dead" not in entries and len(entries) == 4
    office = entries["a1b2c3d4e5f60718"]
    assert office.verdict is Verdict.false_alarm and office.note == "Bashagha was acting minister then."
    assert office.path == "articles/herald.md"  # location refreshed from the current finding
    assert make_baseline(report, previous) == baseline  # deterministic


def test_apply_baseline_marks_findings_and_counts_verdicts(report):
    baseline = Baseline(entries=(
        BaselineEntry(fingerprint="a1b2c3d4e5f60718", rule="r", path="p", quote="q", verdict="false-alarm"),
        BaselineEntry(fingerprint="0f1e2d3c4b5a6978", rule="r", path="p", quote="q", verdict="confirmed"),
        BaselineEntry(fingerprint="9999aaaabbbbcccc", rule="r", path="p", quote="q"),
        BaselineEntry(fingerprint="ffff000011112222", rule="r", path="p", quote="q"),
        BaselineEntry(fingerprint="0000111122223333", rule="r", path="p", quote="q", verdict="confirmed"),
    ))
    applied = apply_baseline(report, baseline)
    verdicts = {f.fingerprint: f.baseline for f in applied.findings}
    assert verdicts == {
        "a1b2c3d4e5f60718": "false-alarm", "0f1e2d3c4b5a6978": "confirmed", "9999aaaabbbbcccc": "accepted",
        "5555666677778888": None,
    }
    assert applied.baseline == BaselineSummary(
        new=1, confirmed=1, false_alarm=1, accepted=1, stale=("0000111122223333", "ffff000011112222"),
    )
    assert [f.fingerprint for f in new_findings(applied)] == ["5555666677778888"]
    assert [f.fingerprint for f in applied.findings] == [f.fingerprint for f in report.findings]  # order kept


def test_applying_a_fresh_baseline_leaves_nothing_new(report):
    applied = apply_baseline(report, make_baseline(report))
    assert new_findings(applied) == ()
    assert applied.baseline == BaselineSummary(accepted=4)


def test_reapplying_clears_verdicts_of_findings_no_longer_baselined(report):
    applied = apply_baseline(report, make_baseline(report))
    again = apply_baseline(applied, Baseline())
    assert len(new_findings(again)) == 4 and again.baseline == BaselineSummary(new=4)


def test_without_a_baseline_every_finding_is_new(report):
    assert new_findings(report) == report.findings
