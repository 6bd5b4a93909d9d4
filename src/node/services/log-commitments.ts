/**
 * @module node/services/log-commitments
 *
 * What a node puts in its transparency log: commitments, never personal
 * data. Each is canonical JSON with `v`, `event`, `node` and the request
 * id, queued in the same transaction as the change it records, so that it
 * is durable exactly when the change is. Free text that might name
 * someone (a purpose, a reason) enters only as a salted hash; the salt
 * stays in the node's own table, so the node can later prove what it
 * committed to without the log revealing it.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Transaction } from 'kysely'
import { canonicalBytes } from '../../envelope/canonical.js'
import type { Database } from '../../store/schema.js'

export interface Commitment {
  readonly event: string
  readonly node: string
  readonly rid: string
  readonly at: string
  readonly [field: string]: unknown
}

/** Queue a commitment for the log; returns the entry's bytes (its identity in the log is their SHA-256). */
export async function commit(trx: Transaction<Database>, c: Commitment): Promise<Uint8Array> {
  const entry = canonicalBytes({ v: 1, ...c })
  await trx.insertInto('log_queue').values({ entry, queued_at: c.at }).execute()
  return entry
}

/** A salted SHA-256 of free text: `{ salt, hash }` (hex); the hash goes to the log, the salt stays home. */
export function saltedHash(text: string): { salt: string; hash: string } {
  const salt = randomBytes(16).toString('hex')
  const hash = createHash('sha256').update(salt).update(text, 'utf8').digest('hex')
  return { salt, hash }
}
