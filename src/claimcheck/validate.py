"""`claimcheck validate`: check packs and structured files against the schemas, reporting every problem."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from .errors import InputError, Problem
from .loader import parse_structured, read_text, validate_data
from .models import Baseline, DocumentClaims, KnowledgeBaseFile, PackMeta, Report, RuleCases, RuleSpec


def model_for(path: Path, data) -> type[BaseModel] | None:
    """Which model a file is, from its name, its folder or its top-level keys."""
    name = path.name
    if name == "pack.yaml":
        return PackMeta
    if name.endswith(".cases.yaml"):
        return RuleCases
    if path.parent.name == "kb":
        return KnowledgeBaseFile
    if path.parent.name == "rules" and name.endswith((".yaml", ".yml")):
        return RuleSpec
    if name.endswith(".claims.json"):
        return DocumentClaims
    if isinstance(data, dict):
        if "findings" in data and "documents" in data:
            return Report
        if "entries" in data:
            return Baseline
        if "check" in data and "id" in data:
            return RuleSpec
        if {"entities", "positions", "holdings", "figures", "events", "quantities"} & set(data):
            return KnowledgeBaseFile
    return None


def validate_paths(paths: list[str]) -> int:
    """Validate every file (packs are loaded whole, with cross-references); return how many were checked."""
    from .packs import load_packs

    problems: list[Problem] = []
    checked = 0
    for p in paths:
        path = Path(p)
        if path.is_dir():
            try:
                loaded = load_packs([p])
                checked += 1 + sum(len(x.rules) + len(x.cases) for x in loaded.packs) + len(list((path / "kb").glob("*.yaml")))
            except InputError as exc:
                problems.extend(exc.problems)
            continue
        try:
            data, marks = parse_structured(read_text(path), p)
            model = model_for(path, data)
            if model is None:
                problems.append(Problem(p, "cannot tell what kind of file this is (pack, rule, cases, kb, claims, report, baseline)"))
                continue
            validate_data(data, model, p, marks)
            checked += 1
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return checked
