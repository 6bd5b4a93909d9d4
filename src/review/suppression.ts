/**
 * @module review/suppression
 *
 * Small-cell suppression for published tables. A table is published with
 * its row totals, column totals and grand total, so each row and each
 * column is an equation (cells sum to the total). Rules:
 * 1. primary: a count with 0 < n < threshold is suppressed;
 * 2. complementary: while any row or column (totals included) has exactly
 *    one suppressed cell — which subtraction would reveal — the smallest
 *    other cell of that line is suppressed too (a non-zero one first).
 * The result has no line with a single unknown, so no suppressed count can
 * be worked out by subtracting published figures. Zeros are published.
 */

export interface RawTable {
  readonly id: string
  readonly title: string
  readonly rows: readonly string[]
  readonly cols: readonly string[]
  /** cells[row][col] */
  readonly cells: readonly (readonly number[])[]
  /** Citations per row label, where the rows are grounds. */
  readonly cites?: Readonly<Record<string, readonly string[]>>
}

export interface PublishedTable {
  readonly id: string
  readonly title: string
  readonly rows: readonly string[]
  readonly cols: readonly string[]
  /** null: suppressed. */
  readonly cells: (number | null)[][]
  readonly rowTotals: (number | null)[]
  readonly colTotals: (number | null)[]
  readonly total: number | null
  readonly cites?: Readonly<Record<string, readonly string[]>>
  readonly suppressed: { readonly primary: number; readonly complementary: number }
}

export const DEFAULT_THRESHOLD = 5

/** The table with its totals as one (R+1)×(C+1) matrix: last column row totals, last row column totals. */
export function extended(t: RawTable): number[][] {
  const R = t.rows.length
  const C = t.cols.length
  const m = t.cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)])
  const totals = Array.from({ length: C + 1 }, (_, c) => m.reduce((a, row) => a + row[c]!, 0))
  return R === 0 ? [totals] : [...m, totals]
}

/** The lines (rows and columns of the extended matrix) as lists of [r, c]. */
export function lines(R: number, C: number): [number, number][][] {
  const out: [number, number][][] = []
  for (let r = 0; r <= R; r++)
    out.push(Array.from({ length: C + 1 }, (_, c) => [r, c] as [number, number]))
  for (let c = 0; c <= C; c++)
    out.push(Array.from({ length: R + 1 }, (_, r) => [r, c] as [number, number]))
  return out
}

export function suppress(t: RawTable, threshold = DEFAULT_THRESHOLD): PublishedTable {
  const R = t.rows.length
  const C = t.cols.length
  const m = extended(t)
  const hidden = m.map((row) => row.map((v) => v > 0 && v < threshold))
  const primary = hidden.flat().filter(Boolean).length
  let complementary = 0
  for (let changed = true; changed; ) {
    changed = false
    for (const line of lines(R, C)) {
      const unknown = line.filter(([r, c]) => hidden[r]![c])
      if (unknown.length !== 1) continue
      const candidates = line
        .filter(([r, c]) => !hidden[r]![c])
        .sort(([ra, ca], [rb, cb]) => {
          const a = m[ra]![ca]!
          const b = m[rb]![cb]!
          return (a === 0 ? 1 : 0) - (b === 0 ? 1 : 0) || a - b
        })
      const pick = candidates[0]
      if (!pick) continue
      hidden[pick[0]]![pick[1]] = true
      complementary++
      changed = true
    }
  }
  const shown = (r: number, c: number) => (hidden[r]![c] ? null : m[r]![c]!)
  return {
    id: t.id,
    title: t.title,
    rows: t.rows,
    cols: t.cols,
    cells: Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => shown(r, c))),
    rowTotals: Array.from({ length: R }, (_, r) => shown(r, C)),
    colTotals: Array.from({ length: C }, (_, c) => shown(R, c)),
    total: shown(R, C),
    ...(t.cites ? { cites: t.cites } : {}),
    suppressed: { primary, complementary },
  }
}
