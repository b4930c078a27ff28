"""The HTML report's inline stylesheet and script: no network, no external fonts."""

from __future__ import annotations

CSS = """
:root{--fg:#1d2430;--muted:#5b6573;--bg:#fff;--panel:#f5f7fa;--line:#d9dee5;--error:#c62828;--warning:#b25d00;
--info:#1565c0;--mark:#ffe58a;--period:#5c6bc0;--window:#26a69a}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
header.page,main{max-width:1120px;margin:0 auto;padding:0 20px}
header.page{padding-top:20px}
h1{margin:.2em 0;font-size:1.6em}
h2{border-bottom:1px solid var(--line);padding-bottom:.2em;margin-top:1.6em}
h3{margin:1.2em 0 .4em}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--panel);padding:0 .25em;border-radius:3px}
.muted,.meta{color:var(--muted)}
nav.toc a{margin-right:1em}
table{border-collapse:collapse;margin:.5em 0}
th,td{border:1px solid var(--line);padding:.25em .6em;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
form#filters{display:flex;flex-wrap:wrap;gap:.6em 1.2em;align-items:flex-start;background:var(--panel);
border:1px solid var(--line);border-radius:6px;padding:.6em .8em;position:sticky;top:0;z-index:2}
form#filters fieldset{border:0;margin:0;padding:0}
form#filters legend{font-weight:600;font-size:.85em;color:var(--muted);padding:0}
form#filters label{margin-right:.6em;white-space:nowrap}
#shown{font-weight:600;align-self:center}
article.finding{border:1px solid var(--line);border-left:5px solid var(--info);border-radius:6px;padding:.6em 1em;margin:.8em 0}
article.finding.sev-error{border-left-color:var(--error)}
article.finding.sev-warning{border-left-color:var(--warning)}
.badge{display:inline-block;font-size:.78em;font-weight:700;text-transform:uppercase;letter-spacing:.03em;
padding:0 .5em;border-radius:9px;color:#fff;background:var(--info)}
.badge.error{background:var(--error)}.badge.warning{background:var(--warning)}
.badge.verdict{background:#6d4c41}.badge.kind{background:#455a64}
.finding h4{margin:.3em 0;font-size:1.05em}
.evidence-list{display:grid;gap:.8em}
.evidence-list.side-by-side{grid-template-columns:repeat(auto-fit,minmax(300px,1fr))}
figure.evidence{margin:0;background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.5em .7em}
figure.evidence figcaption{font-size:.85em;color:var(--muted);margin-bottom:.3em}
blockquote.context{margin:0;white-space:pre-wrap;font-family:Georgia,"Times New Roman",serif}
mark{background:var(--mark);padding:0 .1em;border-radius:2px}
.role-related mark{background:#c8e6c9}.role-clash mark{background:#ffcdd2}
.refs ul{margin:.2em 0;padding-left:1.3em}
.help{background:#eef4ff;border-radius:6px;padding:.4em .7em}
figure.chart{margin:.5em 0;overflow-x:auto}
figure.chart figcaption{font-size:.85em;color:var(--muted)}
svg text{font:12px system-ui,sans-serif;fill:var(--fg)}
svg text.tick{fill:var(--muted);font-size:11px}
svg .grid{stroke:var(--line);stroke-width:1}
svg .period .bar{fill:var(--period)}svg .window .bar,svg .window .mark{fill:var(--window)}
svg .period .mark{fill:var(--period)}
svg .open{fill:var(--muted)}
svg .err{stroke:var(--fg);stroke-width:1.5}
svg .dot{fill:var(--info)}
svg .badge{fill:#78909c}svg text.grade{fill:#fff;font-weight:700}
svg .grade-A .badge{fill:#2e7d32}svg .grade-B .badge{fill:#689f38}svg .grade-C .badge{fill:#f9a825}
svg .grade-D .badge{fill:#ef6c00}svg .grade-E .badge{fill:#c62828}
.legend span{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:middle;margin:0 .3em 0 1em}
.legend .period{background:var(--period)}.legend .window{background:var(--window)}
[hidden]{display:none!important}
@media print{form#filters{display:none}}
"""

JS = """(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("cc-data").textContent);
  var form = document.getElementById("filters");
  if (!form) { return; }
  function checked(name) {
    var set = {};
    form.querySelectorAll("input[name='" + name + "']").forEach(function (box) {
      if (box.checked) { set[box.value] = true; }
    });
    return set;
  }
  function apply() {
    var kinds = checked("kind"), severities = checked("severity"), sources = checked("source"), states = checked("status");
    var rule = form.elements.namedItem("rule").value;
    var shown = 0;
    data.findings.forEach(function (f) {
      var el = document.getElementById(f.id);
      var ok = kinds[f.kind] === true && severities[f.severity] === true && sources[f.source] === true &&
        states[f.status] === true && (rule === "" || rule === f.rule);
      el.hidden = !ok;
      if (ok) { shown += 1; }
    });
    document.querySelectorAll("section.group").forEach(function (group) {
      group.hidden = group.querySelector("article.finding:not([hidden])") === null;
    });
    document.getElementById("shown").textContent = shown + " of " + data.findings.length + " findings shown";
  }
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  apply();
}());
"""
