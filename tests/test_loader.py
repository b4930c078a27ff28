"""Structured files: located errors (file, line, JSON pointer), every error of a file collected."""

from __future__ import annotations

import pytest

from claimcheck.errors import InputError
from claimcheck.loader import load_file
from claimcheck.models import KnowledgeBaseFile, RuleSpec


def test_malformed_yaml_names_file_and_line(tmp_path):
    f = tmp_path / "kb.yaml"
    f.write_text("entities:\n  - id: x\n    name: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_file(f, KnowledgeBaseFile)
    p = e.value.problems[0]
    assert p.path == str(f) and p.line is not None and "malformed YAML" in p.message


def test_schema_violations_are_all_reported_with_pointers_and_lines(tmp_path):
    f = tmp_path / "kb.yaml"
    f.write_text(
        "entities:\n"
        "  - id: ok_one\n    type: person\n    name: A B\n    citations: [{url: u, supports: s, retrieved: 2026-01-01}]\n"
        "  - id: Bad Id\n    type: person\n    name: C D\n    citations: [{url: u, supports: s, retrieved: 2026-01-01}]\n"
        "  - id: no_cite\n    type: wizard\n    name: E F\n    citations: []\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as e:
        load_file(f, KnowledgeBaseFile)
    pointers = {p.pointer for p in e.value.problems}
    assert "/entities/1/id" in pointers
    assert "/entities/2/type" in pointers
    assert "/entities/2/citations" in pointers
    by_pointer = {p.pointer: p for p in e.value.problems}
    assert by_pointer["/entities/1/id"].line == 6
    assert str(by_pointer["/entities/2/type"]).startswith(f"{f}:11:")


def test_unknown_field_is_rejected(tmp_path):
    f = tmp_path / "r.yaml"
    f.write_text("id: x\ncheck: spelling\nkind: spelling\nseverity: error\nsummary: s\nmessage: m\nhelp: h\n"
                 "examples: {fail: a, pass: b}\ncolour: red\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_file(f, RuleSpec)
    assert any("colour" in p.message for p in e.value.problems)


@pytest.mark.parametrize("content,needle", [(b"", "empty"), (b"\xff\xfe\x00bad", "UTF-8"), (b"{not json", "malformed JSON")])
def test_bad_bytes(tmp_path, content, needle):
    f = tmp_path / "x.json"
    f.write_bytes(content)
    with pytest.raises(InputError) as e:
        load_file(f, KnowledgeBaseFile)
    assert needle in str(e.value)


def test_a_holding_id_used_twice_is_rejected_with_its_pointer(tmp_path):
    import datetime as dt

    from claimcheck.kb import KnowledgeBase

    f = tmp_path / "kb.yaml"
    cite = "citations: [{url: u, supports: s, retrieved: 2026-01-01}]"
    f.write_text(
        f"entities:\n  - {{id: a_b, type: person, name: A B, {cite}}}\n  - {{id: land, type: country, name: Land, {cite}}}\n"
        f"positions:\n  - {{id: boss, name: Boss, titles: [Boss], jurisdiction: land}}\n"
        f"holdings:\n  - {{id: a_b.boss, position: boss, holder: a_b, period: {{start: 2020-01-01}}, {cite}}}\n"
        f"  - {{id: a_b.boss, position: boss, holder: a_b, period: {{start: 2010-01-01}}, {cite}}}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as e:
        KnowledgeBase.build([(str(f), load_file(f, KnowledgeBaseFile))], dt.date(2026, 1, 1))
    assert [(p.pointer, "duplicate id" in p.message) for p in e.value.problems] == [("/holdings/1/id", True)]


@pytest.mark.parametrize("word,needle", [
    ("(unclosed", "not a regular expression"),
    ("[a-z]+ing", "does not open with a lower-case word"),  # nothing literal for the document scan to look for
    ("post-war", "does not open with a lower-case word"),  # a stem the scan cannot hold (letters and spaces only)
    ("raid|siege", "several alternatives"),
])
def test_an_event_type_word_the_scan_cannot_use_is_rejected_with_its_pointer(tmp_path, word, needle):
    f = tmp_path / "kb.yaml"
    f.write_text(f"event_types:\n  - id: raid\n    words: [raids?, '{word}']\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_file(f, KnowledgeBaseFile)
    [p] = e.value.problems
    assert p.pointer == "/event_types/0/words" and p.line == 3 and needle in p.message


def test_an_event_type_defined_twice_is_rejected_with_its_pointer(tmp_path):
    import datetime as dt

    from claimcheck.kb import KnowledgeBase

    files = []
    for name in ("a.yaml", "b.yaml"):
        f = tmp_path / name
        f.write_text("event_types:\n  - {id: raid, words: [raids?]}\n", encoding="utf-8")
        files.append((str(f), load_file(f, KnowledgeBaseFile)))
    with pytest.raises(InputError) as e:
        KnowledgeBase.build(files, dt.date(2026, 1, 1))
    assert [(p.path, p.pointer, "defined twice" in p.message) for p in e.value.problems] == [(files[1][0], "/event_types/0/id", True)]


@pytest.mark.parametrize("field,change", [
    # what extraction reads besides names: a change must re-extract cached claims
    ("singular", lambda f: f.replace("    keywords:", "    singular: true\n    keywords:", 1)),
    ("capital", lambda f: f.replace("    name: Land\n", "    name: Land\n    capital: town\n", 1)),
    ("parent", lambda f: f.replace("    name: Body\n", "    name: Body\n    parent: land\n", 1)),
])
def test_the_lexicon_version_follows_what_extraction_reads(tmp_path, field, change):
    import datetime as dt

    from claimcheck.kb import KnowledgeBase

    cite = "    citations: [{url: u, supports: s, retrieved: 2026-01-01}]\n"
    base = ("entities:\n  - id: land\n    type: country\n    name: Land\n" + cite
            + "  - id: town\n    type: place\n    name: Town\n" + cite
            + "  - id: body\n    type: other\n    name: Body\n" + cite
            + "events:\n  - id: fair\n    type: fair\n    names: [Town Fair]\n    period: {start: 2020-01-01}\n    place: town\n"
            + "    keywords: [stalls]\n" + cite)

    def version(text):
        f = tmp_path / "kb.yaml"
        f.write_text(text, encoding="utf-8")
        return KnowledgeBase.build([(str(f), load_file(f, KnowledgeBaseFile))], dt.date(2026, 1, 1)).lexicon_version

    assert version(change(base)) != version(base)
