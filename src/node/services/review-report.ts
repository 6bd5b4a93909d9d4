/**
 * @module node/services/review-report
 *
 * The country review report of this node's State, and reviewers'
 * comments on it. A comment is multistakeholder input: the node signs it
 * (`rogatory-comment+jws`) and commits its hash to the log, so it cannot be
 * dropped or edited quietly. The report uses public data only: the
 * register versions this node holds, its latest statistics release for the
 * period, and the comments.
 */
import { sha256Hex } from '../../envelope/canonical.js'
import { signStatement, unverifiedClaims } from '../../envelope/registered-jws.js'
import { RogatoryError } from '../../errors/rogatory-error.js'
import type { Registry } from '../../registry/registry.js'
import { registerEntries, renderCountryReport } from '../../review/country-report.js'
import { PERIOD, type ReleaseBody } from '../../review/release.js'
import { type NodeRuntime, nowIso, signer } from '../runtime.js'
import { commit } from './log-commitments.js'
import { firstRole, type User } from './users.js'

function checkPeriod(period: unknown): string {
  if (typeof period !== 'string' || !PERIOD.test(period))
    throw new RogatoryError('ERR_INPUT_INVALID', 'a period is a quarter, e.g. 2027-Q2', {
      path: 'period',
    })
  return period
}

export async function addComment(
  rt: NodeRuntime,
  user: User,
  input: { period?: unknown; text?: unknown },
) {
  const role = firstRole(user, ['reviewer', 'admin'])
  const period = checkPeriod(input.period)
  const text = typeof input.text === 'string' ? input.text.trim() : ''
  if (!text || text.length > 5000)
    throw new RogatoryError('ERR_INPUT_INVALID', 'a comment is 1 to 5000 characters', {
      path: 'text',
    })
  const at = nowIso(rt)
  const jws = await signStatement(
    'rogatory-comment+jws',
    { node: rt.settings.state, period, author: user.username, role, text, at },
    signer(rt),
  )
  const hash = sha256Hex(jws)
  await rt.store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('review_comments')
      .values({ period, author: user.username, role, text, jws, hash, at })
      .execute()
    await commit(trx, {
      event: 'review-comment',
      node: rt.settings.state,
      rid: `review:${period}`,
      at,
      chash: hash,
      role,
    })
  })
  return { hash, jws, at }
}

export async function countryReport(rt: NodeRuntime, periodInput: unknown): Promise<string> {
  const period = checkPeriod(periodInput)
  const [snapshots, release, comments] = await Promise.all([
    rt.store.db.selectFrom('snapshots').select(['jws']).orderBy('version').execute(),
    rt.store.db
      .selectFrom('statistics_releases')
      .select(['hash', 'jws'])
      .where('period', '=', period)
      .orderBy('issued_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    rt.store.db
      .selectFrom('review_comments')
      .selectAll()
      .where('period', '=', period)
      .orderBy('id')
      .execute(),
  ])
  const history = snapshots.map((s) =>
    unverifiedClaims<{ version: number; issuedAt: string; registry: Registry['document'] }>(s.jws),
  )
  const current = rt.snapshot.directory.snapshot
  const state = rt.settings.state
  return renderCountryReport({
    state,
    stateName: current.registry.states.find((s) => s.code === state)?.name ?? state,
    profile: rt.settings.profile,
    period,
    generatedAt: nowIso(rt),
    register: {
      version: current.version,
      issuedAt: current.issuedAt,
      entries: registerEntries(history, state),
    },
    release: release
      ? { hash: release.hash, body: unverifiedClaims<ReleaseBody>(release.jws) }
      : null,
    comments: comments.map((c) => ({
      author: c.author,
      role: c.role,
      at: c.at,
      text: c.text,
      hash: c.hash,
    })),
  })
}
