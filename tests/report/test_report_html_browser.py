"""The HTML report in a real browser: Debian's Chromium driven by Playwright (skipped where either is missing)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimcheck.report import render

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

if CHROMIUM is None:
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, report, texts, rules, tmp_path):
    """The report loaded from a file, with console messages, page errors and dialogs recorded."""
    path = tmp_path / "report.html"
    path.write_text(render(report, "html", texts, rules), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1200, "height": 900}, java_script_enabled=True)
    pg = context.new_page()
    pg.events = []  # type: ignore[attr-defined]
    pg.on("console", lambda m: pg.events.append(("console", m.type, m.text)))
    pg.on("pageerror", lambda e: pg.events.append(("pageerror", str(e))))
    pg.on("dialog", lambda d: (pg.events.append(("dialog", d.message)), d.dismiss()))
    pg.on("request", lambda r: pg.events.append(("request", r.url)) if not r.url.startswith("file:") else None)
    pg.goto(path.as_uri())
    pg.wait_for_load_state("load")
    yield pg
    context.close()


def visible_rules(pg) -> list[str]:
    return pg.eval_on_selector_all(
        "article.finding", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.rule)"
    )


def test_page_loads_without_errors_or_requests(page):
    assert page.title() == "claimcheck report: 4 findings"
    assert page.inner_text("#shown") == "4 of 4 findings shown"  # the script ran
    assert [e for e in page.events if e[0] != "console" or e[1] in ("error", "warning")] == []


def test_filters_change_what_is_shown(page):
    assert sorted(visible_rules(page)) == [
        "defunct-organization-name", "event-date", "figure-cross-source", "office-holder-at-publication",
    ]
    page.uncheck("input[name=kind][value=office-holder]")
    assert "office-holder-at-publication" not in visible_rules(page)
    assert page.is_hidden("#kind-office-holder")
    assert page.inner_text("#shown") == "3 of 4 findings shown"
    page.uncheck("input[name=severity][value=warning]")
    assert visible_rules(page) == ["defunct-organization-name"]
    page.click("button[type=reset]")
    page.wait_for_function("() => document.getElementById('shown').textContent === '4 of 4 findings shown'")
    assert len(visible_rules(page)) == 4
    page.select_option("select[name=rule]", "event-date")
    assert visible_rules(page) == ["event-date"]
    page.select_option("select[name=rule]", "")
    page.uncheck("input[name=source][value='Libya Herald']")
    assert visible_rules(page) == ["event-date"]


def test_timeline_and_chart_render(page):
    for selector in ("#timeline svg.timeline", "#sources svg.reliability", "#f-0 svg.timeline"):
        box = page.locator(selector).bounding_box()
        assert box and box["width"] > 100 and box["height"] > 20, selector
    bars = page.locator("#timeline svg.timeline rect.bar")
    assert bars.count() >= 3
    assert all((bars.nth(i).bounding_box() or {}).get("width", 0) > 0 for i in range(bars.count()))
    dots = page.locator("svg.reliability circle.dot")
    assert dots.count() == 2 and all(dots.nth(i).bounding_box()["width"] > 0 for i in range(2))


def test_hostile_article_stays_inert(page):
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert not [e for e in page.events if e[0] == "dialog"]
    assert page.locator("article.finding blockquote script, article.finding blockquote img").count() == 0
    text = page.inner_text("#kind-naming blockquote")
    assert "<script>alert(1)</script> Comments <img src=x onerror=\"window.__pwned=1\"> are closed." in text
    assert page.locator("label", has_text="</script><script>window.__pwned=1</script>").count() == 1
