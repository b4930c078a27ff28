"""Syndicated copies: group near-duplicate articles with MinHash and LSH on word shingles.

Each article body (after front matter, boilerplate ranges removed) becomes a set of `SHINGLE`-word
shingles of lower-cased words. `datasketch` MinHash signatures (`NUM_PERM` permutations, fixed seed)
go into an LSH index tuned to `THRESHOLD`; candidate pairs are kept when their estimated Jaccard
similarity reaches `THRESHOLD`, and kept pairs are joined transitively into groups. Identical texts
are always grouped, however short.

Agreement inside a group is one voice, not independent corroboration: the scorer gives a group one
vote per claim, shared among its members.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import lru_cache

from ..models import Document

__all__ = ["NUM_PERM", "SHINGLE", "THRESHOLD", "copy_groups", "shingles"]

SHINGLE = 5
"""Words per shingle."""
NUM_PERM = 128
"""MinHash permutations: the estimate's standard error is about 0.09 at Jaccard 0.5, 0.035 near 0.9."""
THRESHOLD = 0.7
"""Estimated Jaccard similarity of shingle sets from which two articles are copies."""
_SEED = 1
_WORD = re.compile(r"\w+", re.UNICODE)


def _body(doc: Document) -> str:
    """The article body with boilerplate ranges blanked out."""
    text = doc.text
    for start, end in doc.excluded:
        text = text[:start] + " " * (end - start) + text[end:]
    return text[doc.body_start:]


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """The set of `k`-word shingles of `text`, lower-cased; a shorter text is one shingle."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def copy_groups(documents: Sequence[Document], threshold: float = THRESHOLD) -> dict[str, str]:
    """Map the path of each article that has near-duplicates to its group id; singletons are left out.

    A group's id is `copy-` and the first 12 hex digits of the SHA-256 of its sorted member paths,
    so it is stable whatever order the documents come in.
    """
    paths = sorted({d.path for d in documents})
    by_path = {d.path: d for d in documents}
    parent = {p: p for p in paths}

    def find(p: str) -> str:
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    bodies = {p: _body(by_path[p]) for p in paths}
    first_with: dict[str, str] = {}
    for p in paths:  # identical bodies
        key = hashlib.sha256(" ".join(_WORD.findall(bodies[p].lower())).encode()).hexdigest()
        if key in first_with:
            union(first_with[key], p)
        else:
            first_with[key] = p
    if len(first_with) > 1:
        _near_duplicates(paths, bodies, threshold, union)

    members: dict[str, list[str]] = {}
    for p in paths:
        members.setdefault(find(p), []).append(p)
    out: dict[str, str] = {}
    for group in members.values():
        if len(group) > 1:
            gid = "copy-" + hashlib.sha256("\n".join(group).encode()).hexdigest()[:12]
            out.update({p: gid for p in group})
    return out


@lru_cache(maxsize=8)
def _lsh_params(threshold: float) -> tuple[int, int]:
    """LSH bands and rows for `threshold`: datasketch's optimum, computed once (it integrates numerically)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def _near_duplicates(paths: list[str], bodies: dict[str, str], threshold: float, union) -> None:  # type: ignore[no-untyped-def]
    """Join the paths whose MinHash-estimated shingle Jaccard similarity reaches `threshold`."""
    from datasketch import MinHash, MinHashLSH  # lazy: datasketch pulls in SciPy

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, params=_lsh_params(threshold))
    sketches: dict[str, MinHash] = {}
    for p in paths:
        sh = shingles(bodies[p])
        if not sh:
            continue
        m = MinHash(num_perm=NUM_PERM, seed=_SEED)
        m.update_batch([s.encode("utf-8") for s in sorted(sh)])
        sketches[p] = m
        for q in sorted(lsh.query(m)):
            if sketches[q].jaccard(m) >= threshold:
                union(q, p)
        lsh.insert(p, m)
