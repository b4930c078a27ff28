"""Extraction pipeline for one document: a pure function of the document and the knowledge base."""

from __future__ import annotations

import datetime as dt

from ..dates import find_dates, resolve
from ..kb import KnowledgeBase
from ..models import Claim, ClaimKind, Document, Extractor, Qualifiers, TimeRef, WindowBasis
from .context import Context
from .events import extract_dates, extract_events
from .names import extract_names
from .offices import extract_offices
from .orgs import extract_orgs
from .quantities import extract_quantities
from .window import Constraint, infer_window

EXTRACTOR = Extractor(name="claimcheck-rules", version="0.1.0")


def _time_of(claim: Claim, window: tuple[dt.date, dt.date] | None, publication: TimeRef | None, dates) -> TimeRef | None:
    """When a claim holds: a date stated in its sentence when there is one, else the publication window."""
    if claim.kind in (ClaimKind.office_holding, ClaimKind.leadership, ClaimKind.quantity):
        for m in dates:
            if m.year is not None and m.prefix not in ("since", "by", "until", "before", "from"):
                ref = resolve(m, window)
                if ref is not None:
                    return ref
    return publication


def extract_document(doc: Document, kb: KnowledgeBase) -> tuple[Document, list[Claim], list[Constraint]]:
    """Claims of one document, the document with its publication window, and the dated mentions that clash."""
    ctx = Context.build(doc, kb, EXTRACTOR)
    date_claims, dates_by_sentence = extract_dates(ctx)
    claims: list[Claim] = []
    claims += extract_orgs(ctx)
    claims += extract_offices(ctx)
    claims += extract_quantities(ctx)
    claims += extract_events(ctx, dates_by_sentence)
    claims += extract_names(ctx)
    claims += date_claims
    clashes: list[Constraint] = []
    if doc.published.basis is not WindowBasis.stated:
        window, clashes = infer_window(kb, claims)
        doc = doc.model_copy(update={"published": window})
    w = doc.published
    bounds = (w.earliest, w.latest) if w.earliest and w.latest else None
    publication = TimeRef(earliest=w.earliest, latest=w.latest, precision="day", basis="publication") if bounds else None
    timed = []
    by_start = {m.start: m for ms in dates_by_sentence.values() for m in ms}
    for c in claims:
        if c.kind is ClaimKind.date:
            m = by_start.get(c.provenance.start)
            t = resolve(m, bounds) if m else None
        else:
            t = _time_of(c, bounds, publication, dates_by_sentence.get(ctx.sentence_of(c.provenance.start), ()))
        if t != c.qualifiers.time:
            c = c.model_copy(update={"qualifiers": c.qualifiers.model_copy(update={"time": t})})
        timed.append(c)
    timed.sort(key=lambda c: (c.provenance.start, c.provenance.end, c.kind.value, c.id))
    return doc, timed, clashes
