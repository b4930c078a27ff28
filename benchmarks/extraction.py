"""Extraction speed: MB/s and articles/s of article text on one core (a benchmark, not a timed test).

Corpora (--corpus):
  seeds      the seed articles repeated, each copy a separate document (the issue's reference corpus);
  generated  articles of shuffled seed sentences;
  heldout    every held-out article in benchmarks/heldout*/corpus plus the seeds, repeated: 323 distinct
             articles, denser in names, titles and figures than the seeds.
Sentence-level memos are cleared before each document (--warm keeps them), so a repeated corpus measures
the cost of text never seen before. Each of the --repeat passes runs in a fresh interpreter: on this shared
machine a whole process sometimes runs about 1.5 times slower than the next one, so passes in one process
would all share its luck. The best pass is the figure; the median is printed beside it.
Run: python benchmarks/extraction.py --corpus seeds --mb 2
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import platform
import random
import resource
import time
from pathlib import Path

from claimcheck.extract import clear_caches, extract_document
from claimcheck.ingest import read_document
from claimcheck.packs import load_packs

ROOT = Path(__file__).resolve().parents[1]


def _base(kind: str) -> list:
    seeds = [read_document(str(p)) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if kind != "heldout":
        return seeds
    files = sorted(p for p in (ROOT / "benchmarks").glob("heldout*/corpus/*") if p.is_file())
    return seeds + [read_document(str(p)) for p in files]


def corpus(mb: float, kind: str) -> list:
    base = _base(kind)
    docs, size, i = [], 0, 0
    rng = random.Random(7)
    sentences = [line for d in base for line in d.text.splitlines() if line.strip()]
    while size < mb * 1e6:
        if kind == "generated":
            text = "\n\n".join(rng.sample(sentences, 12))
            d = base[0].model_copy(update={"text": text, "path": f"gen/{i}.txt", "sha256": hashlib.sha256(text.encode()).hexdigest(), "excluded": (), "body_start": 0})
        else:
            d = base[i % len(base)]
            d = d.model_copy(update={"path": f"rep/{i}/{d.path}"})
        docs.append(d)
        size += len(d.text.encode())
        i += 1
    return docs


def one_pass(mb: float, kind: str, warm: bool) -> dict:
    """Set up and time one pass over the corpus, in the calling process."""
    t0 = time.perf_counter()
    packs = load_packs([str(ROOT / "rules/libya")])
    docs = corpus(mb, kind)
    extract_document(docs[0], packs.kb)  # builds the gazetteer once
    setup = time.perf_counter() - t0
    clear_caches()
    claims = 0
    t = time.perf_counter()
    for d in docs:
        if not warm:
            clear_caches()
        claims += len(extract_document(d, packs.kb)[1])
    seconds = time.perf_counter() - t
    return {"seconds": seconds, "setup": setup, "claims": claims, "articles": len(docs),
            "bytes": sum(len(d.text.encode()) for d in docs),
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--corpus", choices=["seeds", "generated", "heldout"], default="seeds")
    ap.add_argument("--repeat", type=int, default=3, help="passes, each in a fresh interpreter; the fastest is reported")
    ap.add_argument("--warm", action="store_true", help="keep sentence memos across documents")
    args = ap.parse_args()
    spawn = multiprocessing.get_context("spawn")
    runs = []
    for _ in range(args.repeat):
        with spawn.Pool(1) as pool:
            runs.append(pool.apply(one_pass, (args.mb, args.corpus, args.warm)))
    runs.sort(key=lambda r: r["seconds"])
    best, median = runs[0], runs[len(runs) // 2]
    mb = best["bytes"] / 1e6
    print(f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}, 1 core")
    print(f"corpus: {best['articles']} articles, {mb:.2f} MB ({args.corpus}{', warm memos' if args.warm else ''})")
    print(f"setup (load pack, build gazetteer): {best['setup']:.2f} s")
    print(f"extraction (best of {args.repeat}): {best['seconds']:.2f} s = {mb / best['seconds']:.2f} MB/s, "
          f"{best['articles'] / best['seconds']:.0f} articles/s, {best['claims']} claims; "
          f"median {mb / median['seconds']:.2f} MB/s")
    print(f"peak memory: {max(r['rss_mb'] for r in runs):.0f} MB")


if __name__ == "__main__":
    main()
