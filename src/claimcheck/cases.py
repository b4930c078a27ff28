"""The rule-case runner: every rule's named pass and fail cases, run through the real pipeline."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .checks import CheckContext
from .engine import run_rules
from .extract import extract_document
from .models import Document, PublishedWindow, RuleCase, RuleSpec, WindowBasis
from .packs import LoadedPacks


@dataclass(frozen=True)
class CaseResult:
    rule: str
    case: str
    expect: str
    ok: bool
    todo: str | None
    detail: str


def _doc(path: str, text: str, source: str, published) -> Document:
    window = PublishedWindow(earliest=published, latest=published, basis=WindowBasis.stated) if published else PublishedWindow()
    return Document(path=path, sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source=source, published=window)


def run_case(rule: RuleSpec, case: RuleCase, loaded: LoadedPacks) -> CaseResult:
    """Run one case with only its rule enabled."""
    if case.documents:
        docs = [_doc(f"case/{case.name}/{i}.txt", d.text, d.source, d.published or case.published) for i, d in enumerate(case.documents)]
    else:
        docs = [_doc(f"case/{case.name}.txt", case.text or "", "case", case.published)]
    extracted = [extract_document(d, loaded.kb) for d in docs]
    ctx = CheckContext(
        kb=loaded.kb, documents={d.path: d for d, _, _ in extracted}, claims={d.path: list(c) for d, c, _ in extracted},
        clashes={d.path: list(x) for d, _, x in extracted if x},
    )
    findings, _ = run_rules((rule,), ctx)
    if case.expect == "pass":
        ok = not findings
        detail = "" if ok else f"unexpected: {findings[0].message}"
    else:
        ok = bool(findings) and (case.quote is None or any(case.quote in e.quote or e.quote in case.quote for e in findings[0].evidence))
        detail = "" if ok else ("no finding" if not findings else f"finding does not quote {case.quote!r}: {findings[0].evidence[0].quote!r}")
    return CaseResult(rule.id, case.name, case.expect, ok, case.todo, detail)


def run_cases(loaded: LoadedPacks) -> list[CaseResult]:
    out = []
    for pack in loaded.packs:
        for rule in pack.rules:
            for case in pack.cases.get(rule.id).cases if rule.id in pack.cases else ():
                out.append(run_case(rule, case, loaded))
    return out
