"""Extraction speed: MB/s and articles/s of article text on one core (a benchmark, not a timed test).

The corpus is the seed articles repeated (each copy a separate document) up to --mb megabytes, plus
optionally a generated corpus of shuffled seed sentences. Run: python benchmarks/extraction.py --mb 5
"""

from __future__ import annotations

import argparse
import hashlib
import platform
import random
import resource
import time
from pathlib import Path

from claimcheck.extract import extract_document
from claimcheck.ingest import read_document
from claimcheck.packs import load_packs

ROOT = Path(__file__).resolve().parents[1]


def corpus(mb: float, generated: bool) -> list:
    seeds = [read_document(str(p)) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docs, size, i = [], 0, 0
    rng = random.Random(7)
    sentences = [line for d in seeds for line in d.text.splitlines() if line.strip()]
    while size < mb * 1e6:
        if generated:
            text = "\n\n".join(rng.sample(sentences, 12))
            d = seeds[0].model_copy(update={"text": text, "path": f"gen/{i}.txt", "sha256": hashlib.sha256(text.encode()).hexdigest(), "excluded": (), "body_start": 0})
        else:
            base = seeds[i % len(seeds)]
            d = base.model_copy(update={"path": f"rep/{i}/{base.path}"})
        docs.append(d)
        size += len(d.text.encode())
        i += 1
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--generated", action="store_true", help="shuffled seed sentences instead of repeated seeds")
    args = ap.parse_args()
    t0 = time.perf_counter()
    packs = load_packs([str(ROOT / "rules/libya")])
    docs = corpus(args.mb, args.generated)
    extract_document(docs[0], packs.kb)  # builds the gazetteer once
    setup = time.perf_counter() - t0
    size = sum(len(d.text.encode()) for d in docs)
    t = time.perf_counter()
    claims = 0
    for d in docs:
        claims += len(extract_document(d, packs.kb)[1])
    dt = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}, 1 core")
    print(f"corpus: {len(docs)} articles, {size / 1e6:.2f} MB ({'generated' if args.generated else 'seeds repeated'})")
    print(f"setup (load pack, build gazetteer): {setup:.2f} s")
    print(f"extraction: {dt:.2f} s = {size / 1e6 / dt:.2f} MB/s, {len(docs) / dt:.0f} articles/s, {claims} claims")
    print(f"peak memory: {rss:.0f} MB")


if __name__ == "__main__":
    main()
