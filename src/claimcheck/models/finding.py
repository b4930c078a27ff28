"""Findings: conflicts the rules raise, with evidence and the reference facts they rely on."""

from __future__ import annotations

from enum import Enum

from pydantic import Field

from .claim import Span
from .common import Citation, Model, Period


class FindingKind(str, Enum):
    naming = "naming"
    office_holder = "office-holder"
    figure = "figure"
    event = "event"
    date = "date"
    spelling = "spelling"


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Evidence(Span):
    """A span of evidence; the first of a finding is its primary location."""

    role: str = Field(default="primary", description="primary, related (another source) or clash (a mention it clashes with).")
    claim: str | None = Field(default=None, description="Id of the claim the span comes from.")


class Reference(Model):
    """A knowledge-base statement a finding relies on."""

    id: str = Field(description="Knowledge-base statement id.")
    statement: str = Field(description="The fact, in one sentence.")
    citations: tuple[Citation, ...] = ()
    period: Period | None = Field(default=None, description="When the fact holds (an office holding, an organization's existence).")
    label: str | None = Field(default=None, description="Short label for timelines (the holder and office).")


class Finding(Model):
    """A conflict: what was found, why it matters, what to do."""

    fingerprint: str = Field(description="Stable across runs and unchanged when unrelated lines move.")
    rule: str
    kind: FindingKind
    severity: Severity
    message: str
    evidence: tuple[Evidence, ...] = Field(min_length=1)
    references: tuple[Reference, ...] = ()
    source: str = Field(default="unknown", description="Outlet of the primary document.")
    attributed_to: str | None = Field(default=None, description="Who the article reports as saying the claim, if not the outlet.")
    help: str | None = Field(default=None, description="What to do about it.")
    link: str | None = Field(default=None, description="The rule's documentation or authority.")
    baseline: str | None = Field(default=None, description="Reviewer verdict when the finding is in the baseline.")


class Status(str, Enum):
    supported = "supported"
    contradicted = "contradicted"
    unjudged = "unjudged"


class Judgement(Model):
    """What the checks concluded about one claim: the input of source scoring."""

    claim: str = Field(description="Claim id.")
    path: str
    status: Status
    by: str = Field(default="kb", description="kb (the knowledge base) or sources (other documents).")
    severity: Severity | None = Field(default=None, description="Severity of the worst finding, when contradicted.")
    findings: tuple[str, ...] = Field(default=(), description="Fingerprints of the findings about this claim.")
    reference: str | None = Field(default=None, description="Knowledge-base statement id, when one supports or contradicts it.")
