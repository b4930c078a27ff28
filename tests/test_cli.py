"""The CLI end to end: exit codes, formats, bad input, explain, validate, baseline and the cache."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

from .conftest import ROOT, SEEDS

runner = CliRunner()

COMMANDS = ["check", "extract", "report", "validate", "explain", "score", "baseline", "test-rules", "schema", "version"]


def invoke(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_an_example(command, file_regression):
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Example: claimcheck" in result.output
    file_regression.check(result.output, basename=f"help_{command.replace('-', '_')}", extension=".txt")


def test_check_seeds_fails_on_errors_and_prints_locations():
    result = invoke("check", "seeds", "--no-cache")
    assert result.exit_code == 1
    lines = [l for l in result.output.splitlines() if l.startswith("seeds/")]
    assert lines and all(":" in l.split(" ")[0] for l in lines)
    assert any("acronym-mismatch" in l for l in lines)


def test_fail_on_never_exits_zero():
    assert invoke("check", "seeds", "--no-cache", "--fail-on", "never").exit_code == 0


def test_clean_article_exits_zero(tmp_path):
    f = tmp_path / "ok.md"
    f.write_text("---\nsource: Good Wire\npublished: 2019-10-15\n---\nThe Libyan Interior Minister, Fathi Bashagha, met the Italian Interior Minister, Luciana Lamorgese, in Rome.\n", encoding="utf-8")
    result = invoke("check", str(f), "--no-cache")
    assert result.exit_code == 0, result.output


def test_json_output_file(tmp_path):
    out = tmp_path / "r.json"
    result = invoke("check", "seeds", "--no-cache", "--format", "json", "--output", str(out), "--fail-on", "never")
    assert result.exit_code == 0
    data = json.loads(out.read_text())
    assert len(data["documents"]) == 5 and data["findings"]


def test_unknown_format_is_a_usage_error():
    result = runner.invoke(app, ["check", "seeds", "--format", "pdf"])
    assert result.exit_code == 2 and "unknown format" in result.output


@pytest.mark.parametrize("content", [b"", b"\xff\xfe\xfa", b"\x00\x01binary"])
def test_bad_article_exit_2_and_nothing_written(tmp_path, content):
    corpus = tmp_path / "c"
    shutil.copytree(SEEDS, corpus)
    (corpus / "bad.txt").write_bytes(content)
    out = tmp_path / "r.json"
    result = runner.invoke(app, ["check", str(corpus), "--no-cache", "--format", "json", "--output", str(out)])
    assert result.exit_code == 2
    assert "bad.txt" in result.output
    assert not out.exists()


def test_broken_pack_exit_2_with_location(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(ROOT / "tests/data/packs/clubs", pack)
    (pack / "kb" / "clubs.yaml").write_text("entities:\n  - id: x\n    name: [oops\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "seeds", "--no-cache", "--pack", str(pack)])
    assert result.exit_code == 2
    assert "clubs.yaml:" in result.output and "malformed YAML" in result.output


def test_extract_writes_schema_valid_claims(tmp_path):
    import jsonschema

    result = invoke("extract", "seeds", "--out", str(tmp_path), "--no-cache")
    assert result.exit_code == 0
    files = sorted(tmp_path.glob("*.claims.json"))
    assert len(files) == 5
    schema = json.loads((ROOT / "schemas/claims.schema.json").read_text())
    for f in files:
        jsonschema.validate(json.loads(f.read_text()), schema)


def test_report_writes_every_format(tmp_path):
    result = invoke("report", "seeds", "--out", str(tmp_path), "--no-cache")
    assert result.exit_code == 0
    assert {p.name for p in tmp_path.iterdir()} == {"report.txt", "report.json", "report.md", "report.html", "report.sarif", "report.github.txt"}


def test_validate_pack_and_files(tmp_path):
    assert invoke("validate", "rules/libya").exit_code == 0
    bad = tmp_path / "kb"
    bad.mkdir()
    (bad / "x.yaml").write_text("entities:\n  - id: BAD\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(bad / "x.yaml")])
    assert result.exit_code == 2 and "/entities/0" in result.output


def test_explain_tells_the_story(tmp_path):
    out = tmp_path / "r.json"
    invoke("check", "seeds", "--no-cache", "--format", "json", "--output", str(out), "--fail-on", "never")
    f = next(f for f in json.loads(out.read_text())["findings"] if f["rule"] == "figure-reference")
    result = invoke("explain", f["fingerprint"][:10], "seeds")
    assert result.exit_code == 0
    assert ">>>" in result.output and "reference facts:" in result.output and "http" in result.output
    assert runner.invoke(app, ["explain", "zzzz", "seeds"]).exit_code == 2


def test_score_table():
    result = invoke("score", "seeds")
    assert result.exit_code == 0 and "grade" in result.output and "ALG24" in result.output


def test_test_rules_command():
    result = invoke("test-rules")
    assert result.exit_code == 0 and " 0 failed" in result.output


def test_baseline_turns_green_and_a_new_conflict_turns_red(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    base = tmp_path / "baseline.json"
    assert invoke("baseline", str(corpus), "--output", str(base)).exit_code == 0
    assert invoke("check", str(corpus), "--baseline", str(base), "--no-cache").exit_code == 0
    # an entry whose finding is gone is listed as stale
    data = json.loads(base.read_text())
    data["entries"].append({**data["entries"][0], "fingerprint": "0" * 20})
    base.write_text(json.dumps(data))
    stale = runner.invoke(app, ["check", str(corpus), "--baseline", str(base), "--no-cache"])
    assert stale.exit_code == 0 and "stale entry " + "0" * 20 in stale.output and "1 stale" in stale.output
    (corpus / "new.md").write_text(
        "---\nsource: New Wire\npublished: 2022-05-01\n---\nThe Government of National Accord (GNU) said talks would resume.\n",
        encoding="utf-8")
    result = invoke("check", str(corpus), "--baseline", str(base), "--no-cache", "--format", "json", "--fail-on", "error")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    new = [f for f in report["findings"] if f.get("baseline") is None]
    assert len(new) == 1 and new[0]["evidence"][0]["path"].endswith("new.md")


def test_adding_one_article_re_extracts_only_that_article(tmp_path, packs):
    from claimcheck.api import check_documents
    from claimcheck.cache import ClaimCache
    from claimcheck.ingest import read_documents

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    cache = ClaimCache(tmp_path / "cache")
    first = check_documents(read_documents([str(corpus)]), packs, cache=cache)
    assert (cache.hits, cache.misses) == (0, 5)
    (corpus / "new.txt").write_text("The Libyan Interior Minister, Khaled Mazen, visited Sebha.", encoding="utf-8")
    cache2 = ClaimCache(tmp_path / "cache")
    second = check_documents(read_documents([str(corpus)]), packs, cache=cache2)
    assert (cache2.hits, cache2.misses) == (5, 1)
    assert [f.fingerprint for f in first.report.findings if "new.txt" not in f.evidence[0].path] == \
           [f.fingerprint for f in second.report.findings if "new.txt" not in f.evidence[0].path]


def test_changing_kb_facts_rechecks_without_re_extracting(tmp_path):
    import shutil as sh

    from claimcheck.api import check_documents
    from claimcheck.cache import ClaimCache
    from claimcheck.ingest import read_documents
    from claimcheck.packs import load_packs

    pack = tmp_path / "pack"
    sh.copytree(ROOT / "rules/libya", pack)
    cache_dir = tmp_path / "cache"
    docs = read_documents([str(SEEDS)])
    c1 = ClaimCache(cache_dir)
    before = check_documents(docs, load_packs([str(pack)]), cache=c1)
    figures = pack / "kb" / "figures.yaml"
    figures.write_text(figures.read_text(encoding="utf-8").replace("value: 597611", "value: 690000"), encoding="utf-8")
    c2 = ClaimCache(cache_dir)
    after = check_documents(docs, load_packs([str(pack)]), cache=c2)
    assert (c2.hits, c2.misses) == (5, 0)
    rules = lambda run: sorted(f.rule for f in run.report.findings)
    assert "figure-reference" in rules(before) and "figure-reference" not in rules(after)


def test_a_new_version_of_the_code_never_reads_old_claims(tmp_path, packs, monkeypatch):
    from claimcheck import cache as cache_module
    from claimcheck.api import check_documents
    from claimcheck.ingest import read_documents

    docs = read_documents([str(SEEDS)])
    check_documents(docs, packs, cache=cache_module.ClaimCache(tmp_path / "cache"))
    same = cache_module.ClaimCache(tmp_path / "cache")
    check_documents(docs, packs, cache=same)
    assert (same.hits, same.misses) == (5, 0)
    monkeypatch.setattr(cache_module, "code_version", lambda: "an-edited-extractor")
    changed = cache_module.ClaimCache(tmp_path / "cache")
    check_documents(docs, packs, cache=changed)
    assert (changed.hits, changed.misses) == (0, 5)


def test_output_is_deterministic_across_hash_seeds_and_processes(tmp_path):
    import os
    import subprocess
    import sys

    outs = []
    for seed, jobs in (("1", "1"), ("2", "2")):
        out = tmp_path / f"r{seed}.json"
        corpus = tmp_path / "corpus"
        if not corpus.exists():
            corpus.mkdir()
            for i in range(4):
                for f in SEEDS.glob("*.txt"):
                    (corpus / f"{i}_{f.name}").write_bytes(f.read_bytes())
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", "from claimcheck.cli import app; app()", "check", str(corpus), "--no-cache",
                        "--jobs", jobs, "--format", "json", "--output", str(out), "--fail-on", "never"], check=True, env=env, cwd=ROOT)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
