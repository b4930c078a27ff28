"""One runner for every rule's named cases; a meta-test requires pass and fail cases for each rule."""

from __future__ import annotations

import pytest

from claimcheck.cases import run_case
from claimcheck.packs import load_packs

from ..conftest import ROOT

PACK_DIRS = ["rules/libya", "tests/data/packs/clubs"]


def _cases():
    out = []
    for d in PACK_DIRS:
        loaded = load_packs([str(ROOT / d)])
        for pack in loaded.packs:
            for rule in pack.rules:
                for case in pack.cases[rule.id].cases if rule.id in pack.cases else ():
                    marks = [pytest.mark.xfail(reason=case.todo, strict=False)] if case.todo else []
                    out.append(pytest.param(d, rule.id, case.name, id=f"{pack.meta.name}:{rule.id}:{case.name}", marks=marks))
    return out


_LOADED: dict[str, object] = {}


def _pack(d):
    if d not in _LOADED:
        _LOADED[d] = load_packs([str(ROOT / d)])
    return _LOADED[d]


@pytest.mark.parametrize("pack_dir,rule_id,case_name", _cases())
def test_rule_case(pack_dir, rule_id, case_name):
    loaded = _pack(pack_dir)
    pack = loaded.packs[0]
    rule = next(r for r in pack.rules if r.id == rule_id)
    case = next(c for c in pack.cases[rule_id].cases if c.name == case_name)
    result = run_case(rule, case, loaded)
    assert result.ok, result.detail


@pytest.mark.parametrize("pack_dir", PACK_DIRS)
def test_every_rule_has_pass_and_fail_cases(pack_dir):
    pack = _pack(pack_dir).packs[0]
    for rule in pack.rules:
        assert rule.id in pack.cases, f"{rule.id} has no {rule.id}.cases.yaml"
        expects = {c.expect for c in pack.cases[rule.id].cases if not c.todo}
        assert expects == {"pass", "fail"}, f"{rule.id} needs both pass and fail cases, has {expects}"


def test_second_domain_pack_checks_articles(tmp_path):
    """A pack for another domain works with no code change: load it, check an article."""
    from claimcheck.api import check

    art = tmp_path / "match.md"
    art.write_text("---\nsource: Sports Daily\npublished: 2023-05-01\n---\n"
                   "Southport Athletic Club (NRFC) beat Northtown Rovers Football Club, led by Alma Grey, on Sunday.\n",
                   encoding="utf-8")
    run = check([str(art)], [str(ROOT / "tests/data/packs/clubs")])
    assert sorted(f.rule for f in run.report.findings) == ["club-acronym", "club-manager"]
    assert run.report.run.packs == ("clubs@0.0.1",)


def _broken_pack(tmp_path, relative: str, old: str, new: str) -> list:
    """Copy the clubs pack, replace `old` by `new` in one file, and return the problems loading it raises."""
    import shutil

    from claimcheck.errors import InputError

    dst = tmp_path / "pack"
    shutil.copytree(ROOT / "tests/data/packs/clubs", dst)
    f = dst / relative
    f.write_text(f.read_text().replace(old, new))
    with pytest.raises(InputError) as e:
        load_packs([str(dst)])
    return e.value.problems


def test_rule_with_unknown_check_is_located(tmp_path):
    problems = _broken_pack(tmp_path, "rules/club-acronym.yaml", "check: acronym-expansion", "check: astrology")
    assert any(p.pointer == "/check" and "astrology" in p.message for p in problems)


def test_bad_parameter_is_located(tmp_path):
    problems = _broken_pack(tmp_path, "rules/club-manager.yaml", "claims: leadership", "claims: leadership\n  tolerance: lots")
    assert any(p.pointer == "/params" and "tolerance" in p.message for p in problems)


def test_kb_cross_references_are_checked_with_lines(tmp_path):
    p = _broken_pack(tmp_path, "kb/clubs.yaml", "holder: okafor", "holder: nobody")[0]
    assert "unknown entity 'nobody'" in p.message and p.pointer == "/holdings/1/holder" and p.line is not None
