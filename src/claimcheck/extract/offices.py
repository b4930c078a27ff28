"""Office holding and leadership: "Interior Minister Fathi Bashagha", "X, the interior minister of the GNA",
"the GNU's acting Minister of Interior, Emad al-Trabelsi", "the GNA, led by Fayez al-Sarraj"."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..models import Claim, ClaimKind, EntityType, Mention, Qualifiers
from ..text import fold_name, matches_at
from .base import make_claim
from .context import Context
from .gazetteer import ACRONYM, DEMONYM, ENTITY, PERSON, SURNAME, TITLE, Hit
from .orgs import hit_mention, org_hits, org_pairs

_NAME_TOKEN = r"[A-Z][\w'\u2019]*(?:-[A-Za-z][\w'\u2019]*)*"
_NAME = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:(?:al|el|bin|ben|abu|de|di|van|von|ibn)[\s-])?{_NAME_TOKEN}){{1,3}}")
_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Brig)\.?\s+|(?:General|Colonel|Major General|Field Marshal|Marshal|Sheikh|Ambassador)\s+)?"
# On lower-cased text (`ctx.low`): a case-insensitive scan costs almost three times as much. (Lower-casing keeps
# the long s "ſ" and the dotless "ı", which re.I reads as "s" and "i": a role spelt with them goes unnoticed.)
_ROLE = re.compile(
    r"\b(acting|interim|caretaker|deputy|vice|under-?secretary|assistant|former|ex-|then-?|candidate|designate|nominee|"
    r"outgoing|incoming|state|junior|late|served as|had been|was then|previously|new|newly appointed|newly named)\b"
)
_ROLE_NAMES = {"newly appointed": "new", "newly named": "new", "served as": "former", "had been": "former", "was then": "former", "previously": "former", "ex": "former"}
# a head of state or government out of office by force is a former one: "ousted President X", "the deposed
# president" (right before the title: "crowds toppled the statue as Prime Minister X looked on" is no such thing)
_FORCED_OUT = re.compile(r"\b(?:ousted|deposed|overthrown|toppled|removed|exiled)\s+(?:the\s+)?(?:[a-z]+\s+)?$")
_THEN_BEFORE = re.compile(r"\bthen-?\s*(?:(?:[A-Z][\w'\u2019]*|the|of)(?:['\u2019]s)?[\s-]+)*$")
_ROLE_AFTER = re.compile(r"-?(designate|elect)\b|\s+(at the time|then|back then)\b", re.I)
_COUNTERPART = re.compile(r"\b(?:counterpart|opposite number)\b(?!s)")  # lower-cased text; plural lists pair people we cannot pair
_LED_GAP = re.compile(r"\s*,?\s*")
_LED_BY = re.compile(r"\b(?:led|headed|chaired|commanded|run|presided(?: over)?)\s+by\s+", re.I)
_LED_BY_NEXT = re.compile(r"\s*,?\s*(?:led|headed|chaired|commanded|run|presided)\s", re.I)  # what _LED_GAP + _LED_BY start with
_WHO_HEADS = re.compile(r"\s*,?\s*who\s+(?:heads|leads|chairs|commands|runs|headed|led|chaired|commanded)\s+(?:the\s+)?", re.I)
_LEAD_NOUN = r"the\s+(?:presidency|chairmanship|chairpersonship|leadership|helm|premiership|head)\s+of\s+(?:the\s+)?"
_WON_HEAD = re.compile(
    r"\s*,?\s*(?:who\s+)?(?:(?:has|had|have)\s+)?(?:"
    rf"(?:won|took|assumed|took over|clinched|secured|regained|was elected to|was re-?elected to)\s+{_LEAD_NOUN}"
    rf"|(?:beat|defeated|edged out|edged|unseated)\s+[^.;]{{1,80}}?\s+(?:for|to win|to take)\s+{_LEAD_NOUN})",
    re.I,
)  # "Takala beat al-Mishri in a run-off for the presidency of the High Council of State"
# "<body> (acting) chairman <person>": the head of the body named before the title, with no comma between
_ORG_HEAD = re.compile(r"(?:['\u2019]s)?\s+(?:(acting|interim|former)\s+|(ex)-)?(?i:chairman|chairwoman|chairperson|chair|head|"
                       r"chief|director(?:-general)?|governor|leader)\s+(?=[A-Z])")
_DEATH_OF = re.compile(r"\b(?:killing|death|assassination|murder|funeral|burial)\s+of\s+(?:the\s+)?$", re.I)
# "<person>, the acting head of <body>": the head of the whole body (a country office or a mission of it is
# ruled out where the body's name is read, `_PART_AFTER`)
_THE_HEAD_OF = re.compile(
    r"\s*,\s*the\s+(?:(acting|interim|caretaker|new)\s+)?(?:head|chief|leader|chair(?:man|woman|person)?)\s+of\s+(?:the\s+)?", re.I)
# words after a body's name that make it a part of the body, or a modifier: "who heads the NTC's board", "the
# UN-backed council", "who led the UN mission"
_PART_OF_BODY = re.compile(r"(?:['\u2019]s\s+\w|-[a-z]|\s+(?:mission|office|delegation|branch|team|department|unit)\b)")
# after "the head of": also a country office ("the head of UNHCR in Libya")
_PART_AFTER = re.compile(rf"{_PART_OF_BODY.pattern}|\s+(?:in|for)\b")
# "<person> (, <a few words>,) leads the rival <body>": the person heads the body now
_HEADS = re.compile(r"(?:(?:\s*,[^,;.]{1,60},)?\s+(?:leads|heads|chairs|runs)"
                    # or an apposition ending on a participle: "Hanna Tetteh, the Ghanaian diplomat leading the UN mission"
                    r"|\s*,\s+(?:the|an?)\s+[^,;.]{1,50}?\s+(?:leading|heading|chairing|running))"
                    r"\s+(?:the\s+)?(?:(?:rival|new|interim|eastern|western|"
                    r"internationally recognised|internationally recognized|parallel|self-styled|[a-z]+-based)\s+)?", re.I)
# the words _WHO_HEADS, _HEADS, _WON_HEAD and _THE_HEAD_OF can begin with, for a quick test after every person's name
_HEAD_NEXT = re.compile(
    r"\s*,?\s*(?:who|has|had|have|won|took|assumed|clinched|secured|regained|was|beat|defeated|edged|unseated|the|"
    r"leads|heads|chairs|runs|an?)\s", re.I
)
_PERSON_KINDS = (PERSON, SURNAME)
_NOT_NAMES = {"The", "He", "She", "It", "They", "This", "That", "On", "In", "At", "For", "During", "Minister", "President"}

_AS_BEFORE = re.compile(r"\bas\s+(?:(?:the|a|an|his|her|its|their|new|interim|acting|caretaker|next|future)\s+)*$", re.I)
_AS_OPENS = re.compile(r"\s*as\s")
_PLURAL_VERB = re.compile(r"\s+(?:discuss|meet|hold|sign|agree|talk|review|vow|pledge|urge|call|seek|hail|stress|reaffirm)\b")
_TERM_ENDED = re.compile(
    r"[^.;]{0,40}?\bwho\s+[^.;]{0,80}?\b(?:resigned|stepped down|was replaced|was dismissed|was sacked|quit|left (?:office|the post|his post|her post)|was removed)\b",
    re.I,
)
# "X was appointed interior minister", "X, who took over as head of the HCS": the start of a term, which
# may lie anywhere before publication (the claim's role is "appointed")
_TOOK_OFFICE = re.compile(
    r"\s*,?\s*(?:who\s+)?(?:(?:was|is|has been|had been|have been|were)\s+)?"
    r"(?:(?:formally|officially|later|then|recently|eventually|unanimously|duly)\s+)?"
    r"(?:appointed|named|elected|re-?elected|sworn in|confirmed|installed|chosen|picked|selected|made|became|becomes|"
    r"took over|takes over|took office|stepped in|returned)"
    r"(?:\s+(?:as|to be|to the post of|to the position of|to the office of))?(?:\s+(?:the|a|an|new|its|their))*\s*",
    re.I,
)
# "Sarraj named Bashagha (as) interior minister": the person after the verb took the office
_APPOINTS = re.compile(r"\b(?:appointed|appoints|appoint|named|names|picked|picks|chose|chooses|tapped|taps|installed|installs)\s+$", re.I)
_AS_OBJECT = re.compile(r"\s*(?:as|to be|to the post of|to the position of)?(?:\s+(?:the|a|an|new|its|their|acting|interim|caretaker))*\s*", re.I)
_DEATH = re.compile(r"\b(?:death|funeral|killed|killing|died|assassinat\w*|mourn\w*|condolences|obituary)\b", re.I)
# the words _DEATH finds, lower-cased: most windows hold none of them, which membership tests on the lower-cased
# text tell five times faster than the case-insensitive scan (a word spelt with "ſ" or "ı" goes unnoticed)
_DEATH_WORDS = ("death", "funeral", "killed", "killing", "died", "assassinat", "mourn", "condolences", "obituary")


def start_of(person: Mention, title: Hit) -> int:
    return min(person.start or title.start, title.start)


def end_of(person: Mention, title: Hit) -> int:
    return max(person.end or title.end, title.end)


_NOT_HOLDING = {"candidate", "nominee", "designate", "elect", "late"}
SKIP_ROLES = {"late", "deputy", "vice", "undersecretary", "under-secretary", "assistant", "candidate", "designate", "nominee",
              "state", "junior", "elect"}


# a stretch up to its last comma, semicolon, colon or quote (one match, not a backward search for each)
_UP_TO_LAST_BREAK = re.compile(r".*[,;:\"\u201c]", re.S)
_LEAD = {n: re.compile(rf"[\s,]{{0,{n}}}{_HONORIFIC}") for n in (0, 3)}
_OF = re.compile(r"\s+(?:of|for|in)\s+(?:the\s+)?")
# a person who serves the title's holder, right before it: "the special representative of the Secretary-General,
# Ghassan Salame", "a spokesman for the Interior Minister, X": the name after is theirs, not the title's
_SERVES = re.compile(r"\b(?:representative|envoy|spokes(?:man|woman|person)|advis[eo]r|deputy|aide|assistant|"
                     r"secretary|counsellor|counselor)\s+(?:of|to|for)\s+(?:the\s+)?$", re.I)
_POSSESSIVE = ("'s ", "\u2019s ")
_ONLY_HONORIFIC = re.compile(rf"[\s,]*{_HONORIFIC}$")
_APPOSITION = re.compile(r"\s*,\s*[^,;:.!?]{0,60}$")
# "the President of the House seated in Tobruk, Aguila Saleh": a short modifier, then the holder after a comma
_MODIFIED_THEN_NAME = re.compile(r"[^,;:.!?()]{0,40},\s*")
# a clause that introduces the person after it: "the commander of the self-proclaimed LNA, (Marshal) Haftar"
_OFFICE_PHRASE = re.compile(r"\s*(?:(?:and|with|including|in the presence of)\s+)*the\s+(?:[\w-]+\s+){0,3}(?:commander|head|chief|"
                            r"leader|president|chairman|minister|envoy|speaker|governor|secretary|director|representative|"
                            r"ambassador|commissioner|adviser|advisor|prosecutor)\b", re.I)


# a capitalised word right after a surname, on the same line, that is neither a title nor a function word
_NOT_GIVEN = ("The|And|Of|In|On|At|For|To|Said|Says|Met|Meets|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
              "January|February|March|April|May|June|July|August|September|October|November|December")
_GIVEN_NAME_USE = re.compile(
    rf"[ \t]+(?!(?:{_NOT_GIVEN})\b)[A-Z][a-z\u00c0-\u024f]+(?:-[A-Za-z]+)?\b"
    r"(?![\s,]*(?:[A-Z][a-z]+\s+)?(?:Minister|President|Council|Government|Army|Secretary)\b)"
)


@dataclass
class _OfficeHits:
    """The hits the office extraction looks up again and again, sorted out once per document."""

    titles: list[Hit]
    people: list[Hit]  # person and surname hits, in text order
    people_starts: list[int]  # their starts, for bisection
    person_from: dict[int, Hit]  # the first of them whose name starts at an offset (a full name at its given name)


def _office_hits(ctx: Context) -> _OfficeHits:
    if "office_hits" not in ctx.memo:
        titles, people = [], []
        person_from: dict = {}
        for h in ctx.hits:
            if h.kind == TITLE:
                titles.append(h)
            elif h.kind == PERSON or h.kind == SURNAME:
                people.append(h)
                person_from.setdefault(ctx.extended.get(h.start, h.start), h)
        ctx.memo["office_hits"] = _OfficeHits(titles, people, [h.start for h in people], person_from)
    return ctx.memo["office_hits"]


def _person_at(ctx: Context, pos: int, limit: int = 3) -> tuple[Mention, int] | None:
    """A person named starting within `limit` characters of `pos` (after an optional honorific)."""
    text = ctx.doc.text
    m = _LEAD[limit].match(text, pos)
    at = m.end() if m else pos
    h = _office_hits(ctx).person_from.get(at)
    # "UN envoy Martin Kobbler": a surname on record (Ian Martin) used as a given name is no person's name
    if h is not None and not (h.kind == SURNAME and at == h.start and _GIVEN_NAME_USE.match(text, h.end)):
        return Mention.trusted(text=text[at:h.end], id=ctx.person_id(h), start=at, end=h.end), h.end
    n = _NAME.match(text, at)
    if n and n.group().split()[0] not in _NOT_NAMES and "\n" not in n.group():
        # trim words that belong to the next clause ("Bashagha met") - keep capitalised tokens only
        return Mention.trusted(text=n.group(), id=None, start=n.start(), end=n.end()), n.end()
    return None


_GLUE = re.compile(
    r"(?:['\u2019]s)?\s*(?:\(\s*[A-Z][A-Za-z]{1,9}\s*\))?\s*(?:['\u2019]s)?\s*"
    r"(?:(?:acting|interim|caretaker|deputy|vice|former|then|new|current|outgoing|incoming|designate|state|"
    r"first|second|top|senior|(?:under-?)?secretary|minister|ministry|government|of|for|the)\s+)*",
    re.I,
)


def _matches_at(pattern: re.Pattern, low: str, words: tuple[str, ...], start: int) -> list[re.Match]:
    """`pattern.finditer(low, start)` for a pattern whose matches begin with one of `words` and cannot overlap
    another of those words: str.find skips to the words many times faster than the scan of a pattern that
    opens with \\b, which tries every offset."""
    found = []
    for word in words:
        at = low.find(word, start)
        while at >= 0:
            found.append(at)
            at = low.find(word, at + 1)
    if not found:
        return []  # most documents
    return list(matches_at(pattern, low, sorted(found), start))


def _attached(ctx: Context, start: int, end: int) -> list:
    """Qualifier hits in [start, end) joined to the office title at `end` by nothing but glue words
    ("the GNU's acting", "Libyan"), so that a place earlier in the sentence does not qualify the office."""
    text = ctx.doc.text
    out = []
    edge = end
    for h in reversed(ctx.hits_in(start, end)):
        if h.end > edge:
            continue
        if not _GLUE.fullmatch(text, h.end, edge):
            break
        out.append(h)
        edge = h.start
    return list(reversed(out))


def _qualifiers(ctx: Context, start: int, end: int, pairs, attached: bool = False) -> tuple[Mention | None, Mention | None]:
    """The organization or country qualifying an office, from hits in [start, end): (org, acronym)."""
    org = acr = None
    for h in (_attached(ctx, start, end) if attached else ctx.hits_in(start, end)):
        if h.kind == DEMONYM or (h.kind in (ENTITY, ACRONYM) and any(ctx.kb.entities[i].type is not EntityType.person for i in h.ids)):
            if h.kind == ACRONYM and org is not None and org.id is not None and acr is None:
                acr = hit_mention(ctx, h)
                continue
            org = hit_mention(ctx, h)
            if h.start in pairs and pairs[h.start][1] is not None:
                acr = hit_mention(ctx, pairs[h.start][1])
    return org, acr


_APPOSITION_WORDS = {"the", "a", "an", "then", "current", "acting", "interim", "caretaker", "former", "deputy", "new",
                     "outgoing", "incoming", "de", "facto", "designated", "self-styled", "powerful", "veteran", "top"}


def _apposition_words_only(ctx: Context, start: int, end: int) -> bool:
    """"X, the (GNU's acting) interior minister": between the name and the title only articles, office
    modifiers and organization or country names; a verb ("who was later named") means it is no apposition."""
    text = ctx.doc.text
    spans = [(h.start, h.end) for h in ctx.hits_in(start, end) if h.kind in (ENTITY, ACRONYM, DEMONYM)]
    if any(h.kind in _PERSON_KINDS for h in ctx.hits_in(start, end)):
        return False
    chars = list(text[start:end])
    for a, b in spans:
        chars[a - start:b - start] = " " * (b - a)
    rest = "".join(chars)
    words = re.findall(r"[\w'\u2019-]+", re.sub(r"\([^)]*\)|['\u2019]s\b", " ", rest))
    return all(w.lower() in _APPOSITION_WORDS for w in words)


def extract_offices(ctx: Context) -> list:
    text = ctx.doc.text
    claims = []
    pairs = org_pairs(ctx)
    last_title: Hit | None = None
    for t in _titles_and_counterparts(ctx):
        if not t.ids:  # "counterpart": the title last named
            if last_title is None:
                continue
            t = Hit(t.start, t.end, TITLE, last_title.ids)
            is_counterpart = True
        else:
            last_title = t
            is_counterpart = False
        sent = ctx.sentence_of(t.start)
        # left context: back to the last comma/semicolon/quote in the sentence
        left_start = max(sent[0], t.start - 90)
        last_break = _UP_TO_LAST_BREAK.match(text, left_start, t.start)
        if last_break:
            left_start = last_break.end()
        left = text[left_start:t.start]
        if _SERVES.search(left) or text.startswith(_POSSESSIVE, t.end):
            continue  # someone serving the title's holder: "the Secretary-General's Special Adviser, X"
        pos, named_after = _organization_after(ctx, t, pairs)
        # the holder first: the roles and qualifiers of the two titles in five that name no one are not needed
        person = None
        after = _person_at(ctx, pos)
        if after and not (text[pos:after[0].start].strip(" ,") == "" or _ONLY_HONORIFIC.fullmatch(text, pos, after[0].start)):  # type: ignore[arg-type]
            after = None
        # "..., as the interior minister, Emad al-Trabelsi, presses ...": "as" after a comma opens a clause
        in_capacity = _AS_BEFORE.search(left) and not (last_break and text[left_start - 1] == "," and _AS_OPENS.match(left))
        if after and "," in text[pos:after[0].start] and (in_capacity or _PLURAL_VERB.match(text, after[1])):
            # "picks Dbeibah as premier, Menfi to lead ...": the title is Dbeibah's; "Libyan Interior Minister,
            # Piantedosi discuss ...": a list of two, not an apposition
            after = None
        before = None
        # "Fathi Bashagha, the interior minister of the GNA": a person right before, across a comma
        h = _last_person_before(ctx, sent[0], t.start)
        if h is not None and _APPOSITION.fullmatch(text, h.end, t.start) and _apposition_words_only(ctx, h.end, t.start):
            before = h
        if (before is not None and after is not None and "," in text[pos:after[0].start]
                and _introduced_by_title(ctx, sent, before)):
            # "the Special Representative ..., Ghassan Salame, the Chairman of the Presidency Council, Fayez
            # al-Sarraj, and ...": a list of "title, name" pairs, the title is the name's after it
            before = None
        if before is not None and after is None and _introduced_by_title(ctx, sent, before):
            # a list of "title, name" pairs: "the commander of the LNA, Khalifa Haftar, the President of the
            # House seated in Tobruk, Aguila Saleh": Haftar has his title; this one is the next name's
            listed = _listed_holder(ctx, sent, pos)
            if listed is not None:
                before, after = None, listed
        # "Interior Minister Fathi Bashagha" (no comma) names the person after; "Sarraj, head of the
        # Council, Salame said" is an apposition to the person before, and the name after is the subject
        holder_before = appointed = False
        if after and (before is None or "," not in text[pos:after[0].start]):
            person = after[0]
        elif before is not None:
            person = Mention.trusted(text=text[before.start:before.end], id=ctx.person_id(before), start=before.start, end=before.end)
            holder_before = True
        if person is None and after is None and before is None:
            person = _appointee(ctx, sent, left_start, t.start)
            appointed = person is not None
        if person is None:
            continue
        org, acr = _qualifiers(ctx, left_start, t.start, pairs, attached=True)
        if named_after is not None:  # "of (the) ORG (ACR)"
            org, acr = named_after[0], named_after[1] or acr
        if holder_before and org is None:
            org, acr = _qualifiers(ctx, before.end, t.start, pairs)  # type: ignore[union-attr]
        roles = _roles(ctx, left, t)
        if appointed:
            roles.insert(0, "appointed")
        if _term_ended(ctx, end_of(person, t), sent[1]):
            roles.insert(0, "former")  # "X, who resigned in March": the office is behind them
        if _mentions_death(ctx, max(sent[0], start_of(person, t) - 60), min(sent[1], end_of(person, t) + 60)):
            roles.insert(0, "late")  # "the death of the Chief of Staff, X, who was killed": no longer in office
        if any(r in SKIP_ROLES for r in roles):
            # not holding any office ("candidate for Vice President") before a lesser office ("vice")
            role = min((r for r in roles if r in SKIP_ROLES), key=lambda r: r not in _NOT_HOLDING)
        elif roles:
            role = roles[0]
        else:
            role = None
        start = min(t.start, person.start, *(x.start for x in (org,) if x is not None and x.start is not None))  # type: ignore[type-var]
        end = max(t.end, person.end, pos if pos > t.end else t.end)  # type: ignore[type-var]
        if start > t.start:  # type: ignore[operator]
            start = t.start
        claims.append(make_claim(
            ctx, ClaimKind.office_holding, start, end, subject=person, predicate="holds-office",  # type: ignore[arg-type]
            object=Mention.trusted(text=text[t.start:t.end], id=",".join(sorted(t.ids)), start=t.start, end=t.end),
            qualifiers=Qualifiers.trusted(organization=org, acronym=acr, role=role), confidence=0.7 if is_counterpart else 0.85,
        ))
    claims.extend(_leadership(ctx, pairs))
    claims.extend(_portfolio_lists(ctx))
    return claims


def _titles_and_counterparts(ctx: Context) -> list[Hit]:
    """The title hits, and "counterpart" as a title hit without ids, in text order. A counterpart before the
    first title has no title to stand for: the search for them starts there."""
    titles = _office_hits(ctx).titles
    if not titles:
        return []
    counterpart = [Hit(m.start(), m.end(), TITLE, frozenset())
                   for m in _matches_at(_COUNTERPART, ctx.low, ("counterpart", "opposite number"), titles[0].start)]
    if not counterpart:
        return titles  # most documents: the titles are in text order already, as `ctx.hits`
    return sorted(titles + counterpart, key=lambda h: h.start)


def _organization_after(ctx: Context, title: Hit, pairs) -> tuple[int, tuple[Mention, Mention | None] | None]:
    """The body a title names after it, "of (the) ORG (ACR)": the offset past it (past the title when there is
    none) and the (organization, acronym) it names, if any."""
    text = ctx.doc.text
    m = _OF.match(text, title.end)
    if not m:
        return title.end, None
    nxt = [h for h in ctx.hits_at(m.end()) if h.kind in (ENTITY, ACRONYM, DEMONYM)]
    if not nxt:
        return title.end, None
    h = nxt[0]
    org, acr = _qualifiers(ctx, h.start, h.end, pairs)
    if org is None:
        return title.end, None
    pos = h.end
    if h.start in pairs:
        close = text.find(")", h.end, h.end + 20)
        pos = close + 1 if close >= 0 else pos
    return pos, (org, acr)


def _roles(ctx: Context, left: str, title: Hit) -> list[str]:
    """The words that qualify an office in the clause before its title (`left`) and right after it, nearest the
    title first: "a new cabinet headed by former minister X" is about a former minister."""
    near = ctx.low[title.start - min(len(left), 40):title.start]  # `left[-40:]` lower-cased
    words: list[str] = _ROLE.findall(near)  # typed: mypyc fails on `reversed` of findall's list[Any]
    roles = [_ROLE_NAMES.get(r.rstrip("-"), r.rstrip("-")) for r in reversed(words)]
    if _FORCED_OUT.search(near):
        roles.insert(0, "former")
    if "then" in roles and not _THEN_BEFORE.search(left):
        roles.remove("then")  # "He then met Prime Minister X": an adverb of the sentence, not "then-minister"
    ra = _ROLE_AFTER.match(ctx.doc.text, title.end)
    if ra:  # "X, interior minister at the time": the office then, not at publication
        roles.append((ra.group(1) or "then").lower())
    return roles


# the holder's own clause right after the name: "the interior minister, Khaled Mazen, was removed from his post"
_ENDED_NEXT = re.compile(
    r"\s*,?\s+(?:(?:has|had)\s+)?(?:resigned|stepped down|quit|died|(?:was|been)\s+(?:removed|dismissed|sacked|replaced|ousted|"
    r"suspended|relieved|killed|assassinated|murdered|shot dead))\b", re.I)


def _term_ended(ctx: Context, start: int, end: int) -> bool:
    """Whether the holder's term is said to have ended right after the name (`_ENDED_NEXT`), or in a "who"
    clause (`_TERM_ENDED`, tried only where "who" follows within its reach)."""
    if _ENDED_NEXT.match(ctx.doc.text, start, end):
        return True
    if ctx.low.find("who", start, min(end, start + 43)) < 0:
        return False  # most titles: spare them the pattern
    return _TERM_ENDED.match(ctx.doc.text, start, end) is not None


def _mentions_death(ctx: Context, start: int, end: int) -> bool:
    """Whether `_DEATH` finds a word of death in text[start:end] (scanned only where one of its words is)."""
    window = ctx.low[start:end]
    for word in _DEATH_WORDS:
        if word in window:
            return _DEATH.search(ctx.doc.text, start, end) is not None
    return False


def _last_person_before(ctx: Context, sent_start: int, end: int) -> Hit | None:
    """The last person or surname hit that `ctx.hits_in(sent_start, end)` gives, found by bisection."""
    hits = _office_hits(ctx)
    i = bisect.bisect_left(hits.people_starts, end) - 1
    while i >= 0 and hits.people_starts[i] >= sent_start:
        if hits.people[i].end <= end:
            return hits.people[i]
        i -= 1
    return None


def _introduced_by_title(ctx: Context, sent: tuple[int, int], person: Hit) -> bool:
    """Whether the clause before the person, across a comma, is a title ("the commander of the
    self-proclaimed LNA, Marshal Haftar"): a known title, or a definite phrase headed by an office noun."""
    text = ctx.doc.text
    start = ctx.extended.get(person.start, person.start)
    comma = text.rfind(",", sent[0], start)
    if comma < 0 or not _ONLY_HONORIFIC.fullmatch(text, comma, start):
        return False
    clause_start = max(text.rfind(",", sent[0], comma), sent[0] - 1) + 1
    if any(h.kind == TITLE for h in ctx.hits_in(clause_start, comma)):
        return True
    return bool(_OFFICE_PHRASE.match(text, clause_start, comma))


def _listed_holder(ctx: Context, sent: tuple[int, int], pos: int) -> tuple[Mention, int] | None:
    """The person a listed title introduces, after a short modifier and a comma."""
    m = _MODIFIED_THEN_NAME.match(ctx.doc.text, pos, sent[1])
    return _person_at(ctx, m.end()) if m else None


def _appointee(ctx: Context, sent: tuple[int, int], left_start: int, title_start: int) -> Mention | None:
    """The person who took the office titled at `title_start`: "Bashagha was appointed (the GNA's) interior
    minister", "Takala, who was elected head of the HCS"."""
    text = ctx.doc.text
    attached = _attached(ctx, left_start, title_start)
    people = [i for i, h in enumerate(attached) if h.kind in _PERSON_KINDS or h.kind == TITLE]
    if people:  # "named Emad Trabelsi acting interior minister": qualifiers are those after the person
        attached = attached[people[-1] + 1:]
    edge = attached[0].start if attached else title_start
    for h in reversed(ctx.hits_in(sent[0], edge)):
        if h.kind in _PERSON_KINDS:
            start = ctx.extended.get(h.start, h.start)
            if _TOOK_OFFICE.fullmatch(text, h.end, edge) or (
                    _AS_OBJECT.fullmatch(text, h.end, edge) and _APPOINTS.search(text, max(sent[0], start - 20), start)):
                return Mention.trusted(text=text[start:h.end], id=ctx.person_id(h), start=start, end=h.end)
            return None
        if h.kind != TITLE and h.end > left_start:
            return None
    return None


_PORTFOLIO = r"(?:foreign affairs|home affairs|internal affairs|interior|defen[cs]e|foreign|justice|finance|oil|health|economy)"
_MINISTERS_OF = re.compile(
    rf"\bministers\s+of\s+(?:the\s+)?(?P<ports>{_PORTFOLIO}(?:\s*,\s*(?:the\s+)?{_PORTFOLIO})*,?\s+and\s+(?:the\s+)?{_PORTFOLIO})\s*,\s*"
)  # on lower-cased text
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


def _portfolio_lists(ctx: Context) -> list:
    """"the ministers of interior, defence and foreign affairs, X, Y and Z": portfolios and names paired in order."""
    text = ctx.doc.text
    kb = ctx.kb
    claims = []
    for m in _matches_at(_MINISTERS_OF, ctx.low, ("ministers",), ctx.doc.body_start):
        ports = [(p.start() + m.start("ports"), p.end() + m.start("ports"), p.group())
                 for p in re.finditer(_PORTFOLIO, m.group("ports"))]
        people, pos = [], m.end()
        for _ in ports:
            found = _person_at(ctx, pos, 0)
            if not found:
                break
            people.append(found[0])
            sep = _LIST_SEP.match(text, found[1])
            pos = sep.end() if sep else found[1]
        if len(people) != len(ports) or any(p.id is None for p in people):
            continue
        for (ps, pe, word), person in zip(ports, people):
            ids = _positions_titled(kb, word)
            if not ids:
                continue
            claims.append(make_claim(
                ctx, ClaimKind.office_holding, person.start, person.end, subject=person, predicate="holds-office",  # type: ignore[arg-type]
                object=Mention.trusted(text=text[ps:pe], id=",".join(sorted(ids)), start=ps, end=pe),
                qualifiers=Qualifiers.trusted(), confidence=0.75, extra=f"list:{ps}",
            ))
    return claims


def _positions_titled(kb, portfolio: str) -> set[str]:
    """Positions whose titles read "Minister of <portfolio>" (with or without "the") or "<portfolio> Minister"."""
    word = fold_name(portfolio)
    wanted = {f"minister of {word}", f"minister of the {word}", f"{word} minister", f"minister for {word}"}
    if word in ("defence", "defense"):
        wanted |= {"minister of defence", "minister of defense", "defence minister", "defense minister"}
    by_title = kb.derived("positions-by-folded-title", _positions_by_title)
    return {i for title in wanted for i in by_title.get(title, ())}


def _positions_by_title(kb) -> dict[str, set[str]]:
    """The ids of the positions each folded title names (built once per knowledge base: folding every title
    for every portfolio named cost more than the rest of the office extraction)."""
    out: dict[str, set[str]] = {}
    for p in kb.positions.values():
        for t in p.titles:
            out.setdefault(fold_name(t), set()).add(p.id)
    return out


def _leadership(ctx: Context, pairs) -> list:
    text = ctx.doc.text
    claims = []
    paired = {p[1].start for p in pairs.values() if p[1] is not None}
    for _, h in org_hits(ctx):
        if h.start in paired:
            continue
        org_end = h.end
        if h.start in pairs:
            close = text.find(")", h.end, h.end + 20)
            org_end = close + 1 if close >= 0 else h.end
        head = _ORG_HEAD.match(text, org_end)
        if head is not None and (found := _person_at(ctx, head.end(), 0)) is not None:
            # "National Oil Corporation chairman Mustafa Sanalla": the body's head, named after the body and title
            person, pend = found
            role = head.group(1) or head.group(2)
            if _DEATH_OF.search(text, max(0, h.start - 30), h.start) or _term_ended(ctx, pend, ctx.sentence_of(h.start)[1]):
                role = "former"  # "the killing of SSA chief X", "NOC chairman X was dismissed": the post is behind him
            claims.append(_leads(ctx, h.start, pend, person, h, role=_ROLE_NAMES.get(role, role) if role else None))
            continue
        if not _LED_BY_NEXT.match(text, org_end):
            continue  # most names: spare them the search below
        sent = ctx.sentence_of(h.start)
        window = text[org_end:min(sent[1], org_end + 80)]
        m = _LED_BY.search(window)
        if not m or not _LED_GAP.fullmatch(window[: m.start()]):
            continue  # "led by" must follow the organization's name directly
        # another organization in between takes the phrase
        if any(x.kind in (ENTITY, ACRONYM) for x in ctx.hits_in(org_end + 1, org_end + m.start())):
            continue
        found = _person_at(ctx, org_end + m.end(), 0)
        if not found:
            continue
        person, pend = found
        acr = pairs[h.start][1] if h.start in pairs else None
        claims.append(_leads(ctx, h.start, pend, person, h, acronym=hit_mention(ctx, acr) if acr is not None else None))
    # "<person>, who heads <body>"; "<person> won the presidency of <body>" (a term begun)
    for h in _office_hits(ctx).people:
        if not _HEAD_NEXT.match(text, h.end):
            continue
        sent_end = ctx.sentence_of(h.start)[1]
        m = _WHO_HEADS.match(text, h.end) or _HEADS.match(text, h.end, sent_end)
        role = None
        part = _PART_OF_BODY
        if not m:
            m = _WON_HEAD.match(text, h.end, sent_end)
            role = "appointed"
        if not m:
            m = _THE_HEAD_OF.match(text, h.end)
            role = m and m.group(1) and m.group(1).lower()
            part = _PART_AFTER  # "the head of the IOM mission in Libya" leads no IOM
        if not m:
            continue
        nxt = [x for x in ctx.hits_at(m.end()) if x.kind in (ENTITY, ACRONYM)]
        if not nxt:
            continue
        o = nxt[0]
        if part.match(text, o.end, o.end + 12):
            continue  # "who heads the NTC's board" / "the UN-backed council": a part of the body, or a modifier
        start = ctx.extended.get(h.start, h.start)
        person = Mention.trusted(text=text[start:h.end], id=ctx.person_id(h), start=start, end=h.end)
        if role != "appointed" and _term_ended(ctx, o.end, sent_end):
            role = "former"  # "X, the leader of the SSA, was killed ...": the post is behind them
        claims.append(_leads(ctx, start, o.end, person, o, role=role))
    return claims


def _leads(ctx: Context, start: int, end: int, person: Mention, body: Hit, **qualifiers) -> Claim:
    """The claim that `person` leads the body a hit names, spanning `start:end`."""
    org = hit_mention(ctx, body)
    return make_claim(ctx, ClaimKind.leadership, start, end, subject=person, predicate="leads", object=org,
                      qualifiers=Qualifiers.trusted(organization=org, **qualifiers), confidence=0.8)
