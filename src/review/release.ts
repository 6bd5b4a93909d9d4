/**
 * @module review/release
 *
 * A statistics release: the suppressed tables of one node for one quarter,
 * computed from the first `log.size` entries of its log, whose root the
 * release names. The node signs it (compact JWS, `rogatory-statistics+jws`,
 * its registered key) and commits its hash to the same log, so a later
 * release for the same quarter must name the one it supersedes. Anyone can
 * check a release: the signature against the register, the root against
 * the log, and every figure by recomputing it from the entries.
 */
import { isDeepStrictEqual } from 'node:util'
import { z } from 'zod'
import { RogatoryError } from '../errors/rogatory-error.js'
import { readEvents } from './events.js'
import { rawStatistics, summarise } from './statistics.js'
import { DEFAULT_THRESHOLD, type PublishedTable, suppress } from './suppression.js'

export const RELEASE_TYP = 'rogatory-statistics+jws'
export const RELEASE_FORMAT = 'rogatory-statistics/1'

export interface ReleaseBody {
  readonly format: typeof RELEASE_FORMAT
  readonly node: string
  readonly origin: string
  readonly period: string
  readonly threshold: number
  readonly log: { readonly size: number; readonly root: string }
  readonly supersedes: string | null
  readonly issuedAt: string
  readonly tables: PublishedTable[]
  readonly timings: {
    id: string
    title: string
    n: number | null
    median: number | null
    p90: number | null
  }[]
  readonly skippedEntries: number
}

export const PERIOD = /^\d{4}-Q[1-4]$/

/** The figures of a release, from entries: what both the node and any checker compute. */
export function figures(
  entries: readonly Uint8Array[],
  period: string,
  threshold = DEFAULT_THRESHOLD,
) {
  if (!PERIOD.test(period))
    throw new RogatoryError('ERR_INPUT_INVALID', 'a period is a quarter, e.g. 2027-Q2', {
      path: 'period',
    })
  const ev = readEvents(entries)
  const raw = rawStatistics(ev, period)
  return {
    tables: raw.tables.map((t) => suppress(t, threshold)),
    timings: raw.timings.map((t) => ({
      id: t.id,
      title: t.title,
      ...summarise(t.hours, threshold),
    })),
    skippedEntries: ev.skipped,
  }
}

export const releaseSchema = z.object({
  format: z.literal(RELEASE_FORMAT),
  node: z.string().max(10),
  origin: z.string().max(200),
  period: z.string().regex(PERIOD),
  threshold: z.number().int().min(2).max(100),
  log: z.object({ size: z.number().int().nonnegative(), root: z.string().max(64) }),
  supersedes: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  issuedAt: z.string().max(40),
  tables: z.array(z.unknown()).max(100),
  timings: z.array(z.unknown()).max(100),
  skippedEntries: z.number().int().nonnegative(),
})

/** Recompute a release's figures from the entries it names and compare; throws ERR_STATS_MISMATCH with the first difference. */
export function checkFigures(body: ReleaseBody, entries: readonly Uint8Array[]): void {
  if (entries.length !== body.log.size)
    throw new RogatoryError(
      'ERR_STATS_MISMATCH',
      `the release is over ${body.log.size} entries, ${entries.length} given`,
    )
  const f = figures(entries, body.period, body.threshold)
  for (const key of ['tables', 'timings', 'skippedEntries'] as const) {
    const mine = JSON.parse(JSON.stringify(f[key]))
    if (!isDeepStrictEqual(mine, body[key])) {
      const at = Array.isArray(mine)
        ? mine.findIndex(
            (x: unknown, i: number) => !isDeepStrictEqual(x, (body[key] as unknown[])[i]),
          )
        : -1
      throw new RogatoryError(
        'ERR_STATS_MISMATCH',
        `${key}${at >= 0 ? `[${at}] (${(mine[at] as { id?: string })?.id ?? ''})` : ''} differs from what the log entries give`,
      )
    }
  }
}
