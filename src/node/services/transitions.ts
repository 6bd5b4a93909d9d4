/**
 * @module node/services/transitions
 *
 * Every transition of a request is recorded twice in one transaction: in
 * full in the node's own table (with reasons and the user), and as a
 * commitment in the transparency log's queue. The commitment holds what
 * review needs and nothing personal: event, request id, type, direction,
 * counterpart State, profile, states, action, the actor's *role* (never
 * the user), time, whether reasons were given (not the reasons), the
 * engine's grounds on a decision (codes and citations), the request it
 * follows up, and the message id and envelope hash where a message caused
 * it. The transition row keeps the entry's SHA-256, so the case view finds
 * it in the log.
 */
import type { Insertable, Selectable, Transaction } from 'kysely'
import { sha256Hex } from '../../envelope/canonical.js'
import { isDecision } from '../../lifecycle/lifecycle.js'
import { readJson } from '../../store/json-column.js'
import type { Database, RequestsTable, TransitionsTable } from '../../store/schema.js'
import { commit } from './log-commitments.js'

/** What the commitment says about the request; callers that hold the row pass it and save a query. */
export type RequestFacts = Pick<
  Selectable<RequestsTable>,
  'type' | 'direction' | 'from_state' | 'to_state' | 'profile' | 'screening' | 'follow_up_of'
>

export const REQUEST_FACTS = [
  'type',
  'direction',
  'from_state',
  'to_state',
  'profile',
  'screening',
  'follow_up_of',
] as const

export async function recordTransition(
  trx: Transaction<Database>,
  node: string,
  t: Insertable<TransitionsTable>,
  message: { id?: string | null; hash?: string | null } = {},
  facts?: RequestFacts,
): Promise<void> {
  const req =
    facts ??
    (await trx
      .selectFrom('requests')
      .select(REQUEST_FACTS)
      .where('id', '=', t.request_id)
      .executeTakeFirst())
  const detail = readJson<{ reasons?: string | null }>(t.detail)
  const entry = await commit(trx, {
    event: 'transition',
    node,
    rid: t.request_id,
    ...(req
      ? {
          type: req.type,
          dir: req.direction,
          peer: req.direction === 'outgoing' ? req.to_state : req.from_state,
          profile: req.profile,
        }
      : {}),
    from: t.from_state ?? null,
    to: t.to_state,
    action: t.action,
    role: t.actor_role,
    at: t.at,
    reasons: Boolean(detail?.reasons?.trim()),
    ...(req && isDecision(t.to_state)
      ? {
          grounds: (
            readJson<{ grounds?: { code: string; mandatory: boolean; cites: string[] }[] }>(
              req.screening,
            ).grounds ?? []
          ).map((g) => ({ code: g.code, mandatory: g.mandatory, cites: g.cites })),
        }
      : {}),
    ...(req?.follow_up_of && (t.action === 'send' || t.action === 'receive')
      ? { fu: req.follow_up_of }
      : {}),
    ...(message.id ? { mid: message.id } : {}),
    ...(message.hash ? { mhash: message.hash } : {}),
  })
  await trx
    .insertInto('transitions')
    .values({ ...t, entry_hash: sha256Hex(entry) })
    .execute()
}
