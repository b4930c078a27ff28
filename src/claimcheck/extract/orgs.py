"""Organization naming: a name with its parenthesised acronym, the acronym alone, the name alone."""

from __future__ import annotations

import re

from ..models import ClaimKind, EntityType, Mention, Qualifiers
from .base import make_claim
from .context import Context
from .gazetteer import ACRONYM, ENTITY, Hit

_BETWEEN = re.compile(r"^(?:['\u2019]s)?\s*\(\s*$")
_AFTER = re.compile(r"^\s*\)")
_ACR_TEXT = re.compile(r"^\s*\(\s*([A-Z][A-Za-z]{1,9}(?: [A-Z][a-z]+)?)\s*\)")

ORG_TYPES = {t for t in EntityType} - {EntityType.person, EntityType.country, EntityType.place}


def only_id(hit: Hit) -> str | None:
    """The id a hit names when it names one only, else None."""
    if len(hit.ids) != 1:
        return None
    (only,) = hit.ids
    return only


def hit_mention(ctx: Context, hit: Hit) -> Mention:
    """A hit as a mention: its text, and its id when it names one only."""
    return Mention.trusted(text=ctx.doc.text[hit.start:hit.end], id=only_id(hit), start=hit.start, end=hit.end)


def organization_ids(kb) -> frozenset[str]:
    """The ids of the knowledge base's organizations, under a key cheaper to hash than their set of types."""
    return kb.derived("organization-ids", lambda kb: kb.ids_of(*ORG_TYPES))


def org_hits(ctx: Context) -> list[tuple[int, Hit]]:
    """The name and acronym hits that name an organization, with their index in `ctx.hits` (once per document)."""
    if "org_hits" not in ctx.memo:
        orgs = organization_ids(ctx.kb)  # every document asks
        ctx.memo["org_hits"] = [(i, h) for i, h in enumerate(ctx.hits)
                                if (h.kind == ENTITY or h.kind == ACRONYM) and not h.ids.isdisjoint(orgs)]
    return ctx.memo["org_hits"]


def org_pairs(ctx: Context) -> dict[int, tuple[Hit, Hit | None, str | None]]:
    """Name hits (by start) paired with the acronym written right after them: (name, acronym hit, acronym text)."""
    if "org_pairs" in ctx.memo:
        return ctx.memo["org_pairs"]
    text = ctx.doc.text
    out: dict[int, tuple[Hit, Hit | None, str | None]] = {}
    hits = ctx.hits
    for i, h in org_hits(ctx):
        if h.kind != ENTITY:
            continue
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if nxt is not None and nxt.kind == ACRONYM and _BETWEEN.match(text[h.end:nxt.start]) and _AFTER.match(text[nxt.end:nxt.end + 3]):
            out[h.start] = (h, nxt, text[nxt.start:nxt.end])
            continue
        if text.find("(", h.end, h.end + 24) < 0:
            continue  # no acronym written after the name (most names): skip the pattern
        m = _ACR_TEXT.match(re.sub(r"^['\u2019]s", "  ", text[h.end:h.end + 24]))
        if m and m.group(1).isupper():
            out[h.start] = (h, None, m.group(1))
    ctx.memo["org_pairs"] = out
    return out


# The words of an organization's written-out name: capitalised words, with the connectors names use
_CONNECTORS = ("of", "in", "for", "on", "and", "the", "de", "des", "du", "la", "le", "per", "di", "del", "della")
_NAME_WORD = rf"(?:[A-Z][\w'\u2019-]*|{'|'.join(_CONNECTORS)})"
# a written expansion before a parenthesised acronym
_EXPANSION = re.compile(rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,9}})\s*\(\s*$")
_CLOSE = re.compile(r"\s*\)")
# the name in apposition after an acronym, up to the punctuation that closes it: "UNSMIL, the United Nations
# Support Mission in Libya, said"
_APPOSED = re.compile(rf",\s+the\s+((?:[A-Z][\w'\u2019-]*)(?:\s+{_NAME_WORD}){{1,9}})(?=\s*[,.;:)])")
_NON_SPACE = re.compile(r"\S+")


def _written_expansion(text: str, acr: Hit) -> tuple[int, int] | None:
    """The span of the name written out for an acronym: before it in "United Nations Special Mission in Libya
    (UNSMIL)", or after it in apposition, "UNSMIL, the United Nations Special Mission in Libya,"."""
    if _CLOSE.match(text, acr.end):
        m = _EXPANSION.search(text, max(0, acr.start - 120), acr.start)
        return _spelling_out(text, acr, m.start(1), m.end(1)) if m else None
    m = _APPOSED.match(text, acr.end)
    return _spelling_out(text, acr, m.start(1), m.end(1)) if m else None


def _spelling_out(text: str, acr: Hit, start: int, end: int) -> tuple[int, int] | None:
    """The words of text[start:end] from the first whose initial is the acronym's, when their capitals'
    initials run through the acronym in order (so that "officials said on Monday (UNSMIL)" gives none)."""
    words = list(_NON_SPACE.finditer(text, start, end))
    while words and words[0].group()[0] != text[acr.start]:  # "Representatives of the High National ... (HNEC)"
        words.pop(0)
    initials = [w.group()[0] for w in words if w.group()[0].isupper()]
    letters = iter(text[acr.start:acr.end].upper())
    if len(initials) < 2 or not all(ch in letters for ch in initials):
        return None
    return words[0].start(), words[-1].end()


# after a body's name in apposition to an acronym, what shows the apposition closed: a comma and a verb or
# other lower-case word ("Frontex, the European Maritime Safety Agency, shares ..."), not the next item of a
# list ("NATO, the European Union, the African Union and ...", "..., and ...")
_APPOSITION_CLOSED = re.compile(r"\s*,\s+(?!(?:and|or|the|a|an|as well as)\b)[a-z]")


def _apposed_body(ctx: Context, acr: Hit, org_ids) -> Hit | None:
    """A known body named in apposition right after an acronym, "ACR, the <body's name>, <verb>": the name the
    article gives the acronym, which the naming check compares with the acronym's owner."""
    text = ctx.doc.text
    m = _APPOSED.match(text, acr.end)
    if m is None:
        return None
    body = next((h for h in ctx.hits_at(m.start(1)) if h.kind == ENTITY and h.end == m.end(1)), None)
    if body is None or body.ids.isdisjoint(org_ids) or not _APPOSITION_CLOSED.match(text, body.end):
        return None
    kb = ctx.kb
    if any(a in kb.ancestors(b) or b in kb.ancestors(a) for a in acr.ids for b in body.ids):
        return None  # a body and the one it is part of, named as one ("the EU, the European Commission, said")
    return body


def _pair_end(text: str, name: Hit, acr: Hit | None) -> int:
    """The offset just past the ")" that closes a name's acronym."""
    return (acr.end + 1) if acr else text.index(")", name.end) + 1


def extract_orgs(ctx: Context) -> list:
    text = ctx.doc.text
    claims = []
    pairs = org_pairs(ctx)
    paired_acronyms = {p[1].start for p in pairs.values() if p[1] is not None}
    pair_ends = {_pair_end(text, name, acr) for name, acr, _ in pairs.values()}
    for _, h in org_hits(ctx):
        if h.start in paired_acronyms:
            continue
        subject = hit_mention(ctx, h)
        if h.start in pairs:
            _, acr_hit, acr_text = pairs[h.start]
            end = _pair_end(text, h, acr_hit)
            acr_id = only_id(acr_hit) if acr_hit else None
            acr = Mention.trusted(text=acr_text, id=acr_id, start=acr_hit.start if acr_hit else None, end=acr_hit.end if acr_hit else None)
            claims.append(make_claim(
                ctx, ClaimKind.organization_name, h.start, end, subject=subject, predicate="named-with-acronym",
                qualifiers=Qualifiers.trusted(acronym=acr), confidence=0.95,
            ))
        else:
            pred = "acronym" if h.kind == ACRONYM else "named"
            claims.append(make_claim(ctx, ClaimKind.organization_name, h.start, h.end, subject=subject, predicate=pred, confidence=0.9))
            written = None
            if (h.kind == ACRONYM or text[h.start:h.end].isupper()) and h.end + 1 not in pair_ends:
                written = _written_expansion(text, h)
            if h.kind == ACRONYM and written is None:
                body = _apposed_body(ctx, h, organization_ids(ctx.kb))
                if body is not None:
                    # "Frontex, the European Maritime Safety Agency,": the body named, with the acronym given it
                    claims.append(make_claim(
                        ctx, ClaimKind.organization_name, h.start, body.end,
                        subject=hit_mention(ctx, body),
                        predicate="named-with-acronym", qualifiers=Qualifiers.trusted(acronym=subject), confidence=0.85,
                    ))
            if written is not None:
                # a name the knowledge base does not know, written out for a known acronym
                a, b = written
                span = (a, h.end + 1) if a < h.start else (h.start, b)
                claims.append(make_claim(
                    ctx, ClaimKind.organization_name, *span, subject=Mention.trusted(text=text[a:b], start=a, end=b),
                    predicate="expanded-acronym", qualifiers=Qualifiers.trusted(acronym=subject), confidence=0.8,
                ))
    return claims
