"""Rule packs: pack metadata, one rule per file, and each rule's named cases."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, model_validator

from .finding import FindingKind, Severity
from .common import Model


class PackMeta(Model):
    """`rules/<pack>/pack.yaml`."""

    name: str = Field(pattern=r"^[a-z0-9_-]+$")
    version: str
    description: str
    as_of: dt.date = Field(description="The knowledge base is maintained up to this day; ongoing periods run to it.")
    language: str = "en"
    default_place: str | None = Field(default=None, description="Entity id of the country articles are about when they name none.")


class RuleExamples(Model):
    fail: str = Field(description="A sentence the rule flags.")
    pass_: str = Field(alias="pass", description="A near-miss the rule accepts.")


class RuleSpec(Model):
    """`rules/<pack>/rules/<id>.yaml`: one rule, a check kind with parameters."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    check: str = Field(description="The check kind, from the closed set registered by claimcheck.")
    kind: FindingKind
    severity: Severity
    summary: str = Field(description="One line: what the rule flags.")
    message: str = Field(description="Message template with {placeholders} the check fills in.")
    help: str = Field(description="What to do about a finding.")
    link: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    examples: RuleExamples
    enabled: bool = True


class CaseDocument(Model):
    """One article of a multi-document case (cross-source rules)."""

    source: str
    text: str
    published: dt.date | None = None


class RuleCase(Model):
    """A named case: a short article (or several) and whether the rule must flag it."""

    name: str
    text: str | None = Field(default=None, description="The article; or give `documents` for several.")
    documents: tuple[CaseDocument, ...] = ()
    expect: str = Field(pattern=r"^(pass|fail)$", description="fail: the rule must raise at least one finding; pass: none.")
    published: dt.date | None = Field(default=None, description="Stated publication date for the case article.")
    quote: str | None = Field(default=None, description="For fail cases: a quote the first finding's evidence must contain.")
    todo: str | None = Field(default=None, description="A known miss: recorded, not failing.")

    @model_validator(mode="after")
    def _one_of(self) -> "RuleCase":
        if (self.text is None) == (not self.documents):
            raise ValueError("give either text or documents")
        return self


class RuleCases(Model):
    """`rules/<pack>/rules/<id>.cases.yaml`."""

    rule: str
    cases: tuple[RuleCase, ...] = Field(min_length=2)
