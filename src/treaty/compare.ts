/**
 * @module treaty/compare
 *
 * The same question under the three text profiles, side by side: which
 * answers differ, and why (the rules and citations behind each).
 */
import type { Assessment, Step } from './engine/assessment.js'
import { PROFILES, type ProfileId } from './profile.js'

export interface Cell {
  readonly value: string | null
  /** The trail steps that produced this value (empty when nothing fired). */
  readonly because: readonly Step[]
}

export interface Row {
  readonly item: string
  readonly cells: Readonly<Record<ProfileId, Cell>>
  readonly differs: boolean
}

export interface Comparison {
  readonly assessments: Readonly<Record<ProfileId, Assessment>>
  readonly rows: readonly Row[]
  readonly differences: number
}

const SCOPE = new Set(['not-party', 'not-in-force', 'out-of-scope'])

/** Scope grounds make the Convention inapplicable; they are neither mandatory nor discretionary refusals. */
const strength = (g: { code: string; mandatory: boolean }): string =>
  SCOPE.has(g.code) ? 'applies' : g.mandatory ? 'mandatory' : 'discretionary'

const stepsFor = (a: Assessment, pred: (s: Step) => boolean) => a.trail.filter(pred)

export function compareProfiles(assessments: Readonly<Record<ProfileId, Assessment>>): Comparison {
  const rows: Row[] = []
  const row = (item: string, cell: (a: Assessment) => Cell) => {
    const cells = Object.fromEntries(PROFILES.map((p) => [p, cell(assessments[p])])) as Record<
      ProfileId,
      Cell
    >
    const values = new Set(PROFILES.map((p) => cells[p].value))
    rows.push({ item, cells, differs: values.size > 1 })
  }
  const first = assessments[PROFILES[0]]
  if (first.outcome !== undefined) {
    row('outcome', (a) => ({
      value: a.outcome ?? null,
      because: stepsFor(a, (s) => s.decision.startsWith('ground ')),
    }))
  }
  const union = (pick: (a: Assessment) => readonly string[]) =>
    [...new Set(PROFILES.flatMap((p) => pick(assessments[p])))].sort()
  for (const code of union((a) => a.grounds.map((g) => g.code))) {
    row(`ground ${code}`, (a) => {
      const g = a.grounds.find((x) => x.code === code)
      const because = stepsFor(
        a,
        (s) => s.question.endsWith(code) || s.decision.startsWith(`ground ${code} `),
      )
      return {
        value: g ? `${strength(g)} (${g.cites.join(', ')}) [${g.trust}]` : null,
        because,
      }
    })
  }
  for (const code of union((a) => a.obligations)) {
    row(`obligation ${code}`, (a) => ({
      value: (a.obligations as readonly string[]).includes(code) ? 'yes' : null,
      because: stepsFor(a, (s) => s.decision === `obligation ${code}`),
    }))
  }
  for (const code of union((a) => a.excludedGrounds)) {
    row(`excluded ${code}`, (a) => ({
      value: (a.excludedGrounds as readonly string[]).includes(code) ? 'yes' : null,
      because: stepsFor(a, (s) => s.decision === `excluded ${code}`),
    }))
  }
  row('missing fields', (a) => ({ value: a.missingFields.join(', ') || null, because: [] }))
  for (const key of union((a) => Object.keys(a.dates))) {
    row(`date ${key}`, (a) => ({
      value: a.dates[key] ?? null,
      because: stepsFor(a, (s) => s.phase === 'dates'),
    }))
  }
  return { assessments, rows, differences: rows.filter((r) => r.differs).length }
}
