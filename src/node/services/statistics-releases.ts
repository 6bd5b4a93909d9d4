/**
 * @module node/services/statistics-releases
 *
 * Publishing this node's statistics for a quarter: integrate what is
 * queued, take the log as it stands (size and root), compute the figures
 * from its entries (review/release), sign the release with the node's
 * registered key, and commit its hash to the log — naming the release it
 * supersedes, if the quarter had one. Releases are public.
 */
import { sha256Hex } from '../../envelope/canonical.js'
import { signStatement } from '../../envelope/registered-jws.js'
import { RogatoryError } from '../../errors/rogatory-error.js'
import {
  figures,
  PERIOD,
  RELEASE_FORMAT,
  RELEASE_TYP,
  type ReleaseBody,
} from '../../review/release.js'
import { DEFAULT_THRESHOLD } from '../../review/suppression.js'
import { type NodeRuntime, nowIso, signer } from '../runtime.js'
import { commit } from './log-commitments.js'

export async function logEntries(rt: NodeRuntime, size: number): Promise<Uint8Array[]> {
  const out: Uint8Array[] = []
  for (let from = 0; from < size; from += 5000) {
    const rows = await rt.store.db
      .selectFrom('log_entries')
      .select('entry')
      .where('idx', '>=', from)
      .where('idx', '<', Math.min(size, from + 5000))
      .orderBy('idx')
      .execute()
    for (const r of rows) out.push(new Uint8Array(r.entry))
  }
  return out
}

export async function publishRelease(
  rt: NodeRuntime,
  input: { period?: unknown; threshold?: unknown },
) {
  const period = typeof input.period === 'string' ? input.period : ''
  if (!PERIOD.test(period))
    throw new RogatoryError('ERR_INPUT_INVALID', 'a period is a quarter, e.g. 2027-Q2', {
      path: 'period',
    })
  const threshold = input.threshold === undefined ? DEFAULT_THRESHOLD : Number(input.threshold)
  if (!Number.isInteger(threshold) || threshold < 2 || threshold > 100)
    throw new RogatoryError('ERR_INPUT_INVALID', 'threshold is an integer from 2 to 100', {
      path: 'threshold',
    })
  while ((await rt.log.integrate()) > 0);
  const { size } = rt.log
  const previous = await rt.store.db
    .selectFrom('statistics_releases')
    .select('hash')
    .where('period', '=', period)
    .orderBy('issued_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  const body: ReleaseBody = {
    format: RELEASE_FORMAT,
    node: rt.settings.state,
    origin: rt.log.origin,
    period,
    threshold,
    log: { size, root: Buffer.from(rt.log.root(size)).toString('base64') },
    supersedes: previous?.hash ?? null,
    issuedAt: nowIso(rt),
    ...figures(await logEntries(rt, size), period, threshold),
  }
  const jws = await signStatement(RELEASE_TYP, body, signer(rt))
  const hash = sha256Hex(jws)
  await rt.store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('statistics_releases')
      .values({ hash, period, jws, size, issued_at: body.issuedAt })
      .execute()
    await commit(trx, {
      event: 'statistics-release',
      node: rt.settings.state,
      rid: `statistics:${period}`,
      at: body.issuedAt,
      period,
      rhash: hash,
      size,
      supersedes: body.supersedes,
    })
  })
  await rt.log.integrate()
  return { hash, jws, body }
}

export async function listReleases(rt: NodeRuntime) {
  const rows = await rt.store.db
    .selectFrom('statistics_releases')
    .select(['hash', 'period', 'size', 'issued_at'])
    .orderBy('issued_at', 'desc')
    .execute()
  return rows.map((r) => ({ ...r, size: Number(r.size) }))
}

export async function getRelease(rt: NodeRuntime, hash: string) {
  const row = await rt.store.db
    .selectFrom('statistics_releases')
    .select(['jws'])
    .where('hash', '=', hash)
    .executeTakeFirst()
  if (!row) throw new RogatoryError('ERR_NOT_FOUND', `no release ${hash}`)
  return { hash, jws: row.jws }
}
