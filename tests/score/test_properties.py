"""Properties of scoring that must hold for any input (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.models import Severity, Status
from claimcheck.score import score_sources
from score_helpers import claim, doc, finding, judged

OUTLETS = ["alpha", "beta", "gamma", "delta"]
OFFICES = ["interior", "defence", "foreign"]
HOLDERS = ["mazen", "trabelsi", "dbeibah"]
STATUS = [Status.supported, Status.contradicted, Status.unjudged]


@st.composite
def scenarios(draw):
    """A few outlets' articles with office-holding claims, some judged by the knowledge base."""
    n_docs = draw(st.integers(1, 5))
    docs = [doc(f"d{i}.txt", draw(st.sampled_from(OUTLETS))) for i in range(n_docs)]
    claims, judgements, findings = [], [], []
    for k in range(draw(st.integers(0, 10))):
        d = draw(st.sampled_from(docs))
        c = claim(f"c{k:02d}", d.path, office=draw(st.sampled_from(OFFICES)), holder=draw(st.sampled_from(HOLDERS)),
                  reported=draw(st.booleans()))
        claims.append(c)
        status = draw(st.sampled_from(STATUS))
        if status is Status.contradicted:
            f = finding(f"fp{k:02d}", c, draw(st.sampled_from(list(Severity))), source=d.source)
            findings.append(f)
            judgements.append(judged(c, status, by=draw(st.sampled_from(["kb", "sources"])), severity=f.severity,
                                     findings=(f.fingerprint,)))
        elif status is Status.supported:
            judgements.append(judged(c, status))
    return docs, claims, judgements, findings


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(scenarios(), st.data())
def test_adding_a_contradicted_claim_never_raises_a_score(scenario, data) -> None:
    docs, claims, judgements, findings = scenario
    d = data.draw(st.sampled_from(docs))
    c = claim("new", d.path, office=data.draw(st.sampled_from(OFFICES)), holder=data.draw(st.sampled_from(HOLDERS)),
              reported=data.draw(st.booleans()))
    f = finding("fp-new", c, data.draw(st.sampled_from(list(Severity))), source=d.source)
    j = judged(c, Status.contradicted, by="kb", severity=f.severity, findings=(f.fingerprint,))
    before = score_sources(docs, claims, judgements, findings).source(d.source)
    after = score_sources(docs, claims + [c], judgements + [j], findings + [f]).source(d.source)
    assert after.score <= before.score + 1e-9
    assert after.contradicted > before.contradicted


@FAST
@given(scenarios(), st.data())
def test_duplicating_an_article_never_raises_corroboration(scenario, data) -> None:
    docs, claims, judgements, findings = scenario
    d = data.draw(st.sampled_from(docs))
    same_outlet = data.draw(st.booleans())
    dup = doc("copy.txt", d.source if same_outlet else "syndicator", d.text)
    dup_claims = [c.model_copy(update={"id": f"dup-{c.id}", "provenance": c.provenance.model_copy(update={"path": dup.path})})
                  for c in claims if c.provenance.path == d.path]
    before = score_sources(docs, claims, judgements, findings)
    after = score_sources(docs + [dup], claims + dup_claims, judgements, findings)
    for c in claims:
        assert after.claims[c.id].evidence.corroboration <= before.claims[c.id].evidence.corroboration
        if same_outlet:  # the same outlet saying it twice is not more credible
            assert after.credibility[c.id] >= before.credibility[c.id]
    assert after.copy_groups.get(d.path) == after.copy_groups["copy.txt"]


@FAST
@given(scenarios())
def test_scores_are_deterministic_and_well_formed(scenario) -> None:
    docs, claims, judgements, findings = scenario
    a = score_sources(docs, claims, judgements, findings)
    b = score_sources(list(reversed(docs)), list(reversed(claims)), list(reversed(judgements)), findings)
    assert a == b
    assert [(s.score, s.source) for s in a.sources] == sorted((s.score, s.source) for s in a.sources)
    for s in a.sources:
        assert 0 <= s.interval[0] <= s.score <= s.interval[1] <= 1
        assert s.checkable + s.unjudged == sum(1 for c in claims if docs_source(docs, c) == s.source)
    assert set(a.credibility) == {c.id for c in claims}
    assert all(1 <= v <= 6 for v in a.credibility.values())


def docs_source(docs, c) -> str:
    return next(d.source for d in docs if d.path == c.provenance.path)
