"""pydantic models: the single source of truth for every format claimcheck reads or writes."""

from .baseline import Baseline, BaselineEntry, Verdict
from .claim import (
    Approximation, Attribution, Claim, ClaimKind, DocumentClaims, Extractor, Mention, Qualifiers, Span, TimeRef,
)
from .config import Config
from .common import Citation, FuzzyDate, Model, Period, Precision
from .document import Document, PublishedWindow, WindowBasis, WindowEvidence
from .finding import Evidence, Finding, FindingKind, Judgement, Reference, Severity, Status
from .kb import Entity, EntityType, Event, EventType, Figure, Holding, KnowledgeBaseFile, Position, Quantity, ReportedValue
from .report import BaselineSummary, DocumentInfo, Report, RunMeta, SourceScore
from .rule import CaseDocument, PackMeta, RuleCase, RuleCases, RuleExamples, RuleSpec

__all__ = [
    "Baseline", "BaselineEntry", "Config", "Verdict",
    "Approximation", "CaseDocument", "Attribution", "BaselineSummary", "Citation", "Claim", "ClaimKind", "Document", "DocumentClaims",
    "DocumentInfo", "Entity", "EntityType", "Event", "EventType", "Evidence", "Extractor", "Figure", "Finding", "FindingKind",
    "FuzzyDate", "Holding", "Judgement", "Status", "KnowledgeBaseFile", "Mention", "Model", "PackMeta", "Period", "Position", "Precision",
    "PublishedWindow", "Qualifiers", "Quantity", "Reference", "Report", "ReportedValue", "RuleCase", "RuleCases",
    "RuleExamples", "RuleSpec", "RunMeta", "Severity", "SourceScore", "Span", "TimeRef", "WindowBasis",
    "WindowEvidence",
]
