/**
 * @module node/services/transitions
 *
 * Every transition of a request is recorded twice in one transaction: in
 * full in the node's own table (with reasons and the user), and as a
 * commitment in the transparency log's queue — event, request id, states,
 * action, the actor's *role* (never the user), time, and the message id and
 * envelope hash where a message caused it. No personal data goes to the log.
 */
import type { Insertable, Transaction } from 'kysely'
import type { Database, TransitionsTable } from '../../store/schema.js'
import { commit } from './log-commitments.js'

export async function recordTransition(
  trx: Transaction<Database>,
  node: string,
  t: Insertable<TransitionsTable>,
  message: { id?: string | null; hash?: string | null } = {},
): Promise<void> {
  await trx.insertInto('transitions').values(t).execute()
  await commit(trx, transitionCommitment(node, t, message))
}

/** The log commitment of a transition: rebuilt from the row, it finds the entry in the log. */
export function transitionCommitment(
  node: string,
  t: Pick<
    Insertable<TransitionsTable>,
    'request_id' | 'from_state' | 'to_state' | 'action' | 'actor_role' | 'at'
  >,
  message: { id?: string | null; hash?: string | null } = {},
) {
  return {
    event: 'transition',
    node,
    rid: t.request_id,
    from: t.from_state ?? null,
    to: t.to_state,
    action: t.action,
    role: t.actor_role,
    at: t.at,
    ...(message.id ? { mid: message.id } : {}),
    ...(message.hash ? { mhash: message.hash } : {}),
  }
}
