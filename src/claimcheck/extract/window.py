"""Publication windows inferred from what an article mentions that the knowledge base dates.

Each dated mention is a constraint (a set of day ranges) with a weight: office holdings bound the date
on both sides, past events and past dates from below, organizations from below (their names did not
exist before them). The window is the span of days that satisfies the greatest total weight; the
constraints it leaves out are the mentions that clash.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..dates import WEEKDAYS, DateMention, dates_in, stated_range
from ..kb import KnowledgeBase
from ..models import Claim, ClaimKind, PublishedWindow, WindowBasis, WindowEvidence
from ..models.common import built
from ..text import fold_name
from .base import tense
from .claimtime import stated_date
from .events import KEYED, NAMED  # how sure an event mention's tie is: by name, or by kind, place and keywords
from .numbers import NUMBER_WORDS

FLOOR = dt.date(1990, 1, 1)
_DAY = dt.timedelta(days=1)
# a term begun bounds the window from this long before its start (the words can precede taking office);
# the office-holder check is more lenient (`appointment_lead_days`), a window is better kept tight
APPOINTMENT_LEAD = dt.timedelta(days=30)
# news keeps the title of someone just removed or suspended for a few days ("its foreign minister, Najla
# al-Mangoush" the day after her suspension): a tenure bounds the date that much after it ended
TITLE_KEPT = dt.timedelta(days=3)
_MEETINGS = {"conference", "summit", "meeting", "talks", "election"}  # held on known days; agreements and wars are not
# An event named as past (or a meeting named as still to come) outweighs one office-holder: an article cannot
# look back on an event before it happened, nor forward to one after it, while a title given to the wrong
# person is the error the checks look for. An event matched only
# by kind and place ("talks in Geneva") may be another event of that kind, and weighs less than a holding.
NAMED_EVENT, EVENT_OF_KIND = 1.1, 0.8


@dataclass(frozen=True)
class Constraint:
    intervals: tuple[tuple[dt.date, dt.date], ...]
    weight: float
    claim: Claim
    reason: str
    reference: str | None


def office_holdings(kb: KnowledgeBase, claim: Claim):
    """Holdings that could make an office or leadership claim true: same person, same office, same body."""
    person = claim.subject.id
    if not person:
        return None
    orgs = {m.id for m in (claim.qualifiers.organization, claim.qualifiers.acronym) if m is not None and m.id}
    if claim.kind is ClaimKind.office_holding:
        positions = set((claim.object.id or "").split(",")) - {""}  # type: ignore[union-attr]
        if not positions:
            return None
        jurisdictions = {kb.entities[o].country if kb.entities[o].type.value != "country" else o for o in orgs if o in kb.entities}
        jurisdictions.discard(None)
        local = {p for p in positions if kb.positions[p].jurisdiction in jurisdictions}
        if local:
            positions = local
        else:
            # no qualifier, or one that no office of that title belongs to ("Libya's UN envoy" is the UN's
            # envoy for Libya): the offices of that title the person held, else those of the person's country
            held = {h.position for h in kb.holdings_by_holder.get(person, [])} & positions
            country = kb.entities[person].country if person in kb.entities else None
            positions = held or {p for p in positions if kb.positions[p].jurisdiction == country}
        gov_orgs = {o for o in orgs if o in kb.entities and kb.entities[o].type.value != "country"}
        return [h for h in kb.holdings_by_holder.get(person, []) if h.position in positions and org_compatible(kb, h.organization, gov_orgs)], positions, gov_orgs
    if claim.kind is ClaimKind.leadership:
        return [h for h in kb.holdings_by_holder.get(person, []) if kb.positions[h.position].heads and h.organization in orgs], set(), orgs
    return None


def _office_basis(kb: KnowledgeBase, known: dict, claim: Claim) -> tuple[list, tuple, str] | None:
    """`office_holdings` of an office or leadership claim, with the holdings' day ranges and the statement of
    the first, or None when the claim names no person or office.

    Depends only on the knowledge base and the ids the claim names, so it is kept per knowledge base (in
    `known`): the same person in the same office recurs from article to article.
    """
    q = claim.qualifiers
    key = (claim.kind, claim.subject.id, claim.object.id if claim.object is not None else None,
           q.organization.id if q.organization is not None else None, q.acronym.id if q.acronym is not None else None)
    if key not in known:
        found = office_holdings(kb, claim)
        if found:
            holdings = found[0]
            found = holdings, tuple(kb.bounds(h.period) for h in holdings), kb.holding_statement(holdings[0]) if holdings else ""
        known[key] = found
    return known[key]


def org_compatible(kb: KnowledgeBase, holding_org: str | None, claimed: set[str]) -> bool:
    """Whether an office held within `holding_org` can be the one an article places in `claimed` bodies.

    The same body, a parent or child body (UNSMIL within the UN), or a body of another kind (the
    Presidential Council named "of the GNA") are compatible; two different bodies of the same kind (the
    GNA and the GNU) are not.
    """
    if not claimed or holding_org is None or holding_org in claimed:
        return True
    if holding_org not in kb.entities:
        return True
    family = kb.ancestors(holding_org)
    for c in claimed:
        if c in family or holding_org in kb.ancestors(c):
            return True
    kind = kb.entities[holding_org].type
    return all(kb.entities[c].type != kind for c in claimed if c in kb.entities)


def _entity_starts(kb: KnowledgeBase) -> dict[str, tuple[str, dt.date, str, str]]:
    """The entities whose start the knowledge base dates: id -> (id, first day, start as written, label)."""
    return {e.id: (e.id, e.period.start.earliest, str(e.period.start), kb.label(e.id))
            for e in kb.entities.values() if e.period and e.period.start}


def _founding_bound(kb: KnowledgeBase, ids: tuple[str | None, str | None]) -> tuple[dt.date, str, str] | None:
    """For the ids an organization's name (and acronym) names: the first day all those bodies existed, and the
    reason and the reference of the constraint; None when the knowledge base does not date them all."""
    starts = kb.derived("entity-starts", _entity_starts)
    named = {i for i in ids if i}
    dated = [starts[i] for i in sorted(named) if i in starts]
    if not dated or len(dated) != len(named):
        return None
    return (min(earliest for _, earliest, _, _ in dated),
            f"{' or '.join(label for _, _, _, label in dated)} existed only from {min(written for _, _, written, _ in dated)}",
            f"entity:{dated[0][0]}")


def _body_names(kb: KnowledgeBase) -> frozenset[str]:
    return frozenset(fold_name(n) for e in kb.entities.values() if e.type.value not in ("person", "country", "place")
                     for n in (e.name, *e.aliases, *e.acronyms))


def _names_a_body(kb: KnowledgeBase, c: Claim) -> bool:
    """Whether an event mention's words are also an organization's name or acronym."""
    return fold_name(c.subject.text) in kb.derived("body-names", _body_names)


_SUCCEEDED = re.compile(r"\bwho (?:recently )?(?:succeeded|replaced|took over from)\b", re.I)
_RECENT_DAYS = {"week": 16, "month": 62}


def _recent(c: Claim) -> int | None:
    """How many days after the event a relative date ("last week", "on Tuesday") places the article."""
    if c.object is None:
        return None
    found = dates_in(c.object.text)
    if not found:
        return None
    m = found[0]
    if m.form == "weekday" and m.rel in (None, "on", "last", "this"):
        return 9
    if m.form == "rel_unit" and m.rel in ("last", "this", "past"):
        return _RECENT_DAYS.get(m.unit or "")
    return None


# "Ten days after Storm Daniel reached the coast, the numbers ... still refuse to settle": written that long after
_DAYS_AFTER = re.compile(r"\b(\d{1,2}|[a-z]+)\s+(days?|weeks?)\s+(?:after|since)\s+(?:the\s+)?$", re.I)


def _days_after(c: Claim) -> tuple[int, int] | None:
    """How many days after the event a sentence in the present tense that opens "N days (weeks) after <event>"
    places the article, and the slack either side; None for another sentence."""
    start = c.sentence.find(c.provenance.quote)
    m = _DAYS_AFTER.search(c.sentence, max(0, start - 30), start) if start > 0 else None
    if m is None or tense(c.sentence) != "present":
        return None
    word = m.group(1).lower()
    n = int(word) if word.isdigit() else 1 if word == "a" else NUMBER_WORDS.get(word)
    if n is None or n > 12:
        return None
    days = n * 7 if m.group(2).lower().startswith("week") else n
    return days, max(2, days // 3)


_UPCOMING = re.compile(r"\b(?:will|is|are)\s+(?:expected|due|set|scheduled|slated|planned)\b|\bwill\b|\b(?:upcoming|forthcoming)\b|"
                       r"\bnext\s+(?:week|month|year)\b|\bahead of\b|\bin preparation for\b|\bto be held\b")
_DONE = re.compile(r"\b(?:was|were|had|did|has been|have been|held|took place|failed|ended|last|ago|since|after)\b")


def _upcoming(c: Claim) -> bool:
    """The words around an event mention speak of it as still to come, and none as done: the sentence's
    tense alone is not enough ("the Palermo conference did not manage to fix a date for the elections")."""
    at = c.sentence.find(c.provenance.quote)
    if at < 0:
        return False
    near = c.sentence[max(0, at - 40):at + len(c.provenance.quote) + 60].lower()
    return bool(_UPCOMING.search(near)) and not _DONE.search(near)


def _series_name(kb: KnowledgeBase, c: Claim) -> bool:
    """The words name events of a series ("municipal elections" is also in "the second phase of municipal
    elections"): which one is still to come cannot be told."""
    written = fold_name(c.subject.text)
    return any(written in n for ev_id, names in kb.derived("event-names", _event_names).items() if ev_id != c.subject.id for n in names)


def _event_names(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    return {ev.id: tuple(fold_name(n) for n in ev.names) for ev in kb.events.values()}


# a sentence telling how someone was chosen for an office ("Dbeibah was chosen as prime minister on 5 February,
# together with a Presidential Council headed by al-Menfi"): a term begun, perhaps not yet taken up
# "X was appointed ...", or in the active voice "named the defence minister, X, as caretaker prime minister"
_CHOSEN_WORDS = (r"(?:(?:was|were)\s+(?:chosen|elected|appointed|named|designated|picked|selected)\b"
                 r"|(?:named|appointed|designated|picked|chose|elected|selected)\s+[^.;]{1,80}?(?<!\bwell)(?<!\bsuch)\s+as\s+(?!(?:well|expected|usual|such)\b)"
                 r"(?:the\s+)?(?:new\s+|caretaker\s+|interim\s+|acting\s+)?[A-Za-z])")
_CHOSEN = re.compile(rf"\b{_CHOSEN_WORDS}")
_CHOSEN_ANYWHERE = re.compile(_CHOSEN_WORDS)  # the same words, searched for fast (no leading \b)
# titles that do not say the person holds the office at publication ("former", "then-", "deputy")
_NOT_HOLDING_NOW = frozenset({"former", "late", "ex", "then", "candidate", "designate", "nominee", "deputy", "vice",
                              "undersecretary", "under-secretary", "assistant", "state", "junior", "elect", "incoming"})


@dataclass(frozen=True)
class _Reading:
    """What reading one document's claims for constraints shares across them."""

    kb: KnowledgeBase
    own_dates: dict[int, DateMention]  # by claim identity: the dates governing claims (`claimtime.own_dates`)
    events_at: dict[int | None, list[str]]  # by a mention's start: the ids of the known events it may name
    offices: dict  # per knowledge base: `_office_basis` of the ids an office claim names
    founding: dict  # per knowledge base: `_founding_bound` of the ids an organization's name names
    stated: dict[int, DateMention] | None  # by claim identity: the date mentions of date claims (`stated_date`)


def constraints(kb: KnowledgeBase, claims: list[Claim], own_dates: dict[int, DateMention],
                stated: dict[int, DateMention] | None = None) -> list[Constraint]:
    """The constraints the claims put on the publication date, in claim order. `own_dates` holds, by claim
    identity, the dates that govern claims in their sentences or timeline entries (`claimtime.own_dates`): those
    claims speak of that time, not of publication. `stated` holds the date claims' mentions as extraction found
    them, if known."""
    event = ClaimKind.event  # bound once: looking a member up on its enum class costs more than the test
    events_at: dict[int | None, list[str]] = {}
    for x in claims:
        if x.kind is event and x.subject.id in kb.events:
            events_at.setdefault(x.subject.start, []).append(x.subject.id)
    reading = _Reading(kb, own_dates, events_at, kb.derived("office-basis", lambda kb: {}),
                       kb.derived("founding-bounds", lambda kb: {}), stated)
    out: list[Constraint] = []
    for c in claims:
        bound = _BOUND_BY_KIND.get(c.kind)  # None for the kinds that never bound the date (names, figures)
        if bound is not None and (found := bound(reading, c)) is not None:
            out.append(found)
    return out


def _in_office(r: _Reading, c: Claim) -> Constraint | None:
    """Someone named in an office: the article was written while they held it."""
    if id(c) in r.own_dates:
        return None  # "in 2019, the minister ..." speaks of its own time, not the publication date
    role = c.qualifiers.role
    if role in _NOT_HOLDING_NOW:
        return None
    found = _office_basis(r.kb, r.offices, c)
    if not found:
        return None
    holdings, ivs, statement = found
    if c.subject.id and not holdings:
        # the person is known but never held this office: only a clash if the office is covered at all
        return None
    if role == "appointed" or (role is None and _says_chosen(c.sentence)):
        # "X was appointed interior minister": written after the term began (the words can come a few
        # weeks before the office is taken), however long ago
        if not ivs:
            return None
        ivs = ((max(FLOOR, min(lo for lo, _ in ivs) - APPOINTMENT_LEAD), r.kb.as_of),)
    elif role == "new" or _says_succeeded(c.sentence):
        # "the new interior minister X", "X, who succeeded Y": written early in the term
        ivs = tuple((lo, min(hi, lo + dt.timedelta(days=200))) for lo, hi in ivs)
    ivs = tuple((lo, hi + TITLE_KEPT if hi < r.kb.as_of else hi) for lo, hi in ivs)
    ref = holdings[0].id if holdings else None
    return Constraint(ivs, 1.0, c, f"{c.provenance.quote!r} holds only while {statement}", f"holding:{ref}")


def _says_chosen(sentence: str) -> bool:
    """Whether the sentence tells how someone was chosen for an office ("X was appointed ...")."""
    # as in `_says_succeeded`: a leading \b costs the regex engine its fast scan, and most sentences fail without it
    return _CHOSEN_ANYWHERE.search(sentence) is not None and _CHOSEN.search(sentence) is not None


def _says_succeeded(sentence: str) -> bool:
    """Whether the sentence says someone succeeded someone else ("X, who succeeded Y")."""
    # a case-blind search skips ahead slowly: most sentences fail the cheaper test for the word it opens with
    return "who " in sentence.lower() and _SUCCEEDED.search(sentence) is not None


def _founded(r: _Reading, c: Claim) -> Constraint | None:
    """An organization's name: the article was written after the body was founded."""
    acronym = c.qualifiers.acronym
    key = (c.subject.id, acronym.id if acronym is not None else None)
    try:  # a subscript costs less than the `get` method's call, and the same bodies recur from article to article
        bound = r.founding[key]
    except KeyError:
        bound = r.founding[key] = _founding_bound(r.kb, key)
    if bound is None or tense(c.sentence) == "future":
        return None  # a body can be announced before it exists
    lo, reason, reference = bound
    return Constraint(((lo, r.kb.as_of),), 0.5, c, reason, reference)


def _event_bound(r: _Reading, c: Claim) -> Constraint | None:
    """A known event spoken of as just past, still to come, or past."""
    kb = r.kb
    ev = kb.events.get(c.subject.id)  # type: ignore[arg-type]
    if ev is None:
        return None
    if c.predicate == "occurred" and c.confidence >= KEYED and ev.status == "held" and ev.period.start and (
            after := _days_after(c)) is not None:
        end = (ev.period.end or ev.period.start).latest
        days, slack = after
        return Constraint(((end + dt.timedelta(days=days - slack), end + dt.timedelta(days=days + slack)),), 1.2, c,
                          f"writes {days} days after {ev.names[0]} ({ev.period})", f"event:{ev.id}")
    if c.predicate == "occurred" and (recent := _recent(c)) is not None:
        # "the Palermo conference last week": published within days of the event's end; not for a kind word tied
        # by its place alone ("talks on Thursday" in Rome are not the one conference in Rome on record)
        if ev.status != "held" or not ev.period.start or c.confidence < KEYED:
            return None
        end = (ev.period.end or ev.period.start).latest
        return Constraint(((end, end + dt.timedelta(days=recent)),), 1.2, c,
                          f"refers to {ev.names[0]} ({ev.period}) as {c.object.text!r}", f"event:{ev.id}")  # type: ignore[union-attr]
    if c.predicate == "scheduled":
        # "the summit in Abidjan is expected to discuss it next week": written before the meeting began
        if (ev.type not in _MEETINGS or ev.status != "held" or not ev.period.start or c.confidence < NAMED
                or len(r.events_at.get(c.subject.start, ())) > 1 or not _upcoming(c)
                or _names_a_body(kb, c) or _series_name(kb, c)):
            return None
        start = ev.period.start.earliest
        return Constraint(((FLOOR, start - dt.timedelta(days=1)),), NAMED_EVENT, c, f"refers to {ev.names[0]} ({ev.period}) as still to come", f"event:{ev.id}")
    if c.predicate == "occurred" and c.qualifiers.tense == "past":
        if _names_a_body(kb, c) or c.confidence < KEYED:
            return None  # "the LPDF agreed": the forum, not one of its sessions; "held talks" in Rome: any talks
        # a name several events share (a forum that met twice) bounds the date by the earliest of them
        group = r.events_at.get(c.subject.start, [])
        if c.subject.id != min(group):
            return None
        evs = [kb.events[i] for i in group if kb.events[i].status == "held" and kb.events[i].period.start]
        if not evs:
            return None
        ev = min(evs, key=lambda e: e.period.start.earliest)  # type: ignore[union-attr]
        weight = NAMED_EVENT if c.confidence >= NAMED else EVENT_OF_KIND
        return Constraint(((ev.period.start.earliest, kb.as_of),), weight, c, f"refers to {ev.names[0]} ({ev.period}) as past", f"event:{ev.id}")  # type: ignore[union-attr]
    return None


def _past_date(r: _Reading, c: Claim) -> Constraint | None:
    """A date spoken of in the past tense: the article was written after it."""
    if c.qualifiers.tense != "past":
        return None
    m = stated_date(c, r.stated)
    if m is None or m.year is None:
        return None
    if m.prefix in ("by", "until", "before", "end of"):
        return None
    earliest = stated_range(m)[0]  # what `resolve` makes of a date stating its year begins with
    return Constraint(((earliest, r.kb.as_of),), 0.6, c, f"refers to {c.provenance.quote!r} in the past", None)


_WEEKDAY_BEFORE = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+$")
# how far from a day its weekday names an article lies: a week's round-up, or a preview
_AROUND_WEEKDAY = (dt.timedelta(days=10), dt.timedelta(days=21))


def _weekday_date(r: _Reading, c: Claim) -> Constraint | None:
    """A day and month with its weekday but no year ("Tuesday 7 May"): the article lies around that day in one
    of the years where the weekday fits (one year in seven)."""
    m = stated_date(c, r.stated)
    if m is None or m.year is not None or m.month is None or m.day is None:
        return None
    at = c.sentence.find(c.provenance.quote)
    wd = _WEEKDAY_BEFORE.search(c.sentence, max(0, at - 12), at) if at > 0 else None
    if wd is None:
        return None
    weekday = WEEKDAYS[wd.group(1).lower()]
    days = []
    for year in range(FLOOR.year, r.kb.as_of.year + 1):
        try:
            d = dt.date(year, m.month, m.day)
        except ValueError:
            continue
        if d.weekday() == weekday:
            days.append((d - _AROUND_WEEKDAY[0], min(d + _AROUND_WEEKDAY[1], r.kb.as_of)))
    if not days:
        return None
    return Constraint(tuple(days), 0.8, c, f"{wd.group(1)} {c.provenance.quote!r}: a year when the weekday fits", None)


def _date_bound(r: _Reading, c: Claim) -> Constraint | None:
    """A date spoken of in the past, or a day whose weekday is given."""
    return _past_date(r, c) or _weekday_date(r, c)


# what each kind of claim can say of the publication date; the other kinds say nothing of it
_BOUND_BY_KIND = {
    ClaimKind.office_holding: _in_office,
    ClaimKind.leadership: _in_office,
    ClaimKind.organization_name: _founded,
    ClaimKind.event: _event_bound,
    ClaimKind.date: _date_bound,
}


def infer_window(kb: KnowledgeBase, claims: list[Claim], own_dates: dict[int, DateMention],
                 stated: dict[int, DateMention] | None = None) -> tuple[PublishedWindow, list[Constraint]]:
    """The window satisfying the most constraint weight, and the constraints that clash with it (`own_dates`
    and `stated`: see `constraints`)."""
    cons = constraints(kb, claims, own_dates, stated)
    if not cons:
        return PublishedWindow(basis=WindowBasis.unknown), []
    as_of = kb.as_of
    after = as_of + _DAY
    points = {FLOOR, after}
    for c in cons:
        for lo, hi in c.intervals:
            points.add(max(lo, FLOOR))
            points.add(min(hi, as_of) + _DAY)
    cuts = sorted(p for p in points if FLOOR <= p <= after)
    segments = _scored_segments(cuts, cons)
    best = max(s for _, _, s in segments)
    top = [(a, b) for a, b, s in segments if s >= best - 1e-9]
    # tied spans that are not adjacent (someone who held an office twice): the window spans them all, so that
    # it contains the true date, and checks made against it stay lenient
    runs: list[list[tuple[dt.date, dt.date]]] = []
    for a, b in top:
        if runs and (a - runs[-1][-1][1]).days <= 1:
            runs[-1].append((a, b))
        else:
            runs.append([(a, b)])
    if len(runs) > 1:
        runs = _break_tie(runs, cons, kb.as_of)
    lo, hi = runs[0][0][0], runs[-1][-1][1]
    # each mention's first and last day allowed: whether any bounds the date from below, and the evidence
    spans = {id(c): _span(c.intervals, as_of) for c in cons}
    lower_bounded = any(first is not None and first > FLOOR for first, _ in spans.values())
    # a mention holds when every kept span allows it: where different mentions allow different spans (two
    # office-holders whose terms never met, neither more likely wrong), both sides of the contradiction clash
    satisfied = _allowed_by_all(cons, runs)
    satisfied_ids = {id(c) for c in satisfied}  # by identity: comparing constraints compares their claims field by field
    clashes = [c for c in cons if id(c) not in satisfied_ids]
    evidence = tuple(_evidence(c, *spans[id(c)]) for c in sorted(satisfied, key=_claim_start))
    if not lower_bounded:
        return PublishedWindow.trusted(basis=WindowBasis.unknown, evidence=evidence), clashes
    return PublishedWindow.trusted(earliest=lo, latest=hi, basis=WindowBasis.inferred, evidence=evidence), clashes


def _span(intervals: tuple[tuple[dt.date, dt.date], ...], as_of: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The first day a constraint's intervals allow and their last (not after `as_of`); None, None for none."""
    if len(intervals) == 1:  # most constraints
        (lo, hi), = intervals
        return lo, min(hi, as_of)
    if not intervals:
        return None, None
    return min(lo for lo, _ in intervals), min(max(hi for _, hi in intervals), as_of)


def _claim_start(c: Constraint) -> int:
    return c.claim.provenance.start


_EVIDENCE_FIELDS = frozenset(WindowEvidence.model_fields)


def _evidence(c: Constraint, earliest: dt.date | None, latest: dt.date | None) -> WindowEvidence:
    """What a satisfied constraint says of the window, citing its mention."""
    where = c.claim.provenance
    # `WindowEvidence.trusted(quote=..., start=..., ...)` written out (evidence per mention bounding the window),
    # its fields in the order `trusted` lays them out: those with defaults first, then the others
    fields = {"earliest": earliest, "latest": latest, "reference": c.reference, "quote": where.quote,
              "start": where.start, "end": where.end, "reason": c.reason}
    return built(WindowEvidence, fields, set(_EVIDENCE_FIELDS))


def _scored_segments(cuts: list[dt.date], cons: list[Constraint]) -> list[tuple[dt.date, dt.date, float]]:
    """The spans between consecutive cuts, each with the total weight of the constraints that allow all of it.

    Span starts and ends both rise, so the spans an interval contains are a run found by bisection; the
    weights are summed in constraint order, as a plain sum over the constraints would.
    """
    starts = cuts[:-1]
    lasts = [b - _DAY for b in cuts[1:]]
    weights: list[list[float]] = [[] for _ in starts]
    for c in cons:
        if len(c.intervals) == 1:  # most constraints: no overlapping runs to merge
            (lo, hi), = c.intervals
            allowed: Iterable[int] = range(bisect.bisect_left(starts, lo), bisect.bisect_right(lasts, hi))
        else:
            allowed = set()
            for lo, hi in c.intervals:
                allowed.update(range(bisect.bisect_left(starts, lo), bisect.bisect_right(lasts, hi)))
        for i in allowed:
            weights[i].append(c.weight)
    return [(a, last, sum(w)) for a, last, w in zip(starts, lasts, weights)]


def _allowed_by(cons: list[Constraint], lo: dt.date, hi: dt.date) -> list[Constraint]:
    """The constraints that allow some day of [lo, hi]."""
    found = []
    for c in cons:  # a plain loop: a generator per constraint costs more than the test (most have one interval)
        for a, b in c.intervals:
            if a <= hi and lo <= b:
                found.append(c)
                break
    return found


def _allowed_by_all(cons: list[Constraint], runs) -> list[Constraint]:
    """The constraints that allow some day of every run of tied spans."""
    if len(runs) == 1:  # most windows
        return _allowed_by(cons, runs[0][0][0], runs[0][-1][1])
    kept = [_allowed_by(cons, r[0][0], r[-1][1]) for r in runs]
    common = set.intersection(*({id(c) for c in k} for k in kept))
    return [c for c in kept[0] if id(c) in common]


def _break_tie(runs, cons: list[Constraint], as_of: dt.date):
    """Disjoint spans that the same mentions allow (someone who held an office twice) stay tied. Spans that
    different mentions allow mean the article contradicts itself: the span kept is the one that keeps the
    mentions bounding the date from below only (past events, bodies, terms begun), since a mention bounding
    it on both sides (someone in an office) is the likelier error."""
    sets = [_allowed_by(cons, r[0][0], r[-1][1]) for r in runs]
    if len({frozenset(map(id, s)) for s in sets}) == 1:
        return runs
    open_ended = [sum(c.weight for c in s if all(hi >= as_of for _, hi in c.intervals)) for s in sets]
    best = max(open_ended)
    kept = [r for r, w in zip(runs, open_ended) if w >= best - 1e-9]
    return kept if len(kept) == 1 else runs


__all__ = ["Constraint", "infer_window", "office_holdings", "org_compatible"]
