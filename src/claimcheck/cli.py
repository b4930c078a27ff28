"""The command line: a thin layer that parses options, calls the library, renders and maps errors to exit codes."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import ClaimcheckError, InputError, Problem, UsageError

app = typer.Typer(
    name="claimcheck",
    help="Check the factual claims of a corpus of news articles against each other and a cited knowledge base.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_FINDINGS = 1
EXIT_INPUT = 2

PathsArg = Annotated[Optional[list[str]], typer.Argument(help="Article files or directories (default: [tool.claimcheck] paths, else seeds/).", show_default=False)]
PackOpt = Annotated[Optional[list[str]], typer.Option("--pack", "-p", help="Rule pack directory; repeat for several (default: rules/libya).", show_default=False)]
CacheOpt = Annotated[bool, typer.Option("--cache/--no-cache", help="Reuse extracted claims of unchanged articles.")]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Extract on this many processes (large corpora).")]


def _fail(exc: ClaimcheckError) -> None:
    if isinstance(exc, InputError):
        for p in exc.problems:
            typer.echo(str(p), err=True)
        typer.echo(f"claimcheck: {len(exc.problems)} input problem(s); nothing was written", err=True)
    else:
        typer.echo(f"claimcheck: error: {exc}", err=True)
    raise typer.Exit(EXIT_INPUT)


def _config():
    from .config import load_config

    return load_config()


def _cache(enabled: bool, cfg):
    if not enabled or not cfg.cache_dir:
        return None
    from .cache import ClaimCache

    return ClaimCache(Path(cfg.cache_dir))


def _progress():
    """A rich progress bar on a terminal, nothing otherwise."""
    if not sys.stderr.isatty():
        return None
    from rich.progress import Progress

    return Progress(transient=True)


def _run(paths, packs, baseline_file, cache: bool, jobs: int = 1):
    from . import api
    from .ingest import read_documents
    from .loader import load_file
    from .models import Baseline
    from .packs import load_packs

    cfg = _config()
    baseline_path = baseline_file or cfg.baseline
    baseline = load_file(baseline_path, Baseline) if baseline_path and Path(baseline_path).exists() else None
    if baseline_file and baseline is None:
        raise InputError(Problem(baseline_file, "baseline file not found"))
    loaded = load_packs(tuple(packs or cfg.packs))
    docs = read_documents(paths or list(cfg.paths))
    bar = _progress()
    if bar is None:
        return api.check_documents(docs, loaded, baseline=baseline, cache=_cache(cache, cfg), jobs=jobs), cfg
    with bar:
        task = bar.add_task("extracting", total=len(docs))
        run = api.check_documents(docs, loaded, baseline=baseline, cache=_cache(cache, cfg), jobs=jobs,
                                  progress=lambda n: bar.advance(task, n))
    return run, cfg


def _write(output: Optional[Path], text: str) -> None:
    from .io import atomic_write

    if output is None:
        typer.echo(text, nl=not text.endswith("\n"))
    else:
        atomic_write(output, text)


@app.command()
def check(
    paths: PathsArg = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, json, markdown, html, sarif or github.")] = "text",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file (atomically).")] = None,
    fail_on: Annotated[Optional[str], typer.Option("--fail-on", help="Exit 1 on findings at or above: error, warning, info, or never.")] = None,
    pack: PackOpt = None,
    baseline: Annotated[Optional[str], typer.Option("--baseline", "-b", help="Only findings not in this baseline file fail the check.")] = None,
    cache: CacheOpt = True,
    jobs: JobsOpt = 1,
) -> None:
    """Ingest, extract, check and score articles; print one line per finding.

    Exit status: 0 clean, 1 findings at or above --fail-on, 2 bad usage or input.

    Example: claimcheck check seeds --format json --output reports/report.json
    """
    from .api import failing
    from .models import Severity
    from .report import FORMATS, render

    try:
        if fmt not in FORMATS:
            raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        run, cfg = _run(paths, pack, baseline, cache, jobs)
        level = fail_on or cfg.fail_on.value
        if level not in ("error", "warning", "info", "never"):
            raise UsageError(f"--fail-on must be error, warning, info or never, not {level!r}")
        color = output is None and fmt == "text" and sys.stdout.isatty()
        _write(output, render(run.report, fmt, run.texts, run.rules, color=color))
    except ClaimcheckError as exc:
        _fail(exc)
    b = run.report.baseline
    if b is not None:
        typer.echo(f"baseline: {b.new} new, {b.confirmed} confirmed, {b.false_alarm} false alarm(s), {b.accepted} accepted, "
                   f"{len(b.stale)} stale", err=True)
        for fp in b.stale:
            typer.echo(f"baseline: stale entry {fp} (no finding has this fingerprint any more; drop it or re-baseline)", err=True)
    if level != "never" and failing(run.report, Severity(level)):
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Article files or directories.")],
    out: Annotated[Path, typer.Option("--out", help="Directory for one <article>.claims.json per article.")] = Path("claims"),
    pack: PackOpt = None,
    cache: CacheOpt = True,
) -> None:
    """Extract the claims of each article into schema-valid JSON files, with each claim's credibility (1-6).

    Example: claimcheck extract seeds --out build/claims
    """
    from .io import atomic_write

    try:
        run, _ = _run(paths, pack, None, cache)
        rendered = [(out / (Path(e.document.path).name + ".claims.json"), json.dumps(e.as_claims_file().model_dump(mode="json"), indent=2, sort_keys=True, ensure_ascii=False) + "\n") for e in run.extractions]
        for target, text in rendered:
            atomic_write(target, text)
    except ClaimcheckError as exc:
        _fail(exc)
    typer.echo(f"wrote {len(rendered)} claims file(s) to {out}", err=True)


@app.command()
def report(
    paths: PathsArg = None,
    out: Annotated[Path, typer.Option("--out", help="Directory for the reports.")] = Path("reports"),
    pack: PackOpt = None,
    baseline: Annotated[Optional[str], typer.Option("--baseline", "-b", help="Baseline file whose verdicts the reports show.")] = None,
    cache: CacheOpt = True,
) -> None:
    """Write the report in every format into a directory (report.txt, .json, .md, .html, .sarif, .github.txt).

    Example: claimcheck report seeds --out reports/
    """
    from .io import atomic_write
    from .report import FORMATS, render

    names = {"text": "report.txt", "json": "report.json", "markdown": "report.md", "html": "report.html", "sarif": "report.sarif", "github": "report.github.txt"}
    try:
        run, _ = _run(paths, pack, baseline, cache)
        rendered = {fmt: render(run.report, fmt, run.texts, run.rules) for fmt in FORMATS}
        for fmt, text in rendered.items():
            atomic_write(out / names[fmt], text)
    except ClaimcheckError as exc:
        _fail(exc)
    typer.echo(f"{len(run.report.findings)} finding(s) in {len(run.report.documents)} document(s); reports written to {out}/", err=True)


@app.command()
def validate(
    files: Annotated[Optional[list[str]], typer.Argument(help="Rule packs (directories) or structured files; default: the configured packs.")] = None,
) -> None:
    """Validate rule packs, knowledge-base files, claims files, baselines and reports against schemas/.

    Example: claimcheck validate rules/libya reports/report.json
    """
    from .validate import validate_paths

    try:
        checked = validate_paths(files or list(_config().packs))
    except ClaimcheckError as exc:
        _fail(exc)
    typer.echo(f"ok: {checked} file(s) valid")


@app.command()
def explain(
    fingerprint: Annotated[str, typer.Argument(help="A finding's fingerprint (or a unique prefix).")],
    paths: PathsArg = None,
    pack: PackOpt = None,
) -> None:
    """Tell the full story of one finding: the evidence in context, the rule, the reference facts and citations.

    Example: claimcheck explain 3f2a9c seeds
    """
    from .explain import explain_finding

    try:
        run, _ = _run(paths, pack, None, True)
        f = run.finding(fingerprint)
        if f is None:
            raise UsageError(f"no single finding has the fingerprint {fingerprint!r}")
        typer.echo(explain_finding(f, run))
    except ClaimcheckError as exc:
        _fail(exc)


@app.command()
def score(
    paths: PathsArg = None,
    pack: PackOpt = None,
    baseline: Annotated[Optional[str], typer.Option("--baseline", "-b", help="False alarms in this baseline do not count.")] = None,
    explain_source: Annotated[Optional[str], typer.Option("--explain", help="Explain one source's score: the findings that drove it.")] = None,
) -> None:
    """Print the source reliability table, worst first (score, 90% interval, Admiralty grade, counts).

    Example: claimcheck score seeds --explain ALG24
    """
    from .score import explain_score

    try:
        run, _ = _run(paths, pack, baseline, True)
        if explain_source is not None:
            if explain_source not in {s.source for s in run.report.sources}:
                raise UsageError(f"no source named {explain_source!r}; sources: {', '.join(s.source for s in run.report.sources)}")
            typer.echo(explain_score(explain_source, run.scoring, run.report.findings))
            return
    except ClaimcheckError as exc:
        _fail(exc)
    typer.echo(f"{'source':<28} {'grade':>5} {'score':>6} {'90% interval':>15} {'checkable':>9} {'supported':>9} {'contradicted':>12}")
    for s in run.report.sources:
        typer.echo(f"{s.source[:28]:<28} {s.grade:>5} {s.score:>6.2f} {f'{s.interval[0]:.2f}-{s.interval[1]:.2f}':>15} {s.checkable:>9} {s.supported:>9} {s.contradicted:>12.2f}")


@app.command()
def baseline(
    paths: PathsArg = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="The baseline file to write (verdicts already in it are kept).")] = Path(".claimcheck-baseline.json"),
    pack: PackOpt = None,
) -> None:
    """Acknowledge today's findings: write them to a baseline file, keeping reviewers' verdicts and notes.

    Example: claimcheck baseline seeds --output .claimcheck-baseline.json
    """
    from .baseline import make_baseline
    from .io import atomic_write
    from .loader import load_file
    from .models import Baseline

    try:
        previous = load_file(output, Baseline) if output.exists() else None
        run, _ = _run(paths, pack, None, True)
        b = make_baseline(run.report, previous)
        atomic_write(output, json.dumps(b.model_dump(mode="json"), indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    except ClaimcheckError as exc:
        _fail(exc)
    typer.echo(f"wrote {len(b.entries)} baseline entries to {output}", err=True)


@app.command(name="test-rules")
def test_rules(pack: PackOpt = None) -> None:
    """Run every rule's named pass and fail cases; exit 1 when one does not behave.

    Example: claimcheck test-rules --pack rules/libya
    """
    from .cases import run_cases
    from .packs import load_packs

    try:
        loaded = load_packs(tuple(pack or _config().packs))
        results = run_cases(loaded)
    except ClaimcheckError as exc:
        _fail(exc)
    bad = [r for r in results if not r.ok and not r.todo]
    for r in results:
        mark = "ok  " if r.ok else ("todo" if r.todo else "FAIL")
        typer.echo(f"{mark} {r.rule}::{r.case} ({r.expect}) {r.detail}")
    typer.echo(f"{len(results) - len(bad)} passed, {len(bad)} failed")
    if bad:
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
def schema(
    write: Annotated[bool, typer.Option("--write", help="Regenerate schemas/*.schema.json from the models.")] = False,
    directory: Annotated[Path, typer.Option("--dir", help="Where the schemas live.")] = Path("schemas"),
) -> None:
    """Print or regenerate the JSON Schemas of every format (generated from the pydantic models).

    Example: claimcheck schema --write
    """
    from .schema import SCHEMAS, render, write_schemas

    if write:
        for p in write_schemas(directory):
            typer.echo(f"wrote {p}", err=True)
    else:
        typer.echo(json.dumps({k: json.loads(render(m)) for k, m in SCHEMAS.items()}, indent=2, sort_keys=True))


@app.command()
def version() -> None:
    """Print the version.

    Example: claimcheck version
    """
    typer.echo(f"claimcheck {__version__}")


def main() -> None:  # pragma: no cover
    app()
