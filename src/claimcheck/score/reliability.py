"""Source reliability as a Beta posterior over the share of an outlet's checkable claims that hold.

Model: each checkable claim of an outlet is right with probability `r`, the outlet's reliability. The
prior is Beta(2, 2) (`PRIOR`): mean 0.5, weakly informative (worth four claims), and it keeps the
posterior away from 0 and 1 when an outlet has only a few claims. Evidence is weighted, so the
posterior is Beta(2 + s, 2 + f) with `s` the weighted supported claims and `f` the weighted
contradictions:

* a contradiction weighs its severity: error 1.0, warning 0.5, info 0.25 (`SEVERITY_WEIGHT`);
* a claim the outlet attributes to someone else ("the minister said") weighs half (`ATTRIBUTION_WEIGHT`),
  for and against: the outlet chose to repeat it unchallenged, but the statement is the speaker's;
* evidence inferred by truth discovery (other outlets, when the knowledge base is silent) weighs half
  again (`INFERRED_WEIGHT`): agreement among outlets is weaker than a cited reference fact.

The score is the posterior mean; the interval is the 90% equal-tailed credible interval.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Claim, Severity

__all__ = [
    "ATTRIBUTION_WEIGHT", "INFERRED_WEIGHT", "LEVEL", "PRIOR", "SEVERITY_WEIGHT", "Posterior",
    "attribution_weight", "posterior", "severity_weight",
]

PRIOR: tuple[float, float] = (2.0, 2.0)
"""Beta(a, b) prior of an outlet's reliability: mean 0.5, worth four claims."""

LEVEL = 0.90
"""Probability mass of the credible interval."""

SEVERITY_WEIGHT: dict[Severity, float] = {Severity.error: 1.0, Severity.warning: 0.5, Severity.info: 0.25}
"""How much one contradiction of each severity counts."""

ATTRIBUTION_WEIGHT: dict[str, float] = {"outlet": 1.0, "reported": 0.5}
"""How much a claim counts by who asserts it: the outlet itself, or someone it reports."""

INFERRED_WEIGHT = 0.5
"""How much truth-discovery evidence (other outlets) counts against knowledge-base evidence."""


@dataclass(frozen=True)
class Posterior:
    """A Beta posterior of reliability: its parameters, mean and credible interval."""

    alpha: float
    beta: float

    @property
    def mean(self) -> float:
        """Posterior mean: the score."""
        return self.alpha / (self.alpha + self.beta)

    def interval(self, level: float = LEVEL) -> tuple[float, float]:
        """Equal-tailed credible interval holding `level` of the probability."""
        from scipy.stats import beta as beta_dist  # lazy: SciPy takes a while to import

        tail = (1.0 - level) / 2.0
        lo, hi = beta_dist.ppf([tail, 1.0 - tail], self.alpha, self.beta)
        return float(lo), float(hi)

    @property
    def width(self) -> float:
        """Width of the 90% credible interval."""
        lo, hi = self.interval()
        return hi - lo


def posterior(supported: float, contradicted: float, prior: tuple[float, float] = PRIOR) -> Posterior:
    """The Beta posterior after `supported` weighted successes and `contradicted` weighted failures."""
    if supported < 0 or contradicted < 0:
        raise ValueError("evidence weights cannot be negative")
    return Posterior(prior[0] + supported, prior[1] + contradicted)


def attribution_weight(claim: Claim) -> float:
    """Weight of a claim by who asserts it (`ATTRIBUTION_WEIGHT`; unknown asserters count fully)."""
    return ATTRIBUTION_WEIGHT.get(claim.attribution.asserter, 1.0)


def severity_weight(severity: Severity | None) -> float:
    """Weight of a contradiction by its severity; an unknown severity counts as a warning."""
    return SEVERITY_WEIGHT[severity] if severity is not None else SEVERITY_WEIGHT[Severity.warning]
