"""Explain a source's score in plain text: the figures, the grade, and the findings that lowered it."""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Finding
from .grades import MIN_CHECKABLE
from .scoring import Scoring

__all__ = ["explain_score"]


def explain_score(source: str, scoring: Scoring, findings: Sequence[Finding], limit: int = 10) -> str:
    """A few lines saying how `source` was scored and which findings (its drivers) lowered it most.

    Raises:
        KeyError: `source` was not scored.
    """
    s = scoring.source(source)
    if s is None:
        raise KeyError(f"no score for source {source!r}")
    lines = [
        f"{s.source}: grade {s.grade}, reliability {s.score:.2f} (90% interval {s.interval[0]:.2f}-{s.interval[1]:.2f})",
        f"  {s.documents} document(s), {s.checkable} checkable claim(s): {s.supported} supported, "
        f"{s.contradicted:g} weighted contradiction(s), {s.unjudged} unjudged",
    ]
    if s.grade == "F":
        lines.append(f"  cannot be judged: fewer than {MIN_CHECKABLE} checkable claims")
    if s.copy_groups:
        lines.append(f"  syndicated copies counted once: {', '.join(s.copy_groups)}")
    by_fp = {f.fingerprint: f for f in findings}
    if s.drivers:
        lines.append("  lowered by:")
        for fp in s.drivers[:limit]:
            f = by_fp.get(fp)
            if f is None:
                lines.append(f"    {fp}")
                continue
            e = f.evidence[0]
            who = f" (reported: {f.attributed_to})" if f.attributed_to else ""
            lines.append(f"    {e.path}:{e.line}:{e.column}: {f.severity.value} {f.rule}: {f.message}{who} [{fp}]")
        if len(s.drivers) > limit:
            lines.append(f"    ... and {len(s.drivers) - limit} more")
    return "\n".join(lines)
