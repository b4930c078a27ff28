"""Ingest: files on disk to `Document`s (text, outlet, stated publication window, boilerplate ranges)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Annotated, Iterable

from pydantic import AliasChoices, BeforeValidator, ConfigDict, Field, RootModel

from .dates import dates_in
from .errors import InputError, Problem
from .loader import load_file, parse_structured, validate_data
from .models import Document, PublishedWindow, WindowBasis, WindowEvidence
from .models.common import Model
from .stamps import find_stamp

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
SOURCES_FILE = "sources.yaml"


_DAY_FIRST = re.compile(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)\s*")


def _front_matter_date(value):
    """A front-matter date as sites write it: ISO (YAML reads it as a date), day-first numbers ("06/04/2021",
    as datelines and stamps read them: `stamps`), or a written date ("6 April 2021", "April 6, 2021", read by
    `dates_in`). Anything else is left for validation to refuse, naming the file and line."""
    if not isinstance(value, str):
        return value
    m = _DAY_FIRST.fullmatch(value)
    if m:
        try:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return value
    found = dates_in(value.strip())
    written = found[0] if len(found) == 1 else None
    if written is None or written.start != 0 or written.end != len(value.strip()) or None in (written.year, written.month, written.day):
        return value
    return dt.date(written.year, written.month, written.day)  # type: ignore[arg-type]


class FrontMatter(Model):
    """YAML front matter of a Markdown article. Site generators add keys of their own (author, tags, categories,
    layout): those are ignored, not errors; their `date` is the publication date."""

    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)

    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: Annotated[dt.date | None, BeforeValidator(_front_matter_date)] = Field(
        default=None, validation_alias=AliasChoices("published", "date"))
    language: str | None = None


class SourcesFile(RootModel[dict[str, str]]):
    """`sources.yaml` beside a corpus: file name (or glob) -> outlet."""


def collect_paths(paths: Iterable[str]) -> list[str]:
    """Expand directories into article files (sorted); keep files as given. Missing paths are input errors."""
    out: list[str] = []
    problems = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(
                str(Path(p) / f.relative_to(path))
                for f in sorted(path.rglob("*"))
                if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES and not any(part.startswith(".") for part in f.relative_to(path).parts)
            )
        elif path.is_file():
            out.append(p)
        else:
            problems.append(Problem(p, "no such file or directory"))
    if problems:
        raise InputError(problems)
    return out


def _decode(path: str, raw: bytes) -> str:
    if not raw.strip():
        raise InputError(Problem(path, "file is empty"))
    if b"\x00" in raw[:8192]:
        raise InputError(Problem(path, "file is binary (contains NUL bytes), not an article"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            Problem(path, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); re-save the file as UTF-8", line=line)
        ) from exc


_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)---[ \t]*(?:\r?\n|\Z)", re.S)


def _front_matter(path: str, text: str) -> tuple[FrontMatter | None, int]:
    m = _FRONT.match(text)
    if not m:
        return None, 0
    data, marks = parse_structured(m.group(1), path)
    # front matter starts on line 2 of the file
    marks = {k: (line + 1, col) for k, (line, col) in marks.items()}
    return validate_data(data or {}, FrontMatter, path, marks), m.end()


def _html_text(path: str, text: str) -> tuple[str, FrontMatter]:
    """The main text of an HTML page laid over the page itself, and what its metadata says (title, outlet,
    date, language). The text has the page's length: main-text words stay at their own offsets and
    everything else is blanked, so spans, lines and columns point into the HTML file as it is."""
    import trafilatura

    extracted = trafilatura.extract(text, include_comments=False, include_tables=False, favor_precision=True)
    if not extracted or not extracted.strip():
        raise InputError(Problem(path, "no article text found in the HTML"))
    aligned = align_main_text(text, extracted)
    if not aligned.strip():
        raise InputError(Problem(path, "the HTML's main text could not be located in the page"))
    # metadata only (no guessing from copyright lines or stray years in the page)
    meta = trafilatura.extract_metadata(text, extensive=False)
    published = None
    if meta is not None and meta.date:
        try:
            published = dt.date.fromisoformat(str(meta.date)[:10])
        except ValueError:
            published = None
    return aligned, FrontMatter(
        title=getattr(meta, "title", None) or None, source=getattr(meta, "sitename", None) or None,
        url=getattr(meta, "url", None) or None, published=published, language=getattr(meta, "language", None) or None,
    )


_MARKUP = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)
_ENTITY_FORMS = {"&": "(?:&amp;|&#38;|&)", "<": "(?:&lt;|<)", ">": "(?:&gt;|>)", '"': '(?:&quot;|&#34;|")',
                 "'": "(?:&#39;|&#x27;|&apos;|')", "\u00a0": "(?:&nbsp;|\u00a0)"}


def _char_pattern(c: str) -> str:
    """A character of an extracted word as it may stand in the page: entities in either form, and markup
    (blanked to spaces) allowed beside punctuation ("<b>Salam\u00e9</b>,")."""
    piece = _ENTITY_FORMS.get(c, re.escape(c))
    return piece if c.isalnum() else rf"\s*{piece}\s*"


def _blank(s: str) -> str:
    return "".join("\n" if c == "\n" else " " for c in s)


def align_main_text(page: str, extracted: str) -> str:
    """`page` with every character outside the extracted main text turned to a space (newlines kept).

    Each extracted line is found in the page with its markup blanked, in order, its words allowed any
    white space or markup between them and entities in either form. A line that cannot be found is
    left out rather than placed wrongly. A kept line is followed by a line break where markup was, so
    paragraphs stay apart for the sentence splitter."""
    visible = _MARKUP.sub(lambda m: _blank(m.group()), page)
    out = list(_blank(page))
    cursor = 0
    for line in extracted.splitlines():
        words = line.split()
        if not words:
            continue
        pattern = r"\s+".join("".join(_char_pattern(c) for c in w) for w in words)
        m = re.compile(pattern).search(visible, cursor)
        if m is None:
            continue
        out[m.start():m.end()] = visible[m.start():m.end()]
        if m.end() < len(page) and page[m.end()] == "<":
            out[m.end()] = "\n"
        cursor = m.end()
    return "".join(out)


# Outlet cues in the text, most specific first: (pattern, group holding the outlet).
_SOURCE_CUES: tuple[re.Pattern[str], ...] = (
    re.compile(r"^\s*(?:Via|Source|Courtesy of)\s*:?\s+([A-Z][\w&.'\- ]{1,40}?)\s*$", re.M),
    re.compile(r"^\s*([A-Z][\w&.' ]{1,40}?)\s*\|\s*(?:\w+,?\s+)?\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}\s*$", re.M),
    re.compile(r"\(([A-Z][A-Za-z.]{1,15}(?: [A-Z][A-Za-z.]{1,15})?)\)\s*[-\u2013\u2014]"),
    re.compile(r"[-\u2013\u2014]\s*\(([A-Z][A-Za-z.]{1,15}(?: [A-Z][A-Za-z.]{1,15})?)\)\s*$", re.M),
    re.compile(r"^\s*-0-\s+([A-Z]{2,10})\b", re.M),
    re.compile(r"\b(?:of|for|at) the ([A-Z][A-Za-z0-9]{1,20}) (?:website|news site|newspaper)\b"),
    re.compile(r"^\s*By (?:the )?([A-Z][\w&.'\- ]{1,40}?) (?:reporters?|staff|correspondents?|newsroom|desk)\s*$", re.M),
    re.compile(r"^\s*(?:By|Reporting by) [A-Z][\w.\- ]+?(?:,| for | -) ([A-Z][\w&.'\- ]{1,40}?)\s*$", re.M),
)
# Section headings that sit where a masthead would and name no outlet.
_SECTIONS = {"africa", "politics", "world", "news", "business", "economy", "opinion", "analysis", "libya", "middle east",
             "international", "security", "migration", "latest news", "top stories", "breaking news", "home", "region",
             "maghreb", "north africa", "europe", "featured", "editorial"}
# A masthead: a short line of capitalised words right under the headline ("Libya Herald", "Al Wasat").
_MASTHEAD = re.compile(r"\A[^\n]*\n+\s*((?:[A-Z][\w&.'-]*)(?: [A-Z][\w&.'-]*){0,3})\s*\n")


def detect_source(text: str) -> str | None:
    """An outlet named by cues in the text (agency tags, 'Via X', bylines and footers)."""
    for pattern in _SOURCE_CUES:
        m = pattern.search(text)
        if m:
            return m.group(1).strip()
    m = _MASTHEAD.match(text)
    if m and len(m.group(1)) <= 30 and not re.search(r"\d", m.group(1)) and m.group(1).lower() not in _SECTIONS:
        return m.group(1)
    return None


def _sources_map(path: Path, cache: dict[Path, dict[str, str]]) -> dict[str, str]:
    directory = path.parent
    if directory not in cache:
        f = directory / SOURCES_FILE
        cache[directory] = load_file(f, SourcesFile).root if f.is_file() else {}
    return cache[directory]


def _lookup_source(mapping: dict[str, str], name: str) -> str | None:
    if name in mapping:
        return mapping[name]
    from fnmatch import fnmatch

    for pattern, outlet in sorted(mapping.items()):
        if fnmatch(name, pattern):
            return outlet
    return None


def read_document(path: str, raw: bytes | None = None, sources_cache: dict[Path, dict[str, str]] | None = None) -> Document:
    """Read one article file into a `Document`; raise InputError naming the file on bad input."""
    if raw is None:
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            raise InputError(Problem(path, f"cannot read file: {exc.strerror or exc}")) from exc
    text = _decode(path, raw)
    sha = hashlib.sha256(raw).hexdigest()
    front, body_start = (None, 0)
    if path.lower().endswith((".md", ".markdown")):
        front, body_start = _front_matter(path, text)
    elif path.lower().endswith((".html", ".htm")):
        text, front = _html_text(path, text)
    if not text[body_start:].strip():
        raise InputError(Problem(path, "article has no text after its front matter"))
    from .boilerplate import boilerplate_ranges

    excluded = tuple(boilerplate_ranges(text, body_start))
    body_for_cues = text[body_start:]

    source, basis = "unknown", "unknown"
    if front and front.source:
        source, basis = front.source, "front-matter"
    else:
        mapped = _lookup_source(_sources_map(Path(path), sources_cache if sources_cache is not None else {}), Path(path).name)
        if mapped:
            source, basis = mapped, SOURCES_FILE
        else:
            cue = detect_source(body_for_cues)
            if cue:
                source, basis = cue, "text-cue"

    published = PublishedWindow()
    dateline = None
    if front and front.published:
        published = PublishedWindow(
            earliest=front.published, latest=front.published, basis=WindowBasis.stated,
            evidence=(WindowEvidence(quote=str(front.published), start=0, end=0, earliest=front.published,
                                     latest=front.published,
                                     reason="publication date in the page's metadata" if path.lower().endswith((".html", ".htm"))
                                     else "publication date in the front matter"),),
        )
    else:
        stamp = find_stamp(text, body_start)
        if stamp is not None:
            excluded = tuple(sorted((*excluded, (stamp.start, stamp.end))))
            if stamp.day is not None:
                last = stamp.last or stamp.day  # a live blog's stamp may give its days
                published = PublishedWindow(
                    earliest=stamp.day, latest=last, basis=WindowBasis.stated,
                    evidence=(WindowEvidence(quote=text[stamp.start:stamp.end], start=stamp.start, end=stamp.end, earliest=stamp.day,
                                             latest=last, reason="publication stamp or dateline in the article"),),
                )
            else:
                dateline = stamp.month_day
    title = front.title if front and front.title else _first_line(text, body_start)
    return Document(
        path=path, sha256=sha, text=text, source=source, source_basis=basis, title=title,
        url=front.url if front else None, language=(front.language if front and front.language else "en"),
        published=published, body_start=body_start, excluded=excluded, dateline=dateline,
    )


def _first_line(text: str, start: int) -> str | None:
    for line in text[start:].splitlines():
        if line.strip():
            return line.strip()[:200]
    return None


def read_documents(paths: Iterable[str]) -> list[Document]:
    """Read every article under `paths`; collect all input problems before raising."""
    files = collect_paths(paths)
    docs, problems = [], []
    cache: dict[Path, dict[str, str]] = {}
    for f in files:
        try:
            docs.append(read_document(f, sources_cache=cache))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    if not docs:
        raise InputError(Problem(", ".join(paths) or ".", "no articles found (.txt, .md, .html)"))
    return docs
