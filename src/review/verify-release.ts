/**
 * @module review/verify-release
 *
 * Check a statistics release against the node's log, trusting only the
 * register: the signature by the node's registered key; the root of the
 * first `log.size` entries; every figure recomputed from those entries;
 * the release's hash committed to the log; and, when the quarter has
 * several releases, that each later one names the one it supersedes.
 */
import { sha256Hex } from '../envelope/canonical.js'
import { verifyStatement } from '../envelope/registered-jws.js'
import { RogatoryError } from '../errors/rogatory-error.js'
import type { SnapshotDirectory } from '../registry/snapshot.js'
import { checkFigures, RELEASE_TYP, type ReleaseBody, releaseSchema } from './release.js'

export interface LogView {
  /** Every entry of the log, in order (as far as the checkpoint checked). */
  readonly entries: readonly Uint8Array[]
  readonly rootAt: (n: number) => Uint8Array
}

export interface ReleaseCheck {
  readonly body: ReleaseBody
  readonly hash: string
  /** Releases for the same quarter in log order, with whether each names its predecessor. */
  readonly chain: { hash: string; supersedes: string | null; index: number }[]
  readonly latest: boolean
}

const invalid = (why: string): never => {
  throw new RogatoryError('ERR_STATS_INVALID', why)
}

export async function verifyRelease(
  jws: string,
  directory: SnapshotDirectory,
  log: LogView,
): Promise<ReleaseCheck> {
  const { claims, key } = await verifyStatement<unknown>(jws, {
    typ: RELEASE_TYP,
    directory,
    code: 'ERR_STATS_INVALID',
    accept: () => true,
    maxChars: 2 * 1024 * 1024,
  })
  const parsed = releaseSchema.safeParse(claims)
  if (!parsed.success) return invalid('not a rogatory-statistics/1 release')
  const body = parsed.data as unknown as ReleaseBody
  if (body.node !== key.state) invalid(`signed by ${key.state}, but names ${body.node}`)
  const origin = directory.node(body.node)?.log?.origin
  if (origin !== body.origin) invalid(`the register gives ${body.node}'s log as ${origin}`)
  if (body.log.size > log.entries.length)
    throw new RogatoryError(
      'ERR_STATS_MISMATCH',
      `the log holds ${log.entries.length} entries, the release names ${body.log.size}`,
    )
  if (Buffer.from(log.rootAt(body.log.size)).toString('base64') !== body.log.root)
    throw new RogatoryError(
      'ERR_STATS_MISMATCH',
      `the log's root at size ${body.log.size} is not the one the release names`,
    )
  checkFigures(body, log.entries.slice(0, body.log.size))
  const hash = sha256Hex(jws)
  const chain: ReleaseCheck['chain'] = []
  log.entries.forEach((e, index) => {
    let v: {
      event?: unknown
      node?: unknown
      period?: unknown
      rhash?: unknown
      supersedes?: unknown
    }
    try {
      v = JSON.parse(new TextDecoder().decode(e))
    } catch {
      return
    }
    if (
      v.event === 'statistics-release' &&
      v.node === body.node &&
      v.period === body.period &&
      typeof v.rhash === 'string'
    )
      chain.push({
        hash: v.rhash,
        supersedes: typeof v.supersedes === 'string' ? v.supersedes : null,
        index,
      })
  })
  const at = chain.findIndex((c) => c.hash === hash)
  if (at < 0) invalid('the release is not committed to the log (yet): it cannot be relied on')
  if (chain[at]!.supersedes !== body.supersedes)
    invalid('the log and the release disagree on what it supersedes')
  for (let i = 1; i < chain.length; i++)
    if (chain[i]!.supersedes !== chain[i - 1]!.hash)
      invalid(
        `release ${chain[i]!.hash.slice(0, 12)}… replaced ${chain[i - 1]!.hash.slice(0, 12)}… without naming it`,
      )
  return { body, hash, chain, latest: at === chain.length - 1 }
}
