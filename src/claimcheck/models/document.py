"""Documents: an article's text and what we know about it before extraction."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import Field

from .common import Model


class WindowBasis(str, Enum):
    """How a publication window was established."""

    stated = "stated"
    inferred = "inferred"
    unknown = "unknown"


class WindowEvidence(Model):
    """One reason behind a publication window: a mention and the period it allows."""

    quote: str = Field(description="The text in the article the reason rests on.")
    start: int = Field(description="Start offset of the quote in the document text.")
    end: int = Field(description="End offset of the quote in the document text.")
    earliest: dt.date | None = Field(default=None, description="Earliest publication date this mention allows.")
    latest: dt.date | None = Field(default=None, description="Latest publication date this mention allows.")
    reason: str = Field(description="Why the mention bounds the date, citing the reference fact.")
    reference: str | None = Field(default=None, description="Id of the knowledge-base statement relied on.")


class PublishedWindow(Model):
    """The span of days in which the article was published."""

    earliest: dt.date | None = None
    latest: dt.date | None = None
    basis: WindowBasis = WindowBasis.unknown
    evidence: tuple[WindowEvidence, ...] = ()

    def contains(self, day: dt.date) -> bool:
        return (self.earliest is None or self.earliest <= day) and (self.latest is None or day <= self.latest)


class Document(Model):
    """One article as read from disk."""

    path: str = Field(description="The path as given on the command line (relative stays relative).")
    sha256: str = Field(description="Hex SHA-256 of the file's bytes.")
    text: str = Field(description="The article text: the file decoded as UTF-8, no newline translation.")
    source: str = Field(default="unknown", description="The outlet that published the article.")
    source_basis: str = Field(default="unknown", description="How the outlet was found: front-matter, sources.yaml, text cue, unknown.")
    title: str | None = None
    url: str | None = None
    language: str = "en"
    published: PublishedWindow = PublishedWindow()
    body_start: int = Field(default=0, description="Offset where the article body starts (after front matter).")
    dateline: tuple[int, int] | None = Field(default=None, description="Month and day of a dateline that gives no year.")
    excluded: tuple[tuple[int, int], ...] = Field(
        default=(), description="Character ranges that are boilerplate (share prompts, author bios, see-also links)."
    )
