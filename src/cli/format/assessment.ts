/** Plain-text rendering of an assessment and its trail, for the terminal. */
import type { Assessment, Step } from '../../treaty/engine/assessment.js'

const list = (xs: readonly string[]) => (xs.length > 0 ? xs.join(', ') : '—')

export function formatFact(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

export function formatStep(s: Step, n: number): string[] {
  const lines = [
    `  ${n}. [${s.phase}] ${s.question} → ${s.decision}`,
    `     rule ${s.rule} (${s.section}); cites ${list(s.cites)} [${s.trust}]`,
    `     ${s.note}`,
  ]
  for (const f of s.facts) lines.push(`       · ${f.name} = ${formatFact(f.value)}`)
  return lines
}

export function formatAssessment(
  a: Assessment,
  opts: { trail: boolean; title?: string },
): string[] {
  const lines: string[] = []
  lines.push(`${opts.title ?? a.kind} — profile ${a.profile}, as of ${a.asOf}`)
  if (a.outcome !== undefined) lines.push(`Outcome: ${a.outcome}`)
  if (a.outcome !== undefined || a.grounds.length > 0) {
    lines.push('Grounds:')
    if (a.grounds.length === 0) lines.push('  —')
    for (const g of a.grounds) {
      lines.push(
        `  ${g.code}  ${g.mandatory ? 'MANDATORY' : 'discretionary'}  cites ${g.cites.join(', ')}  [${g.trust}]`,
      )
    }
    lines.push(`Excluded reasons: ${list(a.excludedGrounds)}`)
    lines.push(`Missing fields: ${list(a.missingFields)}`)
  }
  lines.push(`Obligations: ${list(a.obligations)}`)
  const dates = Object.entries(a.dates)
  if (dates.length > 0) {
    lines.push('Dates:')
    for (const [k, v] of dates) lines.push(`  ${k}: ${v ?? 'none'}`)
  }
  if (opts.trail) {
    lines.push('Explanation trail:')
    for (const [i, s] of a.trail.entries()) lines.push(...formatStep(s, i + 1))
  }
  return lines
}
