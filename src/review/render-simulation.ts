/** The simulator's result as text (CLI) — the UI draws the same numbers as charts. */
import { PROFILES } from '../treaty/profile.js'
import type { SimulationResult } from './simulator.js'

const top = (m: Record<string, number>, k = 5) =>
  Object.entries(m)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, k)

export function renderSimulation(r: SimulationResult): string[] {
  const pct = (x: number) => (r.n ? `${((100 * x) / r.n).toFixed(1)}%` : '—')
  const outcomes = [...new Set(PROFILES.flatMap((p) => Object.keys(r.outcomes[p])))].sort()
  return [
    `Outcomes of ${r.n.toLocaleString('en-US')} requests under each text${r.errors ? ` (${r.errors} could not be assessed)` : ''}:`,
    `  ${''.padEnd(18)}${PROFILES.map((p) => p.padStart(17)).join('')}`,
    ...outcomes.map(
      (o) =>
        `  ${o.padEnd(18)}${PROFILES.map((p) => String(r.outcomes[p][o] ?? 0).padStart(17)).join('')}`,
    ),
    '',
    ...r.pairs.flatMap((pr) => [
      `${pr.from} → ${pr.to}: ${pr.changed.toLocaleString('en-US')} outcomes change (${pct(pr.changed)})`,
      ...top(pr.moves).map(([k, v]) => `    ${k}: ${v}`),
      `  driven by: ${
        Object.entries(pr.drivers)
          .sort((a, b) => b[1].added + b[1].removed - (a[1].added + a[1].removed))
          .slice(0, 6)
          .map(([g, d]) =>
            [g, d.added ? `+${d.added}` : '', d.removed ? `−${d.removed}` : '']
              .filter(Boolean)
              .join(' '),
          )
          .join('; ') || '—'
      }`,
      `  State pairs most affected: ${
        top(pr.statePairs)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || '—'
      }`,
      '',
    ]),
  ]
}
