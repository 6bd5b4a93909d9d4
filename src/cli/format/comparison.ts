/** Side-by-side rendering of a profile comparison. */
import type { Comparison } from '../../treaty/compare.js'
import { PROFILES } from '../../treaty/profile.js'

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length))

export function formatComparison(c: Comparison): string[] {
  const itemWidth = Math.max(12, ...c.rows.map((r) => r.item.length)) + 2
  const colWidth =
    Math.max(18, ...c.rows.flatMap((r) => PROFILES.map((p) => (r.cells[p].value ?? '—').length))) +
    2
  const lines: string[] = []
  lines.push(`  ${pad('', itemWidth)}${PROFILES.map((p) => pad(p, colWidth)).join('')}`)
  for (const r of c.rows) {
    const mark = r.differs ? '≠ ' : '  '
    lines.push(
      `${mark}${pad(r.item, itemWidth)}${PROFILES.map((p) => pad(r.cells[p].value ?? '—', colWidth)).join('')}`,
    )
  }
  lines.push('')
  if (c.differences === 0) {
    lines.push('The three texts give the same answer.')
    return lines
  }
  lines.push(`${c.differences} difference(s) between the texts, and why:`)
  for (const r of c.rows.filter((x) => x.differs && x.item !== 'outcome')) {
    lines.push(`≠ ${r.item}`)
    for (const p of PROFILES) {
      const cell = r.cells[p]
      const why = cell.because.map(
        (s) => `${s.rule}: ${s.note} (cites ${s.cites.join(', ') || '—'} [${s.trust}])`,
      )
      const silent =
        c.assessments[p].outcome === 'inapplicable'
          ? '  (not screened: the Convention does not apply)'
          : '  (no rule fired)'
      lines.push(`    ${pad(p, 17)} ${cell.value ?? '—'}${why.length > 0 ? '' : silent}`)
      for (const w of why) lines.push(`      ${w}`)
    }
  }
  return lines
}
