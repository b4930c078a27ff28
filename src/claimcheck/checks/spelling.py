"""spelling: a near-miss of a known person's name that is not one of its listed variants.

"James Claverly" is one letter from "James Cleverly". Names from countries whose names are transliterated
(a parameter of the rule) are compared on a transliteration skeleton first, so that Dbeibah/Dbeiba or
Trabelsi/Tarabelsi pass even when a variant is not yet listed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from ..models import ClaimKind, RuleSpec
from ..text import fold_name
from .base import BaseCheck, CheckContext, CheckResult, Draft

_SKELETON_RULES = [
    (r"\b(?:al|el|al|el)\s", ""), (r"ou", "u"), (r"ee", "i"), (r"oo", "u"), (r"kh", "h"), (r"gh", "g"), (r"dh", "d"),
    (r"th", "t"), (r"q", "k"), (r"ph", "f"), (r"j", "g"), (r"[aeiouy]", ""), (r"(.)\1", r"\1"), (r"\s+", " "),
]


def skeleton(name: str) -> str:
    """A transliteration-insensitive key: articles dropped, vowels dropped, common digraphs merged."""
    s = fold_name(name)
    for rx, rep in _SKELETON_RULES:
        s = re.sub(rx, rep, s)
    return s.strip()


class Spelling(BaseCheck):
    name = "spelling"
    defaults = {"min_similarity": 85.0, "max_edits": 2, "transliterated_countries": []}

    def run(self, rule: RuleSpec, ctx: CheckContext) -> CheckResult:
        p = self.params(rule)
        kb = ctx.kb
        names = kb.people_names
        choices = sorted(names)
        result = CheckResult()
        translit = set(p["transliterated_countries"])
        cache: dict[str, tuple | None] = {}
        for c in ctx.of_kind(ClaimKind.person_name):
            if c.subject.id is not None:
                result.support(c, f"entity:{c.subject.id}")
                continue
            written = fold_name(c.subject.text)
            if written in names:
                continue
            if written not in cache:
                cache[written] = process.extractOne(written, choices, scorer=fuzz.ratio, score_cutoff=p["min_similarity"])
            best = cache[written]
            if best is None:
                continue
            target, score, _ = best
            a, b = written.split(), target.split()
            if len(a) != len(b):
                continue
            diff = [(x, y) for x, y in zip(a, b) if x != y]
            if not diff or len(diff) == len(a):
                continue  # identical, or no token in common: another person
            if any(Levenshtein.distance(x, y) > p["max_edits"] or min(len(x), len(y)) < 4 for x, y in diff):
                continue
            ids = names[target]
            person = kb.entities[sorted(ids)[0]]
            if person.country in translit and skeleton(written) == skeleton(target):
                continue
            result.drafts.append(Draft(
                claim=c,
                fields={"written": c.subject.text, "expected": person.name, "similarity": f"{score:.0f}",
                        "variants": ", ".join(person.variants) or "none"},
                references=[kb.ref_entity(person.id)],
                key=person.id,
            ))
        return result


CHECK = Spelling()
