/**
 * @module node/services/log-views
 *
 * Where a request's history stands in the node's log: for each transition,
 * the entry it committed (rebuilt from the row), its index, and an
 * inclusion proof against the current checkpoint — what the case view's
 * "in log" badge opens. An entry still queued has no index yet.
 */
import { canonicalBytes, sha256Hex } from '../../envelope/canonical.js'
import type { NodeRuntime } from '../runtime.js'
import { transitionCommitment } from './transitions.js'

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64')

export async function transitionsInLog(rt: NodeRuntime, rid: string) {
  const [rows, inbox, outbox] = await Promise.all([
    rt.store.db
      .selectFrom('transitions')
      .selectAll()
      .where('request_id', '=', rid)
      .orderBy('id')
      .execute(),
    rt.store.db
      .selectFrom('inbox')
      .select(['message_id', 'message_hash'])
      .where('request_id', '=', rid)
      .execute(),
    rt.store.db
      .selectFrom('outbox')
      .select(['message_id', 'envelope'])
      .where('request_id', '=', rid)
      .execute(),
  ])
  // A peer's transition commits the hash of the message that caused it: received (inbox) or receipted (outbox).
  const hashes = new Map([
    ...outbox.map((m) => [m.message_id, sha256Hex(m.envelope)] as const),
    ...inbox.map((m) => [m.message_id, m.message_hash] as const),
  ])
  const out = []
  for (const t of rows) {
    const mid = json<{ messageId?: string | null }>(t.detail).messageId ?? null
    const entry = canonicalBytes({
      v: 1,
      ...transitionCommitment(rt.settings.state, t, {
        id: mid,
        hash: t.actor_role === 'peer' && mid ? (hashes.get(mid) ?? null) : null,
      }),
    })
    const index = await rt.log.indexOf(Buffer.from(sha256Hex(entry), 'hex'))
    const bundle = index === undefined ? undefined : rt.log.inclusionBundle(index)
    out.push({
      transition: t.id,
      action: t.action,
      at: t.at,
      entry: new TextDecoder().decode(entry),
      ...(bundle
        ? { index, size: bundle.size, checkpoint: bundle.checkpoint, proof: bundle.proof.map(b64) }
        : { index: null }),
    })
  }
  return { origin: rt.log.origin, vkey: rt.log.verifierKey, transitions: out }
}
