"""Benchmark: claimcheck's truth discovery (AccuCopy) against the `truthdiscovery` package's algorithms.

`truthdiscovery` is GPL-3.0. It is used here only as a benchmark peer, installed in this script's own
environment; it is never a dependency of claimcheck and none of its code is copied. Set up once:

    apt-get install -y libcairo2-dev pkg-config          # pycairo builds against Debian's cairo
    python3.11 -m venv /tmp/tdbench-venv
    /tmp/tdbench-venv/bin/pip install numpy scipy imageio matplotlib bidict pycairo pydantic
    /tmp/tdbench-venv/bin/pip install --no-deps truthdiscovery   # its exact pins do not install here

Run (claimcheck is imported from this checkout's `src/`, so it need not be installed in that venv):

    /tmp/tdbench-venv/bin/python benchmarks/truth_discovery.py [--reps 3] [--out benchmarks/truth_discovery.md]

Datasets: the package's `SyntheticData` (NumPy's global RNG, seeded here) with 100 sources, 5,000
variables, claim probability 0.1 and domain size 4, for source trust drawn from U(0, 1) and from
U(0.5, 0.95); and a copying variant of the U(0, 1) data built here: 4 originals drawn from the sources
with trust below 0.5 are each copied by 5 other sources, which drop their own claims and repeat 80% of
their original's claims, each replaced by a uniformly random value with probability 0.1 (noise). A
copier's true trust is then `0.9 * trust(original) + 0.1 / 4`.

Measures, per setting and averaged over `--reps` datasets: accuracy of the most believed values (the
package's `SupervisedData.get_accuracy`, which skips variables with a single claimed value), Spearman
rank correlation of recovered trust with true trust, and wall time of one call from the dataset to a
result (median over datasets; claimcheck's time includes reading the claims out of the matrix).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np
import numpy.ma as ma
from scipy.stats import spearmanr

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from claimcheck.score.truth import discover_truth  # noqa: E402
from truthdiscovery.algorithm import (  # noqa: E402
    AverageLog, Investment, MajorityVoting, PooledInvestment, Sums, TruthFinder,
)
from truthdiscovery.input import MatrixDataset, SupervisedData, SyntheticData  # noqa: E402
from truthdiscovery.output import Result  # noqa: E402
from truthdiscovery.utils.iterator import FixedIterator  # noqa: E402

SOURCES, VARIABLES, CLAIM_P, DOMAIN = 100, 5000, 0.1, 4


def make_copying(synth: SyntheticData, trust: np.ndarray, rng: np.random.Generator) -> tuple[SupervisedData, np.ndarray]:
    """Let 20 sources copy 4 unreliable originals (80% of their claims, 10% noise); return data and true trust."""
    sv = synth.data.sv
    originals = rng.choice(np.flatnonzero(trust < 0.5), 4, replace=False)
    others = np.setdiff1d(np.arange(len(trust)), originals)
    copiers = rng.choice(others, 20, replace=False)
    new = ma.array(sv.data.copy(), mask=ma.getmaskarray(sv).copy())
    true_trust = trust.copy()
    for k, copier in enumerate(copiers):
        original = originals[k // 5]
        claimed = ~ma.getmaskarray(sv)[original]
        take = claimed & (rng.random(VARIABLES) < 0.8)
        row = np.asarray(sv.data[original], dtype=float).copy()
        noise = rng.random(VARIABLES) < 0.1
        row[noise] = rng.integers(0, DOMAIN, noise.sum())
        new.mask[copier] = ~take
        new.data[copier] = np.where(take, row, 0)
        true_trust[copier] = 0.9 * trust[original] + 0.1 / DOMAIN
    return SupervisedData(MatrixDataset(new), synth.values), true_trust


def claimcheck_run(data: MatrixDataset, detect_copying: bool) -> Result:
    """Run claimcheck's AccuCopy on a matrix dataset and wrap its answer in the package's Result."""
    start = time.perf_counter()
    sv = data.sv
    src, var = np.nonzero(~ma.getmaskarray(sv))
    val = np.asarray(sv.data[src, var]).astype(np.int64)
    res = discover_truth(src, var, val, n_sources=sv.shape[0], detect_copying=detect_copying)
    elapsed = time.perf_counter() - start
    belief: dict[Any, dict[Any, float]] = {}
    for i, v, b in zip(res.fact_item.tolist(), res.fact_value.tolist(), res.belief.tolist()):
        belief.setdefault(i, {})[float(v)] = b
    trust = {i: float(t) for i, t in enumerate(res.accuracy)}
    return Result(trust=trust, belief=belief, time_taken=elapsed, iterations=res.iterations)


def library_run(alg: Any) -> Callable[[MatrixDataset], Result]:
    """Time one of the package's algorithms end to end."""
    def run(data: MatrixDataset) -> Result:
        start = time.perf_counter()
        result = alg.run(data)
        result.time_taken = time.perf_counter() - start
        return result
    return run


METHODS: dict[str, Callable[[MatrixDataset], Result]] = {
    "MajorityVoting": library_run(MajorityVoting()),
    "Sums": library_run(Sums()),
    "AverageLog": library_run(AverageLog()),
    "Investment": library_run(Investment()),
    "PooledInvestment": library_run(PooledInvestment()),
    "TruthFinder (default stopping)": library_run(TruthFinder()),
    "TruthFinder (20 iterations)": library_run(TruthFinder(iterator=FixedIterator(20))),
    "claimcheck ACCU (copy detection off)": lambda d: claimcheck_run(d, detect_copying=False),
    "**claimcheck AccuCopy (default)**": lambda d: claimcheck_run(d, detect_copying=True),
}


def spearman(result: Result, true_trust: np.ndarray) -> float:
    """Rank correlation of recovered and true trust (NaN when a method's trust is constant)."""
    got = np.array([result.trust[i] for i in range(len(true_trust))], dtype=float)
    if np.ptp(got) == 0:
        return float("nan")
    return float(spearmanr(got, true_trust)[0])


def main() -> None:
    """Generate the datasets, run every method on each, print and write the Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3, help="datasets per setting")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_suffix(".md"))
    args = parser.parse_args()

    settings = ["U(0,1)", "U(0.5,0.95)", "U(0,1), 20 of 100 sources copy"]
    acc: dict[tuple[str, str], list[float]] = {}
    rho: dict[tuple[str, str], list[float]] = {}
    secs: dict[tuple[str, str], list[float]] = {}
    for rep in range(args.reps):
        for s_i, setting in enumerate(settings):
            seed = 1000 * rep + s_i
            np.random.seed(seed)  # SyntheticData draws from NumPy's global state
            random.seed(seed)  # get_accuracy breaks ties with Python's random
            lo, hi = (0.5, 0.95) if setting.startswith("U(0.5") else (0.0, 1.0)
            trust = np.random.uniform(lo, hi, size=SOURCES)
            synth: SupervisedData = SyntheticData(trust, num_variables=VARIABLES, claim_probability=CLAIM_P,
                                                  domain_size=DOMAIN)
            true_trust = trust
            if "copy" in setting:
                synth, true_trust = make_copying(synth, trust, np.random.default_rng(seed))
            for name, run in METHODS.items():
                result = run(synth.data)
                acc.setdefault((name, setting), []).append(synth.get_accuracy(result))
                rho.setdefault((name, setting), []).append(spearman(result, true_trust))
                secs.setdefault((name, setting), []).append(result.time_taken)
            print(f"rep {rep + 1}/{args.reps} {setting}: done", file=sys.stderr)

    lines = [
        f"Truth discovery, {SOURCES} sources x {VARIABLES:,} variables, claim probability {CLAIM_P}, domain size "
        f"{DOMAIN}; mean of {args.reps} datasets per setting (time: median, one call, all settings).",
        "",
        "| method | time | " + " | ".join(f"accuracy, {s} | Spearman, {s}" for s in settings) + " |",
        "|---|---:|" + "---:|---:|" * len(settings),
    ]
    for name in METHODS:
        t = statistics.median(x for s in settings for x in secs[(name, s)])
        cells = []
        for s in settings:
            r = [x for x in rho[(name, s)] if x == x]
            cells += [f"{statistics.fmean(acc[(name, s)]):.3f}", f"{statistics.fmean(r):.3f}" if r else "–"]
        lines.append(f"| {name} | {t:.3f} s | " + " | ".join(cells) + " |")
    table = "\n".join(lines) + "\n"
    print(table)
    args.out.write_text(table)


if __name__ == "__main__":
    main()
