"""Boilerplate: page furniture that is not part of the article and must yield no claims."""

from __future__ import annotations

import re

# Whole lines that are furniture. General to news sites, not to one domain.
_LINE_PATTERNS = [
    r"advertisements?",
    r"exit mobile version",
    r"reading time:.*",
    r"see also\s*:.*",
    r"read (?:also|more)\s*:.*",
    r"related(?: posts| articles| news)?\s*:?.*",
    r"share (?:this|on).*",
    r"(?:click|tap) to (?:share|print|email).*",
    r"once you're here.*",
    r"%d bloggers like this:?",
    r"(?:no|\d+) comments?",
    r"add yours",
    r"leave a (?:comment|reply).*",
    r"follow us.*",
    r"like this:?",
    r"subscribe.*",
    r"all rights reserved.*",
    r"copyright.*",
    r"(?:photo|image|credit)s?\s*:.*",
    r"\u0634\u0627\u0631\u0643.*",  # Arabic share prompt
]
_LINE = re.compile(r"^[ \t]*(?:" + "|".join(_LINE_PATTERNS) + r")[ \t]*$", re.I | re.M)
# An author bio: a line that names a journalist's job and contact details.
_BIO = re.compile(r"^[^\n]*\b(?:journalist|editor|correspondent|reporter)\b[^\n]*\b(?:e-?mail|phone|twitter|since \w+ \d{4})\b[^\n]*$", re.I | re.M)
_SCRIPT = re.compile(r"<script\b.*?</script>|\b(?:var|function|window\.)\s*[\w.]+\s*[=(][^\n]*[;{]\s*$", re.I | re.S | re.M)


def boilerplate_ranges(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Character ranges of furniture lines, author bios and stray scripts, sorted and merged."""
    ranges = [(m.start(), m.end()) for rx in (_LINE, _BIO, _SCRIPT) for m in rx.finditer(text, start)]
    # an author byline right before a bio: a short lower-case-or-name line directly above it
    merged: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def is_excluded(ranges: tuple[tuple[int, int], ...] | list[tuple[int, int]], start: int, end: int) -> bool:
    for s, e in ranges:  # a plain loop: this runs for every hit and date of a document, and any() costs more
        if s <= start and end <= e or (s < end and start < e):
            return True
    return False
