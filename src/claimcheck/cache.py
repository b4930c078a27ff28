"""Cache of extracted claims, keyed by content hash, extractor version and knowledge-base version.

One JSON file per key under the cache directory, written atomically (temporary file and rename), so two
runs sharing the cache never see a half-written entry; a corrupt or outdated entry is a miss.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pydantic import ValidationError

from .extract import EXTRACTOR
from .extract.window import Constraint
from .io import atomic_write
from .models import Claim, Document, PublishedWindow
from .models.common import Model


class _Clash(Model):
    claim: str
    intervals: tuple[tuple[str, str], ...]
    weight: float
    reason: str
    reference: str | None


class _Entry(Model):
    published: PublishedWindow
    claims: tuple[Claim, ...]
    clashes: tuple[_Clash, ...] = ()


class ClaimCache:
    """Files under `root`; `hits` and `misses` count lookups (the tests read them)."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.hits = 0
        self.misses = 0

    def key(self, doc: Document, kb_version: str) -> str:
        basis = f"{doc.sha256}|{doc.path}|{doc.source}|{EXTRACTOR.name}@{EXTRACTOR.version}|{kb_version}"
        return hashlib.sha256(basis.encode()).hexdigest()

    def _file(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, doc: Document, kb_version: str):
        from .api import Extraction

        f = self._file(self.key(doc, kb_version))
        try:
            entry = _Entry.model_validate_json(f.read_bytes())
        except (OSError, ValueError, ValidationError):
            self.misses += 1
            return None
        self.hits += 1
        by_id = {c.id: c for c in entry.claims}
        import datetime as dt

        clashes = tuple(
            Constraint(tuple((dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in x.intervals), x.weight, by_id[x.claim], x.reason, x.reference)
            for x in entry.clashes if x.claim in by_id
        )
        return Extraction(doc.model_copy(update={"published": entry.published}), entry.claims, clashes)

    def put(self, doc: Document, kb_version: str, extraction) -> None:
        entry = _Entry(
            published=extraction.document.published, claims=extraction.claims,
            clashes=tuple(_Clash(claim=c.claim.id, intervals=tuple((a.isoformat(), b.isoformat()) for a, b in c.intervals),
                                 weight=c.weight, reason=c.reason, reference=c.reference) for c in extraction.clashes),
        )
        atomic_write(self._file(self.key(doc, kb_version)), entry.model_dump_json())
