"""Admiralty grades: source reliability A-F from the posterior, information credibility 1-6 per claim.

The Admiralty (NATO STANAG 2511) system rates a source and each piece of information separately.

Source reliability, from the Beta posterior of `reliability.py` (`SOURCE_GRADES`); a grade needs both
its minimum posterior mean and at most its maximum 90%-interval width, else the next grade is tried.
With the Beta(2, 2) prior, A takes at least 17 weighted claims and no contradiction (Beta(19, 2)):

| grade | meaning | posterior mean | interval width |
|---|---|---|---|
| A | completely reliable | >= 0.90 | <= 0.20 |
| B | usually reliable | >= 0.75 | <= 0.35 |
| C | fairly reliable | >= 0.60 | any |
| D | not usually reliable | >= 0.40 | any |
| E | unreliable | < 0.40 | any |
| F | cannot be judged | fewer than `MIN_CHECKABLE` (3) checkable claims | |

Information credibility of one claim (`credibility`):

| | meaning | when |
|---|---|---|
| 1 | confirmed | the knowledge base supports it, or at least 2 other independent sources state it and its belief is >= 0.9 |
| 2 | probably true | belief >= 0.8 with at least one other independent source stating it |
| 3 | possibly true | belief >= 0.5; or a reviewer marked its contradiction a false alarm |
| 4 | doubtful | belief >= 0.2, or contradicted by other sources without a belief |
| 5 | improbable | contradicted by the knowledge base, or belief < 0.2 |
| 6 | cannot be judged | no knowledge-base judgement and no independent source on its item |

"Belief" is the truth-discovery probability that the claim's value is true; "independent" sources
are other outlets' articles outside the claim's group of syndicated copies.
"""

from __future__ import annotations

from dataclasses import dataclass

from .reliability import Posterior

__all__ = ["MIN_CHECKABLE", "SOURCE_GRADES", "ClaimEvidence", "credibility", "source_grade"]

MIN_CHECKABLE = 3
"""Fewer checkable claims than this and a source cannot be judged (grade F)."""

SOURCE_GRADES: tuple[tuple[str, float, float], ...] = (
    ("A", 0.90, 0.20),
    ("B", 0.75, 0.35),
    ("C", 0.60, 1.0),
    ("D", 0.40, 1.0),
    ("E", 0.0, 1.0),
)
"""(grade, minimum posterior mean, maximum 90% interval width), best first."""


def source_grade(post: Posterior, checkable: int) -> str:
    """Admiralty source reliability grade A-E from a posterior, F with too few checkable claims."""
    if checkable < MIN_CHECKABLE:
        return "F"
    mean, width = post.mean, post.width
    for grade, min_mean, max_width in SOURCE_GRADES:
        if mean >= min_mean and width <= max_width:
            return grade
    return "E"


@dataclass(frozen=True)
class ClaimEvidence:
    """What is known about one claim, for its credibility."""

    kb: str | None = None
    """'supported' or 'contradicted' when the knowledge base judged it (false alarms excluded)."""
    false_alarm: bool = False
    """A reviewer marked every finding against it a false alarm."""
    contradicted_by_sources: bool = False
    """Another source's claim contradicts it (a cross-source finding)."""
    belief: float | None = None
    """Truth-discovery probability that its value is true, when other independent sources speak."""
    corroboration: int = 0
    """Independent sources (copy groups count once) stating the same value, its own excluded."""


def credibility(ev: ClaimEvidence) -> int:
    """Admiralty information credibility 1 (confirmed) to 6 (cannot be judged) of one claim."""
    if ev.kb == "supported":
        return 1
    if ev.kb == "contradicted":
        return 5
    if ev.belief is not None:
        if ev.belief >= 0.9 and ev.corroboration >= 2:
            return 1
        if ev.belief >= 0.8 and ev.corroboration >= 1:
            return 2
        if ev.belief >= 0.5:
            return 3
        if ev.belief >= 0.2:
            return 4
        return 5
    if ev.false_alarm:
        return 3
    if ev.contradicted_by_sources:
        return 4
    return 6
