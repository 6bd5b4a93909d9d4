/**
 * @module node/services/log-views
 *
 * Where a request's history stands in the node's log: for each transition,
 * the entry it committed (found by the hash the row keeps), its index, and an
 * inclusion proof against the current checkpoint — what the case view's
 * "in log" badge opens. An entry still queued has no index yet.
 */
import type { NodeRuntime } from '../runtime.js'

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64')

export async function transitionsInLog(rt: NodeRuntime, rid: string) {
  const rows = await rt.store.db
    .selectFrom('transitions')
    .select(['id', 'action', 'at', 'entry_hash'])
    .where('request_id', '=', rid)
    .orderBy('id')
    .execute()
  const out = []
  for (const t of rows) {
    const index = t.entry_hash ? await rt.log.indexOf(Buffer.from(t.entry_hash, 'hex')) : undefined
    const bundle = index === undefined ? undefined : rt.log.inclusionBundle(index)
    const entry =
      index === undefined
        ? null
        : await rt.store.db
            .selectFrom('log_entries')
            .select('entry')
            .where('idx', '=', index)
            .executeTakeFirst()
    out.push({
      transition: t.id,
      action: t.action,
      at: t.at,
      ...(bundle && entry
        ? {
            index,
            size: bundle.size,
            entry: new TextDecoder().decode(entry.entry),
            checkpoint: bundle.checkpoint,
            proof: bundle.proof.map(b64),
          }
        : { index: null }),
    })
  }
  return { origin: rt.log.origin, vkey: rt.log.verifierKey, transitions: out }
}
