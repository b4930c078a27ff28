"""Data items for truth discovery: which claims speak about the same thing, and which value each states.

Truth discovery needs claims grouped into items with one true value each. A claim's item is what it
is about with the answer left out; its value is the answer:

| kind | item | value |
|---|---|---|
| office-holding, leadership | kind, predicate, object (the office or body), role, organization, year | subject (the person) |
| quantity | quantity (or subject), place, period | the number, figures within `TOLERANCE` of each other pooled |
| event, date | kind, predicate, subject | the day range |
| person-name, organization-name and others | kind, predicate, subject | object, number and day range |

Mentions resolved to the knowledge base are keyed by id, others by their lower-cased text.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Claim, ClaimKind, Mention

__all__ = ["TOLERANCE", "claim_items"]

TOLERANCE = 0.1
"""Relative difference within which two figures for one item count as the same value."""

_ROLE_KINDS = {ClaimKind.office_holding, ClaimKind.leadership}
_TIME_KINDS = {ClaimKind.event, ClaimKind.date}


def _m(mention: Mention | None) -> str:
    """A mention's key: its knowledge-base id, else its normalised text."""
    if mention is None:
        return ""
    return f"id:{mention.id}" if mention.id else " ".join(mention.text.lower().split())


def _time(claim: Claim, year_only: bool = False) -> str:
    t = claim.qualifiers.time
    if t is None:
        return ""
    if year_only:
        return str(t.earliest.year)
    return f"{t.earliest.isoformat()}/{t.latest.isoformat()}"


def _keys(claim: Claim) -> tuple[tuple[str, ...], tuple[str, ...] | float]:
    """The item key and the value (a number for quantities, pooled later) of one claim."""
    q = claim.qualifiers
    if claim.kind in _ROLE_KINDS:
        item = (claim.kind.value, claim.predicate, _m(claim.object), q.role or "", _m(q.organization), _time(claim, True))
        return item, (_m(claim.subject),)
    if claim.kind is ClaimKind.quantity and claim.value is not None:
        item = ("quantity", claim.quantity or _m(claim.subject), _m(q.place), q.unit or "", _time(claim))
        return item, float(claim.value)
    if claim.kind in _TIME_KINDS:
        return (claim.kind.value, claim.predicate, _m(claim.subject)), (_time(claim),)
    value = (_m(claim.object), "" if claim.value is None else repr(claim.value), _time(claim))
    return (claim.kind.value, claim.predicate, _m(claim.subject)), value


def claim_items(claims: Sequence[Claim]) -> tuple[list[int], list[int]]:
    """Integer item and value codes for each claim, deterministic for a given set of claims.

    Codes follow the sorted order of item and value keys, so they do not depend on input order.
    """
    keys = [_keys(c) for c in claims]
    item_ids = {k: i for i, k in enumerate(sorted({k for k, _ in keys}))}
    # Pool numbers per item: sorted figures join a value while within TOLERANCE of its smallest figure.
    numbers: dict[tuple[str, ...], list[float]] = {}
    for item, value in keys:
        if isinstance(value, float):
            numbers.setdefault(item, []).append(value)
    pooled: dict[tuple[tuple[str, ...], float], tuple[str, ...]] = {}
    for item, figures in numbers.items():
        start: float | None = None
        for x in sorted(set(figures)):
            if start is None or abs(x - start) > TOLERANCE * max(abs(start), 1e-12):
                start = x
            pooled[(item, x)] = ("~", repr(start))
    values = [pooled[(item, v)] if isinstance(v, float) else v for item, v in keys]
    value_ids = {v: i for i, v in enumerate(sorted(set(values)))}
    return [item_ids[k] for k, _ in keys], [value_ids[v] for v in values]
