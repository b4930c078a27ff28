"""Beta posterior and evidence weights."""

from __future__ import annotations

import pytest

from claimcheck.models import Severity
from claimcheck.score.reliability import (
    ATTRIBUTION_WEIGHT, PRIOR, SEVERITY_WEIGHT, attribution_weight, posterior, severity_weight,
)
from score_helpers import claim


def test_prior_is_beta_2_2_with_mean_half() -> None:
    post = posterior(0, 0)
    assert (post.alpha, post.beta) == PRIOR == (2.0, 2.0)
    assert post.mean == 0.5
    lo, hi = post.interval()
    assert lo == pytest.approx(0.1354, abs=1e-3) and hi == pytest.approx(0.8646, abs=1e-3)


def test_evidence_moves_the_mean_and_narrows_the_interval() -> None:
    few, many = posterior(4, 0), posterior(40, 0)
    assert 0.5 < few.mean < many.mean < 1
    assert many.width < few.width
    assert posterior(0, 4).mean < 0.5


def test_negative_evidence_is_refused() -> None:
    with pytest.raises(ValueError):
        posterior(-1, 0)


def test_severity_weights() -> None:
    assert SEVERITY_WEIGHT == {Severity.error: 1.0, Severity.warning: 0.5, Severity.info: 0.25}
    assert severity_weight(None) == 0.5


def test_reported_claims_weigh_half() -> None:
    assert attribution_weight(claim("c1", "a.txt")) == 1.0
    assert attribution_weight(claim("c2", "a.txt", reported=True)) == 0.5 == ATTRIBUTION_WEIGHT["reported"]
