"""Rule packs on disk: `rules/<pack>/pack.yaml`, `kb/*.yaml`, `rules/<id>.yaml` and `<id>.cases.yaml`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, Problem
from .kb import KnowledgeBase
from .loader import load_file
from .models import KnowledgeBaseFile, PackMeta, RuleCases, RuleSpec


@dataclass(frozen=True)
class Pack:
    path: Path
    meta: PackMeta
    rules: tuple[RuleSpec, ...]
    cases: dict[str, RuleCases]
    rule_files: dict[str, Path]


@dataclass(frozen=True)
class LoadedPacks:
    """Every pack in use, with their knowledge bases merged."""

    packs: tuple[Pack, ...]
    kb: KnowledgeBase

    @property
    def rules(self) -> tuple[RuleSpec, ...]:
        return tuple(r for p in self.packs for r in p.rules if r.enabled)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(f"{p.meta.name}@{p.meta.version}" for p in self.packs)


def _collect(fn, problems: list[Problem]):
    try:
        return fn()
    except InputError as exc:
        problems.extend(exc.problems)
        return None


def load_pack(path: Path | str, problems: list[Problem], kb_files: list[tuple[str, KnowledgeBaseFile]]) -> Pack | None:
    root = Path(path)
    meta_file = root / "pack.yaml"
    if not meta_file.is_file():
        problems.append(Problem(str(root), "not a rule pack: pack.yaml is missing"))
        return None
    meta = _collect(lambda: load_file(meta_file, PackMeta), problems)
    for f in sorted((root / "kb").glob("*.yaml")):
        loaded = _collect(lambda f=f: load_file(f, KnowledgeBaseFile), problems)
        if loaded is not None:
            kb_files.append((str(f), loaded))
    rules, cases, files = [], {}, {}
    from .checks import CHECKS

    for f in sorted((root / "rules").glob("*.yaml")):
        if f.name.endswith(".cases.yaml"):
            continue
        rule = _collect(lambda f=f: load_file(f, RuleSpec), problems)
        if rule is None:
            continue
        if rule.id != f.stem:
            problems.append(Problem(str(f), f"rule id {rule.id!r} must match the file name {f.stem!r}", pointer="/id"))
        if rule.check not in CHECKS:
            problems.append(Problem(str(f), f"unknown check {rule.check!r}; known: {', '.join(sorted(CHECKS))}", pointer="/check"))
        else:
            for msg in CHECKS[rule.check].validate_params(rule.params):
                problems.append(Problem(str(f), msg, pointer="/params"))
        rules.append(rule)
        files[rule.id] = f
        cf = f.with_name(f"{f.stem}.cases.yaml")
        if cf.is_file():
            c = _collect(lambda cf=cf: load_file(cf, RuleCases), problems)
            if c is not None:
                cases[rule.id] = c
    if meta is None:
        return None
    return Pack(path=root, meta=meta, rules=tuple(rules), cases=cases, rule_files=files)


def load_packs(paths: list[str] | tuple[str, ...]) -> LoadedPacks:
    """Load and validate packs; every problem in every file is reported together."""
    problems: list[Problem] = []
    kb_files: list[tuple[str, KnowledgeBaseFile]] = []
    packs = [p for p in (load_pack(x, problems, kb_files) for x in paths) if p is not None]
    if problems:
        raise InputError(problems)
    ids: dict[str, str] = {}
    for p in packs:
        for r in p.rules:
            if r.id in ids:
                problems.append(Problem(str(p.rule_files[r.id]), f"rule id {r.id!r} is also defined in pack {ids[r.id]}"))
            ids[r.id] = p.meta.name
    if problems:
        raise InputError(problems)
    as_of = max(p.meta.as_of for p in packs)
    try:
        place = next((p.meta.default_place for p in packs if p.meta.default_place), None)
        kb = KnowledgeBase.build(kb_files, as_of, place)
    except InputError as exc:
        raise InputError(_with_lines(exc.problems)) from exc
    return LoadedPacks(packs=tuple(packs), kb=kb)


def _with_lines(problems: list[Problem]) -> list[Problem]:
    """Give cross-reference problems the line of their JSON pointer (files are re-read only on failure)."""
    from .loader import parse_structured, read_text

    marks: dict[str, dict] = {}
    out = []
    for p in problems:
        if p.line is None and p.pointer:
            if p.path not in marks:
                marks[p.path] = parse_structured(read_text(p.path), p.path)[1]
            line, col = marks[p.path].get(p.pointer, (None, None))
            p = Problem(p.path, p.message, line=line, column=col, pointer=p.pointer)
        out.append(p)
    return out
