"""Source reliability scoring: Beta posteriors, Admiralty grades, syndicated copies and truth discovery.

One entry point, `score_sources`, turns documents, claims, judgements and findings (and optionally
a reviewer baseline) into a `Scoring`: one `SourceScore` per outlet (worst first), an Admiralty
credibility 1-6 per claim, and the groups of syndicated copies. `explain_score` renders one outlet's
score as text. Method, weights and thresholds: docs/scoring.md.

Example::

    from claimcheck.score import explain_score, score_sources

    scoring = score_sources(documents, claims, judgements, findings, baseline=baseline)
    for s in scoring.sources:                 # worst first
        print(s.source, s.grade, s.score, s.interval, s.drivers[:3])
    claims = [c.model_copy(update={"credibility": scoring.credibility[c.id]}) for c in claims]
    infos = [info.model_copy(update={"copy_group": scoring.copy_groups.get(info.path)}) for info in infos]
    text = explain_score("Libya Review", scoring, findings)

Modules: `reliability` (Beta posterior and weights), `grades` (Admiralty thresholds), `copies`
(MinHash near-duplicates), `items` (claims to truth-discovery items), `truth` (AccuCopy, Dong et al.,
VLDB 2009), `scoring` (the entry point), `explain` (text).
"""

from .explain import explain_score
from .grades import ClaimEvidence, credibility, source_grade
from .reliability import Posterior, posterior
from .scoring import ClaimAssessment, Scoring, score_sources
from .truth import TruthResult, discover_truth

__all__ = [
    "ClaimAssessment", "ClaimEvidence", "Posterior", "Scoring", "TruthResult", "credibility", "discover_truth",
    "explain_score", "posterior", "score_sources", "source_grade",
]
