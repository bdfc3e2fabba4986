/**
 * Self-contained HTML compliance mapping: inline CSS, inline SVG chart, inline JS filters that
 * work from file:// (no server, no network, no external assets). Accessible: one h1, nested
 * headings, table headers with scope, status as text + symbol (colour is never the only signal),
 * lang attribute, print stylesheet.
 */
import { staleProblem, waiverTerms } from './escape';
import type { Status } from '../engine/types';
import { levelBasisText } from '../engine/levels';
import { Mapping, RuleRows, STATUS_ICON, STATUS_LABEL, STATUS_ORDER, buildMapping, countsText, levelText, omittedCount, scoreOf, whereOf } from './mapping';
import { joined } from './sink';
import type { Reporter, StreamingReporter } from './types';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const COLORS: Record<Status, string> = { pass: '#1a7f37', waived: '#0969da', unknown: '#9a6700', not_assessed: '#6e7781', fail: '#cf222e', error: '#8250df' };

function chart(m: Mapping): string {
  const rowH = 26;
  const labelW = 345;
  const barW = 400;
  const h = m.strategies.length * rowH + 30;
  const max = Math.max(1, ...m.strategies.map((s) => STATUS_ORDER.reduce((a, k) => a + s.counts[k], 0)));
  const rows = m.strategies.map((s, i) => {
    const y = 10 + i * rowH;
    let x = labelW;
    const segs = (['pass', 'waived', 'not_assessed', 'unknown', 'fail', 'error'] as Status[])
      .filter((k) => s.counts[k] > 0)
      .map((k) => {
        const w = Math.max(2, Math.round((barW * s.counts[k]) / max));
        const r = `<rect x="${x}" y="${y}" width="${w}" height="18" fill="${COLORS[k]}"><title>${esc(`${STATUS_LABEL[k]}: ${s.counts[k]}`)}</title></rect>`;
        x += w;
        return r;
      })
      .join('');
    const score = scoreOf(s.counts);
    const label = `${s.counts.pass} pass · ${s.byLevel.required.fail} required + ${s.byLevel.recommended.fail} recommended fail · ${s.counts.unknown} unknown · ${s.counts.not_assessed} not assessed · ${s.counts.waived} waived${score === undefined ? '' : ` · ${score}%`}`;
    return `<text x="0" y="${y + 13}" class="lbl">${esc(`${s.strategy}. ${s.name}`)}</text>${segs}<text x="${Math.min(x + 6, labelW + barW + 6)}" y="${y + 13}" class="val">${esc(label)}</text>`;
  });
  const legend = (['pass', 'waived', 'not_assessed', 'unknown', 'fail', 'error'] as Status[])
    .map((k, i) => `<rect x="${labelW + i * 100}" y="${h - 14}" width="10" height="10" fill="${COLORS[k]}"/><text x="${labelW + i * 100 + 14}" y="${h - 5}" class="val">${STATUS_ICON[k]} ${STATUS_LABEL[k]}</text>`)
    .join('');
  return `<svg id="score-chart" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${labelW + barW + 330} ${h}" width="100%" xmlns="http://www.w3.org/2000/svg"><title id="chart-title">Findings per strategy</title><desc id="chart-desc">Stacked bars of pass, waived, not assessed, unknown, fail and error findings for each of the eight strategies; the same numbers are in the summary table.</desc>${rows.join('')}${legend}</svg>`;
}

const CSS = `
:root{--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--bg:#fff}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1200px;padding:1.5rem}
h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.1rem;margin-top:1.5rem}h4{font-size:1rem;margin:1rem 0 .3rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}th{background:#f6f8fa}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em;word-break:break-all}
.st{font-weight:600;white-space:nowrap}.st-fail{color:#cf222e}.st-error{color:#8250df}.st-unknown{color:#9a6700}.st-waived{color:#0969da}.st-not_assessed{color:#57606a}.st-pass{color:#1a7f37}
.muted{color:var(--muted)}.lbl{font-size:12px;fill:#1f2328}.val{font-size:11px;fill:#57606a}
#filters{position:sticky;top:0;background:#fff;border:1px solid var(--line);padding:.5rem .8rem;margin:1rem 0;display:flex;gap:1.5rem;flex-wrap:wrap;align-items:center;z-index:1}
#filters fieldset{border:0;margin:0;padding:0}#filters legend{font-weight:600;padding:0}#filters label{margin-right:.7rem}
#visible-count{font-weight:600}
@media print{#filters{display:none}body{max-width:none;padding:0}h2{page-break-before:auto}tr{page-break-inside:avoid}a{color:inherit;text-decoration:none}}
`;

const JS = `
(function(){
  var boxes=[].slice.call(document.querySelectorAll('#filters input[name=status]'));
  var sel=document.getElementById('strategy-filter');
  function apply(){
    var on={};boxes.forEach(function(b){on[b.value]=b.checked;});
    var st=sel.value, n=0;
    [].slice.call(document.querySelectorAll('tr.finding')).forEach(function(tr){
      var show=on[tr.getAttribute('data-status')]&&(st==='all'||tr.getAttribute('data-strategy')===st);
      tr.hidden=!show; if(show) n++;
    });
    [].slice.call(document.querySelectorAll('section.strategy')).forEach(function(s){s.hidden=!(st==='all'||s.getAttribute('data-strategy')===st);});
    document.getElementById('visible-count').textContent=String(n);
  }
  boxes.forEach(function(b){b.addEventListener('change',apply);});
  sel.addEventListener('change',apply);
  apply();
})();
`;

function statusCell(s: Status, extra = ''): string {
  return `<td class="st st-${s}"><span aria-hidden="true">${STATUS_ICON[s]}</span> ${STATUS_LABEL[s]}${extra}</td>`;
}

/** The note under a rule's table when some of its findings are not listed. */
function omittedNote(r: RuleRows): string {
  const n = omittedCount(r);
  return n ? `<p class="muted omitted">${n.toLocaleString('en-US')} more finding${n > 1 ? 's' : ''} of ${esc(r.rule.id)} not listed here (${countsText(r.omitted)}); the JSON report lists every finding.</p>` : '';
}

/** The HTML report, written in chunks (one per ~1 MiB), never held as one string. */
export const writeHtmlReport: StreamingReporter = (result, opts, write) => {
  const m = buildMapping(result, opts);
  const c = m.counts;
  const parts = joined(write);
  parts.push(`<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="phikit ${esc(m.toolVersion)}">\n<title>${esc(m.title)} — phikit</title>\n<style>${CSS}</style>\n</head>\n<body>`);
  parts.push(`<header><h1>${esc(m.title)}</h1><p class="muted">phikit ${esc(m.toolVersion)} · rule catalogue ${esc(m.catalogueVersion)} · generated ${esc(m.generatedAt)}</p></header>\n<main>`);
  parts.push('<section aria-labelledby="summary"><h2 id="summary">Summary</h2>');
  parts.push('<table><caption class="muted">All findings by status</caption><thead><tr><th scope="col">Status</th><th scope="col">Findings</th></tr></thead><tbody>');
  for (const s of STATUS_ORDER) parts.push(`<tr>${statusCell(s)}<td>${c[s]}</td></tr>`);
  parts.push('</tbody></table>');
  parts.push(chart(m));
  parts.push('<table><caption class="muted">Findings per strategy (score = pass ÷ (pass + fail + unknown + error)). Required rules are the HIPAA baseline; recommended rules are phikit hardening.</caption><thead><tr><th scope="col">Strategy</th><th scope="col">Pass</th><th scope="col">Fail: required</th><th scope="col">Fail: recommended</th><th scope="col">Unknown</th><th scope="col">Not assessed</th><th scope="col">Waived</th><th scope="col">Error</th><th scope="col">Score</th></tr></thead><tbody>');
  for (const s of m.strategies) {
    const score = scoreOf(s.counts);
    parts.push(`<tr><th scope="row"><a href="#strategy-${s.strategy}">${s.strategy}. ${esc(s.name)}</a></th><td>${s.counts.pass}</td><td>${s.byLevel.required.fail}</td><td>${s.byLevel.recommended.fail}</td><td>${s.counts.unknown}</td><td>${s.counts.not_assessed}</td><td>${s.counts.waived}</td><td>${s.counts.error}</td><td>${score === undefined ? 'n/a' : `${score}%`}</td></tr>`);
  }
  parts.push('</tbody></table>');
  parts.push('<table><caption class="muted">Required and recommended results per strategy</caption><thead><tr><th scope="col">Strategy</th><th scope="col">Required</th><th scope="col">Recommended</th></tr></thead><tbody>');
  for (const s of m.strategies) parts.push(`<tr><th scope="row">${s.strategy}. ${esc(s.name)}</th><td>${esc(levelText(s.byLevel.required))}</td><td>${esc(levelText(s.byLevel.recommended))}</td></tr>`);
  parts.push('</tbody></table>');
  parts.push('<h3 id="gaps">Gaps: not assessed here</h3>');
  if (!m.gaps.length) parts.push('<p>None: every rule in this run was assessed on these inputs.</p>');
  else {
    parts.push('<p>These controls were not judged on these inputs. Each needs evidence from where it is declared to live (another stack, the organization) or from the evidence directory.</p>');
    parts.push('<table><thead><tr><th scope="col">Rule</th><th scope="col">Level</th><th scope="col">Severity</th><th scope="col">Control</th><th scope="col">Reason</th></tr></thead><tbody>');
    for (const f of m.gaps) parts.push(`<tr><td>${esc(f.ruleId)}</td><td>${f.level}</td><td>${f.severity}</td><td>${esc(f.title)}</td><td>${esc(f.message)}</td></tr>`);
    parts.push('</tbody></table>');
  }
  parts.push('<h3>Provenance</h3><table><thead><tr><th scope="col">Input</th><th scope="col">Format</th><th scope="col">Stack</th><th scope="col">SHA-256</th></tr></thead><tbody>');
  for (const u of m.inputs) parts.push(`<tr><td class="mono">${esc(u.file)}</td><td>${esc(u.format)}${u.formatVersion ? ` ${esc(u.formatVersion)}` : ''}</td><td>${esc(u.stack ?? '')}</td><td class="mono">${u.sha256}</td></tr>`);
  parts.push('</tbody></table></section>');

  parts.push('<form id="filters" aria-label="Filter findings" onsubmit="return false"><fieldset><legend>Status</legend>');
  for (const s of STATUS_ORDER) parts.push(`<label><input type="checkbox" name="status" value="${s}" checked> ${STATUS_ICON[s]} ${STATUS_LABEL[s]}</label>`);
  parts.push('</fieldset><label>Strategy <select id="strategy-filter"><option value="all">All strategies</option>');
  for (const s of m.strategies) parts.push(`<option value="${s.strategy}">${s.strategy}. ${esc(s.name)}</option>`);
  parts.push('</select></label><span><span id="visible-count"></span> rows shown (a finding appears under each citation of its rule)</span></form>');

  for (const s of m.strategies) {
    parts.push(`<section class="strategy" data-strategy="${s.strategy}" aria-labelledby="strategy-${s.strategy}"><h2 id="strategy-${s.strategy}">Strategy ${s.strategy}: ${esc(s.name)}</h2>`);
    if (!s.citations.length) parts.push('<p class="muted">No rules in this run.</p>');
    for (const g of s.citations) {
      const spec = g.spec;
      parts.push(`<h3>45 CFR ${esc(g.citation)}${spec ? ` — ${esc(spec.title)} <span class="muted">(${spec.status === 'R' ? 'Required' : 'Addressable'})</span>` : ''}</h3>`);
      for (const ctl of g.controls) {
        for (const rows of ctl.rules) {
          const { rule, findings } = rows;
          parts.push(`<h4>${esc(rule.id)} ${esc(rule.title)}</h4><p class="muted">Control ${esc(rule.control)} · <strong>${rule.level}</strong> (${esc(levelBasisText(rule))}) · severity ${rule.severity}${rule.construct ? ` · fixed by the phikit ${esc(rule.construct)} construct` : ''}</p>`);
          parts.push('<table><thead><tr><th scope="col">Status</th><th scope="col">Resource</th><th scope="col">Evidence</th><th scope="col">Detail</th></tr></thead><tbody>');
          for (const f of findings) {
            let detail = esc(f.message);
            if (f.status === 'fail' || f.status === 'unknown' || f.status === 'error') detail += `<br><strong>Fix:</strong> ${esc(f.remediation)}`;
            if (f.waiver) detail += `<br><strong>Waiver:</strong> ${esc(f.waiver.reason)} (${esc(waiverTerms(f.waiver))})`;
            const base = `${f.status === 'fail' && f.level === 'recommended' ? ' <span class="muted">(recommended)</span>' : ''}${f.baseline ? ` <span class="muted">(${f.baseline})</span>` : ''}`;
            const ev = f.evidence ? `<span class="mono">${esc(f.evidence.attribute)}</span> = <span class="mono">${esc(f.evidence.value)}</span>` : '';
            parts.push(`<tr class="finding" data-status="${f.status}" data-level="${f.level}" data-strategy="${f.strategy}">${statusCell(f.status, base)}<td class="mono">${esc(whereOf(f))}</td><td>${ev}</td><td>${detail}</td></tr>`);
          }
          parts.push('</tbody></table>');
          if (omittedCount(rows)) parts.push(omittedNote(rows));
        }
      }
      if (g.notApplicable.length) parts.push(`<p class="muted">Not applicable to these inputs (no matching resources): ${g.notApplicable.map((r) => esc(r.id)).join(', ')}.</p>`);
    }
    parts.push('</section>');
  }

  parts.push('<section aria-labelledby="coverage"><h2 id="coverage">HIPAA Security Rule coverage matrix</h2><table><thead><tr><th scope="col">Citation</th><th scope="col">Specification</th><th scope="col">R/A</th><th scope="col">How phikit covers it</th><th scope="col">Required results</th><th scope="col">Recommended results</th></tr></thead><tbody>');
  for (const row of m.coverage) {
    const all = [...row.technical, ...row.evidence];
    const req = all.filter((r) => r.level === 'required').map((r) => r.id);
    const rec = all.filter((r) => r.level === 'recommended').map((r) => r.id);
    const ids = [...(req.length ? [`required ${req.join(', ')}`] : []), ...(rec.length ? [`recommended ${rec.join(', ')}`] : [])];
    parts.push(`<tr><th scope="row">${esc(row.spec.citation)}</th><td>${esc(row.spec.title)}${row.spec.kind === 'standard' ? ' <span class="muted">(standard)</span>' : ''}</td><td>${row.spec.status}</td><td>${esc(row.how)}${ids.length ? `: <span class="mono">${esc(ids.join('; '))}</span>` : ''}</td><td>${esc(levelText(row.byLevel.required))}</td><td>${esc(levelText(row.byLevel.recommended))}</td></tr>`);
  }
  parts.push('</tbody></table></section>');

  parts.push('<section aria-labelledby="waivers"><h2 id="waivers">Waivers</h2>');
  const waived = [...m.waived, ...m.expiredWaivers];
  if (!waived.length) parts.push('<p>No findings are waived.</p>');
  else {
    parts.push('<table><thead><tr><th scope="col">Rule</th><th scope="col">Resource</th><th scope="col">Reason</th><th scope="col">Approved by</th><th scope="col">Expires</th><th scope="col">Expired?</th></tr></thead><tbody>');
    for (const f of waived) {
      const w = f.waiver!;
      parts.push(`<tr><td>${esc(f.ruleId)}</td><td class="mono">${esc(whereOf(f))}</td><td>${esc(w.reason)}</td><td>${esc(w.approvedBy ?? '—')}</td><td>${esc(w.expires ?? '—')}</td><td>${w.expired ? '<strong>yes — finding fails</strong>' : 'no'}</td></tr>`);
    }
    parts.push('</tbody></table>');
  }
  if (m.stale.length) {
    parts.push('<h3>Stale waivers</h3><table><thead><tr><th scope="col">Rule</th><th scope="col">Resource pattern</th><th scope="col">Problem</th><th scope="col">Where</th></tr></thead><tbody>');
    for (const w of m.stale) parts.push(`<tr><td>${esc(w.rule)}</td><td class="mono">${esc(w.resource)}</td><td>${esc(staleProblem(w))}</td><td class="mono">${esc(w.origin)}</td></tr>`);
    parts.push('</tbody></table>');
  }
  parts.push('</section>');
  if (m.baseline) {
    const added = result.findings.filter((f) => f.baseline === 'new').length;
    const same = result.findings.filter((f) => f.baseline === 'unchanged').length;
    parts.push(`<section aria-labelledby="changes"><h2 id="changes">Changes since the baseline</h2><p>${added} new, ${same} unchanged, ${m.resolved.length} resolved.</p>`);
    if (m.resolved.length) parts.push(`<ul>${m.resolved.map((r) => `<li>Resolved: ${esc(r.ruleId)} <span class="mono">${esc(r.address)}</span> (${esc(r.file)}), was ${esc(r.status)}</li>`).join('')}</ul>`);
    parts.push('</section>');
  }
  parts.push(`</main>\n<script>${JS}</script>\n</body>\n</html>\n`);
  parts.end();
};

export const htmlReporter: Reporter = (result, opts) => {
  const chunks: string[] = [];
  writeHtmlReport(result, opts, (chunk) => chunks.push(chunk));
  return chunks.join('');
};
