"""acronym-written-out: a known acronym spelled out with a name that swaps one of its words for another.

"United Nations Special Mission in Libya (UNSMIL)": UNSMIL is the United Nations *Support* Mission in
Libya. The written name has the words of a known name but one, and the odd word is not a form of the
right one (no common stem: "Electoral" for "Elections" and "Organisation" for "Organization" pass, and
do not count as the odd word: "High National Electoral Council (HNEC)" swaps "Council" for "Commission"). Names
that share less than that with every known name are not judged: they may be translations the knowledge
base does not list.
"""

from __future__ import annotations

import re

from ..models import ClaimKind, RuleSpec
from ..text import fold
from .base import BaseCheck, CheckContext, CheckResult, Draft

_SHORT = {"un": "united nations", "eu": "european union", "us": "united states", "uk": "united kingdom", "&": "and"}
_WORD = re.compile(r"[\w&]+")


def _words(name: str) -> list[str]:
    """A name as comparable words: folded, short forms spelled out, articles and possessives dropped."""
    out: list[str] = []
    for w in _WORD.findall(fold(name)):
        if w in ("the", "s"):
            continue
        out.extend(_SHORT.get(w, w).split())
    return out


def _swapped(written: list[str], known: list[str], stem: int) -> tuple[str, str] | None:
    """The one word pair of two equally long names whose words share no stem, when the other pairs are the
    same word or forms of it ("High National Electoral Council" for "High National Elections Commission")."""
    if len(written) != len(known):
        return None
    diff = [(a, b) for a, b in zip(written, known) if a != b and a[:stem] != b[:stem]]
    return diff[0] if len(diff) == 1 else None


class AcronymWrittenOut(BaseCheck):
    name = "acronym-written-out"
    defaults = {"stem_letters": 4}

    def run(self, rule: RuleSpec, ctx: CheckContext) -> CheckResult:
        kb = ctx.kb
        stem = self.params(rule)["stem_letters"]
        result = CheckResult()
        for c in ctx.of_kind(ClaimKind.organization_name):
            acr = c.qualifiers.acronym
            if c.predicate != "expanded-acronym" or acr is None or acr.id not in kb.entities:
                continue
            entity = kb.entities[acr.id]
            written = _words(c.subject.text)
            names = [_words(n) for n in (entity.name, *entity.aliases)]
            if written in names:
                result.support(c, f"entity:{entity.id}")
                continue
            for name in names:
                swap = _swapped(written, name, stem)
                if swap is None:
                    continue
                result.drafts.append(Draft(
                    claim=c,
                    fields={"written": c.subject.text, "acronym": acr.text, "expected": entity.name,
                            "wrong": swap[0], "right": swap[1]},
                    references=[kb.ref_entity(entity.id)],
                    key=f"{entity.id}|{' '.join(written)}",
                ))
                break
        return result


CHECK = AcronymWrittenOut()
