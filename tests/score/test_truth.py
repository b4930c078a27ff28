"""AccuCopy truth discovery on small synthetic cases."""

from __future__ import annotations

import numpy as np

from claimcheck.score.truth import discover_truth


def _synthetic(seed: int, trust: np.ndarray, n_items: int = 400, p: float = 0.3, domain: int = 4):
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, domain, n_items)
    s, v = np.nonzero(rng.random((trust.size, n_items)) < p)
    right = rng.random(s.size) < trust[s]
    val = np.where(right, truth[v], (truth[v] + rng.integers(1, domain, s.size)) % domain)
    return s, v, val, truth


def _accuracy(res, truth: np.ndarray) -> float:
    items, values = res.best_values()
    return float(np.mean(values == truth[items]))


def _majority(v: np.ndarray, val: np.ndarray, truth: np.ndarray, domain: int = 4) -> float:
    counts = np.zeros((truth.size, domain))
    np.add.at(counts, (v, val), 1)
    seen = counts.sum(axis=1) > 0
    return float(np.mean(counts.argmax(axis=1)[seen] == truth[seen]))


def test_recovers_the_truth_and_ranks_sources() -> None:
    trust = np.linspace(0.3, 0.95, 12)
    s, v, val, truth = _synthetic(1, trust)
    res = discover_truth(s, v, val)
    assert _accuracy(res, truth) > _majority(v, val, truth) + 0.03
    assert _accuracy(res, truth) > 0.8
    assert np.corrcoef(np.argsort(np.argsort(res.accuracy)), np.arange(12))[0, 1] > 0.9
    assert np.all((res.belief > 0) & (res.belief < 1))


def test_majority_of_unreliable_sources_loses_to_reliable_ones() -> None:
    # item 0..49: three good sources agree; two bad ones disagree with them and each other on most items
    trust = np.array([0.95, 0.95, 0.95, 0.3, 0.3])
    s, v, val, truth = _synthetic(2, trust, n_items=200, p=0.9)
    assert _accuracy(discover_truth(s, v, val), truth) > 0.97


def test_copiers_are_detected_and_discounted() -> None:
    # ten honest sources; a bad one (10) is copied by three others (11-13): 80% of its claims, 10% noise
    rng = np.random.default_rng(3)
    trust = np.r_[rng.uniform(0.6, 0.9, 10), 0.2]
    s, v, val, truth = _synthetic(3, trust, n_items=300, p=0.5)
    bad_v, bad_val = v[s == 10], val[s == 10]
    for copier in range(11, 14):
        take = rng.random(bad_v.size) < 0.8
        noisy = np.where(rng.random(bad_v.size) < 0.1, rng.integers(0, 4, bad_v.size), bad_val)
        s, v, val = np.r_[s, np.full(take.sum(), copier)], np.r_[v, bad_v[take]], np.r_[val, noisy[take]]
    plain = discover_truth(s, v, val, detect_copying=False)
    copy = discover_truth(s, v, val)
    assert _accuracy(copy, truth) > _accuracy(plain, truth) + 0.02
    assert _accuracy(copy, truth) > _majority(v, val, truth) + 0.1
    assert all(copy.dependence.get((a, b), 0) > 0.9 for a in range(10, 14) for b in range(a + 1, 14))
    assert not any(b < 10 for _, b in copy.dependence)  # honest sources are not suspected


def test_fixed_high_prior_source_anchors_the_truth() -> None:
    # two outlets say 1, a fixed knowledge base (source 2) says 0
    res = discover_truth([0, 1, 2], [0, 0, 0], [1, 1, 0], prior=([2, 2, 99], [2, 2, 1]), fixed=[False, False, True],
                         independent=[False, False, True], detect_copying=False)
    items, values = res.best_values()
    assert values.tolist() == [0]
    assert res.accuracy[2] == 0.99


def test_is_deterministic_and_order_free() -> None:
    s, v, val, _ = _synthetic(4, np.linspace(0.4, 0.9, 8))
    a = discover_truth(s, v, val)
    perm = np.random.default_rng(0).permutation(s.size)
    b = discover_truth(s[perm], v[perm], val[perm])
    assert np.allclose(a.belief, b.belief) and np.allclose(a.accuracy, b.accuracy)
    assert np.array_equal(a.belief, discover_truth(s, v, val).belief)


def test_empty_input() -> None:
    res = discover_truth([], [], [], n_sources=2)
    assert res.belief.size == 0 and res.accuracy.tolist() == [0.5, 0.5]  # the prior mean
