"""Claims: the factual statements an article makes, each with its exact provenance."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import Field

from .common import Model, Precision
from .document import PublishedWindow


class ClaimKind(str, Enum):
    """What a claim asserts."""

    office_holding = "office-holding"
    organization_name = "organization-name"
    leadership = "leadership"
    quantity = "quantity"
    event = "event"
    date = "date"
    person_name = "person-name"


class Span(Model):
    """A piece of a document: `text[start:end] == quote`, with 1-based line and column of `start`."""

    path: str
    start: int
    end: int
    quote: str
    line: int = Field(ge=1)
    column: int = Field(ge=1)


class Mention(Model):
    """A thing a claim is about, as written and, when resolved, as a knowledge-base id."""

    text: str = Field(description="The surface text in the article.")
    id: str | None = Field(default=None, description="Knowledge-base id, when the mention was resolved.")
    start: int | None = None
    end: int | None = None


class TimeRef(Model):
    """When a claim holds: a day range with the precision it was stated to."""

    earliest: dt.date
    latest: dt.date
    precision: Precision
    text: str | None = Field(default=None, description="The date expression, when one was written.")
    basis: str = Field(default="publication", description="stated (a date in the text), relative, or publication.")


class Approximation(str, Enum):
    exact = "exact"
    about = "about"
    more_than = "more-than"
    less_than = "less-than"
    at_least = "at-least"
    up_to = "up-to"


class Qualifiers(Model):
    """The circumstances a claim is stated under."""

    time: TimeRef | None = None
    place: Mention | None = None
    unit: str | None = None
    approximation: Approximation | None = None
    role: str | None = Field(default=None, description="Office modifier: acting, deputy, former, candidate, ...")
    organization: Mention | None = Field(default=None, description="Organization or country an office belongs to.")
    acronym: Mention | None = Field(default=None, description="The acronym written beside a name.")
    tense: str | None = Field(default=None, description="past, present or future, where it matters (events).")


class Attribution(Model):
    """Who asserts the claim: the outlet itself, or a person it reports."""

    asserter: str = Field(description="'outlet' or 'reported'.")
    who: str | None = Field(default=None, description="The person or body reported as saying it.")
    cue: str | None = Field(default=None, description="The words that mark the attribution (said, according to).")


class Extractor(Model):
    name: str
    version: str


class Claim(Model):
    """One factual statement extracted from a document."""

    id: str = Field(description="Stable id: a hash of the document path, kind and span.")
    kind: ClaimKind
    subject: Mention
    predicate: str = Field(description="holds-office, named, leads, count, occurred, scheduled, ...")
    object: Mention | None = None
    value: float | None = Field(default=None, description="The number, for quantity claims (the lower end of a range).")
    upper: float | None = Field(default=None, description="The upper end, when the figure is a range.")
    quantity: str | None = Field(default=None, description="Knowledge-base quantity key, for quantity claims.")
    qualifiers: Qualifiers = Qualifiers()
    attribution: Attribution = Attribution(asserter="outlet")
    provenance: Span
    sentence: str = Field(description="The sentence the claim stands in.")
    extractor: Extractor
    confidence: float = Field(ge=0.0, le=1.0)
    credibility: int | None = Field(default=None, ge=1, le=6, description="Admiralty information credibility 1-6, once judged.")


class DocumentClaims(Model):
    """The extraction output of one document: the file `claimcheck extract` writes."""

    path: str
    sha256: str
    source: str
    published: PublishedWindow
    claims: tuple[Claim, ...]

