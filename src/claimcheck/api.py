"""The library API: what the CLI and the tests call. It never prints and never exits."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .checks import CheckContext
from .engine import run_rules
from .extract import EXTRACTOR, extract_claims, place_in_time
from .extract.window import Constraint
from .ingest import read_documents
from .models import (
    Baseline, Claim, Document, DocumentClaims, DocumentInfo, Finding, Judgement, Report, RunMeta, RuleSpec, Severity,
)
from .packs import LoadedPacks, load_packs

DEFAULT_PACKS = ("rules/libya",)


@dataclass(frozen=True)
class Extraction:
    """One document's extraction output."""

    document: Document
    claims: tuple[Claim, ...]
    clashes: tuple[Constraint, ...] = ()

    def as_claims_file(self) -> DocumentClaims:
        d = self.document
        return DocumentClaims(path=d.path, sha256=d.sha256, source=d.source, published=d.published, claims=self.claims)


@dataclass
class Run:
    """Everything one check run produced."""

    report: Report
    packs: LoadedPacks
    extractions: list[Extraction]
    judgements: list[Judgement] = field(default_factory=list)
    scoring: object | None = None  # claimcheck.score.Scoring: scores, credibility, copy groups

    @property
    def documents(self) -> dict[str, Document]:
        return {e.document.path: e.document for e in self.extractions}

    @property
    def texts(self) -> dict[str, str]:
        return {e.document.path: e.document.text for e in self.extractions}

    @property
    def rules(self) -> dict[str, RuleSpec]:
        return {r.id: r for r in self.packs.rules}

    def finding(self, fingerprint: str) -> Finding | None:
        matches = [f for f in self.report.findings if f.fingerprint.startswith(fingerprint)]
        return matches[0] if len(matches) == 1 else None


def resolve_packs(packs: Sequence[str] | None) -> tuple[str, ...]:
    return tuple(packs) if packs else DEFAULT_PACKS


_WORKER_KB = None


def _init_worker(pack_paths: tuple[str, ...]) -> None:
    global _WORKER_KB
    _WORKER_KB = load_packs(pack_paths).kb


def _extract_in_worker(doc: Document) -> list[Claim]:
    return extract_claims(doc, _WORKER_KB)


def extract_documents(
    docs: Iterable[Document], packs: LoadedPacks, *, cache=None, progress: Callable[[int], None] | None = None, jobs: int = 1,
) -> list[Extraction]:
    """Extract every document (from the cache when its content, extractor and knowledge-base lexicon are
    unchanged), on `jobs` processes when there are many; then place each in time."""
    docs = list(docs)
    lexicon = packs.kb.lexicon_version
    found: dict[int, list[Claim]] = {}
    if cache is not None:
        for i, doc in enumerate(docs):
            hit = cache.get(doc, lexicon)
            if hit is not None:
                found[i] = hit
    todo = [i for i in range(len(docs)) if i not in found]
    if jobs > 1 and len(todo) >= 2 * jobs:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(tuple(str(p.path) for p in packs.packs),)) as pool:
            for i, claims in zip(todo, pool.map(_extract_in_worker, [docs[i] for i in todo], chunksize=8)):
                found[i] = claims
                if progress:
                    progress(1)
    else:
        for i in todo:
            found[i] = extract_claims(docs[i], packs.kb)
            if progress:
                progress(1)
    if cache is not None:
        for i in todo:
            cache.put(docs[i], lexicon, found[i])
    out = []
    for i, doc in enumerate(docs):
        d, timed, clashes = place_in_time(doc, found[i], packs.kb)
        out.append(Extraction(d, tuple(timed), tuple(clashes)))
    if progress and len(todo) < len(docs):
        progress(len(docs) - len(todo))
    return out


def extract(paths: Sequence[str], packs: Sequence[str] | None = None, *, cache=None) -> list[Extraction]:
    """Read and extract the articles under `paths`."""
    loaded = load_packs(resolve_packs(packs))
    return extract_documents(read_documents(paths), loaded, cache=cache)


def check_documents(docs: Sequence[Document], loaded: LoadedPacks, *, baseline: Baseline | None = None, cache=None,
                    progress: Callable[[int], None] | None = None, jobs: int = 1) -> Run:
    """Extract, check and score documents already read."""
    extractions = extract_documents(docs, loaded, cache=cache, progress=progress, jobs=jobs)
    ctx = CheckContext(
        kb=loaded.kb,
        documents={e.document.path: e.document for e in extractions},
        claims={e.document.path: list(e.claims) for e in extractions},
        clashes={e.document.path: list(e.clashes) for e in extractions if e.clashes},
    )
    findings, judgements = run_rules(loaded.rules, ctx)
    from .score import score_sources

    scoring = score_sources([e.document for e in extractions], ctx.all_claims, judgements, findings, baseline)
    infos = tuple(
        DocumentInfo(
            path=e.document.path, sha256=e.document.sha256, source=e.document.source, title=e.document.title,
            published=e.document.published, claims=len(e.claims), copy_group=scoring.copy_groups.get(e.document.path),
        )
        for e in sorted(extractions, key=lambda e: e.document.path)
    )
    report = Report(
        findings=tuple(findings), documents=infos, sources=tuple(scoring.sources),
        run=RunMeta(tool_version=__version__, packs=loaded.labels, kb_version=loaded.kb.version, extractor_version=EXTRACTOR.version),
    )
    if baseline is not None:
        from .baseline import apply_baseline

        report = apply_baseline(report, baseline)
    if scoring.credibility:
        extractions = [
            Extraction(e.document, tuple(c.model_copy(update={"credibility": scoring.credibility.get(c.id)}) for c in e.claims), e.clashes)
            for e in extractions
        ]
    return Run(report=report, packs=loaded, extractions=extractions, judgements=judgements, scoring=scoring)


def check(paths: Sequence[str], packs: Sequence[str] | None = None, *, baseline: Baseline | None = None, cache=None,
          progress: Callable[[int], None] | None = None) -> Run:
    """Ingest, extract, check and score the articles under `paths`."""
    loaded = load_packs(resolve_packs(packs))
    return check_documents(read_documents(paths), loaded, baseline=baseline, cache=cache, progress=progress)


def failing(report: Report, fail_on: Severity) -> list[Finding]:
    """Findings at or above `fail_on` that the baseline does not acknowledge."""
    return [f for f in report.findings if f.severity.rank >= fail_on.rank and f.baseline is None]


__all__ = ["DEFAULT_PACKS", "Extraction", "Run", "check", "check_documents", "extract", "extract_documents", "failing"]
