"""The extraction benchmark runs and counts what it measures (its speed is reported, never asserted)."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_extraction", ROOT / "benchmarks" / "extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("kind", ["seeds", "generated", "heldout"])
def test_corpus_reaches_the_requested_size_with_distinct_paths(bench, kind):
    docs = bench.corpus(0.05, kind)
    assert sum(len(d.text.encode()) for d in docs) >= 50_000
    assert len({d.path for d in docs}) == len(docs)


def test_one_pass_counts_articles_bytes_and_claims(bench):
    run = bench.one_pass(0.02, "seeds", warm=False)
    assert run["articles"] >= 5 and run["bytes"] >= 20_000
    assert run["claims"] > run["articles"]  # every seed yields several claims
    assert run["seconds"] > 0
