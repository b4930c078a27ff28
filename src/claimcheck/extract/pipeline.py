"""Extraction pipeline for one document: a pure function of the document and the knowledge base."""

from __future__ import annotations

import datetime as dt

from ..dates import DateMention, resolve
from ..kb import KnowledgeBase
from ..models import Claim, ClaimKind, Document, Extractor, Precision, Qualifiers, TimeRef, WindowBasis
from .context import Context
from .events import extract_dates, extract_events
from .names import extract_names
from .offices import extract_offices
from .orgs import extract_orgs
from .quantities import extract_quantities
from .claimtime import own_dates, stated_date
from .window import Constraint, infer_window

EXTRACTOR = Extractor(name="claimcheck-rules", version="0.1.0")


def _stated_time(claim: Claim, window: tuple[dt.date, dt.date] | None, stated: dict[int, DateMention] | None) -> TimeRef | None:
    """The day range a date claim states, resolved against the publication window (`stated`: see `stated_date`)."""
    m = stated_date(claim, stated)
    return resolve(m, window) if m is not None else None


def _on_dateline(window, month_day: tuple[int, int]):
    """Narrow an inferred window to the days a yearless dateline ("PARIS, May 29") allows within it."""
    days = []
    for year in range(window.earliest.year, window.latest.year + 1):
        try:
            d = dt.date(year, *month_day)
        except ValueError:
            continue
        if window.earliest <= d <= window.latest:
            days.append(d)
    if not days:
        return window
    # a dateline gives the filing day; the page may carry the next day (time zones, overnight publishing)
    return window.replaced(earliest=days[0], latest=min(days[-1] + dt.timedelta(days=2), window.latest))


def extract_claims(doc: Document, kb: KnowledgeBase) -> list[Claim]:
    """The claims of one document. Depends on the document and the knowledge base's names only
    (`kb.lexicon_version`), so it can be cached across changes of dates and figures."""
    return _extracted(doc, kb)[0]


def _extracted(doc: Document, kb: KnowledgeBase) -> tuple[list[Claim], dict[int, DateMention]]:
    """`extract_claims`, and the date mention of each date claim, by claim identity (placing the claims in
    time needs the parts of those dates)."""
    ctx = Context.build(doc, kb, EXTRACTOR)
    date_claims, dates_by_sentence = extract_dates(ctx)
    claims: list[Claim] = []
    claims += extract_orgs(ctx)
    claims += extract_offices(ctx)
    claims += extract_quantities(ctx)
    claims += extract_events(ctx, dates_by_sentence)
    claims += extract_names(ctx)
    claims += date_claims
    claims.sort(key=lambda c: (c.provenance.start, c.provenance.end, c.kind.value, c.id))
    # one date claim per mention, both in text order (a sentence's dates come after the previous sentence's);
    # `stated_date` checks each pair's text all the same
    mentions = [m for in_sentence in dates_by_sentence.values() for m in in_sentence]
    return claims, {id(c): m for c, m in zip(date_claims, mentions)}


def place_in_time(doc: Document, claims: list[Claim], kb: KnowledgeBase) -> tuple[Document, list[Claim], list[Constraint]]:
    """The document's publication window (stated, else inferred from the knowledge base's dates) and each
    claim's time; also the dated mentions that clash with the window. `claims` are left as they are: a claim
    that comes to hold at another time is a copy."""
    return _placed(doc, claims, kb, in_place=False)


def _placed(doc: Document, claims: list[Claim], kb: KnowledgeBase, *, in_place: bool,
            stated: dict[int, DateMention] | None = None) -> tuple[Document, list[Claim], list[Constraint]]:
    """`place_in_time`; with `in_place`, for claims no one else holds yet, each claim is re-timed in place
    instead of copied (copying every claim of a document costs more than inferring its window). `stated`: the
    date mentions of the date claims, as extraction found them (see `stated_date`)."""
    clashes: list[Constraint] = []
    governed = own_dates(claims, doc.text)
    if doc.published.basis is not WindowBasis.stated:
        window, clashes = infer_window(kb, claims, governed, stated)
        if doc.dateline and window.earliest and window.latest:
            window = _on_dateline(window, doc.dateline)
        doc = doc.replaced(published=window)
    w = doc.published
    bounds = (w.earliest, w.latest) if w.earliest and w.latest else None
    publication = TimeRef.trusted(earliest=w.earliest, latest=w.latest, precision=Precision.day, basis="publication") if bounds else None
    # a clash cites its claim as extracted, before it was given a time: those claims are copied, not changed
    cited = {id(x.claim) for x in clashes} if in_place else None
    timed = []
    # claims share qualifiers objects (every claim without qualifiers has the same empty ones): those that
    # come to hold at publication are re-timed once, keyed by the identity of the qualifiers they replace
    # (kept beside their re-timed copy, so that no new object can take that identity while the loop runs)
    at_publication: dict[int, tuple[Qualifiers, Qualifiers]] = {}
    date = ClaimKind.date  # bound once: looking a member up on its enum class costs more than the test
    for c in claims:
        q = c.qualifiers
        # when the claim holds: the date it states, else a date governing it in its sentence (one stating a
        # year, or "last year" read against the window), else publication
        if c.kind is date:
            retimed = _retimed(q, _stated_time(c, bounds, stated))
        elif governed and (m := governed.get(id(c))) is not None:  # most documents have no governing dates
            retimed = _retimed(q, _governing_time(m, bounds))
        else:
            known = at_publication.get(id(q))
            if known is None:
                known = at_publication[id(q)] = q, _retimed(q, publication)
            retimed = known[1]
        if retimed is not q:
            if in_place and id(c) not in cited:  # type: ignore[operator]
                # a claim no one else holds yet gets its new qualifiers in place, as `replaced` would give them
                # to a copy (models are frozen to everyone else); written out, as it runs for nearly every claim
                c.__dict__["qualifiers"] = retimed
                c.__pydantic_fields_set__.add("qualifiers")
            else:
                c = c.replaced(qualifiers=retimed)
        timed.append(c)
    return doc, timed, clashes


def _governing_time(m: DateMention, window: tuple[dt.date, dt.date] | None) -> TimeRef | None:
    """The days a date governing a claim stands for: a relative one ("last year") read from either end of a
    narrow publication window, and covering both readings (a window across New Year leaves two years)."""
    if m.year is not None or window is None or (window[1] - window[0]).days > 200:
        return resolve(m, window)  # (a relative date against a wide window resolves to nothing)
    first, last = resolve(m, (window[0], window[0])), resolve(m, (window[1], window[1]))
    if first is None or last is None:
        return None
    return first if first.latest >= last.latest else first.replaced(latest=last.latest)


def _retimed(q: Qualifiers, time: TimeRef | None) -> Qualifiers:
    """`q` holding at `time`: `q` itself when it does already (compared without pydantic's field-by-field
    comparison when one is None or both are the same object)."""
    if q.time is time or (q.time is not None and time is not None and q.time == time):
        return q
    return q.replaced(time=time)


def clear_caches() -> None:
    """Forget the sentence-level memos (cue words and tense, dates) that documents sharing sentences reuse; the
    benchmark calls it between documents to measure the cost of text never seen before."""
    from . import base
    from .. import dates

    for memo in (base._cues, dates.dates_in):
        memo.cache_clear()


def extract_document(doc: Document, kb: KnowledgeBase) -> tuple[Document, list[Claim], list[Constraint]]:
    """Claims of one document, the document with its publication window, and the dated mentions that clash."""
    # the claims just extracted are known to no one else: they are given their times in place
    claims, stated = _extracted(doc, kb)
    return _placed(doc, claims, kb, in_place=True, stated=stated)
