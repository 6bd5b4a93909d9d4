/**
 * @module scenario/compare
 *
 * FORMAT.md "Comparison rules": what it means for an answer to pass.
 */
import { citationSatisfies } from '../treaty/citation.js'
import type { Assessment } from '../treaty/engine/assessment.js'
import type { Expect } from './schema.js'

export interface Mismatch {
  readonly field: string
  readonly expected: unknown
  readonly got: unknown
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const sa = new Set(a)
  const sb = new Set(b)
  return sa.size === sb.size && [...sa].every((x) => sb.has(x))
}

const sorted = (a: readonly string[]) => [...a].sort()

export function compareAnswer(expect: Expect, got: Assessment): Mismatch[] {
  const out: Mismatch[] = []
  if (expect.outcome !== undefined && expect.outcome !== got.outcome) {
    out.push({ field: 'outcome', expected: expect.outcome, got: got.outcome ?? null })
  }
  if (expect.grounds !== undefined) {
    const expectedCodes = expect.grounds.map((g) => g.code)
    const gotCodes = got.grounds.map((g) => g.code)
    if (!sameSet(expectedCodes, gotCodes)) {
      out.push({ field: 'grounds', expected: sorted(expectedCodes), got: sorted(gotCodes) })
    } else {
      for (const e of expect.grounds) {
        const g = got.grounds.find((x) => x.code === e.code)!
        if (g.mandatory !== e.mandatory) {
          out.push({
            field: `grounds[${e.code}].mandatory`,
            expected: e.mandatory,
            got: g.mandatory,
          })
        }
        for (const c of e.cites) {
          if (!g.cites.some((gc) => citationSatisfies(gc, c))) {
            out.push({ field: `grounds[${e.code}].cites`, expected: c, got: g.cites })
          }
        }
      }
    }
  }
  for (const key of ['excludedGrounds', 'missingFields', 'obligations'] as const) {
    const e = expect[key]
    if (e !== undefined && !sameSet(e, got[key]))
      out.push({ field: key, expected: sorted(e), got: sorted(got[key]) })
  }
  for (const [key, value] of Object.entries(expect.dates ?? {})) {
    const g = got.dates[key]
    if ((g ?? null) !== value) out.push({ field: `dates.${key}`, expected: value, got: g ?? null })
  }
  return out
}
