"""score_sources: weights, verdicts, copy groups, truth discovery and ordering."""

from __future__ import annotations

import pytest

from claimcheck.models import Baseline, BaselineEntry, Severity, Status
from claimcheck.models.baseline import Verdict
from claimcheck.score import explain_score, score_sources
from score_helpers import claim, doc, finding, judged

OFFICES = [f"office-{i}" for i in range(12)]


def _outlet(name: str, supported: int, contradicted: int = 0, reported: bool = False,
            severity: Severity = Severity.error):
    """One document of `name` with claims the knowledge base supports or contradicts."""
    path = f"{name}.txt"
    d = doc(path, name)
    claims, judgements, findings = [], [], []
    for i in range(supported + contradicted):
        c = claim(f"{name}-{i}", path, office=OFFICES[i], holder=f"holder-{i}", reported=reported)
        claims.append(c)
        if i < supported:
            judgements.append(judged(c, Status.supported))
        else:
            f = finding(f"fp-{name}-{i}", c, severity, source=name)
            findings.append(f)
            judgements.append(judged(c, Status.contradicted, severity=severity, findings=(f.fingerprint,)))
    return [d], claims, judgements, findings


def _merge(*parts):
    return tuple(sum((list(p[k]) for p in parts), []) for k in range(4))


def test_contradictions_lower_the_score_and_sort_worst_first() -> None:
    docs, claims, judgements, findings = _merge(_outlet("good", 8), _outlet("bad", 3, 5))
    scoring = score_sources(docs, claims, judgements, findings)
    assert [s.source for s in scoring.sources] == ["bad", "good"]
    bad, good = scoring.source("bad"), scoring.source("good")
    assert bad.score < good.score
    assert bad.interval[0] < bad.score < bad.interval[1]
    assert (good.supported, good.contradicted, good.checkable) == (8, 0, 8)
    assert bad.contradicted == 5.0 and bad.supported == 3
    assert set(bad.drivers) == {f"fp-bad-{i}" for i in range(3, 8)} and good.drivers == ()
    assert good.score == pytest.approx((2 + 8) / (4 + 8), abs=1e-4)  # Beta(2, 2) prior


def test_reported_claims_count_half() -> None:
    own = score_sources(*_outlet("x", 4, 2)).source("x")
    reported = score_sources(*_outlet("x", 4, 2, reported=True)).source("x")
    assert own.contradicted == 2.0 and reported.contradicted == 1.0
    assert reported.score == pytest.approx((2 + 2) / (4 + 2 + 1), abs=1e-4)


@pytest.mark.parametrize(("severity", "weight"), [(Severity.error, 1.0), (Severity.warning, 0.5), (Severity.info, 0.25)])
def test_contradictions_weigh_their_severity(severity: Severity, weight: float) -> None:
    s = score_sources(*_outlet("x", 3, 2, severity=severity)).source("x")
    assert s.contradicted == pytest.approx(2 * weight)


def test_false_alarm_verdicts_remove_contradictions() -> None:
    docs, claims, judgements, findings = _outlet("x", 3, 2)
    baseline = Baseline(entries=tuple(
        BaselineEntry(fingerprint=f.fingerprint, rule=f.rule, path=f.evidence[0].path, quote=f.evidence[0].quote,
                      verdict=Verdict.false_alarm if i == 0 else Verdict.confirmed)
        for i, f in enumerate(findings)
    ))
    before = score_sources(docs, claims, judgements, findings).source("x")
    after = score_sources(docs, claims, judgements, findings, baseline=baseline)
    x = after.source("x")
    assert x.contradicted == before.contradicted - 1.0
    assert x.score > before.score
    assert x.drivers == (findings[1].fingerprint,)
    assert after.credibility[claims[3].id] == 3  # dismissed: possibly true
    assert after.credibility[claims[4].id] == 5  # confirmed contradiction: improbable


def test_few_checkable_claims_cannot_be_judged() -> None:
    scoring = score_sources(*_outlet("x", 2))
    assert scoring.source("x").grade == "F"
    assert score_sources(*_outlet("x", 3)).source("x").grade != "F"


def test_truth_discovery_when_the_kb_is_silent() -> None:
    docs, claims = [], []
    for name, holder in [("a", "mazen"), ("b", "mazen"), ("c", "mazen"), ("d", "someone else")]:
        docs.append(doc(f"{name}.txt", name))
        claims.append(claim(f"{name}-1", f"{name}.txt", holder=holder))
    scoring = score_sources(docs, claims, [], [])
    cred = scoring.credibility
    assert cred["a-1"] in (1, 2) and cred["d-1"] >= 4
    assert scoring.claims["a-1"].evidence.corroboration == 2
    assert scoring.source("d").score < scoring.source("a").score


def test_a_lone_unjudged_claim_cannot_be_judged() -> None:
    d = doc("a.txt", "a")
    scoring = score_sources([d], [claim("c", "a.txt")], [], [])
    assert scoring.credibility == {"c": 6}
    assert scoring.source("a").unjudged == 1 and scoring.source("a").checkable == 0


def test_syndicated_copies_are_one_voice() -> None:
    text = doc("x", "x").text
    docs = [doc("a.txt", "a", text), doc("b.txt", "b", text), doc("c.txt", "c")]
    claims = [claim("a-1", "a.txt"), claim("b-1", "b.txt"), claim("c-1", "c.txt", holder="other person")]
    scoring = score_sources(docs, claims, [], [])
    gid = scoring.copy_groups["a.txt"]
    assert scoring.copy_groups == {"a.txt": gid, "b.txt": gid}
    assert scoring.claims["a-1"].evidence.corroboration == 0  # b only repeats a
    assert scoring.source("a").copy_groups == (gid,)
    # one voice against one: neither value wins outright
    assert 0.3 < scoring.claims["a-1"].evidence.belief < 0.7


def test_explain_names_grade_and_drivers() -> None:
    docs, claims, judgements, findings = _outlet("bad", 3, 2)
    scoring = score_sources(docs, claims, judgements, findings)
    text = explain_score("bad", scoring, findings)
    assert text.splitlines()[0].startswith("bad: grade ")
    assert "fp-bad-3" in text and "bad.txt:1:1: error office-holder-mismatch" in text
    with pytest.raises(KeyError):
        explain_score("nobody", scoring, findings)


def test_empty_input() -> None:
    scoring = score_sources([], [], [], [])
    assert scoring.sources == () and scoring.credibility == {} and scoring.copy_groups == {}


def test_sources_without_claims_are_listed_ungraded() -> None:
    s = score_sources([doc("a.txt", "a")], [], [], []).source("a")
    assert s.grade == "F" and s.score == 0.5 and s.documents == 1
