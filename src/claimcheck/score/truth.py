"""Truth discovery when the knowledge base is silent: AccuCopy, vectorised with numpy.

Method: ACCU with copy detection ("AccuCopy") from Xin Luna Dong, Laure Berti-Equille and Divesh
Srivastava, "Integrating Conflicting Data: The Role of Source Dependence", PVLDB 2(1), 2009
(VLDB 2009), sections 2-3. It is written from the paper; no code of another implementation is used.

The model. Each data item (an office on a date, a figure for a period) has one true value and `n`
false ones. A source with accuracy `A(S)` states the true value with probability `A(S)` and each false
value with probability `(1 - A(S)) / n`. Then (paper, Theorem 3.1):

* a source's vote count is `A'(S) = ln(n * A(S) / (1 - A(S)))`;
* a value's confidence is `C(v) = sum of I(S, v) * A'(S)` over the sources `S` stating `v`, where
  `I(S, v)` is the probability that `S` states `v` independently of the other sources stating it;
* the probability that `v` is true is `exp(C(v)) / sum over the item's domain of exp(C(v'))`, where
  values nobody states have confidence 0;
* a source's accuracy is the mean probability of the values it states.

Copy detection (paper, section 2.2). For two sources sharing items, with `c` the probability that a
copier copies a value and `alpha` the prior probability of dependence, the shared values are scored:
the same true value is `(c * A1 + (1 - c) * A1 * A2) / (A1 * A2)` times likelier under "S2 copies S1"
than under independence, the same false value `(c * e1 + (1 - c) * e1 * e2 / n) / (e1 * e2 / n)` times
(`e = 1 - A`), and a different value `1 - c` times. Sharing false values is the strong signal.
Whether a shared value is true is taken as its current probability (an expectation), each copying
direction gets prior `alpha / 2`, and Bayes' rule gives `P(dependent)`.

Vote discounting. The paper orders the sources stating a value and discounts each by
`prod (1 - c * P(S -> S'))` over those before it. We use the order-free symmetric form
`I(S, v) = prod over other sources S' stating v of (1 - c * P(dependent(S, S')) / 2)`, which gives a
pair the same total weight (`2 - c * P`) and keeps the step one vectorised sum.

Rounds follow the paper: dependence, then votes, then accuracies, until nothing moves by more than
`tol`. Choices the paper leaves open:

* the start: each source's accuracy is how often it states its item's plurality value (smoothed by
  its prior), not one constant. A constant 0.8 makes three independent 95%-accurate sources look like
  copiers (they agree more often than 80%-accurate ones could), which a plurality start avoids;
* a pair whose probability of dependence falls below 1e-9 is settled as independent and leaves the
  later rounds (it would need overwhelming new evidence to come back);
* by default items share one domain of size "most distinct values stated for any item".

Known limit: when copiers outnumber the independent sources on the items they cover and copy nearly
everything, the data are equally well explained by "they are accurate" and the iteration may settle
there. claimcheck groups verbatim syndication before truth discovery (`copies.py`) for that reason.

Extensions for claimcheck (docs/scoring.md):

* a Beta(`a`, `b`) prior per source on its accuracy (pseudo-counts added to the accuracy average);
  the knowledge base enters as a source with a strong prior (e.g. Beta(99, 1)) and `fixed=True`;
* `weight` per observation: claims repeated inside one group of syndicated copies share one vote;
* `independent` sources (the knowledge base) are never suspected of copying.

Everything is deterministic: no randomness, and every sum runs in a fixed order.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["TruthResult", "discover_truth"]

_EPS = 1e-3
_MAX_CONF = 300.0
_SETTLED = 1e-9  # below this probability of dependence a pair is settled as independent
_BITS_LIMIT = 1 << 28  # pairs x items up to this (32 MB of packed bits) are counted with bit operations


@dataclass(frozen=True)
class TruthResult:
    """What truth discovery concluded: facts and their beliefs, source accuracies and dependences."""

    fact_item: NDArray[np.int64]
    """Item of each fact (a distinct item-value pair); facts are ordered by item, then value."""
    fact_value: NDArray[np.int64]
    """Value of each fact."""
    belief: NDArray[np.float64]
    """Probability that each fact's value is its item's true value."""
    observation_fact: NDArray[np.int64]
    """For each input observation, the index of its fact."""
    accuracy: NDArray[np.float64]
    """Estimated accuracy of each source: the probability that what it states is true."""
    dependence: dict[tuple[int, int], float]
    """Probability that two sources (lower code first) copy one another, for pairs above the prior."""
    iterations: int

    @property
    def observation_belief(self) -> NDArray[np.float64]:
        """Probability that each input observation states the truth."""
        return self.belief[self.observation_fact]

    def best_values(self) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """Items and their most probable values, as two arrays (ties go to the smaller value)."""
        order = np.lexsort((self.fact_value, -self.belief, self.fact_item))
        items = self.fact_item[order]
        first = np.ones(order.size, dtype=bool)
        first[1:] = items[1:] != items[:-1]
        return items[first], self.fact_value[order][first]


def discover_truth(
    source: ArrayLike,
    item: ArrayLike,
    value: ArrayLike,
    *,
    n_sources: int | None = None,
    weight: ArrayLike | None = None,
    prior: tuple[ArrayLike, ArrayLike] = (1.0, 1.0),
    fixed: ArrayLike | None = None,
    independent: ArrayLike | None = None,
    n_false: ArrayLike | None = None,
    initial_accuracy: float | None = None,
    detect_copying: bool = True,
    copy_rate: float = 0.8,
    copy_prior: float = 0.2,
    max_iter: int = 100,
    tol: float = 1e-3,
) -> TruthResult:
    """Estimate true values and source accuracies with AccuCopy (Dong, Berti-Equille, Srivastava 2009).

    Observations are parallel arrays of non-negative integer codes: observation `k` says "source
    `source[k]` states value `value[k]` for item `item[k]`".

    Args:
        source, item, value: one code each per observation (sources `0..n_sources-1`).
        n_sources: number of sources (default: one more than the largest source code).
        weight: vote weight of each observation in [0, 1] (default 1).
        prior: Beta pseudo-counts `(a, b)` of each source's accuracy, scalars or one per source.
        fixed: mask of sources whose accuracy stays at its prior mean (the knowledge base).
        independent: mask of sources never suspected of copying (the knowledge base).
        n_false: number of false values of each item, indexed by item code (default: the items
            share one domain, the most distinct values stated for any item, minus one, at least one).
        initial_accuracy: accuracy of every source that is not fixed, before the first round
            (default: how often the source states its item's plurality value, with its prior).
        detect_copying: run the paper's copy detection; without it the method is plain ACCU.
        copy_rate: `c`, the probability that a copier copies a particular value.
        copy_prior: `alpha`, the prior probability that two sources are dependent.
        max_iter, tol: stop when nothing moves by more than `tol`, or after `max_iter` rounds.
    """
    src = np.asarray(source, dtype=np.int64).reshape(-1)
    itm = np.asarray(item, dtype=np.int64).reshape(-1)
    val = np.asarray(value, dtype=np.int64).reshape(-1)
    if not src.size == itm.size == val.size:
        raise ValueError("source, item and value must have one entry per observation")
    n_obs = src.size
    n_src = int(n_sources if n_sources is not None else (src.max() + 1 if n_obs else 0))
    w = np.ones(n_obs) if weight is None else np.asarray(weight, dtype=np.float64).reshape(-1)
    a = np.broadcast_to(np.asarray(prior[0], dtype=np.float64), (n_src,))
    b = np.broadcast_to(np.asarray(prior[1], dtype=np.float64), (n_src,))
    fixed_mask = np.zeros(n_src, dtype=bool) if fixed is None else np.asarray(fixed, dtype=bool)
    indep_mask = np.zeros(n_src, dtype=bool) if independent is None else np.asarray(independent, dtype=bool)

    # Facts: distinct (item, value) pairs, ordered by item then value; items renumbered 0..n_item-1.
    item_codes, obs_item = _factorize(itm)
    value_codes, obs_value = _factorize(val)
    fact_key, obs_fact = _factorize(obs_item * max(value_codes.size, 1) + obs_value)
    fact_item_idx = fact_key // max(value_codes.size, 1)
    fact_item, fact_value = item_codes[fact_item_idx], value_codes[fact_key % max(value_codes.size, 1)]
    n_fact, n_item = fact_key.size, item_codes.size

    claimed = np.bincount(fact_item_idx, minlength=n_item).astype(np.float64)
    if n_false is None:
        nf_item = np.full(n_item, max(float(claimed.max(initial=0.0)) - 1.0, 1.0))
    else:
        nf_item = np.maximum(np.asarray(n_false, dtype=np.float64)[item_codes], 1.0)
    unclaimed = np.maximum(nf_item + 1.0 - claimed, 0.0)  # domain values nobody states: confidence 0
    log_n_obs = np.log(nf_item)[obs_item]

    prior_mean = a / (a + b)
    obs_w = np.bincount(src, weights=w, minlength=n_src)
    if initial_accuracy is None:
        start = (np.bincount(src, weights=w * _plurality(obs_fact, w, fact_item_idx, n_fact, n_item)[obs_fact],
                             minlength=n_src) + a) / (obs_w + a + b)
    else:
        start = np.full(n_src, initial_accuracy)
    acc = np.clip(np.where(fixed_mask, prior_mean, start), _EPS, 1 - _EPS)
    pairs = _Pairs.build(src, obs_fact, obs_item, nf_item, indep_mask, n_item) if detect_copying else None

    indep_w = np.ones(n_obs)
    p_dep = np.zeros(0)
    if pairs is not None and pairs.n_pairs:  # the paper's order: dependence first, from accuracies alone
        pairs, p_dep = pairs.settle(pairs.dependence(acc, None, copy_rate, copy_prior))
        indep_w = pairs.independence(p_dep, copy_rate, n_obs)
    it = 0
    for it in range(1, max_iter + 1):
        belief = _beliefs(acc, src, obs_fact, w * indep_w, log_n_obs, fact_item_idx, unclaimed, n_fact, n_item)
        new_acc = (np.bincount(src, weights=w * belief[obs_fact], minlength=n_src) + a) / (obs_w + a + b)
        new_acc = np.clip(np.where(fixed_mask, prior_mean, new_acc), _EPS, 1 - _EPS)
        moved = float(np.max(np.abs(new_acc - acc))) if n_src else 0.0
        acc = new_acc
        if pairs is not None and pairs.n_pairs:
            pairs, p_dep = pairs.settle(pairs.dependence(acc, belief, copy_rate, copy_prior))
            new_indep = pairs.independence(p_dep, copy_rate, n_obs)
            moved = max(moved, float(np.max(np.abs(new_indep - indep_w))))
            indep_w = new_indep
        if moved < tol:
            break
    belief = _beliefs(acc, src, obs_fact, w * indep_w, log_n_obs, fact_item_idx, unclaimed, n_fact, n_item)
    dependence = pairs.as_dict(p_dep, copy_prior) if pairs is not None and pairs.n_pairs else {}
    return TruthResult(fact_item, fact_value, belief, obs_fact, acc, dependence, it)


def _factorize(keys: NDArray[np.int64]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Sorted distinct keys and each key's index among them (a lookup table when the range is small)."""
    if keys.size == 0:
        return keys.copy(), keys.copy()
    lo, hi = int(keys.min()), int(keys.max())
    if lo >= 0 and hi < 4 * keys.size + 1024:
        seen = np.zeros(hi + 1, dtype=bool)
        seen[keys] = True
        uniq = np.flatnonzero(seen)
        rank = np.cumsum(seen) - 1
        return uniq.astype(np.int64), rank[keys].astype(np.int64)
    uniq, inv = np.unique(keys, return_inverse=True)
    return uniq.astype(np.int64), inv.reshape(-1).astype(np.int64)


def _plurality(
    obs_fact: NDArray[np.int64], w: NDArray[np.float64], fact_item_idx: NDArray[np.int64], n_fact: int, n_item: int,
) -> NDArray[np.float64]:
    """1 for each fact with the most (weighted) votes of its item, shared equally on a tie; else 0."""
    votes = np.bincount(obs_fact, weights=w, minlength=n_fact)
    top = np.zeros(n_item)
    np.maximum.at(top, fact_item_idx, votes)
    best = (votes >= top[fact_item_idx] - 1e-12).astype(np.float64)
    return best / np.bincount(fact_item_idx, weights=best, minlength=n_item)[fact_item_idx]


def _beliefs(
    acc: NDArray[np.float64], src: NDArray[np.int64], obs_fact: NDArray[np.int64], w: NDArray[np.float64],
    log_n_obs: NDArray[np.float64], fact_item_idx: NDArray[np.int64], unclaimed: NDArray[np.float64],
    n_fact: int, n_item: int,
) -> NDArray[np.float64]:
    """Probability of each fact: a softmax of vote counts within its item (paper, Theorem 3.1)."""
    logit = np.log(acc) - np.log1p(-acc)
    conf = np.bincount(obs_fact, weights=w * (log_n_obs + logit[src]), minlength=n_fact)
    conf = np.clip(conf, -_MAX_CONF, _MAX_CONF)  # exp stays finite; beyond this a value is certain anyway
    e = np.exp(conf)
    z = np.bincount(fact_item_idx, weights=e, minlength=n_item) + unclaimed
    return e / z[fact_item_idx]


def _within_group_pairs(group: NDArray[np.int64]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """All index pairs `(i, j)`, `i` before `j` in a stable sort, of elements with equal group codes."""
    empty = np.zeros(0, dtype=np.int64)
    n = group.size
    if n < 2:
        return empty, empty
    order = np.argsort(group, kind="stable")
    g = group[order]
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    sizes = np.diff(np.r_[starts, n])
    later = np.repeat(sizes, sizes) - (np.arange(n) - np.repeat(starts, sizes)) - 1  # elements after each
    i = np.repeat(np.arange(n), later)
    j = i + np.arange(i.size) - np.repeat(np.cumsum(later) - later, later) + 1
    return order[i], order[j]


@dataclass(frozen=True)
class _Pairs:
    """The fixed structure of copy detection: which sources share values, on which kind of item."""

    n_pairs: int
    pair_a: NDArray[np.int64]  # lower source code of each pair
    pair_b: NDArray[np.int64]
    differ: NDArray[np.float64]  # items where the pair states different values
    sp_pair: NDArray[np.int64]  # for each pair of observations stating one fact: its source pair
    sp_o1: NDArray[np.int64]  # ... and the two observations
    sp_o2: NDArray[np.int64]
    sp_fact: NDArray[np.int64]
    sp_group: NDArray[np.int64]  # (pair, number of false values) group of each observation pair
    g_pair: NDArray[np.int64]  # pair of each group
    g_n: NDArray[np.float64]  # number of false values of each group
    g_count: NDArray[np.float64]  # observation pairs in each group

    @classmethod
    def build(
        cls, src: NDArray[np.int64], obs_fact: NDArray[np.int64], obs_item: NDArray[np.int64],
        nf_item: NDArray[np.float64], indep: NDArray[np.bool_], n_item: int,
    ) -> "_Pairs":
        """Enumerate source pairs that share a fact, and count the items where they state different values."""
        empty = np.zeros(0, dtype=np.int64)
        n_src = indep.size
        cand = np.flatnonzero(~indep[src]) if n_src else empty  # the knowledge base is never a copier
        o1, o2 = _within_group_pairs(obs_fact[cand])
        o1, o2 = cand[o1], cand[o2]
        keep = src[o1] != src[o2]
        o1, o2 = o1[keep], o2[keep]
        if o1.size == 0:
            z = np.zeros(0)
            return cls(0, empty, empty, z, empty, empty, empty, empty, empty, empty, z, z)
        lo, hi = np.minimum(src[o1], src[o2]), np.maximum(src[o1], src[o2])
        pair_key, sp_pair = _factorize(lo * n_src + hi)
        multi_valued = _factorize(src * n_item + obs_item)[0].size < src.size
        # Items both sources of a pair speak on, minus those where they agree: the rest differ.
        if pair_key.size * n_item <= _BITS_LIMIT:  # items both speak on: AND of packed bit rows
            speaks = np.zeros((n_src, n_item), dtype=bool)
            speaks[src[cand], obs_item[cand]] = True
            packed = np.packbits(speaks, axis=1)
            pair_a, pair_b = pair_key // n_src, pair_key % n_src
            shared = np.bitwise_count(packed[pair_a] & packed[pair_b]).sum(axis=1, dtype=np.int64).astype(np.float64)
        else:
            si_key, _ = _factorize(src[cand] * n_item + obs_item[cand])
            s_of, i_of = si_key // n_item, si_key % n_item
            i1, i2 = _within_group_pairs(i_of)
            ikey = np.minimum(s_of[i1], s_of[i2]) * n_src + np.maximum(s_of[i1], s_of[i2])
            pos = np.minimum(np.searchsorted(pair_key, ikey), pair_key.size - 1)
            hit = pair_key[pos] == ikey
            shared = np.bincount(pos[hit], minlength=pair_key.size).astype(np.float64)
        if multi_valued:  # a source states several values for some item: count each item once
            agree_key, _ = _factorize(sp_pair * n_item + obs_item[o1])
            agree = np.bincount(agree_key // n_item, minlength=pair_key.size).astype(np.float64)
        else:
            agree = np.bincount(sp_pair, minlength=pair_key.size).astype(np.float64)
        # Group the observation pairs by (pair, n) so each round works on groups, not observations.
        n_codes, n_idx = _factorize(np.rint(nf_item[obs_item[o1]]).astype(np.int64))
        g_key, sp_group = _factorize(sp_pair * n_codes.size + n_idx)
        return cls(
            n_pairs=pair_key.size, pair_a=pair_key // n_src, pair_b=pair_key % n_src,
            differ=np.maximum(shared - agree, 0.0), sp_pair=sp_pair, sp_o1=o1, sp_o2=o2, sp_fact=obs_fact[o1],
            sp_group=sp_group, g_pair=g_key // n_codes.size, g_n=n_codes[g_key % n_codes.size].astype(np.float64),
            g_count=np.bincount(sp_group, minlength=g_key.size).astype(np.float64),
        )

    def dependence(
        self, acc: NDArray[np.float64], belief: NDArray[np.float64] | None, c: float, alpha: float
    ) -> NDArray[np.float64]:
        """Posterior probability that each pair is dependent (paper, section 2.2), either direction.

        Without beliefs (the first round), a shared value is true with the probability that two
        independent sources of these accuracies agree on the truth rather than on a false value.
        """
        a1, a2 = acc[self.pair_a][self.g_pair], acc[self.pair_b][self.g_pair]
        e1, e2 = 1 - a1, 1 - a2
        ind_t, ind_f = a1 * a2, e1 * e2 / self.g_n
        if belief is None:
            t = self.g_count * ind_t / (ind_t + ind_f)
        else:
            t = np.bincount(self.sp_group, weights=belief[self.sp_fact], minlength=self.g_pair.size)
        f = self.g_count - t  # expected numbers of shared true and shared false values
        l_ba = t * np.log((c * a1 + (1 - c) * ind_t) / ind_t) + f * np.log((c * e1 + (1 - c) * ind_f) / ind_f)
        l_ab = t * np.log((c * a2 + (1 - c) * ind_t) / ind_t) + f * np.log((c * e2 + (1 - c) * ind_f) / ind_f)
        diff = self.differ * np.log1p(-c)
        s_ba = np.bincount(self.g_pair, weights=l_ba, minlength=self.n_pairs) + diff
        s_ab = np.bincount(self.g_pair, weights=l_ab, minlength=self.n_pairs) + diff
        dep = np.logaddexp(s_ba, s_ab) + np.log(alpha / 2)
        return np.exp(dep - np.logaddexp(dep, np.log1p(-alpha)))

    def settle(self, p_dep: NDArray[np.float64]) -> tuple["_Pairs", NDArray[np.float64]]:
        """Drop the pairs settled as independent (`P(dependent) < _SETTLED`) from later rounds."""
        keep = p_dep >= _SETTLED
        if keep.all():
            return self, p_dep
        remap = np.cumsum(keep) - 1
        sp_keep = keep[self.sp_pair]
        g_keep = keep[self.g_pair]
        g_remap = np.cumsum(g_keep) - 1
        pairs = _Pairs(
            n_pairs=int(keep.sum()), pair_a=self.pair_a[keep], pair_b=self.pair_b[keep], differ=self.differ[keep],
            sp_pair=remap[self.sp_pair[sp_keep]], sp_o1=self.sp_o1[sp_keep], sp_o2=self.sp_o2[sp_keep],
            sp_fact=self.sp_fact[sp_keep], sp_group=g_remap[self.sp_group[sp_keep]],
            g_pair=remap[self.g_pair[g_keep]], g_n=self.g_n[g_keep], g_count=self.g_count[g_keep],
        )
        return pairs, p_dep[keep]

    def independence(self, p_dep: NDArray[np.float64], c: float, n_obs: int) -> NDArray[np.float64]:
        """`I(S, v)` of each observation: the symmetric product of `1 - c * P(dependent) / 2`."""
        f = np.log1p(-c * p_dep / 2)[self.sp_pair]
        return np.exp(np.bincount(self.sp_o1, weights=f, minlength=n_obs) + np.bincount(self.sp_o2, weights=f, minlength=n_obs))

    def as_dict(self, p_dep: NDArray[np.float64], alpha: float) -> dict[tuple[int, int], float]:
        """Pairs more likely dependent than the prior says, as `{(a, b): probability}`."""
        keep = np.flatnonzero(p_dep > alpha)
        return {(int(self.pair_a[k]), int(self.pair_b[k])): float(p_dep[k]) for k in keep}
