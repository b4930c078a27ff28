"""The report: documents, findings, source scores and run metadata, in a deterministic order."""

from __future__ import annotations

from pydantic import Field

from .common import Model
from .document import PublishedWindow
from .finding import Finding


class DocumentInfo(Model):
    """What the report says of one document."""

    path: str
    sha256: str
    source: str
    title: str | None = None
    published: PublishedWindow
    claims: int = Field(description="How many claims were extracted.")
    copy_group: str | None = Field(default=None, description="Id of the group of near-duplicate articles it belongs to.")


class SourceScore(Model):
    """How reliable an outlet's checkable claims were."""

    source: str
    score: float = Field(ge=0.0, le=1.0, description="Posterior mean reliability.")
    interval: tuple[float, float] = Field(description="90% credible interval of the reliability.")
    grade: str = Field(pattern=r"^[A-F]$", description="Admiralty source reliability grade, F when it cannot be judged.")
    documents: int = 0
    checkable: int = 0
    supported: int = 0
    contradicted: float = Field(default=0, description="Contradictions weighted by severity and attribution.")
    unjudged: int = 0
    copy_groups: tuple[str, ...] = ()
    drivers: tuple[str, ...] = Field(default=(), description="Fingerprints of the findings that lowered the score.")


class RunMeta(Model):
    tool: str = "claimcheck"
    tool_version: str
    packs: tuple[str, ...] = Field(description="name@version of each rule pack used.")
    kb_version: str = Field(description="Hash of the knowledge base contents.")
    extractor_version: str


class BaselineSummary(Model):
    new: int = 0
    confirmed: int = 0
    false_alarm: int = 0
    accepted: int = 0
    stale: tuple[str, ...] = ()


class Report(Model):
    """The result of `claimcheck check`."""

    findings: tuple[Finding, ...]
    documents: tuple[DocumentInfo, ...]
    sources: tuple[SourceScore, ...] = ()
    run: RunMeta
    baseline: BaselineSummary | None = None
