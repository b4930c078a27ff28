"""Admiralty source grades and information credibility thresholds."""

from __future__ import annotations

import pytest

from claimcheck.score.grades import MIN_CHECKABLE, ClaimEvidence, credibility, source_grade
from claimcheck.score.reliability import Posterior, posterior


@pytest.mark.parametrize(
    ("supported", "contradicted", "grade"),
    [
        (40, 0, "A"),  # mean 0.95, narrow
        (10, 0, "B"),  # mean 0.86: not 0.90
        (30, 5, "B"),  # mean 0.82
        (6, 2, "C"),  # mean 0.67
        (4, 4, "D"),  # mean 0.50
        (1, 8, "E"),  # mean 0.23
    ],
)
def test_source_grade_thresholds(supported: float, contradicted: float, grade: str) -> None:
    assert source_grade(posterior(supported, contradicted), checkable=int(supported + contradicted)) == grade


def test_a_needs_a_narrow_interval() -> None:
    wide = Posterior(18, 2)  # 16 supported claims: mean 0.90 but the interval is 0.207 wide
    assert wide.mean >= 0.9 and wide.width > 0.20
    assert source_grade(wide, checkable=16) == "B"
    assert source_grade(Posterior(19, 2), checkable=17) == "A"


def test_too_few_checkable_claims_is_f() -> None:
    assert source_grade(posterior(2, 0), checkable=MIN_CHECKABLE - 1) == "F"
    assert source_grade(posterior(3, 0), checkable=MIN_CHECKABLE) != "F"


@pytest.mark.parametrize(
    ("evidence", "level"),
    [
        (ClaimEvidence(kb="supported"), 1),
        (ClaimEvidence(kb="contradicted", belief=0.99, corroboration=5), 5),
        (ClaimEvidence(belief=0.95, corroboration=2), 1),
        (ClaimEvidence(belief=0.95, corroboration=1), 2),
        (ClaimEvidence(belief=0.85, corroboration=1), 2),
        (ClaimEvidence(belief=0.85, corroboration=0), 3),
        (ClaimEvidence(belief=0.5), 3),
        (ClaimEvidence(belief=0.49), 4),
        (ClaimEvidence(belief=0.2), 4),
        (ClaimEvidence(belief=0.19), 5),
        (ClaimEvidence(false_alarm=True), 3),
        (ClaimEvidence(contradicted_by_sources=True), 4),
        (ClaimEvidence(), 6),
    ],
)
def test_credibility_thresholds(evidence: ClaimEvidence, level: int) -> None:
    assert credibility(evidence) == level
