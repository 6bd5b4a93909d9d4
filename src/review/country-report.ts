/**
 * @module review/country-report
 *
 * The country review report for the Conference of States Parties, as one
 * HTML document (printable to PDF): the State's register entries and when
 * they last changed, its languages and reservations, response times
 * against the deadlines, refusal grounds used, consultation before refusal
 * (40(27)) and reasons given (40(24)) — all from its signed statistics
 * release, so suppressed cells stay suppressed — the safeguards its text
 * profile lacks compared with the others, and the signed comments of
 * reviewers. Built from public data only.
 */
import type { Registry } from '../registry/registry.js'
import type { ProfileId } from '../treaty/profile.js'
import { lacking } from '../treaty/safeguards.js'
import type { ReleaseBody } from './release.js'
import type { PublishedTable } from './suppression.js'
import { barSvg } from './svg-chart.js'

export interface RegisterChange {
  readonly field: string
  readonly cite: string
  readonly value: string
  readonly since: { version: number; issuedAt: string }
}

export interface ReportComment {
  readonly author: string
  readonly role: string
  readonly at: string
  readonly text: string
  readonly hash: string
}

export interface ReportInput {
  readonly state: string
  readonly profile: ProfileId
  readonly period: string
  readonly generatedAt: string
  readonly register: { version: number; issuedAt: string; entries: readonly RegisterChange[] }
  readonly release: { hash: string; body: ReleaseBody } | null
  readonly comments: readonly ReportComment[]
  readonly stateName: string
}

const esc = (s: unknown) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )
const cell = (v: number | null) =>
  v === null
    ? '<span title="suppressed: fewer than the threshold, or would reveal one">·</span>'
    : String(v)

function tableHtml(t: PublishedTable): string {
  return `<table><caption>${esc(t.title)}</caption><thead><tr><th></th>${t.cols.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}<th scope="col">total</th></tr></thead><tbody>${t.rows
    .map(
      (r, i) =>
        `<tr><th scope="row">${esc(r)}${t.cites?.[r] ? ` <small>(Art ${esc(t.cites[r]!.join(', '))})</small>` : ''}</th>${t.cells[i]!.map((v) => `<td>${cell(v)}</td>`).join('')}<td>${cell(t.rowTotals[i]!)}</td></tr>`,
    )
    .join(
      '',
    )}<tr class="total"><th scope="row">total</th>${t.colTotals.map((v) => `<td>${cell(v)}</td>`).join('')}<td>${cell(t.total)}</td></tr></tbody></table>`
}

/** A chart of the published (unsuppressed) values of a column, or of the row totals; nothing when all are suppressed. */
function chartOf(t: PublishedTable, col = -1): string {
  const data = t.rows.map((r, i) => ({
    label: r,
    value: col < 0 ? t.rowTotals[i]! : t.cells[i]![col]!,
  }))
  return data.some((d) => d.value !== null && d.value > 0) ? barSvg(data) : ''
}

export function renderCountryReport(r: ReportInput): string {
  const tables = new Map(r.release?.body.tables.map((t) => [t.id, t]) ?? [])
  const t = (id: string) => tables.get(id)
  const section = (title: string, body: string) =>
    `<section><h2>${esc(title)}</h2>${body}</section>`
  const missing = (what: string) =>
    `<p class="note">No ${esc(what)} in the release for ${esc(r.period)}.</p>`
  const gaps = lacking(r.profile)
  const timings = r.release?.body.timings ?? []
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Country review report — ${esc(r.stateName)} (${esc(r.state)}), ${esc(r.period)}</title>
<style>
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a;max-width:900px;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;border-bottom:2px solid #0f2f46;padding-bottom:.2rem;margin-top:2rem;break-after:avoid}
table{border-collapse:collapse;width:100%;margin:.75rem 0;break-inside:avoid}caption{text-align:left;font-weight:600;margin-bottom:.3rem}
th,td{border-bottom:1px solid #c9d1d9;padding:.3rem .5rem;text-align:left;vertical-align:top}td{text-align:right}tr.total{font-weight:600}
.note{color:#4a4a4a;font-size:.92rem}.meta{color:#4a4a4a}.chart{break-inside:avoid}blockquote{border-left:3px solid #c9d1d9;margin:.5rem 0;padding-left:.75rem}
code{font-size:.85rem;word-break:break-all}@media print{body{margin:0}}
</style></head><body>
<h1>Country review report — ${esc(r.stateName)} (${esc(r.state)})</h1>
<p class="meta">Period ${esc(r.period)} · text profile ${esc(r.profile)} · register version ${r.register.version} (${esc(r.register.issuedAt)}) · generated ${esc(r.generatedAt)}</p>
<p class="note">Built from public data only: the Secretariat's signed register, the State's signed statistics release (figures recomputable from its transparency log; cells below the threshold, and cells that would reveal them, are shown as ·) and signed reviewer comments. Fictional States; no personal data.</p>
${section(
  'Register entries',
  `<table><thead><tr><th scope="col">Entry</th><th scope="col">Provision</th><th scope="col">Value</th><th scope="col">Unchanged since</th></tr></thead><tbody>${r.register.entries
    .map(
      (e) =>
        `<tr><th scope="row">${esc(e.field)}</th><td>${e.cite ? `Art ${esc(e.cite)}` : '—'}</td><td style="text-align:left">${esc(e.value)}</td><td>v${e.since.version}, ${esc(e.since.issuedAt.slice(0, 10))}</td></tr>`,
    )
    .join('')}</tbody></table>`,
)}
${section(
  'Requests and outcomes',
  r.release
    ? `<p class="note">Release <code>${esc(r.release.hash)}</code> over ${r.release.body.log.size} log entries, threshold ${r.release.body.threshold}.</p>${[
        t('requests-by-type'),
        t('requests-by-counterpart'),
        t('outcomes'),
      ]
        .filter(Boolean)
        .map((x) => tableHtml(x!))
        .join(
          '',
        )}${t('outcomes') ? `<div class="chart" role="img" aria-label="Outcomes as requested State">${chartOf(t('outcomes')!, 1)}</div>` : ''}`
    : missing('statistics release'),
)}
${section(
  'Response times against the deadlines',
  timings.length
    ? `<table><thead><tr><th scope="col">Measure</th><th scope="col">n</th><th scope="col">median (h)</th><th scope="col">p90 (h)</th></tr></thead><tbody>${timings
        .map(
          (x) =>
            `<tr><th scope="row">${esc(x.title)}</th><td>${x.n ?? '·'}</td><td>${x.median ?? '·'}</td><td>${x.p90 ?? '·'}</td></tr>`,
        )
        .join(
          '',
        )}</tbody></table><p class="note">Deadlines: emergency disclosures are answered within 8 hours (Art 41(3)(d), this network's target); other requests by the date the requesting State gave with reasons (Art 40(25)).</p>${t('emergency-follow-up') ? tableHtml(t('emergency-follow-up')!) : ''}`
    : missing('timings'),
)}
${section(
  'Refusals: grounds, consultation first (Art 40(27)), reasons given (Art 40(24))',
  `${t('refusal-grounds') ? `${tableHtml(t('refusal-grounds')!)}<div class="chart" role="img" aria-label="Refusal grounds">${chartOf(t('refusal-grounds')!)}</div>` : missing('refusals')}${t('refusal-safeguards') ? tableHtml(t('refusal-safeguards')!) : ''}`,
)}
${section(
  'Data protection and the people concerned',
  ['onward-transfer', 'deletions', 'notices']
    .map((id) => t(id))
    .filter(Boolean)
    .map((x) => tableHtml(x!))
    .join('') || missing('figures'),
)}
${section(
  `Safeguards the ${r.profile} text lacks compared with the others`,
  gaps.length
    ? `<table><thead><tr><th scope="col">Safeguard</th><th scope="col">Offered by</th></tr></thead><tbody>${gaps
        .map(
          (g) =>
            `<tr><th scope="row">${esc(g.key.replace(/^ground:/, 'ground for refusal: ').replace(/^obligation:/, 'obligation: '))}</th><td style="text-align:left">${g.offeredBy.map((o) => `${esc(o.profile)}${o.cites.length ? ` (Art ${esc(o.cites.join(', '))})` : ''}`).join('; ')}</td></tr>`,
        )
        .join(
          '',
        )}</tbody></table><p class="note">Read off the rule book (profiles.md). Paragraphs of the adopted text inside Arts 37–46 are unverified readings, never verified treaty text.</p>`
    : '<p>None: every safeguard another text offers, this one offers too.</p>',
)}
${section(
  'Comments from reviewers',
  r.comments.length
    ? r.comments
        .map(
          (c) =>
            `<blockquote><p>${esc(c.text)}</p><footer class="note">${esc(c.author)} (${esc(c.role)}), ${esc(c.at)} — signed and logged, <code>${esc(c.hash.slice(0, 16))}…</code></footer></blockquote>`,
        )
        .join('')
    : '<p class="note">No comments yet.</p>',
)}
</body></html>`
}

/** The register entries the report covers, each with the first snapshot version since which it has not changed. */
export function registerEntries(
  history: readonly { version: number; issuedAt: string; registry: Registry['document'] }[],
  state: string,
): RegisterChange[] {
  const fields: [string, string, (s: Registry['document']['states'][number]) => string][] = [
    [
      'Central authority',
      '40(12)(c)',
      (s) =>
        `${s.centralAuthority?.name ?? '—'}${s.centralAuthority?.email ? ` <${s.centralAuthority.email}>` : ''}`,
    ],
    [
      '24/7 point of contact',
      '41(2)',
      (s) =>
        `${s.pointOfContact247?.name ?? '—'}${s.pointOfContact247?.phone ? `, ${s.pointOfContact247.phone}` : ''}`,
    ],
    ['Extradition authority', '37(19)', (s) => s.extraditionAuthority?.name ?? '—'],
    ['Acceptable languages', '40(13)', (s) => s.languages.join(', ')],
    ['Reservations', '', (s) => (s.reservations.length ? s.reservations.join(', ') : 'none')],
  ]
  const sorted = [...history].sort((a, b) => a.version - b.version)
  return fields.map(([field, cite, get]) => {
    let since = { version: 0, issuedAt: '' }
    let prev: string | undefined
    for (const h of sorted) {
      const s = h.registry.states.find((x) => x.code === state)
      const v = s ? get(s) : '—'
      if (v !== prev) since = { version: h.version, issuedAt: h.issuedAt }
      prev = v
    }
    return { field, cite, value: prev ?? '—', since }
  })
}
