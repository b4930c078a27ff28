"""Cache of extracted claims, keyed by content hash, extractor version and the knowledge base's lexicon.

Extraction reads only the knowledge base's names (see `KnowledgeBase.lexicon_version`), so changing
dates, holders or figures re-checks the corpus without re-extracting it. One JSON file per key under the
cache directory, written atomically (temporary file and rename): two runs sharing the cache never see
a half-written entry, and a corrupt or outdated entry is a miss. The key also holds a hash of the
package's own source, so an upgrade (or a local change to an extractor) never reads stale claims.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from .extract import EXTRACTOR
from .io import atomic_write
from .models import Claim, Document
from .models.common import Model


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the package's Python source (read once per process)."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class _Entry(Model):
    claims: tuple[Claim, ...]


class ClaimCache:
    """Files under `root`; `hits` and `misses` count lookups (the tests read them)."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.hits = 0
        self.misses = 0

    def key(self, doc: Document, lexicon: str) -> str:
        basis = f"{doc.sha256}|{doc.path}|{doc.source}|{doc.published.earliest}|{EXTRACTOR.name}@{EXTRACTOR.version}+{code_version()}|{lexicon}"
        return hashlib.sha256(basis.encode()).hexdigest()

    def _file(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, doc: Document, lexicon: str) -> list[Claim] | None:
        try:
            entry = _Entry.model_validate_json(self._file(self.key(doc, lexicon)).read_bytes())
        except (OSError, ValueError, ValidationError):
            self.misses += 1
            return None
        self.hits += 1
        return list(entry.claims)

    def put(self, doc: Document, lexicon: str, claims: list[Claim]) -> None:
        atomic_write(self._file(self.key(doc, lexicon)), _Entry(claims=tuple(claims)).model_dump_json())
