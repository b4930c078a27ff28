"""Builders of small documents, claims, judgements and findings for the scoring tests."""

from __future__ import annotations

import hashlib

from claimcheck.models import (
    Attribution, Claim, ClaimKind, Document, Evidence, Extractor, Finding, FindingKind, Judgement, Mention, Severity,
    Span, Status,
)

EXTRACTOR = Extractor(name="test", version="0")


def doc(path: str, source: str, text: str | None = None) -> Document:
    """A document; its text defaults to one unique to its path."""
    if text is None:  # forty pseudo-random words: no two paths' texts look alike
        text = " ".join(hashlib.sha256(f"{path}/{i}".encode()).hexdigest()[:8] for i in range(40))
    return Document(path=path, sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source=source)


def claim(cid: str, path: str, office: str = "interior-minister", holder: str = "khaled mazen",
          reported: bool = False) -> Claim:
    """An office-holding claim: `holder` holds `office` (the item is the office, the value the holder)."""
    quote = f"{holder} is {office}"
    return Claim(
        id=cid, kind=ClaimKind.office_holding, subject=Mention(text=holder), predicate="holds-office",
        object=Mention(text=office),
        attribution=Attribution(asserter="reported", who="the minister") if reported else Attribution(asserter="outlet"),
        provenance=Span(path=path, start=0, end=len(quote), quote=quote, line=1, column=1),
        sentence=quote + ".", extractor=EXTRACTOR, confidence=0.9,
    )


def finding(fp: str, c: Claim, severity: Severity = Severity.error, source: str = "unknown") -> Finding:
    """A finding against claim `c`."""
    span = c.provenance
    return Finding(
        fingerprint=fp, rule="office-holder-mismatch", kind=FindingKind.office_holder, severity=severity,
        message=f"{span.quote} conflicts with the knowledge base",
        evidence=(Evidence(**span.model_dump(), claim=c.id),), source=source,
    )


def judged(c: Claim, status: Status, by: str = "kb", severity: Severity | None = None,
           findings: tuple[str, ...] = ()) -> Judgement:
    """A judgement of claim `c`."""
    return Judgement(claim=c.id, path=c.provenance.path, status=status, by=by, severity=severity, findings=findings)
