"""What every check kind shares: its interface, its inputs and the draft findings it returns."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterable, Protocol

from ..extract.window import Constraint
from ..kb import KnowledgeBase
from ..models import Claim, ClaimKind, Document, Evidence, Reference, RuleSpec
from ..text import LineIndex


@dataclass
class CheckContext:
    """The whole corpus as the checks see it."""

    kb: KnowledgeBase
    documents: dict[str, Document]
    claims: dict[str, list[Claim]]
    clashes: dict[str, list[Constraint]] = field(default_factory=dict)

    @cached_property
    def all_claims(self) -> list[Claim]:
        return [c for path in sorted(self.claims) for c in self.claims[path]]

    def of_kind(self, *kinds: ClaimKind) -> list[Claim]:
        return [c for c in self.all_claims if c.kind in kinds]

    @cached_property
    def _lines(self) -> dict[str, LineIndex]:
        return {p: LineIndex(d.text) for p, d in self.documents.items()}

    def evidence(self, path: str, start: int, end: int, role: str = "primary", claim: str | None = None) -> Evidence:
        line, col = self._lines[path].locate(start)
        return Evidence(path=path, start=start, end=end, quote=self.documents[path].text[start:end], line=line, column=col, role=role, claim=claim)

    def claim_evidence(self, c: Claim, role: str = "primary") -> Evidence:
        p = c.provenance
        return Evidence(**p.model_dump(), role=role, claim=c.id)

    def window(self, path: str) -> tuple[dt.date, dt.date] | None:
        w = self.documents[path].published
        return (w.earliest, w.latest) if w.earliest and w.latest else None

    def claim_time(self, c: Claim) -> tuple[dt.date, dt.date] | None:
        t = c.qualifiers.time
        if t is not None:
            return t.earliest, t.latest
        return self.window(c.provenance.path)

    def source(self, path: str) -> str:
        return self.documents[path].source


@dataclass
class Draft:
    """A finding before the engine gives it its rule, fingerprint and order."""

    claim: Claim | None
    fields: dict[str, Any]
    references: list[Reference] = field(default_factory=list)
    related: list[Evidence] = field(default_factory=list)
    key: str = ""
    primary: Evidence | None = None


@dataclass
class CheckResult:
    drafts: list[Draft] = field(default_factory=list)
    supported: dict[str, str | None] = field(default_factory=dict)  # claim id -> reference id

    def support(self, claim: Claim, reference: str | None = None) -> None:
        self.supported.setdefault(claim.id, reference)


class Check(Protocol):
    """A check kind: validates its parameters and runs one rule over the corpus."""

    name: str
    defaults: dict[str, Any]

    def validate_params(self, params: dict[str, Any]) -> list[str]: ...

    def run(self, rule: RuleSpec, ctx: CheckContext) -> CheckResult: ...


class BaseCheck:
    """Parameter validation from `defaults` (types must match); subclasses implement `run`."""

    name = ""
    defaults: dict[str, Any] = {}

    def validate_params(self, params: dict[str, Any]) -> list[str]:
        problems = []
        for k, v in params.items():
            if k not in self.defaults:
                problems.append(f"unknown parameter {k!r} for check {self.name!r}; known: {', '.join(sorted(self.defaults)) or 'none'}")
                continue
            want = self.defaults[k]
            if isinstance(want, bool) != isinstance(v, bool) or (isinstance(want, (int, float)) and not isinstance(v, (int, float))) or (
                isinstance(want, (list, tuple)) and not isinstance(v, (list, tuple))
            ) or (isinstance(want, str) and not isinstance(v, str)):
                problems.append(f"parameter {k!r} must be of type {type(want).__name__}, got {type(v).__name__}")
            elif isinstance(want, (int, float)) and not isinstance(want, bool) and v < 0:
                problems.append(f"parameter {k!r} must not be negative")
        return problems

    def params(self, rule: RuleSpec) -> dict[str, Any]:
        return {**self.defaults, **rule.params}


def overlaps(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def fmt_window(w: tuple[dt.date, dt.date] | None) -> str:
    if w is None:
        return "an unknown date"
    if w[0] == w[1]:
        return w[0].isoformat()
    return f"{w[0].isoformat()} to {w[1].isoformat()}"


def group_by(items: Iterable, key) -> dict:
    out = defaultdict(list)
    for i in items:
        out[key(i)].append(i)
    return out
