/** Small-cell suppression: the primary rule, and a subtraction attack that recovers nothing it hides. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  extended,
  lines,
  type PublishedTable,
  type RawTable,
  suppress,
} from '../../src/review/suppression.js'

/** The published table as an extended matrix with nulls for what is hidden. */
const published = (p: PublishedTable): (number | null)[][] => [
  ...p.cells.map((row, r) => [...row, p.rowTotals[r]!]),
  [...p.colTotals, p.total],
]

/**
 * The attacker: every row and column of the extended matrix is an equation
 * (cells sum to the total). Any equation with one unknown gives it away;
 * solving one can open another, so repeat until nothing moves.
 */
function attack(m: (number | null)[][]): (number | null)[][] {
  const x = m.map((row) => [...row])
  const R = x.length - 1
  const C = x[0]!.length - 1
  for (let moved = true; moved; ) {
    moved = false
    for (const line of lines(R, C)) {
      const unknown = line.filter(([r, c]) => x[r]![c] === null)
      if (unknown.length !== 1) continue
      const [ur, uc] = unknown[0]!
      // The total is the last cell of the line; the others sum to it.
      const [tr, tc] = line[line.length - 1]!
      const others = line.slice(0, -1).filter(([r, c]) => !(r === ur && c === uc))
      const sum = others.reduce((a, [r, c]) => a + x[r]![c]!, 0)
      x[ur]![uc] = ur === tr && uc === tc ? sum : x[tr]![tc]! - sum
      moved = true
    }
  }
  return x
}

const raw = (cells: number[][]): RawTable => ({
  id: 't',
  title: 't',
  rows: cells.map((_, i) => `r${i}`),
  cols: cells[0]!.map((_, i) => `c${i}`),
  cells,
})

describe('suppression', () => {
  it('hides counts from 1 to 4, publishes zeros and counts of 5 or more', () => {
    const p = suppress(
      raw([
        [0, 3, 12],
        [7, 5, 9],
      ]),
    )
    expect(p.cells[0]![0]).toBe(0)
    expect(p.cells[0]![1]).toBeNull()
    expect(p.suppressed.primary).toBe(1)
    expect(p.suppressed.complementary).toBeGreaterThan(0)
  })

  it('without complementary suppression the subtraction attack recovers a hidden count (the attack is real)', () => {
    const t = raw([
      [0, 3, 12],
      [7, 5, 9],
    ])
    const m = extended(t).map((row) => row.map((v) => (v > 0 && v < 5 ? null : v)))
    expect(attack(m)[0]![1]).toBe(3)
  })

  it('with it, the attack recovers no hidden count, whatever the table', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((R) =>
          fc.integer({ min: 1, max: 5 }).chain((C) =>
            fc.array(
              fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })), {
                minLength: C,
                maxLength: C,
              }),
              {
                minLength: R,
                maxLength: R,
              },
            ),
          ),
        ),
        (cells) => {
          const t = raw(cells)
          const p = suppress(t)
          const m = published(p)
          const truth = extended(t)
          const solved = attack(m)
          for (let r = 0; r < m.length; r++)
            for (let c = 0; c < m[0]!.length; c++) {
              if (m[r]![c] === null) expect(solved[r]![c]).toBeNull()
              else expect(m[r]![c]).toBe(truth[r]![c])
              // Nothing below the threshold is ever shown.
              if (m[r]![c] !== null) expect(m[r]![c]! === 0 || m[r]![c]! >= 5).toBe(true)
            }
        },
      ),
      { numRuns: 400 },
    )
  })
})
