"""The paragraph around a span of a document, for showing a quote where it stands."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Context:
    """A paragraph cut in three: the text before the span, the span itself, the text after it."""

    before: str
    match: str
    after: str


def paragraph(text: str, start: int, end: int, *, limit: int = 400) -> Context | None:
    """The paragraph (between blank lines) holding `text[start:end]`, each side cut to about `limit` characters.

    Returns None when the offsets do not fit the text.
    """
    if not (0 <= start <= end <= len(text)):
        return None
    p_start = 0
    for m in _BLANK_LINE.finditer(text, 0, start):
        p_start = m.end()
    m = _BLANK_LINE.search(text, end)
    p_end = m.start() if m else len(text)
    before, after = text[p_start:start], text[end:p_end]
    if len(before) > limit:
        cut = before.find(" ", len(before) - limit)
        before = "…" + before[cut + 1 if cut >= 0 else len(before) - limit:]
    if len(after) > limit:
        cut = after.rfind(" ", 0, limit)
        after = after[: cut if cut > 0 else limit] + "…"
    return Context(before.lstrip(), text[start:end], after.rstrip())
